// Static evaluation of CloudFormation intrinsic functions across the templates of one run.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "linter/core/diagnostics.h"
#include "linter/ingest/cloudformation/template.h"
#include "linter/ingest/cloudformation/value.h"

namespace reachlint {

// The model key of a template resource ("<template>:<LogicalId>"), optionally of one of the
// resources AWS creates with it ("<template>:<LogicalId>#DefaultSecurityGroup").
std::string entity_key(uint32_t tmpl, std::string_view logical_id, std::string_view implicit = {});

class Evaluator {
 public:
  Evaluator(const TemplateSet& templates, Diagnostics& diagnostics);

  Value eval(uint32_t tmpl, const JsonNode& node);
  // Properties.<name> of a resource, evaluated; NoValue when absent.
  Value property(uint32_t tmpl, const JsonMember& resource, std::string_view name);
  Tri condition(uint32_t tmpl, std::string_view name, Location at);
  // Whether a resource exists, from its "Condition" attribute and, in a nested stack, from the
  // parent's resource that creates the stack.
  Tri resource_condition(uint32_t tmpl, const JsonMember& resource);

  const TemplateSet& templates() const { return templates_; }

 private:
  friend class IntrinsicCall;

  Value eval_object(uint32_t tmpl, const JsonNode& node);
  Value eval_list(uint32_t tmpl, const JsonNode& node);
  Value eval_ref(uint32_t tmpl, const JsonNode& argument, Location at);
  Value eval_parameter(uint32_t tmpl, const JsonMember& parameter, Location at);
  std::optional<Value> passed_parameter(uint32_t tmpl, std::string_view name, bool list_type);
  std::optional<Value> comma_joined_items(uint32_t tmpl, const JsonNode& node);
  Value nested_output(uint32_t tmpl, const JsonMember& resource, std::string_view name,
                      Location at);
  Tri own_condition(uint32_t tmpl, const JsonMember& resource);
  static Value typed(Value value, std::string_view type_name, Location at);
  static bool is_list_type(std::string_view type_name);
  Value eval_pseudo_parameter(const Template& tmpl, std::string_view name, Location at);
  Value eval_get_att(uint32_t tmpl, const JsonNode& argument, Location at);
  Value resource_attribute(uint32_t tmpl, const JsonMember& resource, std::string_view attribute,
                           Location at);
  Value eval_import_value(uint32_t tmpl, const JsonNode& argument, Location at);
  Value eval_get_stack_output(uint32_t tmpl, const JsonNode& argument, Location at);
  Value eval_output(uint32_t tmpl, const JsonMember& output, Location at);
  Value eval_if(uint32_t tmpl, const JsonNode& argument, Location at);
  Value eval_find_in_map(uint32_t tmpl, const JsonNode& argument, Location at);
  Value eval_sub(uint32_t tmpl, const JsonNode& argument, Location at);
  Value sub_variable(uint32_t tmpl, std::string_view name,
                     const std::unordered_map<std::string, Value>& variables, Location at);
  Tri eval_condition_expression(uint32_t tmpl, const JsonNode& node);
  Tri equals(const Value& a, const Value& b) const;
  void index_exports();
  void index_set_aside_exports();
  const Template* set_aside_stack(std::string_view stack_name) const;
  static Value set_aside_reference(const Template& producer, Location at);
  Value fail(Location at, std::string message);

  // Cycle guard for references that indirect through names (conditions, outputs, attributes).
  bool enter(const std::string& key, Location at);
  void leave(const std::string& key) { active_.erase(key); }

  const TemplateSet& templates_;
  Diagnostics& diagnostics_;
  std::unordered_set<std::string> active_;
  std::unordered_map<std::string, Tri> condition_cache_;
  struct ExportRef {
    uint32_t tmpl;
    const JsonMember* output;
  };
  std::unordered_map<std::string, ExportRef> exports_;  // Outputs.*.Export.Name -> output
  std::unordered_map<std::string_view, const Template*> set_aside_exports_;
  int depth_ = 0;
};

}  // namespace reachlint
