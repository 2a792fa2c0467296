// The result of a run as the output formats see it, and the three formats.
#pragma once

#include <string>
#include <vector>

#include "linter/analysis/analysis.h"
#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/model/model.h"
#include "linter/output/baseline.h"
#include "rules/finding.h"

namespace reachlint::output {

struct RunReport {
  const SourceMap* sources = nullptr;
  const model::Model* model = nullptr;
  std::vector<rules::Finding> findings;  // sorted by location, rule, message
  std::vector<Notice> notices;           // sorted by location, message
  std::vector<InputError> errors;        // input errors: those inputs are not checked
  size_t inputs = 0;                     // files met (read, skipped or broken)
  size_t skipped_inputs = 0;             // of them, files of no format
  std::vector<AbsentResult> absent;      // baseline results not found again
  size_t file_systems = 0;               // checked
  size_t unchecked_file_systems = 0;     // found but not checked (a notice says why)
  size_t found_file_systems = 0;         // in the inputs, those of other shards too
  // The walks behind the findings, for the formats that show every client (html); null when
  // the run could not check anything.
  const std::vector<analysis::FileSystemAnalysis>* analyses = nullptr;
};

// Sorts findings into their stable output order.
void sort_findings(std::vector<rules::Finding>& findings);

struct TextOptions {
  bool color = false;
  bool quiet = false;  // findings only: no notices, no summary
  bool show_paths = false;
  bool show_suppressed = false;  // also list suppressed and baseline-unchanged findings
  bool all_notices = false;      // list every notice, not only a summary of many
};
std::string format_text(const RunReport& report, const TextOptions& options);

std::string format_json(const RunReport& report);

struct SarifOptions {
  std::string srcroot;   // absolute; artifact uris are relative to it
  std::string category;  // automationDetails.id, e.g. "reachlint/prod"
};
std::string format_sarif(const RunReport& report, const SarifOptions& options);

// GitHub Actions workflow commands: one ::error/::warning/::notice annotation per finding.
struct GithubOptions {
  std::string srcroot;       // absolute; annotation paths are relative to it (the workspace)
  bool quiet = false;        // findings only: no notices, no summary
  bool all_notices = false;  // one annotation per notice, however many (else by kind beyond 20)
};
std::string format_github(const RunReport& report, const GithubOptions& options);

// "1 error, 1 warning in 1 file system checked (0 notices)": the text report's last line,
// without colour or newline.
std::string summary_line(const RunReport& report);
// One self-contained HTML page: the summary, each file system's clients and findings with their
// paths, the notices by kind and the rules' documentation (html_output.cpp).
std::string format_html(const RunReport& report);

// "path:line:col" of a location, or the program name when it has none.
std::string location_prefix(const SourceMap& sources, Location location);

}  // namespace reachlint::output
