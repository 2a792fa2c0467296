// A location that is about a file or path as a whole (it cannot be opened, it is binary): printed
// as the path alone, with no line and column that would be invented.
#pragma once

#include <cstdint>

#include "linter/core/location.h"

namespace reachlint {

inline constexpr uint32_t kWholeFileOffset = UINT32_MAX;

inline Location whole_file(uint32_t file) {
  return {file, kWholeFileOffset};
}

inline bool is_whole_file(Location location) {
  return location.known() && location.offset == kWholeFileOffset;
}

}  // namespace reachlint
