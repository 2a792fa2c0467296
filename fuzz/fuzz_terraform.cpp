// Terraform plan ingest: the input is one `terraform show -json` document (headerless: plan.json)
// or a bundle (fuzz_common.h) whose first file is the plan and whose others are the
// configuration beside it: `.tf` files, local modules, `.terraform/modules/modules.json`. The
// plan is given explicitly and read by load_inputs (classification, the plan's index of
// planned_values, after_unknown and configuration references), which also looks its resources'
// blocks up in the `.tf` files (hcl_blocks, plan_sources); then the model, analysis, rules and the
// three output formats. Seeds are the plans of the *-tf-* fixtures, alone and with their `.tf`.
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
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const fs::path dir = fuzz::scratch_dir() / "in";
  fs::create_directories(dir);
  fuzz::clear_directory(dir);  // no .tf of an earlier input may be read beside this plan
  std::string plan;
  for (const fuzz::Part& part : fuzz::split_bundle(text, "plan.json", 32)) {
    const std::string relative = fuzz::safe_relative_path(part.path);
    if (relative.empty() || !fuzz::write_file(dir / relative, part.text)) continue;
    if (plan.empty()) plan = (dir / relative).string();
  }
  if (plan.empty()) return 0;
  Diagnostics diagnostics;
  Inputs inputs;
  inputs.formats = all_input_formats();
  load_inputs({plan}, LoadOptions{size_t{1} << 20}, inputs, diagnostics);
  model::Model model;
  build_model(inputs, model, diagnostics, /*timings=*/false);
  fuzz::analyze_and_report({&inputs.sources, &model, &diagnostics, {}, analysis::NfsProfile::V3});
  return 0;
}
