#include "linter/core/whole_file.h"
#include "linter/output/json_writer.h"
#include "linter/output/report.h"
#include "rules/rule.h"

namespace reachlint::output {

void write_json_location(JsonWriter& json, const SourceMap& sources, Location location) {
  if (!location.known()) {
    json.null();
    return;
  }
  json.begin_object().field("uri", sources.path(location.file));
  if (is_whole_file(location)) {  // the path as a whole: no line or column to invent
    json.key("line").null().key("column").null().end_object();
    return;
  }
  const LineColumn lc = sources.line_column(location);
  json.field("line", lc.line).field("column", lc.column).end_object();
}

// The stack of the finding's file system; empty for an exported one or a network-wide finding.
std::string_view file_system_stack(const model::Model& model, const rules::Finding& finding) {
  if (finding.file_system == model::kNone) return {};
  const model::Index stack = model.file_systems[finding.file_system].origin.stack;
  return stack < model.stacks.size() ? std::string_view(model.stacks[stack]) : std::string_view{};
}

namespace {

// An id or a stack's name, or null for none (a network-wide finding, an exported resource, a CIDR).
void write_or_null(JsonWriter& json, std::string_view text) {
  if (text.empty()) {
    json.null();
  } else {
    json.value(text);
  }
}

void write_finding(JsonWriter& json, const RunReport& report, const rules::Finding& finding) {
  json.begin_object();
  json.field("rule", finding.rule->code).field("level", rules::level_name(finding.level));
  json.field("message", finding.message).key("filesystem");
  write_or_null(json, finding.filesystem);
  // Logical ids repeat across stacks: the file system's stack tells them apart.
  json.key("stack");
  write_or_null(json, file_system_stack(*report.model, finding));
  // The client's id as it was named, and beside it its stack (ids repeat across stacks too).
  const rules::FindingClient* one =
      finding.clients.size() == 1 ? &finding.clients.front() : nullptr;
  json.key("client");
  write_or_null(json, one ? std::string_view(one->id) : std::string_view{});
  json.key("clientStack");
  write_or_null(json, one ? std::string_view(one->stack) : std::string_view{});
  if (finding.clients.size() > 1) {
    json.key("clients").begin_array();
    for (const rules::FindingClient& client : finding.clients) json.value(client.id);
    json.end_array();
    json.key("clientStacks").begin_array();  // in the order of "clients"
    for (const rules::FindingClient& client : finding.clients) write_or_null(json, client.stack);
    json.end_array();
  }
  json.field("resource", finding.subject);
  json.key("location");
  write_json_location(json, *report.sources, finding.location);
  json.key("path").begin_array();
  for (const rules::PathStep& step : finding.path) {
    json.begin_object().field("resource", step.resource);
    if (!step.via.empty()) json.field("via", step.via);
    json.key("location");
    write_json_location(json, *report.sources, step.location);
    json.field("verdict", step.verdict).field("decision", step.decision).end_object();
  }
  json.end_array();
  if (finding.suppression) {
    json.key("suppressed")
        .begin_object()
        .field("kind", finding.suppression->in_source ? "inSource" : "external")
        .field("reason", finding.suppression->justification)
        .end_object();
  }
  if (!finding.baseline_state.empty()) json.field("baselineState", finding.baseline_state);
  json.end_object();
}

void write_absent(JsonWriter& json, const AbsentResult& absent) {
  json.begin_object().field("rule", absent.rule).field("message", absent.message);
  json.field("fingerprint", absent.fingerprint).end_object();
}

}  // namespace

std::string format_json(const RunReport& report) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("findings").begin_array();
  for (const rules::Finding& finding : report.findings) write_finding(json, report, finding);
  json.end_array();
  json.key("notices").begin_array();
  for (const Notice& notice : report.notices) {
    json.begin_object().field("message", notice.message);
    json.key("location");
    write_json_location(json, *report.sources, notice.location);
    json.end_object();
  }
  json.end_array();
  if (!report.absent.empty()) {
    json.key("absent").begin_array();
    for (const AbsentResult& absent : report.absent) write_absent(json, absent);
    json.end_array();
  }
  if (!report.errors.empty()) {
    json.key("errors").begin_array();
    for (const InputError& error : report.errors) {
      json.begin_object().field("message", error.message);
      json.key("location");
      write_json_location(json, *report.sources, error.location);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  return out;
}

}  // namespace reachlint::output
