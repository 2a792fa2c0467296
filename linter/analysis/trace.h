// A trace: the hops of one packet walk from a client to a file system's endpoint and back,
// each with the resource that decided it and why. Rules read traces; they do not walk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/analysis/clients.h"
#include "linter/analysis/endpoint.h"
#include "linter/analysis/protocols.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

enum class Verdict : uint8_t { Pass, Fail, Unknown };
enum class Direction : uint8_t { Forward, Return };

enum class HopKind : uint8_t {
  ClientRoute,      // the client subnet's route table, toward the endpoint
  Transport,        // what carries the packet between VPCs (TGW attachment zones, peering)
  TgwRoute,         // a transit gateway route table
  EntryRouteTable,  // the route table of the subnet where the packet enters the file system's VPC
  ReturnRoute,      // a file-system subnet's route table, toward the client
  SecurityGroup,
  NetworkAcl,
};

enum class Cause : uint8_t {
  None,
  NoRoute,  // no route, or no table to look in
  Blackhole,
  WrongTarget,            // the longest match leads elsewhere
  NoAttachment,           // routed to a transit gateway the VPC is not attached to
  NoAssociation,          // the attachment is associated with no TGW route table
  NotTransitive,          // peering or VPN toward a floating endpoint
  RangeNeedsStaticRoute,  // out-of-VPC endpoint range without a TGW static route
  NotInRouteTableIds,     // the floating-IP route is not written in this table
  AttachmentMissingZone,  // the attachment has no subnet in the zone the traffic leaves from
  PortsBlocked,           // a security group or network ACL denies some of the ports
};

struct PortProblem {
  PortNeed need;              // the protocol and the ports that are denied
  const model::Origin* rule;  // the deciding rule (a deny or the implicit deny); null if none
};

// The peering connection or VPN gateway a route goes through, where that is what breaks a path.
struct Via {
  model::TargetKind kind = model::TargetKind::Unknown;  // Peering or VpnGateway when set
  model::EntityRef entity;  // the connection or gateway; invalid when it is not modelled
  std::string_view id;      // as the route names it
};

// "peering connection pcx-1", "VPN gateway vgw-1"
std::string via_words(const Via& via);

// Words of a hop's decision that name the client's side of the path (its addresses, its subnet),
// which differ between clients that break at the same hop: a finding that speaks for several
// clients names each one's in their place. `one` is how the words begin ("subnet " of "subnet
// s-1"), `many` how a list of them begins ("subnets ").
struct ClientWords {
  size_t at = 0;  // in the decision
  size_t size = 0;
  std::string_view one;
  std::string_view many;
};

struct Hop {
  Direction direction = Direction::Forward;
  HopKind kind = HopKind::ClientRoute;
  model::EntityRef resource;                  // the table, attachment, group or ACL that decided
  const model::Origin* decided_by = nullptr;  // the route, rule or association inside it
  Verdict verdict = Verdict::Pass;
  Cause cause = Cause::None;
  std::string decision;   // what happened, in words
  Via via;                // NotTransitive: the peering connection or VPN gateway
  bool standby = false;   // on the way back from the standby subnet
  uint8_t reply = 0;      // 0: the request; n: the reply from reply_subnets(endpoint)[n - 1]
  bool essential = true;  // false: only NFSv3 side ports are affected
  bool egress = false;    // security groups and ACLs: the outbound side
  std::vector<PortProblem> blocked;       // PortsBlocked: what is denied
  std::vector<ClientWords> client_words;  // in `decision`, in order
  Location unknown_at;                    // Unknown: what made it so
  // Every broken hop is reported in one run: the walk goes on past a broken hop as if it were
  // fixed, when the fix is plain. `fixed_as` (on the broken hop) says what the walk assumes
  // instead; `after_fixing` (on the hops after it) names the fixes they were found behind.
  std::string fixed_as;
  std::string after_fixing;
};

// The file system's subnets the replies leave from, in the order they are walked: the preferred and
// the standby subnet of a floating endpoint, else each subnet that holds a file server.
std::vector<model::Index> reply_subnets(const Endpoint& endpoint);

struct Trace {
  model::Index file_system = model::kNone;
  const ClientGroup* client = nullptr;
  // In packet order: the request as it meets each hop, then each reply (Hop::reply) the same way.
  std::vector<Hop> hops;
  bool arrives = false;  // the request gets into the file system's VPC
};

// The request arrives and passes every hop, and the reply fails at one: the one thing clients known
// only from broad evidence are checked for (README "Who is a client").
bool asymmetric(const Trace& trace);

// Whether a hop of the trace could not be evaluated statically.
bool has_unknown_hop(const Trace& trace);

}  // namespace reachlint::analysis
