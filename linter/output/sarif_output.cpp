// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), one run, as
// GitHub code scanning ingests it: rule metadata with help, artifacts, regions with real
// start and end, logical locations under their stack or account, related locations and a code
// flow per path, fingerprints from what is broken, suppressions and baseline states.
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "linter/core/whole_file.h"
#include "linter/output/json_writer.h"
#include "linter/output/report.h"
#include "rules/rule.h"

namespace reachlint::output {

namespace {

constexpr std::string_view kInformationUri = "https://github.com/reachlint/reachlint";

std::string rule_help_uri(std::string_view code) {
  return fmt::format("{}/blob/main/docs/rules/{}.md", kInformationUri, code);
}

std::string_view sarif_level(rules::Level level) {
  switch (level) {
    case rules::Level::Error:
      return "error";
    case rules::Level::Warning:
      return "warning";
    case rules::Level::Note:
      return "note";
  }
  return "error";
}

// Percent-encodes what may not appear in a URI path.
std::string uri_path(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain =
        std::isalnum(byte) || std::string_view("/-._~").find(c) != std::string_view::npos;
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

// The artifact's uri relative to the source root, or empty when it lies outside it.
std::string relative_uri(const std::string& path, const std::string& srcroot) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(srcroot);
  if (relative.empty() || relative.native().starts_with("..")) return {};
  return uri_path(relative.generic_string());
}

std::string absolute_uri(const std::string& path) {
  std::error_code ec;
  return "file://" +
         uri_path(std::filesystem::absolute(path, ec).lexically_normal().generic_string());
}

// The first paragraph under "## Why is this bad?": the rule's full description.
std::string full_description(const rules::RuleInfo& rule) {
  const std::string_view doc = rule.documentation;
  const size_t heading = doc.find("## Why is this bad?");
  if (heading == std::string_view::npos) return std::string(rule.summary);
  const size_t start = doc.find('\n', heading) + 1;
  const size_t end = doc.find("\n\n", start);
  std::string text(doc.substr(start, end - start));
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return fmt::format("{}. {}", rule.summary, text);
}

void write_rule(JsonWriter& json, const rules::RuleInfo& rule) {
  json.begin_object().field("id", rule.code).field("name", rule.name);
  json.key("shortDescription").begin_object().field("text", rule.summary).end_object();
  json.key("fullDescription").begin_object().field("text", full_description(rule)).end_object();
  json.key("help")
      .begin_object()
      .field("text", fmt::format("{}. See {}", rule.summary, rule_help_uri(rule.code)))
      .field("markdown", rule.documentation)
      .end_object();
  json.field("helpUri", rule_help_uri(rule.code));
  json.key("defaultConfiguration")
      .begin_object()
      .field("level", sarif_level(rule.level))
      .end_object();
  json.key("properties").begin_object();
  json.key("tags").begin_array();
  std::string_view tags = rule.tags;
  while (!tags.empty()) {
    const size_t comma = tags.find(',');
    json.value(tags.substr(0, comma));
    tags.remove_prefix(comma == std::string_view::npos ? tags.size() : comma + 1);
  }
  json.end_array();
  json.field("precision", "high")
      .field("problem.severity",
             sarif_level(rule.level) == "note" ? "recommendation" : sarif_level(rule.level));
  json.field("security-severity", rule.severity);
  json.end_object();
  json.end_object();
}

class SarifWriter {
 public:
  SarifWriter(const RunReport& report, const SarifOptions& options, std::string& out)
      : report_(report), options_(options), json_(out) {
    collect_artifacts();
    collect_logical_locations();
  }

  void write() {
    json_.begin_object();
    json_.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        .field("version", "2.1.0");
    json_.key("runs").begin_array().begin_object();
    write_tool();
    if (!options_.category.empty()) {
      // "category/": a category without a run id, as GitHub code scanning reads it.
      const std::string id =
          options_.category.ends_with('/') ? options_.category : options_.category + "/";
      json_.key("automationDetails").begin_object().field("id", id).end_object();
    }
    json_.key("originalUriBaseIds").begin_object().key("%SRCROOT%").begin_object();
    json_.field("uri", fmt::format("file://{}/",
                                   uri_path(options_.srcroot == "/" ? "" : options_.srcroot)));
    json_.end_object().end_object();
    write_artifacts();
    write_logical_locations();
    json_.field("columnKind", "utf16CodeUnits");
    write_results();
    write_invocation();
    json_.end_object().end_array();
    json_.end_object();
  }

 private:
  // ---- what the run refers to ----

  void collect_artifacts() {
    std::set<uint32_t> files;
    for (const rules::Finding& finding : report_.findings) {
      files.insert(finding.location.file);
      for (const rules::PathStep& step : finding.path) files.insert(step.location.file);
    }
    for (const Notice& notice : report_.notices) files.insert(notice.location.file);
    for (const InputError& error : report_.errors) files.insert(error.location.file);
    files.erase(Location::kNoFile);
    for (const uint32_t file : files) {
      artifact_index_[file] = artifacts_.size();
      artifacts_.push_back(file);
    }
  }

  std::string scope_name(model::Index scope) const {
    return scope < report_.model->stacks.size() ? report_.model->stacks[scope] : std::string();
  }

  // Resources under their stack (templates) or account/region (exports).
  void collect_logical_locations() {
    for (const rules::Finding& finding : report_.findings) {
      const std::string scope = scope_name(finding.stack);
      if (!scope.empty() && !scope_index_.count(scope)) {
        scope_index_[scope] = logical_.size();
        logical_.push_back({scope, scope, "module", SIZE_MAX});
      }
      const std::string qualified = scope.empty() ? finding.subject : scope + "/" + finding.subject;
      if (resource_index_.count(qualified)) continue;
      resource_index_[qualified] = logical_.size();
      logical_.push_back(
          {finding.subject, qualified, "resource", scope.empty() ? SIZE_MAX : scope_index_[scope]});
    }
  }

  // ---- writing ----

  void write_tool() {
    json_.key("tool").begin_object().key("driver").begin_object();
    json_.field("name", "reachlint")
        .field("version", REACHLINT_VERSION)
        .field("semanticVersion", REACHLINT_VERSION);
    json_.field("informationUri", kInformationUri);
    json_.key("rules").begin_array();
    for (const rules::RuleInfo* rule : rules::all_rules()) write_rule(json_, *rule);
    json_.end_array();
    json_.end_object().end_object();
  }

  void write_artifact_location(const std::string& path, std::optional<size_t> index) {
    const std::string relative = relative_uri(path, options_.srcroot);
    json_.key("artifactLocation").begin_object();
    if (relative.empty())
      json_.field("uri", absolute_uri(path));
    else
      json_.field("uri", relative).field("uriBaseId", "%SRCROOT%");
    if (index) json_.field("index", static_cast<int64_t>(*index));
    json_.end_object();
  }

  void write_artifacts() {
    if (artifacts_.empty()) return;
    json_.key("artifacts").begin_array();
    for (const uint32_t file : artifacts_) {
      json_.begin_object().key("location").begin_object();
      const std::string& path = report_.sources->path(file);
      const std::string relative = relative_uri(path, options_.srcroot);
      if (relative.empty())
        json_.field("uri", absolute_uri(path));
      else
        json_.field("uri", relative).field("uriBaseId", "%SRCROOT%");
      json_.end_object();
      json_.key("roles").begin_array().value("analysisTarget").end_array();
      json_.end_object();
    }
    json_.end_array();
  }

  void write_logical_locations() {
    if (logical_.empty()) return;
    json_.key("logicalLocations").begin_array();
    for (const Logical& entry : logical_) {
      json_.begin_object()
          .field("name", entry.name)
          .field("fullyQualifiedName", entry.qualified)
          .field("kind", entry.kind);
      if (entry.parent != SIZE_MAX) json_.field("parentIndex", static_cast<int64_t>(entry.parent));
      json_.end_object();
    }
    json_.end_array();
  }

  void write_physical(Location location) {
    const LineColumn start = report_.sources->line_column(location);
    const LineColumn end = report_.sources->line_column(report_.sources->token_end(location));
    json_.key("physicalLocation").begin_object();
    write_artifact_location(report_.sources->path(location.file),
                            artifact_index_.at(location.file));
    if (is_whole_file(location)) {  // no region: the path as a whole
      json_.end_object();
      return;
    }
    json_.key("region").begin_object();
    json_.field("startLine", start.line).field("startColumn", start.column);
    json_.field("endLine", std::max(end.line, start.line))
        .field("endColumn",
               end.line > start.line ? end.column : std::max(end.column, start.column + 1));
    json_.end_object();
    json_.end_object();
  }

  void write_location(Location location, const std::string* message) {
    json_.begin_object();
    write_physical(location);
    if (message) json_.key("message").begin_object().field("text", *message).end_object();
    json_.end_object();
  }

  size_t rule_index(const rules::RuleInfo* rule) const {
    const auto all = rules::all_rules();
    size_t index = 0;
    while (index < all.size() && all[index] != rule) ++index;
    return index;
  }

  void write_result(const rules::Finding& finding) {
    json_.begin_object()
        .field("ruleId", finding.rule->code)
        .field("ruleIndex", static_cast<int64_t>(rule_index(finding.rule)));
    json_.field("level", sarif_level(finding.level));
    json_.key("message").begin_object().field("text", finding.message).end_object();
    json_.key("locations").begin_array().begin_object();
    write_physical(finding.location);
    const std::string scope = scope_name(finding.stack);
    const std::string qualified = scope.empty() ? finding.subject : scope + "/" + finding.subject;
    json_.key("logicalLocations").begin_array().begin_object();
    json_.field("index", static_cast<int64_t>(resource_index_.at(qualified)));
    json_.field("name", finding.subject)
        .field("fullyQualifiedName", qualified)
        .field("kind", "resource");
    json_.end_object().end_array();
    json_.end_object().end_array();
    write_related(finding);
    write_code_flow(finding);
    write_fingerprints(rules::fingerprint(finding));
    if (finding.suppression) {
      json_.key("suppressions").begin_array().begin_object();
      json_.field("kind", finding.suppression->in_source ? "inSource" : "external");
      json_.field("justification", finding.suppression->justification);
      json_.end_object().end_array();
    }
    if (!finding.baseline_state.empty()) json_.field("baselineState", finding.baseline_state);
    json_.end_object();
  }

  void write_related(const rules::Finding& finding) {
    std::set<std::pair<Location, std::string>> seen;
    std::vector<const rules::PathStep*> steps;
    for (const rules::PathStep& step : finding.path) {
      if (step.location.known() && seen.insert({step.location, step.resource}).second)
        steps.push_back(&step);
    }
    if (steps.empty()) return;
    json_.key("relatedLocations").begin_array();
    for (size_t i = 0; i < steps.size(); ++i) {
      json_.begin_object().field("id", static_cast<int64_t>(i + 1));
      write_physical(steps[i]->location);
      json_.key("message")
          .begin_object()
          .field("text", fmt::format("{}: {}", steps[i]->resource, steps[i]->decision))
          .end_object();
      json_.end_object();
    }
    json_.end_array();
  }

  // One thread-flow location per hop, saying what decided it.
  void write_code_flow(const rules::Finding& finding) {
    std::vector<const rules::PathStep*> steps;
    for (const rules::PathStep& step : finding.path) {
      if (step.location.known()) steps.push_back(&step);
    }
    if (steps.empty()) return;
    json_.key("codeFlows").begin_array().begin_object();
    json_.key("threadFlows").begin_array().begin_object().key("locations").begin_array();
    for (const rules::PathStep* step : steps) {
      json_.begin_object();
      const std::string text =
          fmt::format("{} {}{}: {}", step->verdict, step->resource,
                      step->via.empty() ? "" : " via " + step->via, step->decision);
      json_.key("location");
      write_location(step->location, &text);
      json_.field("importance", step->verdict == "pass" ? "unimportant" : "essential");
      json_.end_object();
    }
    json_.end_array().end_object().end_array();
    json_.end_object().end_array();
  }

  // GitHub code scanning matches alerts across runs by primaryLocationLineHash, and computes one
  // from the text of the line when it is missing; ours comes from what is broken, so an alert
  // survives edits to the line and moves of the resource.
  void write_fingerprints(const std::string& identity) {
    json_.key("partialFingerprints")
        .begin_object()
        .field("reachlintIdentity/v1", identity)
        .field("primaryLocationLineHash", identity + ":1")
        .end_object();
  }

  void write_absent(const AbsentResult& absent) {
    const rules::RuleInfo* rule = rules::find_rule(absent.rule);
    json_.begin_object().field("ruleId", absent.rule);
    if (rule) json_.field("ruleIndex", static_cast<int64_t>(rule_index(rule)));
    if (!absent.level.empty()) json_.field("level", absent.level);
    json_.key("message").begin_object().field("text", absent.message).end_object();
    if (!absent.uri.empty()) {
      json_.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
      json_.key("artifactLocation").begin_object().field("uri", absent.uri);
      if (!absent.uri.starts_with("file:")) json_.field("uriBaseId", "%SRCROOT%");
      json_.end_object();
      if (absent.line > 0) {
        json_.key("region").begin_object().field("startLine", absent.line);
        if (absent.column > 0) json_.field("startColumn", absent.column);
        json_.end_object();
      }
      json_.end_object().end_object().end_array();
    }
    write_fingerprints(absent.fingerprint);
    json_.field("baselineState", "absent");
    json_.end_object();
  }

  void write_results() {
    json_.key("results").begin_array();
    for (const rules::Finding& finding : report_.findings) write_result(finding);
    for (const AbsentResult& absent : report_.absent) write_absent(absent);
    json_.end_array();
  }

  void write_notification(std::string_view level, const std::string& message, Location location) {
    json_.begin_object().field("level", level);
    json_.key("message").begin_object().field("text", message).end_object();
    if (location.known()) {
      json_.key("locations").begin_array();
      write_location(location, nullptr);
      json_.end_array();
    }
    json_.end_object();
  }

  void write_invocation() {
    json_.key("invocations").begin_array().begin_object();
    json_.field("executionSuccessful", report_.errors.empty());
    json_.key("toolExecutionNotifications").begin_array();
    for (const InputError& error : report_.errors)
      write_notification("error", error.message, error.location);
    for (const Notice& notice : report_.notices)
      write_notification("note", notice.message, notice.location);
    json_.end_array();
    json_.end_object().end_array();
  }

  struct Logical {
    std::string name;
    std::string qualified;
    std::string_view kind;
    size_t parent;
  };

  const RunReport& report_;
  const SarifOptions& options_;
  JsonWriter json_;
  std::vector<uint32_t> artifacts_;
  std::map<uint32_t, size_t> artifact_index_;
  std::vector<Logical> logical_;
  std::map<std::string, size_t> scope_index_;
  std::map<std::string, size_t> resource_index_;
};

}  // namespace

std::string format_sarif(const RunReport& report, const SarifOptions& options) {
  std::string out;
  SarifWriter(report, options, out).write();
  return out;
}

}  // namespace reachlint::output
