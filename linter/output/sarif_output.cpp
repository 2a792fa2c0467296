// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), one run.
#include <cctype>
#include <filesystem>
#include <set>

#include <fmt/format.h>

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

// FNV-1a: a stable hash of what is broken, independent of lines.
std::string fingerprint(std::string_view text) {
  uint64_t hash = 1469598103934665603ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
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

void write_rule(JsonWriter& json, const rules::RuleInfo& rule) {
  json.begin_object().field("id", rule.code).field("name", rule.name);
  json.key("shortDescription").begin_object().field("text", rule.summary).end_object();
  json.key("fullDescription").begin_object().field("text", rule.summary).end_object();
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
  json.field("precision", "high").field("security-severity", rule.severity);
  json.end_object();
  json.end_object();
}

class SarifWriter {
 public:
  SarifWriter(const RunReport& report, const SarifOptions& options, std::string& out)
      : report_(report), options_(options), json_(out) {}

  void write() {
    json_.begin_object();
    json_.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        .field("version", "2.1.0");
    json_.key("runs").begin_array().begin_object();
    write_tool();
    json_.key("originalUriBaseIds")
        .begin_object()
        .key("%SRCROOT%")
        .begin_object()
        .field("uri",
               fmt::format("file://{}/", uri_path(options_.srcroot == "/" ? "" : options_.srcroot)))
        .end_object()
        .end_object();
    json_.field("columnKind", "utf16CodeUnits");
    write_results();
    write_invocation();
    json_.end_object().end_array();
    json_.end_object();
  }

 private:
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

  void write_physical(Location location) {
    const LineColumn lc = report_.sources->line_column(location);
    json_.key("physicalLocation").begin_object();
    const std::string& path = report_.sources->path(location.file);
    const std::string relative = relative_uri(path, options_.srcroot);
    json_.key("artifactLocation").begin_object();
    if (relative.empty())
      json_.field("uri", absolute_uri(path));
    else
      json_.field("uri", relative).field("uriBaseId", "%SRCROOT%");
    json_.end_object();
    json_.key("region")
        .begin_object()
        .field("startLine", lc.line)
        .field("startColumn", lc.column)
        .end_object();
    json_.end_object();
  }

  void write_result(const rules::Finding& finding) {
    const auto all = rules::all_rules();
    size_t index = 0;
    while (index < all.size() && all[index] != finding.rule) ++index;
    json_.begin_object()
        .field("ruleId", finding.rule->code)
        .field("ruleIndex", static_cast<int64_t>(index));
    json_.field("level", sarif_level(finding.level));
    json_.key("message").begin_object().field("text", finding.message).end_object();
    json_.key("locations").begin_array().begin_object();
    write_physical(finding.location);
    json_.key("logicalLocations").begin_array().begin_object().field("name", finding.subject);
    const std::string stack =
        finding.stack < report_.model->stacks.size() ? report_.model->stacks[finding.stack] : "";
    json_.field("fullyQualifiedName",
                stack.empty() ? finding.subject : stack + "/" + finding.subject);
    json_.field("kind", "resource").end_object().end_array();
    json_.end_object().end_array();
    write_related(finding);
    json_.key("partialFingerprints")
        .begin_object()
        .field("reachlintIdentity/v1",
               fingerprint(fmt::format("{}|{}", finding.rule->code, finding.identity)))
        .end_object();
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

  void write_results() {
    json_.key("results").begin_array();
    for (const rules::Finding& finding : report_.findings) write_result(finding);
    json_.end_array();
  }

  void write_notification(std::string_view level, const std::string& message, Location location) {
    json_.begin_object().field("level", level);
    json_.key("message").begin_object().field("text", message).end_object();
    if (location.known()) {
      json_.key("locations").begin_array().begin_object();
      write_physical(location);
      json_.end_object().end_array();
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

  const RunReport& report_;
  const SarifOptions& options_;
  JsonWriter json_;
};

}  // namespace

std::string format_sarif(const RunReport& report, const SarifOptions& options) {
  std::string out;
  SarifWriter(report, options, out).write();
  return out;
}

}  // namespace reachlint::output
