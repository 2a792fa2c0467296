// What the AWS CLI exports say, element by element, before the elements are linked by id.
// Strings are interned views that live as long as the StringPool.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "linter/core/source.h"

namespace reachlint {

class StringPool {
 public:
  std::string_view intern(std::string_view text);

 private:
  std::deque<std::string> storage_;
  std::unordered_set<std::string_view> index_;
};

// Where an element came from: its file position and the account and region of its folder.
struct RecordOrigin {
  Location location;
  std::string_view account;
  std::string_view region;
  uint32_t index = 0;     // position in its array, for the JSON pointer
  std::string_view list;  // the top-level key, e.g. "Vpcs"
};

struct VpcRecord {
  RecordOrigin origin;
  std::string_view id, owner, state;
  std::vector<std::string_view> cidrs;  // primary and associated secondary blocks
};

struct SubnetRecord {
  RecordOrigin origin;
  std::string_view id, vpc, cidr, zone, zone_id, state;
};

// Which target field a route names, in the order that decides when a route names several (an
// instance's route also names its interface).
enum class RouteTargetField : uint8_t {
  None,
  Other,
  CoreNetwork,
  CarrierGateway,
  LocalGateway,
  EgressOnlyInternetGateway,
  VpcEndpoint,
  NatGateway,
  Instance,
  NetworkInterface,
  Gateway,
  Peering,
  TransitGateway
};

// Kept small: an organisation's export has hundreds of thousands of routes.
struct RouteRecord {
  Location location;
  std::string_view destination;  // a CIDR, or a prefix list id when `to_prefix_list`
  std::string_view target;
  RouteTargetField target_field = RouteTargetField::None;
  bool to_prefix_list = false;
  bool blackhole = false;
  bool propagated = false;  // learned from a VPN gateway
  bool live = true;         // State is active or blackhole
  bool readable = true;     // false: a notice said why; the route is unknown, not absent
};

struct RouteTableRecord {
  RecordOrigin origin;
  std::string_view id, vpc;
  bool main = false;
  std::vector<std::string_view> subnets;  // explicit, associated
  std::vector<RouteRecord> routes;
  std::vector<std::string_view> propagating_vgws;
};

struct AclEntryRecord {
  Location location;
  int64_t number = 0;
  std::string_view protocol, action, cidr;
  bool egress = false;
  std::optional<int64_t> from, to;
  bool readable = true;
};

struct NetworkAclRecord {
  RecordOrigin origin;
  std::string_view id, vpc;
  bool is_default = false;
  std::vector<std::string_view> subnets;
  std::vector<AclEntryRecord> entries;
};

struct PermissionRecord {
  Location location;
  std::string_view protocol;
  std::optional<int64_t> from, to;
  std::vector<std::string_view> cidrs, prefix_lists, groups;
  bool readable = true;
};

struct SecurityGroupRecord {
  RecordOrigin origin;
  std::string_view id, vpc, name;
  std::vector<PermissionRecord> ingress, egress;
};

struct InterfaceRecord {
  RecordOrigin origin;
  std::string_view id, subnet, vpc, status, instance, address;
  std::vector<std::string_view> groups;
};

struct InstanceRecord {
  RecordOrigin origin;
  std::string_view id, subnet, vpc, state, address;
  std::vector<std::string_view> groups;
};

struct PeeringSide {
  std::string_view vpc, owner, region;
  std::vector<std::string_view> cidrs;
};

struct PeeringRecord {
  RecordOrigin origin;
  std::string_view id, status;
  PeeringSide requester, accepter;
};

struct VpnGatewayRecord {
  RecordOrigin origin;
  std::string_view id, state;
  std::vector<std::string_view> vpcs;  // attached
};

struct NatGatewayRecord {  // describe-nat-gateways
  RecordOrigin origin;
  std::string_view id, subnet, vpc, state, connectivity, address;
};

struct VpcEndpointRecord {  // describe-vpc-endpoints
  RecordOrigin origin;
  std::string_view id, vpc, type, service, state;
  std::vector<std::string_view> route_tables;
};

struct PrefixListRecord {
  RecordOrigin origin;
  std::string_view id, state, owner, name;
  bool entries_known = false;
  std::vector<std::string_view> cidrs;
};

struct PrefixListEntriesRecord {  // get-managed-prefix-list-entries: the id is in the file name
  RecordOrigin origin;
  std::string_view prefix_list;
  std::vector<std::string_view> cidrs;
  bool complete = true;  // false: an entry could not be read, so the list is not known
};

struct TransitGatewayRecord {
  RecordOrigin origin;
  std::string_view id, state, association_default, propagation_default;
  bool default_association = true, default_propagation = true, sg_referencing = false;
};

struct TgwAttachmentRecord {  // describe-transit-gateway-attachments
  RecordOrigin origin;
  std::string_view id, tgw, resource_type, resource, state, association_table, association_state;
};

struct TgwVpcAttachmentRecord {  // describe-transit-gateway-vpc-attachments
  RecordOrigin origin;
  std::string_view id, tgw, vpc, state;
  std::vector<std::string_view> subnets;
  bool sg_referencing = true;
};

struct TgwRouteTableRecord {
  RecordOrigin origin;
  std::string_view id, tgw, state;
};

struct TgwRouteRecord {
  Location location;
  std::string_view destination, prefix_list, type, state;
  std::vector<std::string_view> attachments;
};

struct TgwRouteListing {  // search-transit-gateway-routes, or Batfish's TransitGatewayStaticRoutes
  RecordOrigin origin;
  std::string_view table;
  bool static_only = false;  // Batfish lists static routes only; propagated ones are derived
  std::vector<TgwRouteRecord> routes;
};

struct TgwTableLinkRecord {  // one association or propagation
  Location location;
  std::string_view attachment, resource, resource_type, state;
};

struct TgwTableLinks {  // get-transit-gateway-route-table-{associations,propagations}
  RecordOrigin origin;
  std::string_view table;
  bool propagations = false;
  std::vector<TgwTableLinkRecord> links;
};

struct FileSystemRecord {
  RecordOrigin origin;
  std::string_view id, type, lifecycle, vpc, deployment, preferred_subnet, range, address;
  std::vector<std::string_view> subnets, interfaces, route_tables;
  bool has_route_tables = false;
};

struct SvmRecord {
  RecordOrigin origin;
  std::string_view id, file_system, lifecycle;
  std::vector<std::string_view> nfs_addresses;
};

struct ExportRecords {
  StringPool strings;
  std::vector<VpcRecord> vpcs;
  std::vector<SubnetRecord> subnets;
  std::vector<RouteTableRecord> route_tables;
  std::vector<NetworkAclRecord> network_acls;
  std::vector<SecurityGroupRecord> security_groups;
  std::vector<InterfaceRecord> interfaces;
  std::vector<InstanceRecord> instances;
  std::vector<PeeringRecord> peerings;
  std::vector<VpnGatewayRecord> vpn_gateways;
  std::vector<NatGatewayRecord> nat_gateways;
  std::vector<VpcEndpointRecord> vpc_endpoints;
  std::vector<PrefixListRecord> prefix_lists;
  std::vector<PrefixListEntriesRecord> prefix_list_entries;
  std::vector<TransitGatewayRecord> transit_gateways;
  std::vector<TgwAttachmentRecord> tgw_attachments;
  std::vector<TgwVpcAttachmentRecord> tgw_vpc_attachments;
  std::vector<TgwRouteTableRecord> tgw_route_tables;
  std::vector<TgwRouteListing> tgw_route_listings;
  std::vector<TgwTableLinks> tgw_table_links;
  std::vector<FileSystemRecord> file_systems;
  std::vector<SvmRecord> svms;
  // The text of each file read (by file id), so that a value used in place can be located.
  std::vector<std::pair<uint32_t, std::string_view>> file_texts;

  // Strings interned by other readers whose records were appended here (their views stay valid).
  std::deque<StringPool> adopted_strings;

  bool empty() const;
  // Moves `other`'s records after these, and keeps its strings alive.
  void append(ExportRecords&& other);
  // Where `value`, a string used in place in one of the files, starts (its opening quote);
  // `fallback` when it was copied.
  Location locate(std::string_view value, Location fallback) const;
  // The text of file `file`, empty when no export was read from it.
  std::string_view text_of(uint32_t file) const;
};

}  // namespace reachlint
