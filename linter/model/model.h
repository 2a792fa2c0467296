// The network, as plain values in flat arrays. Entities refer to each other by index.
// Nothing here knows where the values came from beyond their Origin.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/core/cidr.h"
#include "linter/core/flat_id_map.h"
#include "linter/core/source.h"
#include "linter/model/maybe.h"

namespace reachlint::model {

using Index = uint32_t;
inline constexpr Index kNone = UINT32_MAX;              // no such entity
inline constexpr Index kUnknownIndex = UINT32_MAX - 1;  // an entity that cannot be told statically
inline bool is_known_index(Index index) {
  return index < kUnknownIndex;
}

// Every kind of entity, in the order of the entity table (entities.def).
enum class Kind : uint8_t {
#define REACHLINT_ENTITY(kind, ...) kind,
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
};

inline constexpr size_t kKindCount = 0
#define REACHLINT_ENTITY(kind, ...) +1
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
    ;

struct EntityRef {
  Kind kind = Kind::Vpc;
  Index index = kNone;
  bool valid() const { return index != kNone; }
  friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

// Copies of the text the model refers to when it is neither a literal nor in an input file.
// Views into it stay valid for the model's life: it grows by whole chunks, never moves them.
class TextArena {
 public:
  std::string_view keep(std::string_view text);
  // The pieces joined, copied once (no temporary string): keep({table, ":", destination}).
  std::string_view join(std::initializer_list<std::string_view> pieces);
  std::string_view number(std::string_view a, std::string_view b, std::string_view c,
                          uint64_t value);
  // Takes `other`'s text over: views into it stay valid as long as this arena lives.
  void adopt(TextArena&& other);

 private:
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t used_ = 0;
  size_t capacity_ = 0;
};

// Where an entity, or one rule or route inside it, was written. Its text lives in the inputs,
// in literals, or in the model's TextArena.
struct Origin {
  Location location;
  std::string_view name;     // logical id (templates) or physical id (exports)
  std::string_view type;     // e.g. "AWS::EC2::Subnet"
  std::string_view pointer;  // JSON pointer within its file
  Index stack = kNone;       // index into Model::stacks, for templates
  bool implicit = false;     // created by AWS, not written by the user (main route table, ...)
  bool certain = true;       // false when the resource has a Condition that cannot be decided
};

// IP protocol numbers as EC2 uses them; -1 means all.
inline constexpr int kAllProtocols = -1;
inline constexpr int kTcp = 6;
inline constexpr int kUdp = 17;
inline constexpr int kIcmp = 1;

struct PortRange {
  uint16_t from = 0;
  uint16_t to = 65535;
  bool contains(uint16_t port) const { return from <= port && port <= to; }
  bool covers(const PortRange& other) const { return from <= other.from && other.to <= to; }
  friend bool operator==(const PortRange&, const PortRange&) = default;
};

struct Vpc {
  Origin origin;
  std::vector<Maybe<Cidr>> cidrs;  // primary first, then secondary associations
  Index main_route_table = kNone;
  Index default_network_acl = kNone;
  Index default_security_group = kNone;
};

struct Subnet {
  Origin origin;
  Index vpc = kNone;
  Maybe<Cidr> cidr;
  Maybe<std::string> zone;         // "az#0" for Fn::GetAZs index 0, or a literal zone name
  Index route_table = kNone;       // explicit association, else the VPC's main table
  Origin route_table_association;  // where the explicit association was written, if any
  Index network_acl = kNone;       // explicit association, else the VPC's default ACL
};

// Every target a VPC route can name (describe-route-tables, AWS::EC2::Route). What each means for
// a packet bound for a private FSx endpoint is AWS-FACTS §5.1; the walker applies it.
enum class TargetKind : uint8_t {
  Local,
  TransitGateway,
  Peering,
  VpnGateway,
  InternetGateway,
  EgressOnlyInternetGateway,
  NatGateway,
  NetworkInterface,
  Instance,
  GatewayEndpoint,       // vpce- on a prefix-list route: S3 or DynamoDB, public ranges only
  LoadBalancerEndpoint,  // vpce- on a CIDR route: a Gateway Load Balancer endpoint
  LocalGateway,
  CarrierGateway,
  CoreNetwork,  // Cloud WAN
  Other,
  Unknown,
};

struct TargetInfo {
  TargetKind kind;
  std::string_view word;       // in messages: "Gateway Load Balancer endpoint"
  std::optional<Kind> entity;  // the array RouteTarget::index points into, when modelled
};
const TargetInfo& target_info(TargetKind kind);

struct RouteTarget {
  TargetKind kind = TargetKind::Unknown;
  Index index = kNone;  // into the array of its kind, when modelled
  std::string_view id;  // as written: logical or physical id, "local"
};

struct Route {
  Origin origin;
  Maybe<Cidr> destination;  // unknown when the destination is a prefix list: see prefix_list
  Index prefix_list = kNone;
  RouteTarget target;
  bool blackhole = false;
  bool propagated = false;  // learned from a VPN gateway
};

struct RouteTable {
  Origin origin;
  Index vpc = kNone;
  bool main = false;
  std::vector<Route> routes;  // including one local route per VPC CIDR
};

struct TransitGateway {
  Origin origin;
  bool default_association = true;
  bool default_propagation = true;
  Index default_route_table = kNone;       // the table AWS creates when either default is on
  Maybe<Index> association_default_table;  // AssociationDefaultRouteTableId, when set
  Maybe<Index> propagation_default_table;  // PropagationDefaultRouteTableId, when set
  bool security_group_referencing = false;
};

enum class AttachmentKind : uint8_t { Vpc, Vpn, DirectConnect, Peering, Other };

struct TgwAttachment {
  Origin origin;
  Index tgw = kNone;
  AttachmentKind kind = AttachmentKind::Vpc;
  Index vpc = kNone;
  std::vector<Maybe<Index>> subnets;  // VPC attachments: one subnet per enabled zone
  Index association = kNone;          // the TGW route table used for traffic from this attachment
  Origin association_origin;          // the explicit association, if any
  struct Propagation {
    Index route_table;
    Origin origin;
  };
  std::vector<Propagation> propagations;  // explicit ones; finalize adds the default table's
  bool security_group_referencing = true;
  // Peering attachments join two transit gateways under one id: `tgw` and `association` are the
  // side listed first, these the other side (unknown when it is not in the inputs).
  Index peer_tgw = kUnknownIndex;
  Index peer_association = kUnknownIndex;
};

struct TgwRoute {
  Origin origin;
  Maybe<Cidr> destination;
  Index prefix_list = kNone;
  Index attachment = kNone;
  bool blackhole = false;
  bool propagated = false;
};

struct TgwRouteTable {
  Origin origin;
  Index tgw = kNone;
  std::vector<TgwRoute> routes;          // static and propagated
  bool has_unknown_propagation = false;  // a propagation from an attachment not known statically
  bool static_routes_unknown = false;    // routes derived from propagations: static ones not known
};

struct Peering {
  Origin origin;
  Index requester_vpc = kNone;
  Index accepter_vpc = kNone;
};

struct VpnGateway {
  Origin origin;
  Index vpc = kNone;
};

enum class PeerKind : uint8_t { Cidr, SecurityGroup, PrefixList, Unknown };

struct SgRule {
  Origin origin;
  int protocol = kAllProtocols;
  PortRange ports;
  PeerKind peer = PeerKind::Unknown;
  Maybe<Cidr> cidr;
  Index group = kNone;
  Index prefix_list = kNone;
  std::string unknown_reason;  // for PeerKind::Unknown
};

struct SecurityGroup {
  Origin origin;
  Index vpc = kNone;
  std::vector<SgRule> ingress;
  std::vector<SgRule> egress;
  // Rules AWS adds by itself, materialised by finalize():
  bool default_egress = false;  // allow-all egress, kept while no inline egress rule is written
  bool vpc_default = false;     // the VPC's default group: all from itself, all egress
  bool rules_revoked = false;   // CDK's Custom::VpcRestrictDefaultSG removed the default rules
};

struct NetworkAclEntry {
  Origin origin;
  int rule_number = 0;
  bool egress = false;
  bool allow = false;
  int protocol = kAllProtocols;
  PortRange ports;
  Maybe<Cidr> cidr;
};

struct NetworkAcl {
  Origin origin;
  Index vpc = kNone;
  bool is_default = false;
  bool implicit_default_rules =
      false;  // templates: AWS's allow-all rules 100, not written anywhere
  std::vector<NetworkAclEntry> entries;  // sorted by rule number, ending with the implicit deny
};

struct PrefixList {
  Origin origin;
  Maybe<std::vector<Cidr>> entries;
  bool aws_service = false;  // AWS's own list of a service's public ranges (S3, DynamoDB ...)
};

// A subnet's zone as messages show it: "eu-west-1a", "euw1-az1", "AZ #0" (index 0 of
// Fn::GetAZs, distinct from the others but not known by name); empty when not set.
std::string zone_display(const Subnet& subnet);

// Private and shared address space (RFC 1918, RFC 6598, RFC 2544 benchmarking, which holds
// ONTAP's 198.19.0.0/16 endpoints): no AWS service prefix list holds any of it.
bool in_private_space(const Cidr& block);

struct Instance {
  Origin origin;
  Maybe<Index> subnet;
  std::vector<Maybe<Index>> groups;
  bool groups_given = false;        // false: the VPC's default security group
  Index network_interface = kNone;  // a primary interface given by id supplies subnet and groups
  std::optional<uint32_t> address;
};

struct NetworkInterface {
  Origin origin;
  Maybe<Index> subnet;
  std::vector<Maybe<Index>> groups;
  std::optional<uint32_t> address;
};

enum class FileSystemType : uint8_t { OpenZfs, Ontap, Windows, Lustre, Other };

struct FileSystem {
  Origin origin;
  FileSystemType type = FileSystemType::Other;
  Maybe<std::string> deployment_type;  // e.g. "MULTI_AZ_1"
  bool floating_endpoint = false;      // OpenZFS and ONTAP Multi-AZ: served on a floating IP
  Index vpc = kNone;
  std::vector<Maybe<Index>> subnets;
  Maybe<Index> preferred_subnet;
  Maybe<Cidr> endpoint_range;  // Absent: AWS picks one (see analysis/endpoint)
  Origin endpoint_range_origin;
  std::vector<uint32_t> endpoint_addresses;  // exports only: the floating IPs in use
  std::vector<Index> interfaces;             // exports: the file servers' network interfaces
  bool explicit_endpoint_routes = false;     // exports: the /32 -> interface routes are written out
  std::vector<Maybe<Index>> route_tables;
  bool route_tables_given = false;  // false: AWS uses the VPC's main route table
  Origin route_tables_origin;
  std::vector<Maybe<Index>> security_groups;
  bool security_groups_given = false;  // false: the VPC's default security group
};

struct NatGateway {
  Origin origin;
  Maybe<Index> subnet;
  bool private_connectivity = false;  // ConnectivityType private: it forwards within AWS
  std::optional<uint32_t> address;    // its private address, the source of what it forwards
};

enum class EndpointType : uint8_t { Gateway, Interface, GatewayLoadBalancer, Other };

struct VpcEndpoint {
  Origin origin;
  Index vpc = kNone;
  EndpointType type = EndpointType::Gateway;
  std::string_view service;                // "com.amazonaws.us-east-1.s3"
  std::vector<Maybe<Index>> route_tables;  // gateway endpoints: the tables holding its route
};

struct StorageVirtualMachine {
  Origin origin;
  Index file_system = kNone;
};

// What the entity table says of a kind, for messages, ids and readers.
struct EntityInfo {
  Kind kind;
  std::string_view word;       // in messages: "transit gateway attachment"
  std::string_view id_prefix;  // of its physical ids: "tgw-attach-"
  std::string_view graph_key;  // readable, for Graphviz ids
  std::string_view graph_id;   // short, for Mermaid ids
  std::span<const std::string_view> cloudformation_types;  // the types that create one
};

const EntityInfo& entity_info(Kind kind);
std::span<const EntityInfo> entity_table();
// The kind a CloudFormation resource type creates, if it creates an entity.
std::optional<Kind> kind_of_cloudformation_type(std::string_view type);

struct Model {
  std::vector<std::string> stacks;
#define REACHLINT_ENTITY(kind, type, array, ...) std::vector<type> array;
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY

  TextArena text;

  const Origin& origin(EntityRef ref) const;
  size_t count(Kind kind) const;
  // A new entity of `kind` written at `origin`, at the end of its array.
  EntityRef add(Kind kind, const Origin& origin);
  // The entities a logical or physical id names (implicit ones have no id of their own).
  std::vector<EntityRef> find(std::string_view name) const;
  // find() for each of `names`, in one pass over the entities until find() has built its index:
  // building it for an organisation costs more than a pass for a few hundred names. Names asked
  // before (while the entities stay as they were) are answered without a pass: a run with
  // declared clients asks for their ids again when it names its findings' clients.
  std::vector<std::vector<EntityRef>> find_each(std::span<const std::string_view> names) const;

 private:
  void index_names() const;
  size_t entity_count() const;
  // One pass over the entities for `names`: each name's entities, in model order.
  std::vector<std::vector<EntityRef>> scan_for(std::span<const std::string_view> names) const;

  // Entities with the same name, chained from the first one the flat map holds.
  struct NameLink {
    EntityRef ref;
    uint32_t next;  // index in name_links_, or FlatIdMap::kMissing
  };
  // Built on the first find(), extended by the entities added since: most runs never ask.
  mutable FlatIdMap name_heads_;
  mutable std::vector<NameLink> name_links_;
  mutable std::array<size_t, kKindCount> names_indexed_{};
  // What find_each() answered, by name (kept in answered_names_), for answered_for_ entities.
  mutable TextArena answered_names_;
  mutable FlatIdMap answered_;  // name -> its answer in answers_
  mutable std::vector<std::vector<EntityRef>> answers_;
  mutable size_t answered_for_ = 0;
};

// Calls `visit(cidr)` for each destination block of a VPC route: its CIDR, or the known entries of
// the prefix list it names (none when they are not known).
template <typename Visit>
void for_each_destination(const Model& model, const Route& route, Visit visit) {
  if (route.destination.known()) return visit(*route.destination);
  if (!is_known_index(route.prefix_list)) return;
  const Maybe<std::vector<Cidr>>& entries = model.prefix_lists[route.prefix_list].entries;
  if (!entries.known()) return;
  for (const Cidr& entry : *entries) visit(entry);
}

}  // namespace reachlint::model
