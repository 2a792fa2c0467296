#include "linter/ingest/terraform/plan.h"

#include <algorithm>

#include <fmt/format.h>

namespace reachlint {

namespace {

// "module.a[0].aws_subnet.b[\"x\"]" -> "module.a.aws_subnet.b": instance keys dropped, so that
// an instance finds the configuration block it was made from.
std::string without_instance_keys(std::string_view address) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < address.size(); ++i) {
    const char c = address[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
      continue;
    }
    if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '"' && depth > 0) {
      quoted = true;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// "module.a.module.b[0]" -> "module.a"; "module.a" -> "" (the root module).
std::string parent_module(std::string_view module) {
  const size_t last = module.rfind(".module.");
  return last == std::string_view::npos ? std::string() : std::string(module.substr(0, last));
}

// The instance key an address ends with ("[\"a\"]", "[0]"), past its module instance's keys;
// empty for a resource of one instance.
std::string instance_key(const PlanResource& resource) {
  const std::string_view own =
      std::string_view(resource.address)
          .substr(resource.module.empty()
                      ? 0
                      : std::min(resource.address.size(), resource.module.size() + 1));
  const std::string bare = without_instance_keys(own);
  return own.size() > bare.size() && own.starts_with(bare) ? std::string(own.substr(bare.size()))
                                                           : std::string();
}

bool is_resource_type(std::string_view part) {
  return part.find('_') != std::string_view::npos && !part.starts_with("module") &&
         part != "data" && part != "var" && part != "local" && part != "each" && part != "count" &&
         part != "path" && part != "self" && part != "terraform";
}

// Splits "aws_subnet.a[0].id" into the resource part "aws_subnet.a[0]" and the attribute "id".
// "data.aws_subnet.a.id" into "data.aws_subnet.a" and "id".
std::pair<std::string_view, std::string_view> split_reference(std::string_view text) {
  if (text.starts_with("data.")) {
    const auto [resource, attribute] = split_reference(text.substr(5));
    return {text.substr(0, 5 + resource.size()), attribute};
  }
  const size_t first = text.find('.');
  if (first == std::string_view::npos) return {text, {}};
  size_t end = first + 1;
  while (end < text.size() && text[end] != '.') {
    if (text[end] == '[') {
      const size_t close = text.find(']', end);
      if (close == std::string_view::npos) return {text, {}};
      end = close;
    }
    ++end;
  }
  if (end >= text.size()) return {text, {}};
  std::string_view attribute = text.substr(end + 1);
  attribute = attribute.substr(0, std::min(attribute.find('.'), attribute.find('[')));
  return {text.substr(0, end), attribute};
}

}  // namespace

bool is_terraform_plan(const JsonDocument& json) {
  const JsonNode& root = json.root();
  return root.is_object() && json.find(root, "format_version") &&
         (json.find(root, "planned_values") || json.find(root, "terraform_version"));
}

bool Plan::index(uint32_t file, const JsonDocument& json, Diagnostics& diagnostics) {
  file_ = file;
  json_ = &json;
  const JsonNode& root = json.root();
  const JsonNode* version = json.find(root, "format_version");
  // 0.x (Terraform 0.12 to 0.15) has the shape 1.x kept when it was declared stable.
  if (!version->is_string() ||
      !(version->text.starts_with("1.") || version->text.starts_with("0."))) {
    diagnostics.error(
        {file, version->offset},
        "format_version of a Terraform plan must be 0.x or 1.x (terraform show -json)");
    return false;
  }
  const JsonNode* planned = json.find(root, "planned_values");
  if (!planned) return true;  // a plan with no changes and no state: nothing to read
  if (!planned->is_object()) {
    diagnostics.error({file, planned->offset},
                      "planned_values of a Terraform plan must be an object");
    return false;
  }
  if (const JsonNode* configuration = json.find(root, "configuration");
      configuration && configuration->is_object()) {
    if (const JsonNode* module = json.find(*configuration, "root_module"))
      index_configuration(*module, "");
  }
  if (const JsonNode* module = json.find(*planned, "root_module")) {
    const size_t errors = diagnostics.errors().size();
    index_module(*module, "/planned_values/root_module", diagnostics);
    if (diagnostics.errors().size() != errors) return false;
  }
  index_changes(diagnostics);
  const JsonNode* prior = json.find(root, "prior_state");
  const JsonNode* prior_values =
      prior && prior->is_object() ? json.find(*prior, "values") : nullptr;
  if (prior_values && prior_values->is_object()) {
    if (const JsonNode* module = json.find(*prior_values, "root_module"))
      index_data_sources(*module, 0);
  }
  return !diagnostics.has_errors();
}

void Plan::index_configuration(const JsonNode& module, const std::string& prefix) {
  if (!module.is_object()) return;
  if (const JsonNode* resources = json_->find(module, "resources");
      resources && resources->is_array()) {
    for (const JsonNode* resource : json_->elements(*resources)) {
      if (!resource->is_object()) continue;
      const JsonNode* address = json_->find(*resource, "address");
      const JsonNode* expressions = json_->find(*resource, "expressions");
      if (!address || !address->is_string()) continue;
      const std::string key =
          prefix.empty() ? std::string(address->text) : fmt::format("{}.{}", prefix, address->text);
      if (expressions && expressions->is_object()) expressions_[key] = expressions;
      if (const JsonNode* each = json_->find(*resource, "for_each_expression"))
        for_each_[key] = each;
    }
  }
  if (const JsonNode* outputs = json_->find(module, "outputs"); outputs && outputs->is_object()) {
    for (const JsonMember& output : json_->members(*outputs)) {
      const JsonNode* expression =
          output.value->is_object() ? json_->find(*output.value, "expression") : nullptr;
      if (expression) outputs_[fmt::format("{}.output.{}", prefix, output.key)] = expression;
    }
  }
  const JsonNode* calls = json_->find(module, "module_calls");
  if (!calls || !calls->is_object()) return;
  for (const JsonMember& call : json_->members(*calls)) {
    if (!call.value->is_object()) continue;
    const std::string child_prefix = prefix.empty() ? fmt::format("module.{}", call.key)
                                                    : fmt::format("{}.module.{}", prefix, call.key);
    if (const JsonNode* source = json_->find(*call.value, "source"); source && source->is_string())
      module_sources_[child_prefix] = source->text;
    if (const JsonNode* inputs = json_->find(*call.value, "expressions");
        inputs && inputs->is_object()) {
      for (const JsonMember& input : json_->members(*inputs))
        inputs_[fmt::format("{}.var.{}", child_prefix, input.key)] = input.value;
    }
    if (const JsonNode* child = json_->find(*call.value, "module"))
      index_configuration(*child, child_prefix);
  }
}

void Plan::index_module(const JsonNode& module, const std::string& pointer,
                        Diagnostics& diagnostics) {
  if (!module.is_object()) {
    diagnostics.error({file_, module.offset}, "a module of planned_values must be an object");
    return;
  }
  const JsonNode* address = json_->find(module, "address");
  const std::string module_address =
      address && address->is_string() ? std::string(address->text) : std::string();
  if (const JsonNode* resources = json_->find(module, "resources")) {
    if (!resources->is_array()) {
      diagnostics.error({file_, resources->offset}, "resources of a planned module must be a list");
      return;
    }
    const auto elements = json_->elements(*resources);
    for (size_t i = 0; i < elements.size(); ++i) {
      const JsonNode& resource = *elements[i];
      const JsonNode* mode = resource.is_object() ? json_->find(resource, "mode") : nullptr;
      const JsonNode* type = resource.is_object() ? json_->find(resource, "type") : nullptr;
      const JsonNode* name = resource.is_object() ? json_->find(resource, "address") : nullptr;
      if (!type || !type->is_string() || !name || !name->is_string()) {
        diagnostics.error({file_, resource.offset},
                          "a planned resource needs a string address and type");
        continue;
      }
      if (mode && mode->is_string() && mode->text != "managed") continue;  // data sources
      const JsonNode* values = json_->find(resource, "values");
      if (values && !values->is_object() && values->kind != JsonKind::Null) {
        diagnostics.error({file_, values->offset},
                          fmt::format("values of {} must be an object", name->text));
        continue;
      }
      PlanResource out;
      out.address = std::string(name->text);
      out.config_address = without_instance_keys(out.address);
      out.module = module_address;
      out.config_module = without_instance_keys(module_address);
      out.type = type->text;
      out.pointer = fmt::format("{}/resources/{}", pointer, i);
      out.offset = resource.offset;
      out.scope.values = values && values->is_object() ? values : nullptr;
      by_address_[out.address] = resources_.size();
      by_config_address_[out.config_address].push_back(resources_.size());
      resources_.push_back(std::move(out));
    }
  }
  if (const JsonNode* children = json_->find(module, "child_modules");
      children && children->is_array()) {
    const auto elements = json_->elements(*children);
    for (size_t i = 0; i < elements.size(); ++i)
      index_module(*elements[i], fmt::format("{}/child_modules/{}", pointer, i), diagnostics);
  }
}

void Plan::index_changes(Diagnostics&) {
  for (PlanResource& resource : resources_) {
    const auto found = expressions_.find(resource.config_address);
    if (found != expressions_.end()) resource.scope.expressions = found->second;
  }
  const JsonNode* changes = json_->find(json_->root(), "resource_changes");
  if (!changes || !changes->is_array()) return;
  for (const JsonNode* change : json_->elements(*changes)) {
    if (!change->is_object()) continue;
    const JsonNode* address = json_->find(*change, "address");
    const JsonNode* body = json_->find(*change, "change");
    if (!address || !address->is_string() || !body || !body->is_object()) continue;
    const auto found = by_address_.find(std::string(address->text));
    if (found == by_address_.end()) continue;
    const JsonNode* unknown = json_->find(*body, "after_unknown");
    if (unknown && unknown->is_object()) resources_[found->second].scope.unknown = unknown;
  }
}

// The data sources of prior_state: what Terraform read while planning. Its managed resources
// are not read: planned_values already holds what of them is known (a no-op or an update keeps
// their known values there), and one that is not planned is being destroyed.
void Plan::index_data_sources(const JsonNode& module, int depth) {
  if (!module.is_object() || depth > kMaxModuleDepth) return;
  if (const JsonNode* resources = json_->find(module, "resources");
      resources && resources->is_array()) {
    for (const JsonNode* resource : json_->elements(*resources)) {
      if (!resource->is_object()) continue;
      const JsonNode* mode = json_->find(*resource, "mode");
      const JsonNode* address = json_->find(*resource, "address");
      const JsonNode* values = json_->find(*resource, "values");
      if (mode && mode->is_string() && mode->text == "data" && address && address->is_string() &&
          values && values->is_object())
        data_sources_.emplace(std::string(address->text), values);
    }
  }
  if (const JsonNode* children = json_->find(module, "child_modules");
      children && children->is_array()) {
    for (const JsonNode* child : json_->elements(*children)) index_data_sources(*child, depth + 1);
  }
}

const JsonNode* Plan::data_source_value(const PlanReference& reference) const {
  const auto found = data_sources_.find(reference.key);
  if (found == data_sources_.end()) return nullptr;
  const JsonNode* value = json_->find(*found->second, reference.attribute);
  return value && value->kind != JsonKind::Null ? value : nullptr;
}

std::string_view Plan::module_source(const std::string& module) const {
  const auto found = module_sources_.find(module);
  return found == module_sources_.end() ? std::string_view() : found->second;
}

PlanAttribute Plan::attribute(const PlanScope& scope, std::string_view key) const {
  PlanAttribute out;
  if (scope.values) {
    const JsonNode* value = json_->find(*scope.values, key);
    if (value && value->kind != JsonKind::Null) out.value = value;
  }
  if (!out.value && scope.unknown) {
    const JsonNode* unknown = json_->find(*scope.unknown, key);
    out.unknown = unknown && unknown->kind == JsonKind::Bool && unknown->boolean;
  }
  if (scope.expressions) out.expression = json_->find(*scope.expressions, key);
  // Computed by the provider and not written (the configuration of the resource is known, the
  // attribute is not in it): what AWS does by default, not a value to wait for.
  if (out.unknown && scope.expressions && !out.expression) {
    out.unknown = false;
    out.computed = true;
  }
  return out;
}

std::vector<PlanScope> Plan::blocks(const PlanScope& scope, std::string_view key) const {
  std::vector<PlanScope> out;
  const JsonNode* values = scope.values ? json_->find(*scope.values, key) : nullptr;
  if (!values || !values->is_array()) return out;
  const JsonNode* unknown = scope.unknown ? json_->find(*scope.unknown, key) : nullptr;
  const JsonNode* expressions = scope.expressions ? json_->find(*scope.expressions, key) : nullptr;
  const auto items = json_->elements(*values);
  for (size_t i = 0; i < items.size(); ++i) {
    PlanScope block;
    block.values = items[i]->is_object() ? items[i] : nullptr;
    if (unknown && unknown->is_array() && i < unknown->count) {
      const JsonNode* item = json_->elements(*unknown)[i];
      block.unknown = item->is_object() ? item : nullptr;
    }
    // Written blocks line up with planned ones only when their numbers agree (a dynamic block or
    // a set reordered by the provider do not): otherwise no expression is trusted.
    if (expressions && expressions->is_array() && expressions->count == items.size()) {
      const JsonNode* item = json_->elements(*expressions)[i];
      block.expressions = item->is_object() ? item : nullptr;
    } else if (expressions && expressions->is_object()) {
      block.shared = expressions;
    }
    out.push_back(block);
  }
  return out;
}

std::vector<PlanReference> Plan::references(const PlanResource& from,
                                            const JsonNode* expression) const {
  std::vector<PlanReference> out;
  std::vector<std::string> seen;
  references_in(from.module, &from, expression, 0, out, seen);
  // A variable no module call sets (a root variable, or a default) is known when planning: it
  // is never why a value is known only after apply.
  std::erase_if(out, [](const PlanReference& reference) {
    return reference.instances.empty() && reference.text.starts_with("var.");
  });
  // A whole resource named beside one of its instances ([0].id, then the resource) is that one.
  std::erase_if(out, [&](const PlanReference& reference) {
    return std::any_of(out.begin(), out.end(), [&](const PlanReference& other) {
      return other.key.size() > reference.key.size() && other.key.starts_with(reference.key + "[");
    });
  });
  if (!names_own_key(expression)) return out;
  const std::string own_key = instance_key(from);
  if (own_key.empty()) return out;
  for (PlanReference& reference : out) {
    if (reference.instances.size() < 2) continue;
    const auto picked = std::find_if(
        reference.instances.begin(), reference.instances.end(),
        [&](const PlanResource* instance) { return instance_key(*instance) == own_key; });
    if (picked != reference.instances.end()) reference.instances = {*picked};
  }
  return out;
}

bool Plan::names_own_key(const JsonNode* expression) const {
  const JsonNode* references =
      expression && expression->is_object() ? json_->find(*expression, "references") : nullptr;
  if (!references || !references->is_array()) return false;
  const auto elements = json_->elements(*references);
  return std::any_of(elements.begin(), elements.end(), [](const JsonNode* reference) {
    return reference->is_string() &&
           (reference->text == "count.index" || reference->text == "each.key");
  });
}

// The references of `expression` written in module instance `module`; `from` is the resource
// whose own expression it is (for each.value), null in a module's outputs and inputs.
void Plan::references_in(const std::string& module, const PlanResource* from,
                         const JsonNode* expression, int depth, std::vector<PlanReference>& out,
                         std::vector<std::string>& seen) const {
  if (!expression || !expression->is_object() || depth > kMaxModuleDepth) return;
  const JsonNode* references = json_->find(*expression, "references");
  if (!references || !references->is_array()) return;
  for (const JsonNode* reference : json_->elements(*references)) {
    if (!reference->is_string()) continue;
    const auto [resource, attribute] = split_reference(reference->text);
    const std::string_view type = resource.substr(0, resource.find('.'));
    const std::string key =
        module.empty() ? std::string(resource) : fmt::format("{}.{}", module, resource);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    // each.value.id over a resource; a bare each.value over an output of ids (module.vpc.subnets).
    if (from && resource == "each.value") {
      // for_each = module.vpc: each.value.vpc_id is output vpc_id of this key's module instance.
      if (const std::string call = each_module(*from); !call.empty() && !attribute.empty()) {
        const auto output =
            outputs_.find(fmt::format("{}.output.{}", without_instance_keys(call), attribute));
        if (output != outputs_.end()) {
          seen.push_back(key);
          references_in(call, nullptr, output->second, depth + 1, out, seen);
          continue;
        }
      }
      if (const PlanResource* instance = each_value(*from)) {
        seen.push_back(key);
        out.push_back({{instance},
                       std::string(attribute.empty() ? "id" : attribute),
                       std::string(reference->text),
                       key});
        continue;
      }
    }
    // A bare "count.index" or "each.key" picks among instances: it names no value of its own.
    if (type == "count" || type == "each" || type == "path" || type == "terraform") continue;
    seen.push_back(key);
    // A module's output, or a variable a module call passes: what their expressions refer to.
    if (type == "module" && !attribute.empty()) {
      const auto output =
          outputs_.find(fmt::format("{}.output.{}", without_instance_keys(key), attribute));
      if (output != outputs_.end()) {
        const size_t first = out.size();
        references_in(key, nullptr, output->second, depth + 1, out, seen);
        // module.vpc.subnets["a"]: the instance of that key, where the output names one resource.
        const std::string_view index =
            std::string_view(reference->text).substr(resource.size() + 1 + attribute.size());
        const std::vector<PlanReference> added(out.begin() + first, out.end());
        if (index.starts_with("[")) {
          if (const PlanResource* picked =
                  instance_by_key(added, index.substr(0, index.find(']') + 1))) {
            for (auto it = out.begin() + first; it != out.end(); ++it) {
              if (it->instances.size() > 1) it->instances = {picked};
            }
          }
        }
        continue;
      }
    } else if (type == "var" && !module.empty()) {
      const auto input =
          inputs_.find(fmt::format("{}.{}", without_instance_keys(module), resource));
      if (input != inputs_.end()) {
        references_in(parent_module(module), nullptr, input->second, depth + 1, out, seen);
        continue;
      }
    }
    PlanReference out_ref;
    out_ref.key = key;
    out_ref.text = std::string(reference->text);
    out_ref.attribute = std::string(attribute.empty() ? "id" : attribute);
    if (is_resource_type(type)) {
      if (const auto found = by_address_.find(key); found != by_address_.end()) {
        out_ref.instances.push_back(&resources_[found->second]);
      } else if (const auto all = by_config_address_.find(without_instance_keys(key));
                 all != by_config_address_.end() && !resource.ends_with(']')) {
        // The whole resource, in this module instance ("module.a[\"x\"].aws_subnet.b"): its
        // instances there, not those of the module's other instances.
        for (const size_t index : all->second) {
          const std::string& address = resources_[index].address;
          if (address.starts_with(key) &&
              (address.size() == key.size() || address[key.size()] == '['))
            out_ref.instances.push_back(&resources_[index]);
        }
      }
    }
    out.push_back(std::move(out_ref));
  }
}

std::string Plan::each_module(const PlanResource& from) const {
  const auto each = for_each_.find(from.config_address);
  if (each == for_each_.end() || !each->second->is_object()) return {};
  const JsonNode* references = json_->find(*each->second, "references");
  if (!references || !references->is_array() || references->count != 1) return {};
  const JsonNode* call = json_->elements(*references).front();
  const std::string key_part = instance_key(from);
  if (!call->is_string() || !call->text.starts_with("module.") ||
      std::count(call->text.begin(), call->text.end(), '.') != 1 || key_part.empty())
    return {};
  const std::string instance = std::string(call->text) + key_part;
  return from.module.empty() ? instance : fmt::format("{}.{}", from.module, instance);
}

const PlanResource* Plan::instance_by_key(const std::vector<PlanReference>& references,
                                          std::string_view key) {
  const PlanReference* several = nullptr;
  for (const PlanReference& reference : references) {
    if (reference.instances.size() < 2) continue;
    if (several) return nullptr;
    several = &reference;
  }
  if (!several) return nullptr;
  for (const PlanResource* instance : several->instances) {
    if (instance_key(*instance) == key) return instance;
  }
  return nullptr;
}

const PlanResource* Plan::each_value(const PlanResource& from) const {
  const auto each = for_each_.find(from.config_address);
  if (each == for_each_.end() || !each->second->is_object()) return nullptr;
  const JsonNode* references = json_->find(*each->second, "references");
  if (!references || !references->is_array() || references->count == 0) return nullptr;
  const std::string key_part = instance_key(from);
  if (key_part.empty()) return nullptr;
  // for_each = module.vpc.route_table_ids (or a variable a module call sets to it), an output
  // keyed as one resource's for_each: that resource's instance of the same key.
  const auto elements = json_->elements(*references);
  if (std::any_of(elements.begin(), elements.end(), [](const JsonNode* reference) {
        return reference->is_string() &&
               (reference->text.starts_with("module.") || reference->text.starts_with("var."));
      })) {
    std::vector<PlanReference> resolved;
    std::vector<std::string> seen;
    references_in(from.module, nullptr, each->second, 0, resolved, seen);
    return instance_by_key(resolved, key_part);
  }
  // for_each = aws_subnet.x: only a whole resource, not one attribute or output of it.
  std::string over;
  for (const JsonNode* reference : json_->elements(*references)) {
    if (!reference->is_string()) return nullptr;
    const std::string_view text = reference->text;
    const std::string_view type = text.substr(0, text.find('.'));
    if (!is_resource_type(type) || std::count(text.begin(), text.end(), '.') != 1) return nullptr;
    if (!over.empty() && over != text) return nullptr;
    over = std::string(text);
  }
  const std::string target =
      from.module.empty() ? over + key_part : fmt::format("{}.{}{}", from.module, over, key_part);
  const auto found = by_address_.find(target);
  return found == by_address_.end() ? nullptr : &resources_[found->second];
}

}  // namespace reachlint
