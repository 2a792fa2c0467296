// CloudFormation YAML templates into the same tree as JSON ones, with libyaml's event parser
// (Debian's libyaml-dev; simdjson reads JSON only). What CloudFormation adds to YAML is the
// short-form intrinsic tags: `!Ref X`, `!GetAtt A.B`, `!Sub ...`, `!If [...]`, `!Condition C`.
#include <yaml.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "linter/ingest/common/json_tree.h"

namespace reachlint {

namespace {

bool is_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  return text;
}

// YAML 1.2 core schema floats, without .inf and .nan:
// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_float(std::string_view text) {
  text = without_sign(text);
  const size_t exponent = text.find_first_of("eE");
  if (exponent != std::string_view::npos) {
    if (!is_digits(without_sign(text.substr(exponent + 1)))) return false;
    text = text.substr(0, exponent);
  }
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos) return is_digits(text);
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = text.substr(dot + 1);
  return (whole.empty() || is_digits(whole)) && (fraction.empty() || is_digits(fraction)) &&
         !(whole.empty() && fraction.empty());
}

// The JSON key a short-form tag stands for.
std::string long_form(std::string_view tag) {
  const std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string(name);
  return fmt::format("Fn::{}", name);
}

}  // namespace

class JsonDocument::YamlBuilder {
 public:
  YamlBuilder(JsonDocument& doc, std::string_view text) : doc_(doc), text_(text) {
    line_starts_.push_back(text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    for (const char* at = text.data();
         (at = static_cast<const char*>(std::memchr(at, '\n', text.end() - at))) != nullptr;) {
      line_starts_.push_back(static_cast<uint32_t>(++at - text.data()));
    }
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~YamlBuilder() {
    if (have_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  YamlBuilder(const YamlBuilder&) = delete;
  YamlBuilder& operator=(const YamlBuilder&) = delete;

  Status run() {
    if (build_document()) return {};
    return Error{Location{.offset = error_offset_}, error_};
  }

 private:
  bool build_document() {
    if (!advance() || !expect(YAML_STREAM_START_EVENT) || !advance()) return false;
    if (event_.type == YAML_STREAM_END_EVENT) return fail_at(0, "the file is empty");
    if (!expect(YAML_DOCUMENT_START_EVENT) || !advance()) return false;
    if (!value()) return false;
    if (!expect(YAML_DOCUMENT_END_EVENT) || !advance()) return false;
    if (event_.type != YAML_STREAM_END_EVENT)
      return fail_at(offset_of(event_.start_mark), "a template is one YAML document, not several");
    return true;
  }

  // The node whose first event is the current one; leaves the event after it current.
  JsonNode* value() {
    const std::string anchor = anchor_of(event_);
    const std::string tag = tag_of(event_);
    const uint32_t offset = offset_of(event_.start_mark);
    JsonNode* node = nullptr;
    switch (event_.type) {
      case YAML_SCALAR_EVENT:
        node = scalar(offset, !tag.empty());
        break;
      case YAML_SEQUENCE_START_EVENT:
        node = sequence(offset);
        break;
      case YAML_MAPPING_START_EVENT:
        node = mapping(offset);
        break;
      case YAML_ALIAS_EVENT:
        return alias(offset);
      default:
        fail_at(offset, "unexpected YAML event");
        return nullptr;
    }
    if (node && tag.size() > 1 && tag.front() == '!' && tag[1] != '!')
      node = wrap(tag, node, offset);
    if (node && !anchor.empty()) anchors_[anchor] = node;
    return node;
  }

  JsonNode* scalar(uint32_t offset, bool tagged) {
    JsonNode& node = new_node(offset);
    const auto& data = event_.data.scalar;
    node.text = keep({reinterpret_cast<const char*>(data.value), data.length});
    node.kind = JsonKind::String;
    if (!tagged && data.style == YAML_PLAIN_SCALAR_STYLE) type_plain(node);
    return advance() ? &node : nullptr;
  }

  static void type_plain(JsonNode& node) {
    const std::string_view text = node.text;
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
      node.kind = JsonKind::Null;
    } else if (text == "true" || text == "True" || text == "TRUE") {
      node.kind = JsonKind::Bool;
      node.boolean = true;
    } else if (text == "false" || text == "False" || text == "FALSE") {
      node.kind = JsonKind::Bool;
    } else if (is_digits(without_sign(text)) &&
               std::from_chars(text.data() + (text.front() == '+'), text.data() + text.size(),
                               node.integer)
                       .ec == std::errc{}) {
      node.kind = JsonKind::Integer;
    } else if (is_float(text)) {
      node.kind = JsonKind::Real;  // integers beyond int64 too, as in JSON
      node.real = std::strtod(std::string(text).c_str(), nullptr);
    }
  }

  JsonNode* sequence(uint32_t offset) {
    JsonNode& node = new_node(offset);
    node.kind = JsonKind::Array;
    if (!enter(offset) || !advance()) return nullptr;
    std::vector<const JsonNode*> children;
    while (event_.type != YAML_SEQUENCE_END_EVENT) {
      const JsonNode* child = value();
      if (!child) return nullptr;
      children.push_back(child);
    }
    return close(node, doc_.elements_, children);
  }

  JsonNode* mapping(uint32_t offset) {
    JsonNode& node = new_node(offset);
    node.kind = JsonKind::Object;
    if (!enter(offset) || !advance()) return nullptr;
    std::vector<JsonMember> members;
    while (event_.type != YAML_MAPPING_END_EVENT) {
      const uint32_t key_offset = offset_of(event_.start_mark);
      if (event_.type != YAML_SCALAR_EVENT) {
        fail_at(key_offset, "a mapping key must be a plain or quoted string");
        return nullptr;
      }
      const auto& data = event_.data.scalar;
      const std::string_view key = keep({reinterpret_cast<const char*>(data.value), data.length});
      if (!advance()) return nullptr;
      const JsonNode* child = value();
      if (!child) return nullptr;
      members.push_back({key, key_offset, child});
    }
    return close(node, doc_.members_, members);
  }

  // A container's children go to the document's table in one run, as the JSON builder does.
  template <typename Item>
  JsonNode* close(JsonNode& node, std::vector<Item>& table, const std::vector<Item>& items) {
    --depth_;
    node.first = static_cast<uint32_t>(table.size());
    node.count = static_cast<uint32_t>(items.size());
    table.insert(table.end(), items.begin(), items.end());
    return advance() ? &node : nullptr;
  }

  JsonNode* alias(uint32_t offset) {
    const auto found = anchors_.find(anchor_of(event_));
    if (found == anchors_.end()) {
      fail_at(offset, "an alias to an anchor that is not defined before it");
      return nullptr;
    }
    return advance() ? found->second : nullptr;
  }

  // `!Ref X` as {"Ref": "X"}; `!GetAtt A.B.C` as {"Fn::GetAtt": ["A", "B.C"]}.
  JsonNode* wrap(const std::string& tag, JsonNode* inner, uint32_t offset) {
    const std::string key = long_form(tag);
    if (key == "Fn::GetAtt" && inner->is_string()) inner = split_attribute(*inner);
    JsonNode& node = new_node(offset);
    node.kind = JsonKind::Object;
    node.first = static_cast<uint32_t>(doc_.members_.size());
    node.count = 1;
    doc_.members_.push_back({keep(key), offset, inner});
    return &node;
  }

  JsonNode* split_attribute(const JsonNode& dotted) {
    const size_t dot = dotted.text.find('.');
    JsonNode& resource = new_node(dotted.offset);
    resource.kind = JsonKind::String;
    resource.text = dotted.text.substr(0, dot);
    JsonNode& attribute = new_node(dotted.offset);
    attribute.kind = JsonKind::String;
    attribute.text = dot == std::string_view::npos ? "" : dotted.text.substr(dot + 1);
    JsonNode& pair = new_node(dotted.offset);
    pair.kind = JsonKind::Array;
    pair.first = static_cast<uint32_t>(doc_.elements_.size());
    pair.count = 2;
    doc_.elements_.push_back(&resource);
    doc_.elements_.push_back(&attribute);
    return &pair;
  }

  JsonNode& new_node(uint32_t offset) {
    JsonNode& node = doc_.nodes_.emplace_back();
    node.offset = offset;
    return node;
  }

  std::string_view keep(std::string_view text) { return doc_.yaml_text_.emplace_back(text); }

  // Containers are built recursively: bound the nesting before it bounds the stack.
  bool enter(uint32_t offset) {
    constexpr int kMaxDepth = 1000;
    if (++depth_ <= kMaxDepth) return true;
    return fail_at(offset, fmt::format("nesting deeper than {} levels", kMaxDepth));
  }

  static std::string anchor_of(const yaml_event_t& event) {
    const unsigned char* anchor = nullptr;
    if (event.type == YAML_SCALAR_EVENT) anchor = event.data.scalar.anchor;
    if (event.type == YAML_SEQUENCE_START_EVENT) anchor = event.data.sequence_start.anchor;
    if (event.type == YAML_MAPPING_START_EVENT) anchor = event.data.mapping_start.anchor;
    if (event.type == YAML_ALIAS_EVENT) anchor = event.data.alias.anchor;
    return anchor ? reinterpret_cast<const char*>(anchor) : "";
  }

  static std::string tag_of(const yaml_event_t& event) {
    const unsigned char* tag = nullptr;
    if (event.type == YAML_SCALAR_EVENT) tag = event.data.scalar.tag;
    if (event.type == YAML_SEQUENCE_START_EVENT) tag = event.data.sequence_start.tag;
    if (event.type == YAML_MAPPING_START_EVENT) tag = event.data.mapping_start.tag;
    return tag ? reinterpret_cast<const char*>(tag) : "";
  }

  bool advance() {
    if (have_event_) yaml_event_delete(&event_);
    have_event_ = yaml_parser_parse(&parser_, &event_) == 1;
    if (have_event_) return true;
    std::string problem = parser_.problem ? parser_.problem : "cannot be parsed";
    if (parser_.context) problem = fmt::format("{} {}", parser_.context, problem);
    return fail_at(offset_of(parser_.problem_mark), fmt::format("invalid YAML: {}", problem));
  }

  bool expect(yaml_event_type_t type) {
    return event_.type == type ||
           fail_at(offset_of(event_.start_mark), "unexpected YAML structure");
  }

  // libyaml counts lines and characters; the tree holds byte offsets.
  uint32_t offset_of(const yaml_mark_t& mark) const {
    if (mark.line >= line_starts_.size()) return static_cast<uint32_t>(text_.size());
    size_t at = line_starts_[mark.line];
    for (size_t column = 0; column < mark.column && at < text_.size(); ++column) {
      ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    }
    return static_cast<uint32_t>(at);
  }

  bool fail_at(uint32_t offset, std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_offset_ = offset;
    }
    return false;
  }

  JsonDocument& doc_;
  std::string_view text_;
  std::vector<uint32_t> line_starts_;
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool have_event_ = false;
  int depth_ = 0;
  std::map<std::string, JsonNode*> anchors_;
  std::string error_;
  uint32_t error_offset_ = 0;
};

Status JsonDocument::parse_yaml(const SourceBuffer& source) {
  nodes_.clear();
  members_.clear();
  elements_.clear();
  yaml_text_.clear();
  return YamlBuilder(*this, source.text()).run();
}

}  // namespace reachlint
