// Readers for describe-security-groups, -network-interfaces, -instances, and the FSx commands.
#include <optional>

#include "linter/ingest/account/export_parser.h"
#include "linter/ingest/common/aws_keys.h"

namespace reachlint {

namespace {

constexpr error_code kOk = simdjson::SUCCESS;

// [{"<key>": "id"}, ...] -> ids
error_code id_list(ExportParser& p, od::value v, std::string_view list, std::string_view key,
                   std::vector<std::string_view>& out) {
  return p.nested_list(v, list, [&](od::value item) {
    return p.nested_object(item, list, [&](std::string_view k, od::value inner) -> error_code {
      if (k != key) return kOk;
      std::string_view id;
      REACHLINT_TRY(p.text(inner, k, id));
      if (!id.empty()) out.push_back(id);
      return kOk;
    });
  });
}

error_code read_permission(ExportParser& p, od::value element,
                           std::vector<PermissionRecord>& into) {
  PermissionRecord rule;
  rule.location = p.location(element);
  REACHLINT_TRY(p.read_part(
      "a security group rule",
      [&] {
        return p.nested_object(
            element, "a rule", [&](std::string_view key, od::value v) -> error_code {
              if (key == aws_keys::kIpProtocol) return p.text(v, key, rule.protocol);
              if (key == aws_keys::kFromPort) return p.number(v, key, rule.from);
              if (key == aws_keys::kToPort) return p.number(v, key, rule.to);
              if (key == aws_keys::kIpRanges)
                return id_list(p, v, key, aws_keys::kCidrIp, rule.cidrs);
              if (key == aws_keys::kPrefixListIds)
                return id_list(p, v, key, aws_keys::kPrefixListId, rule.prefix_lists);
              if (key == aws_keys::kUserIdGroupPairs)
                return id_list(p, v, key, aws_keys::kGroupId, rule.groups);
              return kOk;
            });
      },
      rule.readable));
  if (rule.protocol.empty()) {
    if (rule.readable) p.note(rule.location, "a security group rule: it has no IpProtocol");
    rule.readable = false;
  }
  into.push_back(std::move(rule));
  return kOk;
}

}  // namespace

error_code read_security_group(ExportParser& p, od::value element) {
  SecurityGroupRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a security group", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kGroupId) return p.text(v, key, r.id);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kGroupName) return p.text(v, key, r.name);
        if (key == aws_keys::kIpPermissions) {
          return p.nested_list(v, key,
                               [&](od::value rule) { return read_permission(p, rule, r.ingress); });
        }
        if (key == aws_keys::kIpPermissionsEgress) {
          return p.nested_list(v, key,
                               [&](od::value rule) { return read_permission(p, rule, r.egress); });
        }
        return kOk;
      }));
  p.require(r.origin.location, {{aws_keys::kGroupId, r.id}});
  if (p.end_element("security group", r.id)) p.records().security_groups.push_back(std::move(r));
  return kOk;
}

error_code read_interface(ExportParser& p, od::value element) {
  InterfaceRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a network interface", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kNetworkInterfaceId) return p.text(v, key, r.id);
        if (key == aws_keys::kSubnetId) return p.text(v, key, r.subnet);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kStatus) return p.text(v, key, r.status);
        if (key == aws_keys::kPrivateIpAddress) return p.text(v, key, r.address);
        if (key == aws_keys::kGroups) return id_list(p, v, key, aws_keys::kGroupId, r.groups);
        if (key != aws_keys::kAttachment) return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value inner) -> error_code {
          return k == aws_keys::kInstanceId ? p.text(inner, k, r.instance) : kOk;
        });
      }));
  p.require(r.origin.location, {{aws_keys::kNetworkInterfaceId, r.id}});
  if (p.end_element("network interface", r.id)) p.records().interfaces.push_back(std::move(r));
  return kOk;
}

namespace {

// One of an instance's network interfaces, as describe-instances nests them.
struct InstanceInterface {
  std::optional<int64_t> device_index;
  std::string_view subnet, address;
  std::vector<std::string_view> groups;
};

error_code read_instance_interface(ExportParser& p, od::value v, std::string_view what,
                                   InstanceInterface& out) {
  return p.nested_object(v, what, [&](std::string_view key, od::value inner) -> error_code {
    if (key == aws_keys::kSubnetId) return p.text(inner, key, out.subnet);
    if (key == aws_keys::kPrivateIpAddress) return p.text(inner, key, out.address);
    if (key == aws_keys::kGroups) return id_list(p, inner, key, aws_keys::kGroupId, out.groups);
    if (key != aws_keys::kAttachment) return kOk;
    return p.nested_object(inner, key, [&](std::string_view k, od::value value) -> error_code {
      return k == aws_keys::kDeviceIndex ? p.number(value, k, out.device_index) : kOk;
    });
  });
}

// An instance with several interfaces is its primary one (device index 0), whose subnet, groups
// and address the instance's own fields repeat, except the groups, which are all the
// interfaces' (docs/account-exports.md).
void use_primary_interface(const std::vector<InstanceInterface>& interfaces, InstanceRecord& r) {
  if (interfaces.size() < 2) return;
  for (const InstanceInterface& interface : interfaces) {
    if (interface.device_index != 0) continue;
    if (!interface.subnet.empty()) r.subnet = interface.subnet;
    if (!interface.address.empty()) r.address = interface.address;
    r.groups = interface.groups;
  }
}

error_code read_instance(ExportParser& p, od::value element) {
  InstanceRecord r;
  r.origin = p.begin_element(element);
  std::vector<InstanceInterface> interfaces;
  REACHLINT_TRY(
      p.nested_object(element, "an instance", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kInstanceId) return p.text(v, key, r.id);
        if (key == aws_keys::kSubnetId) return p.text(v, key, r.subnet);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kPrivateIpAddress) return p.text(v, key, r.address);
        if (key == aws_keys::kSecurityGroups)
          return id_list(p, v, key, aws_keys::kGroupId, r.groups);
        if (key == aws_keys::kNetworkInterfaces) {
          return p.nested_list(v, key, [&](od::value item) {
            return read_instance_interface(p, item, key, interfaces.emplace_back());
          });
        }
        if (key != aws_keys::kState) return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value inner) -> error_code {
          return k == aws_keys::kName ? p.text(inner, k, r.state) : kOk;
        });
      }));
  use_primary_interface(interfaces, r);
  p.require(r.origin.location, {{aws_keys::kInstanceId, r.id}});
  if (p.end_element("instance", r.id)) p.records().instances.push_back(std::move(r));
  return kOk;
}

}  // namespace

// describe-instances: {"Reservations": [{"Instances": [...]}]}
error_code read_reservation(ExportParser& p, od::value element) {
  p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a reservation", [&](std::string_view key, od::value v) -> error_code {
        if (key != aws_keys::kInstances) return kOk;
        return p.nested_list(v, key,
                             [&](od::value instance) { return read_instance(p, instance); });
      }));
  p.end_element("reservation", "");
  return kOk;
}

namespace {

error_code read_fs_configuration(ExportParser& p, od::value v, std::string_view what,
                                 FileSystemRecord& r) {
  return p.nested_object(v, what, [&](std::string_view key, od::value inner) -> error_code {
    if (key == aws_keys::kDeploymentType) return p.text(inner, key, r.deployment);
    if (key == aws_keys::kPreferredSubnetId) return p.text(inner, key, r.preferred_subnet);
    if (key == aws_keys::kEndpointIpAddressRange) return p.text(inner, key, r.range);
    if (key == aws_keys::kEndpointIpAddress) return p.text(inner, key, r.address);
    if (key != aws_keys::kRouteTableIds) return kOk;
    r.has_route_tables = true;
    return p.texts(inner, key, r.route_tables);
  });
}

}  // namespace

error_code read_file_system(ExportParser& p, od::value element) {
  FileSystemRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a file system", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kFileSystemId) return p.text(v, key, r.id);
        if (key == aws_keys::kFileSystemType) return p.text(v, key, r.type);
        if (key == aws_keys::kLifecycle) return p.text(v, key, r.lifecycle);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kSubnetIds) return p.texts(v, key, r.subnets);
        if (key == aws_keys::kNetworkInterfaceIds) return p.texts(v, key, r.interfaces);
        if (key == aws_keys::kOpenZFSConfiguration || key == aws_keys::kOntapConfiguration ||
            key == aws_keys::kWindowsConfiguration || key == aws_keys::kLustreConfiguration) {
          return read_fs_configuration(p, v, key, r);
        }
        return kOk;
      }));
  p.require(r.origin.location,
            {{aws_keys::kFileSystemId, r.id}, {aws_keys::kFileSystemType, r.type}});
  if (p.end_element("file system", r.id)) p.records().file_systems.push_back(std::move(r));
  return kOk;
}

error_code read_svm(ExportParser& p, od::value element) {
  SvmRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a storage virtual machine", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kStorageVirtualMachineId) return p.text(v, key, r.id);
        if (key == aws_keys::kFileSystemId) return p.text(v, key, r.file_system);
        if (key == aws_keys::kLifecycle) return p.text(v, key, r.lifecycle);
        if (key != aws_keys::kEndpoints) return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value endpoint) -> error_code {
          if (k != aws_keys::kNfs) return kOk;
          return p.nested_object(
              endpoint, k, [&](std::string_view field, od::value addresses) -> error_code {
                return field == aws_keys::kIpAddresses ? p.texts(addresses, field, r.nfs_addresses)
                                                       : kOk;
              });
        });
      }));
  p.require(r.origin.location,
            {{aws_keys::kStorageVirtualMachineId, r.id}, {aws_keys::kFileSystemId, r.file_system}});
  if (p.end_element("storage virtual machine", r.id)) p.records().svms.push_back(std::move(r));
  return kOk;
}

}  // namespace reachlint
