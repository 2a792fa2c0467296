// The way back: from the file system's subnets (the preferred and the standby one of a Multi-AZ
// file system) to the client, whatever happened on the way there.
#include <fmt/format.h>

#include "linter/analysis/walker_internal.h"

namespace reachlint::analysis {

using model::Index;
using model::Kind;

void Walker::walk_returns() {
  const std::vector<Index> sides = reply_sides();
  for (size_t i = 0; i < sides.size(); ++i) {
    set_reply(i);
    return_from(sides[i], standby_reply_);
  }
}

// One reply, from the preferred or the standby subnet; each walks on past its own broken hops.
void Walker::return_from(Index fs_subnet, bool standby) {
  fixes_behind_.clear();
  const size_t reply_hop = trace_.hops.size();
  reply_route(fs_subnet, standby);
  // Crossing the gateway adds hops: the reply's first hop is found again by its place.
  if (trace_.hops[reply_hop].verdict == Verdict::Fail)
    walk_on_after_return_route(trace_.hops[reply_hop], fs_subnet, standby);
}

// A reply route that does not lead back to the client's VPC. When a transit gateway joins the two
// VPCs, the fix is a route to it: the walk goes on across it.
void Walker::walk_on_after_return_route(Hop& hop, Index fs_subnet, bool standby) {
  if (client_.subnet == model::kNone) return;
  const Index client_vpc = subnet(client_.subnet).vpc;
  if (client_vpc == endpoint_.vpc) return;
  const std::optional<Index> tgw = tgw_joining(client_vpc);
  if (!tgw) return;
  walk_on_as_fixed(hop, say([&] {
                     return fmt::format("route table {} (a route back to {} to transit gateway {})",
                                        name(hop.resource), client_.addresses.str(),
                                        name({Kind::TransitGateway, *tgw}));
                   }));
  return_through_tgw(*tgw, fs_subnet, standby);
}

void Walker::reply_route(Index fs_subnet, bool standby) {
  const Index table = subnet(fs_subnet).route_table;
  Hop& hop = add(Direction::Return, HopKind::ReturnRoute, {Kind::RouteTable, table});
  hop.standby = standby;
  if (!table_known(hop, fs_subnet, "the file system subnet's")) return;
  const RouteChoice choice = look_up(table, client_.addresses);
  if (choice.status == RouteChoice::Status::Unknown) return unknown(hop, choice.where, choice.why);
  const std::string side = say([&] {
    return fmt::format("{} subnet {}", standby ? "standby" : "preferred",
                       subnet(fs_subnet).origin.name);
  });
  if (!choice.matched()) {
    return fail(hop, Cause::NoRoute, say([&] {
                  return fmt::format("{} (of the {}) has no route back to the client",
                                     name(hop.resource), side);
                }));
  }
  const model::Route& route = model_.route_tables[table].routes[choice.route];
  hop.decided_by = &route.origin;
  hop.decision = say([&] { return route_words(route); });
  if (route.blackhole)
    return fail(hop, Cause::Blackhole,
                fmt::format("{} (of the {}): {}", name(hop.resource), side, hop.decision));
  follow_return_route(hop, route, fs_subnet, standby, side);
}

// Whether the route the reply takes leads to the client; `side` names the file-system subnet.
void Walker::follow_return_route(Hop& hop, const model::Route& route, Index fs_subnet, bool standby,
                                 const std::string& side) {
  const Index client_vpc =
      client_.subnet == model::kNone ? model::kNone : subnet(client_.subnet).vpc;
  switch (route.target.kind) {
    case model::TargetKind::Local:
      if (client_vpc == endpoint_.vpc) return;
      return fail(hop, Cause::WrongTarget,
                  fmt::format("{} (of the {}) keeps {} inside the VPC", name(hop.resource), side,
                              client_.addresses.str()));
    case model::TargetKind::TransitGateway:
      if (!model::is_known_index(route.target.index))
        return unknown(hop, route.origin.location, "the transit gateway is not among the inputs");
      return return_through_tgw(route.target.index, fs_subnet, standby);
    case model::TargetKind::Peering:
      if (!model::is_known_index(route.target.index))
        return unknown(hop, route.origin.location,
                       "the peering connection is not among the inputs");
      if (!peering_joins_fs_vpc(route.target.index, client_vpc))
        return fail(hop, Cause::WrongTarget,
                    fmt::format("{} (of the {}): {}, which does not lead to the client's VPC",
                                name(hop.resource), side, hop.decision));
      return;
    case model::TargetKind::VpnGateway:
      if (client_.subnet == model::kNone) return;  // an on-premises client behind the VPN
      return fail(hop, Cause::WrongTarget,
                  fmt::format("{} (of the {}): {}, away from the client's VPC", name(hop.resource),
                              side, hop.decision));
    case model::TargetKind::Unknown:
      return unknown(hop, route.origin.location, "the route's target is not known statically");
    default:
      if (beyond_static_model(hop, route)) return;
      return fail(hop, Cause::WrongTarget,
                  fmt::format("{} (of the {}): {}, away from the client", name(hop.resource), side,
                              hop.decision));
  }
}

// Across the transit gateway to the client's VPC, or (a client outside every modelled VPC) to a
// VPN, Direct Connect or peering attachment. Where the reply leaves the gateway ends the walk:
// inside the client's VPC its local route delivers it.
void Walker::return_through_tgw(Index tgw, Index fs_subnet, bool standby) {
  const bool outside = client_.subnet == model::kNone;
  const TgwLeg leg{
      .direction = Direction::Return,
      .standby = standby,
      .from_subnet = fs_subnet,
      .from_vpc = endpoint_.vpc,
      .destination = client_.addresses,
      .to_vpc = outside ? std::nullopt : std::optional<Index>(subnet(client_.subnet).vpc)};
  cross_tgw(tgw, leg);
}

}  // namespace reachlint::analysis
