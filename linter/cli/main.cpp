#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "linter/cli/run.h"

int main(int argc, char** argv) {
  reachlint::cli::Streams streams;
  streams.out_is_terminal = isatty(STDOUT_FILENO) == 1;
  streams.exiting = true;
  const int status = reachlint::cli::run_main(argc, argv, streams);
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(status);  // skips destroying what the run built: see Streams::exiting
}
