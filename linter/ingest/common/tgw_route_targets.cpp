#include "linter/ingest/common/tgw_route_targets.h"

#include <fmt/format.h>

namespace reachlint {

namespace {

using model::Index;

// Whether `attachment` is, or may be, attached to `tgw`: a peering attachment is attached to both
// its gateways, and an unknown gateway may be `tgw`.
bool attached_to(const model::TgwAttachment& attachment, Index tgw) {
  if (attachment.tgw == tgw || !model::is_known_index(attachment.tgw)) return true;
  if (attachment.kind != model::AttachmentKind::Peering) return false;
  return attachment.peer_tgw == tgw || !model::is_known_index(attachment.peer_tgw);
}

}  // namespace

std::string other_gateway_target(const model::Model& model, const model::TgwRouteTable& table,
                                 const model::TgwRoute& route) {
  if (route.propagated || !model::is_known_index(route.attachment) ||
      !model::is_known_index(table.tgw))
    return {};
  const model::TgwAttachment& attachment = model.tgw_attachments[route.attachment];
  if (attached_to(attachment, table.tgw)) return {};
  return fmt::format(
      "transit gateway route {} of route table {} (transit gateway {}) targets attachment {} of "
      "transit gateway {}: a route table routes only to its own transit gateway's attachments, "
      "and AWS rejects such a route",
      route.origin.name, table.origin.name, model.transit_gateways[table.tgw].origin.name,
      attachment.origin.name, model.transit_gateways[attachment.tgw].origin.name);
}

void reject_routes_to_other_gateways(model::Model& model,
                                     const std::function<bool(Location)>& in_input,
                                     Diagnostics& diagnostics) {
  for (model::TgwRouteTable& table : model.tgw_route_tables) {
    for (model::TgwRoute& route : table.routes) {
      const std::string problem = other_gateway_target(model, table, route);
      if (problem.empty()) continue;
      if (route.origin.certain && in_input(route.origin.location)) {
        diagnostics.error(route.origin.location, problem);
      } else {
        // It may never be deployed (a condition that cannot be decided), or it was written where
        // no input is to be set aside.
        diagnostics.notice(route.origin.location,
                           fmt::format("{}{}; paths through it are not checked", problem,
                                       route.origin.certain ? "" : ", if it is deployed"));
      }
      route.attachment = model::kUnknownIndex;
    }
  }
}

}  // namespace reachlint
