// Terraform plan ingest: the input is one `terraform show -json` document, given explicitly as
// plan.json and read by load_inputs (classification, the plan's index of planned_values,
// after_unknown and configuration references); then the model, analysis, rules and the three
// output formats. Seeds are the plans of the *-tf-* fixtures.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_common.h"
#include "linter/ingest/common/inputs.h"
#include "linter/ingest/formats.h"

namespace fs = std::filesystem;
using namespace reachlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fs::path path = fuzz::scratch_dir() / "plan.json";
  if (!fuzz::write_file(path, {reinterpret_cast<const char*>(data), size})) return 0;
  Diagnostics diagnostics;
  Inputs inputs;
  inputs.formats = all_input_formats();
  load_inputs({path.string()}, LoadOptions{size_t{1} << 20}, inputs, diagnostics);
  model::Model model;
  build_model(inputs, model, diagnostics, /*timings=*/false);
  fuzz::analyze_and_report({&inputs.sources, &model, &diagnostics, {}, analysis::NfsProfile::V3});
  return 0;
}
