#include "linter/ingest/cloudformation/cloudformation_format.h"

#include <filesystem>

#include "linter/ingest/cloudformation/cdk_assembly.h"
#include "linter/ingest/cloudformation/inline_suppressions.h"
#include "linter/ingest/cloudformation/parameter_values.h"
#include "linter/ingest/cloudformation/template_keys.h"
#include "linter/ingest/cloudformation/template_model_builder.h"

namespace reachlint {

namespace fs = std::filesystem;

namespace {

bool is_template(const JsonDocument& json) {
  const JsonNode& root = json.root();
  return root.is_object() && (json.find(root, template_keys::kResources) ||
                              json.find(root, template_keys::kAWSTemplateFormatVersion));
}

bool has_line_starting_with(std::string_view text, std::string_view prefix) {
  size_t start = 0;
  while (start < text.size()) {
    if (text.substr(start, prefix.size()) == prefix) return true;
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return false;
}

std::string stack_name_from_file(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (const std::string_view suffix : {".json", ".template"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix))
      name.resize(name.size() - suffix.size());
  }
  return name;
}

std::string parent_directory(const std::string& path) {
  std::string text = fs::path(path).parent_path().lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

}  // namespace

bool CloudFormationFormat::take_directory(const std::string& dir, LoaderAccess& loader,
                                          Diagnostics& diagnostics) {
  return read_assembly_directory(dir, loader, diagnostics);
}

bool CloudFormationFormat::claims_tree(const JsonDocument& json) const {
  return is_template(json) || is_cdk_manifest(json);
}

// A top-level `Resources:` or `AWSTemplateFormatVersion:` key.
bool CloudFormationFormat::resembles_yaml(std::string_view text) const {
  return has_line_starting_with(text, "Resources:") ||
         has_line_starting_with(text, "AWSTemplateFormatVersion:");
}

bool CloudFormationFormat::resembles_json(std::string_view text) const {
  return text.find("\"Resources\"") != std::string_view::npos ||
         text.find("\"AWSTemplateFormatVersion\"") != std::string_view::npos;
}

void CloudFormationFormat::add(const InputFile& file, LoaderAccess& loader,
                               Diagnostics& diagnostics) {
  // A stack a CDK manifest lists is a template even without `Resources` (the integ runner's
  // assertion stacks hold only `Parameters` and `Rules`).
  const bool listed_stack = !file.stack_name.empty() && file.loaded.json.root().is_object();
  if (!is_template(file.loaded.json) && !listed_stack)
    return read_assembly(parent_directory(file.path), file.loaded, loader, diagnostics);
  Template tmpl;
  tmpl.file = file.loaded.file;
  tmpl.path = file.path;
  tmpl.json = &file.loaded.json;
  tmpl.stack_name = file.stack_name.empty() ? stack_name_from_file(file.path) : file.stack_name;
  tmpl.listed_by_manifest = listed_stack;
  // Kept even when it cannot be used (the error sets it aside): references into it are unknowns.
  index_template(tmpl, diagnostics);
  templates_.templates.push_back(std::move(tmpl));
}

void CloudFormationFormat::set_aside(const BrokenInputs& inputs, Diagnostics&) {
  broken_ = inputs.files;
}

void CloudFormationFormat::build(ModelBuild& build) {
  apply_parameters(templates_, build.parameters, build.diagnostics);
  TemplateSet usable;
  for (const Template& tmpl : templates_.templates) {
    if (broken_.count(tmpl.file)) {
      usable.set_aside.push_back(&tmpl);
    } else {
      usable.templates.push_back(tmpl);
    }
  }
  build_model_from_templates(usable, build.model, build.diagnostics);
  std::vector<SuppressionSpec> written = inline_suppressions(usable, build.diagnostics);
  build.suppressions.insert(build.suppressions.end(), written.begin(), written.end());
}

}  // namespace reachlint
