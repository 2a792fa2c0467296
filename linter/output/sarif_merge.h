// `reachlint merge-sarif`: the SARIF logs of the shards of one run (--shard K/N) as one log of one
// run, which GitHub code scanning takes as one analysis of one category. Artifacts and logical
// locations are merged by identity and the indexes that refer to them renumbered; results follow
// one another in the order of the inputs; the invocation succeeded when every shard's did.
#pragma once

#include <string>
#include <vector>

#include "linter/core/result.h"

namespace reachlint::output {

struct SarifLog {
  std::string path;  // for messages
  std::string text;
};

// Fails (with the path and why) on a log that is not JSON, not SARIF 2.1.0 with one run, or not
// from the same tool, version, rules and category as the first.
Result<std::string> merge_sarif(const std::vector<SarifLog>& logs);

}  // namespace reachlint::output
