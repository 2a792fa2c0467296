#include "linter/output/html_summary.h"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "linter/output/html_text.h"
#include "rules/rule.h"

namespace reachlint::output::html {

namespace {

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", grouped(n), word, n == 1 ? "" : "s");
}

struct Counts {
  std::array<size_t, 3> active{};  // by rules::Level
  size_t suppressed = 0;
  size_t unchanged = 0;

  void add(const rules::Finding& finding) {
    if (finding.suppression) {
      ++suppressed;
    } else if (finding.baseline_state == "unchanged") {
      ++unchanged;
    } else {
      ++active[static_cast<size_t>(finding.level)];
    }
  }
};

Counts count_all(const RunReport& report) {
  Counts counts;
  for (const rules::Finding& finding : report.findings) counts.add(finding);
  return counts;
}

void write_card(std::string_view css, size_t value, std::string_view label, std::string& out) {
  out += fmt::format("<div class=\"card {}\"><b>{}</b>{}</div>", css, grouped(value), label);
}

void write_cards(const RunReport& report, const Counts& counts, const ClientTally& clients,
                 std::string& out) {
  out += "<div class=\"cards\">";
  write_card(counts.active[0] ? "fail" : "", counts.active[0], "errors", out);
  write_card(counts.active[1] ? "warning" : "", counts.active[1], "warnings", out);
  write_card("", counts.active[2], "notes", out);
  write_card("", report.file_systems, "file systems checked", out);
  write_card(report.unchecked_file_systems ? "warning" : "", report.unchecked_file_systems,
             "file systems not checked", out);
  write_card("", clients.total, "clients", out);
  write_card("", report.notices.size(), "notices", out);
  write_card("", counts.suppressed, "suppressed", out);
  write_card("", counts.unchanged, "unchanged since the baseline", out);
  if (!report.absent.empty()) write_card("", report.absent.size(), "fixed since the baseline", out);
  out += "</div>";
}

void write_rule_table(const RunReport& report, std::string& out) {
  std::map<std::string_view, std::pair<const rules::RuleInfo*, Counts>> by_rule;
  for (const rules::Finding& finding : report.findings) {
    auto& entry = by_rule[finding.rule->code];
    entry.first = finding.rule;
    entry.second.add(finding);
  }
  out += "<h3>Findings by rule and level</h3>";
  if (by_rule.empty()) {
    out += "<p>No rule found anything.</p>";
    return;
  }
  out +=
      "<table><tr><th>rule</th><th>name</th><th>errors</th><th>warnings</th><th>notes</th>"
      "<th>suppressed</th><th>unchanged since the baseline</th></tr>";
  for (const auto& [code, entry] : by_rule) {
    const Counts& c = entry.second;
    out += fmt::format(
        "<tr><td><a href=\"#rule-{0}\">{0}</a></td><td>{1}</td><td class=\"n\">{2}</td>"
        "<td class=\"n\">{3}</td><td class=\"n\">{4}</td><td class=\"n\">{5}</td>"
        "<td class=\"n\">{6}</td></tr>",
        code, entry.first->name, c.active[0], c.active[1], c.active[2], c.suppressed, c.unchanged);
  }
  out += "</table>";
}

// A list behind its count: inputs and scopes run into the hundreds in an organisation.
void write_folded_list(std::string_view label, std::vector<std::string> items, std::string& out) {
  std::sort(items.begin(), items.end());
  out += fmt::format("<details><summary>{}</summary><ul class=\"ids\">", label);
  for (const std::string& item : items) {
    out += "<li>";
    append_escaped(out, item);
    out += "</li>";
  }
  out += "</ul></details>";
}

std::string unchecked_reason(const RunReport& report, const analysis::FileSystemAnalysis& a) {
  if (!a.needs.empty()) return a.endpoint.why;
  return fmt::format("reachlint checks NFS on FSx for OpenZFS and ONTAP, not {}",
                     analysis::type_name(report.model->file_systems[a.file_system].type));
}

void write_unchecked(const RunReport& report, std::string& out) {
  if (!report.analyses || report.unchecked_file_systems == 0) return;
  out += fmt::format(
      "<h3>File systems not checked ({})</h3><table><tr><th>file system</th>"
      "<th>why</th></tr>",
      report.unchecked_file_systems);
  for (const analysis::FileSystemAnalysis& a : *report.analyses) {
    if (!a.in_shard || a.checked) continue;
    out += fmt::format("<tr><td><a href=\"#fs-{}\">", a.file_system);
    append_escaped(out, report.model->file_systems[a.file_system].origin.name);
    out += "</a></td><td>";
    append_escaped(out, unchecked_reason(report, a));
    out += "</td></tr>";
  }
  out += "</table>";
}

void write_absent(const RunReport& report, std::string& out) {
  if (report.absent.empty()) return;
  out += fmt::format("<h3>Fixed since the baseline ({})</h3><ul>", report.absent.size());
  for (const AbsentResult& absent : report.absent) {
    out += "<li><b>";
    append_escaped(out, absent.rule);
    out += "</b> ";
    append_escaped(out, absent.message);
    out += "</li>";
  }
  out += "</ul>";
}

}  // namespace

std::string verdict_line(const RunReport& report) {
  const Counts counts = count_all(report);
  std::vector<std::string> found;
  if (counts.active[0]) found.push_back(plural(counts.active[0], "error"));
  if (counts.active[1]) found.push_back(plural(counts.active[1], "warning"));
  if (counts.active[2]) found.push_back(plural(counts.active[2], "note"));
  const std::string unchecked = report.unchecked_file_systems
                                    ? fmt::format(", {} not checked", report.unchecked_file_systems)
                                    : "";
  return fmt::format("{} in {} checked{} ({})",
                     found.empty() ? "No problems" : fmt::format("{}", fmt::join(found, ", ")),
                     plural(report.file_systems, "file system"), unchecked,
                     plural(report.notices.size(), "notice"));
}

void write_summary(const RunReport& report, const ClientTally& clients, std::string& out) {
  out += "<section id=\"summary\"><h2>Summary</h2>";
  write_cards(report, count_all(report), clients, out);
  if (clients.total > 0) out += "<p>" + client_counts(clients) + ".</p>";
  write_rule_table(report, out);
  out += "<h3>Inputs</h3>";
  std::vector<std::string> files;
  for (uint32_t file = 0; file < report.sources->size(); ++file)
    files.push_back(report.sources->path(file));
  const std::string inputs = plural(files.size(), "file") + " read";
  write_folded_list(inputs, std::move(files), out);
  if (report.model && !report.model->stacks.empty()) {
    const size_t scopes = report.model->stacks.size();
    write_folded_list(scopes == 1 ? "1 stack or account/region"
                                  : fmt::format("{} stacks or accounts/regions", scopes),
                      report.model->stacks, out);
  }
  write_unchecked(report, out);
  write_absent(report, out);
  out += "</section>\n";
}

}  // namespace reachlint::output::html
