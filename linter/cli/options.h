// The command line (DESIGN §5).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "linter/core/result.h"

namespace reachlint::cli {

enum class Command { Check, Rules, Explain, Graph, MergeSarif, Help, Version };
enum class FailLevel { Error, Warning, Note, None };

// What main() reads from the environment, once: library code never reads it. Tests set it.
struct Environment {
  bool no_color = false;  // NO_COLOR is set: no colour, as --no-color
  bool timings = false;   // REACHLINT_TIMINGS is set: each phase's time on standard error
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
  bool no_color = false;
  bool quiet = false;
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
  uint32_t shard_index = 0;  // --shard K/N: K-1
  uint32_t shard_count = 1;  // N
  Environment environment;   // not from the command line: run_main() sets it
};

// Parses argv; a usage error says what is wrong in one line.
Result<Options> parse_options(int argc, const char* const* argv);

std::string usage();

// The closest of `candidates` to `word`, for "did you mean" hints; empty if none is close.
std::string closest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace reachlint::cli
