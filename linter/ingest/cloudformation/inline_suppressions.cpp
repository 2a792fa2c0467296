#include "linter/ingest/cloudformation/inline_suppressions.h"

#include <fmt/format.h>

#include "linter/ingest/cloudformation/template_keys.h"

namespace reachlint {

namespace {

// One {"rule", "reason"} entry; a malformed one is reported and ignored.
void read_entry(const Template& tmpl, uint32_t stack, const JsonMember& resource,
                const JsonNode& entry, std::vector<SuppressionSpec>& out,
                Diagnostics& diagnostics) {
  const Location at = tmpl.at(entry.offset);
  const JsonNode* rule = entry.is_object() ? tmpl.json->find(entry, template_keys::kRule) : nullptr;
  const JsonNode* reason =
      entry.is_object() ? tmpl.json->find(entry, template_keys::kReason) : nullptr;
  if (!rule || !rule->is_string()) {
    diagnostics.notice(
        at, fmt::format("suppression on {} ignored: it needs a \"rule\" code", resource.key));
    return;
  }
  if (!reason || !reason->is_string() || reason->text.empty()) {
    diagnostics.notice(at, fmt::format("suppression of {} on {} ignored: it needs a \"reason\"",
                                       rule->text, resource.key));
    return;
  }
  SuppressionSpec spec;
  spec.kind = SuppressionSpec::Kind::InSource;
  spec.rule = std::string(rule->text);
  spec.resource = std::string(resource.key);
  spec.stack = stack;
  spec.reason = std::string(reason->text);
  spec.location = at;
  out.push_back(std::move(spec));
}

}  // namespace

std::vector<SuppressionSpec> inline_suppressions(const TemplateSet& templates, uint32_t first_stack,
                                                 Diagnostics& diagnostics) {
  std::vector<SuppressionSpec> out;
  for (uint32_t t = 0; t < templates.templates.size(); ++t) {
    const Template& tmpl = templates.templates[t];
    for (const JsonMember* resource : tmpl.resources) {
      const JsonNode* metadata = tmpl.json->find(*resource->value, template_keys::kMetadata);
      const JsonNode* ours = metadata && metadata->is_object()
                                 ? tmpl.json->find(*metadata, template_keys::kReachlint)
                                 : nullptr;
      if (!ours) continue;
      const JsonNode* list =
          ours->is_object() ? tmpl.json->find(*ours, template_keys::kSuppress) : nullptr;
      if (!list || !list->is_array()) {
        diagnostics.notice(tmpl.at(ours->offset),
                           fmt::format("Metadata.reachlint of {} ignored: it needs a "
                                       "\"suppress\" list of {{\"rule\", \"reason\"}}",
                                       resource->key));
        continue;
      }
      for (const JsonNode* entry : tmpl.json->elements(*list))
        read_entry(tmpl, first_stack + t, *resource, *entry, out, diagnostics);
    }
  }
  return out;
}

}  // namespace reachlint
