// Readers for describe-vpcs, -subnets, -route-tables, -network-acls, -vpc-peering-connections,
// -vpn-gateways and the prefix-list commands.
#include <algorithm>

#include "linter/ingest/account/export_parser.h"
#include "linter/ingest/common/aws_keys.h"

namespace reachlint {

namespace {

constexpr error_code kOk = simdjson::SUCCESS;

// Reads `State` from a nested {"State": ...} object (CidrBlockState, AssociationState, Status).
error_code nested_state(ExportParser& p, od::value v, std::string_view what, std::string_view key,
                        std::string_view& out) {
  return p.nested_object(v, what, [&](std::string_view k, od::value inner) -> error_code {
    return k == key ? p.text(inner, what, out) : kOk;
  });
}

void add_unique(std::vector<std::string_view>& list, std::string_view value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
    list.push_back(value);
}

}  // namespace

error_code read_vpc(ExportParser& p, od::value element) {
  VpcRecord r;
  r.origin = p.begin_element(element);
  std::string_view primary;
  REACHLINT_TRY(
      p.nested_object(element, "a VPC", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kVpcId) return p.text(v, key, r.id);
        if (key == aws_keys::kState) return p.text(v, key, r.state);
        if (key == aws_keys::kOwnerId) return p.text(v, key, r.owner);
        if (key == aws_keys::kCidrBlock) return p.text(v, key, primary);
        if (key != aws_keys::kCidrBlockAssociationSet) return kOk;
        return p.nested_list(v, key, [&](od::value association) {
          std::string_view block, state;
          REACHLINT_TRY(p.nested_object(
              association, key, [&](std::string_view k, od::value inner) -> error_code {
                if (k == aws_keys::kCidrBlock) return p.text(inner, k, block);
                if (k == aws_keys::kCidrBlockState)
                  return nested_state(p, inner, k, aws_keys::kState, state);
                return kOk;
              }));
          // Only associated blocks are VPC CIDRs (not associating, disassociated or failed ones).
          if (state.empty() || state == "associated") add_unique(r.cidrs, block);
          return kOk;
        });
      }));
  if (!primary.empty()) {
    r.cidrs.erase(std::remove(r.cidrs.begin(), r.cidrs.end(), primary), r.cidrs.end());
    r.cidrs.insert(r.cidrs.begin(), primary);
  }
  p.require(r.origin.location, {{aws_keys::kVpcId, r.id}});
  if (p.end_element("VPC", r.id)) p.records().vpcs.push_back(std::move(r));
  return kOk;
}

error_code read_subnet(ExportParser& p, od::value element) {
  SubnetRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(
      p.nested_object(element, "a subnet", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kSubnetId) return p.text(v, key, r.id);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kCidrBlock) return p.text(v, key, r.cidr);
        if (key == aws_keys::kAvailabilityZone) return p.text(v, key, r.zone);
        if (key == aws_keys::kAvailabilityZoneId) return p.text(v, key, r.zone_id);
        if (key == aws_keys::kState) return p.text(v, key, r.state);
        return kOk;
      }));
  p.require(r.origin.location, {{aws_keys::kSubnetId, r.id}, {aws_keys::kVpcId, r.vpc}});
  if (p.end_element("subnet", r.id)) p.records().subnets.push_back(std::move(r));
  return kOk;
}

namespace {

error_code read_route(ExportParser& p, od::value element, RouteTableRecord& table) {
  RouteRecord route;
  route.location = p.location(element);
  bool ipv6 = false;
  std::string_view state, origin;
  const auto target = [&](RouteTargetField field, od::value v, std::string_view key) -> error_code {
    std::string_view id;
    REACHLINT_TRY(p.text(v, key, id));
    if (!id.empty() && field > route.target_field) {
      route.target_field = field;
      route.target = id;
    }
    return kOk;
  };
  REACHLINT_TRY(p.read_part(
      "a route",
      [&] {
        return p.nested_object(
            element, "a route", [&](std::string_view key, od::value v) -> error_code {
              if (key == aws_keys::kDestinationCidrBlock) return p.text(v, key, route.destination);
              if (key == aws_keys::kDestinationPrefixListId) {
                route.to_prefix_list = true;
                return p.text(v, key, route.destination);
              }
              if (key == aws_keys::kDestinationIpv6CidrBlock) {
                ipv6 = true;
                return kOk;
              }
              if (key == aws_keys::kTransitGatewayId)
                return target(RouteTargetField::TransitGateway, v, key);
              if (key == aws_keys::kVpcPeeringConnectionId)
                return target(RouteTargetField::Peering, v, key);
              if (key == aws_keys::kGatewayId) return target(RouteTargetField::Gateway, v, key);
              if (key == aws_keys::kNetworkInterfaceId)
                return target(RouteTargetField::NetworkInterface, v, key);
              if (key == aws_keys::kInstanceId) return target(RouteTargetField::Instance, v, key);
              if (key == aws_keys::kNatGatewayId)
                return target(RouteTargetField::NatGateway, v, key);
              if (key == aws_keys::kVpcEndpointId)
                return target(RouteTargetField::VpcEndpoint, v, key);
              if (key == aws_keys::kLocalGatewayId)
                return target(RouteTargetField::LocalGateway, v, key);
              if (key == aws_keys::kCarrierGatewayId)
                return target(RouteTargetField::CarrierGateway, v, key);
              if (key == aws_keys::kCoreNetworkArn)
                return target(RouteTargetField::CoreNetwork, v, key);
              if (key == aws_keys::kEgressOnlyInternetGatewayId)
                return target(RouteTargetField::EgressOnlyInternetGateway, v, key);
              if (key == aws_keys::kOdbNetworkArn) return target(RouteTargetField::Other, v, key);
              if (key == aws_keys::kState) return p.text(v, key, state);
              if (key == aws_keys::kOrigin) return p.text(v, key, origin);
              return kOk;
            });
      },
      route.readable));
  // IPv6 routes do not affect the IPv4 paths reachlint checks.
  if (route.destination.empty() && ipv6) return kOk;
  if (route.destination.empty()) {
    if (route.readable) p.note(route.location, "a route: it has no destination");
    route.readable = false;
  }
  route.blackhole = state == "blackhole";
  route.live = state.empty() || state == "active" || route.blackhole;
  route.propagated = origin == "EnableVgwRoutePropagation";
  table.routes.push_back(route);
  return kOk;
}

error_code read_route_association(ExportParser& p, od::value element, RouteTableRecord& table) {
  bool main = false;
  std::string_view subnet, state;
  REACHLINT_TRY(p.nested_object(element, "an association",
                                [&](std::string_view key, od::value v) -> error_code {
                                  if (key == aws_keys::kMain) return p.flag(v, key, main);
                                  if (key == aws_keys::kSubnetId) return p.text(v, key, subnet);
                                  if (key == aws_keys::kAssociationState)
                                    return nested_state(p, v, key, aws_keys::kState, state);
                                  return kOk;
                                }));
  if (!state.empty() && state != "associated") return kOk;
  if (main) table.main = true;
  add_unique(table.subnets, subnet);
  return kOk;
}

}  // namespace

error_code read_route_table(ExportParser& p, od::value element) {
  RouteTableRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a route table", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kRouteTableId) return p.text(v, key, r.id);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kRoutes)
          return p.nested_list(v, key, [&](od::value route) { return read_route(p, route, r); });
        if (key == aws_keys::kAssociations) {
          return p.nested_list(v, key,
                               [&](od::value a) { return read_route_association(p, a, r); });
        }
        if (key == aws_keys::kPropagatingVgws) {
          return p.nested_list(v, key, [&](od::value vgw) {
            return p.nested_object(vgw, key,
                                   [&](std::string_view k, od::value inner) -> error_code {
                                     if (k != aws_keys::kGatewayId) return kOk;
                                     std::string_view id;
                                     REACHLINT_TRY(p.text(inner, k, id));
                                     add_unique(r.propagating_vgws, id);
                                     return kOk;
                                   });
          });
        }
        return kOk;
      }));
  p.require(r.origin.location, {{aws_keys::kRouteTableId, r.id}, {aws_keys::kVpcId, r.vpc}});
  if (p.end_element("route table", r.id)) p.records().route_tables.push_back(std::move(r));
  return kOk;
}

namespace {

error_code read_acl_entry(ExportParser& p, od::value element, NetworkAclRecord& acl) {
  AclEntryRecord entry;
  entry.location = p.location(element);
  std::optional<int64_t> number;
  bool ipv6 = false;
  REACHLINT_TRY(p.read_part(
      "an ACL entry",
      [&] {
        return p.nested_object(
            element, "an ACL entry", [&](std::string_view key, od::value v) -> error_code {
              if (key == aws_keys::kRuleNumber) return p.number(v, key, number);
              if (key == aws_keys::kProtocol) return p.text(v, key, entry.protocol);
              if (key == aws_keys::kRuleAction) return p.text(v, key, entry.action);
              if (key == aws_keys::kEgress) return p.flag(v, key, entry.egress);
              if (key == aws_keys::kCidrBlock) return p.text(v, key, entry.cidr);
              if (key == aws_keys::kIpv6CidrBlock) {
                ipv6 = true;
                return kOk;
              }
              if (key != aws_keys::kPortRange) return kOk;
              return p.nested_object(v, key,
                                     [&](std::string_view k, od::value inner) -> error_code {
                                       if (k == aws_keys::kFrom)
                                         return p.number(inner, k, entry.from);
                                       if (k == aws_keys::kTo) return p.number(inner, k, entry.to);
                                       return kOk;
                                     });
            });
      },
      entry.readable));
  if (entry.cidr.empty() && ipv6) return kOk;  // IPv6 entries do not affect IPv4 paths
  if (!number || entry.protocol.empty() || entry.action.empty() || entry.cidr.empty()) {
    if (entry.readable)
      p.note(entry.location,
             "an ACL entry: it needs RuleNumber, Protocol, RuleAction and CidrBlock");
    entry.readable = false;
  }
  entry.number = number.value_or(0);
  acl.entries.push_back(entry);
  return kOk;
}

}  // namespace

error_code read_network_acl(ExportParser& p, od::value element) {
  NetworkAclRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a network ACL", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kNetworkAclId) return p.text(v, key, r.id);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kIsDefault) return p.flag(v, key, r.is_default);
        if (key == aws_keys::kEntries)
          return p.nested_list(v, key, [&](od::value e) { return read_acl_entry(p, e, r); });
        if (key != aws_keys::kAssociations) return kOk;
        return p.nested_list(v, key, [&](od::value a) {
          return p.nested_object(a, key, [&](std::string_view k, od::value inner) -> error_code {
            if (k != aws_keys::kSubnetId) return kOk;
            std::string_view subnet;
            REACHLINT_TRY(p.text(inner, k, subnet));
            add_unique(r.subnets, subnet);
            return kOk;
          });
        });
      }));
  p.require(r.origin.location, {{aws_keys::kNetworkAclId, r.id}, {aws_keys::kVpcId, r.vpc}});
  if (p.end_element("network ACL", r.id)) p.records().network_acls.push_back(std::move(r));
  return kOk;
}

namespace {

error_code read_peering_side(ExportParser& p, od::value v, std::string_view what,
                             PeeringSide& side) {
  return p.nested_object(v, what, [&](std::string_view key, od::value inner) -> error_code {
    if (key == aws_keys::kVpcId) return p.text(inner, key, side.vpc);
    if (key == aws_keys::kOwnerId) return p.text(inner, key, side.owner);
    if (key == aws_keys::kRegion) return p.text(inner, key, side.region);
    if (key == aws_keys::kCidrBlock) {
      std::string_view block;
      REACHLINT_TRY(p.text(inner, key, block));
      add_unique(side.cidrs, block);
      return kOk;
    }
    if (key != aws_keys::kCidrBlockSet) return kOk;
    return p.nested_list(inner, key, [&](od::value item) {
      return p.nested_object(item, key,
                             [&](std::string_view k, od::value block_value) -> error_code {
                               if (k != aws_keys::kCidrBlock) return kOk;
                               std::string_view block;
                               REACHLINT_TRY(p.text(block_value, k, block));
                               add_unique(side.cidrs, block);
                               return kOk;
                             });
    });
  });
}

}  // namespace

error_code read_peering(ExportParser& p, od::value element) {
  PeeringRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(element, "a peering connection",
                                [&](std::string_view key, od::value v) -> error_code {
                                  if (key == aws_keys::kVpcPeeringConnectionId)
                                    return p.text(v, key, r.id);
                                  if (key == aws_keys::kStatus)
                                    return nested_state(p, v, key, aws_keys::kCode, r.status);
                                  if (key == aws_keys::kRequesterVpcInfo)
                                    return read_peering_side(p, v, key, r.requester);
                                  if (key == aws_keys::kAccepterVpcInfo)
                                    return read_peering_side(p, v, key, r.accepter);
                                  return kOk;
                                }));
  if (r.id.empty() || r.requester.vpc.empty() || r.accepter.vpc.empty()) {
    p.problem(r.origin.location, "it needs VpcPeeringConnectionId and both VPCs");
  }
  if (p.end_element("peering connection", r.id)) p.records().peerings.push_back(std::move(r));
  return kOk;
}

error_code read_vpn_gateway(ExportParser& p, od::value element) {
  VpnGatewayRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a VPN gateway", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kVpnGatewayId) return p.text(v, key, r.id);
        if (key == aws_keys::kState) return p.text(v, key, r.state);
        if (key != aws_keys::kVpcAttachments) return kOk;
        return p.nested_list(v, key, [&](od::value attachment) {
          std::string_view vpc, state;
          REACHLINT_TRY(p.nested_object(attachment, key,
                                        [&](std::string_view k, od::value inner) -> error_code {
                                          if (k == aws_keys::kVpcId) return p.text(inner, k, vpc);
                                          if (k == aws_keys::kState) return p.text(inner, k, state);
                                          return kOk;
                                        }));
          if (state.empty() || state == "attached") add_unique(r.vpcs, vpc);
          return kOk;
        });
      }));
  p.require(r.origin.location, {{aws_keys::kVpnGatewayId, r.id}});
  if (p.end_element("VPN gateway", r.id)) p.records().vpn_gateways.push_back(std::move(r));
  return kOk;
}

error_code read_prefix_list(ExportParser& p, od::value element) {
  PrefixListRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(element, "a prefix list",
                                [&](std::string_view key, od::value v) -> error_code {
                                  if (key == aws_keys::kPrefixListId) return p.text(v, key, r.id);
                                  if (key == aws_keys::kState) return p.text(v, key, r.state);
                                  if (key == aws_keys::kOwnerId) return p.text(v, key, r.owner);
                                  if (key == aws_keys::kPrefixListName)
                                    return p.text(v, key, r.name);
                                  // describe-prefix-lists (AWS-managed) lists its CIDRs
                                  if (key != aws_keys::kCidrs) return kOk;
                                  r.entries_known = true;
                                  return p.texts(v, key, r.cidrs);
                                }));
  p.require(r.origin.location, {{aws_keys::kPrefixListId, r.id}});
  if (p.end_element("prefix list", r.id)) p.records().prefix_lists.push_back(std::move(r));
  return kOk;
}

error_code read_prefix_list_entry(ExportParser& p, od::value element) {
  auto& entries = p.records().prefix_list_entries;
  const RecordOrigin origin = p.begin_element(element);
  if (entries.empty() || entries.back().origin.location.file != origin.location.file) {
    PrefixListEntriesRecord listing;
    listing.origin = origin;
    listing.prefix_list = p.intern(p.context().prefix_list);
    entries.push_back(listing);
  }
  std::string_view cidr;
  REACHLINT_TRY(p.nested_object(element, "a prefix list entry",
                                [&](std::string_view key, od::value v) -> error_code {
                                  return key == aws_keys::kCidr ? p.text(v, key, cidr) : kOk;
                                }));
  if (cidr.empty()) p.problem(origin.location, "an entry has no Cidr");
  if (p.end_element("prefix list entry", cidr))
    entries.back().cidrs.push_back(cidr);
  else
    entries.back().complete = false;
  return kOk;
}

}  // namespace reachlint
