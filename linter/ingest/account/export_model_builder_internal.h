// The export model builder's state, shared by its two halves: entities
// (export_model_builder.cpp) and the links between them (export_model_builder_links.cpp).
#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "linter/core/diagnostics.h"
#include "linter/core/flat_id_map.h"
#include "linter/core/timing.h"
#include "linter/ingest/account/export_records.h"
#include "linter/ingest/common/json_text.h"
#include "linter/model/finalize.h"
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

// Where one thread of the build writes besides the entities: names into its own arena, notices
// into its own diagnostics (both joined into the model's and the run's when its work is done),
// and the scope it looked up last, as records of one file share theirs.
struct Scribe {
  model::TextArena text;
  Diagnostics notes;
  struct {
    RecordOrigin origin;
    Index index = model::kNone;  // none looked up yet
  } last_scope;
};

class ExportModelBuilder {
 public:
  ExportModelBuilder(const ExportRecords& records, model::Model& model,
                     model::WrittenOut& written_out, const SourceMap& sources,
                     Diagnostics& diagnostics)
      : records_(records),
        model_(model),
        written_out_(written_out),
        sources_(sources),
        diagnostics_(diagnostics) {}

  void build(bool timings) {
    PhaseTimer timer(timings);
    Scribe out;  // for the steps that run on this thread alone
    reserve();
    add_vpcs(out);
    timer.mark("add_vpcs");
    add_subnets(out);
    timer.mark("add_subnets");
    // Peerings may add the VPCs at their far side: the VPC list is final before the rest.
    add_vpn_gateways(out);
    add_peerings(out);
    timer.mark("add_peerings");
    register_scopes(out);
    add_entities();
    timer.mark("add_entities");
    add_nat_gateways(out);
    add_vpc_endpoints(out);
    fill_links();
    timer.mark("fill_links");
    add_file_systems(out);
    timer.mark("add_file_systems");
    add_storage_virtual_machines(out);
    timer.mark("add_storage_virtual_machines");
    check_multi_az_fields();
    timer.mark("check_multi_az_fields");
    join(std::move(out));
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

  Index scope(Scribe& out, const RecordOrigin& origin) {
    // Records of one file share their account and region views: most calls repeat the last one
    // (remembered per scribe, as two chains of entities are added at once).
    auto& last = out.last_scope;
    if (last.index != model::kNone && origin.account.data() == last.origin.account.data() &&
        origin.region.data() == last.origin.region.data() &&
        origin.account.size() == last.origin.account.size() &&
        origin.region.size() == last.origin.region.size())
      return last.index;
    const std::lock_guard<std::mutex> lock(scope_mutex_);
    last = {origin, scope_of(origin)};
    return last.index;
  }

  // The accounts and regions the entities added in parallel belong to, numbered here in record
  // order: first met by whichever worker ran first, their numbers would vary from run to run.
  void register_scopes(Scribe& out) {
    const auto each = [&](const auto& records) {
      for (const auto& record : records) scope(out, record.origin);
    };
    const ExportRecords& r = records_;
    each(r.route_tables);
    each(r.network_acls);
    each(r.prefix_lists);
    each(r.security_groups);
    each(r.interfaces);
    each(r.instances);
    each(r.transit_gateways);
    each(r.tgw_route_tables);
    each(r.tgw_vpc_attachments);
    each(r.tgw_attachments);
  }

  Index scope_of(const RecordOrigin& origin) {
    std::string name = origin.account.empty() ? std::string(origin.region)
                                              : fmt::format("{}/{}", origin.account, origin.region);
    const auto [it, inserted] = scopes_.try_emplace(name, static_cast<Index>(model_.stacks.size()));
    if (inserted) model_.stacks.push_back(name);
    return it->second;
  }

  model::Origin origin(Scribe& out, const RecordOrigin& record, std::string_view id,
                       std::string_view type) {
    model::Origin origin;
    origin.location = record.location;
    origin.name = id;  // a view into the mapped export
    origin.type = type;
    origin.pointer = out.text.number("/", record.list, "/", record.index);
    origin.stack = scope(out, record);
    return origin;
  }

  template <typename Entity>
  Index add(Scribe& out, std::vector<Entity>& array, IdMap& ids, const RecordOrigin& record,
            std::string_view id, std::string_view type) {
    const auto [index, inserted] = ids.try_emplace(id, static_cast<Index>(array.size()));
    if (!inserted) {  // the same resource exported twice: the first one (in path order) counts
      compare_listings(out, array[index].origin.location, record.location, id);
      return model::kNone;
    }
    array.emplace_back().origin = origin(out, record, id, type);
    return index;
  }

  // A resource listed twice (two folders of one account, an export and its copy) must say the
  // same in both: when it does not, which one counts is said.
  void compare_listings(Scribe& out, Location first, Location second, std::string_view id) {
    const std::string_view a = json_value_at(records_.text_of(first.file), first.offset);
    const std::string_view b = json_value_at(records_.text_of(second.file), second.offset);
    if (a.empty() || b.empty() || same_json(a, b)) return;
    const LineColumn at = sources_.line_column(first);
    out.notes.notice(second, fmt::format("{} is listed again with other content; the first "
                                         "listing, at {}:{}:{}, is used",
                                         id, sources_.path(first.file), at.line, at.column));
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

  Maybe<Cidr> cidr(Scribe& out, std::string_view text, Location record, std::string_view owner) {
    const auto parsed = Cidr::parse(text);
    if (parsed && text.find('/') != std::string_view::npos) return *parsed;
    const Location where = records_.locate(text, record);
    out.notes.notice(
        where, fmt::format("'{}' of {} is not an IPv4 CIDR; what depends on it is not checked",
                           text, owner));
    return Maybe<Cidr>::unknown(where, "not a valid CIDR");
  }

  // TCP and UDP rules and ACL entries always carry their ports in an export: a missing or
  // impossible range is a damaged record, never "all ports". Nullopt (and a notice) then.
  std::optional<model::PortRange> port_range(Scribe& out, std::optional<int64_t> from,
                                             std::optional<int64_t> to, Location where,
                                             std::string_view owner) {
    if (from && to && *from >= 0 && *to <= 65535 && *from <= *to)
      return model::PortRange{static_cast<uint16_t>(*from), static_cast<uint16_t>(*to)};
    out.notes.notice(where, fmt::format("a TCP or UDP rule of {} has no valid port range; it is "
                                        "treated as unknown",
                                        owner));
    return std::nullopt;
  }

  // The entry's protocol, action and ports into `entry`; false (with a notice) when one is
  // unusable, and the whole entry is then unknown.
  bool readable_entry(Scribe& out, const AclEntryRecord& record, std::string_view acl,
                      model::NetworkAclEntry& entry);

  void add_vpcs(Scribe& out);
  void add_subnets(Scribe& out);
  void add_entities();
  void add_route_tables(Scribe& out);
  void add_network_acls(Scribe& out);
  void add_prefix_lists(Scribe& out);
  void add_security_groups(Scribe& out);
  void add_interfaces(Scribe& out);
  void add_instances(Scribe& out);
  void add_vpn_gateways(Scribe& out);
  void add_peerings(Scribe& out);
  Index vpc_for_peering(Scribe& out, const PeeringSide& side, const PeeringRecord& record);
  void add_transit_gateways(Scribe& out);
  void add_tgw_attachments(Scribe& out);
  Index association_of(std::string_view attachment, Index tgw, const TgwAttachmentRecord* record);
  void add_peer_side(const TgwAttachmentRecord& record);
  // Takes what threads wrote into the model's arena and the run's diagnostics.
  void join(Scribe&& scribe) {
    model_.text.adopt(std::move(scribe.text));
    diagnostics_.append(std::move(scribe.notes));
  }
  void join(std::vector<Scribe>&& scribes) {
    for (Scribe& scribe : scribes) join(std::move(scribe));
  }
  void fill_links();
  // Which record fills each entity: the first one exported (a resource may be exported twice).
  template <typename Record>
  std::vector<Index> claims(const std::vector<Record>& records, const IdMap& ids, size_t entities);
  void fill_route_tables(Scribe& out, size_t begin, size_t end, const std::vector<Index>& claimed);
  model::Route route_of(Scribe& out, const RouteRecord& record, const RouteTableRecord& table);
  model::RouteTarget target_of(const RouteRecord& record);
  model::RouteTarget endpoint_target(const RouteRecord& record);
  void add_nat_gateways(Scribe& out);
  void add_vpc_endpoints(Scribe& out);
  void fill_network_acls(Scribe& out, size_t begin, size_t end, const std::vector<Index>& claimed);
  void fill_security_groups(Scribe& out, size_t begin, size_t end,
                            const std::vector<Index>& claimed);
  std::vector<model::SgRule> rules_of(Scribe& out, const PermissionRecord& permission,
                                      const SecurityGroupRecord& group);
  void fill_tgw_routes(Scribe& out);
  void derive_tgw_routes(Scribe& out, Index table, const TgwRouteTableRecord& record);
  void add_file_systems(Scribe& out);
  void add_storage_virtual_machines(Scribe& out);
  void check_multi_az_fields();

  const ExportRecords& records_;
  model::Model& model_;
  model::WrittenOut& written_out_;
  const SourceMap& sources_;
  Diagnostics& diagnostics_;
  std::map<std::string, Index> scopes_;
  std::mutex scope_mutex_;
  IdMap vpcs_, subnets_, route_tables_, acls_, prefix_lists_, groups_, interfaces_, instances_,
      vgws_, peerings_, tgws_, tgw_tables_, attachments_, file_systems_, svms_, nat_gateways_,
      vpc_endpoints_;
};

}  // namespace reachlint::export_detail
