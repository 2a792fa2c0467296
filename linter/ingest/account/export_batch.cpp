#include "linter/ingest/account/export_batch.h"

#include <algorithm>

#include "linter/core/parallel.h"
#include "linter/ingest/account/export_reader.h"

namespace reachlint {

namespace {

// Below this much text a second thread costs more than it saves.
constexpr size_t kBytesPerThread = size_t{8} << 20;
constexpr size_t kMaxThreads = 4;

// Where each run of jobs starts, so that `parts` runs hold about equal bytes.
std::vector<size_t> split_points(const std::vector<ExportJob>& jobs, size_t bytes, size_t parts) {
  std::vector<size_t> starts{0};
  size_t done = 0;
  for (size_t j = 0; j < jobs.size() && starts.size() < parts; ++j) {
    done += jobs[j].source->size();
    if (done * parts >= bytes * starts.size()) starts.push_back(j + 1);
  }
  return starts;
}

}  // namespace

void read_exports(const std::vector<ExportJob>& jobs, ExportRecords& records,
                  Diagnostics& diagnostics) {
  size_t bytes = 0;
  for (const ExportJob& job : jobs) bytes += job.source->size();
  const size_t threads = std::min(
      {workers_for(bytes, kBytesPerThread), kMaxThreads, std::max<size_t>(1, jobs.size())});
  const std::vector<size_t> starts = split_points(jobs, bytes, threads);
  // A slot per run, joined in run order.
  std::vector<ExportRecords> parts(starts.size());
  std::vector<Diagnostics> said(starts.size());
  parallel_for<ExportReader>(starts.size(), starts.size(), [&](size_t run, ExportReader& reader) {
    const size_t end = run + 1 < starts.size() ? starts[run + 1] : jobs.size();
    for (size_t j = starts[run]; j < end; ++j)
      reader.read(*jobs[j].source, jobs[j].file, jobs[j].context, parts[run], said[run]);
  });
  for (size_t run = 0; run < starts.size(); ++run) {
    records.append(std::move(parts[run]));
    diagnostics.append(std::move(said[run]));
  }
}

}  // namespace reachlint
