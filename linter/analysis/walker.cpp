// The walk as a whole, the hops it records, and what it asks of the network around them.
#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "linter/analysis/walker_internal.h"

namespace reachlint::analysis {

using model::EntityRef;
using model::Index;
using model::Kind;

Trace walk(const WalkContext& context, const ClientGroup& client, Words words) {
  return Walker(context, client, words).run();
}

Walker::Walker(const WalkContext& context, const ClientGroup& client, Words words)
    : context_(context),
      model_(context.model),
      fs_(context.model.file_systems[context.file_system]),
      endpoint_(context.endpoint),
      client_(client),
      words_(words == Words::All) {
  trace_.file_system = context.file_system;
  trace_.client = &client;
  // A walk across a transit gateway, both replies and the filters is about twenty hops: growing
  // the vector hop by hop would move every hop's strings several times.
  trace_.hops.reserve(24);
  order_.reserve(24);
}

Trace Walker::run() {
  const RoutePath path = walk_forward();
  const std::string forward_fixes = std::exchange(fixes_behind_, {});
  // The way back starts at the file system's subnets whatever happened on the way there: every
  // broken hop is reported (DESIGN §3). When nothing joins the two VPCs, the missing connection is
  // one finding, not one per direction. Which ACLs apply depends on the way in, so they wait for
  // it.
  const bool from_outside_over_tgw =
      client_.subnet == model::kNone && path.transport == Transport::TransitGateway;
  if (trace_.arrives || from_outside_over_tgw || vpcs_joined()) walk_returns();
  // The groups were always checked, whatever the route; the ACLs only once the request arrives,
  // which may be behind a fix.
  fixes_behind_.clear();
  check_security_groups(path);
  fixes_behind_ = forward_fixes;
  if (trace_.arrives) check_network_acls(path);
  if (words_) put_in_packet_order();
  return std::move(trace_);
}

std::vector<Index> Walker::reply_sides() const {
  return reply_subnets(endpoint_);
}

// The hops added from now on, on the way back, belong to the reply from reply_sides()[side].
void Walker::set_reply(size_t side) {
  reply_ = static_cast<uint8_t>(side + 1);
  standby_reply_ = endpoint_.floating && side > 0;
}

// The walk records hops as it works them out (routes first, then the filters that depend on the
// way found); readers want them as the packet meets them: the request, then each reply.
void Walker::put_in_packet_order() {
  std::vector<size_t> order(trace_.hops.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return order_[a] < order_[b]; });
  std::vector<Hop> sorted;
  sorted.reserve(trace_.hops.size());
  for (const size_t i : order) sorted.push_back(std::move(trace_.hops[i]));
  trace_.hops = std::move(sorted);
  order_.clear();
}

// ---- hops ----

namespace {

Place place_of(HopKind kind) {
  switch (kind) {
    case HopKind::Transport:
    case HopKind::TgwRoute:
      return Place::Crossing;
    case HopKind::EntryRouteTable:
      return Place::EntryTable;
    default:
      return Place::SenderTable;  // the route tables a request or a reply starts from
  }
}

}  // namespace

// A new hop; `place` says where the packet meets it on its leg (by default, from its kind).
Hop& Walker::add(Direction direction, HopKind kind, EntityRef resource,
                 std::optional<Place> place) {
  const unsigned leg = direction == Direction::Forward ? 0U : reply_;
  order_.push_back(
      static_cast<uint16_t>(leg << 8U | static_cast<unsigned>(place.value_or(place_of(kind)))));
  Hop& hop = trace_.hops.emplace_back();
  hop.reply = static_cast<uint8_t>(leg);
  hop.direction = direction;
  hop.kind = kind;
  hop.resource = resource;
  hop.after_fixing = fixes_behind_;
  return hop;
}

void Walker::fail(Hop& hop, Cause cause, std::string decision) {
  hop.verdict = Verdict::Fail;
  hop.cause = cause;
  hop.decision = std::move(decision);
}

void Walker::fail(Hop& hop, Cause cause, MarkedWords decision) {
  fail(hop, cause, std::move(decision.text));
  hop.client_words = std::move(decision.client);
}

void Walker::unknown(Hop& hop, Location where, std::string why) {
  hop.verdict = Verdict::Unknown;
  hop.unknown_at = where;
  hop.decision = std::move(why);
}

// The walk goes on past the broken `hop` as if `fix` were made: the hops after it say so.
void Walker::walk_on_as_fixed(Hop& hop, std::string fix) {
  if (!words_) return;
  if (!fixes_behind_.empty()) fixes_behind_ += "; ";
  fixes_behind_ += fix;
  hop.fixed_as = std::move(fix);
}

// A transit gateway with attachments of both the file system's VPC and `vpc`, the one of lowest
// index (deterministic); nullopt when none joins them.
std::optional<Index> Walker::tgw_joining(Index vpc) const {
  std::optional<Index> found;
  for (const Index a : context_.topology.vpc_attachments_of_vpc[endpoint_.vpc]) {
    const Index tgw = model_.tgw_attachments[a].tgw;
    if (model::is_known_index(tgw) && attachment_of(tgw, vpc) && (!found || tgw < *found))
      found = tgw;
  }
  return found;
}

// Whether the route table of `of_subnet` is known; when it is not, `hop` is Unknown and points
// at the subnet's association. `whose` names the subnet: "the subnet's", "the attachment
// subnet's".
bool Walker::table_known(Hop& hop, Index of_subnet, std::string_view whose) {
  if (model::is_known_index(subnet(of_subnet).route_table)) return true;
  hop.resource = {Kind::Subnet, of_subnet};
  unknown(hop, subnet(of_subnet).route_table_association.location,
          fmt::format("{} route table is not known statically", whose));
  return false;
}

RouteChoice Walker::look_up(Index table, const AddressSet& destination) const {
  const auto look_up = [&] {
    return lookup(model_, model_.route_tables[table], destination, context_.indexes.vpc(table));
  };
  if (context_.endpoint_lookups && &destination == &endpoint_.addresses)
    return context_.endpoint_lookups->get(false, table, look_up);
  return look_up();
}

// ---- the network around the hops ----

std::optional<Index> Walker::attachment_of(Index tgw, Index vpc) const {
  return context_.topology.vpc_attachment(tgw, vpc);
}

// The attachment's subnet in the zone of `of_subnet`; nullopt when it has none there, or when the
// zone is not known (which callers check first when it matters).
std::optional<Index> Walker::attachment_subnet_in_zone(Index attachment, Index of_subnet) const {
  const auto& zone = subnet(of_subnet).zone;
  if (!zone.known()) return std::nullopt;
  for (const auto& candidate : model_.tgw_attachments[attachment].subnets) {
    if (candidate.known() && subnet(*candidate).zone.known() && *subnet(*candidate).zone == *zone)
      return *candidate;
  }
  return std::nullopt;
}

bool Walker::peering_joins_fs_vpc(Index peering, Index vpc) const {
  if (!model::is_known_index(peering)) return false;
  const model::Peering& p = model_.peerings[peering];
  return (p.requester_vpc == vpc && p.accepter_vpc == endpoint_.vpc) ||
         (p.accepter_vpc == vpc && p.requester_vpc == endpoint_.vpc);
}

// Whether a peering connection or a transit gateway joins the client's VPC to the file system's.
// Looked up from the file system's side: its VPC is known, the client's may not be.
bool Walker::vpcs_joined() const {
  if (client_.subnet == model::kNone) return false;
  const Index vpc = subnet(client_.subnet).vpc;
  if (vpc == endpoint_.vpc) return true;
  for (const Index p : context_.topology.peerings_of_vpc[endpoint_.vpc]) {
    if (peering_joins_fs_vpc(p, vpc)) return true;
  }
  for (const Index a : context_.topology.vpc_attachments_of_vpc[endpoint_.vpc]) {
    if (attachment_of(model_.tgw_attachments[a].tgw, vpc)) return true;
  }
  return false;
}

}  // namespace reachlint::analysis
