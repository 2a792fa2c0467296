// CIDRs with a payload, sorted so that the ones containing a block (one search per shorter
// prefix length) and the ones inside it (one range) are found without a scan.
#pragma once

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "linter/core/cidr.h"

namespace reachlint::analysis {

template <typename Payload>
class CidrIndex {
 public:
  void add(const Cidr& cidr, Payload payload) {
    entries_.push_back({cidr.address(), cidr.length(), payload});
    lengths_ |= uint64_t{1} << cidr.length();
    sorted_ = false;
  }

  void reserve(size_t count) { entries_.reserve(count); }
  // Adds `other`'s entries after this index's, as if added one by one.
  void append(CidrIndex&& other) {
    if (entries_.empty()) {
      entries_ = std::move(other.entries_);
    } else {
      entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
    }
    lengths_ |= other.lengths_;
    sorted_ = false;
  }

  // Must be called after the last add() and before the first query.
  // By address, then length; entries with the same prefix keep the order they were added in.
  // A radix sort for an organisation's hundreds of thousands of routes; below that a comparison
  // sort, since each radix pass zeroes a 256 KiB count table (page faults cost a template 0.3 ms).
  void sort() {
    sorted_ = true;
    constexpr size_t kRadixFrom = size_t{1} << 15;
    if (entries_.size() < kRadixFrom) {
      std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.address, a.length) < std::tie(b.address, b.length);
      });
      return;
    }
    std::vector<Entry> scratch(entries_.size());
    radix_pass(entries_, scratch, [](const Entry& e) { return e.length; });
    radix_pass(scratch, entries_, [](const Entry& e) { return e.address & 0xFFFFu; });
    radix_pass(entries_, scratch, [](const Entry& e) { return e.address >> 16; });
    entries_.swap(scratch);
  }

  // visit(cidr, payload) for each entry that contains `block` (equal included) and is at least
  // `min_length` long.
  template <typename Visit>
  void containing(const Cidr& block, Visit visit, uint8_t min_length = 0) const {
    for (uint8_t length = min_length; length <= block.length(); ++length) {
      if (((lengths_ >> length) & 1U) == 0) continue;
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

  // One stable counting-sort pass from `from` into `to` by a 16-bit digit.
  template <typename Digit>
  static void radix_pass(const std::vector<Entry>& from, std::vector<Entry>& to, Digit digit) {
    std::vector<uint32_t> start(size_t{1} << 16, 0);
    for (const Entry& e : from) ++start[digit(e)];
    uint32_t sum = 0;
    for (uint32_t& count : start) sum += std::exchange(count, sum);
    for (const Entry& e : from) to[start[digit(e)]++] = e;
  }

  typename std::vector<Entry>::const_iterator lower(uint32_t address, uint8_t length) const {
    return std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(address, length),
                            [](const Entry& e, std::pair<uint32_t, uint8_t> key) {
                              return std::tie(e.address, e.length) <
                                     std::tie(key.first, key.second);
                            });
  }

  std::vector<Entry> entries_;
  uint64_t lengths_ = 0;  // bit L: some entry is /L, so that searches skip the lengths none has
  bool sorted_ = true;
};

}  // namespace reachlint::analysis
