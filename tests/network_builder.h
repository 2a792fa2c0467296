// Small networks built in code for the analysis tests: each call adds one entity (named as a
// template's logical id would be) and returns its index, so a test shows the whole network it
// judges and a change in the walker or in discovery fails in its own suite.
#pragma once

#include <string_view>
#include <vector>

#include "linter/model/model.h"

namespace reachlint::test {

using model::Index;

class NetworkBuilder {
 public:
  model::Model model;

  Index vpc(std::string_view name, const char* cidr);
  // A route table of `vpc`, with the local route of each of its CIDRs.
  Index route_table(std::string_view name, Index vpc);
  // A route to a transit gateway, peering connection or VPN gateway (`target` into its array).
  void route(Index table, const char* destination, model::TargetKind kind, Index target,
             std::string_view target_id);
  Index subnet(std::string_view name, Index vpc, const char* cidr, std::string_view zone,
               Index table);

  // Group referencing is off on the gateway, on for attachments (AWS's defaults).
  Index transit_gateway(std::string_view name);
  Index tgw_route_table(std::string_view name, Index tgw);
  Index tgw_attachment(std::string_view name, Index tgw, Index vpc,
                       const std::vector<Index>& subnets, Index association);
  void tgw_route(Index table, const char* destination, Index attachment);
  Index peering(std::string_view name, Index requester, Index accepter);

  Index security_group(std::string_view name, Index vpc);
  void allow_cidr(Index group, int protocol, uint16_t from, uint16_t to, const char* cidr);
  void allow_group(Index group, int protocol, uint16_t from, uint16_t to, Index peer);
  void allow_all_egress(Index group);
  Index instance(std::string_view name, Index subnet, const std::vector<Index>& groups,
                 const char* address);

  // A Multi-AZ FSx for OpenZFS file system serving on a floating IP in `endpoint_range`.
  Index multi_az_file_system(std::string_view name, Index vpc, Index preferred, Index standby,
                             const char* endpoint_range, const std::vector<Index>& route_tables,
                             const std::vector<Index>& groups);

 private:
  model::Origin origin(std::string_view name, std::string_view type);
};

}  // namespace reachlint::test
