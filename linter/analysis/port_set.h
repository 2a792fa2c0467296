// Sets of ports as sorted, disjoint ranges.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "linter/model/model.h"

namespace reachlint::analysis {

// The filters build several sets per rule they read, for every client walked; most hold one or
// two ranges, so the first few live in the set itself rather than on the heap.
class PortSet {
 public:
  PortSet() = default;
  explicit PortSet(model::PortRange range) { push(range); }

  void add(model::PortRange range);
  PortSet intersect(model::PortRange range) const;
  PortSet minus(const PortSet& other) const;
  bool empty() const { return size_ == 0; }
  std::span<const model::PortRange> ranges() const { return {data(), size_}; }

 private:
  static constexpr size_t kInline = 4;

  void push(model::PortRange range);
  // A range ending where the last one does or just before, in ascending order: merged into it.
  void append_merged(model::PortRange range);
  const model::PortRange* data() const { return spilled() ? spill_.data() : inline_.data(); }
  model::PortRange* data() { return spilled() ? spill_.data() : inline_.data(); }
  bool spilled() const { return !spill_.empty(); }

  std::array<model::PortRange, kInline> inline_{};
  std::vector<model::PortRange> spill_;  // every range, once there are more than kInline
  size_t size_ = 0;
};

}  // namespace reachlint::analysis
