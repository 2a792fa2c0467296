#include "linter/ingest/common/json_tree.h"

#include <fmt/format.h>

namespace reachlint {

namespace od = simdjson::ondemand;

std::string_view json_kind_name(JsonKind kind) {
  switch (kind) {
    case JsonKind::Null:
      return "null";
    case JsonKind::Bool:
      return "a boolean";
    case JsonKind::Integer:
    case JsonKind::Real:
      return "a number";
    case JsonKind::String:
      return "a string";
    case JsonKind::Array:
      return "an array";
    case JsonKind::Object:
      return "an object";
  }
  return "a value";
}

std::string describe_json_error(simdjson::error_code code) {
  switch (code) {
    case simdjson::EMPTY:
      return "the file is empty";
    case simdjson::UTF8_ERROR:
      return "invalid UTF-8";
    case simdjson::UNCLOSED_STRING:
      return "unexpected end of file inside a string";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "unexpected end of file: an object or array is not closed";
    case simdjson::DEPTH_ERROR:
      return "nesting is deeper than 1000 levels";
    case simdjson::NUMBER_ERROR:
      return "invalid number";
    case simdjson::STRING_ERROR:
      return "invalid escape in string";
    case simdjson::UNESCAPED_CHARS:
      return "unescaped control character in string";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
    case simdjson::INCORRECT_TYPE:
      return "invalid literal or value";
    case simdjson::CAPACITY:
      return "the file is too large for the JSON parser";
    case simdjson::MEMALLOC:
      return "out of memory while parsing";
    case simdjson::TAPE_ERROR:
      return "invalid JSON: missing or extra commas, brackets or keys";
    default:
      return fmt::format("invalid JSON ({})", simdjson::error_message(code));
  }
}

namespace {

// Offset of the first byte that breaks UTF-8, for a precise error location.
uint32_t first_invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80           ? 1
                    : (byte >> 5) == 0x6  ? 2
                    : (byte >> 4) == 0xE  ? 3
                    : (byte >> 3) == 0x1E ? 4
                                          : 0;
    if (length == 0 || i + length > text.size()) return static_cast<uint32_t>(i);
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return static_cast<uint32_t>(i);
    }
    if (!simdjson::validate_utf8(text.data() + i, length)) return static_cast<uint32_t>(i);
    i += length;
  }
  return static_cast<uint32_t>(text.size());
}

// True when the text ends inside a string or with objects or arrays left open: a truncated file,
// whatever error the parser met first near its end.
bool ends_unbalanced(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth < 0) return false;
    }
  }
  return in_string || depth > 0;
}

}  // namespace

class JsonDocument::Builder {
 public:
  Builder(JsonDocument& doc, const SourceBuffer& source) : doc_(doc), base_(source.data()) {}

  simdjson::error_code build_root(od::document& root) {
    od::json_type type;
    if (auto error = root.type().get(type)) return error;
    if (type != od::json_type::object && type != od::json_type::array) {
      return build_scalar_root(root, type);
    }
    od::value value;
    if (auto error = root.get_value().get(value)) return error;
    return build(value).error();
  }

  uint32_t last_offset() const { return last_offset_; }

 private:
  simdjson::simdjson_result<JsonNode*> build(od::value value) {
    if (depth_ >= kMaxDepth) return simdjson::DEPTH_ERROR;
    JsonNode& node = doc_.nodes_.emplace_back();
    const char* at = nullptr;
    if (value.current_location().get(at) == simdjson::SUCCESS) node.offset = offset_of(at);
    last_offset_ = node.offset;
    od::json_type type;
    if (auto error = value.type().get(type)) return error;
    simdjson::error_code error = simdjson::SUCCESS;
    switch (type) {
      case od::json_type::object:
        ++depth_;
        error = build_object(value, node);
        --depth_;
        break;
      case od::json_type::array:
        ++depth_;
        error = build_array(value, node);
        --depth_;
        break;
      case od::json_type::string:
        error = read_string(value, node);
        break;
      case od::json_type::number:
        error = read_number(value, node);
        break;
      case od::json_type::boolean:
        node.kind = JsonKind::Bool;
        error = value.get_bool().get(node.boolean);
        break;
      case od::json_type::null: {
        bool is_null = false;
        error = value.is_null().get(is_null);
        if (!error && !is_null) error = simdjson::N_ATOM_ERROR;
        break;
      }
    }
    if (error) return error;
    return &node;
  }

  simdjson::error_code build_object(od::value value, JsonNode& node) {
    node.kind = JsonKind::Object;
    od::object object;
    if (auto error = value.get_object().get(object)) return error;
    const size_t mark = member_stack_.size();
    for (auto field : object) {
      if (auto error = field.error()) return error;
      std::string_view key;
      const uint32_t key_offset = offset_of(field.key().raw()) - 1;
      last_offset_ = key_offset;
      if (auto error = field.unescaped_key().get(key)) return error;
      JsonNode* child = nullptr;
      if (auto error = build(field.value()).get(child)) return error;
      member_stack_.push_back({key, key_offset, child});
    }
    node.first = static_cast<uint32_t>(doc_.members_.size());
    node.count = static_cast<uint32_t>(member_stack_.size() - mark);
    doc_.members_.insert(doc_.members_.end(), member_stack_.begin() + mark, member_stack_.end());
    member_stack_.resize(mark);
    return simdjson::SUCCESS;
  }

  simdjson::error_code build_array(od::value value, JsonNode& node) {
    node.kind = JsonKind::Array;
    od::array array;
    if (auto error = value.get_array().get(array)) return error;
    const size_t mark = element_stack_.size();
    for (auto element : array) {
      od::value item;
      if (auto error = element.get(item)) return error;
      JsonNode* child = nullptr;
      if (auto error = build(item).get(child)) return error;
      element_stack_.push_back(child);
    }
    node.first = static_cast<uint32_t>(doc_.elements_.size());
    node.count = static_cast<uint32_t>(element_stack_.size() - mark);
    doc_.elements_.insert(doc_.elements_.end(), element_stack_.begin() + mark,
                          element_stack_.end());
    element_stack_.resize(mark);
    return simdjson::SUCCESS;
  }

  template <typename Value>
  static simdjson::error_code read_string(Value& value, JsonNode& node) {
    node.kind = JsonKind::String;
    return value.get_string().get(node.text);
  }

  template <typename Value>
  static simdjson::error_code read_number(Value& value, JsonNode& node) {
    std::string_view raw;
    simdjson::simdjson_result<std::string_view> token = value.raw_json_token();
    if (auto error = std::move(token).get(raw)) return error;
    while (!raw.empty() &&
           (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t')) {
      raw.remove_suffix(1);
    }
    node.text = raw;
    od::number_type type;
    if (auto error = value.get_number_type().get(type)) return error;
    if (type == od::number_type::signed_integer) {
      node.kind = JsonKind::Integer;
      return value.get_int64().get(node.integer);
    }
    node.kind = JsonKind::Real;  // unsigned values beyond int64 are kept as reals: out of any range
    return value.get_double().get(node.real);
  }

  simdjson::error_code build_scalar_root(od::document& root, od::json_type type) {
    JsonNode& node = doc_.nodes_.emplace_back();
    switch (type) {
      case od::json_type::string:
        return read_string(root, node);
      case od::json_type::number:
        return read_number(root, node);
      case od::json_type::boolean:
        node.kind = JsonKind::Bool;
        return root.get_bool().get(node.boolean);
      default:
        node.kind = JsonKind::Null;
        return simdjson::SUCCESS;
    }
  }

  uint32_t offset_of(const char* at) const { return static_cast<uint32_t>(at - base_); }

  // The tree is built recursively: bound the nesting before it bounds the stack, and below
  // simdjson's own limit (1024), which On-Demand does not check in release builds.
  static constexpr int kMaxDepth = 1000;

  JsonDocument& doc_;
  const char* base_;
  int depth_ = 0;
  uint32_t last_offset_ = 0;
  std::vector<JsonMember> member_stack_;
  std::vector<const JsonNode*> element_stack_;
};

Status JsonDocument::parse(const SourceBuffer& source) {
  nodes_.clear();
  members_.clear();
  elements_.clear();
  const auto fail = [&](simdjson::error_code code, uint32_t offset) -> Status {
    if (code != simdjson::UTF8_ERROR && code != simdjson::DEPTH_ERROR &&
        ends_unbalanced(source.text())) {
      return Error{Location{.offset = static_cast<uint32_t>(source.size())},
                   "unexpected end of file: the JSON is truncated (an object, array or string is "
                   "not closed)"};
    }
    const uint32_t at = code == simdjson::UTF8_ERROR ? first_invalid_utf8(source.text()) : offset;
    return Error{Location{.offset = at}, describe_json_error(code)};
  };
  if (source.size() == 0) return fail(simdjson::EMPTY, 0);
  // A UTF-8 byte order mark may precede the text (RFC 8259 §8.1); offsets stay file offsets.
  const size_t bom = source.text().starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (source.size() == bom) return fail(simdjson::EMPTY, 0);
  od::document root;
  if (auto code = parser_
                      .iterate(source.data() + bom, source.size() - bom,
                               source.size() - bom + SourceBuffer::kPadding)
                      .get(root)) {
    return fail(code, static_cast<uint32_t>(source.size()));
  }
  Builder builder(*this, source);
  if (auto code = builder.build_root(root)) {
    const char* at = nullptr;
    const bool located = root.current_location().get(at) == simdjson::SUCCESS;
    return fail(code, located ? static_cast<uint32_t>(at - source.data())
                              : static_cast<uint32_t>(source.size()));
  }
  const char* trailing = nullptr;
  if (root.current_location().get(trailing) == simdjson::SUCCESS &&
      trailing < source.data() + source.size()) {
    return Error{Location{.offset = static_cast<uint32_t>(trailing - source.data())},
                 "unexpected content after the end of the JSON value"};
  }
  return {};
}

const JsonMember* JsonDocument::find_member(const JsonNode& object, std::string_view key) const {
  if (!object.is_object()) return nullptr;
  const JsonMember* found = nullptr;  // the last duplicate wins, as in CloudFormation's parser
  for (const JsonMember& member : members(object)) {
    if (member.key == key) found = &member;
  }
  return found;
}

const JsonNode* JsonDocument::find(const JsonNode& object, std::string_view key) const {
  const JsonMember* member = find_member(object, key);
  return member ? member->value : nullptr;
}

}  // namespace reachlint
