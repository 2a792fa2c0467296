#include "linter/output/terminal_markdown.h"

#include <fmt/format.h>

namespace reachlint::output {

namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kReset = "\033[0m";
constexpr std::string_view kCodeIndent = "    ";

// The text without <!-- ... --> comments; a line that held only a comment goes with it.
std::string without_comments(std::string_view text) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find("<!--", at);
    if (open == std::string_view::npos) break;
    const size_t close = text.find("-->", open + 4);
    out.append(text.substr(at, open - at));
    at = close == std::string_view::npos ? text.size() : close + 3;
    const bool whole_line =
        (out.empty() || out.back() == '\n') && at < text.size() && text[at] == '\n';
    if (whole_line) ++at;
  }
  out.append(text.substr(std::min(at, text.size())));
  return out;
}

// Inline markup of one line of prose: **strong** and [text](url).
std::string inline_markup(std::string_view line, bool bold) {
  std::string out;
  bool strong = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line.substr(i, 2) == "**") {
      strong = !strong;
      if (bold) out += strong ? kBold : kReset;
      ++i;
      continue;
    }
    if (line[i] == '[') {
      const size_t text_end = line.find("](", i);
      const size_t url_end =
          text_end == std::string_view::npos ? text_end : line.find(')', text_end);
      if (url_end != std::string_view::npos && line.find(']', i) == text_end) {
        out += fmt::format("{} <{}>", line.substr(i + 1, text_end - i - 1),
                           line.substr(text_end + 2, url_end - text_end - 2));
        i = url_end;
        continue;
      }
    }
    out += line[i];
  }
  if (strong && bold) out += kReset;  // an unclosed ** must not colour what follows
  return out;
}

std::string heading(std::string_view line, bool bold) {
  const size_t text = line.find_first_not_of('#');
  std::string_view title = line.substr(text);
  title.remove_prefix(std::min(title.find_first_not_of(' '), title.size()));
  const std::string plain = inline_markup(title, false);
  return bold ? fmt::format("{}{}{}", kBold, plain, kReset) : plain;
}

}  // namespace

std::string markdown_for_terminal(std::string_view markdown, bool bold) {
  const std::string text = without_comments(markdown);
  std::string out;
  bool in_code = false;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    start = end + 1;
    if (line.starts_with("```")) {
      in_code = !in_code;
      continue;
    }
    if (in_code) {
      out += line.empty() ? std::string() : fmt::format("{}{}", kCodeIndent, line);
    } else if (line.starts_with("#")) {
      out += heading(line, bold);
    } else {
      out += inline_markup(line, bold);
    }
    out += '\n';
  }
  return out;
}

}  // namespace reachlint::output
