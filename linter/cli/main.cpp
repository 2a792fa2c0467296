#include <unistd.h>

#include "linter/cli/run.h"

int main(int argc, char** argv) {
  reachlint::cli::Streams streams;
  streams.out_is_terminal = isatty(STDOUT_FILENO) == 1;
  return reachlint::cli::run_main(argc, argv, streams);
}
