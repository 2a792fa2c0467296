// Sets of ports as sorted, disjoint ranges.
#pragma once

#include <vector>

#include "linter/model/model.h"

namespace reachlint::analysis {

class PortSet {
 public:
  PortSet() = default;
  explicit PortSet(model::PortRange range) : ranges_{range} {}

  void add(model::PortRange range);
  PortSet intersect(model::PortRange range) const;
  PortSet minus(const PortSet& other) const;
  bool empty() const { return ranges_.empty(); }
  const std::vector<model::PortRange>& ranges() const { return ranges_; }

 private:
  std::vector<model::PortRange> ranges_;
};

}  // namespace reachlint::analysis
