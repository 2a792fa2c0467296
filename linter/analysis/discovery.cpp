#include "linter/analysis/discovery.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

namespace reachlint::analysis {

using model::Index;

namespace {

// Client groups found several ways become one, with the strongest evidence and every member.
class GroupCollector {
 public:
  void add(ClientGroup group) {
    std::vector<size_t>& same_subnet = by_subnet_[group.subnet];
    const auto found = std::find_if(same_subnet.begin(), same_subnet.end(), [&](size_t g) {
      const ClientGroup& other = groups_[g];
      return other.addresses.blocks == group.addresses.blocks &&
             other.addresses.holes == group.addresses.holes && other.groups == group.groups &&
             other.groups_known == group.groups_known;
    });
    if (found == same_subnet.end()) {
      same_subnet.push_back(groups_.size());
      groups_.push_back(std::move(group));
      return;
    }
    ClientGroup& existing = groups_[*found];
    existing.evidence = std::min(existing.evidence, group.evidence);
    for (ClientMember& member : group.members) {
      const bool seen = std::any_of(
          existing.members.begin(), existing.members.end(),
          [&](const ClientMember& m) { return m.id == member.id && m.stack == member.stack; });
      if (!seen) existing.members.push_back(std::move(member));
    }
  }
  void add_all(std::vector<ClientGroup> groups) {
    for (ClientGroup& group : groups) add(std::move(group));
  }
  std::vector<ClientGroup> take() { return std::move(groups_); }

 private:
  // The groups of each subnet, in the order they came: a subnet has one or a few.
  std::unordered_map<Index, std::vector<size_t>> by_subnet_;
  std::vector<ClientGroup> groups_;
};

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
    // A VPC with several blocks may come more than once; a 10.0.0.0/8 rule names thousands.
    index_.vpc_blocks.containing(cidr, [&](const Cidr&, Index v) { all.push_back(v); });
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    for (const Index v : all) {
      if (is_connected(v)) connected.push_back(v);
      if (model_.vpcs[v].origin.stack == fs_.origin.stack) same_stack.push_back(v);
    }
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
        if (!is_transport(route.target.kind)) continue;
        bool contains = false;
        model::for_each_destination(model_, route, [&](const Cidr& destination) {
          contains = contains || destination.contains(cidr);
        });
        if (contains) return true;
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
    const auto& transport_routes = index_.transport_routes();
    for (const Cidr& block : blocks) {
      transport_routes.containing(block, consider, shortest);
      transport_routes.inside(block, consider);
    }
    for (const Index t : tables) {
      for (const Index s : index_.subnets_of_route_table[t]) add_subnet(s, Evidence::Specific);
    }
  }

  // Subnets routed toward the endpoint and admitted on NFS by a broad rule: only an asymmetric
  // path (the request arrives, the reply cannot return) is reported for them. Only the VPCs a
  // rule's CIDR overlaps, among the connected ones, need to be looked at.
  void from_broad_evidence() {
    const std::vector<Cidr> admitted_cidrs = nfs_cidrs();
    std::set<Index> vpcs;
    for (const Cidr& admitted : admitted_cidrs) {
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
              if (!leads_to_fs_vpc(route.target)) return false;
              bool covers = false;
              model::for_each_destination(model_, route, [&](const Cidr& destination) {
                covers = covers || coverage(destination, endpoint_.addresses) == Coverage::Full;
              });
              return covers;
            });
        const bool admitted =
            std::any_of(admitted_cidrs.begin(), admitted_cidrs.end(),
                        [&](const Cidr& cidr) { return cidr.contains(*subnet.cidr); });
        if (routed && admitted) add_subnet(s, Evidence::Broad);
      }
    }
  }

  // Whether a rule lets through every port without which there is no NFS (TCP 2049).
  bool admits_essential_ports(const model::SgRule& rule) const {
    return std::all_of(needs_.begin(), needs_.end(), [&](const PortNeed& need) {
      return !need.essential || rule.protocol == model::kAllProtocols ||
             (rule.protocol == need.protocol && rule.ports.covers(need.ports));
    });
  }

  // The CIDRs the file system's groups admit on the essential ports.
  std::vector<Cidr> nfs_cidrs() const {
    std::vector<Cidr> out;
    for (const auto& group : fs_.security_groups) {
      if (!group.known()) continue;
      for (const model::SgRule& rule : model_.security_groups[*group].ingress) {
        if (admits_essential_ports(rule) && rule.peer == model::PeerKind::Cidr && rule.cidr.known())
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
