#include "linter/ingest/cloudformation/parameter_values.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <re2/re2.h>

#include "linter/ingest/cloudformation/template_keys.h"

namespace reachlint {

namespace {

// The id prefix of the AWS-specific parameter types that name an EC2 resource.
constexpr std::pair<std::string_view, std::string_view> kIdTypes[] = {
    {"AWS::EC2::VPC::Id", "vpc-"},          {"AWS::EC2::Subnet::Id", "subnet-"},
    {"AWS::EC2::SecurityGroup::Id", "sg-"}, {"AWS::EC2::Instance::Id", "i-"},
    {"AWS::EC2::Image::Id", "ami-"},        {"AWS::EC2::Volume::Id", "vol-"},
};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split_list(std::string_view value) {
  std::vector<std::string_view> items;
  size_t start = 0;
  while (true) {
    const size_t comma = value.find(',', start);
    items.push_back(trimmed(value.substr(start, comma - start)));
    if (comma == std::string_view::npos) return items;
    start = comma + 1;
  }
}

std::optional<double> number(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// A numeric constraint (MinValue, MinLength ...) of the declaration, when it has one.
std::optional<double> constraint(const Template& tmpl, const JsonNode& declaration,
                                 std::string_view name) {
  const JsonNode* node = tmpl.json->find(declaration, name);
  if (!node) return std::nullopt;
  if (node->is_number()) return number(node->text);
  if (node->is_string()) return number(node->text);
  return std::nullopt;
}

// The element type of a list parameter ("Number" of "List<Number>"), or the type itself.
std::string_view element_type(std::string_view type) {
  if (type.starts_with("List<") && type.ends_with(">")) return type.substr(5, type.size() - 6);
  if (type == "CommaDelimitedList") return "String";
  return type;
}

std::optional<std::string> item_problem(std::string_view type, std::string_view item) {
  if (type == "Number" && !number(item)) return fmt::format("'{}' is not a number", item);
  for (const auto& [id_type, prefix] : kIdTypes) {
    if (type == id_type && !item.starts_with(prefix)) {
      return fmt::format("'{}' is not what {} takes (an id that starts with {})", item, id_type,
                         prefix);
    }
  }
  return std::nullopt;
}

std::optional<std::string> allowed_values_problem(const Template& tmpl, const JsonNode& declaration,
                                                  std::string_view item) {
  const JsonNode* allowed = tmpl.json->find(declaration, template_keys::kAllowedValues);
  if (!allowed || !allowed->is_array()) return std::nullopt;
  std::vector<std::string_view> values;
  for (const JsonNode* v : tmpl.json->elements(*allowed)) values.push_back(v->text);
  if (std::find(values.begin(), values.end(), item) != values.end()) return std::nullopt;
  return fmt::format("'{}' is not one of its AllowedValues ({})", item, fmt::join(values, ", "));
}

std::optional<std::string> string_problem(const Template& tmpl, const JsonNode& declaration,
                                          std::string_view value) {
  const JsonNode* pattern = tmpl.json->find(declaration, template_keys::kAllowedPattern);
  if (pattern && pattern->is_string()) {
    const re2::RE2 compiled(re2::StringPiece(pattern->text.data(), pattern->text.size()),
                            re2::RE2::Quiet);
    if (compiled.ok() &&
        !re2::RE2::FullMatch(re2::StringPiece(value.data(), value.size()), compiled)) {
      return fmt::format("'{}' does not match its AllowedPattern {}", value, pattern->text);
    }
  }
  const auto min = constraint(tmpl, declaration, template_keys::kMinLength);
  const auto max = constraint(tmpl, declaration, template_keys::kMaxLength);
  if ((min && static_cast<double>(value.size()) < *min) ||
      (max && static_cast<double>(value.size()) > *max)) {
    return fmt::format("'{}' is not within its MinLength and MaxLength", value);
  }
  return std::nullopt;
}

std::optional<std::string> number_problem(const Template& tmpl, const JsonNode& declaration,
                                          std::string_view value) {
  const auto parsed = number(value);
  if (!parsed) return std::nullopt;  // reported as not a number
  const auto min = constraint(tmpl, declaration, template_keys::kMinValue);
  const auto max = constraint(tmpl, declaration, template_keys::kMaxValue);
  if ((min && *parsed < *min) || (max && *parsed > *max))
    return fmt::format("{} is not within its MinValue and MaxValue", value);
  return std::nullopt;
}

std::string where(const GivenParameter& given) {
  return given.at.known() ? "" : given.origin + ": ";
}

}  // namespace

std::optional<std::string> parameter_value_problem(const Template& tmpl,
                                                   const JsonMember& declaration,
                                                   std::string_view value) {
  if (!declaration.value->is_object()) return std::nullopt;  // the template's own error
  const JsonNode& d = *declaration.value;
  const JsonNode* type_node = tmpl.json->find(d, template_keys::kType);
  const std::string_view type = type_node && type_node->is_string() ? type_node->text : "";
  const bool list = type == "CommaDelimitedList" || type.starts_with("List<");
  const std::vector<std::string_view> items =
      list ? split_list(value) : std::vector<std::string_view>{value};
  for (const std::string_view item : items) {
    if (auto problem = item_problem(element_type(type), item)) return problem;
    if (auto problem = allowed_values_problem(tmpl, d, item)) return problem;
  }
  if (type == "String") return string_problem(tmpl, d, value);
  if (type == "Number") return number_problem(tmpl, d, value);
  return std::nullopt;
}

namespace {

// A value that went to no template: its stack is not among the inputs, or no template declares
// its key. A nested stack's parameters are what its parent passes: it takes no given values.
void report_unapplied(const GivenParameter& parameter, bool stack_found, bool declared,
                      bool nested_declares, Diagnostics& diagnostics) {
  const std::string nested =
      nested_declares ? " (a nested stack's parameters are what its parent passes)" : "";
  if (!stack_found) {
    diagnostics.error(parameter.at, fmt::format("{}no template of stack '{}' is among the inputs{}",
                                                where(parameter), parameter.stack, nested));
  } else if (!declared) {
    diagnostics.error(
        parameter.at,
        fmt::format(
            "{}parameter '{}' is declared by no template{}{}", where(parameter), parameter.key,
            parameter.stack.empty() ? "" : fmt::format(" of stack {}", parameter.stack), nested));
  }
}

}  // namespace

void apply_parameters(TemplateSet& templates, const std::vector<GivenParameter>& given,
                      Diagnostics& diagnostics) {
  for (const GivenParameter& parameter : given) {
    bool stack_found = parameter.stack.empty();
    bool declared = false;
    bool nested_declares = false;
    for (Template& tmpl : templates.templates) {
      if (!parameter.stack.empty() && tmpl.stack_name != parameter.stack) continue;
      const auto declaration = tmpl.parameters.find(parameter.key);
      if (tmpl.parent != Template::kNoParent) {
        nested_declares |= declaration != tmpl.parameters.end();
        continue;
      }
      stack_found = true;
      if (declaration == tmpl.parameters.end()) continue;
      declared = true;
      if (auto problem = parameter_value_problem(tmpl, *declaration->second, parameter.value)) {
        diagnostics.error(parameter.at,
                          fmt::format("{}parameter '{}' of stack {}: {}", where(parameter),
                                      parameter.key, tmpl.stack_name, *problem));
        continue;
      }
      tmpl.given[declaration->second->key] = &parameter;
    }
    report_unapplied(parameter, stack_found, declared, nested_declares, diagnostics);
  }
}

}  // namespace reachlint
