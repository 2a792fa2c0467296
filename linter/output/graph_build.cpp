// The network part of the graph: VPCs as clusters holding their subnets and route tables, transit
// gateways as clusters holding their route tables, attachments, peering connections and VPN
// gateways between them, and the routes that lead from one to the other.
#include <algorithm>

#include <fmt/format.h>

#include "linter/output/graph_internal.h"

namespace reachlint::output::graph {

namespace {

constexpr size_t kLabelItems = 4;  // destinations or subnets per label before "+N more"

std::string text_of(const model::Maybe<Cidr>& cidr, std::string_view what) {
  if (cidr.known()) return cidr->str();
  return fmt::format("{} {}", what, cidr.is_unknown() ? "unknown" : "not set");
}

std::string zone_of(const model::Subnet& subnet) {
  return model::zone_display(subnet);
}

std::string destination_of(const model::Model& model, const model::Maybe<Cidr>& destination,
                           model::Index prefix_list) {
  if (destination.known()) return destination->str();
  if (model::is_known_index(prefix_list))
    return std::string(model.prefix_lists[prefix_list].origin.name);
  return "unknown destination";
}

std::string route_text(std::string destination, bool blackhole, bool propagated) {
  if (blackhole) destination += " (blackhole)";
  if (propagated) destination += " (propagated)";
  return destination;
}

// Routes that leave the VPC (the only ones the graph draws), grouped by target.
struct RouteGroup {
  model::RouteTarget target;
  std::vector<std::string> destinations;
  Mark mark = Mark::None;
};

model::Kind kind_of(model::TargetKind target) {
  return target == model::TargetKind::TransitGateway ? model::Kind::TransitGateway
         : target == model::TargetKind::Peering      ? model::Kind::Peering
                                                     : model::Kind::VpnGateway;
}

std::string_view placeholder_prefix(model::TargetKind target) {
  return target == model::TargetKind::TransitGateway ? "tgw"
         : target == model::TargetKind::Peering      ? "pcx"
                                                     : "vgw";
}

bool leaves_the_vpc(const model::RouteTarget& target) {
  return target.kind == model::TargetKind::TransitGateway ||
         target.kind == model::TargetKind::Peering || target.kind == model::TargetKind::VpnGateway;
}

RouteGroup& group_for(std::vector<RouteGroup>& groups, const model::RouteTarget& target) {
  const auto same = [&](const RouteGroup& g) {
    return g.target.kind == target.kind && g.target.index == target.index &&
           g.target.id == target.id;
  };
  const auto found = std::find_if(groups.begin(), groups.end(), same);
  if (found != groups.end()) return *found;
  groups.push_back({target, {}, Mark::None});
  return groups.back();
}

}  // namespace

void GraphBuilder::add_vpcs() {
  vpc_clusters_.assign(model_.vpcs.size(), kNoIndex);
  for (model::Index v = 0; v < model_.vpcs.size(); ++v) {
    const model::Vpc& vpc = model_.vpcs[v];
    std::vector<std::string> blocks;
    for (const auto& block : vpc.cidrs) blocks.push_back(text_of(block, "CIDR"));
    const std::string name =
        vpc.origin.name.empty() ? fmt::format("#{}", v) : std::string(vpc.origin.name);
    vpc_clusters_[v] = add_cluster(fmt::format("vpc:{}", name), fmt::format("vpc{}", v),
                                   {name, fmt::format("{}", fmt::join(blocks, ", "))},
                                   marks_.of({model::Kind::Vpc, v}));
  }
}

void GraphBuilder::add_subnets() {
  for (model::Index s = 0; s < model_.subnets.size(); ++s) {
    const model::Subnet& subnet = model_.subnets[s];
    std::vector<std::string> label{std::string(subnet.origin.name), text_of(subnet.cidr, "CIDR")};
    if (std::string zone = zone_of(subnet); !zone.empty()) label.push_back(std::move(zone));
    add_entity({model::Kind::Subnet, s}, Shape::Subnet, std::move(label), vpc_cluster(subnet.vpc));
  }
}

// Tables nobody wrote and no subnet uses (a VPC's main table, when every subnet has its own)
// would only add clutter; the rest are drawn, with an edge from each subnet to its table.
void GraphBuilder::add_route_tables() {
  std::vector<bool> used(model_.route_tables.size(), false);
  for (const model::Subnet& subnet : model_.subnets) {
    if (model::is_known_index(subnet.route_table)) used[subnet.route_table] = true;
  }
  for (model::Index t = 0; t < model_.route_tables.size(); ++t) {
    const model::RouteTable& table = model_.route_tables[t];
    const model::EntityRef ref{model::Kind::RouteTable, t};
    if (table.origin.implicit && !used[t] && marks_.of(ref) == Mark::None) continue;
    std::vector<std::string> label{std::string(table.origin.name)};
    if (table.main) label.push_back("main route table");
    add_entity(ref, Shape::RouteTable, std::move(label), vpc_cluster(table.vpc));
  }
  for (model::Index s = 0; s < model_.subnets.size(); ++s) {
    const model::Subnet& subnet = model_.subnets[s];
    add_edge({node_of({model::Kind::Subnet, s})},
             {node_of({model::Kind::RouteTable, subnet.route_table})});
  }
}

void GraphBuilder::add_transit_gateways() {
  tgw_clusters_.assign(model_.transit_gateways.size(), kNoIndex);
  for (model::Index g = 0; g < model_.transit_gateways.size(); ++g) {
    const model::EntityRef ref{model::Kind::TransitGateway, g};
    const std::string_view name = model_.transit_gateways[g].origin.name;
    tgw_clusters_[g] = add_cluster(fmt::format("transit:{}", name), fmt::format("tgwc{}", g),
                                   {fmt::format("transit gateway {}", name)}, Mark::None);
    add_entity(ref, Shape::TransitGateway, {std::string(name)}, tgw_clusters_[g]);
  }
  std::vector<bool> associated(model_.tgw_route_tables.size(), false);
  for (const model::TgwAttachment& attachment : model_.tgw_attachments) {
    if (model::is_known_index(attachment.association)) associated[attachment.association] = true;
  }
  for (model::Index t = 0; t < model_.tgw_route_tables.size(); ++t) {
    const model::TgwRouteTable& table = model_.tgw_route_tables[t];
    const model::EntityRef ref{model::Kind::TgwRouteTable, t};
    if (table.origin.implicit && table.routes.empty() && !associated[t] &&
        marks_.of(ref) == Mark::None)
      continue;
    std::vector<std::string> blackholes;
    for (const model::TgwRoute& route : table.routes) {
      if (!route.blackhole) continue;
      blackholes.push_back("blackhole " +
                           destination_of(model_, route.destination, route.prefix_list));
    }
    std::vector<std::string> label{std::string(table.origin.name)};
    for (std::string& line : capped(std::move(blackholes), kLabelItems)) label.push_back(line);
    if (table.static_routes_unknown) label.push_back("static routes not exported");
    const size_t cluster = model::is_known_index(table.tgw) ? tgw_clusters_[table.tgw] : kNoIndex;
    add_entity(ref, Shape::TgwRouteTable, std::move(label), cluster);
  }
}

void GraphBuilder::add_attachments() {
  static constexpr std::string_view kKindNames[] = {
      "", "VPN attachment", "Direct Connect attachment", "peering attachment", "attachment"};
  for (model::Index a = 0; a < model_.tgw_attachments.size(); ++a) {
    const model::TgwAttachment& attachment = model_.tgw_attachments[a];
    std::vector<std::string> label{std::string(attachment.origin.name)};
    if (const auto kind = kKindNames[static_cast<size_t>(attachment.kind)]; !kind.empty())
      label.emplace_back(kind);
    const End self{add_entity({model::Kind::TgwAttachment, a}, Shape::Attachment, label, kNoIndex)};
    std::vector<std::string> subnets;
    for (const auto& s : attachment.subnets) {
      if (!s.known()) {
        subnets.push_back("subnet unknown");
        continue;
      }
      const std::string zone = zone_of(model_.subnets[*s]);
      subnets.push_back(fmt::format("{}{}", model_.subnets[*s].origin.name,
                                    zone.empty() ? "" : " (" + zone + ")"));
    }
    add_edge(self, {vpc_cluster(attachment.vpc), true}, capped(std::move(subnets), kLabelItems));
    add_edge(self, {node_of({model::Kind::TransitGateway, attachment.tgw})});
    add_edge(self, {node_of({model::Kind::TgwRouteTable, attachment.association})}, {"associated"},
             Line::Dotted);
  }
}

void GraphBuilder::add_peerings() {
  for (model::Index p = 0; p < model_.peerings.size(); ++p) {
    const model::Peering& peering = model_.peerings[p];
    const End self{add_entity({model::Kind::Peering, p}, Shape::Peering,
                              {std::string(peering.origin.name), "peering"}, kNoIndex)};
    add_edge(self, {vpc_cluster(peering.requester_vpc), true}, {"requester"}, Line::Solid,
             Mark::None, false);
    add_edge(self, {vpc_cluster(peering.accepter_vpc), true}, {"accepter"}, Line::Solid, Mark::None,
             false);
  }
}

void GraphBuilder::add_vpn_gateways() {
  for (model::Index g = 0; g < model_.vpn_gateways.size(); ++g) {
    const model::VpnGateway& gateway = model_.vpn_gateways[g];
    const End self{add_entity({model::Kind::VpnGateway, g}, Shape::VpnGateway,
                              {std::string(gateway.origin.name), "VPN gateway"}, kNoIndex)};
    add_edge(self, {vpc_cluster(gateway.vpc), true}, {"attached"}, Line::Solid, Mark::None, false);
  }
}

// One edge per target, listing its destinations; red when one of its routes decided a failed
// hop of a broken pair.
void GraphBuilder::add_route_edges(model::Index t) {
  const End from{node_of({model::Kind::RouteTable, t})};
  if (from.index == kNoIndex) return;
  std::vector<RouteGroup> groups;
  for (const model::Route& route : model_.route_tables[t].routes) {
    if (!leaves_the_vpc(route.target)) continue;
    RouteGroup& group = group_for(groups, route.target);
    group.destinations.push_back(
        route_text(destination_of(model_, route.destination, route.prefix_list), route.blackhole,
                   route.propagated));
    const Mark mark = marks_.broken_routes.contains(&route.origin) ? Mark::Broken
                      : route.destination.is_unknown()             ? Mark::Unknown
                                                                   : Mark::None;
    group.mark = std::max(group.mark, mark);
  }
  for (RouteGroup& group : groups) {
    const model::RouteTarget& target = group.target;
    const size_t to = model::is_known_index(target.index)
                          ? node_of({kind_of(target.kind), target.index})
                          : placeholder(placeholder_prefix(target.kind), target.id);
    add_edge(from, {to}, capped(std::move(group.destinations), kLabelItems), Line::Solid,
             group.mark);
  }
}

void GraphBuilder::add_tgw_route_edges(model::Index t) {
  const End from{node_of({model::Kind::TgwRouteTable, t})};
  if (from.index == kNoIndex) return;
  std::vector<std::pair<model::Index, RouteGroup>> groups;  // by attachment, first seen first
  for (const model::TgwRoute& route : model_.tgw_route_tables[t].routes) {
    if (route.blackhole || !model::is_known_index(route.attachment)) continue;
    auto found = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& g) { return g.first == route.attachment; });
    if (found == groups.end()) found = groups.insert(groups.end(), {route.attachment, {}});
    found->second.destinations.push_back(route_text(
        destination_of(model_, route.destination, route.prefix_list), false, route.propagated));
    if (marks_.broken_routes.contains(&route.origin)) found->second.mark = Mark::Broken;
  }
  for (auto& [attachment, group] : groups) {
    add_edge(from, {node_of({model::Kind::TgwAttachment, attachment})},
             capped(std::move(group.destinations), kLabelItems), Line::Solid, group.mark);
  }
}

}  // namespace reachlint::output::graph
