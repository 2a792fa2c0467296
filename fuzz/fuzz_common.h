// Shared pieces of the libFuzzer harnesses (docs/fuzzing.md): the bundle format that packs several
// input files into one fuzz input, a per-process scratch directory, and the back half of a run
// (model, analysis, rules, the three output formats) as the command line performs it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "linter/analysis/declared_clients.h"
#include "linter/analysis/protocols.h"
#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/model/model.h"

namespace reachlint::fuzz {

// One file of a bundle.
struct Part {
  std::string path;  // as written in the header line; `default_path` for a headerless input
  std::string_view text;
};

// A bundle is one or more files, each introduced by a header line "@@ <path>":
//
//   @@ cdk.out/manifest.json
//   {...}
//   @@ cdk.out/Net.template.json
//   {...}
//
// Text before the first header (all of an input without headers) is one file named
// `default_path`. The newline before a header belongs to the header. At most `max_parts` files.
std::vector<Part> split_bundle(std::string_view data, const std::string& default_path,
                               size_t max_parts = 16);

// Whether `data` has a header line, i.e. is a bundle rather than one headerless file.
bool has_header(std::string_view data);

// `path` made safe to create below a scratch directory: relative, no "." or ".." components,
// at most four components of [A-Za-z0-9._-] (other bytes become '_'). Empty when nothing is left.
std::string safe_relative_path(std::string_view path);

// A directory private to this process below $TMPDIR (default /tmp), created on first use and
// removed at normal exit. scripts/fuzz.sh points TMPDIR into build-fuzz/.
const std::filesystem::path& scratch_dir();

// Removes everything inside `dir` (not `dir` itself).
void clear_directory(const std::filesystem::path& dir);

// Writes `text` to `path`, creating parent directories; false when that is impossible (a file
// of the bundle already occupies a parent's name).
bool write_file(const std::filesystem::path& path, std::string_view text);

// REACHLINT_SOURCE_DIR/fixtures/<relative>, read whole (aborts when missing: harness setup).
std::string read_fixture(const std::string& relative);
std::filesystem::path fixtures_dir();

// What the command line does once the inputs are read: build the model from the records and
// templates, finalize it, resolve the declared clients and, when there is no input error, run
// the analysis and every rule; then format the report as text, JSON and SARIF, as `check` would.
struct RunInputs {
  const SourceMap* sources = nullptr;
  model::Model* model = nullptr;  // already built
  Diagnostics* diagnostics = nullptr;
  std::vector<analysis::ClientSpec> clients;
  analysis::NfsProfile nfs = analysis::NfsProfile::V3;
};
void analyze_and_report(const RunInputs& run);

// Makes a value observable so that the optimiser keeps the work that produced it.
void consume(std::string_view text);

}  // namespace reachlint::fuzz
