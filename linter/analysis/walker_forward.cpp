// The way there: from the client's subnet to the file system's endpoint, in its own VPC, across
// a peering connection or a transit gateway, or (a client outside every modelled VPC) judged
// from the way back.
#include <algorithm>

#include <fmt/format.h>

#include "linter/analysis/walker_internal.h"

namespace reachlint::analysis {

using model::Index;
using model::Kind;

RoutePath Walker::walk_forward() {
  if (client_.subnet == model::kNone) return walk_external();
  if (subnet(client_.subnet).vpc == endpoint_.vpc) {
    forward_in_vpc();
    return {.transport = Transport::SameVpc};
  }
  return forward_across_vpcs();
}

void Walker::forward_in_vpc() {
  const Index table = subnet(client_.subnet).route_table;
  Hop& hop = add(Direction::Forward, HopKind::ClientRoute, {Kind::RouteTable, table});
  if (!table_known(hop, client_.subnet, "the subnet's")) return;
  trace_.arrives = true;
  if (endpoint_.floating) {
    if (in_route_table_ids(table, hop)) {
      hop.decision =
          fmt::format("{} is in RouteTableIds: it holds the floating-IP route", name(hop.resource));
      check_failover(hop, table);
    } else if (hop.verdict != Verdict::Unknown) {
      missing_endpoint_route(hop, table, "clients in the file system's VPC use it");
    }
    return;
  }
  const RouteChoice choice = look_up(table, endpoint_.addresses);
  if (choice.status == RouteChoice::Status::Unknown) return unknown(hop, choice.where, choice.why);
  if (choice.matched()) hop.decided_by = &model_.route_tables[table].routes[choice.route].origin;
  hop.decision =
      choice.matched() ? route_words(model_.route_tables[table].routes[choice.route]) : "no route";
}

RoutePath Walker::forward_across_vpcs() {
  const Index table = subnet(client_.subnet).route_table;
  Hop& hop = add(Direction::Forward, HopKind::ClientRoute, {Kind::RouteTable, table});
  if (!table_known(hop, client_.subnet, "the subnet's")) return {};
  const size_t client_hop = trace_.hops.size() - 1;
  const model::Route* route = route_out_of_client_vpc(hop, table);
  RoutePath path = route ? leave_client_vpc(hop, *route) : RoutePath{};
  // Crossing the gateway adds hops: the client's hop is found again by its place.
  if (trace_.hops[client_hop].verdict != Verdict::Fail) return path;
  return walk_on_after_client_route(trace_.hops[client_hop]);
}

// A client route that does not take the request toward the file system's VPC. When a transit
// gateway joins the two VPCs, the fix is a route to it: the walk goes on across it, so that what
// is broken behind it is reported in the same run.
RoutePath Walker::walk_on_after_client_route(Hop& hop) {
  const std::optional<Index> tgw = tgw_joining(subnet(client_.subnet).vpc);
  if (!tgw) return {};
  // A range AWS picks is described in a clause of its own: it goes last.
  walk_on_as_fixed(
      hop, say([&] {
        const std::string gateway = name({Kind::TransitGateway, *tgw});
        return endpoint_.range_defaulted
                   ? fmt::format("route table {} (a route to transit gateway {} for {})",
                                 name(hop.resource), gateway, endpoint_.description)
                   : fmt::format("route table {} (a route for {} to transit gateway {})",
                                 name(hop.resource), endpoint_.description, gateway);
      }));
  return forward_through_tgw(*tgw, nullptr);
}

// The client's route toward the endpoint; null when the ClientRoute hop already says why the
// request goes nowhere.
const model::Route* Walker::route_out_of_client_vpc(Hop& hop, Index table) {
  const RouteChoice choice = look_up(table, endpoint_.addresses);
  if (choice.status == RouteChoice::Status::Unknown) {
    unknown(hop, choice.where, choice.why);
    return nullptr;
  }
  if (!choice.matched()) {
    if (const model::Route* route = non_transitive_route_to_fs_vpc(table)) {
      hop.decided_by = &route->origin;
      not_transitive(hop, *route);
    } else {
      fail(hop, Cause::NoRoute,
           fmt::format("{} has no route to {}", name(hop.resource), endpoint_.description));
    }
    return nullptr;
  }
  const model::Route& route = model_.route_tables[table].routes[choice.route];
  hop.decided_by = &route.origin;
  hop.decision = say([&] { return route_words(route); });
  if (route.blackhole) {
    fail(hop, Cause::Blackhole, fmt::format("{}: the route's target is gone", hop.decision));
    return nullptr;
  }
  return &route;
}

// Where the client's route takes the request: on into the file system's VPC, or somewhere it
// cannot arrive from.
RoutePath Walker::leave_client_vpc(Hop& hop, const model::Route& route) {
  switch (route.target.kind) {
    case model::TargetKind::TransitGateway:
      if (model::is_known_index(route.target.index))
        return forward_through_tgw(route.target.index, &route.origin);
      unknown(hop, route.origin.location, "the transit gateway is not among the inputs");
      return {};
    case model::TargetKind::Peering:
      if (!model::is_known_index(route.target.index)) {
        unknown(hop, route.origin.location, "the peering connection is not among the inputs");
      } else if (!peering_joins_fs_vpc(route.target.index, subnet(client_.subnet).vpc)) {
        fail(hop, Cause::WrongTarget,
             fmt::format("{}, which does not connect to the file system's VPC", hop.decision));
      } else if (endpoint_.floating) {
        not_transitive(hop, route);
      } else {
        trace_.arrives = true;
        return {.transport = Transport::Peering};
      }
      return {};
    case model::TargetKind::VpnGateway:
      if (endpoint_.floating) {
        not_transitive(hop, route);
      } else {
        unknown(hop, route.origin.location,
                "the traffic leaves AWS through a VPN gateway; on-premises routing is not in the "
                "inputs");
      }
      return {};
    case model::TargetKind::Unknown:
      unknown(hop, route.origin.location, "the route's target is not known statically");
      return {};
    default:
      if (!beyond_static_model(hop, route))
        fail(hop, Cause::WrongTarget,
             fmt::format("{}, not toward the file system's VPC", hop.decision));
      return {};
  }
}

// Targets that forward by rules of their own (AWS-FACTS §5.1): an appliance (a firewall's
// interface or instance, a Gateway Load Balancer endpoint), a private NAT gateway, a Cloud WAN
// core network. What happens after them cannot be told from the configuration: the hop is
// unknown (one notice per route), never a finding. Other targets lead out of AWS or nowhere.
bool Walker::beyond_static_model(Hop& hop, const model::Route& route) {
  switch (route.target.kind) {
    case model::TargetKind::NetworkInterface:
    case model::TargetKind::Instance:
    case model::TargetKind::LoadBalancerEndpoint:
      unknown(hop, route.origin.location,
              fmt::format("{}: an appliance forwards it by rules outside a static model",
                          hop.decision));
      return true;
    case model::TargetKind::NatGateway:
      if (!model::is_known_index(route.target.index) ||
          !model_.nat_gateways[route.target.index].private_connectivity)
        return false;  // a public NAT gateway (the default) sends it to the internet
      unknown(hop, route.origin.location,
              fmt::format("{}: a private NAT gateway forwards it from its own subnet with its own "
                          "address as the source, which this check does not follow",
                          hop.decision));
      return true;
    case model::TargetKind::CoreNetwork:
      unknown(hop, route.origin.location,
              fmt::format("{}: AWS documents access to floating endpoints through a transit "
                          "gateway only, not through Cloud WAN",
                          hop.decision));
      return true;
    default:
      return false;
  }
}

// Across the transit gateway into the file system's VPC, where the route tables of the
// attachment subnets the request enters by must deliver it. `route` is the client's route to the
// gateway, null when the walk goes on as if it were added.
RoutePath Walker::forward_through_tgw(Index tgw, const model::Origin* route) {
  RoutePath path{.transport = Transport::TransitGateway, .tgw = tgw};
  // An endpoint range outside the VPC's CIDRs is not propagated: only a static route leads to it.
  const bool outside = endpoint_.inside_vpc == Inside::No;
  const TgwLeg leg{.direction = Direction::Forward,
                   .from_subnet = client_.subnet,
                   .from_vpc = subnet(client_.subnet).vpc,
                   .destination = endpoint_.addresses,
                   .to_vpc = endpoint_.vpc,
                   .route = route,
                   .unrouted = outside ? Cause::RangeNeedsStaticRoute : Cause::NoRoute,
                   .misrouted = outside ? Cause::RangeNeedsStaticRoute : Cause::WrongTarget};
  const std::optional<TgwCrossing> crossing = cross_tgw(tgw, leg);
  if (!crossing) return path;
  trace_.arrives = true;
  path.client_attachment = crossing->entry;
  path.fs_attachment = crossing->exit;
  // Group references do not cross a peering between gateways (the exit is on another gateway).
  path.references_usable = model_.tgw_attachments[crossing->exit].tgw == tgw &&
                           model_.transit_gateways[tgw].security_group_referencing &&
                           model_.tgw_attachments[crossing->exit].security_group_referencing &&
                           model_.tgw_attachments[crossing->entry].security_group_referencing;
  path.entry_subnets = entry_subnets(crossing->exit);
  for (const Index entry : path.entry_subnets) check_entry_table(entry);
  if (endpoint_.floating) check_other_zone_entries(crossing->exit, path.entry_subnets);
  return path;
}

// The attachment's subnets in the zones today's request does not enter by. A table there without
// the floating-IP route works until traffic enters in that zone: a client subnet added there, or
// a gateway that sends traffic from a zone the attachment lacks. A warning (AWS-FACTS §4).
void Walker::check_other_zone_entries(Index attachment, const std::vector<Index>& entered) {
  for (const auto& candidate : model_.tgw_attachments[attachment].subnets) {
    if (!candidate.known() ||
        std::find(entered.begin(), entered.end(), *candidate) != entered.end())
      continue;
    const Index table = subnet(*candidate).route_table;
    if (!model::is_known_index(table)) continue;
    Hop probe;
    if (in_route_table_ids(table, probe)) {
      if (!rewritten_on_failover(table)) {
        check_failover(add(Direction::Forward, HopKind::EntryRouteTable, {Kind::RouteTable, table}),
                       table);
      }
      continue;
    }
    if (probe.verdict == Verdict::Unknown) continue;
    Hop& hop = add(Direction::Forward, HopKind::EntryRouteTable, {Kind::RouteTable, table});
    hop.essential = false;
    missing_endpoint_route(hop, table, "");
    if (hop.cause != Cause::NotInRouteTableIds) continue;
    const std::string zone = zone_words(subnet(*candidate));
    hop.decision = fmt::format(
        "route table {} of transit gateway attachment subnet {} in {} {}: today's clients enter "
        "the VPC in another zone, but requests that enter in {} (from a client subnet added "
        "there, or sent by the gateway from a zone the attachment lacks) get no route to the "
        "floating endpoint",
        name(hop.resource), subnet(*candidate).origin.name, zone,
        fs_.explicit_endpoint_routes
            ? fmt::format("has no route for {} to a file server of {}", endpoint_.description,
                          fs_.origin.name)
            : fmt::format("is not in RouteTableIds of {}", fs_.origin.name),
        zone);
  }
}

// The subnets of the file system's attachment a request may enter by: the one in the client's
// zone (the gateway keeps traffic in its zone), else any.
std::vector<Index> Walker::entry_subnets(Index attachment) const {
  if (client_.subnet != model::kNone) {
    if (const auto same_zone = attachment_subnet_in_zone(attachment, client_.subnet))
      return {*same_zone};
  }
  std::vector<Index> out;
  for (const auto& candidate : model_.tgw_attachments[attachment].subnets) {
    if (candidate.known()) out.push_back(*candidate);
  }
  return out;
}

void Walker::check_entry_table(Index entry) {
  const Index table = subnet(entry).route_table;
  Hop& hop = add(Direction::Forward, HopKind::EntryRouteTable, {Kind::RouteTable, table});
  if (!table_known(hop, entry, "the attachment subnet's")) return;
  if (endpoint_.floating) {
    if (in_route_table_ids(table, hop)) {
      hop.decision = say([&] {
        return fmt::format("enters through {}; {} holds the floating-IP route",
                           subnet(entry).origin.name, name(hop.resource));
      });
      check_failover(hop, table);
    } else if (hop.verdict != Verdict::Unknown) {
      missing_endpoint_route(
          hop, table,
          fmt::format("traffic from the transit gateway enters through attachment subnet {}, "
                      "which uses it",
                      subnet(entry).origin.name));
    }
    return;
  }
  const RouteChoice choice = look_up(table, endpoint_.addresses);
  if (choice.status == RouteChoice::Status::Unknown) return unknown(hop, choice.where, choice.why);
  const bool local =
      choice.matched() &&
      model_.route_tables[table].routes[choice.route].target.kind == model::TargetKind::Local;
  if (!local)
    return fail(
        hop, choice.matched() ? Cause::WrongTarget : Cause::NoRoute,
        fmt::format("{} does not deliver {} locally", name(hop.resource), endpoint_.description));
  hop.decision = "local";
}

// Whether `table` sends the floating endpoint to the active file server. Exports show the /32
// routes FSx writes; templates only name the tables in RouteTableIds, where FSx will write them.
bool Walker::in_route_table_ids(Index table, Hop& hop) const {
  if (fs_.explicit_endpoint_routes) {
    const RouteChoice choice = look_up(table, endpoint_.addresses);
    if (choice.status == RouteChoice::Status::Unknown) {
      hop.verdict = Verdict::Unknown;
      hop.unknown_at = choice.where;
      hop.decision = choice.why;
      return false;
    }
    if (!choice.matched()) return false;
    const model::Route& route = model_.route_tables[table].routes[choice.route];
    hop.decided_by = &route.origin;
    return !route.blackhole && route.target.kind == model::TargetKind::NetworkInterface &&
           std::find(fs_.interfaces.begin(), fs_.interfaces.end(), route.target.index) !=
               fs_.interfaces.end();
  }
  return listed_in_route_table_ids(table, hop);
}

// An export shows the route FSx wrote. In a table that is not in RouteTableIds (a route copied by
// hand, a table taken off the list) it works until a failover: FSx rewrites only the listed
// tables. A warning on the passing hop (AWS-FACTS §4).
void Walker::check_failover(Hop& hop, Index table) {
  if (rewritten_on_failover(table)) return;
  hop.essential = false;
  hop.standby = true;
  fail(hop, Cause::NotInRouteTableIds,
       fmt::format("route table {} holds a route for {} to a file server of {} but is not in "
                   "RouteTableIds: FSx does not rewrite it on a failover, so requests through it "
                   "fail once the standby file server takes over",
                   name(hop.resource), endpoint_.description, fs_.origin.name));
}

// Whether FSx rewrites the floating-IP route of `table` on a failover, or that cannot be told.
bool Walker::rewritten_on_failover(Index table) const {
  if (!fs_.explicit_endpoint_routes || fs_.route_tables.empty()) return true;
  Hop probe;
  return listed_in_route_table_ids(table, probe) || probe.verdict == Verdict::Unknown;
}

// Whether `table` is in RouteTableIds; `hop` is Unknown when a listed table is not known.
bool Walker::listed_in_route_table_ids(Index table, Hop& hop) const {
  for (const auto& listed : fs_.route_tables) {
    if (listed.known() && *listed == table) return true;
  }
  for (const auto& listed : fs_.route_tables) {
    if (!listed.known()) {
      hop.verdict = Verdict::Unknown;
      hop.unknown_at = listed.where();
      hop.decision = fmt::format("RouteTableIds of {} holds a table that is not known statically",
                                 fs_.origin.name);
    }
  }
  return false;
}

// The table lacks the floating-IP route: in a template, it is not in RouteTableIds (the fix);
// in an export, the /32 route FSx writes is not there.
void Walker::missing_endpoint_route(Hop& hop, Index table, const std::string& why) {
  const std::string_view name = model_.route_tables[table].origin.name;
  if (fs_.explicit_endpoint_routes) {
    const RouteChoice choice = look_up(table, endpoint_.addresses);
    if (choice.matched() && model_.route_tables[table].routes[choice.route].blackhole) {
      hop.decided_by = &model_.route_tables[table].routes[choice.route].origin;
      return fail(hop, Cause::Blackhole,
                  fmt::format("route table {} sends {} to a blackhole: the interface its route "
                              "names is gone{}",
                              name, endpoint_.description, why.empty() ? "" : " (" + why + ")"));
    }
    hop.decided_by = &model_.route_tables[table].origin;
    const bool listed = std::any_of(fs_.route_tables.begin(), fs_.route_tables.end(),
                                    [&](const auto& t) { return t.known() && *t == table; });
    const std::string_view cause =
        listed ? "it is in RouteTableIds, so the route FSx wrote was removed or replaced"
               : "FSx writes it only into the tables in RouteTableIds";
    return fail(hop, Cause::NotInRouteTableIds,
                fmt::format("route table {} has no route for {} to a file server of {} ({}); {}",
                            name, endpoint_.description, fs_.origin.name, why, cause));
  }
  hop.decided_by = &fs_.route_tables_origin;
  fail(hop, Cause::NotInRouteTableIds,
       fmt::format(
           "route table {} is not in {} of {}, but {}: it gets no route to the floating endpoint",
           name,
           fs_.route_tables_given ? "RouteTableIds"
                                  : "RouteTableIds (omitted: only the main route table)",
           fs_.origin.name, why));
}

// A Multi-AZ endpoint is reached only by transit gateway: a route that carries the client toward
// the file system's VPC over peering or a VPN gateway cannot deliver to the floating IP.
void Walker::not_transitive(Hop& hop, const model::Route& route) {
  const bool peering = route.target.kind == model::TargetKind::Peering;
  hop.via = {route.target.kind,
             {peering ? Kind::Peering : Kind::VpnGateway,
              model::is_known_index(route.target.index) ? route.target.index : model::kNone},
             route.target.id};
  fail(hop, Cause::NotTransitive,
       fmt::format("{}: {} does not route to the floating IP of a Multi-AZ file system",
                   route_words(route), via_words(hop.via)));
}

// When the endpoint has no route, a route to the file system's VPC over peering or a VPN gateway
// still tells how the client meant to get there (say, to a 198.19.0.0/16 ONTAP range).
const model::Route* Walker::non_transitive_route_to_fs_vpc(Index table) const {
  if (!endpoint_.floating) return nullptr;
  const Index vpc = subnet(client_.subnet).vpc;
  const auto& fs_cidrs = model_.vpcs[endpoint_.vpc].cidrs;
  for (const model::Route& route : model_.route_tables[table].routes) {
    if (!route.destination.known()) continue;
    const bool toward_fs_vpc = std::any_of(
        fs_cidrs.begin(), fs_cidrs.end(),
        [&](const auto& block) { return block.known() && block->overlaps(*route.destination); });
    const bool over_peering = route.target.kind == model::TargetKind::Peering &&
                              peering_joins_fs_vpc(route.target.index, vpc);
    if (toward_fs_vpc && (over_peering || route.target.kind == model::TargetKind::VpnGateway)) {
      return &route;
    }
  }
  return nullptr;
}

// ---- clients outside every modelled VPC ----

RoutePath Walker::walk_external() {
  // The way back decides where the client is; without a modelled entry into AWS, the forward
  // direction is judged from the same transport.
  const Index table = subnet(endpoint_.preferred_subnet).route_table;
  if (!model::is_known_index(table)) return {};
  const RouteChoice choice = look_up(table, client_.addresses);
  if (!choice.matched()) {
    trace_.arrives = true;  // the return hop reports the missing route
    return {};
  }
  const model::Route& route = model_.route_tables[table].routes[choice.route];
  Hop& hop = add(Direction::Forward, HopKind::ClientRoute, {Kind::RouteTable, table});
  hop.decided_by = &route.origin;
  hop.decision = route_words(route);
  const bool non_transitive = route.target.kind == model::TargetKind::VpnGateway ||
                              route.target.kind == model::TargetKind::Peering;
  if (non_transitive && endpoint_.floating) {
    not_transitive(hop, route);
    return {};
  }
  hop.decision = fmt::format("{} is reached through {}", client_.addresses.str(), hop.decision);
  if (route.target.kind == model::TargetKind::TransitGateway &&
      model::is_known_index(route.target.index)) {
    if (const std::optional<Index> entry = attachment_from_outside(route.target.index))
      return forward_from_outside(route.target.index, *entry);
  }
  trace_.arrives = true;
  return {};
}

// The attachment an on-premises client's requests enter the transit gateway by: the VPN, Direct
// Connect gateway or other non-VPC attachment the gateway sends the replies to (routing is
// symmetric there). nullopt when the replies' route does not tell.
std::optional<Index> Walker::attachment_from_outside(Index tgw) const {
  const std::optional<Index> fs_attachment = attachment_of(tgw, endpoint_.vpc);
  if (!fs_attachment) return std::nullopt;
  const Index table = model_.tgw_attachments[*fs_attachment].association;
  if (!model::is_known_index(table)) return std::nullopt;
  const RouteChoice choice = lookup(model_, model_.tgw_route_tables[table], client_.addresses,
                                    context_.indexes.tgw(table));
  if (!choice.matched()) return std::nullopt;
  const Index attachment = model_.tgw_route_tables[table].routes[choice.route].attachment;
  if (!model::is_known_index(attachment) ||
      model_.tgw_attachments[attachment].kind == model::AttachmentKind::Vpc)
    return std::nullopt;
  return attachment;
}

// The on-premises case of the FSx guides: requests enter the gateway by the VPN or Direct Connect
// attachment, whose associated route table must send the endpoint to the file system's VPC
// attachment (a static route when the range lies outside the VPC), and enter the VPC by any of
// the attachment's subnets, whose tables must hold the floating-IP route.
RoutePath Walker::forward_from_outside(Index tgw, Index entry) {
  RoutePath path{.transport = Transport::TransitGateway, .tgw = tgw, .references_usable = false};
  const model::TgwAttachment& attachment = model_.tgw_attachments[entry];
  Hop& hop = add(Direction::Forward, HopKind::Transport, {Kind::TgwAttachment, entry});
  hop.decided_by = &attachment.origin;
  hop.decision = fmt::format("{} enters transit gateway {} through {}", client_.addresses.str(),
                             name({Kind::TransitGateway, tgw}), attachment.origin.name);
  const bool outside = endpoint_.inside_vpc == Inside::No;
  const TgwLeg leg{.direction = Direction::Forward,
                   .destination = endpoint_.addresses,
                   .to_vpc = endpoint_.vpc,
                   .unrouted = outside ? Cause::RangeNeedsStaticRoute : Cause::NoRoute,
                   .misrouted = outside ? Cause::RangeNeedsStaticRoute : Cause::WrongTarget};
  const std::optional<Index> exit = route_in_tgw(entry, leg);
  if (!exit) return path;
  trace_.arrives = true;
  path.client_attachment = entry;
  path.fs_attachment = *exit;
  path.entry_subnets = entry_subnets(*exit);
  for (const Index subnet_in : path.entry_subnets) check_entry_table(subnet_in);
  return path;
}

}  // namespace reachlint::analysis
