// A transit gateway route table routes only to attachments of its own transit gateway: AWS
// rejects a static route to another gateway's attachment, so no deployable template or plan, and
// no export AWS wrote, holds one.
#pragma once

#include <functional>
#include <string>

#include "linter/core/diagnostics.h"
#include "linter/model/model.h"

namespace reachlint {

// What is wrong with static `route` of `table`, in words, when its attachment belongs to another
// transit gateway; empty when nothing is (or the gateways are not known).
std::string other_gateway_target(const model::Model& model, const model::TgwRouteTable& table,
                                 const model::TgwRoute& route);

// Each static transit gateway route left whose attachment belongs to another transit gateway
// (an export's are notices and a plan's errors already: ingest/account, ingest/terraform) is a
// template's, which cannot be deployed: an input error at the route, so that its input is set
// aside, as for an undefined Ref; or a notice where the route exists only under a condition that
// cannot be decided, or is located outside every input (`in_input`), where an error would stop
// the run. Either way its target becomes unknown, so that no walk goes through it.
void reject_routes_to_other_gateways(model::Model& model,
                                     const std::function<bool(Location)>& in_input,
                                     Diagnostics& diagnostics);

}  // namespace reachlint
