// The sections of CloudFormation templates, indexed, and the set of templates linted together.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/ingest/common/given_parameters.h"
#include "linter/ingest/common/json_tree.h"

namespace reachlint {

// A nested stack's template, as its parent's `AWS::CloudFormation::Stack` resource names it.
struct NestedReference {
  const JsonMember* resource = nullptr;  // in the parent
  std::string path;                      // the child's file as displayed; empty when not found
  Location at;                           // where the parent names it
};

struct Template {
  static constexpr uint32_t kNoParent = UINT32_MAX;

  uint32_t file = 0;
  std::string path;        // as displayed: two stacks may share a name, never a path
  std::string stack_name;  // the manifest's artifact id, or the file name without extension
  bool listed_by_manifest = false;  // a CDK stack: it may hold no `Resources` (assertion stacks)
  const JsonDocument* json = nullptr;
  std::vector<const JsonMember*> resources;  // in file order
  std::unordered_map<std::string_view, const JsonMember*> resource_by_id;
  std::unordered_map<std::string_view, const JsonMember*> parameters;
  std::unordered_map<std::string_view, const JsonMember*> conditions;
  std::unordered_map<std::string_view, const JsonMember*> mappings;
  std::unordered_map<std::string_view, const JsonMember*> outputs;
  // Values given for deployment (--parameters), by parameter name; they win over defaults.
  std::unordered_map<std::string_view, const GivenParameter*> given;
  // Its nested stacks' templates, as the file names them (nested_stacks.h).
  std::vector<NestedReference> nested;
  // Once linked, each template is one stack: a nested one knows its parent and the resource
  // there that passes its Parameters; a parent knows its children by logical id.
  uint32_t parent = kNoParent;
  const JsonMember* stack_resource = nullptr;
  std::unordered_map<std::string_view, uint32_t> children;

  Location at(uint32_t offset) const { return {file, offset}; }
  // The resource's "Type", or empty when it is missing.
  std::string_view resource_type(const JsonMember& resource) const;
  const JsonNode* properties(const JsonMember& resource) const;
};

// Indexes the sections of a parsed template; structural problems become input errors.
// Returns false when the document is not usable as a template at all.
bool index_template(Template& tmpl, Diagnostics& diagnostics);

// Every template of one run: cross-stack references resolve among them.
struct TemplateSet {
  std::vector<Template> templates;
  // Templates with errors, left out of the model: a reference into one (its stack's outputs, its
  // exports) is an unknown that names it.
  std::vector<const Template*> set_aside;
};

}  // namespace reachlint
