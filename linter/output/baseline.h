// Baselines: a previous run's SARIF. Findings whose fingerprints it holds are "unchanged" and do
// not fail the run; the rest are "new"; its results no longer found are "absent".
#pragma once

#include <string>
#include <vector>

#include "linter/core/result.h"
#include "rules/finding.h"

namespace reachlint::output {

// A result of the baseline that the current run no longer reports.
struct AbsentResult {
  std::string rule;
  std::string level;
  std::string message;
  std::string fingerprint;
  std::string uri;  // as the baseline wrote it
  int64_t line = 0;
  int64_t column = 0;
};

struct Baseline {
  struct Entry {
    std::string fingerprint;
    AbsentResult result;
  };
  std::vector<Entry> entries;
};

// Reads a SARIF file written by reachlint (--write-baseline or -f sarif). An error names the
// path and says why in one line.
Result<Baseline> load_baseline(const std::string& path);

// Marks each finding new or unchanged, and returns the baseline's results not found again.
std::vector<AbsentResult> compare_with_baseline(std::vector<rules::Finding>& findings,
                                                const Baseline& baseline);

}  // namespace reachlint::output
