// Readers for instances and FSx file systems.
#include <fmt/format.h>

#include "linter/ingest/terraform/plan_model_builder_internal.h"

namespace reachlint::terraform {

using model::Index;
using model::Kind;
using model::Maybe;

namespace {

std::optional<uint32_t> address_of(const PlanAttribute& attribute) {
  if (!attribute.value || !attribute.value->is_string()) return std::nullopt;
  return Cidr::parse_address(attribute.value->text);
}

}  // namespace

void PlanModelBuilder::read_instance(const PlanResource& r) {
  model::Instance& instance = model_.instances[entities_.at(&r).index];
  instance.subnet = reference(r, r.scope, "subnet_id", Kind::Subnet);
  // Computed when not written: then the instance is in the VPC's default security group.
  const PlanAttribute groups = plan_.attribute(r.scope, "vpc_security_group_ids");
  instance.groups_given = !groups.absent();
  if (instance.groups_given)
    instance.groups = reference_list(r, r.scope, "vpc_security_group_ids", Kind::SecurityGroup);
  instance.address = address_of(plan_.attribute(r.scope, "private_ip"));
}

void PlanModelBuilder::read_file_system(const PlanResource& r) {
  model::FileSystem& fs = model_.file_systems[entities_.at(&r).index];
  fs.type = r.type == "aws_fsx_ontap_file_system" ? model::FileSystemType::Ontap
                                                  : model::FileSystemType::OpenZfs;
  fs.subnets = reference_list(r, r.scope, "subnet_ids", Kind::Subnet);
  const PlanAttribute groups = plan_.attribute(r.scope, "security_group_ids");
  fs.security_groups_given = !groups.absent();
  if (fs.security_groups_given)
    fs.security_groups = reference_list(r, r.scope, "security_group_ids", Kind::SecurityGroup);
  if (const auto deployment = text(r, r.scope, "deployment_type")) fs.deployment_type = *deployment;
  fs.floating_endpoint = fs.deployment_type.known() && fs.deployment_type->starts_with("MULTI_AZ");
  fs.preferred_subnet = reference(r, r.scope, "preferred_subnet_id", Kind::Subnet);
  if (fs.floating_endpoint && fs.preferred_subnet.absent()) {
    error({plan_.file(), r.offset},
          fmt::format("Multi-AZ file system {} needs preferred_subnet_id", r.address));
  }
  // Computed when not written: AWS picks the range (analysis/endpoint).
  const PlanAttribute range = plan_.attribute(r.scope, "endpoint_ip_address_range");
  if (!range.absent()) fs.endpoint_range = cidr(r, r.scope, "endpoint_ip_address_range");
  fs.endpoint_range_origin = origin_of(r);
  fs.endpoint_range_origin.location = written_at(r, "endpoint_ip_address_range", at(r, range));
  // Computed when not written: AWS uses the VPC's main route table.
  const PlanAttribute tables = plan_.attribute(r.scope, "route_table_ids");
  fs.route_tables_given = !tables.absent();
  if (fs.route_tables_given)
    fs.route_tables = reference_list(r, r.scope, "route_table_ids", Kind::RouteTable);
  fs.route_tables_origin = origin_of(r);
  fs.route_tables_origin.location = written_at(r, "route_table_ids", at(r, tables));
}

void PlanModelBuilder::read_storage_virtual_machine(const PlanResource& r) {
  const Maybe<Index> fs = reference(r, r.scope, "file_system_id", Kind::FileSystem);
  if (fs.known()) model_.storage_virtual_machines[entities_.at(&r).index].file_system = *fs;
}

void PlanModelBuilder::read_network_interface(const PlanResource& r) {
  model::NetworkInterface& eni = model_.network_interfaces[entities_.at(&r).index];
  eni.subnet = reference(r, r.scope, "subnet_id", Kind::Subnet);
  eni.groups = reference_list(r, r.scope, "security_groups", Kind::SecurityGroup);
  eni.address = address_of(plan_.attribute(r.scope, "private_ip"));
}

void PlanModelBuilder::read_nat_gateway(const PlanResource& r) {
  model::NatGateway& nat = model_.nat_gateways[entities_.at(&r).index];
  nat.subnet = reference(r, r.scope, "subnet_id", Kind::Subnet);
  nat.private_connectivity = text(r, r.scope, "connectivity_type") == "private";
  nat.address = address_of(plan_.attribute(r.scope, "private_ip"));
}

}  // namespace reachlint::terraform
