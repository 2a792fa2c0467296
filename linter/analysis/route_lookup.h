// Longest-prefix match in VPC and transit gateway route tables, for a destination that may be a
// set of possible addresses. A result that would depend on which address, or on a value known
// only at deploy time, is Unknown rather than a guess.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "linter/analysis/address_set.h"
#include "linter/analysis/cidr_index.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

struct RouteChoice {
  enum class Status { Match, NoRoute, Unknown };
  Status status = Status::NoRoute;
  size_t route = 0;  // index into the table's routes, when Match
  std::string why;   // when Unknown
  Location where;    // when Unknown: what made it so

  bool matched() const { return status == Status::Match; }
};

// A table's known prefixes sorted by address, so that the routes overlapping a block are found
// without scanning the table: the containing ones by one search per prefix length, the ones inside
// the block by one range.
class PrefixIndex {
 public:
  template <typename Route>
  static PrefixIndex build(const model::Model& model, const std::vector<Route>& routes);

  // Calls visit(route, prefix) for each known prefix that contains `block` or lies inside it.
  template <typename Visit>
  void overlapping(const Cidr& block, Visit visit) const {
    prefixes_.overlapping(block, [&](const Cidr& prefix, uint32_t route) { visit(route, prefix); });
  }
  // Routes whose destination is not known: they may match anything.
  const std::vector<uint32_t>& unknown_routes() const { return unknown_; }

 private:
  CidrIndex<uint32_t> prefixes_;  // prefix -> its route; equal prefixes in table order
  std::vector<uint32_t> unknown_;
};

// Indexes of the large tables of a model (small ones are scanned).
class RouteIndexes {
 public:
  explicit RouteIndexes(const model::Model& model);
  ~RouteIndexes();
  const PrefixIndex* vpc(model::Index table) const;
  const PrefixIndex* tgw(model::Index table) const;

 private:
  std::vector<std::unique_ptr<PrefixIndex>> vpc_;
  std::vector<std::unique_ptr<PrefixIndex>> tgw_;
};

RouteChoice lookup(const model::Model& model, const model::RouteTable& table,
                   const AddressSet& destination, const PrefixIndex* index = nullptr);
RouteChoice lookup(const model::Model& model, const model::TgwRouteTable& table,
                   const AddressSet& destination, const PrefixIndex* index = nullptr);

}  // namespace reachlint::analysis
