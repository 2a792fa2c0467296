#include "linter/cli/run.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "linter/analysis/analysis.h"
#include "linter/analysis/walker.h"
#include "linter/cli/explain.h"
#include "linter/cli/pipeline.h"
#include "linter/cli/rules_command.h"
#include "linter/cli/terminal.h"
#include "linter/cli/verbose.h"
#include "linter/core/file_io.h"
#include "linter/core/progress.h"
#include "linter/core/timing.h"
#include "linter/output/baseline.h"
#include "linter/output/explain.h"
#include "linter/output/formats.h"
#include "linter/output/graph_output.h"
#include "linter/output/report.h"
#include "linter/output/sarif_merge.h"
#include "rules/suppressions.h"

namespace reachlint::cli {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

// A fresh pipeline, owned by `owner` or, when the process is about to exit, by the caller's
// Streams::keep_until_exit.
Pipeline& new_pipeline(const Streams& streams, std::unique_ptr<Pipeline>& owner) {
  owner = std::make_unique<Pipeline>();
  Pipeline& pipeline = *owner;
  if (streams.keep_until_exit) *streams.keep_until_exit = std::move(owner);
  return pipeline;
}

int usage_error(const Streams& streams, const std::string& message) {
  fmt::print(streams.err, "reachlint: error: {}\n", message);
  fmt::print(streams.err, "Try 'reachlint --help'.\n");
  return kExitError;
}

int report_input_errors(const Pipeline& pipeline, const Streams& streams) {
  for (const InputError& error : pipeline.diagnostics.sorted_errors()) {
    fmt::print(streams.err, "{}: error: {}\n",
               output::location_prefix(pipeline.inputs.sources, error.location), error.message);
  }
  return kExitError;
}

bool write_output(const Options& options, const std::string& text, const Streams& streams) {
  if (options.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), streams.out);
    return true;
  }
  const Status written = write_text_file(options.output, text);
  if (!written) fmt::print(streams.err, "reachlint: error: {}\n", written.error().message);
  return static_cast<bool>(written);
}

int exit_status(const std::vector<rules::Finding>& findings, FailLevel fail_level) {
  if (fail_level == FailLevel::None) return kExitClean;
  const auto threshold = static_cast<int>(fail_level);  // Error < Warning < Note, as rules::Level
  for (const rules::Finding& finding : findings) {
    if (finding.active() && static_cast<int>(finding.level) <= threshold) return kExitFindings;
  }
  return kExitClean;
}

std::vector<rules::Finding> run_rules(const Pipeline& pipeline,
                                      const std::vector<analysis::FileSystemAnalysis>& analyses) {
  std::vector<rules::Finding> findings;
  const rules::RuleContext context{pipeline.model, analyses, pipeline.nfs};
  for (const rules::RuleInfo* rule : pipeline.rules) {
    rules::FindingSink sink(pipeline.model, *rule);
    rule->check(context, sink);
    for (rules::Finding& finding : sink.take()) findings.push_back(std::move(finding));
  }
  rules::name_findings(pipeline.model, findings);
  output::sort_findings(findings);
  return findings;
}

output::FormatOptions format_options(const Options& options, const Streams& streams) {
  output::FormatOptions out;
  out.color = use_color(options.color, options.output.empty() && streams.out_is_terminal,
                        options.environment.no_color, options.environment.term_dumb);
  out.quiet = options.quiet;
  out.show_paths = options.show_paths;
  out.show_suppressed = options.show_suppressed;
  out.all_notices = options.all_notices;
  out.srcroot = options.srcroot.empty()
                    ? std::filesystem::current_path().string()
                    : std::filesystem::absolute(options.srcroot).lexically_normal().string();
  out.category = options.category;
  return out;
}

const output::ReportFormat& report_format(const Options& options) {
  return *output::find_report_format(options.format);  // validated with the options
}

std::string format_report(const Options& options, const output::RunReport& report,
                          const Streams& streams) {
  return report_format(options).write(report, format_options(options, streams));
}

std::string format_sarif(const Options& options, const output::RunReport& report,
                         const Streams& streams) {
  return output::find_report_format("sarif")->write(report, format_options(options, streams));
}

// The configuration's [rules.levels] replace the rules' default levels.
void apply_levels(const Config& config, std::vector<rules::Finding>& findings) {
  for (rules::Finding& finding : findings) {
    const auto level = config.levels.find(finding.rule->code);
    if (level == config.levels.end()) continue;
    finding.level = level->second == "error"     ? rules::Level::Error
                    : level->second == "warning" ? rules::Level::Warning
                                                 : rules::Level::Note;
  }
}

// Suppressions (the templates' and the configuration's), then the baseline. Problems with
// suppressions are notices in the pipeline's diagnostics; a baseline that cannot be read fails.
Status set_aside_known(const Options& options, Pipeline& pipeline, output::RunReport& report) {
  std::vector<SuppressionSpec> specs = pipeline.inputs.suppressions;
  specs.insert(specs.end(), pipeline.config.suppressions.begin(),
               pipeline.config.suppressions.end());
  rules::apply_suppressions(report.findings, specs, pipeline.model,
                            options.environment.today.value_or(rules::today()),
                            pipeline.diagnostics);
  if (options.baseline.empty()) return {};
  const Result<output::Baseline> baseline = output::load_baseline(options.baseline);
  if (!baseline) return baseline.error();
  report.absent = output::compare_with_baseline(report.findings, *baseline);
  return {};
}

// Where the progress line goes: standard error when it is a terminal that can erase a line,
// unless -q or --verbose (whose lines it would cut through); else nowhere.
std::FILE* progress_terminal(const Options& options, const Streams& streams) {
  const bool drawable = streams.err_is_terminal && !options.environment.term_dumb;
  return drawable && !options.quiet && !options.verbose ? streams.err : nullptr;
}

// With -o, the report goes elsewhere: one line on standard error says how the run went.
void summarise_elsewhere(const Options& options, const output::RunReport& report,
                         const Streams& streams) {
  if (options.output.empty() || options.quiet) return;
  fmt::print(streams.err, "reachlint: {}; report written to {}\n", output::summary_line(report),
             options.output);
}

// The analysis and the findings as `check` judges them (`graph` marks what it finds broken):
// the selected rules, the configured levels, suppressions and the baseline. Fails when the
// baseline cannot be read.
Status judge(const Options& options, Pipeline& pipeline, PhaseTimer& timer, Progress& progress,
             std::vector<analysis::FileSystemAnalysis>& analyses, output::RunReport& report) {
  const analysis::Shard shard{options.shard_index, options.shard_count};
  // Only the first shard reports what is not about one file system: the inputs' notices and
  // network-wide findings (RL202), which every shard would find alike.
  if (shard.index > 0) pipeline.diagnostics.drop_notices();
  analyses = analysis::analyze(pipeline.model,
                               {pipeline.nfs, options.environment.timings, &progress, shard},
                               pipeline.declared, pipeline.diagnostics);
  timer.mark("analysis");
  progress.phase("applying the rules");
  report.findings = run_rules(pipeline, analyses);
  if (shard.index > 0) {
    std::erase_if(report.findings,
                  [](const rules::Finding& f) { return f.file_system == model::kNone; });
  }
  apply_levels(pipeline.config, report.findings);
  if (Status known = set_aside_known(options, pipeline, report); !known) return known;
  report.notices = pipeline.diagnostics.sorted_notices();
  return {};
}

int run_check(const Options& options, const Streams& streams) {
  std::unique_ptr<Pipeline> owner;
  Pipeline& pipeline = new_pipeline(streams, owner);
  Progress progress(progress_terminal(options, streams));
  const Status prepared = pipeline.prepare(options, &progress);
  if (!prepared || pipeline.has_fatal_errors()) progress.finish();
  if (!prepared) return usage_error(streams, prepared.error().message);
  if (options.verbose) print_verbose(options, pipeline, streams.err);
  output::RunReport report;
  report.sources = &pipeline.inputs.sources;
  report.model = &pipeline.model;
  report.errors = pipeline.diagnostics.sorted_errors();
  report.inputs = pipeline.inputs.input_files.size();
  report.skipped_inputs = pipeline.inputs.skipped;
  if (pipeline.has_fatal_errors()) {
    // Machine-readable formats still get a document that says the run failed, and why.
    if (report_format(options).machine_readable)
      write_output(options, format_report(options, report, streams), streams);
    return report_input_errors(pipeline, streams);
  }
  PhaseTimer timer(options.environment.timings);
  std::vector<analysis::FileSystemAnalysis> analyses;
  const Status judged = judge(options, pipeline, timer, progress, analyses, report);
  progress.finish();
  if (!judged) {
    fmt::print(streams.err, "reachlint: error: {}\n", judged.error().message);
    return kExitError;
  }
  report.analyses = &analyses;
  report.file_systems = static_cast<size_t>(
      std::count_if(analyses.begin(), analyses.end(),
                    [](const analysis::FileSystemAnalysis& a) { return a.in_shard && a.checked; }));
  report.found_file_systems = analyses.size();
  report.unchecked_file_systems = static_cast<size_t>(std::count_if(
      analyses.begin(), analyses.end(),
      [](const analysis::FileSystemAnalysis& a) { return a.in_shard && !a.checked; }));
  timer.mark("rules");
  if (!write_output(options, format_report(options, report, streams), streams)) return kExitError;
  summarise_elsewhere(options, report, streams);
  if (!options.write_baseline.empty()) {
    Options to_baseline = options;
    to_baseline.output = options.write_baseline;
    if (!write_output(to_baseline, format_sarif(options, report, streams), streams))
      return kExitError;
  }
  timer.mark("output");
  // The inputs with errors were set aside, the others checked: the report holds what they gave,
  // standard error says what was set aside, and the exit status that some input was bad.
  if (!report.errors.empty()) return report_input_errors(pipeline, streams);
  return exit_status(report.findings, options.fail_level.value_or(FailLevel::Error));
}

// The shards' SARIF logs as one (docs/sharding.md); 2 when one cannot be read or merged.
int run_merge_sarif(const Options& options, const Streams& streams) {
  std::vector<output::SarifLog> logs;
  for (const std::string& path : options.paths) {
    Result<std::string> text = read_text_file(path);
    if (!text) return usage_error(streams, text.error().message);
    logs.push_back({path, std::move(text).value()});
  }
  Result<std::string> merged = output::merge_sarif(logs);
  if (!merged) {
    fmt::print(streams.err, "reachlint: error: {}\n", merged.error().message);
    return kExitError;
  }
  return write_output(options, *merged, streams) ? 0 : kExitError;
}

// The topology with what `check` finds broken marked; informational, so 0 once written.
// Notices (what could not be evaluated: the grey parts) go to standard error unless -q.
int run_graph(const Options& options, const Streams& streams) {
  std::unique_ptr<Pipeline> owner;
  Pipeline& pipeline = new_pipeline(streams, owner);
  Progress progress(progress_terminal(options, streams));
  const Status prepared = pipeline.prepare(options, &progress);
  if (!prepared || pipeline.diagnostics.has_errors()) progress.finish();
  if (!prepared) return usage_error(streams, prepared.error().message);
  if (options.verbose) print_verbose(options, pipeline, streams.err);
  // A picture of part of the network would be taken for all of it: any input error stops.
  if (pipeline.diagnostics.has_errors()) return report_input_errors(pipeline, streams);
  PhaseTimer timer(options.environment.timings);
  std::vector<analysis::FileSystemAnalysis> analyses;
  output::RunReport report;
  const Status judged = judge(options, pipeline, timer, progress, analyses, report);
  progress.finish();
  if (!judged) {
    fmt::print(streams.err, "reachlint: error: {}\n", judged.error().message);
    return kExitError;
  }
  const auto format =
      options.format == "mermaid" ? output::GraphFormat::Mermaid : output::GraphFormat::Dot;
  if (!write_output(options,
                    output::format_graph({pipeline.model, analyses, report.findings}, format),
                    streams))
    return kExitError;
  timer.mark("output");
  if (options.quiet) return kExitClean;
  for (const Notice& notice : report.notices) {
    fmt::print(streams.err, "{}: notice: {}\n",
               output::location_prefix(pipeline.inputs.sources, notice.location), notice.message);
  }
  return kExitClean;
}

// The traces of the declared pair (--from to --to), each broken hop with its rule and fix.
output::Explanation explain(const Pipeline& pipeline,
                            const std::vector<analysis::FileSystemAnalysis>& analyses) {
  const std::vector<rules::RuleReport> reports =
      rule_reports(pipeline.model, analyses, pipeline.nfs);
  output::Explanation explanation;
  explanation.sources = &pipeline.inputs.sources;
  for (const analysis::FileSystemAnalysis& a : analyses) {
    for (const analysis::Trace& trace : a.traces) {
      if (trace.client->evidence != analysis::Evidence::Declared) continue;  // only --from
      explanation.traces.push_back(output::explain_trace(pipeline.model, a, trace, reports));
    }
  }
  explanation.notices = pipeline.diagnostics.sorted_notices();
  return explanation;
}

// Input errors on standard error; with -f json also a document that says the run failed, and why.
int explain_input_errors(const Options& options, const Pipeline& pipeline, const Streams& streams) {
  if (options.format == "json") {
    output::Explanation failed;
    failed.sources = &pipeline.inputs.sources;
    failed.errors = pipeline.diagnostics.sorted_errors();
    write_output(options, output::format_explain_json(failed), streams);
  }
  return report_input_errors(pipeline, streams);
}

// 0 when every traced pair connects, 1 when one cannot (in either direction, before or after a
// failover), 2 on bad input or a --from or --to that names nothing.
int run_explain(const Options& options, const Streams& streams) {
  Options without_client = options;
  without_client.clients.clear();
  std::unique_ptr<Pipeline> owner;
  Pipeline& pipeline = new_pipeline(streams, owner);
  if (const Status prepared = pipeline.prepare(without_client); !prepared)
    return usage_error(streams, prepared.error().message);
  if (options.verbose) print_verbose(without_client, pipeline, streams.err);
  if (pipeline.diagnostics.has_errors()) return explain_input_errors(options, pipeline, streams);
  Result<analysis::ClientSpec> spec = parse_client_spec(options.from + "@" + options.to);
  if (!spec) return usage_error(streams, spec.error().message);
  if (const Status named = check_explain_targets(pipeline.model, *spec); !named)
    return usage_error(streams, named.error().message);
  pipeline.declared =
      analysis::DeclaredClients::resolve(pipeline.model, {*spec}, pipeline.diagnostics);
  if (pipeline.diagnostics.has_errors()) return explain_input_errors(options, pipeline, streams);
  analysis::AnalysisOptions analysis_options;
  analysis_options.nfs = pipeline.nfs;
  analysis_options.timings = options.environment.timings;
  const auto analyses =
      analysis::analyze(pipeline.model, analysis_options, pipeline.declared, pipeline.diagnostics);
  const output::Explanation explanation = explain(pipeline, analyses);
  const std::string text = options.format == "json" ? output::format_explain_json(explanation)
                                                    : output::format_explain_text(explanation);
  if (!write_output(options, text, streams)) return kExitError;
  if (explanation.traces.empty()) {
    // The file systems it names could not be checked: the notices say why.
    fmt::print(streams.err, "reachlint: error: no trace from '{}' to '{}' could be walked{}\n",
               options.from, options.to,
               explanation.notices.empty() ? "" : " (the notices say why)");
    return kExitError;
  }
  return output::explain_exit_status(explanation);
}

// `-` among the inputs of a command that reads inputs.
bool reads_standard_input(const Options& options) {
  const bool reads_inputs = options.command == Command::Check ||
                            options.command == Command::Graph ||
                            options.command == Command::Explain;
  return reads_inputs &&
         std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end();
}

std::string read_all(std::FILE* in) {
  std::string text;
  char chunk[65536];
  size_t got = 0;
  while ((got = std::fread(chunk, 1, sizeof chunk, in)) > 0) text.append(chunk, got);
  return text;
}

}  // namespace

int run(const Options& options, const Streams& streams) {
  switch (options.command) {
    case Command::Help:
      fmt::print(streams.out, "{}", usage());
      return kExitClean;
    case Command::Version:
      fmt::print(streams.out, "reachlint {} ({})\n", REACHLINT_VERSION, REACHLINT_GIT_REVISION);
      return kExitClean;
    case Command::Rules:
      return run_rules_command(options, streams);
    case Command::Explain:
      return run_explain(options, streams);
    case Command::Check:
      return run_check(options, streams);
    case Command::Graph:
      return run_graph(options, streams);
    case Command::MergeSarif:
      return run_merge_sarif(options, streams);
  }
  return kExitError;
}

int run_main(int argc, const char* const* argv, const Environment& environment,
             const Streams& streams) {
  Result<Options> options = parse_options(argc, argv);
  if (!options) return usage_error(streams, options.error().message);
  options.value().environment = environment;
  if (reads_standard_input(*options)) options.value().standard_input = read_all(streams.in);
  return run(*options, streams);
}

}  // namespace reachlint::cli
