#include "linter/core/timing.h"

#include <fmt/format.h>

namespace reachlint {

PhaseTimer::PhaseTimer(bool enabled) : enabled_(enabled), last_(std::chrono::steady_clock::now()) {}

void PhaseTimer::mark(std::string_view phase) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const std::chrono::duration<double, std::milli> elapsed = now - last_;
  fmt::print(stderr, "reachlint timing: {:<10} {:8.2f} ms\n", phase, elapsed.count());
  last_ = now;
}

}  // namespace reachlint
