// The commands: check (lint), explain (one trace), graph (the topology), rules (the catalogue).
#pragma once

#include <cstdio>
#include <string>

#include "linter/cli/options.h"

namespace reachlint::cli {

struct Streams {
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool out_is_terminal = false;
  // The process ends right after the run: the model is left for the operating system to reclaim
  // rather than destroyed piece by piece (tens of milliseconds on an organisation's export).
  bool exiting = false;
};

// Runs a parsed command line and returns the exit status (0, 1 or 2).
int run(const Options& options, const Streams& streams);

// The whole program, for main() and for tests: parses argv and runs it.
int run_main(int argc, const char* const* argv, const Streams& streams);

}  // namespace reachlint::cli
