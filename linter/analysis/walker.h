// The packet walker (DESIGN §3): from a client to a file system's endpoint and back, from the
// preferred and the standby subnet, through route tables, transit gateways, security groups and
// network ACLs. Every hop is recorded, broken or not; the walk goes on past a broken hop when the
// next hop is still known, so that every broken hop of a path is reported.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "linter/analysis/client_index.h"
#include "linter/analysis/clients.h"
#include "linter/analysis/endpoint.h"
#include "linter/analysis/protocols.h"
#include "linter/analysis/route_lookup.h"
#include "linter/analysis/trace.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

// Route lookups of the file system's own addresses: the same for every client of one file
// system, so its walks look each table up once. One per run of walks (not shared across threads).
class EndpointLookups {
 public:
  // The answer of `table` (a VPC route table, or a TGW route table when `tgw`), computed by
  // `look_up` the first time.
  template <typename LookUp>
  RouteChoice get(bool tgw, model::Index table, LookUp look_up) {
    const uint64_t key = (uint64_t{tgw} << 32U) | table;
    const auto found = answers_.find(key);
    if (found != answers_.end()) return found->second;
    return answers_.emplace(key, look_up()).first->second;
  }

 private:
  std::unordered_map<uint64_t, RouteChoice> answers_;
};

struct WalkContext {
  const model::Model& model;
  const RouteIndexes& indexes;
  const ClientIndex& topology;  // which attachment joins a VPC to a gateway, peerings of a VPC
  model::Index file_system;
  const Endpoint& endpoint;
  const std::vector<PortNeed>& needs;
  EndpointLookups* endpoint_lookups = nullptr;  // null: every lookup is made afresh
};

// Words::None: the hops get their verdicts but no words (decisions, fixes) and stay in the order
// they were worked out, for a walk whose trace is only asked whether it holds.
enum class Words : uint8_t { All, None };

Trace walk(const WalkContext& context, const ClientGroup& client, Words words = Words::All);

}  // namespace reachlint::analysis
