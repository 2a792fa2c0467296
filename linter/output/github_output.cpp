// -f github: workflow commands that GitHub Actions turns into annotations on the files, for
// repositories without code scanning (docs.github.com, "Workflow commands for GitHub Actions").
#include <filesystem>

#include <fmt/format.h>

#include "linter/output/notice_summary.h"
#include "linter/output/report.h"
#include "rules/rule.h"

namespace reachlint::output {

namespace {

// The runner decodes %25, %0D and %0A in a command's message; in its properties, %3A and %2C too,
// since ':' ends the properties and ',' separates them.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Annotations name files relative to the workspace; a file outside it keeps the path given.
std::string workspace_path(const std::string& path, const std::string& srcroot) {
  namespace fs = std::filesystem;
  const fs::path relative = fs::absolute(path).lexically_normal().lexically_relative(srcroot);
  if (srcroot.empty() || relative.empty() || relative.native().starts_with("..")) return path;
  return relative.generic_string();
}

// GitHub's annotation levels are error, warning and notice.
std::string_view command_of(rules::Level level) {
  return level == rules::Level::Note ? "notice" : rules::level_name(level);
}

void annotate(const RunReport& report, const GithubOptions& options, std::string_view command,
              Location location, std::string_view title, std::string_view message,
              std::string& out) {
  out += fmt::format("::{} ", command);
  if (location.known()) {
    const LineColumn lc = report.sources->line_column(location);
    out += fmt::format(
        "file={},line={},col={},",
        escape(workspace_path(report.sources->path(location.file), options.srcroot), true), lc.line,
        lc.column);
  }
  out += fmt::format("title={}::{}\n", escape(title, true), escape(message, false));
}

}  // namespace

std::string format_github(const RunReport& report, const GithubOptions& options) {
  std::string out;
  for (const InputError& error : report.errors)
    annotate(report, options, "error", error.location, "reachlint", error.message, out);
  for (const rules::Finding& finding : report.findings) {
    if (!finding.active()) continue;  // suppressed or known to the baseline
    annotate(report, options, command_of(finding.level), finding.location, finding.rule->code,
             finding.message, out);
  }
  if (options.quiet || !report.errors.empty()) return out;
  if (options.all_notices || report.notices.size() <= kNoticesListed) {
    for (const Notice& notice : report.notices)
      annotate(report, options, "notice", notice.location, "reachlint notice", notice.message, out);
  } else {
    // As text output does: one annotation per kind, at its first place (--notices: each).
    for (const NoticeKind& kind : notice_kinds(report.notices)) {
      annotate(
          report, options, "notice", kind.first, "reachlint notices",
          fmt::format("{} notices of this kind (--notices lists each): {}", kind.count, kind.kind),
          out);
    }
  }
  out += summary_line(report) + "\n";  // a plain line: it stays in the step's log
  return out;
}

}  // namespace reachlint::output
