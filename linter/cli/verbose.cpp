#include "linter/cli/verbose.h"

#include <filesystem>

#include <fmt/format.h>

namespace reachlint::cli {

namespace {

std::string configuration_line(const Options& options, const Config& config) {
  if (options.no_config) return "none (--no-config)";
  const std::string here = std::filesystem::current_path().string();
  if (config.path.empty()) return fmt::format("none found upward from {}", here);
  if (!options.config.empty()) return fmt::format("{} (--config)", config.path);
  return fmt::format("{} (found upward from {})", config.path, here);
}

// Where a list came from: the command line wins over the configuration for select, and adds to
// it for ignore.
std::string rules_line(const Options& options, const Pipeline& pipeline) {
  std::vector<std::string_view> codes;
  for (const rules::RuleInfo* rule : pipeline.rules) codes.push_back(rule->code);
  std::string line =
      fmt::format("{} of {}: {}", codes.size(), rules::all_rules().size(), fmt::join(codes, ", "));
  if (!options.select.empty()) {
    line += fmt::format("; select {} (--select)", fmt::join(options.select, ","));
  } else if (pipeline.config.select) {
    line += fmt::format("; select {} (configuration)", fmt::join(*pipeline.config.select, ","));
  }
  if (!pipeline.config.ignore.empty())
    line += fmt::format("; ignore {} (configuration)", fmt::join(pipeline.config.ignore, ","));
  if (!options.ignore.empty())
    line += fmt::format("; ignore {} (--ignore)", fmt::join(options.ignore, ","));
  return line;
}

std::string_view fail_level_name(std::optional<FailLevel> level) {
  static constexpr std::string_view kNames[] = {"error", "warning", "note", "none"};  // FailLevel
  return kNames[static_cast<size_t>(level.value_or(FailLevel::Error))];
}

std::string_view color_name(ColorChoice choice) {
  return choice == ColorChoice::Always ? "always" : choice == ColorChoice::Never ? "never" : "auto";
}

void print_settings(const Options& options, const Pipeline& pipeline, std::FILE* err) {
  const Config& config = pipeline.config;
  fmt::print(err, "reachlint: rules: {}\n", rules_line(options, pipeline));
  for (const auto& [code, level] : config.levels)
    fmt::print(err, "reachlint: level: {} = {} (configuration)\n", code, level);
  fmt::print(err, "reachlint: protocols: nfs {}{}\n",
             pipeline.nfs == analysis::NfsProfile::V4 ? "v4" : "v3",
             config.nfs ? " (configuration)" : " (default)");
  fmt::print(err, "reachlint: declared clients: {} in the configuration, {} on the command line\n",
             config.clients.size(), options.clients.size());
  fmt::print(err, "reachlint: parameters: {} in the configuration, {} on the command line\n",
             config.parameters.size(), options.parameters.size());
  fmt::print(err, "reachlint: suppressions: {} in the configuration\n", config.suppressions.size());
  fmt::print(err, "reachlint: fail level {}; format {}; output {}; colour {}\n",
             fail_level_name(options.fail_level), options.format,
             options.output.empty() ? "standard output" : options.output,
             color_name(options.color));
}

}  // namespace

void print_verbose(const Options& options, const Pipeline& pipeline, std::FILE* err) {
  fmt::print(err, "reachlint: configuration: {}\n", configuration_line(options, pipeline.config));
  print_settings(options, pipeline, err);
  for (const InputRecord& input : pipeline.inputs.record) {
    fmt::print(err, "reachlint: {} {}: {}\n", input.read ? "read" : "skipped", input.path,
               input.what);
  }
}

}  // namespace reachlint::cli
