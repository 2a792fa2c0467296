#include "linter/analysis/port_set.h"

#include <algorithm>

namespace reachlint::analysis {

void PortSet::add(model::PortRange range) {
  ranges_.push_back(range);
  std::sort(ranges_.begin(), ranges_.end(),
            [](const auto& a, const auto& b) { return a.from < b.from; });
  std::vector<model::PortRange> merged;
  for (const model::PortRange& r : ranges_) {
    if (!merged.empty() && r.from <= static_cast<uint32_t>(merged.back().to) + 1) {
      merged.back().to = std::max(merged.back().to, r.to);
    } else {
      merged.push_back(r);
    }
  }
  ranges_ = std::move(merged);
}

PortSet PortSet::intersect(model::PortRange range) const {
  PortSet out;
  for (const model::PortRange& r : ranges_) {
    const uint16_t from = std::max(r.from, range.from);
    const uint16_t to = std::min(r.to, range.to);
    if (from <= to) out.ranges_.push_back({from, to});
  }
  return out;
}

PortSet PortSet::minus(const PortSet& other) const {
  PortSet out;
  for (model::PortRange r : ranges_) {
    bool consumed = false;
    for (const model::PortRange& cut : other.ranges_) {
      if (cut.to < r.from || cut.from > r.to) continue;
      if (cut.from > r.from) out.ranges_.push_back({r.from, static_cast<uint16_t>(cut.from - 1)});
      if (cut.to >= r.to) {
        consumed = true;
        break;
      }
      r.from = static_cast<uint16_t>(cut.to + 1);
    }
    if (!consumed) out.ranges_.push_back(r);
  }
  return out;
}

}  // namespace reachlint::analysis
