// A read-only JSON tree built in one simdjson On-Demand pass, with the byte offset of every
// value and key, so that templates can be evaluated with random access and every finding located.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "linter/core/result.h"
#include "linter/core/source.h"

namespace reachlint {

enum class JsonKind : uint8_t { Null, Bool, Integer, Real, String, Array, Object };

std::string_view json_kind_name(JsonKind kind);

// A one-line description of a simdjson error, for input errors.
std::string describe_json_error(simdjson::error_code code);

struct JsonMember;

struct JsonNode {
  JsonKind kind = JsonKind::Null;
  uint32_t offset = 0;  // where the value starts in the file
  bool boolean = false;
  int64_t integer = 0;
  double real = 0;
  std::string_view text;  // unescaped string, or the raw token of a number
  uint32_t first = 0;     // arrays: into the element table; objects: into the member table
  uint32_t count = 0;

  bool is_object() const { return kind == JsonKind::Object; }
  bool is_array() const { return kind == JsonKind::Array; }
  bool is_string() const { return kind == JsonKind::String; }
  bool is_number() const { return kind == JsonKind::Integer || kind == JsonKind::Real; }
};

struct JsonMember {
  std::string_view key;
  uint32_t key_offset;  // the opening quote of the key
  const JsonNode* value;
};

class JsonDocument {
 public:
  JsonDocument() = default;
  JsonDocument(JsonDocument&&) noexcept = default;
  JsonDocument& operator=(JsonDocument&&) noexcept = default;

  // Parses `source` (which must stay alive and padded). An error is located by its offset in
  // `source` (the file is the caller's to name) and says what is wrong in one line.
  Status parse(const SourceBuffer& source);
  // The same tree from a CloudFormation YAML template (yaml_tree.cpp): short-form tags become
  // their JSON form (`!Ref X` is {"Ref": "X"}, `!GetAtt A.B` is {"Fn::GetAtt": ["A", "B"]}),
  // plain scalars are typed as YAML 1.2's core schema types them, offsets are byte offsets.
  Status parse_yaml(const SourceBuffer& source);

  const JsonNode& root() const { return nodes_.front(); }
  std::span<const JsonNode* const> elements(const JsonNode& array) const {
    return {elements_.data() + array.first, array.count};
  }
  std::span<const JsonMember> members(const JsonNode& object) const {
    return {members_.data() + object.first, object.count};
  }
  // The value of `key` in `object`, or nullptr. Linear: objects in templates are small.
  const JsonNode* find(const JsonNode& object, std::string_view key) const;
  const JsonMember* find_member(const JsonNode& object, std::string_view key) const;

 private:
  class Builder;
  class YamlBuilder;

  simdjson::ondemand::parser parser_;  // owns the unescaped strings the nodes point at
  std::deque<JsonNode> nodes_;         // a deque keeps node addresses stable while building
  std::vector<const JsonNode*> elements_;
  std::vector<JsonMember> members_;
  std::deque<std::string> yaml_text_;  // YAML: the scalars and keys the nodes point at
};

}  // namespace reachlint
