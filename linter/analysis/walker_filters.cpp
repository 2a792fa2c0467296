// The filtering half of the walker: security groups at both ends, and the network ACLs of every
// subnet the packet crosses, in both directions, as AWS applies them on each kind of leg.
#include <algorithm>

#include <fmt/format.h>

#include "linter/analysis/walker_internal.h"

namespace reachlint::analysis {

using model::Index;
using model::Kind;

namespace {

// "security group A" or "security groups A, B".
std::string group_names(const model::Model& model, const std::vector<model::Maybe<Index>>& groups) {
  std::string names;
  size_t count = 0;
  for (const auto& group : groups) {
    if (!group.known()) continue;
    if (!names.empty()) names += ", ";
    names += model.security_groups[*group].origin.name;
    ++count;
  }
  return fmt::format("security group{} {}", count == 1 ? "" : "s", names);
}

std::string_view verb(const std::vector<model::Maybe<Index>>& groups, std::string_view singular,
                      std::string_view plural) {
  return groups.size() == 1 ? singular : plural;
}

model::EntityRef first_group(const std::vector<model::Maybe<Index>>& groups) {
  for (const auto& group : groups) {
    if (group.known()) return {Kind::SecurityGroup, *group};
  }
  return {};
}

}  // namespace

std::vector<PortNeed> Walker::reply_ports() const {
  std::vector<PortNeed> replies;
  for (const PortNeed& need : context_.needs) {
    const bool seen = std::any_of(replies.begin(), replies.end(),
                                  [&](const PortNeed& r) { return r.protocol == need.protocol; });
    if (!seen) replies.push_back({need.protocol, kClientReplyPorts, need.protocol == model::kTcp});
  }
  return replies;
}

// The file system's groups toward the client, and the client's groups (when known) toward the
// file system.
void Walker::check_security_groups(const RoutePath& path) {
  check_groups(fs_.security_groups, false, client_peer(path), say_marked([&] {
                 MarkedWords words;
                 words << fmt::format("{} of {} {} ", group_names(model_, fs_.security_groups),
                                      fs_.origin.name,
                                      verb(fs_.security_groups, "does not admit", "do not admit"));
                 words.client_side(client_.addresses.str());
                 return words;
               }));
  if (!client_.groups_known || client_.groups.empty()) return;
  const std::vector<model::Maybe<Index>> groups(client_.groups.begin(), client_.groups.end());
  check_groups(groups, true, server_peer(path), say_marked([&] {
                 MarkedWords words;
                 words << fmt::format(
                     "{} of the client {} egress to {}", group_names(model_, groups),
                     verb(groups, "does not allow", "do not allow"), endpoint_.description);
                 return words;
               }));
}

// One SecurityGroup hop: `groups` on one side, toward `peer`; `subject` says what fails.
void Walker::check_groups(const std::vector<model::Maybe<Index>>& groups, bool egress,
                          const Peer& peer, const MarkedWords& subject) {
  const model::EntityRef resource = first_group(groups);
  if (!resource.valid()) return;
  Hop& hop = add(Direction::Forward, HopKind::SecurityGroup, resource,
                 egress ? Place::SenderGroups : Place::ReceiverGroups);
  hop.egress = egress;
  const FilterResult result = evaluate_groups(model_, groups, egress, peer, context_.needs);
  if (!result.denied.empty()) {
    hop.blocked = result.denied;
    hop.essential = std::any_of(result.denied.begin(), result.denied.end(),
                                [](const PortProblem& p) { return p.need.essential; });
    MarkedWords decision = subject;
    if (!result.note.empty()) decision << " (" << result.note << ")";
    fail(hop, Cause::PortsBlocked, std::move(decision));
  } else if (result.unknown) {
    unknown(hop, result.unknown_at, result.unknown_why);
  } else {
    hop.decision = say([&] {
      return fmt::format("{} {} {}", group_names(model_, groups), verb(groups, "passes", "pass"),
                         describe_ports(context_.needs));
    });
  }
}

// The client as the file system's groups see it: references to its groups work across a transit
// gateway only when the gateway and both attachments support them.
Peer Walker::client_peer(const RoutePath& path) const {
  Peer client;
  client.addresses = client_.addresses;
  client.groups = client_.groups;
  client.groups_known = client_.groups_known;
  client.references_usable = path.transport != Transport::TransitGateway || path.references_usable;
  if (!client.references_usable) {
    client.references_note = say([&] {
      return fmt::format(
          "group references across transit gateway {} need SecurityGroupReferencingSupport on "
          "the transit gateway and both attachments",
          model_.transit_gateways[path.tgw].origin.name);
    });
  }
  return client;
}

// The file system as the client's groups see it.
Peer Walker::server_peer(const RoutePath& path) const {
  Peer server;
  server.addresses = endpoint_.addresses;
  for (const auto& g : fs_.security_groups) {
    if (g.known()) server.groups.push_back(*g);
  }
  server.groups_known = true;
  if (path.transport == Transport::TransitGateway) {
    server.references_usable = false;
    server.references_note =
        say([] { return "across a transit gateway, group references work in inbound rules only"; });
  }
  return server;
}

// One NetworkAcl hop, at `place` on the request or on the reply set_reply() names.
void Walker::check_acl(Index of_subnet, bool egress, const AddressSet& remote,
                       const std::vector<PortNeed>& needs, Direction direction, Place place) {
  const Index acl = subnet(of_subnet).network_acl;
  if (!model::is_known_index(acl)) return;
  // The same ACL, side and direction decides the same way: once on the request, once on each
  // reply (each reply is read on its own: the standby subnet's after a failover).
  const uint8_t leg = direction == Direction::Forward ? 0 : reply_;
  for (const Hop& done : trace_.hops) {
    if (done.kind == HopKind::NetworkAcl && done.resource.index == acl && done.egress == egress &&
        done.direction == direction && done.reply == leg) {
      return;
    }
  }
  Hop& hop = add(direction, HopKind::NetworkAcl, {Kind::NetworkAcl, acl}, place);
  hop.egress = egress;
  hop.standby = standby_reply_;
  const FilterResult result = evaluate_acl(model_.network_acls[acl], egress, remote, needs);
  const std::string_view side = egress ? "outbound" : "inbound";
  if (!result.denied.empty()) {
    hop.blocked = result.denied;
    hop.decided_by = result.denied.front().rule;
    hop.essential = std::any_of(result.denied.begin(), result.denied.end(),
                                [](const PortProblem& p) { return p.need.essential; });
    fail(hop, Cause::PortsBlocked, say_marked([&] {
           MarkedWords words;
           words << fmt::format("network ACL {} of ", name(hop.resource));
           words.client_side(fmt::format("subnet {}", subnet(of_subnet).origin.name), "subnet ",
                             "subnets ");
           words << fmt::format(" denies {} {} {} ", side,
                                direction == Direction::Forward ? "requests" : "replies",
                                egress ? "to" : "from");
           words.client_side(remote.str());
           return words;
         }));
  } else if (result.unknown) {
    unknown(hop, result.unknown_at, result.unknown_why);
  } else {
    hop.decision = say([&] {
      return fmt::format("network ACL {} of subnet {} passes {} {}", name(hop.resource),
                         subnet(of_subnet).origin.name, side,
                         direction == Direction::Forward ? "requests" : "replies");
    });
  }
}

// A leg between two subnets of one VPC, or between two VPCs over peering: the source subnet's
// outbound rules and the destination subnet's inbound rules apply, unless they are the same subnet.
void Walker::check_leg(Index from, Index to, Direction direction) {
  if (from == to) return;
  const bool forward = direction == Direction::Forward;
  const AddressSet& destination = forward ? endpoint_.addresses : client_.addresses;
  const AddressSet& source = forward ? client_.addresses : endpoint_.addresses;
  const std::vector<PortNeed> ports = forward ? context_.needs : reply_ports();
  check_acl(from, true, destination, ports, direction, Place::SenderAclOut);
  check_acl(to, false, source, ports, direction, Place::ReceiverAcls);
}

void Walker::check_network_acls(const RoutePath& path) {
  if (client_.subnet == model::kNone) return;  // the client's own network is not modelled
  if (path.transport == Transport::TransitGateway) return check_tgw_legs(path);
  const std::vector<Index> sides = reply_sides();
  for (size_t i = 0; i < sides.size(); ++i) {
    set_reply(i);
    check_leg(client_.subnet, sides[i], Direction::Forward);
    check_leg(sides[i], client_.subnet, Direction::Return);
  }
}

// How AWS applies ACLs around a transit gateway attachment (Transit Gateways guide, "Network
// ACLs"): toward the gateway, the sender's subnet checks outbound and the attachment subnet inbound
// (the same subnet checks both when they are one); from the gateway, the attachment subnet checks
// outbound and the receiver's subnet inbound, and nothing is checked when they are one.
void Walker::check_tgw_legs(const RoutePath& path) {
  const std::vector<PortNeed> replies = reply_ports();
  const auto toward_tgw = [&](Index sender, Index attachment_subnet, const AddressSet& destination,
                              const AddressSet& source, const std::vector<PortNeed>& ports,
                              Direction direction) {
    check_acl(sender, true, destination, ports, direction, Place::SenderAclOut);
    check_acl(attachment_subnet, false, source, ports, direction, Place::GatewayAclIn);
  };
  const auto from_tgw = [&](Index attachment_subnet, Index receiver, const AddressSet& destination,
                            const AddressSet& source, const std::vector<PortNeed>& ports,
                            Direction direction) {
    if (attachment_subnet == receiver) return;
    check_acl(attachment_subnet, true, destination, ports, direction, Place::ReceiverAcls);
    check_acl(receiver, false, source, ports, direction, Place::ReceiverAcls);
  };
  set_reply(0);
  const auto client_side = attachment_subnet_in_zone(path.client_attachment, client_.subnet);
  if (client_side) {
    toward_tgw(client_.subnet, *client_side, endpoint_.addresses, client_.addresses, context_.needs,
               Direction::Forward);
  }
  const std::vector<Index> sides = reply_sides();
  for (size_t i = 0; i < sides.size(); ++i) {
    const Index side = sides[i];
    set_reply(i);
    for (const Index entry : path.entry_subnets) {
      from_tgw(entry, side, endpoint_.addresses, client_.addresses, context_.needs,
               Direction::Forward);
    }
    const auto fs_side = attachment_subnet_in_zone(path.fs_attachment, side);
    if (fs_side) {
      toward_tgw(side, *fs_side, client_.addresses, endpoint_.addresses, replies,
                 Direction::Return);
    }
    const auto arrival = attachment_subnet_in_zone(path.client_attachment, side);
    const Index client_entry = arrival ? *arrival : client_side.value_or(model::kNone);
    if (client_entry != model::kNone) {
      from_tgw(client_entry, client_.subnet, client_.addresses, endpoint_.addresses, replies,
               Direction::Return);
    }
  }
}

}  // namespace reachlint::analysis
