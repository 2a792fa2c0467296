#include "linter/analysis/filters.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/analysis/port_set.h"

namespace reachlint::analysis {

using model::Index;

namespace {

bool protocol_matches(int rule_protocol, int protocol) {
  return rule_protocol == model::kAllProtocols || rule_protocol == protocol;
}

model::PortRange rule_ports(int rule_protocol, model::PortRange ports) {
  return rule_protocol == model::kTcp || rule_protocol == model::kUdp ? ports : model::PortRange{};
}

void mark_unknown(FilterResult& result, Location at, std::string why) {
  if (result.unknown) return;
  result.unknown = true;
  result.unknown_at = at;
  result.unknown_why = std::move(why);
}

enum class RuleMatch { No, Yes, Maybe };

class GroupEvaluation {
 public:
  GroupEvaluation(const model::Model& model, const Peer& peer, bool egress)
      : model_(model), peer_(peer), egress_(egress) {}

  // Whether a rule matches the peer's addresses or groups; Maybe records why in `result`.
  RuleMatch match(const model::SgRule& rule, FilterResult& result) const {
    switch (rule.peer) {
      case model::PeerKind::Cidr:
        if (!rule.cidr.known()) return unknown(result, rule, "its CIDR is not known statically");
        return from_coverage(coverage(*rule.cidr, peer_.addresses), rule, result);
      case model::PeerKind::PrefixList:
        return match_prefix_list(rule, result);
      case model::PeerKind::SecurityGroup:
        return match_group(rule, result);
      case model::PeerKind::Unknown:
        return unknown(result, rule, rule.unknown_reason);
    }
    return RuleMatch::No;
  }

 private:
  static RuleMatch unknown(FilterResult& result, const model::SgRule& rule,
                           const std::string& why) {
    mark_unknown(result, rule.origin.location,
                 fmt::format("rule {} cannot be evaluated: {}", rule.origin.name, why));
    return RuleMatch::Maybe;
  }

  static RuleMatch from_coverage(Coverage c, const model::SgRule& rule, FilterResult& result) {
    if (c == Coverage::Full) return RuleMatch::Yes;
    if (c == Coverage::None) return RuleMatch::No;
    return unknown(result, rule, "it covers only part of the addresses");
  }

  RuleMatch match_prefix_list(const model::SgRule& rule, FilterResult& result) const {
    const auto& blocks = peer_.addresses.blocks;
    if (model::is_known_index(rule.prefix_list) &&
        model_.prefix_lists[rule.prefix_list].aws_service &&
        std::all_of(blocks.begin(), blocks.end(), model::in_private_space)) {
      return RuleMatch::No;  // an AWS service's ranges are public
    }
    if (!model::is_known_index(rule.prefix_list) ||
        !model_.prefix_lists[rule.prefix_list].entries.known()) {
      return unknown(result, rule, "its prefix list is not known statically");
    }
    Coverage best = Coverage::None;
    for (const Cidr& entry : *model_.prefix_lists[rule.prefix_list].entries) {
      const Coverage c = coverage(entry, peer_.addresses);
      if (c == Coverage::Full) return RuleMatch::Yes;
      if (c == Coverage::Partial) best = c;
    }
    return from_coverage(best, rule, result);
  }

  // A group reference matches the interfaces that carry the group. The floating IP of a
  // Multi-AZ file system is on no interface, so egress references cannot be told statically.
  RuleMatch match_group(const model::SgRule& rule, FilterResult& result) const {
    if (!model::is_known_index(rule.group))
      return unknown(result, rule, "the referenced group is not known statically");
    if (!peer_.references_usable) {
      if (result.note.empty()) result.note = peer_.references_note;
      return RuleMatch::No;
    }
    if (egress_)
      return unknown(result, rule,
                     "egress rules that reference a group match that group's interfaces");
    if (!peer_.groups_known)
      return unknown(result, rule, "the client's security groups are not known");
    const bool has =
        std::find(peer_.groups.begin(), peer_.groups.end(), rule.group) != peer_.groups.end();
    return has ? RuleMatch::Yes : RuleMatch::No;
  }

  const model::Model& model_;
  const Peer& peer_;
  bool egress_;
};

void add_denied(FilterResult& result, const PortNeed& need, const PortSet& ports,
                const model::Origin* rule) {
  for (const model::PortRange& range : ports.ranges()) {
    result.denied.push_back({{need.protocol, range, need.essential}, rule});
  }
}

}  // namespace

FilterResult evaluate_groups(const model::Model& model,
                             const std::vector<model::Maybe<Index>>& groups, bool egress,
                             const Peer& peer, const std::vector<PortNeed>& needs) {
  FilterResult result;
  GroupEvaluation evaluation(model, peer, egress);
  for (const PortNeed& need : needs) {
    PortSet allowed;
    PortSet undecided;
    FilterResult reasons;  // why some ports are undecided; kept only if no other rule allows them
    for (const auto& group : groups) {
      if (!group.known()) {
        mark_unknown(reasons, group.where(), "a security group is not known statically");
        undecided.add(need.ports);
        continue;
      }
      const auto& rules =
          egress ? model.security_groups[*group].egress : model.security_groups[*group].ingress;
      for (const model::SgRule& rule : rules) {
        if (!protocol_matches(rule.protocol, need.protocol)) continue;
        // The rule's ports within the need's: one range (two ranges meet in one or none).
        const model::PortRange ports = rule_ports(rule.protocol, rule.ports);
        const model::PortRange r{std::max(ports.from, need.ports.from),
                                 std::min(ports.to, need.ports.to)};
        if (r.from > r.to) continue;
        const RuleMatch matched = evaluation.match(rule, reasons);
        if (result.note.empty()) result.note = reasons.note;
        if (matched == RuleMatch::Yes)
          allowed.add(r);
        else if (matched == RuleMatch::Maybe)
          undecided.add(r);
      }
    }
    if (!undecided.minus(allowed).empty())
      mark_unknown(result, reasons.unknown_at, reasons.unknown_why);
    const PortSet denied = PortSet(need.ports).minus(allowed).minus(undecided);
    add_denied(result, need, denied, nullptr);
  }
  return result;
}

FilterResult evaluate_acl(const model::NetworkAcl& acl, bool egress, const AddressSet& remote,
                          const std::vector<PortNeed>& needs) {
  FilterResult result;
  for (const PortNeed& need : needs) {
    PortSet undecided(need.ports);
    for (const model::NetworkAclEntry& entry : acl.entries) {
      if (undecided.empty()) break;
      if (entry.egress != egress || !protocol_matches(entry.protocol, need.protocol)) continue;
      const PortSet part = undecided.intersect(rule_ports(entry.protocol, entry.ports));
      if (part.empty()) continue;
      const Coverage c = entry.cidr.known() ? coverage(*entry.cidr, remote) : Coverage::Partial;
      if (c == Coverage::None) continue;
      if (c == Coverage::Partial) {
        mark_unknown(result, entry.origin.location,
                     fmt::format("entry {} matches only part of the addresses", entry.origin.name));
      } else if (!entry.allow) {
        add_denied(result, need, part, &entry.origin);
      }
      undecided = undecided.minus(part);
    }
  }
  return result;
}

}  // namespace reachlint::analysis
