// The parts of a run that a snapshot test pins down (the fixtures, the real corpus): exit status,
// findings, notices and error lines, in a stable, reviewable JSON shape.
#pragma once

#include <filesystem>
#include <string>

#include "support.h"

namespace reachlint::test {

// `result` is a run with `--format json`.
std::string report_snapshot(const CliResult& result);

// Compares `actual` with the file at `expected_path`, or writes it there (and its folder) under
// REACHLINT_UPDATE_EXPECTED=1, for review in the diff. `name` names the case in a failure.
void check_snapshot(const std::string& name, const std::string& actual,
                    const std::filesystem::path& expected_path);

}  // namespace reachlint::test
