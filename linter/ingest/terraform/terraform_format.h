// Terraform plans as an input format: the JSON of `terraform show -json tfplan` (format_version
// 1.x). The plan is indexed as it is read (plan.h) and turned into model entities
// (plan_model_builder.h); it describes what is about to be deployed.
#pragma once

#include <deque>
#include <set>

#include "linter/ingest/common/input_format.h"
#include "linter/ingest/terraform/plan.h"
#include "linter/ingest/terraform/plan_sources.h"

namespace reachlint {

class TerraformFormat final : public InputFormat {
 public:
  Layer layer() const override { return Layer::Planned; }
  std::string_view names() const override { return "Terraform plan"; }
  bool claims_tree(const JsonDocument& json) const override;
  bool resembles_json(std::string_view text) const override;
  void add(const InputFile& file, LoaderAccess& loader, Diagnostics& diagnostics) override;
  void set_aside(const BrokenInputs& inputs, Diagnostics& diagnostics) override;
  void build(ModelBuild& build) override;

 private:
  std::deque<Plan> plans_;                       // a deque: the model keeps views into them
  std::set<uint32_t> broken_;                    // files of plans with errors
  terraform::ConfigurationFiles configuration_;  // where their resources are written
};

}  // namespace reachlint
