#include "linter/ingest/cloudformation/value.h"

#include <cmath>

#include <fmt/format.h>

namespace reachlint {

std::optional<std::string> Value::as_text() const {
  if (kind == Kind::String) return text;
  if (kind == Kind::Number) {
    if (std::floor(number) == number && std::fabs(number) < 1e15) {
      return fmt::format("{}", static_cast<int64_t>(number));
    }
    return fmt::format("{}", number);
  }
  if (kind == Kind::Bool) return boolean ? "true" : "false";
  return std::nullopt;
}

std::optional<int64_t> Value::as_integer() const {
  if (kind == Kind::Number) {
    if (std::floor(number) != number || std::fabs(number) > 9e15) return std::nullopt;
    return static_cast<int64_t>(number);
  }
  if (kind != Kind::String || text.empty() || text.size() > 15) return std::nullopt;
  size_t i = text[0] == '-' ? 1 : 0;
  if (i == text.size()) return std::nullopt;
  int64_t value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return text[0] == '-' ? -value : value;
}

}  // namespace reachlint
