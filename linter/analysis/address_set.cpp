#include "linter/analysis/address_set.h"

#include <algorithm>

#include <fmt/format.h>

namespace reachlint::analysis {

std::string AddressSet::str() const {
  std::string out;
  for (size_t i = 0; i < blocks.size(); ++i) out += (i ? ", " : "") + blocks[i].str();
  return out;
}

namespace {

bool inside_a_hole(const Cidr& prefix, const std::vector<Cidr>& holes) {
  return std::any_of(holes.begin(), holes.end(),
                     [&](const Cidr& hole) { return hole.contains(prefix); });
}

Coverage block_coverage(const Cidr& prefix, const Cidr& block, const std::vector<Cidr>& holes) {
  if (prefix.contains(block)) return Coverage::Full;
  if (!block.contains(prefix)) return Coverage::None;  // disjoint: prefixes nest or do not meet
  // The prefix is a strict part of the block: it decides nothing if the address cannot be there.
  return inside_a_hole(prefix, holes) ? Coverage::None : Coverage::Partial;
}

}  // namespace

Coverage coverage(const Cidr& prefix, const AddressSet& set) {
  bool any_full = false;
  bool any_none = false;
  for (const Cidr& block : set.blocks) {
    switch (block_coverage(prefix, block, set.holes)) {
      case Coverage::Partial:
        return Coverage::Partial;
      case Coverage::Full:
        any_full = true;
        break;
      case Coverage::None:
        any_none = true;
        break;
    }
  }
  if (any_full && any_none) return Coverage::Partial;
  return any_full ? Coverage::Full : Coverage::None;
}

bool inside_any(const AddressSet& set, const std::vector<Cidr>& containers) {
  return !set.blocks.empty() &&
         std::all_of(set.blocks.begin(), set.blocks.end(), [&](const Cidr& block) {
           return std::any_of(containers.begin(), containers.end(),
                              [&](const Cidr& c) { return c.contains(block); });
         });
}

}  // namespace reachlint::analysis
