// --verbose: on standard error, before the report, what the run is about to judge: the
// configuration file and the settings in effect, then every input read (as what) or skipped (why).
#pragma once

#include <cstdio>

#include "linter/cli/options.h"
#include "linter/cli/pipeline.h"

namespace reachlint::cli {

void print_verbose(const Options& options, const Pipeline& pipeline, std::FILE* err);

}  // namespace reachlint::cli
