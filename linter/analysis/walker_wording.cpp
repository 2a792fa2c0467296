// The walker's words: routes and their targets as the messages show them, and what differs
// between a request's and a reply's crossing of a transit gateway.
#include <fmt/format.h>

#include "linter/analysis/walker_internal.h"

namespace reachlint::analysis {

namespace {

std::string_view target_words(model::TargetKind kind) {
  return model::target_info(kind).word;
}

bool request(const TgwLeg& leg) {
  return leg.direction == Direction::Forward;
}

}  // namespace

std::string via_words(const Via& via) {
  return fmt::format("{} {}", target_words(via.kind), via.id);
}

std::string Walker::name(model::EntityRef ref) const {
  return std::string(model_.origin(ref).name);
}

std::string Walker::route_words(const model::Route& route) const {
  const std::string destination =
      route.destination.known() ? route.destination->str()
      : route.prefix_list != model::kNone && model::is_known_index(route.prefix_list)
          ? fmt::format("prefix list {}", model_.prefix_lists[route.prefix_list].origin.name)
          : "?";
  if (route.blackhole) return fmt::format("{} -> blackhole", destination);
  if (route.target.kind == model::TargetKind::Local) return fmt::format("{} -> local", destination);
  const bool endpoint = route.target.kind == model::TargetKind::GatewayEndpoint ||
                        route.target.kind == model::TargetKind::LoadBalancerEndpoint;
  if (endpoint && model::is_known_index(route.target.index) &&
      !model_.vpc_endpoints[route.target.index].service.empty()) {
    return fmt::format("{} -> {} {} ({})", destination, target_words(route.target.kind),
                       route.target.id, model_.vpc_endpoints[route.target.index].service);
  }
  return fmt::format("{} -> {} {}", destination, target_words(route.target.kind), route.target.id);
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

// ---- a request's and a reply's crossing of a transit gateway ----

std::string Walker::no_attachment_words(const TgwLeg& leg, model::Index tgw) const {
  const std::string gateway = name({model::Kind::TransitGateway, tgw});
  if (!request(leg))
    return fmt::format("the file system's VPC has no attachment to transit gateway {}", gateway);
  return fmt::format("{} routes to transit gateway {}, but VPC {} has no attachment to it",
                     leg.route ? leg.route->name : "the client's route", gateway,
                     model_.vpcs[leg.from_vpc].origin.name);
}

std::string_view Walker::zone_unknown_words(const TgwLeg& leg) {
  return request(leg) ? "the client subnet's Availability Zone is not known statically"
                      : "the file system subnet's Availability Zone is not known statically";
}

std::string Walker::zone_missing_words(const TgwLeg& leg,
                                       const model::TgwAttachment& attachment) const {
  const std::string_view from = subnet(leg.from_subnet).origin.name;
  if (request(leg)) {
    return fmt::format(
        "{} has no subnet in the Availability Zone of {}: traffic from that zone "
        "cannot reach the transit gateway",
        attachment.origin.name, from);
  }
  return fmt::format(
      "{} has no subnet in the Availability Zone of the {} subnet {}: replies from "
      "there cannot reach the transit gateway{}",
      attachment.origin.name, leg.standby ? "standby" : "preferred", from,
      leg.standby ? " after a failover" : "");
}

std::string Walker::no_tgw_route_words(const TgwLeg& leg, const model::TgwRouteTable& table) const {
  if (request(leg))
    return fmt::format("{} has no route to {}", table.origin.name, endpoint_.description);
  return fmt::format("{} has no route back to the client", table.origin.name);
}

// "zone us-east-1a", "zone AZ #1" (index 1 of Fn::GetAZs).
std::string Walker::zone_words(const model::Subnet& subnet) {
  return subnet.zone.known() ? fmt::format("zone {}", model::zone_display(subnet)) : "its zone";
}

std::string_view Walker::misrouted_words(const TgwLeg& leg) {
  return request(leg) ? ", not to the file system's VPC" : ", not to the client's VPC";
}

}  // namespace reachlint::analysis
