// The report formats of `check` (-f): one registry line each (formats.cpp), so that a new format
// is its writer and that line. The graph command's drawings are listed beside them.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "linter/output/report.h"

namespace reachlint::output {

// Every option any format reads; each takes what it needs.
struct FormatOptions {
  bool color = false;
  bool quiet = false;  // findings only: no notices, no summary
  bool show_paths = false;
  bool show_suppressed = false;
  bool all_notices = false;  // text: list every notice, however many
  std::string srcroot;       // absolute; SARIF artifact uris are relative to it
  std::string category;      // SARIF automationDetails.id
};

struct ReportFormat {
  std::string_view name;  // as -f takes it
  // For programs: a run that failed on its inputs still writes a document that says so.
  bool machine_readable = false;
  std::string (*write)(const RunReport& report, const FormatOptions& options) = nullptr;
};

// In the order --help and messages list them; the first is the default.
std::span<const ReportFormat> report_formats();
const ReportFormat* find_report_format(std::string_view name);

// The drawings of `reachlint graph`; the first is the default.
std::span<const std::string_view> graph_format_names();

// "a, b or c".
std::string names_list(std::span<const std::string_view> names);
std::string report_format_names();

}  // namespace reachlint::output
