#include <algorithm>

#include <fmt/format.h>

#include "linter/analysis/walker_internal.h"

namespace reachlint::analysis {

using model::EntityRef;
using model::Index;
using model::Kind;

Trace walk(const WalkContext& context, const ClientGroup& client) {
  return Walker(context, client).run();
}

Walker::Walker(const WalkContext& context, const ClientGroup& client)
    : context_(context),
      model_(context.model),
      fs_(context.model.file_systems[context.file_system]),
      endpoint_(context.endpoint),
      client_(client) {
  trace_.file_system = context.file_system;
  trace_.client = &client;
}

Trace Walker::run() {
  if (client_.subnet == model::kNone) {
    walk_external();
  } else if (subnet(client_.subnet).vpc == endpoint_.vpc) {
    forward_in_vpc();
  } else {
    forward_across_vpcs();
  }
  // The way back starts at the file system's subnets whatever happened on the way there: every
  // broken hop is reported (DESIGN §3). When nothing joins the two VPCs, the missing connection is
  // one finding, not one per direction. Which ACLs apply depends on the way in, so they wait for
  // it.
  if (trace_.arrives || vpcs_joined()) walk_returns();
  check_security_groups();
  if (trace_.arrives) check_network_acls();
  return std::move(trace_);
}

// ---- helpers ----

Hop& Walker::add(Direction direction, HopKind kind, EntityRef resource) {
  Hop& hop = trace_.hops.emplace_back();
  hop.direction = direction;
  hop.kind = kind;
  hop.resource = resource;
  return hop;
}

void Walker::fail(Hop& hop, Cause cause, std::string decision) {
  hop.verdict = Verdict::Fail;
  hop.cause = cause;
  hop.decision = std::move(decision);
}

void Walker::unknown(Hop& hop, Location where, std::string why) {
  hop.verdict = Verdict::Unknown;
  hop.unknown_at = where;
  hop.decision = std::move(why);
}

std::string Walker::name(EntityRef ref) const {
  return std::string(model_.origin(ref).name);
}

std::optional<Index> Walker::attachment_of(Index tgw, Index vpc) const {
  for (Index a = 0; a < model_.tgw_attachments.size(); ++a) {
    const model::TgwAttachment& attachment = model_.tgw_attachments[a];
    if (attachment.tgw == tgw && attachment.vpc == vpc &&
        attachment.kind == model::AttachmentKind::Vpc)
      return a;
  }
  return std::nullopt;
}

// The attachment's subnet in the zone of `subnet`; nullopt when it has none there (or a zone
// cannot be compared, which callers treat through zone_known()).
std::optional<Index> Walker::attachment_subnet_in_zone(Index attachment, Index of_subnet) const {
  const auto& zone = subnet(of_subnet).zone;
  if (!zone.known()) return std::nullopt;
  for (const auto& candidate : model_.tgw_attachments[attachment].subnets) {
    if (candidate.known() && subnet(*candidate).zone.known() && *subnet(*candidate).zone == *zone)
      return *candidate;
  }
  return std::nullopt;
}

std::string Walker::route_words(const model::Route& route) const {
  const std::string destination =
      route.destination.known() ? route.destination->str()
      : route.prefix_list != model::kNone && model::is_known_index(route.prefix_list)
          ? fmt::format("prefix list {}", model_.prefix_lists[route.prefix_list].origin.name)
          : "?";
  if (route.blackhole) return fmt::format("{} -> blackhole", destination);
  static constexpr std::string_view kWords[] = {"local",
                                                "transit gateway",
                                                "peering connection",
                                                "VPN gateway",
                                                "internet gateway",
                                                "NAT gateway",
                                                "network interface",
                                                "instance",
                                                "VPC endpoint",
                                                "gateway",
                                                "an unknown target"};
  const auto kind = kWords[static_cast<size_t>(route.target.kind)];
  if (route.target.kind == model::TargetKind::Local) return fmt::format("{} -> local", destination);
  return fmt::format("{} -> {} {}", destination, kind, route.target.id);
}

std::string Walker::tgw_route_words(const model::TgwRoute& route) const {
  const std::string destination = route.destination.known() ? route.destination->str() : "?";
  const char* kind = route.propagated ? "propagated" : "static";
  if (route.blackhole) return fmt::format("{} ({}) -> blackhole", destination, kind);
  const std::string_view target = model::is_known_index(route.attachment)
                                      ? model_.tgw_attachments[route.attachment].origin.name
                                      : std::string_view("an attachment not known statically");
  return fmt::format("{} ({}) -> {}", destination, kind, target);
}

// Whether `table` sends the floating endpoint to the active file server. Exports show the /32
// routes FSx writes; templates only name the tables in RouteTableIds, where FSx will write them.
bool Walker::in_route_table_ids(Index table, Hop& hop) const {
  if (fs_.explicit_endpoint_routes) {
    const RouteChoice choice = lookup(model_, model_.route_tables[table], endpoint_.addresses,
                                      context_.indexes.vpc(table));
    if (choice.status == RouteChoice::Status::Unknown) {
      hop.verdict = Verdict::Unknown;
      hop.unknown_at = choice.where;
      hop.decision = choice.why;
      return false;
    }
    if (!choice.matched()) return false;
    const model::Route& route = model_.route_tables[table].routes[choice.route];
    hop.decided_by = &route.origin;
    return route.target.kind == model::TargetKind::NetworkInterface &&
           std::find(fs_.interfaces.begin(), fs_.interfaces.end(), route.target.index) !=
               fs_.interfaces.end();
  }
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
  hop.via = fmt::format(
      "{} {}",
      route.target.kind == model::TargetKind::Peering ? "peering connection" : "VPN gateway",
      route.target.id);
  fail(hop, Cause::NotTransitive,
       fmt::format("{}: {} does not route to the floating IP of a Multi-AZ file system",
                   route_words(route), hop.via));
}

// Whether a peering connection or a transit gateway joins the client's VPC to the file system's.
bool Walker::vpcs_joined() const {
  if (client_.subnet == model::kNone) return false;
  const Index vpc = subnet(client_.subnet).vpc;
  if (vpc == endpoint_.vpc) return true;
  for (Index p = 0; p < model_.peerings.size(); ++p) {
    if (peering_joins_fs_vpc(p, vpc)) return true;
  }
  for (const model::TgwAttachment& attachment : model_.tgw_attachments) {
    if (attachment.vpc == vpc && attachment.kind == model::AttachmentKind::Vpc &&
        attachment_of(attachment.tgw, endpoint_.vpc))
      return true;
  }
  return false;
}

bool Walker::peering_joins_fs_vpc(Index peering, Index vpc) const {
  if (!model::is_known_index(peering)) return false;
  const model::Peering& p = model_.peerings[peering];
  return (p.requester_vpc == vpc && p.accepter_vpc == endpoint_.vpc) ||
         (p.accepter_vpc == vpc && p.requester_vpc == endpoint_.vpc);
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

// ---- forward ----

void Walker::forward_in_vpc() {
  transport_ = Transport::SameVpc;
  const Index table = subnet(client_.subnet).route_table;
  Hop& hop = add(Direction::Forward, HopKind::ClientRoute, {Kind::RouteTable, table});
  if (!model::is_known_index(table)) {
    hop.resource = {Kind::Subnet, client_.subnet};
    unknown(hop, subnet(client_.subnet).route_table_association.location,
            "the subnet's route table is not known statically");
    return;
  }
  trace_.arrives = true;
  if (endpoint_.floating) {
    if (in_route_table_ids(table, hop)) {
      hop.decision =
          fmt::format("{} is in RouteTableIds: it holds the floating-IP route", name(hop.resource));
    } else if (hop.verdict != Verdict::Unknown) {
      missing_endpoint_route(hop, table, "clients in the file system's VPC use it");
    }
    return;
  }
  const RouteChoice choice =
      lookup(model_, model_.route_tables[table], endpoint_.addresses, context_.indexes.vpc(table));
  if (choice.status == RouteChoice::Status::Unknown) return unknown(hop, choice.where, choice.why);
  if (choice.matched()) hop.decided_by = &model_.route_tables[table].routes[choice.route].origin;
  hop.decision =
      choice.matched() ? route_words(model_.route_tables[table].routes[choice.route]) : "no route";
}

void Walker::forward_across_vpcs() {
  const Index table = subnet(client_.subnet).route_table;
  Hop& hop = add(Direction::Forward, HopKind::ClientRoute, {Kind::RouteTable, table});
  if (!model::is_known_index(table)) {
    hop.resource = {Kind::Subnet, client_.subnet};
    return unknown(hop, subnet(client_.subnet).route_table_association.location,
                   "the subnet's route table is not known statically");
  }
  const RouteChoice choice =
      lookup(model_, model_.route_tables[table], endpoint_.addresses, context_.indexes.vpc(table));
  if (choice.status == RouteChoice::Status::Unknown) return unknown(hop, choice.where, choice.why);
  if (!choice.matched()) {
    if (const model::Route* route = non_transitive_route_to_fs_vpc(table)) {
      hop.decided_by = &route->origin;
      return not_transitive(hop, *route);
    }
    return fail(hop, Cause::NoRoute,
                fmt::format("{} has no route to {}", name(hop.resource), endpoint_.description));
  }
  const model::Route& route = model_.route_tables[table].routes[choice.route];
  hop.decided_by = &route.origin;
  hop.decision = route_words(route);
  if (route.blackhole)
    return fail(hop, Cause::Blackhole, fmt::format("{}: the route's target is gone", hop.decision));
  switch (route.target.kind) {
    case model::TargetKind::TransitGateway:
      if (!model::is_known_index(route.target.index)) {
        return unknown(hop, route.origin.location, "the transit gateway is not among the inputs");
      }
      return forward_through_tgw(route.target.index, route);
    case model::TargetKind::Peering: {
      if (!model::is_known_index(route.target.index))
        return unknown(hop, route.origin.location,
                       "the peering connection is not among the inputs");
      if (!peering_joins_fs_vpc(route.target.index, subnet(client_.subnet).vpc))
        return fail(
            hop, Cause::WrongTarget,
            fmt::format("{}, which does not connect to the file system's VPC", hop.decision));
      if (endpoint_.floating) return not_transitive(hop, route);
      transport_ = Transport::Peering;
      trace_.arrives = true;
      return;
    }
    case model::TargetKind::VpnGateway:
      if (endpoint_.floating) return not_transitive(hop, route);
      return unknown(
          hop, route.origin.location,
          "the traffic leaves AWS through a VPN gateway; on-premises routing is not in the inputs");
    case model::TargetKind::Unknown:
      return unknown(hop, route.origin.location, "the route's target is not known statically");
    default:
      return fail(hop, Cause::WrongTarget,
                  fmt::format("{}, not toward the file system's VPC", hop.decision));
  }
}

void Walker::forward_through_tgw(Index tgw, const model::Route& route) {
  transport_ = Transport::TransitGateway;
  tgw_ = tgw;
  const Index client_vpc = subnet(client_.subnet).vpc;
  const auto attachment = attachment_of(tgw, client_vpc);
  Hop& transport = add(Direction::Forward, HopKind::Transport, {Kind::TransitGateway, tgw});
  transport.decided_by = &route.origin;
  if (!attachment) {
    return fail(transport, Cause::NoAttachment,
                fmt::format("{} routes to transit gateway {}, but VPC {} has no attachment to it",
                            route.origin.name, name(transport.resource),
                            model_.vpcs[client_vpc].origin.name));
  }
  client_attachment_ = *attachment;
  const model::TgwAttachment& ours = model_.tgw_attachments[*attachment];
  transport.resource = {Kind::TgwAttachment, *attachment};
  transport.decided_by = &ours.origin;
  if (!subnet(client_.subnet).zone.known()) {
    unknown(transport, subnet(client_.subnet).zone.where(),
            "the client subnet's Availability Zone is not known statically");
  } else if (!attachment_subnet_in_zone(*attachment, client_.subnet)) {
    fail(transport, Cause::AttachmentMissingZone,
         fmt::format("{} has no subnet in the Availability Zone of {}: traffic from that zone "
                     "cannot reach the transit gateway",
                     ours.origin.name, subnet(client_.subnet).origin.name));
  } else {
    transport.decision = fmt::format("enters transit gateway {} through {}",
                                     model_.transit_gateways[tgw].origin.name, ours.origin.name);
  }
  Hop& hop = add(Direction::Forward, HopKind::TgwRoute, {Kind::TgwAttachment, *attachment});
  if (ours.association == model::kNone) {
    return fail(
        hop, Cause::NoAssociation,
        fmt::format("{} is associated with no transit gateway route table", ours.origin.name));
  }
  if (!model::is_known_index(ours.association))
    return unknown(hop, ours.association_origin.location,
                   "the associated route table is not known statically");
  hop.resource = {Kind::TgwRouteTable, ours.association};
  const model::TgwRouteTable& table = model_.tgw_route_tables[ours.association];
  const RouteChoice choice =
      lookup(model_, table, endpoint_.addresses, context_.indexes.tgw(ours.association));
  if (choice.status == RouteChoice::Status::Unknown) return unknown(hop, choice.where, choice.why);
  const bool outside = endpoint_.inside_vpc == Inside::No;
  if (!choice.matched()) {
    return fail(hop, outside ? Cause::RangeNeedsStaticRoute : Cause::NoRoute,
                fmt::format("{} has no route to {}", table.origin.name, endpoint_.description));
  }
  const model::TgwRoute& tgw_route = table.routes[choice.route];
  hop.decided_by = &tgw_route.origin;
  hop.decision = fmt::format("{}: {}", table.origin.name, tgw_route_words(tgw_route));
  if (tgw_route.blackhole) return fail(hop, Cause::Blackhole, hop.decision);
  if (!model::is_known_index(tgw_route.attachment))
    return unknown(hop, tgw_route.origin.location,
                   "the route's attachment is not known statically");
  const model::TgwAttachment& target = model_.tgw_attachments[tgw_route.attachment];
  if (target.vpc != endpoint_.vpc || target.kind != model::AttachmentKind::Vpc) {
    return fail(hop, outside ? Cause::RangeNeedsStaticRoute : Cause::WrongTarget,
                fmt::format("{}, not to the file system's VPC", hop.decision));
  }
  enter_fs_vpc(tgw_route.attachment);
}

void Walker::enter_fs_vpc(Index attachment) {
  fs_attachment_ = attachment;
  trace_.arrives = true;
  const model::TgwAttachment& theirs = model_.tgw_attachments[attachment];
  references_usable_ = model_.transit_gateways[tgw_].security_group_referencing &&
                       theirs.security_group_referencing &&
                       model_.tgw_attachments[client_attachment_].security_group_referencing;
  if (const auto same_zone = attachment_subnet_in_zone(attachment, client_.subnet)) {
    entry_subnets_.push_back(*same_zone);
  } else {
    for (const auto& candidate : theirs.subnets) {
      if (candidate.known()) entry_subnets_.push_back(*candidate);
    }
  }
  for (const Index entry : entry_subnets_) check_entry_table(entry);
}

void Walker::check_entry_table(Index entry) {
  const Index table = subnet(entry).route_table;
  Hop& hop = add(Direction::Forward, HopKind::EntryRouteTable, {Kind::RouteTable, table});
  if (!model::is_known_index(table)) {
    hop.resource = {Kind::Subnet, entry};
    return unknown(hop, subnet(entry).route_table_association.location,
                   "the attachment subnet's route table is not known statically");
  }
  if (endpoint_.floating) {
    if (in_route_table_ids(table, hop)) {
      hop.decision = fmt::format("enters through {}; {} holds the floating-IP route",
                                 subnet(entry).origin.name, name(hop.resource));
    } else if (hop.verdict != Verdict::Unknown) {
      missing_endpoint_route(
          hop, table,
          fmt::format("traffic from the transit gateway enters through attachment subnet {}, "
                      "which uses it",
                      subnet(entry).origin.name));
    }
    return;
  }
  const RouteChoice choice =
      lookup(model_, model_.route_tables[table], endpoint_.addresses, context_.indexes.vpc(table));
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

// ---- return ----

void Walker::walk_returns() {
  if (endpoint_.floating) {
    return_from(endpoint_.preferred_subnet, false);
    if (endpoint_.standby_subnet != model::kNone) return_from(endpoint_.standby_subnet, true);
    return;
  }
  for (const Index s : endpoint_.subnets) return_from(s, false);
}

void Walker::return_from(Index fs_subnet, bool standby) {
  const Index table = subnet(fs_subnet).route_table;
  Hop& hop = add(Direction::Return, HopKind::ReturnRoute, {Kind::RouteTable, table});
  hop.standby = standby;
  if (!model::is_known_index(table)) {
    hop.resource = {Kind::Subnet, fs_subnet};
    return unknown(hop, subnet(fs_subnet).route_table_association.location,
                   "the file system subnet's route table is not known statically");
  }
  const RouteChoice choice =
      lookup(model_, model_.route_tables[table], client_.addresses, context_.indexes.vpc(table));
  if (choice.status == RouteChoice::Status::Unknown) return unknown(hop, choice.where, choice.why);
  const std::string side =
      fmt::format("{} subnet {}", standby ? "standby" : "preferred", subnet(fs_subnet).origin.name);
  if (!choice.matched()) {
    return fail(
        hop, Cause::NoRoute,
        fmt::format("{} (of the {}) has no route back to the client", name(hop.resource), side));
  }
  const model::Route& route = model_.route_tables[table].routes[choice.route];
  hop.decided_by = &route.origin;
  hop.decision = route_words(route);
  if (route.blackhole)
    return fail(hop, Cause::Blackhole,
                fmt::format("{} (of the {}): {}", name(hop.resource), side, hop.decision));
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
      return_through_tgw(route.target.index, fs_subnet, standby);
      return;
    case model::TargetKind::Peering: {
      if (!model::is_known_index(route.target.index))
        return unknown(hop, route.origin.location,
                       "the peering connection is not among the inputs");
      const model::Peering& peering = model_.peerings[route.target.index];
      const bool connects =
          (peering.requester_vpc == client_vpc && peering.accepter_vpc == endpoint_.vpc) ||
          (peering.accepter_vpc == client_vpc && peering.requester_vpc == endpoint_.vpc);
      if (!connects)
        return fail(hop, Cause::WrongTarget,
                    fmt::format("{} (of the {}): {}, which does not lead to the client's VPC",
                                name(hop.resource), side, hop.decision));
      return;
    }
    case model::TargetKind::VpnGateway:
      if (client_.subnet == model::kNone) return;  // an on-premises client behind the VPN
      return fail(hop, Cause::WrongTarget,
                  fmt::format("{} (of the {}): {}, away from the client's VPC", name(hop.resource),
                              side, hop.decision));
    case model::TargetKind::Unknown:
      return unknown(hop, route.origin.location, "the route's target is not known statically");
    default:
      return fail(hop, Cause::WrongTarget,
                  fmt::format("{} (of the {}): {}, away from the client", name(hop.resource), side,
                              hop.decision));
  }
}

bool Walker::return_through_tgw(Index tgw, Index fs_subnet, bool standby) {
  const auto attachment = attachment_of(tgw, endpoint_.vpc);
  Hop& transport = add(Direction::Return, HopKind::Transport, {Kind::TransitGateway, tgw});
  transport.standby = standby;
  if (!attachment) {
    fail(transport, Cause::NoAttachment,
         fmt::format("the file system's VPC has no attachment to transit gateway {}",
                     name(transport.resource)));
    return false;
  }
  const model::TgwAttachment& ours = model_.tgw_attachments[*attachment];
  transport.resource = {Kind::TgwAttachment, *attachment};
  transport.decided_by = &ours.origin;
  if (!subnet(fs_subnet).zone.known()) {
    unknown(transport, subnet(fs_subnet).zone.where(),
            "the file system subnet's Availability Zone is not known statically");
  } else if (!attachment_subnet_in_zone(*attachment, fs_subnet)) {
    transport.essential = !standby;
    fail(transport, Cause::AttachmentMissingZone,
         fmt::format("{} has no subnet in the Availability Zone of the {} subnet {}: replies from "
                     "there cannot reach the transit gateway{}",
                     ours.origin.name, standby ? "standby" : "preferred",
                     subnet(fs_subnet).origin.name, standby ? " after a failover" : ""));
  } else {
    transport.decision = fmt::format("enters transit gateway {} through {}",
                                     model_.transit_gateways[tgw].origin.name, ours.origin.name);
  }
  Hop& hop = add(Direction::Return, HopKind::TgwRoute, {Kind::TgwAttachment, *attachment});
  hop.standby = standby;
  if (ours.association == model::kNone) {
    fail(hop, Cause::NoAssociation,
         fmt::format("{} is associated with no transit gateway route table", ours.origin.name));
    return false;
  }
  if (!model::is_known_index(ours.association)) {
    unknown(hop, ours.association_origin.location,
            "the associated route table is not known statically");
    return false;
  }
  hop.resource = {Kind::TgwRouteTable, ours.association};
  const model::TgwRouteTable& table = model_.tgw_route_tables[ours.association];
  const RouteChoice choice =
      lookup(model_, table, client_.addresses, context_.indexes.tgw(ours.association));
  if (choice.status == RouteChoice::Status::Unknown) {
    unknown(hop, choice.where, choice.why);
    return false;
  }
  if (!choice.matched()) {
    fail(hop, Cause::NoRoute, fmt::format("{} has no route back to the client", table.origin.name));
    return false;
  }
  const model::TgwRoute& route = table.routes[choice.route];
  hop.decided_by = &route.origin;
  hop.decision = fmt::format("{}: {}", table.origin.name, tgw_route_words(route));
  if (route.blackhole) {
    fail(hop, Cause::Blackhole, hop.decision);
    return false;
  }
  if (!model::is_known_index(route.attachment)) {
    unknown(hop, route.origin.location, "the route's attachment is not known statically");
    return false;
  }
  const model::TgwAttachment& target = model_.tgw_attachments[route.attachment];
  const bool to_client = client_.subnet == model::kNone ? target.kind != model::AttachmentKind::Vpc
                                                        : target.vpc == subnet(client_.subnet).vpc;
  if (!to_client) {
    fail(hop, Cause::WrongTarget, fmt::format("{}, not to the client's VPC", hop.decision));
    return false;
  }
  return true;
}

// ---- clients outside every modelled VPC ----

void Walker::walk_external() {
  // The way back decides where the client is; without a modelled entry into AWS, the forward
  // direction is judged from the same transport.
  const Index table = subnet(endpoint_.preferred_subnet).route_table;
  if (!model::is_known_index(table)) return;
  const RouteChoice choice =
      lookup(model_, model_.route_tables[table], client_.addresses, context_.indexes.vpc(table));
  if (!choice.matched()) {
    trace_.arrives = true;  // the return hop reports the missing route
    return;
  }
  const model::Route& route = model_.route_tables[table].routes[choice.route];
  Hop& hop = add(Direction::Forward, HopKind::ClientRoute, {Kind::RouteTable, table});
  hop.decided_by = &route.origin;
  hop.decision = route_words(route);
  const bool non_transitive = route.target.kind == model::TargetKind::VpnGateway ||
                              route.target.kind == model::TargetKind::Peering;
  if (non_transitive && endpoint_.floating) return not_transitive(hop, route);
  hop.decision = fmt::format("{} is reached through {}", client_.addresses.str(), hop.decision);
  trace_.arrives = true;
}

}  // namespace reachlint::analysis
