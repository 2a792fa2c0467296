// Intrinsic evaluation: the input is a bundle (fuzz_common.h) of CloudFormation templates, one
// stack each (header path = stack name, for Fn::ImportValue / Fn::GetStackOutput across them).
// Every condition, every resource's Condition and every property, and every output value is
// evaluated with the Evaluator directly (Ref, Fn::GetAtt, Fn::Select, Fn::GetAZs, Fn::Cidr,
// Fn::Join, Fn::Sub, Fn::Split, Fn::FindInMap, Fn::If, Fn::Equals/And/Or/Not, Fn::ImportValue,
// Fn::GetStackOutput, parameters and pseudo parameters), and each result is taken apart as the
// model builder would (as_text, as_integer, lists). A headerless input is one template.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

#include "fuzz_common.h"
#include "linter/core/cidr.h"
#include "linter/ingest/cloudformation/evaluator.h"
#include "linter/ingest/cloudformation/template.h"
#include "linter/ingest/common/json_tree.h"

using namespace reachlint;

namespace {

struct File {
  SourceBuffer buffer;
  JsonDocument json;
};

void take_apart(const Value& value, int depth = 0) {
  if (const auto text = value.as_text()) {
    fuzz::consume(*text);
    if (const auto cidr = Cidr::parse(*text)) fuzz::consume(cidr->str());
  }
  if (const auto integer = value.as_integer()) fuzz::consume(std::to_string(*integer));
  fuzz::consume(value.text);
  if (depth > 64) return;
  for (const Value& item : value.items) take_apart(item, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  TemplateSet set;
  std::deque<File> files;
  uint32_t id = 0;
  for (const fuzz::Part& part : fuzz::split_bundle(text, "Stack", 8)) {
    File& file = files.emplace_back();
    file.buffer = SourceBuffer::from_string(part.text);
    if (!file.json.parse(file.buffer)) continue;
    Template tmpl;
    tmpl.file = id++;
    tmpl.stack_name = part.path;
    tmpl.json = &file.json;
    if (index_template(tmpl, diagnostics)) set.templates.push_back(std::move(tmpl));
  }
  if (set.templates.empty()) return 0;

  Evaluator evaluator(set, diagnostics);
  for (uint32_t t = 0; t < set.templates.size(); ++t) {
    const Template& tmpl = set.templates[t];
    for (const auto& [name, condition] : tmpl.conditions)
      evaluator.condition(t, name, tmpl.at(condition->key_offset));
    for (const JsonMember* resource : tmpl.resources) {
      evaluator.resource_condition(t, *resource);
      const JsonNode* properties = tmpl.properties(*resource);
      if (!properties) continue;
      for (const JsonMember& property : tmpl.json->members(*properties))
        take_apart(evaluator.property(t, *resource, property.key));
    }
    for (const auto& [name, output] : tmpl.outputs) {
      if (const JsonNode* value =
              output->value->is_object() ? tmpl.json->find(*output->value, "Value") : nullptr)
        take_apart(evaluator.eval(t, *value));
    }
  }
  for (const InputError& error : diagnostics.errors()) fuzz::consume(error.message);
  return 0;
}
