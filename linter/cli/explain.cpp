#include "linter/cli/explain.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <re2/re2.h>

#include "linter/cli/options.h"
#include "rules/rule.h"

namespace reachlint::cli {

namespace {

// How many candidates a hint lists when none is close to what was given.
constexpr size_t kListed = 8;

// "; did you mean 'X'?", else "; the inputs have A, B and 3 more", else "; the inputs have none".
std::string hint(const std::string& given, std::vector<std::string> candidates) {
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  if (candidates.empty()) return "; the inputs have none";
  const std::string near = closest(given, candidates);
  if (!near.empty()) return fmt::format("; did you mean '{}'?", near);
  const size_t shown = std::min(kListed, candidates.size());
  std::string list = fmt::format(
      "{}",
      fmt::join(candidates.begin(), candidates.begin() + static_cast<ptrdiff_t>(shown), ", "));
  if (candidates.size() > shown) list += fmt::format(" and {} more", candidates.size() - shown);
  return "; the inputs have " + list;
}

bool is_client_kind(model::Kind kind, const std::string& wanted) {
  const bool client =
      kind == model::Kind::Subnet || kind == model::Kind::Instance || kind == model::Kind::Vpc;
  if (!client) return false;
  return wanted.empty() || wanted == "resource" || model::entity_info(kind).word == wanted;
}

std::vector<std::string> names_of(const model::Model& model, const std::string& kind) {
  std::vector<std::string> names;
  const auto add = [&](const auto& array, model::Kind k) {
    if (!is_client_kind(k, kind)) return;
    for (const auto& entity : array) {
      if (!entity.origin.implicit && !entity.origin.name.empty())
        names.emplace_back(entity.origin.name);
    }
  };
  add(model.subnets, model::Kind::Subnet);
  add(model.instances, model::Kind::Instance);
  add(model.vpcs, model::Kind::Vpc);
  return names;
}

Status check_client(const model::Model& model, const analysis::ClientSpec& spec) {
  // Any CIDR is a client: inside a modelled subnet or outside them all.
  if (analysis::names_cidr(spec.kind, spec.value)) return {};
  const std::vector<model::EntityRef> found = analysis::find_client_id(model, spec.value);
  if (std::any_of(found.begin(), found.end(),
                  [&](const model::EntityRef& ref) { return is_client_kind(ref.kind, spec.kind); }))
    return {};
  const std::string what =
      spec.kind.empty() || spec.kind == "resource" ? "subnet, instance or VPC" : spec.kind;
  return Error{.message = fmt::format("--from '{}' matches no {} in the inputs{}", spec.value, what,
                                      hint(spec.value, names_of(model, spec.kind)))};
}

}  // namespace

Status check_explain_targets(const model::Model& model, const analysis::ClientSpec& spec) {
  if (Status client = check_client(model, spec); !client) return client;
  std::vector<std::string> file_systems;
  for (const model::FileSystem& fs : model.file_systems) file_systems.emplace_back(fs.origin.name);
  for (const std::string& pattern : spec.filesystems) {
    const RE2 re(pattern, RE2::Quiet);
    if (!re.ok()) continue;  // resolving the client says what is wrong with it
    if (std::any_of(file_systems.begin(), file_systems.end(),
                    [&](const std::string& name) { return RE2::FullMatch(name, re); }))
      continue;
    return Error{.message = fmt::format("--to '{}' matches no file system in the inputs{}", pattern,
                                        hint(pattern, file_systems))};
  }
  return {};
}

std::vector<rules::RuleReport> rule_reports(
    const model::Model& model, const std::vector<analysis::FileSystemAnalysis>& analyses,
    analysis::NfsProfile nfs) {
  std::vector<rules::RuleReport> reports;
  const rules::RuleContext context{model, analyses, nfs};
  for (const rules::RuleInfo* rule : rules::all_rules()) {
    rules::FindingSink sink(model, *rule);
    sink.record_reports(&reports);
    rule->check(context, sink);
  }
  return reports;
}

}  // namespace reachlint::cli
