// Parameter files (--parameters FILE): the input is a parameter file, CloudFormation's list or a
// CodePipeline template configuration. It is read as `reachlint --parameters FILE` reads it, its
// values applied to a template that takes its VPC, subnets, route tables, a patterned CIDR and a
// number with AllowedValues as parameters (fixtures/params-account-good), next to the account
// export it deploys into; then the model, the analysis, the rules and every output.
//
// read_parameter_spec reads a path, so the input is written to a file in the scratch directory.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "linter/ingest/common/given_parameters.h"
#include "linter/ingest/common/inputs.h"
#include "linter/ingest/formats.h"

using namespace reachlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto path = fuzz::scratch_dir() / "params.json";
  if (!fuzz::write_file(path, text)) return 0;
  const std::string fixture = std::string(REACHLINT_SOURCE_DIR) + "/fixtures/params-account-good";
  Diagnostics diagnostics;
  Inputs inputs;
  inputs.formats = all_input_formats();
  read_parameter_spec(path.string(), "", Location{}, inputs, diagnostics);
  load_inputs({fixture + "/export", fixture + "/new-fs.template.json"}, LoadOptions{}, inputs,
              diagnostics);
  model::Model model;
  build_model(inputs, model, diagnostics, /*timings=*/false);
  fuzz::analyze_and_report({&inputs.sources, &model, &diagnostics, {}, analysis::NfsProfile::V3});
  return 0;
}
