// Template ingest, as `reachlint check` performs it: the input is a bundle (fuzz_common.h) of
// CloudFormation templates, cdk.out manifests and other files, written to a scratch directory
// and read by load_inputs (file reading, classification, cdk.out assemblies, directory walks,
// YAML and broken-file detection, template indexing); then the model, analysis, rules and the
// three output formats. A headerless input is one explicit file (`reachlint template.json`);
// a bundle is given as its directory (`reachlint DIR`).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "linter/ingest/common/inputs.h"
#include "linter/ingest/formats.h"

namespace fs = std::filesystem;
using namespace reachlint;

namespace {

// Small enough that a fuzzed input never makes the harness read a large file.
constexpr size_t kMaxInputBytes = 1 << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parts = fuzz::split_bundle(text, "template.json", 32);
  static const fs::path dir = fuzz::scratch_dir() / "in";
  fs::create_directories(dir);
  fuzz::clear_directory(dir);
  std::vector<std::string> paths;
  const bool bundle = fuzz::has_header(text);
  for (const fuzz::Part& part : parts) {
    std::string relative = fuzz::safe_relative_path(part.path);
    if (relative.empty()) relative = "unnamed.json";
    if (!fuzz::write_file(dir / relative, part.text)) continue;
    if (!bundle) paths.push_back((dir / relative).string());
  }
  if (bundle || paths.empty()) paths = {dir.string()};

  Diagnostics diagnostics;
  Inputs inputs;
  inputs.formats = all_input_formats();
  load_inputs(paths, LoadOptions{kMaxInputBytes}, inputs, diagnostics);
  model::Model model;
  build_model(inputs, model, diagnostics, /*timings=*/false);
  fuzz::analyze_and_report({&inputs.sources, &model, &diagnostics, {}, analysis::NfsProfile::V3});
  return 0;
}
