#include "linter/ingest/terraform/terraform_format.h"

#include <filesystem>

#include "linter/ingest/terraform/plan_model_builder.h"

namespace reachlint {

namespace {

// The plan's file name without its extension ("dev.json" -> "dev"); for the names everyone
// gives a plan ("plan.json", "tfplan.json") the name of its directory as the path names it
// ("envs/prod/plan.json" -> "prod"), which is what tells two environments' plans apart. Never
// the working directory's name: fingerprints are built from stack names, and a checkout's
// folder changes from machine to machine.
std::string stack_name_of(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path file = fs::path(path).lexically_normal();
  std::string stem = file.stem().string();
  if (stem != "plan" && stem != "tfplan") return stem.empty() ? std::string("plan") : stem;
  const std::string directory = file.parent_path().filename().string();
  return directory.empty() || directory == ".." || directory == "." ? stem : directory;
}

}  // namespace

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

void TerraformFormat::add(const InputFile& file, LoaderAccess& loader, Diagnostics& diagnostics) {
  Plan plan;
  plan.set_stack_name(file.stack_name.empty() ? stack_name_of(file.path) : file.stack_name);
  // Kept even when it cannot be used: the error sets it aside.
  if (plan.index(file.loaded.file, file.loaded.json, diagnostics))
    terraform::locate_in_configuration(plan, file.path, loader, configuration_);
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
