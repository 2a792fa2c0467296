#include "linter/core/progress.h"

#include <fmt/format.h>

namespace reachlint {

namespace {

constexpr std::chrono::milliseconds kRedrawEvery{250};
constexpr std::string_view kEraseLine = "\r\033[K";

}  // namespace

Progress::Progress(std::FILE* terminal, std::chrono::milliseconds first_after)
    : terminal_(terminal) {
  if (terminal_) drawer_ = std::thread([this, first_after] { draw_until_stopped(first_after); });
}

Progress::~Progress() {
  finish();
}

void Progress::finish() {
  if (!drawer_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_one();
  drawer_.join();
  if (drawn_) {
    fmt::print(terminal_, "{}", kEraseLine);
    std::fflush(terminal_);
  }
}

void Progress::phase(std::string_view name, size_t total) {
  std::lock_guard lock(mutex_);
  phase_ = name;
  total_.store(total, std::memory_order_relaxed);
  done_.store(0, std::memory_order_relaxed);
}

std::string Progress::line() const {
  std::lock_guard lock(mutex_);
  const size_t total = total_.load(std::memory_order_relaxed);
  if (total == 0) return fmt::format("reachlint: {}", phase_);
  return fmt::format("reachlint: {} {}/{}", phase_, done_.load(std::memory_order_relaxed), total);
}

// Waits out the first second (a short run draws nothing), then redraws the line until stopped.
void Progress::draw_until_stopped(std::chrono::milliseconds first_after) {
  std::unique_lock lock(mutex_);
  if (stop_signal_.wait_for(lock, first_after, [this] { return stopping_; })) return;
  while (true) {
    lock.unlock();
    const std::string text = line();
    fmt::print(terminal_, "{}{}", kEraseLine, text);
    std::fflush(terminal_);
    lock.lock();
    drawn_ = true;
    if (stop_signal_.wait_for(lock, kRedrawEvery, [this] { return stopping_; })) return;
  }
}

}  // namespace reachlint
