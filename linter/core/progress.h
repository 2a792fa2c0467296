// A progress line for long runs at a terminal (an organisation audit): the phase and its counts
// on standard error, drawn from one second into the run by a thread of its own, and erased when
// the run ends. Off (every call a no-op) when it has nowhere to draw: pipes, files, CI logs.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace reachlint {

class Progress {
 public:
  // `terminal`: where to draw (standard error when it is a terminal), null for off.
  explicit Progress(std::FILE* terminal,
                    std::chrono::milliseconds first_after = std::chrono::seconds(1));
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A new phase: "reading inputs", "walking client paths" (with `total`, the units to do).
  void phase(std::string_view name, size_t total = 0);
  // `done` more units of the phase are done. Safe from any thread.
  void advance(size_t done = 1) {
    if (terminal_) done_.fetch_add(done, std::memory_order_relaxed);
  }

  // Stops drawing and erases the line; before the report is written. The destructor calls it.
  void finish();

  // The line as it would be drawn now: "reachlint: walking client paths 1200/14872".
  std::string line() const;

 private:
  void draw_until_stopped(std::chrono::milliseconds first_after);

  std::FILE* terminal_;
  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::string phase_;
  std::atomic<size_t> total_{0};
  std::atomic<size_t> done_{0};
  std::thread drawer_;
};

}  // namespace reachlint
