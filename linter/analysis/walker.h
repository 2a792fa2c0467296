// The packet walker (DESIGN §3): from a client to a file system's endpoint and back, from the
// preferred and the standby subnet, through route tables, transit gateways, security groups and
// network ACLs. Every hop is recorded, broken or not; the walk goes on past a broken hop when the
// next hop is still known, so that every broken hop of a path is reported.
#pragma once

#include <vector>

#include "linter/analysis/client_index.h"
#include "linter/analysis/clients.h"
#include "linter/analysis/endpoint.h"
#include "linter/analysis/protocols.h"
#include "linter/analysis/route_lookup.h"
#include "linter/analysis/trace.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

struct WalkContext {
  const model::Model& model;
  const RouteIndexes& indexes;
  const ClientIndex& topology;  // which attachment joins a VPC to a gateway, peerings of a VPC
  model::Index file_system;
  const Endpoint& endpoint;
  const std::vector<PortNeed>& needs;
};

Trace walk(const WalkContext& context, const ClientGroup& client);

}  // namespace reachlint::analysis
