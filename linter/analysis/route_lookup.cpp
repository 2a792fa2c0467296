#include "linter/analysis/route_lookup.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace reachlint::analysis {

namespace {

// Tables with more routes than this get a PrefixIndex; smaller ones are scanned.
constexpr size_t kIndexThreshold = 32;

// Calls prefix(p) for each destination a route stands for (its CIDR or its prefix list's entries),
// or returns false when they are not known.
template <typename Route, typename Prefix>
bool each_destination(const model::Model& model, const Route& route, Prefix prefix) {
  if (route.prefix_list != model::kNone) {
    if (!model::is_known_index(route.prefix_list)) return false;
    const auto& entries = model.prefix_lists[route.prefix_list].entries;
    if (!entries.known()) return false;
    for (const Cidr& entry : *entries) prefix(entry);
    return true;
  }
  if (route.destination.known()) {
    prefix(*route.destination);
    return true;
  }
  return !route.destination.is_unknown();
}

// An AWS service prefix list holds public ranges only: it cannot match a private block even when
// its entries were not exported. A gateway endpoint's route (S3, DynamoDB) always has one, so it
// is known for one without the list's description (AWS-FACTS §5.1).
bool aws_service_list(const model::Model& model, const model::Route& route) {
  return route.target.kind == model::TargetKind::GatewayEndpoint ||
         (model::is_known_index(route.prefix_list) &&
          model.prefix_lists[route.prefix_list].aws_service);
}
bool aws_service_list(const model::Model& model, const model::TgwRoute& route) {
  return model::is_known_index(route.prefix_list) &&
         model.prefix_lists[route.prefix_list].aws_service;
}

template <typename Route>
bool cannot_match(const model::Model& model, const Route& route, const Cidr& block) {
  return route.prefix_list != model::kNone && aws_service_list(model, route) &&
         model::in_private_space(block);
}

template <typename Route>
std::string why_unknown(const Route& route) {
  if (route.destination.is_unknown()) return route.destination.why();
  return fmt::format("the prefix list of route {} is not known statically", route.origin.name);
}

bool same_target(const model::Route& a, const model::Route& b) {
  return a.target.kind == b.target.kind && a.target.index == b.target.index &&
         a.target.id == b.target.id && a.blackhole == b.blackhole;
}
bool same_target(const model::TgwRoute& a, const model::TgwRoute& b) {
  return a.attachment == b.attachment && a.blackhole == b.blackhole;
}

// A route learned at run time (VPN gateway propagation) never beats the VPC's local route.
bool cannot_override(const model::Route& unknown, const model::Route& best) {
  return unknown.propagated && best.target.kind == model::TargetKind::Local;
}
bool cannot_override(const model::TgwRoute&, const model::TgwRoute&) {
  return false;
}

template <typename Route>
class BlockLookup {
 public:
  BlockLookup(const model::Model& model, const std::vector<Route>& routes, const AddressSet& block,
              const PrefixIndex* index)
      : model_(model), routes_(routes), block_(block), index_(index) {}

  RouteChoice run() {
    if (index_) {
      index_->overlapping(block_.blocks.front(),
                          [&](uint32_t route, const Cidr& prefix) { consider(route, prefix); });
      for (const uint32_t route : index_->unknown_routes()) unknown_.push_back(route);
    } else {
      for (size_t i = 0; i < routes_.size(); ++i) {
        const bool known =
            each_destination(model_, routes_[i], [&](const Cidr& prefix) { consider(i, prefix); });
        if (!known) unknown_.push_back(i);
      }
    }
    return decide();
  }

 private:
  static constexpr size_t kNoBest = SIZE_MAX;

  void consider(size_t route, const Cidr& prefix) {
    const Coverage cover = coverage(prefix, block_);
    if (cover == Coverage::None) return;
    if (!routes_[route].origin.certain) uncertain_.push_back(route);
    if (cover == Coverage::Partial) {
      partial_.push_back({route, prefix.length()});
    } else if (prefix.length() > best_length_ ||
               (prefix.length() == best_length_ && beats_best(routes_[route]))) {
      best_ = route;
      best_length_ = prefix.length();
    }
  }

  RouteChoice decide() const {
    RouteChoice choice;
    if (best_ != kNoBest) {
      choice.status = RouteChoice::Status::Match;
      choice.route = best_;
    }
    for (const auto& [route, length] : partial_) {
      if (length > best_length_ && !same_as_best(route)) {
        return unknown(
            route, fmt::format("route {} covers only part of {}: the result depends on the address",
                               routes_[route].origin.name, block_.str()));
      }
    }
    for (const size_t route : unknown_) {
      if (cannot_match(model_, routes_[route], block_.blocks.front())) continue;
      if (!same_as_best(route) && !best_is_final() &&
          !(best_ != kNoBest && cannot_override(routes_[route], routes_[best_]))) {
        return unknown(route, why_unknown(routes_[route]));
      }
    }
    for (const size_t route : uncertain_) {
      if (!same_as_best(route) || route == best_) {
        return unknown(route,
                       fmt::format("route {} exists only under a condition decided at deploy time",
                                   routes_[route].origin.name));
      }
    }
    return choice;
  }

  // An unknown route can change nothing when the best match is a static /32 route to a written
  // destination: nothing is longer, and an equal prefix loses to a static route (a prefix list's
  // or a propagated one) or would be a duplicate destination, which AWS refuses. The floating
  // endpoint's /32 routes in an export decide so, whatever the table's prefix-list routes hold.
  bool best_is_final() const {
    if (best_ == kNoBest || best_length_ != 32) return false;
    const Route& best = routes_[best_];
    return !best.propagated && best.prefix_list == model::kNone && best.destination.known();
  }

  bool beats_best(const Route& route) const {
    return !route.propagated && routes_[best_].propagated;
  }
  bool same_as_best(size_t route) const {
    return best_ != kNoBest && same_target(routes_[route], routes_[best_]);
  }

  RouteChoice unknown(size_t route, std::string why) const {
    RouteChoice choice;
    choice.status = RouteChoice::Status::Unknown;
    choice.why = std::move(why);
    // Point at the unknown value itself when it has a place, else at the route.
    const auto& destination = routes_[route].destination;
    choice.where = destination.is_unknown() && destination.where().known()
                       ? destination.where()
                       : routes_[route].origin.location;
    return choice;
  }

  const model::Model& model_;
  const std::vector<Route>& routes_;
  const AddressSet& block_;
  const PrefixIndex* index_;
  size_t best_ = kNoBest;
  int best_length_ = -1;
  std::vector<std::pair<size_t, int>> partial_;
  std::vector<size_t> unknown_;
  std::vector<size_t> uncertain_;
};

template <typename Route>
RouteChoice lookup_routes(const model::Model& model, const std::vector<Route>& routes,
                          const AddressSet& destination, const PrefixIndex* index) {
  // Most destinations are one block (a subnet, the endpoint): looked up as they are.
  if (destination.blocks.size() == 1)
    return BlockLookup<Route>(model, routes, destination, index).run();
  RouteChoice result;
  for (size_t b = 0; b < destination.blocks.size(); ++b) {
    const AddressSet block{{destination.blocks[b]}, destination.holes};
    RouteChoice choice = BlockLookup<Route>(model, routes, block, index).run();
    if (choice.status == RouteChoice::Status::Unknown) return choice;
    if (b == 0) {
      result = choice;
      continue;
    }
    const bool agree =
        choice.status == result.status &&
        (!choice.matched() || same_target(routes[choice.route], routes[result.route]));
    if (!agree) {
      RouteChoice unknown;
      unknown.status = RouteChoice::Status::Unknown;
      unknown.why =
          fmt::format("{} and {} are routed differently: the result depends on the address",
                      destination.blocks[0].str(), destination.blocks[b].str());
      return unknown;
    }
  }
  return result;
}

}  // namespace

template <typename Route>
PrefixIndex PrefixIndex::build(const model::Model& model, const std::vector<Route>& routes) {
  PrefixIndex index;
  for (uint32_t i = 0; i < routes.size(); ++i) {
    const bool known = each_destination(
        model, routes[i], [&](const Cidr& prefix) { index.prefixes_.add(prefix, i); });
    if (!known) index.unknown_.push_back(i);
  }
  // A stable sort: equal prefixes stay in table order, as a scan meets them (the first of equals
  // wins ties).
  index.prefixes_.sort();
  return index;
}

RouteIndexes::RouteIndexes(const model::Model& model) {
  vpc_.resize(model.route_tables.size());
  for (size_t t = 0; t < model.route_tables.size(); ++t) {
    const auto& routes = model.route_tables[t].routes;
    if (routes.size() > kIndexThreshold)
      vpc_[t] = std::make_unique<PrefixIndex>(PrefixIndex::build(model, routes));
  }
  tgw_.resize(model.tgw_route_tables.size());
  for (size_t t = 0; t < model.tgw_route_tables.size(); ++t) {
    const auto& routes = model.tgw_route_tables[t].routes;
    if (routes.size() > kIndexThreshold)
      tgw_[t] = std::make_unique<PrefixIndex>(PrefixIndex::build(model, routes));
  }
}

RouteIndexes::~RouteIndexes() = default;

const PrefixIndex* RouteIndexes::vpc(model::Index table) const {
  return vpc_[table].get();
}
const PrefixIndex* RouteIndexes::tgw(model::Index table) const {
  return tgw_[table].get();
}

RouteChoice lookup(const model::Model& model, const model::RouteTable& table,
                   const AddressSet& destination, const PrefixIndex* index) {
  return lookup_routes(model, table.routes, destination, index);
}

RouteChoice lookup(const model::Model& model, const model::TgwRouteTable& table,
                   const AddressSet& destination, const PrefixIndex* index) {
  if (table.has_unknown_propagation) {
    RouteChoice unknown;
    unknown.status = RouteChoice::Status::Unknown;
    unknown.why =
        fmt::format("{} receives routes that are not known statically", table.origin.name);
    unknown.where = table.origin.location;
    return unknown;
  }
  RouteChoice choice = lookup_routes(model, table.routes, destination, index);
  if (table.static_routes_unknown && choice.status == RouteChoice::Status::NoRoute) {
    // A static route, not in the inputs, may cover what no derived route does.
    choice.status = RouteChoice::Status::Unknown;
    choice.why =
        fmt::format("{} has no derived route to {}, and its static routes are not among the inputs",
                    table.origin.name, destination.str());
    choice.where = table.origin.location;
  }
  return choice;
}

}  // namespace reachlint::analysis
