// The walker's state, shared by its routing half (walker.cpp) and its filtering half
// (walker_filters.cpp). Not for use outside analysis/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "linter/analysis/filters.h"
#include "linter/analysis/route_lookup.h"
#include "linter/analysis/walker.h"

namespace reachlint::analysis {

enum class Transport : uint8_t { Unknown, SameVpc, Peering, TransitGateway };

class Walker {
 public:
  Walker(const WalkContext& context, const ClientGroup& client);
  Trace run();

 private:
  // Routing (walker.cpp).
  void forward_in_vpc();
  void forward_across_vpcs();
  void forward_through_tgw(model::Index tgw, const model::Route& route);
  void enter_fs_vpc(model::Index attachment);
  void check_entry_table(model::Index subnet);
  void walk_returns();
  void return_from(model::Index fs_subnet, bool standby);
  bool return_through_tgw(model::Index tgw, model::Index fs_subnet, bool standby);
  void walk_external();
  bool in_route_table_ids(model::Index table, Hop& hop) const;
  void not_transitive(Hop& hop, const model::Route& route);
  void missing_endpoint_route(Hop& hop, model::Index table, const std::string& why);
  bool peering_joins_fs_vpc(model::Index peering, model::Index vpc) const;
  bool vpcs_joined() const;
  const model::Route* non_transitive_route_to_fs_vpc(model::Index table) const;

  // Filters (walker_filters.cpp).
  void check_security_groups();
  void check_network_acls();
  void check_acl(model::Index subnet, bool egress, const AddressSet& remote,
                 const std::vector<PortNeed>& needs, Direction direction, bool standby);
  void check_leg(model::Index from, model::Index to, Direction direction, bool standby);
  void check_tgw_legs();
  std::vector<PortNeed> reply_ports() const;

  // Helpers.
  Hop& add(Direction direction, HopKind kind, model::EntityRef resource);
  void fail(Hop& hop, Cause cause, std::string decision);
  void unknown(Hop& hop, Location where, std::string why);
  std::optional<model::Index> attachment_of(model::Index tgw, model::Index vpc) const;
  std::optional<model::Index> attachment_subnet_in_zone(model::Index attachment,
                                                        model::Index subnet) const;
  std::string name(model::EntityRef ref) const;
  std::string route_words(const model::Route& route) const;
  std::string tgw_route_words(const model::TgwRoute& route) const;
  const model::Subnet& subnet(model::Index index) const { return model_.subnets[index]; }

  const WalkContext& context_;
  const model::Model& model_;
  const model::FileSystem& fs_;
  const Endpoint& endpoint_;
  const ClientGroup& client_;
  Trace trace_;

  Transport transport_ = Transport::Unknown;
  model::Index tgw_ = model::kNone;
  model::Index client_attachment_ = model::kNone;
  model::Index fs_attachment_ = model::kNone;
  std::vector<model::Index> entry_subnets_;
  bool references_usable_ = true;
};

}  // namespace reachlint::analysis
