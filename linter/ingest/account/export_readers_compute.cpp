// Readers for describe-security-groups, -network-interfaces, -instances, and the FSx commands.
#include "linter/ingest/account/export_parser.h"

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
        return p.nested_object(element, "a rule",
                               [&](std::string_view key, od::value v) -> error_code {
                                 if (key == "IpProtocol") return p.text(v, key, rule.protocol);
                                 if (key == "FromPort") return p.number(v, key, rule.from);
                                 if (key == "ToPort") return p.number(v, key, rule.to);
                                 if (key == "IpRanges")
                                   return id_list(p, v, key, "CidrIp", rule.cidrs);
                                 if (key == "PrefixListIds")
                                   return id_list(p, v, key, "PrefixListId", rule.prefix_lists);
                                 if (key == "UserIdGroupPairs")
                                   return id_list(p, v, key, "GroupId", rule.groups);
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
        if (key == "GroupId") return p.text(v, key, r.id);
        if (key == "VpcId") return p.text(v, key, r.vpc);
        if (key == "GroupName") return p.text(v, key, r.name);
        if (key == "IpPermissions") {
          return p.nested_list(v, key,
                               [&](od::value rule) { return read_permission(p, rule, r.ingress); });
        }
        if (key == "IpPermissionsEgress") {
          return p.nested_list(v, key,
                               [&](od::value rule) { return read_permission(p, rule, r.egress); });
        }
        return kOk;
      }));
  p.require(r.origin.location, {{"GroupId", r.id}});
  if (p.end_element("security group", r.id)) p.records().security_groups.push_back(std::move(r));
  return kOk;
}

error_code read_interface(ExportParser& p, od::value element) {
  InterfaceRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a network interface", [&](std::string_view key, od::value v) -> error_code {
        if (key == "NetworkInterfaceId") return p.text(v, key, r.id);
        if (key == "SubnetId") return p.text(v, key, r.subnet);
        if (key == "VpcId") return p.text(v, key, r.vpc);
        if (key == "Status") return p.text(v, key, r.status);
        if (key == "PrivateIpAddress") return p.text(v, key, r.address);
        if (key == "Groups") return id_list(p, v, key, "GroupId", r.groups);
        if (key != "Attachment") return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value inner) -> error_code {
          return k == "InstanceId" ? p.text(inner, k, r.instance) : kOk;
        });
      }));
  p.require(r.origin.location, {{"NetworkInterfaceId", r.id}});
  if (p.end_element("network interface", r.id)) p.records().interfaces.push_back(std::move(r));
  return kOk;
}

namespace {

error_code read_instance(ExportParser& p, od::value element) {
  InstanceRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(
      p.nested_object(element, "an instance", [&](std::string_view key, od::value v) -> error_code {
        if (key == "InstanceId") return p.text(v, key, r.id);
        if (key == "SubnetId") return p.text(v, key, r.subnet);
        if (key == "VpcId") return p.text(v, key, r.vpc);
        if (key == "PrivateIpAddress") return p.text(v, key, r.address);
        if (key == "SecurityGroups") return id_list(p, v, key, "GroupId", r.groups);
        if (key != "State") return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value inner) -> error_code {
          return k == "Name" ? p.text(inner, k, r.state) : kOk;
        });
      }));
  p.require(r.origin.location, {{"InstanceId", r.id}});
  if (p.end_element("instance", r.id)) p.records().instances.push_back(std::move(r));
  return kOk;
}

}  // namespace

// describe-instances: {"Reservations": [{"Instances": [...]}]}
error_code read_reservation(ExportParser& p, od::value element) {
  p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a reservation", [&](std::string_view key, od::value v) -> error_code {
        if (key != "Instances") return kOk;
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
    if (key == "DeploymentType") return p.text(inner, key, r.deployment);
    if (key == "PreferredSubnetId") return p.text(inner, key, r.preferred_subnet);
    if (key == "EndpointIpAddressRange") return p.text(inner, key, r.range);
    if (key == "EndpointIpAddress") return p.text(inner, key, r.address);
    if (key != "RouteTableIds") return kOk;
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
        if (key == "FileSystemId") return p.text(v, key, r.id);
        if (key == "FileSystemType") return p.text(v, key, r.type);
        if (key == "Lifecycle") return p.text(v, key, r.lifecycle);
        if (key == "VpcId") return p.text(v, key, r.vpc);
        if (key == "SubnetIds") return p.texts(v, key, r.subnets);
        if (key == "NetworkInterfaceIds") return p.texts(v, key, r.interfaces);
        if (key == "OpenZFSConfiguration" || key == "OntapConfiguration" ||
            key == "WindowsConfiguration" || key == "LustreConfiguration") {
          return read_fs_configuration(p, v, key, r);
        }
        return kOk;
      }));
  p.require(r.origin.location, {{"FileSystemId", r.id}, {"FileSystemType", r.type}});
  if (p.end_element("file system", r.id)) p.records().file_systems.push_back(std::move(r));
  return kOk;
}

error_code read_svm(ExportParser& p, od::value element) {
  SvmRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a storage virtual machine", [&](std::string_view key, od::value v) -> error_code {
        if (key == "StorageVirtualMachineId") return p.text(v, key, r.id);
        if (key == "FileSystemId") return p.text(v, key, r.file_system);
        if (key == "Lifecycle") return p.text(v, key, r.lifecycle);
        if (key != "Endpoints") return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value endpoint) -> error_code {
          if (k != "Nfs") return kOk;
          return p.nested_object(
              endpoint, k, [&](std::string_view field, od::value addresses) -> error_code {
                return field == "IpAddresses" ? p.texts(addresses, field, r.nfs_addresses) : kOk;
              });
        });
      }));
  p.require(r.origin.location,
            {{"StorageVirtualMachineId", r.id}, {"FileSystemId", r.file_system}});
  if (p.end_element("storage virtual machine", r.id)) p.records().svms.push_back(std::move(r));
  return kOk;
}

}  // namespace reachlint
