#include "linter/output/formats.h"

#include <vector>

namespace reachlint::output {

namespace {

std::string write_text(const RunReport& report, const FormatOptions& options) {
  return format_text(report, {options.color, options.quiet, options.show_paths,
                              options.show_suppressed, options.all_notices});
}

std::string write_json(const RunReport& report, const FormatOptions&) {
  return format_json(report);
}

std::string write_sarif(const RunReport& report, const FormatOptions& options) {
  return format_sarif(report, {options.srcroot, options.category});
}

std::string write_github(const RunReport& report, const FormatOptions& options) {
  return format_github(report, {options.srcroot, options.quiet, options.all_notices});
}

std::string write_html(const RunReport& report, const FormatOptions&) {
  return format_html(report);
}

constexpr ReportFormat kReportFormats[] = {
    {"text", false, write_text},    {"json", true, write_json}, {"sarif", true, write_sarif},
    {"github", true, write_github}, {"html", true, write_html},
};

constexpr std::string_view kGraphFormats[] = {"dot", "mermaid"};

}  // namespace

std::span<const ReportFormat> report_formats() {
  return kReportFormats;
}

const ReportFormat* find_report_format(std::string_view name) {
  for (const ReportFormat& format : kReportFormats) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

std::span<const std::string_view> graph_format_names() {
  return kGraphFormats;
}

std::string names_list(std::span<const std::string_view> names) {
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += i + 1 == names.size() ? " or " : ", ";
    list += names[i];
  }
  return list;
}

std::string report_format_names() {
  std::vector<std::string_view> names;
  for (const ReportFormat& format : kReportFormats) names.push_back(format.name);
  return names_list(names);
}

}  // namespace reachlint::output
