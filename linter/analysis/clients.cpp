#include "linter/analysis/clients.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <re2/re2.h>

namespace reachlint::analysis {

using model::Index;

// ---- the index ----

namespace {

bool is_transport(model::TargetKind kind) {
  return kind == model::TargetKind::TransitGateway || kind == model::TargetKind::Peering ||
         kind == model::TargetKind::VpnGateway;
}

}  // namespace

ClientIndex ClientIndex::build(const model::Model& model) {
  ClientIndex index;
  index.subnets_of_route_table.resize(model.route_tables.size());
  index.subnets_of_vpc.resize(model.vpcs.size());
  index.instances_of_subnet.resize(model.subnets.size());
  index.instances_of_group.resize(model.security_groups.size());
  index.attachments_of_tgw.resize(model.transit_gateways.size());
  index.peerings_of_vpc.resize(model.vpcs.size());
  index.tgws_of_vpc.resize(model.vpcs.size());
  index.hosts_attachment.assign(model.subnets.size(), false);
  for (Index s = 0; s < model.subnets.size(); ++s) {
    const Index table = model.subnets[s].route_table;
    if (model::is_known_index(table)) index.subnets_of_route_table[table].push_back(s);
    if (model::is_known_index(model.subnets[s].vpc))
      index.subnets_of_vpc[model.subnets[s].vpc].push_back(s);
  }
  for (Index i = 0; i < model.instances.size(); ++i) {
    const model::Instance& instance = model.instances[i];
    if (instance.subnet.known()) index.instances_of_subnet[*instance.subnet].push_back(i);
    for (const auto& group : instance.groups) {
      if (group.known()) index.instances_of_group[*group].push_back(i);
    }
  }
  for (Index a = 0; a < model.tgw_attachments.size(); ++a) {
    const model::TgwAttachment& attachment = model.tgw_attachments[a];
    if (model::is_known_index(attachment.tgw))
      index.attachments_of_tgw[attachment.tgw].push_back(a);
    if (model::is_known_index(attachment.tgw) && model::is_known_index(attachment.vpc)) {
      auto& tgws = index.tgws_of_vpc[attachment.vpc];
      if (std::find(tgws.begin(), tgws.end(), attachment.tgw) == tgws.end())
        tgws.push_back(attachment.tgw);
    }
    for (const auto& subnet : attachment.subnets) {
      if (subnet.known()) index.hosts_attachment[*subnet] = true;
    }
  }
  for (Index p = 0; p < model.peerings.size(); ++p) {
    for (const Index vpc : {model.peerings[p].requester_vpc, model.peerings[p].accepter_vpc}) {
      if (model::is_known_index(vpc)) index.peerings_of_vpc[vpc].push_back(p);
    }
  }
  for (Index v = 0; v < model.vpcs.size(); ++v) {
    for (const auto& block : model.vpcs[v].cidrs) {
      if (block.known()) index.vpc_blocks.add(*block, v);
    }
  }
  for (Index t = 0; t < model.route_tables.size(); ++t) {
    const auto& routes = model.route_tables[t].routes;
    for (uint32_t r = 0; r < routes.size(); ++r) {
      if (is_transport(routes[r].target.kind) && routes[r].destination.known()) {
        index.transport_routes.add(*routes[r].destination, {t, r});
      }
    }
  }
  index.vpc_blocks.sort();
  index.transport_routes.sort();
  return index;
}

// ---- building client groups ----

namespace {

class GroupCollector {
 public:
  void add(ClientGroup group) {
    const auto key =
        std::make_tuple(group.subnet, group.addresses.str(), group.groups, group.groups_known);
    const auto found = by_key_.find(key);
    if (found == by_key_.end()) {
      by_key_.emplace(key, groups_.size());
      groups_.push_back(std::move(group));
      return;
    }
    ClientGroup& existing = groups_[found->second];
    existing.evidence = std::min(existing.evidence, group.evidence);
    for (ClientMember& member : group.members) {
      const bool seen = std::any_of(existing.members.begin(), existing.members.end(),
                                    [&](const ClientMember& m) { return m.id == member.id; });
      if (!seen) existing.members.push_back(std::move(member));
    }
  }
  void add_all(std::vector<ClientGroup> groups) {
    for (ClientGroup& group : groups) add(std::move(group));
  }
  std::vector<ClientGroup> take() { return std::move(groups_); }

 private:
  std::map<std::tuple<Index, std::string, std::vector<Index>, bool>, size_t> by_key_;
  std::vector<ClientGroup> groups_;
};

ClientGroup instance_client(const model::Model& model, Index i, Evidence evidence, std::string id) {
  const model::Instance& instance = model.instances[i];
  const model::Subnet& subnet = model.subnets[*instance.subnet];
  ClientGroup group;
  group.evidence = evidence;
  group.subnet = *instance.subnet;
  if (instance.address)
    group.addresses = AddressSet::of(Cidr(*instance.address, 32));
  else if (subnet.cidr.known())
    group.addresses = AddressSet::of(*subnet.cidr);
  group.groups_known = true;
  for (const auto& g : instance.groups) {
    if (g.known())
      group.groups.push_back(*g);
    else
      group.groups_known = false;
  }
  std::sort(group.groups.begin(), group.groups.end());
  group.members.push_back({std::move(id), {model::Kind::Instance, i}});
  return group;
}

ClientGroup bare_subnet_client(const model::Model& model, Index s, Evidence evidence,
                               std::string id) {
  ClientGroup group;
  group.evidence = evidence;
  group.subnet = s;
  if (model.subnets[s].cidr.known()) group.addresses = AddressSet::of(*model.subnets[s].cidr);
  group.members.push_back({std::move(id), {model::Kind::Subnet, s}});
  return group;
}

ClientGroup cidr_client(Cidr cidr, Index subnet, Evidence evidence, std::string id) {
  ClientGroup group;
  group.evidence = evidence;
  group.subnet = subnet;
  group.addresses = AddressSet::of(cidr);
  group.members.push_back({std::move(id), {}});
  return group;
}

}  // namespace

std::vector<ClientGroup> subnet_clients(const model::Model& model, const ClientIndex& index,
                                        Index subnet, Evidence evidence) {
  std::vector<ClientGroup> out;
  if (!model.subnets[subnet].cidr.known()) return out;  // already noticed: nothing to walk from
  for (const Index i : index.instances_of_subnet[subnet]) {
    out.push_back(instance_client(model, i, evidence, std::string(model.instances[i].origin.name)));
  }
  if (out.empty())
    out.push_back(bare_subnet_client(model, subnet, evidence,
                                     std::string(model.subnets[subnet].origin.name)));
  return out;
}

// ---- declared clients ----

struct DeclaredClients::Entry {
  std::vector<ClientGroup> groups;
  std::vector<std::unique_ptr<RE2>> filesystems;
};

DeclaredClients::DeclaredClients() = default;
DeclaredClients::~DeclaredClients() = default;
DeclaredClients::DeclaredClients(DeclaredClients&&) noexcept = default;
DeclaredClients& DeclaredClients::operator=(DeclaredClients&&) noexcept = default;

bool DeclaredClients::empty() const {
  return entries_.empty();
}

namespace {

std::vector<ClientGroup> resolve_cidr(const model::Model& model, Cidr cidr, const std::string& id) {
  std::vector<ClientGroup> out;
  for (Index s = 0; s < model.subnets.size(); ++s) {
    const auto& block = model.subnets[s].cidr;
    if (block.known() && block->contains(cidr))
      return {cidr_client(cidr, s, Evidence::Declared, id)};
  }
  for (Index s = 0; s < model.subnets.size(); ++s) {
    const auto& block = model.subnets[s].cidr;
    if (block.known() && cidr.contains(*block))
      out.push_back(cidr_client(*block, s, Evidence::Declared, id));
  }
  if (out.empty()) out.push_back(cidr_client(cidr, model::kNone, Evidence::Declared, id));
  return out;
}

std::string_view entity_kind_word(model::Kind kind) {
  switch (kind) {
    case model::Kind::Instance:
      return "instance";
    case model::Kind::Subnet:
      return "subnet";
    case model::Kind::NetworkInterface:
      return "network interface";
    case model::Kind::Vpc:
      return "VPC";
    default:
      return "resource";
  }
}

std::vector<ClientGroup> resolve_entity(const model::Model& model, model::EntityRef ref,
                                        const std::string& id, std::string& error) {
  switch (ref.kind) {
    case model::Kind::Instance:
      if (!model.instances[ref.index].subnet.known()) {
        error = fmt::format("instance {} has no subnet that can be evaluated statically", id);
        return {};
      }
      return {instance_client(model, ref.index, Evidence::Declared, id)};
    case model::Kind::Subnet:
      if (!model.subnets[ref.index].cidr.known()) {
        error = fmt::format("the CIDR of subnet {} cannot be evaluated statically", id);
        return {};
      }
      return {bare_subnet_client(model, ref.index, Evidence::Declared, id)};
    case model::Kind::Vpc: {
      std::vector<ClientGroup> out;
      for (Index s = 0; s < model.subnets.size(); ++s) {
        if (model.subnets[s].vpc == ref.index && model.subnets[s].cidr.known()) {
          out.push_back(bare_subnet_client(model, s, Evidence::Declared, id));
        }
      }
      return out;
    }
    default:
      error = fmt::format("'{}' is a {}; a client is a subnet, an instance, a VPC or a CIDR", id,
                          model.origin(ref).type);
      return {};
  }
}

bool kind_matches(const std::string& kind, model::Kind actual) {
  if (kind.empty() || kind == "resource") return true;
  return entity_kind_word(actual) == kind;
}

}  // namespace

DeclaredClients DeclaredClients::resolve(const model::Model& model,
                                         const std::vector<ClientSpec>& specs,
                                         Diagnostics& diagnostics) {
  DeclaredClients out;
  for (const ClientSpec& spec : specs) {
    auto entry = std::make_unique<Entry>();
    const auto cidr =
        spec.value.find('/') != std::string::npos ? Cidr::parse(spec.value) : std::nullopt;
    std::string error;
    if (spec.kind == "cidr" || (spec.kind.empty() && cidr)) {
      if (!cidr)
        error = fmt::format("client cidr '{}' is not a valid IPv4 CIDR", spec.value);
      else
        entry->groups = resolve_cidr(model, *cidr, spec.value);
    } else {
      for (const model::EntityRef& ref : model.find(spec.value)) {
        if (!kind_matches(spec.kind, ref.kind)) continue;
        auto groups = resolve_entity(model, ref, spec.value, error);
        entry->groups.insert(entry->groups.end(), groups.begin(), groups.end());
      }
      if (entry->groups.empty() && error.empty()) {
        error = fmt::format(
            "client '{}' matches no {} in the inputs", spec.value,
            spec.kind.empty() || spec.kind == "resource" ? "subnet, instance or VPC" : spec.kind);
      }
    }
    for (const std::string& pattern : spec.filesystems) {
      auto re = std::make_unique<RE2>(pattern, RE2::Quiet);
      if (!re->ok())
        error = fmt::format("filesystems pattern '{}' is not a valid re2 expression: {}", pattern,
                            re->error());
      entry->filesystems.push_back(std::move(re));
    }
    if (!error.empty()) {
      diagnostics.error(spec.location, error);
      continue;
    }
    out.entries_.push_back(std::move(entry));
  }
  return out;
}

std::vector<ClientGroup> DeclaredClients::for_file_system(const model::Model&,
                                                          const model::FileSystem& fs) const {
  std::vector<ClientGroup> out;
  for (const auto& entry : entries_) {
    const bool wanted =
        entry->filesystems.empty() ||
        std::any_of(entry->filesystems.begin(), entry->filesystems.end(),
                    [&](const auto& re) { return RE2::FullMatch(fs.origin.name, *re); });
    if (wanted) out.insert(out.end(), entry->groups.begin(), entry->groups.end());
  }
  return out;
}

// ---- discovered clients ----

namespace {

class Discovery {
 public:
  Discovery(const model::Model& model, const ClientIndex& index, const model::FileSystem& fs,
            const Endpoint& endpoint, const std::vector<PortNeed>& needs)
      : model_(model),
        index_(index),
        fs_(fs),
        endpoint_(endpoint),
        needs_(needs),
        gateways_(fs_gateways()),
        peers_(peered_vpcs()) {}

  std::vector<ClientGroup> run() {
    from_security_groups();
    from_route_tables();
    from_broad_evidence();
    return collector_.take();
  }

 private:
  bool is_fs_subnet(Index s) const {
    return std::find(endpoint_.subnets.begin(), endpoint_.subnets.end(), s) !=
           endpoint_.subnets.end();
  }

  // Subnets without hosts of their own that only carry the file system or a TGW attachment
  // are not clients.
  void add_subnet(Index s, Evidence evidence) {
    if (!model::is_known_index(model_.subnets[s].vpc)) return;
    if (index_.instances_of_subnet[s].empty() && (is_fs_subnet(s) || index_.hosts_attachment[s]))
      return;
    collector_.add_all(subnet_clients(model_, index_, s, evidence));
  }

  bool rule_concerns_nfs(const model::SgRule& rule) const {
    if (rule.protocol == model::kAllProtocols) return true;
    return std::any_of(needs_.begin(), needs_.end(), [&](const PortNeed& need) {
      return need.protocol == rule.protocol && rule.ports.from <= need.ports.to &&
             need.ports.from <= rule.ports.to;
    });
  }

  // The VPCs a CIDR rule names: those containing it, preferring the ones connected to the file
  // system's VPC, then those of the file system's own stack, when several unrelated VPCs (say,
  // two templates linted together) use the same addresses.
  std::vector<Index> vpcs_naming(Cidr cidr) const {
    std::vector<Index> all, connected, same_stack;
    index_.vpc_blocks.containing(cidr, [&](const Cidr&, Index v) {
      if (std::find(all.begin(), all.end(), v) != all.end()) return;
      all.push_back(v);
      if (is_connected(v)) connected.push_back(v);
      if (model_.vpcs[v].origin.stack == fs_.origin.stack) same_stack.push_back(v);
    });
    std::sort(all.begin(), all.end());
    std::sort(connected.begin(), connected.end());
    std::sort(same_stack.begin(), same_stack.end());
    if (!connected.empty()) return connected;
    if (!same_stack.empty()) return same_stack;
    return all;
  }

  void from_cidr_rule(Cidr cidr) {
    const std::vector<Index> vpcs = vpcs_naming(cidr);
    for (const Index v : vpcs) {
      // A VPC known only by its CIDR (the far side of a peering connection in a region that was
      // not exported) is walked like an external network, from the way back.
      if (index_.subnets_of_vpc[v].empty() && cidr.length() > 8 && routed_away_from_fs_vpc(cidr)) {
        collector_.add(cidr_client(cidr, model::kNone, Evidence::Specific,
                                   std::string(model_.vpcs[v].origin.name)));
      }
      for (const Index s : index_.subnets_of_vpc[v]) {
        const model::Subnet& subnet = model_.subnets[s];
        if (subnet.cidr.known() && subnet.cidr->overlaps(cidr)) add_subnet(s, Evidence::Specific);
      }
    }
    if (vpcs.empty() && cidr.length() > 8 && !overlaps_any_vpc(cidr) &&
        routed_away_from_fs_vpc(cidr)) {
      collector_.add(cidr_client(cidr, model::kNone, Evidence::Specific, cidr.str()));
    }
  }

  // VPCs joined to the file system's VPC by a peering connection or a shared transit gateway.
  // Whether a VPC is joined to the file system's VPC by a peering connection or a shared
  // transit gateway; asked per VPC rather than listed, as a hub joins thousands.
  bool is_connected(Index vpc) const {
    if (vpc == endpoint_.vpc || peers_.count(vpc)) return true;
    for (const Index tgw : index_.tgws_of_vpc[vpc]) {
      if (gateways_.count(tgw)) return true;
    }
    return false;
  }

  std::set<Index> peered_vpcs() const {
    std::set<Index> out;
    for (const Index p : index_.peerings_of_vpc[endpoint_.vpc]) {
      out.insert(model_.peerings[p].requester_vpc);
      out.insert(model_.peerings[p].accepter_vpc);
    }
    return out;
  }

  std::set<Index> fs_gateways() const {
    return {index_.tgws_of_vpc[endpoint_.vpc].begin(), index_.tgws_of_vpc[endpoint_.vpc].end()};
  }

  bool overlaps_any_vpc(Cidr cidr) const {
    bool found = false;
    index_.vpc_blocks.overlapping(cidr, [&](const Cidr&, Index) { found = true; });
    return found;
  }

  // An external network counts as a client when the file system's VPC routes it somewhere.
  bool routed_away_from_fs_vpc(Cidr cidr) const {
    for (const Index s : endpoint_.subnets) {
      const Index table = model_.subnets[s].route_table;
      if (!model::is_known_index(table)) continue;
      for (const model::Route& route : model_.route_tables[table].routes) {
        if (route.destination.known() && route.destination->contains(cidr) &&
            is_transport(route.target.kind))
          return true;
      }
    }
    return false;
  }

  // A route toward the file system's VPC: through a transit gateway it is attached to, a peering
  // connection it is part of, or a VPN gateway (the far side is not modelled).
  bool leads_to_fs_vpc(const model::RouteTarget& target) const {
    switch (target.kind) {
      case model::TargetKind::TransitGateway:
        return gateways_.count(target.index) > 0;
      case model::TargetKind::Peering: {
        if (!model::is_known_index(target.index)) return false;
        const model::Peering& peering = model_.peerings[target.index];
        return peering.requester_vpc == endpoint_.vpc || peering.accepter_vpc == endpoint_.vpc;
      }
      case model::TargetKind::VpnGateway:
        return true;
      default:
        return false;
    }
  }

  void from_security_groups() {
    for (const auto& group : fs_.security_groups) {
      if (!group.known()) continue;
      for (const model::SgRule& rule : model_.security_groups[*group].ingress) {
        if (!rule_concerns_nfs(rule)) continue;
        if (rule.peer == model::PeerKind::Cidr && rule.cidr.known()) {
          from_cidr_rule(*rule.cidr);
        } else if (rule.peer == model::PeerKind::PrefixList &&
                   model::is_known_index(rule.prefix_list)) {
          const auto& entries = model_.prefix_lists[rule.prefix_list].entries;
          if (entries.known())
            for (const Cidr& c : *entries) from_cidr_rule(c);
        } else if (rule.peer == model::PeerKind::SecurityGroup &&
                   model::is_known_index(rule.group)) {
          for (const Index i : index_.instances_of_group[rule.group]) {
            collector_.add(
                instance_client(model_, i, Evidence::Specific,
                                std::string(std::string(model_.instances[i].origin.name))));
          }
        }
      }
    }
  }

  // A route to the file system's VPC CIDR or endpoint range, not to a supernet of it.
  bool specific_to_fs(Cidr destination) const {
    int shortest = 33;
    bool overlaps = false;
    const auto consider = [&](const Cidr& block) {
      if (!block.overlaps(destination)) return;
      overlaps = true;
      shortest = std::min<int>(shortest, block.length());
    };
    for (const auto& block : model_.vpcs[endpoint_.vpc].cidrs) {
      if (block.known()) consider(*block);
    }
    for (const Cidr& block : endpoint_.addresses.blocks) consider(block);
    return overlaps && destination.length() >= shortest;
  }

  // Route tables that send the file system's VPC CIDR or endpoint range toward it.
  void from_route_tables() {
    std::set<Index> tables;
    const auto consider = [&](const Cidr& destination, const ClientIndex::RouteRef& ref) {
      const model::RouteTable& table = model_.route_tables[ref.table];
      if (table.vpc == endpoint_.vpc || !model::is_known_index(table.vpc)) return;
      if (leads_to_fs_vpc(table.routes[ref.route].target) && specific_to_fs(destination))
        tables.insert(ref.table);
    };
    // Supernets shorter than every block of the file system (10.0.0.0/8 summaries) do not count.
    std::vector<Cidr> blocks = endpoint_.addresses.blocks;
    for (const auto& block : model_.vpcs[endpoint_.vpc].cidrs) {
      if (block.known()) blocks.push_back(*block);
    }
    uint8_t shortest = 32;
    for (const Cidr& block : blocks) shortest = std::min(shortest, block.length());
    for (const Cidr& block : blocks) {
      index_.transport_routes.containing(block, consider, shortest);
      index_.transport_routes.inside(block, consider);
    }
    for (const Index t : tables) {
      for (const Index s : index_.subnets_of_route_table[t]) add_subnet(s, Evidence::Specific);
    }
  }

  bool admits_on_nfs(Cidr source) const {
    for (const auto& group : fs_.security_groups) {
      if (!group.known()) continue;
      for (const model::SgRule& rule : model_.security_groups[*group].ingress) {
        const bool nfs = rule.protocol == model::kAllProtocols ||
                         (rule.protocol == model::kTcp && rule.ports.contains(2049));
        if (nfs && rule.peer == model::PeerKind::Cidr && rule.cidr.known() &&
            rule.cidr->contains(source))
          return true;
      }
    }
    return false;
  }

  // Subnets routed toward the endpoint and admitted by a broad rule: only an asymmetric path
  // (the request arrives, the reply cannot return) is reported for them.
  // Subnets admitted on NFS by a broad rule and routed toward the endpoint: only their VPCs
  // (those a rule's CIDR overlaps, among the connected ones) need to be looked at.
  void from_broad_evidence() {
    std::set<Index> vpcs;
    for (const Cidr& admitted : nfs_cidrs()) {
      index_.vpc_blocks.overlapping(admitted, [&](const Cidr&, Index v) {
        if (v != endpoint_.vpc && is_connected(v)) vpcs.insert(v);
      });
    }
    for (const Index vpc : vpcs) {
      for (const Index s : index_.subnets_of_vpc[vpc]) {
        const model::Subnet& subnet = model_.subnets[s];
        if (!subnet.cidr.known() || !model::is_known_index(subnet.route_table)) continue;
        const auto& routes = model_.route_tables[subnet.route_table].routes;
        const bool routed =
            std::any_of(routes.begin(), routes.end(), [&](const model::Route& route) {
              return leads_to_fs_vpc(route.target) && route.destination.known() &&
                     coverage(*route.destination, endpoint_.addresses) == Coverage::Full;
            });
        if (routed && admits_on_nfs(*subnet.cidr)) add_subnet(s, Evidence::Broad);
      }
    }
  }

  // The CIDRs the file system's groups admit on TCP 2049.
  std::vector<Cidr> nfs_cidrs() const {
    std::vector<Cidr> out;
    for (const auto& group : fs_.security_groups) {
      if (!group.known()) continue;
      for (const model::SgRule& rule : model_.security_groups[*group].ingress) {
        const bool nfs = rule.protocol == model::kAllProtocols ||
                         (rule.protocol == model::kTcp && rule.ports.contains(2049));
        if (nfs && rule.peer == model::PeerKind::Cidr && rule.cidr.known())
          out.push_back(*rule.cidr);
      }
    }
    return out;
  }

  const model::Model& model_;
  const ClientIndex& index_;
  const model::FileSystem& fs_;
  const Endpoint& endpoint_;
  const std::vector<PortNeed>& needs_;
  std::set<Index> gateways_;  // transit gateways the file system's VPC is attached to
  std::set<Index> peers_;     // VPCs peered with the file system's VPC
  GroupCollector collector_;
};

}  // namespace

std::vector<ClientGroup> intended_clients(const model::Model& model, const ClientIndex& index,
                                          const model::FileSystem& fs, const Endpoint& endpoint,
                                          const std::vector<PortNeed>& needs,
                                          const DeclaredClients& declared) {
  std::vector<ClientGroup> mine = declared.for_file_system(model, fs);
  if (!mine.empty()) return mine;
  if (!endpoint.known) return {};
  return Discovery(model, index, fs, endpoint, needs).run();
}

}  // namespace reachlint::analysis
