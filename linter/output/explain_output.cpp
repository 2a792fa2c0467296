// `explain` as text (a person reads it: legs under headings, a verdict last) and as JSON (the same
// content; docs/explain.md documents the shape).
#include <algorithm>

#include <fmt/format.h>

#include "linter/output/explain.h"
#include "linter/output/json_writer.h"
#include "linter/output/report.h"
#include "rules/rule.h"

namespace reachlint::output {

namespace {

std::string leg_heading(const ExplainedLeg& leg) {
  if (!leg.reply) return "request";
  if (leg.role == "standby")
    return fmt::format("reply from the standby subnet {}, after a failover", leg.subnet);
  if (leg.role == "preferred") return fmt::format("reply from the preferred subnet {}", leg.subnet);
  return fmt::format("reply from subnet {}", leg.subnet);
}

void write_hop(const Explanation& explanation, const ExplainedLeg& leg, const ExplainedHop& hop,
               std::string& out) {
  const rules::PathStep& step = hop.step;
  const std::string via = step.via.empty() ? "" : " via " + step.via;
  // Requests into the standby subnet matter once it serves (the rules' messages say so, and the
  // replies' heading).
  const bool broken = step.verdict == "fail";
  const std::string_view when = hop.standby && !leg.reply && !broken ? "after a failover: " : "";
  const std::string what = broken && !hop.message.empty() ? hop.message : step.decision;
  const std::string rule =
      !broken    ? ""
      : hop.rule ? fmt::format(" [{} {}]", hop.rule->code, rules::level_name(hop.level))
                 : " [no rule reports it]";
  out += fmt::format("  {:<7} {}{} ({}): {}{}{}\n", step.verdict, step.resource, via,
                     location_prefix(*explanation.sources, step.location), when, what, rule);
  if (!hop.fix.empty()) out += fmt::format("          fix: {}\n", hop.fix);
  if (broken && !hop.after_fixing.empty())
    out += fmt::format("          found after fixing {}\n", hop.after_fixing);
}

void write_file_system_findings(const Explanation& explanation, const ExplainedTrace& trace,
                                std::string& out) {
  if (trace.file_system_findings.empty()) return;
  out += fmt::format("the file system {} itself\n", trace.file_system);
  for (const ExplainedFinding& finding : trace.file_system_findings) {
    out += fmt::format("  {:<7} {}: {} [{} {}]\n", rules::level_name(finding.level),
                       location_prefix(*explanation.sources, finding.location), finding.message,
                       finding.rule->code, rules::level_name(finding.level));
    if (!finding.fix.empty()) out += fmt::format("          fix: {}\n", finding.fix);
  }
}

void string_or_null(JsonWriter& json, std::string_view text) {
  if (text.empty()) {
    json.null();
    return;
  }
  json.value(text);
}

void write_location_field(JsonWriter& json, const SourceMap& sources, Location location) {
  json.key("location");
  write_json_location(json, sources, location);
}

void write_json_hop(JsonWriter& json, const SourceMap& sources, const ExplainedHop& hop) {
  const rules::PathStep& step = hop.step;
  json.begin_object().field("kind", hop.kind);
  if (!hop.side.empty()) json.field("side", hop.side);
  json.field("resource", step.resource).field("type", step.type);
  if (!step.via.empty()) json.field("via", step.via);
  write_location_field(json, sources, step.location);
  json.field("verdict", step.verdict).field("decision", step.decision);
  json.field("standby", hop.standby);
  if (step.verdict == "fail") {
    json.key("rule");
    string_or_null(json, hop.rule ? hop.rule->code : "");
    json.field("level", rules::level_name(hop.level));
    json.field("message", hop.message).field("fix", hop.fix);
  }
  if (!hop.after_fixing.empty()) json.field("afterFixing", hop.after_fixing);
  json.end_object();
}

void write_json_trace(JsonWriter& json, const SourceMap& sources, const ExplainedTrace& trace) {
  json.begin_object().field("client", trace.client).field("addresses", trace.addresses);
  json.field("filesystem", trace.file_system).field("endpoint", trace.endpoint);
  json.key("legs").begin_array();
  for (const ExplainedLeg& leg : trace.legs) {
    json.begin_object().field("leg", leg.reply ? "reply" : "request");
    if (leg.reply) {
      json.field("subnet", leg.subnet).key("role");
      string_or_null(json, leg.role);
    }
    json.key("hops").begin_array();
    for (const ExplainedHop& hop : leg.hops) write_json_hop(json, sources, hop);
    json.end_array().end_object();
  }
  json.end_array();
  json.key("fileSystemFindings").begin_array();
  for (const ExplainedFinding& finding : trace.file_system_findings) {
    json.begin_object().field("rule", finding.rule->code);
    json.field("level", rules::level_name(finding.level)).field("message", finding.message);
    write_location_field(json, sources, finding.location);
    json.field("fix", finding.fix).end_object();
  }
  json.end_array();
  json.field("reach", reach_name(trace.reach)).field("verdict", trace.verdict).end_object();
}

}  // namespace

std::string format_explain_text(const Explanation& explanation) {
  std::string out;
  for (const Notice& notice : explanation.notices) {
    out += fmt::format("{}: notice: {}\n", location_prefix(*explanation.sources, notice.location),
                       notice.message);
  }
  for (const ExplainedTrace& trace : explanation.traces) {
    if (!out.empty()) out += '\n';
    // A client given as a CIDR is its addresses.
    const std::string addresses =
        trace.addresses == trace.client ? "" : fmt::format(" ({})", trace.addresses);
    out += fmt::format("{}{} -> {} ({})\n", trace.client, addresses, trace.file_system,
                       trace.endpoint);
    for (const ExplainedLeg& leg : trace.legs) {
      out += leg_heading(leg) + '\n';
      for (const ExplainedHop& hop : leg.hops) write_hop(explanation, leg, hop, out);
    }
    write_file_system_findings(explanation, trace, out);
    out += fmt::format("verdict: {}\n", trace.verdict);
  }
  if (explanation.traces.size() > 1) {
    size_t counts[3] = {0, 0, 0};  // cannot connect, connect, cannot be told
    for (const ExplainedTrace& trace : explanation.traces) {
      ++counts[trace.reach == Reach::Connects ? 1 : trace.reach == Reach::Undecided ? 2 : 0];
    }
    out += fmt::format("\n{} pairs traced: {} cannot connect, {} can, {} cannot be told\n",
                       explanation.traces.size(), counts[0], counts[1], counts[2]);
  }
  return out;
}

std::string format_explain_json(const Explanation& explanation) {
  std::string out;
  JsonWriter json(out);
  json.begin_object().key("traces").begin_array();
  for (const ExplainedTrace& trace : explanation.traces)
    write_json_trace(json, *explanation.sources, trace);
  json.end_array();
  json.key("notices").begin_array();
  for (const Notice& notice : explanation.notices) {
    json.begin_object().field("message", notice.message);
    write_location_field(json, *explanation.sources, notice.location);
    json.end_object();
  }
  json.end_array();
  if (!explanation.errors.empty()) {
    json.key("errors").begin_array();
    for (const InputError& error : explanation.errors) {
      json.begin_object().field("message", error.message);
      write_location_field(json, *explanation.sources, error.location);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  return out;
}

}  // namespace reachlint::output
