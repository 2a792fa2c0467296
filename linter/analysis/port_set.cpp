#include "linter/analysis/port_set.h"

#include <algorithm>

namespace reachlint::analysis {

void PortSet::push(model::PortRange range) {
  if (!spilled() && size_ < kInline) {
    inline_[size_++] = range;
    return;
  }
  if (!spilled()) spill_.assign(inline_.begin(), inline_.begin() + static_cast<ptrdiff_t>(size_));
  spill_.push_back(range);
  ++size_;
}

void PortSet::append_merged(model::PortRange range) {
  if (size_ > 0 && range.from <= static_cast<uint32_t>(data()[size_ - 1].to) + 1) {
    model::PortRange& last = data()[size_ - 1];
    last.to = std::max(last.to, range.to);
  } else {
    push(range);
  }
}

// The ranges are kept sorted by their start: the new one is merged in where it starts.
void PortSet::add(model::PortRange range) {
  PortSet merged;
  bool placed = false;
  for (const model::PortRange& r : ranges()) {
    if (!placed && range.from < r.from) {
      merged.append_merged(range);
      placed = true;
    }
    merged.append_merged(r);
  }
  if (!placed) merged.append_merged(range);
  *this = std::move(merged);
}

PortSet PortSet::intersect(model::PortRange range) const {
  PortSet out;
  for (const model::PortRange& r : ranges()) {
    const uint16_t from = std::max(r.from, range.from);
    const uint16_t to = std::min(r.to, range.to);
    if (from <= to) out.push({from, to});
  }
  return out;
}

PortSet PortSet::minus(const PortSet& other) const {
  PortSet out;
  for (model::PortRange r : ranges()) {
    bool consumed = false;
    for (const model::PortRange& cut : other.ranges()) {
      if (cut.to < r.from || cut.from > r.to) continue;
      if (cut.from > r.from) out.push({r.from, static_cast<uint16_t>(cut.from - 1)});
      if (cut.to >= r.to) {
        consumed = true;
        break;
      }
      r.from = static_cast<uint16_t>(cut.to + 1);
    }
    if (!consumed) out.push(r);
  }
  return out;
}

}  // namespace reachlint::analysis
