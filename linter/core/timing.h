// Phase timings on standard error, for benchmarks and profiling: asked for with REACHLINT_TIMINGS,
// which main() reads and the run passes down as an option.
#pragma once

#include <chrono>
#include <string_view>

namespace reachlint {

class PhaseTimer {
 public:
  explicit PhaseTimer(bool enabled);
  // Prints the time since the previous mark (or construction) under `phase`.
  void mark(std::string_view phase);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace reachlint
