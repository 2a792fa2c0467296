// A crossing of a transit gateway, the same for a request and a reply (the leg says which): into
// the gateway through the sending VPC's attachment, then by the route table associated with it.
#include <fmt/format.h>

#include "linter/analysis/walker_internal.h"

namespace reachlint::analysis {

using model::Index;
using model::Kind;

std::optional<TgwCrossing> Walker::cross_tgw(Index tgw, const TgwLeg& leg) {
  const std::optional<Index> entry = enter_tgw(tgw, leg);
  if (!entry) return std::nullopt;
  const std::optional<Index> exit = route_in_tgw(*entry, leg);
  if (!exit) return std::nullopt;
  return TgwCrossing{*entry, *exit};
}

// The Transport hop: the sending VPC's attachment, which needs a subnet in the zone the packet
// comes from. A missing zone is reported and the walk goes on: the gateway's route still counts.
std::optional<Index> Walker::enter_tgw(Index tgw, const TgwLeg& leg) {
  const std::optional<Index> attachment = attachment_of(tgw, leg.from_vpc);
  Hop& hop = add(leg.direction, HopKind::Transport, {Kind::TransitGateway, tgw});
  hop.standby = leg.standby;
  hop.decided_by = leg.route;
  if (!attachment) {
    fail(hop, Cause::NoAttachment, no_attachment_words(leg, tgw));
    return std::nullopt;
  }
  const model::TgwAttachment& ours = model_.tgw_attachments[*attachment];
  hop.resource = {Kind::TgwAttachment, *attachment};
  hop.decided_by = &ours.origin;
  const model::Subnet& from = subnet(leg.from_subnet);
  if (!from.zone.known()) {
    unknown(hop, from.zone.where(), std::string(zone_unknown_words(leg)));
  } else if (!attachment_subnet_in_zone(*attachment, leg.from_subnet)) {
    hop.essential = !leg.standby;
    fail(hop, Cause::AttachmentMissingZone, zone_missing_words(leg, ours));
  } else {
    hop.decision = say([&] {
      return fmt::format("enters transit gateway {} through {}",
                         model_.transit_gateways[tgw].origin.name, ours.origin.name);
    });
  }
  return attachment;
}

// The TgwRoute hop: the route table associated with the attachment must send the destination to
// an attachment of the VPC the leg leads to. Returns that attachment.
std::optional<Index> Walker::route_in_tgw(Index attachment, const TgwLeg& leg) {
  const model::TgwAttachment& ours = model_.tgw_attachments[attachment];
  return route_on_side({ours.tgw, attachment, ours.association, &ours.association_origin}, leg,
                       kMaxPeerings);
}

// The route table `side` associates the attachment the packet came by with, on `side.tgw`.
std::optional<Index> Walker::route_on_side(const TgwSide& side, const TgwLeg& leg,
                                           int peerings_left) {
  const model::TgwAttachment& ours = model_.tgw_attachments[side.attachment];
  Hop& hop = add(leg.direction, HopKind::TgwRoute, {Kind::TgwAttachment, side.attachment});
  hop.standby = leg.standby;
  if (side.association == model::kNone) {
    fail(hop, Cause::NoAssociation,
         fmt::format("{} is associated with no transit gateway route table{}", ours.origin.name,
                     side.tgw == ours.tgw ? ""
                                          : fmt::format(" on transit gateway {}",
                                                        name({Kind::TransitGateway, side.tgw}))));
    return std::nullopt;
  }
  if (!model::is_known_index(side.association)) {
    unknown(hop, side.association_origin->location,
            "the associated route table is not known statically");
    return std::nullopt;
  }
  hop.resource = {Kind::TgwRouteTable, side.association};
  const model::TgwRouteTable& table = model_.tgw_route_tables[side.association];
  const auto look_up = [&] {
    return lookup(model_, table, leg.destination, context_.indexes.tgw(side.association));
  };
  const RouteChoice choice = context_.endpoint_lookups && &leg.destination == &endpoint_.addresses
                                 ? context_.endpoint_lookups->get(true, side.association, look_up)
                                 : look_up();
  if (choice.status == RouteChoice::Status::Unknown) {
    unknown(hop, choice.where, choice.why);
    return std::nullopt;
  }
  if (!choice.matched()) {
    fail(hop, leg.unrouted, say([&] { return no_tgw_route_words(leg, table); }));
    return walk_on_after_tgw_route(hop, side.tgw, leg);
  }
  const model::TgwRoute& route = table.routes[choice.route];
  hop.decided_by = &route.origin;
  hop.decision =
      say([&] { return fmt::format("{}: {}", table.origin.name, tgw_route_words(route)); });
  if (route.blackhole) {
    fail(hop, Cause::Blackhole, hop.decision);
    return walk_on_after_tgw_route(hop, side.tgw, leg);
  }
  if (!model::is_known_index(route.attachment)) {
    unknown(hop, route.origin.location, "the route's attachment is not known statically");
    return std::nullopt;
  }
  const model::TgwAttachment& target = model_.tgw_attachments[route.attachment];
  const bool arrives =
      leg.to_vpc ? target.vpc == *leg.to_vpc : target.kind != model::AttachmentKind::Vpc;
  if (arrives) return route.attachment;
  if (target.kind == model::AttachmentKind::Peering && peerings_left > 0)
    return cross_peering(route.attachment, side.tgw, leg, peerings_left - 1);
  fail(hop, leg.misrouted,
       say([&] { return fmt::format("{}{}", hop.decision, misrouted_words(leg)); }));
  return walk_on_after_tgw_route(hop, side.tgw, leg);
}

// The VPC the leg leads to is attached to a gateway peered with this one: the fix is a static
// route to the peering attachment (peerings carry no propagated routes), and the walk goes on
// across it.
std::optional<Index> Walker::walk_on_to_peering(Hop& hop, Index tgw, const TgwLeg& leg) {
  for (Index p = 0; p < model_.tgw_attachments.size(); ++p) {
    const model::TgwAttachment& peering = model_.tgw_attachments[p];
    if (peering.kind != model::AttachmentKind::Peering) continue;
    const Index far_tgw = peering.tgw == tgw        ? peering.peer_tgw
                          : peering.peer_tgw == tgw ? peering.tgw
                                                    : model::kNone;
    if (!model::is_known_index(far_tgw) || !attachment_of(far_tgw, *leg.to_vpc)) continue;
    walk_on_as_fixed(hop, say([&] {
                       return fmt::format(
                           "transit gateway route table {} (a static route for {} to peering "
                           "attachment {})",
                           name(hop.resource), leg.destination.str(), peering.origin.name);
                     }));
    return cross_peering(p, tgw, leg, kMaxPeerings - 1);
  }
  return std::nullopt;
}

// Over a peering attachment to the other transit gateway (in another region or account), where
// the route table that gateway associates the attachment with decides. Peering attachments carry
// static routes only; the tables hold what was added.
std::optional<Index> Walker::cross_peering(Index attachment, Index from_tgw, const TgwLeg& leg,
                                           int peerings_left) {
  const model::TgwAttachment& peering = model_.tgw_attachments[attachment];
  const bool listed_side = peering.tgw == from_tgw;
  const Index far_tgw = listed_side ? peering.peer_tgw : peering.tgw;
  const Index far_association = listed_side ? peering.peer_association : peering.association;
  Hop& hop = add(leg.direction, HopKind::Transport, {Kind::TgwAttachment, attachment});
  hop.standby = leg.standby;
  hop.decided_by = &peering.origin;
  if (!model::is_known_index(far_tgw) || far_association == model::kUnknownIndex) {
    unknown(hop, peering.origin.location,
            fmt::format("the other side of peering attachment {} (its transit gateway and the "
                        "route table associated there) is not in the inputs",
                        peering.origin.name));
    return std::nullopt;
  }
  hop.decision = fmt::format("crosses peering attachment {} to transit gateway {}",
                             peering.origin.name, name({Kind::TransitGateway, far_tgw}));
  return route_on_side({far_tgw, attachment, far_association, &peering.origin}, leg, peerings_left);
}

// A transit gateway route table that does not send the destination to the VPC the leg leads to:
// the fix is a route to that VPC's attachment, and the walk goes on from it.
std::optional<Index> Walker::walk_on_after_tgw_route(Hop& hop, Index tgw, const TgwLeg& leg) {
  if (!leg.to_vpc) return std::nullopt;
  const std::optional<Index> exit = attachment_of(tgw, *leg.to_vpc);
  if (!exit) return walk_on_to_peering(hop, tgw, leg);
  const bool static_route = hop.cause == Cause::RangeNeedsStaticRoute;
  walk_on_as_fixed(hop, say([&] {
                     return fmt::format("transit gateway route table {} (a {} for {} to {})",
                                        name(hop.resource), static_route ? "static route" : "route",
                                        leg.destination.str(),
                                        model_.tgw_attachments[*exit].origin.name);
                   }));
  return exit;
}

}  // namespace reachlint::analysis
