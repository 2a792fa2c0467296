// The result of evaluating a template expression statically.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "linter/core/source.h"
#include "linter/ingest/common/json_tree.h"

namespace reachlint {

struct Value {
  enum class Kind : uint8_t {
    Unknown,  // known only at deploy time; `text` says why, `location` where
    NoValue,  // AWS::NoValue: the property is absent
    Null,
    Bool,
    Number,
    String,
    List,
    Object,  // a plain JSON object, left unevaluated (`object`, in template `tmpl`)
    Entity,  // the id of a resource of this run; `text` is its model key
    Az,      // an Availability Zone; `text` is its key ("az#0" for Fn::GetAZs index 0)
    AzList,  // the result of Fn::GetAZs: only indexable
  };

  Kind kind = Kind::Unknown;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<Value> items;
  const JsonNode* object = nullptr;
  uint32_t tmpl = 0;
  Location location;

  static Value unknown(Location where, std::string why) {
    Value v;
    v.kind = Kind::Unknown;
    v.location = where;
    v.text = std::move(why);
    return v;
  }
  static Value string(Location where, std::string text) {
    Value v;
    v.kind = Kind::String;
    v.location = where;
    v.text = std::move(text);
    return v;
  }
  static Value entity(Location where, std::string key) {
    Value v = string(where, std::move(key));
    v.kind = Kind::Entity;
    return v;
  }

  bool is_unknown() const { return kind == Kind::Unknown; }
  bool is_absent() const { return kind == Kind::NoValue || kind == Kind::Null; }
  bool is_string() const { return kind == Kind::String; }
  bool is_list() const { return kind == Kind::List; }
  // The text of a string, or the canonical text of a number; nullopt otherwise.
  std::optional<std::string> as_text() const;
  // An integer from a number or a numeric string; nullopt otherwise (or when not integral).
  std::optional<int64_t> as_integer() const;
};

// A three-valued truth, for conditions that may depend on deploy-time values.
enum class Tri : uint8_t { False, True, Unknown };

}  // namespace reachlint
