#include "linter/ingest/terraform/hcl_blocks.h"

#include <algorithm>
#include <cctype>

namespace reachlint::terraform {

namespace {

enum class TokenKind : uint8_t { Identifier, String, Newline, Open, Close, Equals, Other, End };

struct Token {
  TokenKind kind = TokenKind::End;
  std::string_view text;  // an identifier, or a string's literal value (empty when not literal)
  uint32_t offset = 0;
};

bool identifier_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool identifier_part(char c) {
  return identifier_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
}

// Splits HCL into the tokens block headers are made of. Comments vanish, a quoted string or a
// heredoc is one token, brackets of every kind count as Open and Close.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Token next() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      const auto start = static_cast<uint32_t>(at_);
      if (c == ' ' || c == '\t' || c == '\r') {
        ++at_;
      } else if (c == '\n') {
        ++at_;
        return {TokenKind::Newline, {}, start};
      } else if (c == '#' || starts("//")) {
        skip_line();
      } else if (starts("/*")) {
        const size_t end = text_.find("*/", at_ + 2);
        at_ = end == std::string_view::npos ? text_.size() : end + 2;
      } else if (c == '"') {
        return string_token();
      } else if (starts("<<") && heredoc()) {
        return {TokenKind::String, {}, start};
      } else if (identifier_start(c)) {
        while (at_ < text_.size() && identifier_part(text_[at_])) ++at_;
        return {TokenKind::Identifier, text_.substr(start, at_ - start), start};
      } else {
        return punctuation(start);
      }
    }
    return {TokenKind::End, {}, static_cast<uint32_t>(text_.size())};
  }

 private:
  bool starts(std::string_view what) const { return text_.substr(at_).starts_with(what); }

  void skip_line() {
    const size_t end = text_.find('\n', at_);
    at_ = end == std::string_view::npos ? text_.size() : end;  // the newline is a token
  }

  Token punctuation(uint32_t start) {
    const char c = text_[at_++];
    if (c == '{' || c == '[' || c == '(') return {TokenKind::Open, {}, start};
    if (c == '}' || c == ']' || c == ')') return {TokenKind::Close, {}, start};
    if (c == '=') {
      // `==` and `=>` are operators of expressions, not an attribute's `=`.
      if (at_ < text_.size() && (text_[at_] == '=' || text_[at_] == '>')) {
        ++at_;
        return {TokenKind::Other, {}, start};
      }
      return {TokenKind::Equals, {}, start};
    }
    // `<=`, `>=`, `!=` as one token, so that their `=` is not taken for an attribute's.
    if ((c == '<' || c == '>' || c == '!') && at_ < text_.size() && text_[at_] == '=') ++at_;
    return {TokenKind::Other, {}, start};
  }

  // A quoted string; its value is kept only when it is literal (no escape, no interpolation).
  Token string_token() {
    const auto start = static_cast<uint32_t>(at_);
    const bool literal = skip_string(0);
    std::string_view value;
    if (literal && at_ >= start + 2 && text_[at_ - 1] == '"')
      value = text_.substr(start + 1, at_ - start - 2);
    return {TokenKind::String, value, start};
  }

  // From an opening quote to past its closing one (or the end of the line, when unterminated).
  // True when the string holds no escape or template sequence.
  bool skip_string(int depth) {
    bool literal = true;
    ++at_;  // the opening quote
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return literal;
      }
      if (c == '\n') return false;  // a quoted string ends with its line: recover there
      if (c == '\\') {
        literal = false;
        at_ = std::min(at_ + 2, text_.size());
      } else if (starts("$${") || starts("%%{")) {
        literal = false;
        at_ += 3;
      } else if (starts("${") || starts("%{")) {
        literal = false;
        at_ += 2;
        skip_interpolation(depth + 1);
      } else {
        ++at_;
      }
    }
    return false;
  }

  // An interpolation's expression, to past its closing brace: its strings and object braces
  // are nested in it.
  void skip_interpolation(int depth) {
    constexpr int kMaxDepth = 64;  // deeper strings in strings: the rest of the line is skipped
    if (depth > kMaxDepth) return skip_line();
    int braces = 0;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '"') {
        skip_string(depth);
      } else if (c == '{') {
        ++braces;
        ++at_;
      } else if (c == '}') {
        ++at_;
        if (braces-- == 0) return;
      } else {
        ++at_;
      }
    }
  }

  // `<<EOF` or `<<-EOF` then a newline: skipped to past the line that holds the marker alone
  // (indented or not). False, and nothing skipped, when `<<` starts no heredoc.
  bool heredoc() {
    size_t i = at_ + 2;
    if (i < text_.size() && text_[i] == '-') ++i;
    const size_t name_start = i;
    if (i >= text_.size() || !identifier_start(text_[i])) return false;
    while (i < text_.size() && identifier_part(text_[i])) ++i;
    const std::string_view marker = text_.substr(name_start, i - name_start);
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\r')) ++i;
    if (i >= text_.size() || text_[i] != '\n') return false;
    size_t line = i + 1;
    while (line < text_.size()) {
      const size_t end = std::min(text_.find('\n', line), text_.size());
      std::string_view content = text_.substr(line, end - line);
      while (!content.empty() && (content.front() == ' ' || content.front() == '\t'))
        content.remove_prefix(1);
      while (!content.empty() && (content.back() == '\r' || content.back() == ' '))
        content.remove_suffix(1);
      if (content == marker) {
        at_ = end;  // the newline after the marker ends the attribute
        return true;
      }
      line = end + 1;
    }
    at_ = text_.size();  // unterminated: nothing after it can be read
    return true;
  }

  std::string_view text_;
  size_t at_ = 0;
};

// Reads the top level of a body: attributes (skipped) and blocks (their headers kept).
class BlockScanner {
 public:
  explicit BlockScanner(std::string_view text) : lexer_(text) { advance(); }

  std::vector<HclBlock> scan() {
    std::vector<HclBlock> out;
    while (token_.kind != TokenKind::End) {
      if (token_.kind != TokenKind::Identifier) {
        skip_statement();
        continue;
      }
      HclBlock block{token_.text, {}, token_.offset, {}, {}};
      advance();
      if (token_.kind == TokenKind::Equals) {
        skip_statement();
        continue;
      }
      bool header = true;
      while (token_.kind == TokenKind::String || token_.kind == TokenKind::Identifier) {
        if (token_.kind == TokenKind::String && token_.text.empty()) header = false;
        block.labels.push_back(token_.text);
        advance();
      }
      if (token_.kind != TokenKind::Open) {
        skip_statement();
        continue;
      }
      if (!header) block.labels.clear();
      skip_body(block);
      out.push_back(std::move(block));
    }
    return out;
  }

 private:
  void advance() { token_ = lexer_.next(); }

  // To the end of the statement: a newline or end of text outside brackets.
  void skip_statement() {
    int depth = 0;
    while (token_.kind != TokenKind::End) {
      if (token_.kind == TokenKind::Open) ++depth;
      if (token_.kind == TokenKind::Close && depth > 0) --depth;
      if (token_.kind == TokenKind::Newline && depth == 0) break;
      advance();
    }
    advance();
  }

  // From a block's `{` to past its `}`, keeping the attributes written directly in it (and a
  // module call's literal `source`).
  void skip_body(HclBlock& block) {
    int depth = 0;
    bool line_start = false;
    int step = 0;  // after an attribute's name at the start of a line of the body: 1, `=`: 2
    while (token_.kind != TokenKind::End) {
      const Token token = token_;
      advance();
      if (step == 1 && token.kind == TokenKind::Equals) {
        step = 2;
      } else if (step == 2 && token.kind == TokenKind::String && block.type == "module" &&
                 block.attributes.back().first == "source" &&
                 (token_.kind == TokenKind::Newline || token_.kind == TokenKind::Close)) {
        block.source = token.text;
        step = 0;
      } else if (depth == 1 && line_start && token.kind == TokenKind::Identifier &&
                 token_.kind == TokenKind::Equals) {
        block.attributes.emplace_back(token.text, token.offset);
        step = 1;
      } else {
        step = 0;
      }
      if (token.kind == TokenKind::Open) ++depth;
      if (token.kind == TokenKind::Close && --depth <= 0) break;
      line_start =
          token.kind == TokenKind::Newline || (token.kind == TokenKind::Open && depth == 1);
    }
  }

  Lexer lexer_;
  Token token_;
};

}  // namespace

std::vector<HclBlock> scan_hcl_blocks(std::string_view text) {
  // A byte order mark is no identifier: the offsets stay the file's.
  if (text.starts_with("\xEF\xBB\xBF")) {
    std::vector<HclBlock> blocks = BlockScanner(text.substr(3)).scan();
    for (HclBlock& block : blocks) {
      block.offset += 3;
      for (auto& attribute : block.attributes) attribute.second += 3;
    }
    return blocks;
  }
  return BlockScanner(text).scan();
}

}  // namespace reachlint::terraform
