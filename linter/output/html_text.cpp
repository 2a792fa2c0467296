#include "linter/output/html_text.h"

#include <fmt/format.h>

namespace reachlint::output::html {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // …

bool continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

size_t code_points(std::string_view text) {
  size_t count = 0;
  for (const char c : text) count += continuation_byte(c) ? 0 : 1;
  return count;
}

// The byte offset of code point `n` (or the end).
size_t offset_of(std::string_view text, size_t n) {
  size_t at = 0;
  for (size_t seen = 0; at < text.size(); ++at) {
    if (continuation_byte(text[at])) continue;
    if (seen++ == n) return at;
  }
  return text.size();
}

// ---- inline Markdown ----

void append_inline(std::string& out, std::string_view text);

// A span that opens at text[0] with `marker` and closes with it: its inside, or npos.
size_t closing(std::string_view text, std::string_view marker) {
  if (text.size() <= 2 * marker.size() || text[marker.size()] == ' ') return std::string_view::npos;
  return text.find(marker, marker.size() + 1);
}

bool append_link(std::string& out, std::string_view& text) {
  const size_t middle = text.find("](");
  const size_t end = middle == std::string_view::npos ? middle : text.find(')', middle);
  if (end == std::string_view::npos) return false;
  const std::string_view label = text.substr(1, middle - 1);
  const std::string_view target = text.substr(middle + 2, end - middle - 2);
  // A report that is mailed has no pages beside it: only absolute links stay links.
  if (target.starts_with("https://") || target.starts_with("http://")) {
    out += "<a href=\"";
    append_escaped(out, target);
    out += "\">";
    append_inline(out, label);
    out += "</a>";
  } else {
    append_inline(out, label);
  }
  text.remove_prefix(end + 1);
  return true;
}

// A code span, strong or emphasis span at the start of `text`: written and consumed.
bool append_span(std::string& out, std::string_view& text) {
  struct Span {
    std::string_view marker;
    std::string_view tag;
    bool literal;
  };
  static constexpr Span kSpans[] = {
      {"`", "code", true}, {"**", "strong", false}, {"*", "em", false}};
  for (const Span& span : kSpans) {
    if (!text.starts_with(span.marker)) continue;
    const size_t end = closing(text, span.marker);
    if (end == std::string_view::npos) return false;
    const std::string_view inside = text.substr(span.marker.size(), end - span.marker.size());
    out += fmt::format("<{}>", span.tag);
    if (span.literal) {
      append_escaped(out, inside);
    } else {
      append_inline(out, inside);
    }
    out += fmt::format("</{}>", span.tag);
    text.remove_prefix(end + span.marker.size());
    return true;
  }
  return false;
}

void append_inline(std::string& out, std::string_view text) {
  while (!text.empty()) {
    if ((text.front() == '`' || text.front() == '*') && append_span(out, text)) continue;
    if (text.front() == '[' && append_link(out, text)) continue;
    append_escaped(out, text.substr(0, 1));
    text.remove_prefix(1);
  }
}

// ---- blocks ----

class MarkdownWriter {
 public:
  MarkdownWriter(std::string& out, int heading_level) : out_(out), heading_(heading_level) {}

  void line(std::string_view line) {
    if (fenced_) {
      if (line.starts_with("```")) {
        out_ += "</code></pre>\n";
        fenced_ = false;
      } else {
        append_escaped(out_, line);
        out_ += '\n';
      }
      return;
    }
    if (line.starts_with("```")) {
      close();
      out_ += "<pre><code>";
      fenced_ = true;
    } else if (line.starts_with("## ")) {
      close();
      out_ += fmt::format("<h{}>", heading_);
      append_inline(out_, line.substr(3));
      out_ += fmt::format("</h{}>\n", heading_);
    } else if (line.starts_with("- ")) {
      if (block_ != Block::List) {
        close();
        out_ += "<ul>";
        block_ = Block::List;
      }
      flush_text("li");
      text_ = line.substr(2);
    } else if (line.find_first_not_of(' ') == std::string_view::npos) {
      close();
    } else {
      if (block_ == Block::None) block_ = Block::Paragraph;
      if (!text_.empty()) text_ += ' ';
      text_ += line.substr(line.find_first_not_of(' '));
    }
  }

  void close() {
    flush_text(block_ == Block::List ? "li" : "p");
    if (block_ == Block::List) out_ += "</ul>\n";
    if (fenced_) out_ += "</code></pre>\n";
    fenced_ = false;
    block_ = Block::None;
  }

 private:
  enum class Block : uint8_t { None, Paragraph, List };

  void flush_text(std::string_view tag) {
    if (text_.empty()) return;
    out_ += fmt::format("<{}>", tag);
    append_inline(out_, text_);
    out_ += fmt::format("</{}>{}", tag, tag == "p" ? "\n" : "");
    text_.clear();
  }

  std::string& out_;
  int heading_;
  bool fenced_ = false;
  Block block_ = Block::None;
  std::string text_;
};

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // HTML forbids control characters other than white space.
        const bool control =
            (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
        if (control) {
          out += kReplacement;
        } else {
          out += c;
        }
    }
  }
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

std::string grouped(size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string shorten(std::string_view text, size_t max) {
  const size_t length = code_points(text);
  if (length <= max || max < 3) return std::string(text);
  const size_t head = (max - 1) / 2;
  const size_t tail = max - 1 - head;
  return std::string(text.substr(0, offset_of(text, head))) + std::string(kEllipsis) +
         std::string(text.substr(offset_of(text, length - tail)));
}

std::string markdown(std::string_view text, int heading_level) {
  std::string out;
  MarkdownWriter writer(out, heading_level);
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    writer.line(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  writer.close();
  return out;
}

std::string_view markdown_section(std::string_view text, std::string_view heading) {
  const std::string title = fmt::format("## {}\n", heading);
  size_t start = text.find(title);
  if (start == std::string_view::npos) return {};
  start += title.size();
  const size_t end = text.find("\n## ", start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace reachlint::output::html
