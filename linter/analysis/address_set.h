// Sets of IPv4 addresses whose exact member is not known: "an address AWS picks inside these
// blocks, outside these holes", or "any host of this subnet". A prefix decides such a set only
// when it covers all of it or none of it.
#pragma once

#include <string>
#include <vector>

#include "linter/core/cidr.h"

namespace reachlint::analysis {

struct AddressSet {
  std::vector<Cidr> blocks;
  std::vector<Cidr> holes;  // parts of the blocks the address cannot be in

  static AddressSet of(Cidr block) { return {{block}, {}}; }
  bool empty() const { return blocks.empty(); }
  std::string str() const;
};

enum class Coverage { None, Partial, Full };

// How much of `set` lies inside `prefix`.
Coverage coverage(const Cidr& prefix, const AddressSet& set);

// True when every block of `set` lies inside one of `containers`.
bool inside_any(const AddressSet& set, const std::vector<Cidr>& containers);

}  // namespace reachlint::analysis
