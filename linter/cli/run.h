// The commands: check (lint), explain (one trace), rules (the catalogue).
#pragma once

#include <cstdio>
#include <string>

#include "linter/cli/options.h"

namespace reachlint::cli {

struct Streams {
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool out_is_terminal = false;
};

// Runs a parsed command line and returns the exit status (0, 1 or 2).
int run(const Options& options, const Streams& streams);

// The whole program, for main() and for tests: parses argv and runs it.
int run_main(int argc, const char* const* argv, const Streams& streams);

}  // namespace reachlint::cli
