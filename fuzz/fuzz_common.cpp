#include "fuzz_common.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "linter/analysis/analysis.h"
#include "linter/output/report.h"
#include "rules/rule.h"

namespace reachlint::fuzz {

namespace fs = std::filesystem;

std::vector<Part> split_bundle(std::string_view data, const std::string& default_path,
                               size_t max_parts) {
  static constexpr std::string_view kHeader = "@@ ";
  // The position of the next header line at or after `from` (a line start), or npos.
  const auto next_header = [&](size_t from) {
    while (from < data.size()) {
      if (data.substr(from).starts_with(kHeader)) return from;
      const size_t newline = data.find('\n', from);
      if (newline == std::string_view::npos) break;
      from = newline + 1;
    }
    return std::string_view::npos;
  };
  std::vector<Part> parts;
  size_t header = next_header(0);
  if (header != 0) {
    const size_t end = header == std::string_view::npos ? data.size() : header - 1;
    if (end > 0) parts.push_back({default_path, data.substr(0, end)});
  }
  while (header != std::string_view::npos && parts.size() < max_parts) {
    const size_t name = header + kHeader.size();
    const size_t newline = data.find('\n', name);
    const size_t start = newline == std::string_view::npos ? data.size() : newline + 1;
    std::string path(
        data.substr(name, (newline == std::string_view::npos ? data.size() : newline) - name));
    header = next_header(start);
    const size_t end = header == std::string_view::npos ? data.size() : header - 1;
    parts.push_back({std::move(path), data.substr(start, end > start ? end - start : 0)});
  }
  return parts;
}

bool has_header(std::string_view data) {
  return data.starts_with("@@ ") || data.find("\n@@ ") != std::string_view::npos;
}

std::string safe_relative_path(std::string_view path) {
  std::string out;
  int components = 0;
  while (!path.empty() && components < 4) {
    const size_t slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    path.remove_prefix(slash == std::string_view::npos ? path.size() : slash + 1);
    if (part.empty() || part == "." || part == "..") continue;
    if (part.size() > 64) part = part.substr(0, 64);
    if (!out.empty()) out += '/';
    for (const char c : part) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
      out += ok ? c : '_';
    }
    ++components;
  }
  // A component made only of dots after replacement ("..") cannot arise: '.' stays '.', and
  // "." and ".." were dropped above; "..." is an ordinary name.
  return out;
}

namespace {

fs::path make_scratch_dir() {
  const char* tmp = std::getenv("TMPDIR");
  fs::path base = tmp && *tmp ? fs::path(tmp) : fs::path("/tmp");
  std::error_code ec;
  fs::create_directories(base, ec);
  std::string pattern = (base / "reachlint-fuzz-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    std::perror("reachlint fuzz: mkdtemp");
    std::abort();
  }
  return fs::path(pattern);
}

fs::path* scratch = nullptr;

void remove_scratch() {
  if (!scratch) return;
  std::error_code ec;
  fs::remove_all(*scratch, ec);
}

}  // namespace

const fs::path& scratch_dir() {
  if (!scratch) {
    scratch = new fs::path(make_scratch_dir());
    std::atexit(remove_scratch);
  }
  return *scratch;
}

void clear_directory(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

bool write_file(const fs::path& path, std::string_view text) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) return false;
  if (fs::is_directory(path, ec)) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

fs::path fixtures_dir() {
  return fs::path(REACHLINT_SOURCE_DIR) / "fixtures";
}

std::string read_fixture(const std::string& relative) {
  const fs::path path = fixtures_dir() / relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "reachlint fuzz: cannot read fixture %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void consume(std::string_view text) {
  // An opaque sink: the compiler cannot drop the formatting that produced `text`.
  static volatile size_t sink = 0;
  sink = sink + text.size() + (text.empty() ? 0 : static_cast<unsigned char>(text.front()));
}

namespace {

output::SarifOptions sarif_options() {
  output::SarifOptions options;  // defaults, whatever fields are added later
  options.srcroot = "/fuzz";
  return options;
}

output::TextOptions text_options() {
  output::TextOptions options;
  options.color = true;
  options.show_paths = true;
  return options;
}

}  // namespace

void analyze_and_report(const RunInputs& run) {
  const model::Model& model = *run.model;
  Diagnostics& diagnostics = *run.diagnostics;
  const auto declared = analysis::DeclaredClients::resolve(model, run.clients, diagnostics);
  output::RunReport report;
  report.sources = run.sources;
  report.model = &model;
  if (diagnostics.has_errors()) {
    // As run_check: the machine-readable formats still describe the failed run.
    report.errors = diagnostics.sorted_errors();
    consume(output::format_json(report));
    consume(output::format_sarif(report, sarif_options()));
    consume(output::format_html(report));
    for (const InputError& error : report.errors)
      consume(output::location_prefix(*run.sources, error.location));
    return;
  }
  const auto analyses = analysis::analyze(model, {run.nfs}, declared, diagnostics);
  const rules::RuleContext context{model, analyses, run.nfs};
  for (const rules::RuleInfo* rule : rules::all_rules()) {
    rules::FindingSink sink(model, *rule);
    rule->check(context, sink);
    for (rules::Finding& finding : sink.take()) report.findings.push_back(std::move(finding));
  }
  rules::name_findings(model, report.findings);
  output::sort_findings(report.findings);
  report.notices = diagnostics.sorted_notices();
  report.file_systems = model.file_systems.size();
  report.analyses = &analyses;
  consume(output::format_text(report, text_options()));
  consume(output::format_json(report));
  consume(output::format_sarif(report, sarif_options()));
  consume(output::format_html(report));
}

}  // namespace reachlint::fuzz

// Every sanitizer report is fatal, so that libFuzzer records it as a crash, even when a harness
// is run by hand without ASAN_OPTIONS / UBSAN_OPTIONS (those still override these defaults).
// UBSan checks are compiled recoverable in the fuzz build only so that a UBSan suppressions file
// can silence a known, reported report during a long exploratory run (docs/fuzzing.md).
extern "C" const char* __asan_default_options() {
  return "halt_on_error=1:abort_on_error=1:detect_leaks=1:print_stacktrace=1:strict_string_checks="
         "1";
}
extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:abort_on_error=1:print_stacktrace=1:report_error_type=1";
}
