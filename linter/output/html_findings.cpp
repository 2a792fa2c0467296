#include "linter/output/html_findings.h"

#include <fmt/format.h>

#include "linter/output/html_hops.h"
#include "linter/output/html_text.h"
#include "rules/rule.h"

namespace reachlint::output::html {

namespace {

// The finding's own broken hops: the failing steps at its location.
std::vector<const rules::PathStep*> own_steps(const rules::Finding& finding) {
  std::vector<const rules::PathStep*> steps;
  for (const rules::PathStep& step : finding.path) {
    if (step.verdict == "fail" && step.location == finding.location) steps.push_back(&step);
  }
  return steps;
}

void write_status(const rules::Finding& finding, std::string& out) {
  if (finding.suppression) {
    out += "<p class=\"aside\">Suppressed";
    out += finding.suppression->in_source ? " in the template: " : " by the configuration: ";
    append_escaped(out, finding.suppression->justification);
    out += "</p>";
  } else if (finding.baseline_state == "unchanged") {
    out += "<p class=\"aside\">Unchanged since the baseline.</p>";
  } else if (finding.baseline_state == "new") {
    out += "<p class=\"new\">New since the baseline.</p>";
  }
}

// What the walk assumed instead of the finding's own hop, when it went on past it; else what the
// rule's documentation says to do, shown open.
void write_fix(const rules::Finding& finding, std::string& out) {
  bool specific = false;
  for (const rules::PathStep* step : own_steps(finding)) {
    const std::string_view fix = assumed_fix(*step);
    if (fix.empty()) continue;
    out += "<p class=\"fix\"><b>Fix:</b> ";
    append_escaped(out, fix);
    out += "</p>";
    specific = true;
  }
  const std::string_view instead = markdown_section(finding.rule->documentation, "Use instead");
  if (instead.empty()) return;
  out += fmt::format("<details class=\"instead\"{}><summary>{}, as {} says</summary>",
                     specific ? "" : " open", specific ? "The fix in general" : "How to fix",
                     finding.rule->code);
  out += markdown(instead, 5);
  out += "</details>";
}

}  // namespace

std::string level_label(rules::Level level) {
  const std::string_view name = rules::level_name(level);
  return fmt::format("<span class=\"level {0}\">{0}</span>", name);
}

void write_finding(const RunReport& report, const rules::Finding& finding, size_t n,
                   std::string& out) {
  out += fmt::format("<article class=\"finding {}{}\" id=\"finding-{}\"><h4>{} ",
                     rules::level_name(finding.level), finding.active() ? "" : " set-aside", n,
                     level_label(finding.level));
  out += fmt::format("<a href=\"#rule-{0}\">{0}</a> {1}</h4><p class=\"msg\">", finding.rule->code,
                     finding.rule->name);
  append_escaped(out, finding.message);
  out += "</p><p class=\"loc\">";
  append_escaped(out, location_prefix(*report.sources, finding.location));
  out += " &middot; ";
  append_escaped(out, finding.subject);
  if (!finding.subject_type.empty()) {
    out += " (";
    append_escaped(out, finding.subject_type);
    out += ")";
  }
  out += "</p>";
  write_status(finding, out);
  write_fix(finding, out);
  if (!finding.path.empty()) {
    out += hop_strip(finding.path, finding.location);
    out += fmt::format("<details class=\"path\"><summary>Hop by hop ({} hops)</summary>",
                       finding.path.size());
    out += hop_list(*report.sources, finding.path);
    out += "</details>";
  }
  out += "</article>\n";
}

}  // namespace reachlint::output::html
