// Relations among entities that client discovery and the walker need, computed once per model, so
// that the work per file system and per client does not grow with the size of the organisation.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "linter/analysis/cidr_index.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

struct ClientIndex {
  std::vector<std::vector<model::Index>> subnets_of_route_table;
  std::vector<std::vector<model::Index>> subnets_of_vpc;
  std::vector<std::vector<model::Index>> instances_of_subnet;
  std::vector<std::vector<model::Index>> instances_of_group;
  std::vector<std::vector<model::Index>> peerings_of_vpc;
  std::vector<std::vector<model::Index>> tgws_of_vpc;  // transit gateways the VPC is attached to
  std::vector<std::vector<model::Index>> vpc_attachments_of_vpc;  // its VPC-kind TGW attachments
  std::vector<bool> hosts_attachment;  // per subnet: a TGW attachment uses it
  CidrIndex<model::Index> vpc_blocks;  // VPC CIDRs -> VPC
  struct RouteRef {
    model::Index table;
    uint32_t route;
  };

  static ClientIndex build(const model::Model& model);

  // Routes to a TGW, peering or VPN gateway. Built on the first call (from any thread): only
  // client discovery asks, and reading every route of an organisation costs a run whose file
  // systems all have declared clients more than their walks.
  const CidrIndex<RouteRef>& transport_routes() const;

  // The first VPC attachment joining `vpc` to `tgw`. Either index may be one that is not known
  // statically: attachments are matched on the indexes as the model holds them.
  std::optional<model::Index> vpc_attachment(model::Index tgw, model::Index vpc) const;

 private:
  static uint64_t key(model::Index tgw, model::Index vpc) { return (uint64_t{tgw} << 32) | vpc; }
  std::unordered_map<uint64_t, model::Index> vpc_attachment_;  // key(tgw, vpc) -> attachment
  struct Lazy {
    std::once_flag built;
    CidrIndex<RouteRef> transport_routes;
  };
  const model::Model* model_ = nullptr;
  std::unique_ptr<Lazy> lazy_ = std::make_unique<Lazy>();
};

// A target that carries traffic to another network: a transit gateway, a peering connection or a
// VPN gateway.
bool is_transport(model::TargetKind kind);

}  // namespace reachlint::analysis
