// The command line (DESIGN §5).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "linter/cli/terminal.h"
#include "linter/core/result.h"
#include "linter/core/spelling.h"  // closest(), for the did-you-mean hints of cli/

namespace reachlint::cli {

enum class Command { Check, Rules, Explain, Graph, MergeSarif, Help, Version };
enum class FailLevel { Error, Warning, Note, None };

// What main() reads from the environment, once: library code never reads it. Tests set it.
struct Environment {
  bool no_color = false;   // NO_COLOR is set and not empty: no colour unless --color always
  bool term_dumb = false;  // TERM=dumb: no colour, no progress line
  std::optional<std::string> pager;  // PAGER, for `reachlint rules CODE` (default: less -R)
  bool timings = false;  // REACHLINT_TIMINGS is set: each phase's time on standard error
  std::optional<std::string> today;  // REACHLINT_TODAY (YYYY-MM-DD), else the system clock's
};

struct Options {
  Command command = Command::Check;
  std::vector<std::string> paths;
  std::string format;  // -f: a report format, or graph's drawing; empty: the default
  std::string output;  // empty: standard output
  std::string config;  // explicit --config
  bool no_config = false;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::optional<FailLevel> fail_level;
  std::vector<std::string> clients;
  std::vector<std::string> parameters;  // --parameters: KEY=VALUE or FILE, either with @STACK
  std::string srcroot;
  ColorChoice color = ColorChoice::Auto;  // --color; --no-color is --color never
  bool quiet = false;
  bool verbose = false;  // --verbose: the configuration and every input read or skipped
  bool show_paths = false;
  bool all_notices = false;  // --notices
  std::string rule_code;     // `rules CODE`
  std::string write_docs;    // `rules --write-docs DIR`
  std::string from;          // `explain --from`
  std::string to;            // `explain --to`
  size_t max_input_size = size_t{256} << 20;
  bool skip_unrecognised = false;
  std::string baseline;        // --baseline: a previous SARIF
  std::string write_baseline;  // --write-baseline: write this run's SARIF there too
  std::string category;        // --category: SARIF automationDetails.id
  bool show_suppressed = false;
  uint32_t shard_index = 0;    // --shard K/N: K-1
  uint32_t shard_count = 1;    // N
  std::string stdin_filename;  // --stdin-filename: the name of `-` in messages (and its format)
  Environment environment;     // not from the command line: run_main() sets it
  // The text of `-` among the paths, read by run_main() before the run.
  std::optional<std::string> standard_input;
};

// Parses argv; a usage error says what is wrong in one line.
Result<Options> parse_options(int argc, const char* const* argv);

std::string usage();

}  // namespace reachlint::cli
