#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "linter/cli/pipeline.h"
#include "linter/cli/run.h"

namespace {

// The only place that reads the environment.
reachlint::cli::Environment read_environment() {
  reachlint::cli::Environment environment;
  const char* no_color = std::getenv("NO_COLOR");
  environment.no_color = no_color != nullptr && *no_color != '\0';  // no-color.org: set, not empty
  const char* term = std::getenv("TERM");
  environment.term_dumb = term != nullptr && std::string_view(term) == "dumb";
  if (const char* pager = std::getenv("PAGER")) environment.pager = pager;
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
  if (winsize size{}; streams.out_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0)
    streams.out_rows = size.ws_row;
  streams.keep_until_exit = &kept;
  const int status = reachlint::cli::run_main(argc, argv, read_environment(), streams);
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(status);  // skips destroying what the run built, `kept` among it
}
