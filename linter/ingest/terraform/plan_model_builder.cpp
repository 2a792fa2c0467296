#include <algorithm>

#include <fmt/format.h>

#include "linter/ingest/terraform/plan_model_builder_internal.h"

namespace reachlint {

using model::Index;
using model::Kind;
using model::Maybe;

namespace terraform {

namespace {

// The resource types that create an entity of their own.
std::optional<Kind> kind_of_type(std::string_view type) {
  static const std::unordered_map<std::string_view, Kind> kKinds = {
      {"aws_vpc", Kind::Vpc},
      {"aws_subnet", Kind::Subnet},
      {"aws_route_table", Kind::RouteTable},
      {"aws_ec2_transit_gateway", Kind::TransitGateway},
      {"aws_ec2_transit_gateway_vpc_attachment", Kind::TgwAttachment},
      {"aws_ec2_transit_gateway_route_table", Kind::TgwRouteTable},
      {"aws_vpc_peering_connection", Kind::Peering},
      {"aws_security_group", Kind::SecurityGroup},
      {"aws_network_acl", Kind::NetworkAcl},
      {"aws_instance", Kind::Instance},
      {"aws_fsx_openzfs_file_system", Kind::FileSystem},
      {"aws_fsx_ontap_file_system", Kind::FileSystem},
      {"aws_fsx_ontap_storage_virtual_machine", Kind::StorageVirtualMachine},
      {"aws_network_interface", Kind::NetworkInterface},
      {"aws_vpc_endpoint", Kind::VpcEndpoint},
      {"aws_vpn_gateway", Kind::VpnGateway},
      {"aws_nat_gateway", Kind::NatGateway},
      {"aws_ec2_managed_prefix_list", Kind::PrefixList},
  };
  const auto found = kKinds.find(type);
  return found == kKinds.end() ? std::nullopt : std::optional<Kind>(found->second);
}

std::string_view kind_name(Kind kind) {
  return model::entity_info(kind).word;
}

// The VPC or transit gateway attribute that names what AWS created with it.
std::optional<std::pair<Kind, std::string_view>> implicit_attribute(std::string_view attribute) {
  if (attribute == "main_route_table_id" || attribute == "default_route_table_id")
    return std::pair{Kind::RouteTable, std::string_view("main")};
  if (attribute == "default_security_group_id")
    return std::pair{Kind::SecurityGroup, std::string_view("default")};
  if (attribute == "default_network_acl_id")
    return std::pair{Kind::NetworkAcl, std::string_view("default")};
  if (attribute == "association_default_route_table_id" ||
      attribute == "propagation_default_route_table_id")
    return std::pair{Kind::TgwRouteTable, std::string_view("default")};
  return std::nullopt;
}

}  // namespace

void PlanModelBuilder::build() {
  stack_ = static_cast<Index>(model_.stacks.size());
  model_.stacks.push_back(plan_.stack_name());
  for (const PlanResource& r : plan_.resources()) allocate(r);
  for (const PlanResource& r : plan_.resources()) {
    if (const Reader reader = reader_for(r.type)) (this->*reader)(r);
  }
  apply_unknown_associations();
  apply_unknown_subnet_associations();
  apply_unknown_table_routes();
  apply_attachment_defaults();
  reject_routes_to_other_gateways();
}

PlanModelBuilder::Reader PlanModelBuilder::reader_for(std::string_view type) {
  static const std::unordered_map<std::string_view, Reader> kReaders = {
      {"aws_vpc", &PlanModelBuilder::read_vpc},
      {"aws_vpc_ipv4_cidr_block_association", &PlanModelBuilder::read_vpc_cidr_association},
      {"aws_subnet", &PlanModelBuilder::read_subnet},
      {"aws_route_table", &PlanModelBuilder::read_route_table},
      {"aws_route", &PlanModelBuilder::read_route},
      {"aws_route_table_association", &PlanModelBuilder::read_route_table_association},
      {"aws_main_route_table_association", &PlanModelBuilder::read_main_route_table_association},
      {"aws_ec2_transit_gateway", &PlanModelBuilder::read_transit_gateway},
      {"aws_ec2_transit_gateway_vpc_attachment", &PlanModelBuilder::read_tgw_attachment},
      {"aws_ec2_transit_gateway_route_table", &PlanModelBuilder::read_tgw_route_table},
      {"aws_ec2_transit_gateway_route_table_association", &PlanModelBuilder::read_tgw_association},
      {"aws_ec2_transit_gateway_route_table_propagation", &PlanModelBuilder::read_tgw_propagation},
      {"aws_ec2_transit_gateway_route", &PlanModelBuilder::read_tgw_route},
      {"aws_vpc_peering_connection", &PlanModelBuilder::read_peering},
      {"aws_security_group", &PlanModelBuilder::read_security_group},
      {"aws_security_group_rule", &PlanModelBuilder::read_security_group_rule},
      {"aws_vpc_security_group_ingress_rule", &PlanModelBuilder::read_vpc_security_group_rule},
      {"aws_vpc_security_group_egress_rule", &PlanModelBuilder::read_vpc_security_group_rule},
      {"aws_network_acl", &PlanModelBuilder::read_network_acl},
      {"aws_network_acl_rule", &PlanModelBuilder::read_network_acl_rule},
      {"aws_network_acl_association", &PlanModelBuilder::read_network_acl_association},
      {"aws_instance", &PlanModelBuilder::read_instance},
      {"aws_fsx_openzfs_file_system", &PlanModelBuilder::read_file_system},
      {"aws_fsx_ontap_file_system", &PlanModelBuilder::read_file_system},
      {"aws_fsx_ontap_storage_virtual_machine", &PlanModelBuilder::read_storage_virtual_machine},
      {"aws_network_interface", &PlanModelBuilder::read_network_interface},
      {"aws_vpc_endpoint", &PlanModelBuilder::read_vpc_endpoint},
      {"aws_vpn_gateway", &PlanModelBuilder::read_vpn_gateway},
      {"aws_vpn_gateway_attachment", &PlanModelBuilder::read_vpn_gateway_attachment},
      {"aws_vpn_gateway_route_propagation", &PlanModelBuilder::read_vgw_route_propagation},
      {"aws_vpc_endpoint_route_table_association",
       &PlanModelBuilder::read_vpc_endpoint_route_table_association},
      {"aws_nat_gateway", &PlanModelBuilder::read_nat_gateway},
      {"aws_ec2_managed_prefix_list", &PlanModelBuilder::read_prefix_list},
      {"aws_ec2_managed_prefix_list_entry", &PlanModelBuilder::read_prefix_list_entry},
      {"aws_default_route_table", &PlanModelBuilder::read_default_route_table},
      {"aws_default_security_group", &PlanModelBuilder::read_default_security_group},
      {"aws_default_network_acl", &PlanModelBuilder::read_default_network_acl},
  };
  const auto found = kReaders.find(type);
  return found == kReaders.end() ? nullptr : found->second;
}

model::Origin PlanModelBuilder::origin_of(const PlanResource& r) const {
  model::Origin origin;
  origin.location = written_at(r);
  origin.name = model_.text.keep(r.address);
  origin.type = r.type;  // a view into the parsed plan, as templates' types are
  origin.pointer = model_.text.keep(r.pointer);
  origin.stack = stack_;
  return origin;
}

model::Origin PlanModelBuilder::implicit(const model::Origin& origin, std::string_view suffix,
                                         std::string_view type) const {
  model::Origin out = origin;
  out.name = model_.text.keep(fmt::format("{}.{}", origin.name, suffix));
  out.type = type;
  out.implicit = true;
  return out;
}

Location PlanModelBuilder::at(const PlanResource& r, const PlanAttribute& attribute) const {
  if (attribute.value) return {plan_.file(), attribute.value->offset};
  if (attribute.expression) return {plan_.file(), attribute.expression->offset};
  return {plan_.file(), r.offset};
}

Location PlanModelBuilder::in_plan(const PlanResource& r, const PlanScope& scope) const {
  return {plan_.file(), scope.values ? scope.values->offset : r.offset};
}

Location PlanModelBuilder::written_at(const PlanResource& r) const {
  return r.source.known() ? r.source : Location{plan_.file(), r.offset};
}

Location PlanModelBuilder::written_at(const PlanResource& r, std::string_view key,
                                      Location in_plan) const {
  if (!r.source.known()) return in_plan;
  for (const auto& [name, where] : r.source_attributes) {
    if (name == key) return where;
  }
  return r.source;
}

void PlanModelBuilder::allocate(const PlanResource& r) {
  const std::optional<Kind> kind = kind_of_type(r.type);
  if (!kind) return;
  const model::Origin origin = origin_of(r);
  const model::EntityRef ref = model_.add(*kind, origin);
  entities_[&r] = ref;
  if (*kind == Kind::Vpc) add_vpc_defaults(origin, ref.index);
  if (*kind == Kind::TransitGateway) {
    model_.tgw_route_tables.push_back(
        {implicit(origin, "default_route_table", "aws_ec2_transit_gateway_route_table"),
         ref.index,
         {}});
    model_.transit_gateways[ref.index].default_route_table =
        static_cast<Index>(model_.tgw_route_tables.size() - 1);
  }
  add_known_ids(r, ref);
}

// A resource that exists already has its id in the plan, and other resources name it by that id
// (`vpc_id = "vpc-0123"` in their planned values): the id links to its entity.
void PlanModelBuilder::add_known_ids(const PlanResource& r, model::EntityRef ref) {
  if (!r.scope.values) return;
  const auto add = [&](std::string_view key, model::EntityRef to) {
    const JsonNode* value = plan_.json().find(*r.scope.values, key);
    if (value && value->is_string() && !value->text.empty() && to.valid())
      known_ids_[value->text].push_back(to);
  };
  add("id", ref);
  if (ref.kind == Kind::Vpc) {
    const model::Vpc& vpc = model_.vpcs[ref.index];
    add("main_route_table_id", {Kind::RouteTable, vpc.main_route_table});
    add("default_route_table_id", {Kind::RouteTable, vpc.main_route_table});
    add("default_security_group_id", {Kind::SecurityGroup, vpc.default_security_group});
    add("default_network_acl_id", {Kind::NetworkAcl, vpc.default_network_acl});
  } else if (ref.kind == Kind::TransitGateway) {
    const Index table = model_.transit_gateways[ref.index].default_route_table;
    add("association_default_route_table_id", {Kind::TgwRouteTable, table});
    add("propagation_default_route_table_id", {Kind::TgwRouteTable, table});
  }
}

// What AWS creates with every VPC: its main route table, default network ACL and default
// security group (named by the VPC's main_route_table_id, default_network_acl_id and
// default_security_group_id).
void PlanModelBuilder::add_vpc_defaults(const model::Origin& origin, Index vpc) {
  model_.route_tables.push_back(
      {implicit(origin, "main_route_table", "aws_route_table"), vpc, true, {}});
  model_.vpcs[vpc].main_route_table = static_cast<Index>(model_.route_tables.size() - 1);
  model_.network_acls.push_back(
      {implicit(origin, "default_network_acl", "aws_network_acl"), vpc, true, true, {}});
  model_.vpcs[vpc].default_network_acl = static_cast<Index>(model_.network_acls.size() - 1);
  model::SecurityGroup group;
  group.origin = implicit(origin, "default_security_group", "aws_security_group");
  group.vpc = vpc;
  group.default_egress = true;
  group.vpc_default = true;
  model_.security_groups.push_back(std::move(group));
  model_.vpcs[vpc].default_security_group = static_cast<Index>(model_.security_groups.size() - 1);
}

void PlanModelBuilder::error(Location where, std::string message) {
  diagnostics_.error(where, std::move(message));
}

// Said where the value is written when the .tf files are found: that is what a user reads and
// changes (errors stay in the plan, so that it is set aside).
Maybe<Index> PlanModelBuilder::unknown(const PlanResource& r, Location where, std::string why,
                                       std::string_view key) {
  where = written_at(r, key, where);
  diagnostics_.notice(where, fmt::format("{} of {}: {}; checks that depend on it are skipped", key,
                                         r.address, why));
  return Maybe<Index>::unknown(where, std::move(why));
}

// A planned resource named by a reference: its entity, or what AWS created with it.
Maybe<Index> PlanModelBuilder::resolve(const PlanResource& r, const PlanReference& reference,
                                       Kind kind, std::string_view key) {
  const Location where{plan_.file(), r.offset};
  if (reference.instances.size() != 1) {
    return unknown(r, where,
                   reference.instances.empty()
                       ? fmt::format("{} is known only after apply", reference.text)
                       : fmt::format("{} names one of {} instances", reference.text,
                                     reference.instances.size()),
                   key);
  }
  const auto found = entities_.find(reference.instances.front());
  if (found != entities_.end()) {
    const model::EntityRef ref = found->second;
    if (const auto implied = implicit_attribute(reference.attribute);
        implied && implied->first == kind) {
      if (ref.kind == Kind::Vpc && kind == Kind::RouteTable)
        return model_.vpcs[ref.index].main_route_table;
      if (ref.kind == Kind::Vpc && kind == Kind::SecurityGroup)
        return model_.vpcs[ref.index].default_security_group;
      if (ref.kind == Kind::Vpc && kind == Kind::NetworkAcl)
        return model_.vpcs[ref.index].default_network_acl;
      if (ref.kind == Kind::TransitGateway && kind == Kind::TgwRouteTable)
        return model_.transit_gateways[ref.index].default_route_table;
    }
    if (ref.kind == kind) return ref.index;
  }
  error(where, fmt::format("{} of {} refers to {} ({}), which is not a {}", key, r.address,
                           reference.text, reference.instances.front()->type, kind_name(kind)));
  return Maybe<Index>::unknown(where, "invalid reference");
}

// A literal id: an entity of an account export among the inputs, or not known here.
Maybe<Index> PlanModelBuilder::by_id(const PlanResource& r, const JsonNode& value, Kind kind,
                                     std::string_view key) {
  const Location where{plan_.file(), value.offset};
  if (!value.is_string()) {
    error(where, fmt::format("{} of {} must be the id of a {}", key, r.address, kind_name(kind)));
    return Maybe<Index>::unknown(where, "invalid reference");
  }
  if (const auto known = known_ids_.find(value.text); known != known_ids_.end()) {
    for (const model::EntityRef& ref : known->second) {
      if (ref.kind == kind) return ref.index;
    }
  }
  for (const model::EntityRef& ref : model_.find(value.text)) {
    if (ref.kind == kind) return ref.index;
  }
  return unknown(r, where,
                 fmt::format("{} '{}' is not among the inputs", kind_name(kind), value.text), key);
}

Maybe<Index> PlanModelBuilder::reference(const PlanResource& r, const PlanScope& scope,
                                         std::string_view key, Kind kind) {
  const PlanAttribute attribute = plan_.attribute(scope, key);
  if (attribute.value) {
    if (attribute.value->is_string() && attribute.value->text.empty()) return {};
    return by_id(r, *attribute.value, kind, key);
  }
  if (!attribute.unknown) return {};
  if (!attribute.expression && scope.shared) return shared_reference(r, scope, key, kind);
  std::vector<PlanReference> references = plan_.references(r, attribute.expression);
  if (references.size() == 1) {
    if (const JsonNode* value = plan_.data_source_value(references.front()))
      return by_id(r, *value, kind, key);
    return resolve(r, references.front(), kind, key);
  }
  return unknown(r, at(r, attribute),
                 references.empty() ? std::string("its value is known only after apply")
                                    : std::string("it is computed from several values at apply"),
                 key);
}

// A block whose expression is its list's: the one resource of the kind the list refers to, if
// only one (a route table's routes naming one transit gateway all target it).
Maybe<Index> PlanModelBuilder::shared_reference(const PlanResource& r, const PlanScope& scope,
                                                std::string_view key, Kind kind) {
  std::vector<const PlanReference*> matching;
  const std::vector<PlanReference> references = plan_.references(r, scope.shared);
  for (const PlanReference& reference : references) {
    const bool of_kind = std::any_of(
        reference.instances.begin(), reference.instances.end(), [&](const PlanResource* instance) {
          const auto found = entities_.find(instance);
          return found != entities_.end() && found->second.kind == kind;
        });
    if (of_kind) matching.push_back(&reference);
  }
  if (matching.size() == 1) return resolve(r, *matching.front(), kind, key);
  return unknown(r, {plan_.file(), scope.values ? scope.values->offset : r.offset},
                 "its value is known only after apply", key);
}

std::vector<Maybe<Index>> PlanModelBuilder::reference_list(const PlanResource& r,
                                                           const PlanScope& scope,
                                                           std::string_view key, Kind kind) {
  std::vector<Maybe<Index>> out;
  const PlanAttribute attribute = plan_.attribute(scope, key);
  if (attribute.value) {
    if (!attribute.value->is_array()) {
      error(at(r, attribute), fmt::format("{} of {} must be a list", key, r.address));
      return out;
    }
    for (const JsonNode* item : plan_.json().elements(*attribute.value)) {
      out.push_back(item->kind == JsonKind::Null ? unknown(r, {plan_.file(), item->offset},
                                                           "an item is known only after apply", key)
                                                 : by_id(r, *item, kind, key));
    }
    return out;
  }
  if (!attribute.unknown) return out;
  const std::vector<PlanReference> references = plan_.references(r, attribute.expression);
  if (references.empty())
    out.push_back(unknown(r, at(r, attribute), "its value is known only after apply", key));
  // Each resource named gives its instances, in the order written ([a.id, b.id] or a[*].id).
  for (const PlanReference& reference : references) {
    if (reference.instances.size() <= 1) {
      out.push_back(resolve(r, reference, kind, key));
      continue;
    }
    for (const PlanResource* instance : reference.instances) {
      PlanReference one = reference;
      one.instances = {instance};
      out.push_back(resolve(r, one, kind, key));
    }
  }
  return out;
}

Maybe<Cidr> PlanModelBuilder::cidr(const PlanResource& r, const PlanScope& scope,
                                   std::string_view key) {
  const PlanAttribute attribute = plan_.attribute(scope, key);
  if (attribute.unknown) {
    const Maybe<Index> why =
        unknown(r, at(r, attribute), "the CIDR is known only after apply", key);
    return Maybe<Cidr>::unknown(why.where(), why.why());
  }
  if (!attribute.value || (attribute.value->is_string() && attribute.value->text.empty()))
    return {};
  const auto parsed =
      attribute.value->is_string() ? Cidr::parse(attribute.value->text) : std::nullopt;
  if (!parsed || attribute.value->text.find('/') == std::string_view::npos) {
    error(at(r, attribute), fmt::format("{} of {} is not a valid IPv4 CIDR", key, r.address));
    return Maybe<Cidr>::unknown(at(r, attribute), "invalid CIDR");
  }
  return *parsed;
}

std::optional<std::string> PlanModelBuilder::text(const PlanResource& r, const PlanScope& scope,
                                                  std::string_view key) {
  const PlanAttribute attribute = plan_.attribute(scope, key);
  if (attribute.unknown) unknown(r, at(r, attribute), "its value is known only after apply", key);
  if (!attribute.value) return std::nullopt;
  if (attribute.value->is_string()) return std::string(attribute.value->text);
  error(at(r, attribute), fmt::format("{} of {} must be a string", key, r.address));
  return std::nullopt;
}

std::optional<int64_t> PlanModelBuilder::integer(const PlanResource& r, const PlanScope& scope,
                                                 std::string_view key) {
  const PlanAttribute attribute = plan_.attribute(scope, key);
  if (attribute.unknown) unknown(r, at(r, attribute), "its value is known only after apply", key);
  if (!attribute.value) return std::nullopt;
  if (attribute.value->kind == JsonKind::Integer) return attribute.value->integer;
  error(at(r, attribute), fmt::format("{} of {} must be an integer", key, r.address));
  return std::nullopt;
}

std::optional<bool> PlanModelBuilder::boolean(const PlanResource& r, const PlanScope& scope,
                                              std::string_view key) {
  const PlanAttribute attribute = plan_.attribute(scope, key);
  if (attribute.unknown) unknown(r, at(r, attribute), "its value is known only after apply", key);
  if (!attribute.value) return std::nullopt;
  if (attribute.value->kind == JsonKind::Bool) return attribute.value->boolean;
  error(at(r, attribute), fmt::format("{} of {} must be true or false", key, r.address));
  return std::nullopt;
}

std::vector<std::string> PlanModelBuilder::texts(const PlanResource& r, const PlanScope& scope,
                                                 std::string_view key) {
  std::vector<std::string> out;
  const PlanAttribute attribute = plan_.attribute(scope, key);
  if (attribute.unknown) unknown(r, at(r, attribute), "its value is known only after apply", key);
  if (!attribute.value) return out;
  if (!attribute.value->is_array()) {
    error(at(r, attribute), fmt::format("{} of {} must be a list", key, r.address));
    return out;
  }
  for (const JsonNode* item : plan_.json().elements(*attribute.value)) {
    if (item->is_string()) {
      out.emplace_back(item->text);
    } else {
      error({plan_.file(), item->offset},
            fmt::format("{} of {} must hold strings", key, r.address));
    }
  }
  return out;
}

}  // namespace terraform

void build_model_from_plan(const Plan& plan, model::Model& model, model::WrittenOut& written_out,
                           Diagnostics& diagnostics) {
  terraform::PlanModelBuilder(plan, model, written_out, diagnostics).build();
}

}  // namespace reachlint
