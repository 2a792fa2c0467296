#include "linter/analysis/route_lookup.h"

#include <unordered_map>
#include <vector>

#include <fmt/format.h>

namespace reachlint::analysis {

using model::Maybe;

namespace {

// The destinations a route stands for: its CIDR, or the entries of its prefix list.
template <typename Route>
Maybe<std::vector<Cidr>> destinations(const model::Model& model, const Route& route) {
  if (route.prefix_list != model::kNone) {
    if (!model::is_known_index(route.prefix_list)) {
      return Maybe<std::vector<Cidr>>::unknown(route.origin.location,
                                               "the prefix list is not known statically");
    }
    return model.prefix_lists[route.prefix_list].entries;
  }
  if (route.destination.known()) return std::vector<Cidr>{*route.destination};
  if (route.destination.is_unknown()) {
    return Maybe<std::vector<Cidr>>::unknown(route.destination.where(), route.destination.why());
  }
  return std::vector<Cidr>{};
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

struct Candidate {
  size_t route;
  int length;
};

template <typename Route>
class BlockLookup {
 public:
  BlockLookup(const model::Model& model, const std::vector<Route>& routes, const AddressSet& block)
      : model_(model), routes_(routes), block_(block) {}

  RouteChoice run() {
    for (size_t i = 0; i < routes_.size(); ++i) consider(i);
    RouteChoice choice;
    if (best_ != kNoBest) {
      choice.status = RouteChoice::Status::Match;
      choice.route = best_;
    }
    for (const Candidate& partial : partial_) {
      if (partial.length > best_length_ && !same_as_best(partial.route)) {
        return unknown(
            partial.route,
            fmt::format("route {} covers only part of {}: the result depends on the address",
                        routes_[partial.route].origin.name, block_.str()));
      }
    }
    for (const size_t route : unknown_) {
      if (!same_as_best(route) &&
          !(best_ != kNoBest && cannot_override(routes_[route], routes_[best_]))) {
        return unknown(route, unknown_why_[route]);
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

 private:
  static constexpr size_t kNoBest = SIZE_MAX;

  void consider(size_t i) {
    const Route& route = routes_[i];
    const Maybe<std::vector<Cidr>> prefixes = destinations(model_, route);
    if (prefixes.is_unknown()) {
      unknown_.push_back(i);
      unknown_why_[i] = prefixes.why();
      return;
    }
    bool participates = false;
    for (const Cidr& prefix : *prefixes) {
      const Coverage cover = coverage(prefix, block_);
      if (cover == Coverage::None) continue;
      participates = true;
      if (cover == Coverage::Partial) {
        partial_.push_back({i, prefix.length()});
      } else if (prefix.length() > best_length_ ||
                 (prefix.length() == best_length_ && beats_best(route))) {
        best_ = i;
        best_length_ = prefix.length();
      }
    }
    if (participates && !route.origin.certain) uncertain_.push_back(i);
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
    choice.where = routes_[route].origin.location;
    return choice;
  }

  const model::Model& model_;
  const std::vector<Route>& routes_;
  const AddressSet& block_;
  size_t best_ = kNoBest;
  int best_length_ = -1;
  std::vector<Candidate> partial_;
  std::vector<size_t> unknown_;
  std::unordered_map<size_t, std::string> unknown_why_;
  std::vector<size_t> uncertain_;
};

template <typename Route>
RouteChoice lookup_routes(const model::Model& model, const std::vector<Route>& routes,
                          const AddressSet& destination) {
  RouteChoice result;
  for (size_t b = 0; b < destination.blocks.size(); ++b) {
    const AddressSet block{{destination.blocks[b]}, destination.holes};
    RouteChoice choice = BlockLookup<Route>(model, routes, block).run();
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

RouteChoice lookup(const model::Model& model, const model::RouteTable& table,
                   const AddressSet& destination) {
  return lookup_routes(model, table.routes, destination);
}

RouteChoice lookup(const model::Model& model, const model::TgwRouteTable& table,
                   const AddressSet& destination) {
  if (table.has_unknown_propagation) {
    RouteChoice unknown;
    unknown.status = RouteChoice::Status::Unknown;
    unknown.why = fmt::format("{} receives routes from an attachment that is not known statically",
                              table.origin.name);
    unknown.where = table.origin.location;
    return unknown;
  }
  return lookup_routes(model, table.routes, destination);
}

}  // namespace reachlint::analysis
