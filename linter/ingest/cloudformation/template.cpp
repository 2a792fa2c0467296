#include "linter/ingest/cloudformation/template.h"
#include "linter/ingest/cloudformation/template_keys.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/ingest/cloudformation/template_keys.h"

namespace reachlint {

namespace {

bool index_section(Template& tmpl, const JsonNode& root, std::string_view name,
                   std::unordered_map<std::string_view, const JsonMember*>& into,
                   Diagnostics& diagnostics) {
  const JsonMember* section = tmpl.json->find_member(root, name);
  if (!section) return true;
  if (!section->value->is_object()) {
    diagnostics.error(tmpl.at(section->value->offset),
                      fmt::format("template section '{}' must be an object, not {}", name,
                                  json_kind_name(section->value->kind)));
    return false;
  }
  for (const JsonMember& member : tmpl.json->members(*section->value)) into[member.key] = &member;
  return true;
}

bool check_resource(const Template& tmpl, const JsonMember& resource, Diagnostics& diagnostics) {
  const JsonNode& body = *resource.value;
  if (!body.is_object()) {
    diagnostics.error(tmpl.at(body.offset), fmt::format("resource '{}' must be an object, not {}",
                                                        resource.key, json_kind_name(body.kind)));
    return false;
  }
  const JsonNode* type = tmpl.json->find(body, template_keys::kType);
  if (!type || !type->is_string()) {
    diagnostics.error(tmpl.at(type ? type->offset : resource.key_offset),
                      fmt::format("resource '{}' needs a string 'Type'", resource.key));
    return false;
  }
  const JsonNode* properties = tmpl.json->find(body, template_keys::kProperties);
  if (properties && !properties->is_object()) {
    diagnostics.error(tmpl.at(properties->offset),
                      fmt::format("'Properties' of resource '{}' must be an object, not {}",
                                  resource.key, json_kind_name(properties->kind)));
    return false;
  }
  return true;
}

}  // namespace

std::string_view Template::resource_type(const JsonMember& resource) const {
  const JsonNode* type = json->find(*resource.value, template_keys::kType);
  return type && type->is_string() ? type->text : std::string_view{};
}

const JsonNode* Template::properties(const JsonMember& resource) const {
  const JsonNode* props = json->find(*resource.value, template_keys::kProperties);
  return props && props->is_object() ? props : nullptr;
}

namespace {

// A transform (SAM, AWS::Include, macros) rewrites the template at deploy time: what it adds or
// changes cannot be known from the file, the rest is checked as written.
void notice_transforms(const Template& tmpl, const JsonNode& root, Diagnostics& diagnostics) {
  const JsonNode* transform = tmpl.json->find(root, template_keys::kTransform);
  if (!transform) return;
  std::vector<const JsonNode*> entries;
  if (transform->is_array()) {
    for (const JsonNode* entry : tmpl.json->elements(*transform)) entries.push_back(entry);
  } else {
    entries.push_back(transform);
  }
  for (const JsonNode* entry : entries) {
    const JsonNode* name =
        entry->is_object() ? tmpl.json->find(*entry, template_keys::kName) : entry;
    if (!name || !name->is_string()) continue;
    // Fn::ForEach, the only part of AWS::LanguageExtensions that adds resources, has its own
    // notice.
    if (name->text == "AWS::LanguageExtensions") continue;
    diagnostics.notice(tmpl.at(entry->offset),
                       fmt::format("the transform {} rewrites this template at deploy time: what "
                                   "it adds or changes is not checked, the rest is",
                                   name->text));
  }
}

// Parameters, Conditions, Mappings and Outputs by name.
bool index_sections(Template& tmpl, const JsonNode& root, Diagnostics& diagnostics) {
  notice_transforms(tmpl, root, diagnostics);
  bool ok = index_section(tmpl, root, template_keys::kParameters, tmpl.parameters, diagnostics);
  ok &= index_section(tmpl, root, template_keys::kConditions, tmpl.conditions, diagnostics);
  ok &= index_section(tmpl, root, template_keys::kMappings, tmpl.mappings, diagnostics);
  ok &= index_section(tmpl, root, template_keys::kOutputs, tmpl.outputs, diagnostics);
  return ok;
}

}  // namespace

bool index_template(Template& tmpl, Diagnostics& diagnostics) {
  const JsonNode& root = tmpl.json->root();
  if (!root.is_object()) {
    diagnostics.error(tmpl.at(root.offset), fmt::format("a template must be a JSON object, not {}",
                                                        json_kind_name(root.kind)));
    return false;
  }
  const JsonMember* resources = tmpl.json->find_member(root, template_keys::kResources);
  if (!resources && tmpl.listed_by_manifest) {
    diagnostics.notice(
        tmpl.at(root.offset),
        fmt::format("stack {} has no Resources: nothing in it to check", tmpl.stack_name));
    return index_sections(tmpl, root, diagnostics);
  }
  if (!resources || !resources->value->is_object()) {
    diagnostics.error(tmpl.at(resources ? resources->value->offset : root.offset),
                      resources
                          ? fmt::format("template section 'Resources' must be an object, not {}",
                                        json_kind_name(resources->value->kind))
                          : std::string("a template needs a 'Resources' object"));
    return false;
  }
  bool ok = true;
  for (const JsonMember& resource : tmpl.json->members(*resources->value)) {
    if (resource.key.starts_with(template_keys::kFnForEachPrefix)) {
      diagnostics.notice(tmpl.at(resource.key_offset),
                         fmt::format("'{}' is expanded by the AWS::LanguageExtensions transform "
                                     "at deploy time; the resources it makes are not checked",
                                     resource.key));
      continue;
    }
    if (!check_resource(tmpl, resource, diagnostics)) {
      ok = false;
      continue;
    }
    const auto [it, first] = tmpl.resource_by_id.try_emplace(resource.key, &resource);
    if (first) {
      tmpl.resources.push_back(&resource);
      continue;
    }
    // JSON parsers keep the last of duplicate keys, and so does CloudFormation.
    diagnostics.notice(tmpl.at(resource.key_offset),
                       fmt::format("resource '{}' is defined a second time here; like "
                                   "CloudFormation, reachlint uses this later definition",
                                   resource.key));
    std::replace(tmpl.resources.begin(), tmpl.resources.end(), it->second, &resource);
    it->second = &resource;
  }
  return index_sections(tmpl, root, diagnostics) && ok;
}

}  // namespace reachlint
