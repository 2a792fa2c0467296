// Readers for the endpoints of a path: instances, network interfaces and FSx file systems.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "linter/ingest/cloudformation/template_model_builder.h"
#include "linter/ingest/common/aws_keys.h"

namespace reachlint {

using model::Index;
using model::Kind;
using model::Maybe;

namespace {

std::optional<uint32_t> address_of(const Value& value) {
  return value.is_string() ? Cidr::parse_address(value.text) : std::nullopt;
}

struct FileSystemKind {
  std::string_view name;  // FileSystemType
  model::FileSystemType type;
  std::string_view configuration;  // the property holding DeploymentType and friends
  std::array<std::string_view, 5> deployment_types;
};

constexpr FileSystemKind kFileSystemKinds[] = {
    {"OPENZFS",
     model::FileSystemType::OpenZfs,
     aws_keys::kOpenZFSConfiguration,
     {"MULTI_AZ_1", "SINGLE_AZ_1", "SINGLE_AZ_2", "SINGLE_AZ_HA_1", "SINGLE_AZ_HA_2"}},
    {"ONTAP",
     model::FileSystemType::Ontap,
     aws_keys::kOntapConfiguration,
     {"MULTI_AZ_1", "MULTI_AZ_2", "SINGLE_AZ_1", "SINGLE_AZ_2", ""}},
    {"WINDOWS",
     model::FileSystemType::Windows,
     aws_keys::kWindowsConfiguration,
     {"MULTI_AZ_1", "SINGLE_AZ_1", "SINGLE_AZ_2", "", ""}},
    {"LUSTRE", model::FileSystemType::Lustre, aws_keys::kLustreConfiguration, {"", "", "", "", ""}},
};

}  // namespace

void TemplateModelBuilder::read_instance(const ResourceContext& r) {
  model::Instance& instance = model_.instances[entity_index(r)];
  instance.subnet = reference(r, prop(r, aws_keys::kSubnetId), Kind::Subnet, aws_keys::kSubnetId);
  instance.groups = reference_list(r, prop(r, aws_keys::kSecurityGroupIds), Kind::SecurityGroup,
                                   aws_keys::kSecurityGroupIds);
  instance.groups_given = !prop(r, aws_keys::kSecurityGroupIds).is_absent();
  instance.address = address_of(prop(r, aws_keys::kPrivateIpAddress));
  if (!prop(r, aws_keys::kSecurityGroups).is_absent()) {
    instance.groups_given = true;
    instance.groups.push_back(Maybe<Index>::unknown(prop_location(r, aws_keys::kSecurityGroups),
                                                    "groups named by SecurityGroups"));
  }
  const Value interfaces = prop(r, aws_keys::kNetworkInterfaces);
  if (!interfaces.is_list()) return;
  for (const Value& interface : interfaces.items) {
    const auto device = prop_of(r, interface, aws_keys::kDeviceIndex).as_integer();
    if (!device || *device != 0) continue;
    const Value eni = prop_of(r, interface, aws_keys::kNetworkInterfaceId);
    if (!eni.is_absent()) {
      const Maybe<Index> index =
          reference(r, eni, Kind::NetworkInterface, "NetworkInterfaces.NetworkInterfaceId");
      if (index.known()) instance.network_interface = *index;
      continue;
    }
    instance.subnet = reference(r, prop_of(r, interface, aws_keys::kSubnetId), Kind::Subnet,
                                "NetworkInterfaces.SubnetId");
    const Value groups = prop_of(r, interface, aws_keys::kGroupSet);
    instance.groups = reference_list(r, groups, Kind::SecurityGroup, "NetworkInterfaces.GroupSet");
    instance.groups_given = !groups.is_absent();
    if (!instance.address)
      instance.address = address_of(prop_of(r, interface, aws_keys::kPrivateIpAddress));
  }
}

void TemplateModelBuilder::read_network_interface(const ResourceContext& r) {
  model::NetworkInterface& eni = model_.network_interfaces[entity_index(r)];
  eni.subnet = reference(r, prop(r, aws_keys::kSubnetId), Kind::Subnet, aws_keys::kSubnetId);
  eni.groups =
      reference_list(r, prop(r, aws_keys::kGroupSet), Kind::SecurityGroup, aws_keys::kGroupSet);
  eni.address = address_of(prop(r, aws_keys::kPrivateIpAddress));
}

void TemplateModelBuilder::read_file_system(const ResourceContext& r) {
  model::FileSystem& fs = model_.file_systems[entity_index(r)];
  const auto type_name = text(r, prop(r, aws_keys::kFileSystemType), aws_keys::kFileSystemType);
  const FileSystemKind* kind = nullptr;
  for (const FileSystemKind& candidate : kFileSystemKinds) {
    if (type_name && *type_name == candidate.name) kind = &candidate;
  }
  if (!kind) {
    if (type_name)
      error(prop_location(r, aws_keys::kFileSystemType),
            fmt::format("FileSystemType of {} must be OPENZFS, ONTAP, WINDOWS or LUSTRE, not '{}'",
                        r.origin.name, *type_name));
    else if (prop(r, aws_keys::kFileSystemType).is_absent())
      error(r.origin.location, fmt::format("file system {} needs a FileSystemType", r.origin.name));
    return;
  }
  fs.type = kind->type;
  fs.subnets = reference_list(r, prop(r, aws_keys::kSubnetIds), Kind::Subnet, aws_keys::kSubnetIds);
  const Value groups = prop(r, aws_keys::kSecurityGroupIds);
  fs.security_groups = reference_list(r, groups, Kind::SecurityGroup, aws_keys::kSecurityGroupIds);
  fs.security_groups_given = !groups.is_absent();
  const Value config = prop(r, kind->configuration);
  const Value deployment = prop_of(r, config, aws_keys::kDeploymentType);
  if (const auto name =
          text(r, deployment, fmt::format("{}.DeploymentType", kind->configuration))) {
    const auto& allowed = kind->deployment_types;
    if (kind->type != model::FileSystemType::Lustre &&
        std::find(allowed.begin(), allowed.end(), *name) == allowed.end()) {
      error(deployment.location,
            fmt::format("{}.DeploymentType of {} is not a {} deployment type: '{}'",
                        kind->configuration, r.origin.name, kind->name, *name));
      return;
    }
    fs.deployment_type = *name;
  } else if (deployment.is_unknown()) {
    fs.deployment_type = Maybe<std::string>::unknown(deployment.location, deployment.text);
  }
  fs.floating_endpoint =
      fs.deployment_type.known() && fs.deployment_type->starts_with("MULTI_AZ") &&
      (fs.type == model::FileSystemType::OpenZfs || fs.type == model::FileSystemType::Ontap);
  fs.preferred_subnet = reference(r, prop_of(r, config, aws_keys::kPreferredSubnetId), Kind::Subnet,
                                  aws_keys::kPreferredSubnetId);
  if (fs.floating_endpoint && fs.preferred_subnet.absent()) {
    error(r.origin.location, fmt::format("Multi-AZ file system {} needs {}.PreferredSubnetId",
                                         r.origin.name, kind->configuration));
  }
  const Value range = prop_of(r, config, aws_keys::kEndpointIpAddressRange);
  fs.endpoint_range = cidr(r, range, aws_keys::kEndpointIpAddressRange);
  fs.endpoint_range_origin = r.origin;
  const Location range_at = member_location(config, aws_keys::kEndpointIpAddressRange);
  fs.endpoint_range_origin.location = range_at.known() ? range_at : r.origin.location;
  const Value tables = prop_of(r, config, aws_keys::kRouteTableIds);
  fs.route_tables = reference_list(r, tables, Kind::RouteTable, aws_keys::kRouteTableIds);
  fs.route_tables_given = !tables.is_absent();
  fs.route_tables_origin = r.origin;
  const Location tables_at = member_location(config, aws_keys::kRouteTableIds);
  fs.route_tables_origin.location = tables_at.known() ? tables_at : r.origin.location;
}

void TemplateModelBuilder::read_storage_virtual_machine(const ResourceContext& r) {
  const Maybe<Index> fs =
      reference(r, prop(r, aws_keys::kFileSystemId), Kind::FileSystem, aws_keys::kFileSystemId);
  if (fs.known()) model_.storage_virtual_machines[entity_index(r)].file_system = *fs;
}

}  // namespace reachlint
