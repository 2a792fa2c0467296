// `reachlint rules [CODE] [-f json]`: the catalogue, a family of it (rl1), or one rule's page,
// rendered for a terminal (paged when longer than it); `rules --write-docs DIR`.
#pragma once

#include "linter/cli/options.h"
#include "linter/cli/run.h"

namespace reachlint::cli {

int run_rules_command(const Options& options, const Streams& streams);

}  // namespace reachlint::cli
