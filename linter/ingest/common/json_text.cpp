#include "linter/ingest/common/json_text.h"

namespace reachlint {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The end of the string whose opening quote is at `at`, past its closing quote.
size_t string_end(std::string_view text, size_t at) {
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string_view json_value_at(std::string_view text, size_t offset) {
  if (offset >= text.size()) return {};
  const char first = text[offset];
  if (first == '"') {
    const size_t end = string_end(text, offset);
    return end == std::string_view::npos ? std::string_view{} : text.substr(offset, end - offset);
  }
  if (first != '{' && first != '[') {
    size_t end = offset;
    while (end < text.size() && !is_space(text[end]) && text[end] != ',' && text[end] != '}' &&
           text[end] != ']')
      ++end;
    return text.substr(offset, end - offset);
  }
  size_t depth = 0;
  for (size_t i = offset; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      i = string_end(text, i);
      if (i == std::string_view::npos) return {};
      --i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return text.substr(offset, i + 1 - offset);
    }
  }
  return {};
}

bool same_json(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  bool in_string = false;
  while (true) {
    if (!in_string) {
      while (i < a.size() && is_space(a[i])) ++i;
      while (j < b.size() && is_space(b[j])) ++j;
    }
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i] != b[j]) return false;
    if (a[i] == '\\' && in_string) {
      if (++i == a.size() || ++j == b.size() || a[i] != b[j]) return false;
    } else if (a[i] == '"') {
      in_string = !in_string;
    }
    ++i;
    ++j;
  }
}

}  // namespace reachlint
