// CloudFormation templates as an input format: JSON (cdk synth output included) and YAML with
// short-form tags, alone or listed by a CDK assembly's manifest. Templates are indexed as they
// are read (template.h), evaluated statically (evaluator.h) and turned into model entities
// (template_model_builder.h); suppressions written in their Metadata are read with them.
#pragma once

#include "linter/ingest/cloudformation/template.h"
#include "linter/ingest/common/input_format.h"

namespace reachlint {

class CloudFormationFormat final : public InputFormat {
 public:
  Layer layer() const override { return Layer::Planned; }
  std::string_view names() const override {
    return "CloudFormation template, CDK assembly manifest";
  }
  std::string_view kind(const LoadedFile& file) const override;
  bool take_directory(const std::string& dir, LoaderAccess& loader,
                      Diagnostics& diagnostics) override;
  bool claims_tree(const JsonDocument& json) const override;
  bool reads_yaml() const override { return true; }
  bool resembles_json(std::string_view text) const override;
  bool resembles_yaml(std::string_view text) const override;
  void add(const InputFile& file, LoaderAccess& loader, Diagnostics& diagnostics) override;
  void set_aside(const BrokenInputs& inputs, Diagnostics& diagnostics) override;
  void build(ModelBuild& build) override;

  const TemplateSet& templates() const { return templates_; }

 private:
  TemplateSet templates_;
  std::set<uint32_t> broken_;  // files of templates with errors
};

}  // namespace reachlint
