// Readers for security groups and network ACLs.
#include <algorithm>

#include <fmt/format.h>

#include "linter/ingest/common/protocol_names.h"
#include "linter/ingest/terraform/plan_model_builder_internal.h"

namespace reachlint::terraform {

using model::Index;
using model::Kind;
using model::Maybe;

// The attribute names of one way of writing security group rules.
struct SgRuleKeys {
  std::string_view protocol;
  std::string_view cidrs;   // a list, or one CIDR when `single`
  std::string_view groups;  // a list, or one group when `single`
  std::string_view prefix_lists;
  bool single = false;
};

namespace {

constexpr SgRuleKeys kInlineKeys{"protocol", "cidr_blocks", "security_groups", "prefix_list_ids"};
constexpr SgRuleKeys kRuleKeys{"protocol", "cidr_blocks", "source_security_group_id",
                               "prefix_list_ids"};
constexpr SgRuleKeys kVpcRuleKeys{"ip_protocol", "cidr_ipv4", "referenced_security_group_id",
                                  "prefix_list_id", true};

}  // namespace

void PlanModelBuilder::read_security_group(const PlanResource& r) {
  const Index index = entities_.at(&r).index;
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  model_.security_groups[index].vpc = vpc.known() ? *vpc : model::kNone;
  // Terraform removes the allow-all egress rule AWS adds to a new group (the provider's
  // aws_security_group documentation): egress is what is written, inline or in rule resources.
  model_.security_groups[index].default_egress = false;
  read_sg_blocks(r, index);
}

void PlanModelBuilder::read_sg_blocks(const PlanResource& r, Index index) {
  for (const bool egress : {false, true}) {
    const std::string_view key = egress ? "egress" : "ingress";
    std::vector<model::SgRule> rules;
    const PlanAttribute attribute = plan_.attribute(r.scope, key);
    if (attribute.unknown) {
      // Written, but known only after apply: no rule can be told, none is guessed.
      model::SgRule rule;
      rule.origin = origin_of(r);
      rule.peer = model::PeerKind::Unknown;
      rule.unknown_reason = fmt::format("{} rules known only after apply", key);
      unknown(r, at(r, attribute), "the rules are known only after apply", key);
      rules.push_back(std::move(rule));
    }
    const std::vector<PlanScope> blocks = plan_.blocks(r.scope, key);
    for (size_t i = 0; i < blocks.size(); ++i) {
      model::Origin origin = origin_of(r);
      if (!r.source.known()) origin.location = in_plan(r, blocks[i]);
      origin.pointer = model_.text.keep(fmt::format("{}/values/{}/{}", r.pointer, key, i));
      sg_rules(r, blocks[i], kInlineKeys, origin, index, rules);
    }
    auto& target =
        egress ? model_.security_groups[index].egress : model_.security_groups[index].ingress;
    target.insert(target.end(), rules.begin(), rules.end());
  }
}

void PlanModelBuilder::read_security_group_rule(const PlanResource& r) {
  const auto type = text(r, r.scope, "type");
  if (!type || (*type != "ingress" && *type != "egress")) {
    if (type) {
      error({plan_.file(), r.offset},
            fmt::format("type of {} must be ingress or egress", r.address));
    }
    return;
  }
  const Maybe<Index> group = reference(r, r.scope, "security_group_id", Kind::SecurityGroup);
  std::vector<model::SgRule> rules;
  sg_rules(r, r.scope, kRuleKeys, origin_of(r), group.known() ? *group : model::kUnknownIndex,
           rules);
  if (!group.known()) return;
  auto& target = *type == "egress" ? model_.security_groups[*group].egress
                                   : model_.security_groups[*group].ingress;
  target.insert(target.end(), rules.begin(), rules.end());
}

void PlanModelBuilder::read_vpc_security_group_rule(const PlanResource& r) {
  const bool egress = r.type == "aws_vpc_security_group_egress_rule";
  const Maybe<Index> group = reference(r, r.scope, "security_group_id", Kind::SecurityGroup);
  std::vector<model::SgRule> rules;
  sg_rules(r, r.scope, kVpcRuleKeys, origin_of(r), model::kUnknownIndex, rules);
  if (!group.known()) return;
  auto& target =
      egress ? model_.security_groups[*group].egress : model_.security_groups[*group].ingress;
  target.insert(target.end(), rules.begin(), rules.end());
}

// One written rule: one model rule per peer it names (each CIDR, group, prefix list, itself).
void PlanModelBuilder::sg_rules(const PlanResource& r, const PlanScope& scope,
                                const SgRuleKeys& keys, const model::Origin& origin, Index self,
                                std::vector<model::SgRule>& out) {
  model::SgRule base;
  base.origin = origin;
  const auto protocol_text = text(r, scope, keys.protocol);
  if (!protocol_text) return;  // unknown (a notice said so) or absent
  const auto protocol = protocol_number(*protocol_text);
  if (!protocol) {
    error(in_plan(r, scope), fmt::format("{} '{}' of {} is not a protocol name or number",
                                         keys.protocol, *protocol_text, r.address));
    return;
  }
  base.protocol = *protocol;
  if (base.protocol == model::kTcp || base.protocol == model::kUdp) {
    const auto from = integer(r, scope, "from_port");
    const auto to = integer(r, scope, "to_port");
    if (!from || !to) return;
    if (*from < 0 || *to > 65535 || *from > *to) {
      error(in_plan(r, scope),
            fmt::format("port range {}-{} of {} is not valid", *from, *to, r.address));
      return;
    }
    base.ports = {static_cast<uint16_t>(*from), static_cast<uint16_t>(*to)};
  }
  const auto add = [&](model::PeerKind peer, auto fill) {
    model::SgRule rule = base;
    rule.peer = peer;
    fill(rule);
    out.push_back(std::move(rule));
  };
  if (keys.single) {
    if (const Maybe<Cidr> block = cidr(r, scope, keys.cidrs); !block.absent())
      add(model::PeerKind::Cidr, [&](model::SgRule& rule) { rule.cidr = block; });
  } else {
    const PlanAttribute cidrs = plan_.attribute(scope, keys.cidrs);
    if (cidrs.unknown) {
      unknown(r, at(r, cidrs), "the CIDRs are known only after apply", keys.cidrs);
      add(model::PeerKind::Unknown,
          [&](model::SgRule& rule) { rule.unknown_reason = "CIDRs known only after apply"; });
    }
    for (const std::string& text : texts(r, scope, keys.cidrs)) {
      const auto parsed = Cidr::parse(text);
      if (!parsed || text.find('/') == std::string::npos) {
        error(in_plan(r, scope),
              fmt::format("{} of {}: '{}' is not a valid IPv4 CIDR", keys.cidrs, r.address, text));
        continue;
      }
      add(model::PeerKind::Cidr, [&](model::SgRule& rule) { rule.cidr = *parsed; });
    }
  }
  std::vector<Maybe<Index>> groups;
  if (keys.single || keys.groups == "source_security_group_id") {
    if (Maybe<Index> group = reference(r, scope, keys.groups, Kind::SecurityGroup); !group.absent())
      groups.push_back(std::move(group));
  } else {
    groups = reference_list(r, scope, keys.groups, Kind::SecurityGroup);
  }
  if (boolean(r, scope, "self").value_or(false)) groups.push_back(self);
  for (const Maybe<Index>& group : groups) {
    add(model::PeerKind::SecurityGroup, [&](model::SgRule& rule) {
      rule.group = group.known() && model::is_known_index(*group) ? *group : model::kUnknownIndex;
    });
  }
  std::vector<Maybe<Index>> lists;
  if (keys.single) {
    if (Maybe<Index> list = reference(r, scope, keys.prefix_lists, Kind::PrefixList);
        !list.absent())
      lists.push_back(std::move(list));
  } else {
    lists = reference_list(r, scope, keys.prefix_lists, Kind::PrefixList);
  }
  for (const Maybe<Index>& list : lists) {
    add(model::PeerKind::PrefixList, [&](model::SgRule& rule) {
      rule.prefix_list = list.known() ? *list : model::kUnknownIndex;
    });
  }
}

void PlanModelBuilder::read_network_acl(const PlanResource& r) {
  const Index index = entities_.at(&r).index;
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  if (vpc.known()) model_.network_acls[index].vpc = *vpc;
  read_acl_blocks(r, index);
  const PlanAttribute subnets = plan_.attribute(r.scope, "subnet_ids");
  if (subnets.absent()) return;
  for (const Maybe<Index>& subnet : reference_list(r, r.scope, "subnet_ids", Kind::Subnet)) {
    if (subnet.known()) model_.subnets[*subnet].network_acl = index;
    if (subnet.is_unknown()) unknown_subnet_acls_.push_back(model_.network_acls[index].vpc);
  }
}

void PlanModelBuilder::read_acl_blocks(const PlanResource& r, Index index) {
  for (const bool egress : {false, true}) {
    const std::string_view key = egress ? "egress" : "ingress";
    for (const PlanScope& block : plan_.blocks(r.scope, key)) {
      auto entry = acl_entry(r, block, "rule_no", "action", egress);
      if (!entry) continue;
      if (!r.source.known()) entry->origin.location = in_plan(r, block);
      model_.network_acls[index].entries.push_back(std::move(*entry));
    }
  }
}

// A VPC's default group or ACL taken over: AWS's rules are removed, those written are its rules
// (the provider's aws_default_security_group and aws_default_network_acl).
void PlanModelBuilder::read_default_security_group(const PlanResource& r) {
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  if (!vpc.known()) return;
  const Index group = model_.vpcs[*vpc].default_security_group;
  model_.security_groups[group].vpc_default = false;
  model_.security_groups[group].default_egress = false;
  read_sg_blocks(r, group);
}

void PlanModelBuilder::read_default_network_acl(const PlanResource& r) {
  const Maybe<Index> acl = reference(r, r.scope, "default_network_acl_id", Kind::NetworkAcl);
  if (!acl.known()) return;
  model_.network_acls[*acl].implicit_default_rules = false;
  read_acl_blocks(r, *acl);
}

void PlanModelBuilder::read_network_acl_rule(const PlanResource& r) {
  const Maybe<Index> acl = reference(r, r.scope, "network_acl_id", Kind::NetworkAcl);
  auto entry = acl_entry(r, r.scope, "rule_number", "rule_action",
                         boolean(r, r.scope, "egress").value_or(false));
  if (entry && acl.known()) model_.network_acls[*acl].entries.push_back(std::move(*entry));
}

std::optional<model::NetworkAclEntry> PlanModelBuilder::acl_entry(const PlanResource& r,
                                                                  const PlanScope& scope,
                                                                  std::string_view number_key,
                                                                  std::string_view action_key,
                                                                  bool egress) {
  model::NetworkAclEntry entry;
  entry.origin = origin_of(r);
  entry.egress = egress;
  const auto number = integer(r, scope, number_key);
  const auto action = text(r, scope, action_key);
  const auto protocol_text = text(r, scope, "protocol");
  if (!number || !action || !protocol_text) return std::nullopt;
  const auto protocol = protocol_number(*protocol_text);
  if (*number < 1 || *number > 32766 || !protocol || (*action != "allow" && *action != "deny")) {
    error(in_plan(r, scope),
          fmt::format("a network ACL rule of {} needs a rule number from 1 to 32766, a protocol "
                      "and allow or deny",
                      r.address));
    return std::nullopt;
  }
  entry.rule_number = static_cast<int>(*number);
  entry.allow = *action == "allow";
  entry.protocol = *protocol;
  if (entry.protocol == model::kTcp || entry.protocol == model::kUdp) {
    const auto from = integer(r, scope, "from_port");
    const auto to = integer(r, scope, "to_port");
    if (!from || !to || *from < 0 || *to > 65535 || *from > *to) return std::nullopt;
    entry.ports = {static_cast<uint16_t>(*from), static_cast<uint16_t>(*to)};
  }
  entry.cidr = cidr(r, scope, "cidr_block");
  if (entry.cidr.absent()) return std::nullopt;  // an IPv6 rule
  return entry;
}

void PlanModelBuilder::read_network_acl_association(const PlanResource& r) {
  const Maybe<Index> acl = reference(r, r.scope, "network_acl_id", Kind::NetworkAcl);
  const Maybe<Index> subnet = reference(r, r.scope, "subnet_id", Kind::Subnet);
  if (subnet.is_unknown())
    unknown_subnet_acls_.push_back(acl.known() ? model_.network_acls[*acl].vpc : model::kNone);
  if (subnet.known())
    model_.subnets[*subnet].network_acl = acl.known() ? *acl : model::kUnknownIndex;
}

}  // namespace reachlint::terraform
