#include "linter/cli/options.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "linter/output/formats.h"

namespace reachlint::cli {

std::string usage() {
  return R"(usage: reachlint [check] [options] PATH...        lint templates, cdk.out assemblies and directories
                                                   (- reads standard input)
       reachlint explain --from CLIENT --to FS PATH... the trace in packet order and a verdict;
                                                       exit 1 when the pair cannot connect
       reachlint graph [--format dot|mermaid] PATH...  the topology, broken hops marked
       reachlint merge-sarif [-o FILE] SARIF...       the SARIF logs of --shard K/N runs as one
       reachlint rules [CODE] [-f json]                the rule catalogue, or one rule's documentation
       reachlint rules --write-docs DIR                write every rule's page (docs/rules)

options:
  -f, --format FORMAT            text|json|sarif|github|html (default: text; html: one
                                 self-contained page; rules: text|json;
                                 graph: dot|mermaid, default dot)
  -o, --output FILE              write the report to FILE
      --config FILE              configuration file (default: .reachlint.toml found upward)
      --no-config                ignore configuration files
      --select CODES             only these rules (comma list, any case; a prefix selects a
                                 family: RL1)
      --ignore CODES             not these rules
      --fail-level LEVEL         error|warning|note|none: exit 1 at or above it (default: error)
      --client SPEC              an intended client: [subnet=|instance=|cidr=|resource=]ID[@FS,...]
      --srcroot DIR              SARIF uris are relative to DIR (default: the working directory)
      --show-paths               text: print every hop of each finding's path
      --show-suppressed          text: also list suppressed and baseline-unchanged findings
      --notices                  text: list every notice (more than 20 are counted by kind)
      --baseline FILE            a previous SARIF: findings it holds are "unchanged" and do not fail
      --write-baseline FILE      also write this run's SARIF to FILE, for --baseline later
      --category ID              SARIF automationDetails.id (one per upload to code scanning)
      --shard K/N                check only the K-th of N deterministic parts of the file systems
      --parameters SPEC          template parameter values: KEY=VALUE or a parameter FILE
                                 (CloudFormation or CodePipeline JSON), either with @STACK
      --max-input-size BYTES     refuse larger input files (default: 268435456)
      --skip-unrecognised        skip files that are not templates or exports, silently (pre-commit)
      --color WHEN               auto|always|never: colour text output (default: auto, a
                                 terminal without NO_COLOR or TERM=dumb)
      --no-color                 the same as --color never
      --stdin-filename NAME      read standard input (the path -) as the file NAME: its name in
                                 messages; without PATH, - is read
  -q, --quiet                    findings only
  -v, --verbose                  on standard error: the configuration and every input read or
                                 skipped, and why
      --version                  print the version
  -h, --help                     print this help

exit status: 0 nothing at or above the fail level, 1 findings, 2 usage error or unreadable input
)";
}

namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

class Parser {
 public:
  Parser(int argc, const char* const* argv) : args_(argv + 1, argv + argc) {}

  Result<Options> run() {
    static const std::map<std::string, Command> kCommands = {{"check", Command::Check},
                                                             {"rules", Command::Rules},
                                                             {"explain", Command::Explain},
                                                             {"graph", Command::Graph},
                                                             {"merge-sarif", Command::MergeSarif}};
    if (!args_.empty()) {
      if (const auto command = kCommands.find(args_[0]); command != kCommands.end()) {
        options_.command = command->second;
        args_.erase(args_.begin());
      }
    }
    for (size_t i = 0; i < args_.size(); ++i) {
      if (!parse_one(i)) return Error{.message = error_};
    }
    if (!validate()) return Error{.message = error_};
    return options_;
  }

 private:
  using Setter = std::function<bool(const std::string&)>;

  bool parse_one(size_t& i) {
    std::string arg = args_[i];
    if (arg == "--") {
      options_.paths.insert(options_.paths.end(), args_.begin() + static_cast<long>(i) + 1,
                            args_.end());
      i = args_.size();
      return true;
    }
    if (arg.size() < 2 || arg[0] != '-') return positional(arg);
    std::string value;
    bool has_value = false;
    if (const size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_value = true;
    }
    const auto switches = flags();
    if (const auto flag = switches.find(arg); flag != switches.end()) {
      if (has_value) return fail(fmt::format("option {} takes no value", arg));
      *flag->second = true;
      return true;
    }
    const auto setters = valued();
    const auto setter = setters.find(arg);
    if (setter == setters.end()) return unknown_option(arg);
    if (!has_value) {
      if (i + 1 >= args_.size()) return fail(fmt::format("option {} needs a value", arg));
      value = args_[++i];
    }
    return setter->second(value);
  }

  bool positional(const std::string& arg) {
    if (options_.command == Command::Rules && options_.rule_code.empty()) {
      options_.rule_code = arg;
      return true;
    }
    if (options_.command == Command::Rules)
      return fail(fmt::format("unexpected argument '{}'", arg));
    options_.paths.push_back(arg);
    return true;
  }

  std::map<std::string, bool*> flags() {
    return {{"--no-config", &options_.no_config},
            {"--no-color", &no_color_},
            {"-v", &options_.verbose},
            {"--verbose", &options_.verbose},
            {"-q", &options_.quiet},
            {"--quiet", &options_.quiet},
            {"--show-paths", &options_.show_paths},
            {"--show-suppressed", &options_.show_suppressed},
            {"--notices", &options_.all_notices},
            {"--skip-unrecognised", &options_.skip_unrecognised},
            {"--help", &help_},
            {"-h", &help_},
            {"--version", &version_}};
  }

  std::map<std::string, Setter> valued() {
    const auto text = [](std::string& into) {
      return [&into](const std::string& v) {
        into = v;
        return true;
      };
    };
    const auto list = [](std::vector<std::string>& into) {
      return [&into](const std::string& v) {
        for (std::string& item : split_list(v)) into.push_back(std::move(item));
        return true;
      };
    };
    return {{"-f", [this](const std::string& v) { return set_format(v); }},
            {"--format", [this](const std::string& v) { return set_format(v); }},
            {"-o", text(options_.output)},
            {"--output", text(options_.output)},
            {"--config", text(options_.config)},
            {"--select", list(options_.select)},
            {"--ignore", list(options_.ignore)},
            {"--fail-level", [this](const std::string& v) { return set_fail_level(v); }},
            {"--client",
             [this](const std::string& v) {
               options_.clients.push_back(v);
               return true;
             }},
            {"--srcroot", text(options_.srcroot)},
            {"--color", [this](const std::string& v) { return set_color(v); }},
            {"--stdin-filename", text(options_.stdin_filename)},
            {"--from", text(options_.from)},
            {"--to", text(options_.to)},
            {"--write-docs", text(options_.write_docs)},
            {"--max-input-size", [this](const std::string& v) { return set_size(v); }},
            {"--baseline", text(options_.baseline)},
            {"--write-baseline", text(options_.write_baseline)},
            {"--category", text(options_.category)},
            {"--shard", [this](const std::string& v) { return set_shard(v); }},
            {"--parameters", [this](const std::string& v) {
               options_.parameters.push_back(v);
               return true;
             }}};
  }

  bool set_format(const std::string& v) {
    const auto drawings = output::graph_format_names();
    const bool drawing = std::find(drawings.begin(), drawings.end(), v) != drawings.end();
    if (!drawing && !output::find_report_format(v))
      return fail(fmt::format("unknown format '{}' ({}; graph: {})", v,
                              output::report_format_names(), output::names_list(drawings)));
    options_.format = v;
    return true;
  }

  bool set_fail_level(const std::string& v) {
    static const std::map<std::string, FailLevel> kLevels = {{"error", FailLevel::Error},
                                                             {"warning", FailLevel::Warning},
                                                             {"note", FailLevel::Note},
                                                             {"none", FailLevel::None}};
    const auto found = kLevels.find(v);
    if (found == kLevels.end())
      return fail(fmt::format("unknown fail level '{}' (error, warning, note or none)", v));
    options_.fail_level = found->second;
    return true;
  }

  bool set_color(const std::string& v) {
    static const std::map<std::string, ColorChoice> kChoices = {{"auto", ColorChoice::Auto},
                                                                {"always", ColorChoice::Always},
                                                                {"never", ColorChoice::Never}};
    const auto found = kChoices.find(v);
    if (found == kChoices.end())
      return fail(fmt::format("--color takes auto, always or never, not '{}'", v));
    options_.color = found->second;
    return true;
  }

  bool set_shard(const std::string& v) {
    const size_t slash = v.find('/');
    uint32_t k = 0;
    uint32_t n = 0;
    const auto number = [](std::string_view text, uint32_t& into) {
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), into);
      return ec == std::errc{} && end == text.data() + text.size();
    };
    if (slash == std::string::npos || !number(std::string_view(v).substr(0, slash), k) ||
        !number(std::string_view(v).substr(slash + 1), n) || k < 1 || k > n)
      return fail(fmt::format("--shard needs K/N with 1 <= K <= N, such as 2/8, not '{}'", v));
    options_.shard_index = k - 1;
    options_.shard_count = n;
    return true;
  }

  bool set_size(const std::string& v) {
    size_t size = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), size);
    if (ec != std::errc{} || end != v.data() + v.size() || size == 0)
      return fail(fmt::format("--max-input-size needs a positive number of bytes, not '{}'", v));
    options_.max_input_size = size;
    return true;
  }

  bool unknown_option(const std::string& arg) {
    std::vector<std::string> known;
    for (const auto& [name, flag] : flags()) known.push_back(name);
    for (const auto& [name, setter] : valued()) known.push_back(name);
    const std::string hint = closest(arg, known);
    return fail(hint.empty() ? fmt::format("unknown option '{}'", arg)
                             : fmt::format("unknown option '{}'; did you mean '{}'?", arg, hint));
  }

  // graph draws (dot, its default, or mermaid); the other commands write a report format.
  bool validate_format() {
    const auto drawings = output::graph_format_names();
    const std::string& name = options_.format;
    const bool drawing = std::find(drawings.begin(), drawings.end(), name) != drawings.end();
    if (options_.command == Command::Rules) {
      if (name.empty()) options_.format = "text";
      return options_.format == "text" || options_.format == "json" ||
             fail(fmt::format("rules writes text or json, not '{}'", name));
    }
    if (options_.command != Command::Graph) {
      if (name.empty()) options_.format = output::report_formats().front().name;
      return !drawing || fail(fmt::format("format '{}' is for `reachlint graph`; check writes {}",
                                          name, output::report_format_names()));
    }
    if (name.empty())
      options_.format = drawings.front();
    else if (!drawing)
      return fail(
          fmt::format("graph writes {}, not '{}' (try --format {}; `reachlint check -f {}` writes "
                      "the findings)",
                      output::names_list(drawings), name, drawings.front(), name));
    return true;
  }

  // `-` is standard input; --stdin-filename names it, and alone stands for it.
  bool validate_stdin() {
    const bool dash =
        std::find(options_.paths.begin(), options_.paths.end(), "-") != options_.paths.end();
    if (options_.stdin_filename.empty() || dash) return true;
    if (!options_.paths.empty())
      return fail("--stdin-filename names standard input: give - among the paths to read it");
    options_.paths.push_back("-");
    return true;
  }

  bool validate() {
    if (help_)
      options_.command = Command::Help;
    else if (version_)
      options_.command = Command::Version;
    if (options_.command == Command::Help || options_.command == Command::Version) return true;
    if (no_color_) options_.color = ColorChoice::Never;
    if (!validate_format() || !validate_stdin()) return false;
    if ((options_.command == Command::Check || options_.command == Command::Graph) &&
        options_.paths.empty())
      return fail("no input: give one or more files or directories");
    if (options_.command == Command::MergeSarif && options_.paths.empty())
      return fail("merge-sarif needs the SARIF files of the shards");
    if (options_.command == Command::Explain) {
      if (options_.from.empty() || options_.to.empty())
        return fail("explain needs --from CLIENT and --to FILESYSTEM");
      if (options_.paths.empty()) return fail("no input: give one or more files or directories");
      if (options_.format != "text" && options_.format != "json")
        return fail(fmt::format("explain writes text or json, not '{}'", options_.format));
    }
    return true;
  }

  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  std::vector<std::string> args_;
  Options options_;
  bool help_ = false;
  bool version_ = false;
  bool no_color_ = false;
  std::string error_;
};

}  // namespace

Result<Options> parse_options(int argc, const char* const* argv) {
  return Parser(argc, argv).run();
}

}  // namespace reachlint::cli
