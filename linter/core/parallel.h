// The one way reachlint spreads work over cores: `count` independent items, taken in turn by up
// to `workers` threads (the calling thread is one of them). Each worker owns a Sink: it writes
// what it has to say there (names, notices), which the caller joins afterwards, and keeps there
// what it reuses from item to item (a parser's buffers), so that no worker writes to shared state.
// What must come out in item order goes to a slot per item that the caller sized.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace reachlint {

// How many workers `count` items are worth when fewer than `per_worker` items do not pay for a
// thread: at least one, at most the machine's cores.
inline size_t workers_for(size_t count, size_t per_worker) {
  const size_t cores = std::max<size_t>(1, std::thread::hardware_concurrency());
  return std::clamp<size_t>(count / std::max<size_t>(1, per_worker), 1, cores);
}

// Calls work(item, sink) for every item in [0, count); returns the workers' sinks, the calling
// thread's first. With one worker everything runs on the calling thread.
template <typename Sink, typename Work>
std::vector<Sink> parallel_for(size_t count, size_t workers, const Work& work) {
  workers = std::max<size_t>(1, std::min(workers, std::max<size_t>(1, count)));
  std::vector<Sink> sinks(workers);
  std::atomic<size_t> next{0};
  const auto drain = [&](size_t worker) {
    for (size_t item = next++; item < count; item = next++) work(item, sinks[worker]);
  };
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers; ++w) threads.emplace_back(drain, w);
  drain(0);
  for (std::thread& thread : threads) thread.join();
  return sinks;
}

// The same for work that writes only to its own item's slot: work(item).
template <typename Work>
void parallel_for(size_t count, size_t workers, const Work& work) {
  struct NoSink {};
  parallel_for<NoSink>(count, workers, [&](size_t item, NoSink&) { work(item); });
}

}  // namespace reachlint
