#include "linter/ingest/terraform/terraform_format.h"

#include "linter/ingest/terraform/plan_model_builder.h"

namespace reachlint {

bool TerraformFormat::claims_tree(const JsonDocument& json) const {
  return is_terraform_plan(json);
}

// A plan that does not parse still names its format near the top.
bool TerraformFormat::resembles_json(std::string_view text) const {
  const std::string_view head = text.substr(0, 4096);
  return head.find("\"format_version\"") != std::string_view::npos &&
         (head.find("\"terraform_version\"") != std::string_view::npos ||
          head.find("\"planned_values\"") != std::string_view::npos);
}

void TerraformFormat::add(const InputFile& file, LoaderAccess&, Diagnostics& diagnostics) {
  Plan plan;
  // Kept even when it cannot be used: the error sets it aside.
  plan.index(file.loaded.file, file.loaded.json, diagnostics);
  plans_.push_back(std::move(plan));
}

void TerraformFormat::set_aside(const BrokenInputs& inputs, Diagnostics&) {
  broken_ = inputs.files;
}

void TerraformFormat::build(ModelBuild& build) {
  for (const Plan& plan : plans_) {
    if (broken_.count(plan.file())) continue;
    build_model_from_plan(plan, build.model, build.written_out, build.diagnostics);
  }
}

}  // namespace reachlint
