#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "linter/cli/pipeline.h"
#include "linter/cli/run.h"

namespace {

// The only place that reads the environment.
reachlint::cli::Environment read_environment() {
  reachlint::cli::Environment environment;
  environment.no_color = std::getenv("NO_COLOR") != nullptr;
  environment.timings = std::getenv("REACHLINT_TIMINGS") != nullptr;
  if (const char* today = std::getenv("REACHLINT_TODAY")) environment.today = today;
  return environment;
}

}  // namespace

int main(int argc, char** argv) {
  std::unique_ptr<reachlint::cli::Pipeline> kept;  // never destroyed: see Streams
  reachlint::cli::Streams streams;
  streams.out_is_terminal = isatty(STDOUT_FILENO) == 1;
  streams.err_is_terminal = isatty(STDERR_FILENO) == 1;
  streams.keep_until_exit = &kept;
  const int status = reachlint::cli::run_main(argc, argv, read_environment(), streams);
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(status);  // skips destroying what the run built, `kept` among it
}
