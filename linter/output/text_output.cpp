#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "linter/core/whole_file.h"
#include "linter/output/notice_summary.h"
#include "linter/output/report.h"
#include "rules/rule.h"

namespace reachlint::output {

void sort_findings(std::vector<rules::Finding>& findings) {
  std::sort(findings.begin(), findings.end(), [](const rules::Finding& a, const rules::Finding& b) {
    return std::tie(a.location, a.rule->code, a.message) <
           std::tie(b.location, b.rule->code, b.message);
  });
}

std::string location_prefix(const SourceMap& sources, Location location) {
  if (!location.known()) return "reachlint";
  if (is_whole_file(location)) return sources.path(location.file);
  const LineColumn lc = sources.line_column(location);
  return fmt::format("{}:{}:{}", sources.path(location.file), lc.line, lc.column);
}

namespace {

struct Palette {
  bool on;
  std::string paint(std::string_view text, std::string_view code) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, text) : std::string(text);
  }
  std::string level(rules::Level level) const {
    static constexpr std::string_view kCodes[] = {"1;31", "1;33", "1;36"};
    return paint(rules::level_name(level), kCodes[static_cast<int>(level)]);
  }
};

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void write_finding(const RunReport& report, const rules::Finding& finding, const Palette& palette,
                   bool show_path, std::string& out) {
  out += fmt::format("{}: {}: {} {}\n",
                     palette.paint(location_prefix(*report.sources, finding.location), "1"),
                     palette.level(finding.level), finding.message,
                     palette.paint(fmt::format("[{}]", finding.rule->code), "2"));
  if (finding.suppression)
    out += fmt::format("    suppressed: {}\n", finding.suppression->justification);
  else if (finding.baseline_state == "unchanged")
    out += "    unchanged since the baseline\n";
  if (!show_path) return;
  for (const rules::PathStep& step : finding.path) {
    const std::string_view mark = step.verdict == "pass"   ? "ok  "
                                  : step.verdict == "fail" ? "FAIL"
                                                           : "??  ";
    const std::string via = step.via.empty() ? "" : " via " + step.via;
    out += fmt::format("    {} {}{} ({}): {}\n", mark, step.resource, via,
                       location_prefix(*report.sources, step.location), step.decision);
  }
}

// What was set aside: suppressed, known to the baseline, fixed since the baseline.
std::string set_aside(const RunReport& report) {
  size_t suppressed = 0;
  size_t unchanged = 0;
  for (const rules::Finding& finding : report.findings) {
    if (finding.suppression)
      ++suppressed;
    else if (finding.baseline_state == "unchanged")
      ++unchanged;
  }
  std::vector<std::string> parts;
  if (suppressed) parts.push_back(fmt::format("{} suppressed", suppressed));
  if (unchanged) parts.push_back(fmt::format("{} unchanged since the baseline", unchanged));
  if (!report.absent.empty())
    parts.push_back(fmt::format("{} fixed since the baseline", report.absent.size()));
  return parts.empty() ? "" : fmt::format("; {}", fmt::join(parts, ", "));
}

std::string summary(const RunReport& report, const Palette& palette) {
  size_t counts[3] = {0, 0, 0};
  for (const rules::Finding& finding : report.findings) {
    if (finding.active()) ++counts[static_cast<int>(finding.level)];
  }
  std::vector<std::string> parts;
  if (counts[0]) parts.push_back(palette.paint(plural(counts[0], "error"), "1;31"));
  if (counts[1]) parts.push_back(palette.paint(plural(counts[1], "warning"), "1;33"));
  if (counts[2]) parts.push_back(plural(counts[2], "note"));
  const std::string found =
      parts.empty() ? "no problems" : fmt::format("{}", fmt::join(parts, ", "));
  const std::string unchecked = report.unchecked_file_systems
                                    ? fmt::format(", {} not checked", report.unchecked_file_systems)
                                    : "";
  const std::string notices =
      fmt::format("({}{})", plural(report.notices.size(), "notice"), set_aside(report));
  const std::string errors = report.errors.empty()
                                 ? ""
                                 : fmt::format("; {}: those inputs are not checked",
                                               plural(report.errors.size(), "input error"));
  if (report.found_file_systems == 0) {
    // Nothing to check is said plainly, not counted as "no problems in 0 file systems".
    const std::string skipped =
        report.skipped_inputs ? fmt::format(" ({} skipped)", report.skipped_inputs) : "";
    const std::string network = parts.empty() ? "" : fmt::format("{}; ", found);
    return fmt::format("{}no FSx file system found in {}{} {}{}\n", network,
                       plural(report.inputs, "input"), skipped, notices, errors);
  }
  return fmt::format("{} in {} checked{} {}{}\n", found, plural(report.file_systems, "file system"),
                     unchecked, notices, errors);
}

void write_notices(const RunReport& report, const Palette& palette, std::string& out) {
  for (const Notice& notice : report.notices) {
    out += fmt::format("{}: {}: {}\n",
                       palette.paint(location_prefix(*report.sources, notice.location), "1"),
                       palette.paint("notice", "1;36"), notice.message);
  }
}

// Many notices: one line per kind, with its count and where the first one is.
void summarise_notices(const RunReport& report, const Palette& palette, std::string& out) {
  const std::vector<NoticeKind> kinds = notice_kinds(report.notices);
  out += palette.paint(
      fmt::format("{} in {} ({} lists each):\n", plural(report.notices.size(), "notice"),
                  plural(kinds.size(), "kind"), "--notices"),
      "1;36");
  for (const NoticeKind& kind : kinds) {
    out += fmt::format("{:>8}  {} (first: {})\n", kind.count, kind.kind,
                       location_prefix(*report.sources, kind.first));
  }
}

// "stack network, a/network.json": where a file system whose id is not unique is written.
std::string qualifier(const RunReport& report, const rules::Finding& finding) {
  const model::Origin& origin = report.model->file_systems[finding.file_system].origin;
  std::string path = report.sources->path(origin.location.file);
  if (origin.stack >= report.model->stacks.size()) return path;
  return fmt::format("stack {}, {}", report.model->stacks[origin.stack], path);
}

}  // namespace

std::string summary_line(const RunReport& report) {
  std::string line = summary(report, Palette{false});
  line.pop_back();  // the newline
  return line;
}

std::string format_text(const RunReport& report, const TextOptions& options) {
  const Palette palette{options.color};
  std::string out;
  // Grouped by file system, in the order the file systems appear in the inputs.
  // Two plans may share one .tf file, and so the file system's location: the stack keeps them
  // apart.
  using Group = std::tuple<Location, model::Index, std::string>;
  std::map<Group, std::vector<const rules::Finding*>> by_file_system;
  for (const rules::Finding& finding : report.findings) {
    if (!finding.active() && !options.show_suppressed) continue;
    const model::Origin* fs = finding.file_system != model::kNone
                                  ? &report.model->file_systems[finding.file_system].origin
                                  : nullptr;
    by_file_system[{fs ? fs->location : Location{}, fs ? fs->stack : model::kNone,
                    finding.filesystem}]
        .push_back(&finding);
  }
  std::map<std::string, size_t> groups_named;  // two stacks may each have a FileSystem
  for (const auto& entry : by_file_system) ++groups_named[std::get<2>(entry.first)];
  for (const auto& [key, findings] : by_file_system) {
    const std::string& name = std::get<2>(key);
    const std::string_view group = name.empty() ? "Network" : std::string_view(name);
    const std::string where =
        groups_named[name] > 1 ? qualifier(report, *findings.front()) + "; " : "";
    if (!options.quiet) {
      out += palette.paint(
          fmt::format("{} ({}{}):\n", group, where, plural(findings.size(), "finding")), "1");
    }
    for (const rules::Finding* finding : findings)
      write_finding(report, *finding, palette, options.show_paths, out);
  }
  if (options.quiet) return out;
  if (options.all_notices || report.notices.size() <= kNoticesListed)
    write_notices(report, palette, out);
  else
    summarise_notices(report, palette, out);
  out += summary(report, palette);
  return out;
}

}  // namespace reachlint::output
