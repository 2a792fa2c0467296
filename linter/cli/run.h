// The commands: check (lint), explain (one trace), graph (the topology), rules (the catalogue).
#pragma once

#include <cstdio>
#include <memory>

#include "linter/cli/options.h"

namespace reachlint::cli {

struct Pipeline;

struct Streams {
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool out_is_terminal = false;
  bool err_is_terminal = false;  // a progress line is drawn there for long runs
  // Set by a caller that ends the process right after the run (main()): the run's pipeline is
  // handed over here instead of being destroyed, for the operating system to reclaim, which is
  // faster than destroying the model piece by piece (tens of milliseconds on an organisation).
  std::unique_ptr<Pipeline>* keep_until_exit = nullptr;
  std::FILE* in = stdin;  // read when `-` is among the paths
  size_t out_rows = 0;    // the height of the terminal on standard output; 0: unknown
};

// Runs a parsed command line and returns the exit status (0, 1 or 2).
int run(const Options& options, const Streams& streams);

// The whole program, for main() and for tests: parses argv and runs it with `environment`.
int run_main(int argc, const char* const* argv, const Environment& environment,
             const Streams& streams);

}  // namespace reachlint::cli
