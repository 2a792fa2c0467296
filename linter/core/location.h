// A position in one input file, as every stage records it.
#pragma once

#include <compare>
#include <cstdint>

namespace reachlint {

// A byte position in one input file. Line and column are derived only when printed (source.h).
struct Location {
  static constexpr uint32_t kNoFile = UINT32_MAX;
  uint32_t file = kNoFile;
  uint32_t offset = 0;

  bool known() const { return file != kNoFile; }
  friend bool operator==(const Location&, const Location&) = default;
  friend auto operator<=>(const Location&, const Location&) = default;
};

}  // namespace reachlint
