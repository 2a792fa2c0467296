#include "linter/cli/run.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "linter/analysis/analysis.h"
#include "linter/analysis/walker.h"
#include "linter/cli/pipeline.h"
#include "linter/core/progress.h"
#include "linter/core/timing.h"
#include "linter/output/baseline.h"
#include "linter/output/formats.h"
#include "linter/output/graph_output.h"
#include "linter/output/report.h"
#include "linter/output/sarif_merge.h"
#include "rules/rule_docs.h"
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
  std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
  file << text;
  if (file) return true;
  fmt::print(streams.err, "reachlint: error: cannot write {}\n", options.output);
  return false;
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
  output::sort_findings(findings);
  return findings;
}

output::FormatOptions format_options(const Options& options, const Streams& streams) {
  output::FormatOptions out;
  out.color = options.output.empty() && streams.out_is_terminal && !options.no_color &&
              !options.environment.no_color;
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

// Where the progress line goes: standard error when it is a terminal, unless -q; else nowhere.
std::FILE* progress_terminal(const Options& options, const Streams& streams) {
  return streams.err_is_terminal && !options.quiet ? streams.err : nullptr;
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
  if (!prepared || pipeline.diagnostics.has_errors()) progress.finish();
  if (!prepared) return usage_error(streams, prepared.error().message);
  output::RunReport report;
  report.sources = &pipeline.inputs.sources;
  report.model = &pipeline.model;
  if (pipeline.diagnostics.has_errors()) {
    // Machine-readable formats still get a document that says the run failed, and why.
    report.errors = pipeline.diagnostics.sorted_errors();
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
  report.unchecked_file_systems = static_cast<size_t>(std::count_if(
      analyses.begin(), analyses.end(),
      [](const analysis::FileSystemAnalysis& a) { return a.in_shard && !a.checked; }));
  timer.mark("rules");
  if (!write_output(options, format_report(options, report, streams), streams)) return kExitError;
  if (!options.write_baseline.empty()) {
    Options to_baseline = options;
    to_baseline.output = options.write_baseline;
    if (!write_output(to_baseline, format_sarif(options, report, streams), streams))
      return kExitError;
  }
  timer.mark("output");
  return exit_status(report.findings, options.fail_level.value_or(FailLevel::Error));
}

// The shards' SARIF logs as one (docs/sharding.md); 2 when one cannot be read or merged.
int run_merge_sarif(const Options& options, const Streams& streams) {
  std::vector<output::SarifLog> logs;
  for (const std::string& path : options.paths) {
    std::ifstream file(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (!file.good() && !file.eof()) return usage_error(streams, path + ": cannot read it");
    if (!file.is_open()) return usage_error(streams, path + ": cannot open it");
    logs.push_back({path, std::move(text)});
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

int run_rules_command(const Options& options, const Streams& streams) {
  if (!options.write_docs.empty()) {
    std::filesystem::create_directories(options.write_docs);
    for (const rules::RuleInfo* rule : rules::all_rules()) {
      std::ofstream(std::filesystem::path(options.write_docs) / fmt::format("{}.md", rule->code))
          << rules::rule_page(*rule);
    }
    std::ofstream(std::filesystem::path(options.write_docs) / "README.md")
        << rules::rule_index_page();
    return kExitClean;
  }
  if (options.rule_code.empty()) {
    for (const rules::RuleInfo* rule : rules::all_rules()) {
      fmt::print(streams.out, "{}  {:<8} {:<32} {}\n", rule->code, rules::level_name(rule->level),
                 rule->name, rule->summary);
    }
    return kExitClean;
  }
  const rules::RuleInfo* rule = rules::find_rule(options.rule_code);
  if (!rule) {
    return usage_error(
        streams, fmt::format("no rule '{}'; `reachlint rules` lists them", options.rule_code));
  }
  fmt::print(streams.out, "{}", rules::rule_page(*rule));
  return kExitClean;
}

int run_explain(const Options& options, const Streams& streams) {
  Options with_client = options;
  with_client.clients = {options.from + "@" + options.to};
  Pipeline pipeline;
  if (const Status prepared = pipeline.prepare(with_client); !prepared)
    return usage_error(streams, prepared.error().message);
  if (pipeline.diagnostics.has_errors()) return report_input_errors(pipeline, streams);
  analysis::AnalysisOptions analysis_options;
  analysis_options.nfs = pipeline.nfs;
  analysis_options.timings = options.environment.timings;
  const auto analyses =
      analysis::analyze(pipeline.model, analysis_options, pipeline.declared, pipeline.diagnostics);
  bool found = false;
  for (const analysis::FileSystemAnalysis& a : analyses) {
    const model::FileSystem& fs = pipeline.model.file_systems[a.file_system];
    for (const analysis::Trace& trace : a.traces) {
      if (trace.client->evidence != analysis::Evidence::Declared) continue;  // only --from
      found = true;
      fmt::print(streams.out, "{} -> {} ({})\n", trace.client->id(), fs.origin.name,
                 a.endpoint.description);
      for (const rules::PathStep& step : rules::path_of(pipeline.model, trace)) {
        const std::string via = step.via.empty() ? "" : " via " + step.via;
        fmt::print(streams.out, "  {:<7} {}{} ({}): {}\n", step.verdict, step.resource, via,
                   output::location_prefix(pipeline.inputs.sources, step.location), step.decision);
      }
    }
  }
  for (const Notice& notice : pipeline.diagnostics.sorted_notices()) {
    fmt::print(streams.out, "{}: notice: {}\n",
               output::location_prefix(pipeline.inputs.sources, notice.location), notice.message);
  }
  if (!found) return usage_error(streams, fmt::format("no file system matches '{}'", options.to));
  return kExitClean;
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
  return run(*options, streams);
}

}  // namespace reachlint::cli
