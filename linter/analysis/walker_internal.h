// The walker's state and its parts: the way there (walker_forward.cpp), the way back
// (walker_return.cpp), crossings of a transit gateway in either direction (walker_tgw.cpp), the
// filters on both (walker_filters.cpp), and the words of its messages (walker_wording.cpp).
// Not for use outside analysis/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/analysis/filters.h"
#include "linter/analysis/route_lookup.h"
#include "linter/analysis/walker.h"

namespace reachlint::analysis {

enum class Transport : uint8_t { Unknown, SameVpc, Peering, TransitGateway };

// A decision in words, with the words that name the client's side marked (Hop::client_words).
struct MarkedWords {
  std::string text;
  std::vector<ClientWords> client;

  MarkedWords& operator<<(std::string_view words) {
    text += words;
    return *this;
  }
  // `one` begins `words` ("subnet " of "subnet s-1"); `many` begins a list of them ("subnets ").
  MarkedWords& client_side(std::string_view words, std::string_view one = {},
                           std::string_view many = {}) {
    client.push_back({text.size(), words.size(), one, many});
    text += words;
    return *this;
  }
};

// What the routing half learns about the way between the client and the file system, and the
// filtering half needs: which group references work and which ACLs apply depend on it.
struct RoutePath {
  Transport transport = Transport::Unknown;
  model::Index tgw = model::kNone;  // TransitGateway: the gateway the client's route leads to
  // Once the request arrives across the transit gateway:
  model::Index client_attachment = model::kNone;  // the client VPC's attachment
  model::Index fs_attachment = model::kNone;      // the attachment it leaves the gateway by
  std::vector<model::Index> entry_subnets = {};   // that attachment's subnets it may enter by
  bool references_usable = true;  // the gateway and both attachments support group references
};

// One crossing of a transit gateway: a request from the client's VPC toward the endpoint, or a
// reply from a file-system subnet toward the client. What tells the two apart is data here, and
// the words of their messages (walker_wording.cpp).
struct TgwLeg {
  Direction direction = Direction::Forward;
  bool standby = false;  // a reply from the standby subnet: a zone missing there matters after a
                         // failover only
  model::Index from_subnet = model::kNone;  // the packet enters the gateway in this subnet's zone
  model::Index from_vpc = model::kNone;     // through this VPC's attachment
  const AddressSet& destination;
  // The VPC the gateway's route must lead to (only VPC attachments carry one); nullopt: a network
  // outside every modelled VPC, reached by any attachment that is not a VPC's.
  std::optional<model::Index> to_vpc;
  // Requests: the client's route to the gateway, which the hop blames until an attachment is found.
  const model::Origin* route = nullptr;
  Cause unrouted = Cause::NoRoute;       // the gateway's table has no route for the destination
  Cause misrouted = Cause::WrongTarget;  // its route leads elsewhere
};

// One transit gateway's view of the attachment a packet came by: the table it is associated
// with there. A peering attachment has one on each of its two gateways.
struct TgwSide {
  model::Index tgw = model::kNone;
  model::Index attachment = model::kNone;
  model::Index association = model::kNone;
  const model::Origin* association_origin = nullptr;  // where the association was written
};

// Peering attachments crossed at most by one walk: enough for chains of regions, and an end to
// routing loops between gateways.
inline constexpr int kMaxPeerings = 4;

// Where a hop sits on its leg (the request, or one reply), in the order the packet meets it: the
// trace is put in this order once the walk is done (Walker::put_in_packet_order).
enum class Place : uint8_t {
  SenderTable,     // the sending subnet's route table
  SenderAclOut,    // the sending subnet's network ACL, outbound
  SenderGroups,    // the client's security groups, egress
  GatewayAclIn,    // the attachment subnet the packet enters the transit gateway by, inbound
  Crossing,        // transit gateway attachments and route tables, peering attachments
  EntryTable,      // the route table of the attachment subnet the request enters the VPC by
  ReceiverAcls,    // out of the gateway's attachment subnet, into the receiving subnet
  ReceiverGroups,  // the file system's security groups
};

// Where a crossing enters and leaves the transit gateway.
struct TgwCrossing {
  model::Index entry = model::kNone;  // the sending VPC's attachment
  model::Index exit = model::kNone;   // the attachment the gateway's route leads to
};

class Walker {
 public:
  Walker(const WalkContext& context, const ClientGroup& client, Words words);
  Trace run();

 private:
  // The way there (walker_forward.cpp).
  RoutePath walk_forward();
  void forward_in_vpc();
  RoutePath forward_across_vpcs();
  const model::Route* route_out_of_client_vpc(Hop& hop, model::Index table);
  RoutePath leave_client_vpc(Hop& hop, const model::Route& route);
  bool beyond_static_model(Hop& hop, const model::Route& route);
  RoutePath forward_through_tgw(model::Index tgw, const model::Origin* route);
  RoutePath walk_on_after_client_route(Hop& hop);
  std::vector<model::Index> entry_subnets(model::Index attachment) const;
  void check_entry_table(model::Index subnet);
  bool in_route_table_ids(model::Index table, Hop& hop) const;
  bool listed_in_route_table_ids(model::Index table, Hop& hop) const;
  void check_failover(Hop& hop, model::Index table);
  bool rewritten_on_failover(model::Index table) const;
  void check_other_zone_entries(model::Index attachment, const std::vector<model::Index>& entered);
  void missing_endpoint_route(Hop& hop, model::Index table, const std::string& why);
  void not_transitive(Hop& hop, const model::Route& route);
  const model::Route* non_transitive_route_to_fs_vpc(model::Index table) const;
  RoutePath walk_external();
  std::optional<model::Index> attachment_from_outside(model::Index tgw) const;
  RoutePath forward_from_outside(model::Index tgw, model::Index entry);

  // The way back (walker_return.cpp).
  void walk_returns();
  void return_from(model::Index fs_subnet, bool standby);
  void reply_route(model::Index fs_subnet, bool standby);
  void follow_return_route(Hop& hop, const model::Route& route, model::Index fs_subnet,
                           bool standby, const std::string& side);
  void return_through_tgw(model::Index tgw, model::Index fs_subnet, bool standby);
  void walk_on_after_return_route(Hop& hop, model::Index fs_subnet, bool standby);

  // Across a transit gateway (walker_tgw.cpp).
  std::optional<TgwCrossing> cross_tgw(model::Index tgw, const TgwLeg& leg);
  std::optional<model::Index> enter_tgw(model::Index tgw, const TgwLeg& leg);
  std::optional<model::Index> route_in_tgw(model::Index attachment, const TgwLeg& leg);
  std::optional<model::Index> route_on_side(const TgwSide& side, const TgwLeg& leg,
                                            int peerings_left);
  std::optional<model::Index> cross_peering(model::Index attachment, model::Index from_tgw,
                                            const TgwLeg& leg, int peerings_left);
  std::optional<model::Index> walk_on_after_tgw_route(Hop& hop, model::Index tgw,
                                                      const TgwLeg& leg);
  std::optional<model::Index> walk_on_to_peering(Hop& hop, model::Index tgw, const TgwLeg& leg);

  // Filters (walker_filters.cpp).
  void check_security_groups(const RoutePath& path);
  void check_groups(const std::vector<model::Maybe<model::Index>>& groups, bool egress,
                    const Peer& peer, const MarkedWords& subject);
  Peer client_peer(const RoutePath& path) const;
  Peer server_peer(const RoutePath& path) const;
  void check_network_acls(const RoutePath& path);
  void check_acl(model::Index subnet, bool egress, const AddressSet& remote,
                 const std::vector<PortNeed>& needs, Direction direction, Place place);
  void check_leg(model::Index from, model::Index to, Direction direction);
  void check_tgw_legs(const RoutePath& path);
  std::vector<PortNeed> reply_ports() const;

  // Hops and the network around them (walker.cpp).
  Hop& add(Direction direction, HopKind kind, model::EntityRef resource,
           std::optional<Place> place = std::nullopt);
  void put_in_packet_order();
  std::vector<model::Index> reply_sides() const;
  void set_reply(size_t side);
  void fail(Hop& hop, Cause cause, std::string decision);
  void fail(Hop& hop, Cause cause, MarkedWords decision);
  void unknown(Hop& hop, Location where, std::string why);
  void walk_on_as_fixed(Hop& hop, std::string fix);
  std::optional<model::Index> tgw_joining(model::Index vpc) const;
  bool table_known(Hop& hop, model::Index of_subnet, std::string_view whose);
  RouteChoice look_up(model::Index table, const AddressSet& destination) const;
  std::optional<model::Index> attachment_of(model::Index tgw, model::Index vpc) const;
  std::optional<model::Index> attachment_subnet_in_zone(model::Index attachment,
                                                        model::Index subnet) const;
  bool peering_joins_fs_vpc(model::Index peering, model::Index vpc) const;
  bool vpcs_joined() const;
  const model::Subnet& subnet(model::Index index) const { return model_.subnets[index]; }

  // The words `make` returns, made only when the walk keeps words.
  template <typename Make>
  std::string say(Make make) const {
    return words_ ? std::string(make()) : std::string();
  }
  template <typename Make>
  MarkedWords say_marked(Make make) const {
    return words_ ? make() : MarkedWords{};
  }

  // Words (walker_wording.cpp).
  std::string name(model::EntityRef ref) const;
  std::string route_words(const model::Route& route) const;
  std::string tgw_route_words(const model::TgwRoute& route) const;
  std::string no_attachment_words(const TgwLeg& leg, model::Index tgw) const;
  std::string zone_missing_words(const TgwLeg& leg, const model::TgwAttachment& attachment) const;
  std::string no_tgw_route_words(const TgwLeg& leg, const model::TgwRouteTable& table) const;
  static std::string_view zone_unknown_words(const TgwLeg& leg);
  static std::string_view misrouted_words(const TgwLeg& leg);
  static std::string zone_words(const model::Subnet& subnet);

  const WalkContext& context_;
  const model::Model& model_;
  const model::FileSystem& fs_;
  const Endpoint& endpoint_;
  const ClientGroup& client_;
  bool words_;  // Words::All
  Trace trace_;
  std::string fixes_behind_;  // the fixes the hops added now are found behind ("; "-separated)
  // The reply the hops added now belong to: 1 + its side's place in reply_sides(); and whether that
  // side is the standby subnet of a floating endpoint.
  uint8_t reply_ = 1;
  bool standby_reply_ = false;
  std::vector<uint16_t> order_;  // per hop: its leg (0 the request, else reply_) and Place
};

}  // namespace reachlint::analysis
