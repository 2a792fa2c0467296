// The parts of a run that a snapshot test pins down (the fixtures, the real corpus): exit status,
// findings, notices and error lines, in a stable, reviewable JSON shape.
#pragma once

#include <string>

#include "support.h"

namespace reachlint::test {

// `result` is a run with `--format json`.
std::string report_snapshot(const CliResult& result);

}  // namespace reachlint::test
