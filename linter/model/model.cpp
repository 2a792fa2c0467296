#include "linter/model/model.h"

#include <cstdlib>

namespace reachlint::model {

const Origin& Model::origin(EntityRef ref) const {
  switch (ref.kind) {
    case Kind::Vpc:
      return vpcs[ref.index].origin;
    case Kind::Subnet:
      return subnets[ref.index].origin;
    case Kind::RouteTable:
      return route_tables[ref.index].origin;
    case Kind::TransitGateway:
      return transit_gateways[ref.index].origin;
    case Kind::TgwAttachment:
      return tgw_attachments[ref.index].origin;
    case Kind::TgwRouteTable:
      return tgw_route_tables[ref.index].origin;
    case Kind::Peering:
      return peerings[ref.index].origin;
    case Kind::VpnGateway:
      return vpn_gateways[ref.index].origin;
    case Kind::SecurityGroup:
      return security_groups[ref.index].origin;
    case Kind::NetworkAcl:
      return network_acls[ref.index].origin;
    case Kind::PrefixList:
      return prefix_lists[ref.index].origin;
    case Kind::Instance:
      return instances[ref.index].origin;
    case Kind::NetworkInterface:
      return network_interfaces[ref.index].origin;
    case Kind::FileSystem:
      return file_systems[ref.index].origin;
    case Kind::StorageVirtualMachine:
      return storage_virtual_machines[ref.index].origin;
  }
  std::abort();  // every kind is handled above
}

std::vector<EntityRef> Model::find(const std::string& name) const {
  std::vector<EntityRef> found;
  const auto [begin, end] = by_name.equal_range(name);
  for (auto it = begin; it != end; ++it) found.push_back(it->second);
  return found;
}

}  // namespace reachlint::model
