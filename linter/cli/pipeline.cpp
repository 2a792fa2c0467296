#include "linter/cli/pipeline.h"

#include "linter/core/timing.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "linter/ingest/formats.h"
#include "rules/rule_codes.h"

namespace reachlint::cli {

Result<analysis::ClientSpec> parse_client_spec(const std::string& text) {
  analysis::ClientSpec spec;
  std::string rest = text;
  if (const size_t at = rest.find('@'); at != std::string::npos) {
    std::string list = rest.substr(at + 1);
    rest.resize(at);
    size_t start = 0;
    while (start <= list.size()) {
      const size_t comma = list.find(',', start);
      const std::string item = list.substr(start, comma - start);
      if (!item.empty()) spec.filesystems.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (const size_t eq = rest.find('='); eq != std::string::npos) {
    spec.kind = rest.substr(0, eq);
    rest = rest.substr(eq + 1);
    static const std::vector<std::string> kKinds = {"subnet", "instance", "cidr", "resource"};
    if (std::find(kKinds.begin(), kKinds.end(), spec.kind) == kKinds.end()) {
      return Error{.message = fmt::format(
                       "--client {}: unknown kind '{}' (subnet, instance, cidr or resource)", text,
                       spec.kind)};
    }
  }
  if (rest.empty()) return Error{.message = fmt::format("--client {}: no client id", text)};
  spec.value = rest;
  return spec;
}

Result<std::vector<const rules::RuleInfo*>> select_rules(const std::vector<std::string>& select,
                                                         const std::vector<std::string>& ignore) {
  for (const auto* list : {&select, &ignore}) {
    for (const std::string& pattern : *list) {
      if (rules::rules_matching(pattern).empty())
        return Error{.message = rules::unknown_code_message(pattern)};
    }
  }
  const auto named = [](const rules::RuleInfo* rule, const std::vector<std::string>& patterns) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& p) { return rules::code_matches(rule->code, p); });
  };
  std::vector<const rules::RuleInfo*> selected;
  for (const rules::RuleInfo* rule : rules::all_rules()) {
    if ((select.empty() || named(rule, select)) && !named(rule, ignore)) selected.push_back(rule);
  }
  return selected;
}

// The configuration's parameter specs (files relative to it), then the command line's.
void Pipeline::read_parameters(const Options& options) {
  const std::string config_dir =
      config.path.empty() ? "" : std::filesystem::path(config.path).parent_path().string();
  for (const Config::ParameterSpec& given : config.parameters)
    read_parameter_spec(given.spec, config_dir, given.at, inputs, diagnostics);
  for (const std::string& spec : options.parameters)
    read_parameter_spec(spec, "", Location{}, inputs, diagnostics);
}

// With inputs set aside, a declared client named by an id that nothing checked has may be in one
// of them: a notice says it is not checked, where an error would stop the run again.
std::vector<analysis::ClientSpec> Pipeline::clients_left(std::vector<analysis::ClientSpec> specs) {
  if (!diagnostics.has_errors() || has_fatal_errors()) return specs;
  std::erase_if(specs, [&](const analysis::ClientSpec& spec) {
    if (analysis::names_cidr(spec.kind, spec.value) ||
        !analysis::find_client_id(model, spec.value).empty())
      return false;
    diagnostics.notice(spec.location,
                       fmt::format("client '{}' is not checked: nothing checked has that id, and "
                                   "inputs with errors were set aside",
                                   spec.value));
    return true;
  });
  return specs;
}

bool Pipeline::has_fatal_errors() const {
  const std::vector<InputError>& errors = diagnostics.errors();
  return std::any_of(errors.begin(), errors.end(),
                     [&](const InputError& error) { return !inputs.is_input(error.location); });
}

Status Pipeline::prepare(const Options& options, Progress* progress) {
  if (!options.no_config) {
    const std::string path = !options.config.empty()
                                 ? options.config
                                 : find_config(std::filesystem::current_path().string());
    if (!path.empty()) config = load_config(path, config_text, inputs.sources, diagnostics);
  }
  std::vector<std::string> ignore = config.ignore;
  ignore.insert(ignore.end(), options.ignore.begin(), options.ignore.end());
  const std::vector<std::string> select =
      !options.select.empty() ? options.select : config.select.value_or(std::vector<std::string>{});
  Result<std::vector<const rules::RuleInfo*>> selected = select_rules(select, ignore);
  if (!selected) return selected.error();
  rules = std::move(selected).value();
  nfs = config.nfs.value_or(analysis::NfsProfile::V3);
  // `explain` traces exactly the client it is given.
  std::vector<analysis::ClientSpec> specs;
  if (options.command != Command::Explain) specs = config.clients;
  for (const std::string& text : options.clients) {
    Result<analysis::ClientSpec> spec = parse_client_spec(text);
    if (!spec) return spec.error();
    specs.push_back(std::move(spec).value());
  }
  PhaseTimer timer(options.environment.timings);
  if (progress) progress->phase("reading inputs");
  inputs.formats = all_input_formats();
  read_parameters(options);  // first: a parameter file met among the inputs is not one
  LoadOptions load;
  load.max_input_bytes = options.max_input_size;
  load.skip_unrecognised = options.skip_unrecognised;
  if (options.standard_input) {
    load.standard_input = LoadOptions::StandardInput{
        options.stdin_filename.empty() ? std::string(kStandardInputName) : options.stdin_filename,
        *options.standard_input};
  }
  load.record = options.verbose;
  load.source_root = options.srcroot;
  load_inputs(options.paths, load, inputs, diagnostics);
  timer.mark("read");
  if (progress) progress->phase("building the model");
  build_model(inputs, model, diagnostics, options.environment.timings);
  declared = analysis::DeclaredClients::resolve(model, clients_left(std::move(specs)), diagnostics);
  timer.mark("model");
  return {};
}

}  // namespace reachlint::cli
