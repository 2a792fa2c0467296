#include "linter/ingest/account/export_batch.h"

#include <algorithm>
#include <thread>

#include "linter/ingest/account/export_reader.h"

namespace reachlint {

namespace {

// Below this much text a second thread costs more than it saves.
constexpr size_t kBytesPerThread = size_t{8} << 20;
constexpr size_t kMaxThreads = 4;

size_t thread_count(const std::vector<ExportJob>& jobs, size_t bytes) {
  const size_t cores = std::max<size_t>(1, std::thread::hardware_concurrency());
  // At least one, also with no job: clamp's bounds must not cross.
  const size_t most = std::max<size_t>(1, std::min({cores, kMaxThreads, jobs.size()}));
  return std::clamp<size_t>(bytes / kBytesPerThread, 1, most);
}

// Where each thread's run of jobs starts, so that the runs hold about equal bytes.
std::vector<size_t> split_points(const std::vector<ExportJob>& jobs, size_t bytes, size_t parts) {
  std::vector<size_t> starts{0};
  size_t done = 0;
  for (size_t j = 0; j < jobs.size() && starts.size() < parts; ++j) {
    done += jobs[j].source->size();
    if (done * parts >= bytes * starts.size()) starts.push_back(j + 1);
  }
  return starts;
}

void read_run(const std::vector<ExportJob>& jobs, size_t begin, size_t end, ExportRecords& records,
              Diagnostics& diagnostics) {
  for (size_t j = begin; j < end; ++j)
    read_export(*jobs[j].source, jobs[j].file, jobs[j].context, records, diagnostics);
}

}  // namespace

void read_exports(const std::vector<ExportJob>& jobs, ExportRecords& records,
                  Diagnostics& diagnostics) {
  size_t bytes = 0;
  for (const ExportJob& job : jobs) bytes += job.source->size();
  const size_t threads = thread_count(jobs, bytes);
  if (threads <= 1) return read_run(jobs, 0, jobs.size(), records, diagnostics);
  const std::vector<size_t> starts = split_points(jobs, bytes, threads);
  const size_t runs = starts.size();
  std::vector<ExportRecords> parts(runs);
  std::vector<Diagnostics> said(runs);
  std::vector<std::thread> workers;
  for (size_t r = 1; r < runs; ++r) {
    const size_t end = r + 1 < runs ? starts[r + 1] : jobs.size();
    workers.emplace_back(read_run, std::cref(jobs), starts[r], end, std::ref(parts[r]),
                         std::ref(said[r]));
  }
  read_run(jobs, 0, runs > 1 ? starts[1] : jobs.size(), parts[0], said[0]);
  for (std::thread& worker : workers) worker.join();
  for (size_t r = 0; r < runs; ++r) {
    records.append(std::move(parts[r]));
    diagnostics.append(std::move(said[r]));
  }
}

}  // namespace reachlint
