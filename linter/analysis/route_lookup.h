// Longest-prefix match in VPC and transit gateway route tables, for a destination that may be a
// set of possible addresses. A result that would depend on which address, or on a value known
// only at deploy time, is Unknown rather than a guess.
#pragma once

#include <cstddef>
#include <string>

#include "linter/analysis/address_set.h"
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

RouteChoice lookup(const model::Model& model, const model::RouteTable& table,
                   const AddressSet& destination);
RouteChoice lookup(const model::Model& model, const model::TgwRouteTable& table,
                   const AddressSet& destination);

}  // namespace reachlint::analysis
