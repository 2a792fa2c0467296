#include "linter/ingest/cloudformation/cloudformation_format.h"

#include <filesystem>
#include <set>

#include "linter/ingest/cloudformation/cdk_assembly.h"
#include "linter/ingest/cloudformation/inline_suppressions.h"
#include "linter/ingest/cloudformation/nested_stacks.h"
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

// The stacks without those whose file has errors, and without their nested stacks (a parent
// passes their parameters): those are set aside, so references into them are unknowns. A parent
// comes before its children, so one pass finds them; the indexes of the rest are renumbered.
TemplateSet without_broken(const TemplateSet& stacks, const std::set<uint32_t>& broken_files) {
  const auto count = static_cast<uint32_t>(stacks.templates.size());
  std::vector<uint32_t> renumbered(count, Template::kNoParent);
  TemplateSet usable;
  for (uint32_t i = 0; i < count; ++i) {
    const Template& stack = stacks.templates[i];
    const bool parent_aside =
        stack.parent != Template::kNoParent && renumbered[stack.parent] == Template::kNoParent;
    if (broken_files.count(stack.file) || parent_aside) {
      usable.set_aside.push_back(&stack);
      continue;
    }
    renumbered[i] = static_cast<uint32_t>(usable.templates.size());
    usable.templates.push_back(stack);
  }
  for (Template& stack : usable.templates) {
    if (stack.parent != Template::kNoParent) stack.parent = renumbered[stack.parent];
    std::erase_if(stack.children, [&](const auto& child) {
      return renumbered[child.second] == Template::kNoParent;
    });
    for (auto& child : stack.children) child.second = renumbered[child.second];
  }
  return usable;
}

}  // namespace

bool CloudFormationFormat::take_directory(const std::string& dir, LoaderAccess& loader,
                                          Diagnostics& diagnostics) {
  return read_assembly_directory(dir, loader, diagnostics);
}

std::string_view CloudFormationFormat::kind(const LoadedFile& file) const {
  return is_cdk_manifest(file.json) ? "CDK assembly manifest" : "CloudFormation template";
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
  if (index_template(tmpl, diagnostics)) find_nested_templates(tmpl, loader, diagnostics);
  templates_.templates.push_back(std::move(tmpl));
}

void CloudFormationFormat::set_aside(const BrokenInputs& inputs, Diagnostics&) {
  broken_ = inputs.files;
}

void CloudFormationFormat::build(ModelBuild& build) {
  // The model may be built again without the inputs an earlier build found broken: link a copy
  // of the files each time.
  TemplateSet stacks;
  stacks.templates = templates_.templates;
  link_nested_stacks(stacks, build.diagnostics);
  apply_parameters(stacks, build.parameters, build.diagnostics);
  const TemplateSet usable = without_broken(stacks, broken_);
  const auto first_stack = static_cast<uint32_t>(build.model.stacks.size());
  build_model_from_templates(usable, build.model, build.diagnostics);
  std::vector<SuppressionSpec> written =
      inline_suppressions(usable, first_stack, build.diagnostics);
  build.suppressions.insert(build.suppressions.end(), written.begin(), written.end());
}

}  // namespace reachlint
