// The export model builder's state, shared by its two halves: entities
// (export_model_builder.cpp) and the links between them (export_model_builder_links.cpp).
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "linter/core/diagnostics.h"
#include "linter/core/timing.h"
#include "linter/ingest/export_records.h"
#include "linter/ingest/flat_id_map.h"
#include "linter/model/model.h"

namespace reachlint::export_detail {

using model::Index;
using model::Kind;
using model::Maybe;

inline bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Exports list resources in every state; only live ones carry traffic.
inline bool is_live(std::string_view state) {
  return state.empty() || one_of(state, {"available", "active", "attached"});
}

class ExportModelBuilder {
 public:
  ExportModelBuilder(const ExportRecords& records, model::Model& model, Diagnostics& diagnostics)
      : records_(records), model_(model), diagnostics_(diagnostics) {}

  void build() {
    PhaseTimer timer;
    reserve();
    add_vpcs();
    timer.mark("add_vpcs");
    add_subnets();
    timer.mark("add_subnets");
    add_route_tables();
    timer.mark("add_route_tables");
    add_network_acls();
    timer.mark("add_network_acls");
    add_prefix_lists();
    timer.mark("add_prefix_lists");
    add_security_groups();
    timer.mark("add_security_groups");
    add_interfaces();
    timer.mark("add_interfaces");
    add_instances();
    timer.mark("add_instances");
    add_vpn_gateways();
    timer.mark("add_vpn_gateways");
    add_peerings();
    timer.mark("add_peerings");
    add_transit_gateways();
    timer.mark("add_transit_gateways");
    add_tgw_attachments();
    timer.mark("add_tgw_attachments");
    fill_route_tables();
    timer.mark("fill_route_tables");
    fill_network_acls();
    timer.mark("fill_network_acls");
    fill_security_groups();
    timer.mark("fill_security_groups");
    fill_tgw_routes();
    timer.mark("fill_tgw_routes");
    add_file_systems();
    timer.mark("add_file_systems");
    add_storage_virtual_machines();
    timer.mark("add_storage_virtual_machines");
    check_multi_az_fields();
    timer.mark("check_multi_az_fields");
  }

 private:
  using IdMap = FlatIdMap;

  // ---- helpers ----

  // Sized once: rehashing and regrowth are most of the cost of linking a large export.
  void reserve() {
    const ExportRecords& r = records_;
    vpcs_.reserve(r.vpcs.size() + r.peerings.size());
    subnets_.reserve(r.subnets.size());
    route_tables_.reserve(r.route_tables.size());
    acls_.reserve(r.network_acls.size());
    groups_.reserve(r.security_groups.size());
    interfaces_.reserve(r.interfaces.size());
    instances_.reserve(r.instances.size());
    attachments_.reserve(r.tgw_vpc_attachments.size() + r.tgw_attachments.size());
    model_.vpcs.reserve(model_.vpcs.size() + r.vpcs.size() + r.peerings.size());
    model_.subnets.reserve(model_.subnets.size() + r.subnets.size());
    model_.route_tables.reserve(model_.route_tables.size() + r.route_tables.size());
    model_.network_acls.reserve(model_.network_acls.size() + r.network_acls.size());
    model_.security_groups.reserve(model_.security_groups.size() + r.security_groups.size());
    model_.network_interfaces.reserve(model_.network_interfaces.size() + r.interfaces.size());
    model_.instances.reserve(model_.instances.size() + r.instances.size());
  }

  Index scope(const RecordOrigin& origin) {
    std::string name = origin.account.empty() ? std::string(origin.region)
                                              : fmt::format("{}/{}", origin.account, origin.region);
    const auto [it, inserted] = scopes_.try_emplace(name, static_cast<Index>(model_.stacks.size()));
    if (inserted) model_.stacks.push_back(name);
    return it->second;
  }

  model::Origin origin(const RecordOrigin& record, std::string_view id, std::string_view type) {
    model::Origin out;
    out.location = record.location;
    out.name = id;  // a view into the mapped export
    out.type = type;
    out.pointer = model_.text.number("/", record.list, "/", record.index);
    out.stack = scope(record);
    return out;
  }

  template <typename Entity>
  Index add(std::vector<Entity>& array, IdMap& ids, const RecordOrigin& record, std::string_view id,
            std::string_view type) {
    const auto [index, inserted] = ids.try_emplace(id, static_cast<Index>(array.size()));
    if (!inserted) return model::kNone;  // the same resource exported twice: the first one counts
    array.emplace_back().origin = origin(record, id, type);
    return index;
  }

  static Index find(const IdMap& ids, std::string_view id) {
    if (id.empty()) return model::kNone;
    const uint32_t index = ids.find(id);
    return index == FlatIdMap::kMissing ? model::kUnknownIndex : index;
  }

  Maybe<Index> reference(const IdMap& ids, std::string_view id, Location where,
                         std::string_view what) {
    const Index index = find(ids, id);
    if (index == model::kNone) return {};
    if (index == model::kUnknownIndex)
      return Maybe<Index>::unknown(where, fmt::format("{} {} is not in the export", what, id));
    return index;
  }

  Maybe<Cidr> cidr(std::string_view text, Location record, std::string_view owner) {
    const auto parsed = Cidr::parse(text);
    if (parsed && text.find('/') != std::string_view::npos) return *parsed;
    const Location where = records_.locate(text, record);
    diagnostics_.notice(
        where, fmt::format("'{}' of {} is not an IPv4 CIDR; what depends on it is not checked",
                           text, owner));
    return Maybe<Cidr>::unknown(where, "not a valid CIDR");
  }

  void add_vpcs();
  void add_subnets();
  void add_route_tables();
  void add_network_acls();
  void add_prefix_lists();
  void add_security_groups();
  void add_interfaces();
  void add_instances();
  void add_vpn_gateways();
  void add_peerings();
  Index vpc_for_peering(const PeeringSide& side, const PeeringRecord& record);
  void add_transit_gateways();
  void add_tgw_attachments();
  Index association_of(std::string_view attachment, const TgwAttachmentRecord* record);
  void fill_route_tables();
  model::Route route_of(const RouteRecord& record, const RouteTableRecord& table);
  model::RouteTarget target_of(const RouteRecord& record);
  void fill_network_acls();
  void fill_security_groups();
  std::vector<model::SgRule> rules_of(const PermissionRecord& permission,
                                      const SecurityGroupRecord& group);
  void fill_tgw_routes();
  void derive_tgw_routes(Index table, const TgwRouteTableRecord& record);
  void add_file_systems();
  void add_storage_virtual_machines();
  void check_multi_az_fields();

  const ExportRecords& records_;
  model::Model& model_;
  Diagnostics& diagnostics_;
  std::map<std::string, Index> scopes_;
  IdMap vpcs_, subnets_, route_tables_, acls_, prefix_lists_, groups_, interfaces_, instances_,
      vgws_, peerings_, tgws_, tgw_tables_, attachments_, file_systems_, svms_;
};

}  // namespace reachlint::export_detail
