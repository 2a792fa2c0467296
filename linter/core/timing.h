// Phase timings on standard error when REACHLINT_TIMINGS is set, for benchmarks and profiling.
#pragma once

#include <chrono>
#include <string_view>

namespace reachlint {

class PhaseTimer {
 public:
  PhaseTimer();
  // Prints the time since the previous mark (or construction) under `phase`.
  void mark(std::string_view phase);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace reachlint
