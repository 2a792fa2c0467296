// A Terraform plan (`terraform show -json`, format_version 1.x) indexed for reading: each planned
// resource instance of planned_values (root and child modules) with what is known after apply
// (`resource_changes[].change.after_unknown`) and its configuration expressions, whose
// `references` link resources whose ids are known only once applied.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/location.h"
#include "linter/ingest/common/json_tree.h"

namespace reachlint {

// One object of a plan seen three ways: its planned values, the part of after_unknown that
// matches it, and its configuration expressions. Nested blocks (a route table's `route`) are
// scopes of their own.
struct PlanScope {
  const JsonNode* values = nullptr;       // object, or nullptr
  const JsonNode* unknown = nullptr;      // after_unknown's object for it, or nullptr
  const JsonNode* expressions = nullptr;  // configuration expressions, or nullptr
  // A nested block written as an attribute (`route = [...]`, or blocks the provider reads so)
  // has one expression for all its blocks: its references are shared by them.
  const JsonNode* shared = nullptr;
};

struct PlanResource {
  std::string address;         // "module.net.aws_subnet.a[0]"
  std::string config_address;  // without the instance key: "module.net.aws_subnet.a"
  std::string module;          // "module.net", or empty for the root module
  std::string config_module;   // without instance keys: "module.net" for "module.net[0]"
  std::string_view type;       // "aws_subnet"
  std::string pointer;         // JSON pointer of the instance in planned_values
  uint32_t offset = 0;         // where its object starts in the plan
  // Where it is written in the .tf files, when found (plan_sources.h): its block, and the
  // attributes written in the block.
  Location source;
  std::vector<std::pair<std::string_view, Location>> source_attributes;
  PlanScope scope;
};

// What an attribute holds: a known value, a value known only after apply (with the expression
// that computes it), or nothing.
struct PlanAttribute {
  const JsonNode* value = nullptr;       // known and not null
  bool unknown = false;                  // known after apply
  const JsonNode* expression = nullptr;  // its configuration expression, if written
  bool computed = false;  // known after apply, but not written: the provider's default
  bool absent() const { return !value && !unknown; }
};

// What a reference in an expression names: a planned resource's attribute, or something the
// plan cannot tell statically (a variable, a module output, a data source ...).
struct PlanReference {
  std::vector<const PlanResource*> instances;  // the instances of the resource named
  std::string attribute;                       // "id", "default_security_group_id" ...
  std::string text;                            // as written, for messages
  std::string key;                             // the resource's address in its module instance
};

class Plan {
 public:
  // Indexes the plan; a structure that is not a plan's is an input error.
  bool index(uint32_t file, const JsonDocument& json, Diagnostics& diagnostics);

  uint32_t file() const { return file_; }
  // The stack its resources belong to (terraform_format.cpp names it after the plan's file), so
  // that two plans of one configuration (two environments) keep their resources apart.
  const std::string& stack_name() const { return stack_name_; }
  void set_stack_name(std::string name) { stack_name_ = std::move(name); }
  const std::vector<PlanResource>& resources() const { return resources_; }
  std::vector<PlanResource>& resources() { return resources_; }
  // The `source` of the module call "module.net.module.sub" (no instance keys) as the
  // configuration gives it ("./modules/sub"), or empty.
  std::string_view module_source(const std::string& module) const;

  PlanAttribute attribute(const PlanScope& scope, std::string_view key) const;
  // The scopes of a nested block list (`route`, `ingress`), in order.
  std::vector<PlanScope> blocks(const PlanScope& scope, std::string_view key) const;
  // The references of an expression, resources resolved within the resource's module instance
  // and through module outputs and inputs, in order, each resource once (the most specific
  // attribute and instance named for it). `x[count.index]` and `x[each.key]` (the expression
  // names count.index or each.key beside a resource of several instances) pick the instance of
  // the resource's own key.
  std::vector<PlanReference> references(const PlanResource& from, const JsonNode* expression) const;
  const JsonDocument& json() const { return *json_; }
  // The known value of attribute `attribute` of the data source `reference` names, as read while
  // planning (prior_state), or nullptr.
  const JsonNode* data_source_value(const PlanReference& reference) const;

 private:
  void index_module(const JsonNode& module, const std::string& pointer, Diagnostics& diagnostics);
  void index_changes(Diagnostics& diagnostics);
  void index_configuration(const JsonNode& module, const std::string& prefix);
  void index_data_sources(const JsonNode& module, int depth);

  uint32_t file_ = 0;
  std::string stack_name_;
  const JsonDocument* json_ = nullptr;
  std::vector<PlanResource> resources_;
  std::unordered_map<std::string, size_t> by_address_;
  std::unordered_map<std::string, std::vector<size_t>> by_config_address_;
  std::unordered_map<std::string, const JsonNode*> expressions_;  // config address -> expressions
  std::unordered_map<std::string, const JsonNode*> for_each_;     // config address -> for_each
  // "module.net.output.subnet_id" and "module.net.var.vpc_id" (configuration prefixes, no
  // instance keys) -> the expression of the output, and of the input the module call passes.
  std::unordered_map<std::string, const JsonNode*> outputs_;
  std::unordered_map<std::string, const JsonNode*> inputs_;
  std::unordered_map<std::string, std::string_view> module_sources_;
  // "module.net.data.aws_subnet.a" -> its values in prior_state (data sources read in planning).
  std::unordered_map<std::string, const JsonNode*> data_sources_;
  static constexpr int kMaxModuleDepth = 16;
  bool names_own_key(const JsonNode* expression) const;
  void references_in(const std::string& module, const PlanResource* from,
                     const JsonNode* expression, int depth, std::vector<PlanReference>& out,
                     std::vector<std::string>& seen) const;
  // `each.value` of an instance made by for_each over another resource: that resource's
  // instance of the same key.
  const PlanResource* each_value(const PlanResource& from) const;
  // `for_each = module.vpc` (a module call with for_each): the module instance of from's key.
  std::string each_module(const PlanResource& from) const;
  // Of references a module output resolves to, the instance of `key` ("[\"a\"]", "[0]") of the
  // one resource they name several instances of: `module.vpc.subnets["a"]` of an output keyed as
  // the resource's for_each (or a splat of its count). Null when that is not one instance.
  static const PlanResource* instance_by_key(const std::vector<PlanReference>& references,
                                             std::string_view key);
};

// Whether a parsed document is a plan: `format_version` and `planned_values` or
// `terraform_version` at its top.
bool is_terraform_plan(const JsonDocument& json);

}  // namespace reachlint
