// CIDRs with a payload, sorted so that the ones containing a block (one search per shorter
// prefix length) and the ones inside it (one range) are found without a scan.
#pragma once

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <vector>

#include "linter/core/cidr.h"

namespace reachlint::analysis {

template <typename Payload>
class CidrIndex {
 public:
  void add(const Cidr& cidr, Payload payload) {
    entries_.push_back({cidr.address(), cidr.length(), payload});
    sorted_ = false;
  }

  // Must be called after the last add() and before the first query.
  void sort() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.address, a.length) < std::tie(b.address, b.length);
    });
    sorted_ = true;
  }

  // visit(cidr, payload) for each entry that contains `block` (equal included) and is at least
  // `min_length` long.
  template <typename Visit>
  void containing(const Cidr& block, Visit visit, uint8_t min_length = 0) const {
    for (uint8_t length = min_length; length <= block.length(); ++length) {
      const Cidr candidate(block.address(), length);
      auto it = lower(candidate.address(), length);
      for (; it != entries_.end() && it->address == candidate.address() && it->length == length;
           ++it) {
        visit(candidate, it->payload);
      }
    }
  }

  // visit(cidr, payload) for each entry strictly inside `block`.
  template <typename Visit>
  void inside(const Cidr& block, Visit visit) const {
    for (auto it = lower(block.first(), 0); it != entries_.end() && it->address <= block.last();
         ++it) {
      if (it->length > block.length()) visit(Cidr(it->address, it->length), it->payload);
    }
  }

  template <typename Visit>
  void overlapping(const Cidr& block, Visit visit) const {
    containing(block, visit);
    inside(block, visit);
  }

 private:
  struct Entry {
    uint32_t address;
    uint8_t length;
    Payload payload;
  };

  typename std::vector<Entry>::const_iterator lower(uint32_t address, uint8_t length) const {
    return std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(address, length),
                            [](const Entry& e, std::pair<uint32_t, uint8_t> key) {
                              return std::tie(e.address, e.length) <
                                     std::tie(key.first, key.second);
                            });
  }

  std::vector<Entry> entries_;
  bool sorted_ = true;
};

}  // namespace reachlint::analysis
