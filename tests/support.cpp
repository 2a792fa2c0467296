#include "support.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "linter/cli/run.h"

namespace reachlint::test {

namespace {

// An in-memory FILE* whose text is read back after the run.
class Capture {
 public:
  Capture() : file_(open_memstream(&buffer_, &size_)) {}
  ~Capture() {
    if (file_) std::fclose(file_);
    std::free(buffer_);
  }
  std::FILE* file() const { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  std::FILE* file_;
};

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const std::string& directory) {
  const std::filesystem::path previous = std::filesystem::current_path();
  std::filesystem::current_path(directory);
  std::vector<const char*> argv{"reachlint"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  Capture out;
  Capture err;
  CliResult result;
  // Suppressions expire against a pinned day, so that fixtures do not age.
  cli::Environment environment;
  environment.today = "2026-06-01";
  result.exit = cli::run_main(static_cast<int>(argv.size()), argv.data(), environment,
                              {out.file(), err.file(), false});
  result.out = out.text();
  result.err = err.text();
  std::filesystem::current_path(previous);
  return result;
}

std::string source_dir() {
  return REACHLINT_SOURCE_DIR;
}

std::string fixture(const std::string& name) {
  return source_dir() + "/fixtures/" + name;
}

std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

ScratchDir::ScratchDir() {
  static int made = 0;
  dir_ = std::filesystem::temp_directory_path() /
         ("reachlint-test-" + std::to_string(getpid()) + "-" + std::to_string(made++));
  std::filesystem::create_directories(dir_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

bool update_expected() {
  const char* value = std::getenv("REACHLINT_UPDATE_EXPECTED");
  return value && std::string(value) == "1";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

namespace {

// read_dot's recursive descent over the dot grammar.
class DotParser {
 public:
  explicit DotParser(std::string text) : text_(std::move(text)) {}

  // On failure, error() says what and where.
  bool parse(DotGraph& graph) {
    graph_ = &graph;
    if (!keyword("digraph")) return fail("no 'digraph'");
    std::string name;
    if (peek_id()) id(name);
    if (!punct("{") || !statements() || !punct("}")) return false;
    skip_space();
    return pos_ == text_.size() || fail("text after the graph");
  }

  const Error& error() const { return error_; }

 private:
  bool fail(const std::string& message) {
    if (error_.message.empty()) error_ = {Location{.offset = static_cast<uint32_t>(pos_)}, message};
    return false;
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        ++pos_;
      } else if (text_.compare(pos_, 2, "//") == 0) {
        pos_ = text_.find('\n', pos_);
        if (pos_ == std::string::npos) pos_ = text_.size();
      } else if (text_.compare(pos_, 2, "/*") == 0) {
        const size_t end = text_.find("*/", pos_ + 2);
        pos_ = end == std::string::npos ? text_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  bool punct(std::string_view p) {
    skip_space();
    if (text_.compare(pos_, p.size(), p) != 0) return fail("expected '" + std::string(p) + "'");
    pos_ += p.size();
    return true;
  }

  bool try_punct(std::string_view p) {
    skip_space();
    if (text_.compare(pos_, p.size(), p) != 0) return false;
    pos_ += p.size();
    return true;
  }

  static bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
  }

  bool peek_id() {
    skip_space();
    return pos_ < text_.size() && (text_[pos_] == '"' || name_char(text_[pos_]));
  }

  bool keyword(std::string_view word) {
    skip_space();
    if (text_.compare(pos_, word.size(), word) != 0) return false;
    if (pos_ + word.size() < text_.size() && name_char(text_[pos_ + word.size()])) return false;
    pos_ += word.size();
    return true;
  }

  bool id(std::string& out) {
    skip_space();
    out.clear();
    if (pos_ < text_.size() && text_[pos_] == '"') return quoted(out);
    while (pos_ < text_.size() && name_char(text_[pos_])) out += text_[pos_++];
    return !out.empty() || fail("expected an id");
  }

  bool quoted(std::string& out) {
    for (++pos_; pos_ < text_.size(); ++pos_) {
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\n') return fail("newline inside a quoted string");
      if (c == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        out += '"';
        ++pos_;
      } else if (c == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\\') {
        out += "\\\\";
        ++pos_;
      } else {
        out += c;
      }
    }
    return fail("unterminated string");
  }

  bool attributes(DotAttributes& into) {
    while (try_punct("[")) {
      while (!try_punct("]")) {
        std::string name;
        std::string value;
        if (!id(name) || !punct("=") || !id(value)) return false;
        into[name] = value;
        if (!try_punct(",")) try_punct(";");
      }
    }
    return true;
  }

  bool statements() {
    while (true) {
      skip_space();
      if (pos_ >= text_.size()) return fail("unbalanced '{'");
      if (text_[pos_] == '}') return true;
      if (!statement()) return false;
      try_punct(";");
    }
  }

  bool statement() {
    DotAttributes ignored;
    if (keyword("subgraph")) {
      std::string name;
      if (peek_id() && !id(name)) return false;
      graph_->subgraphs.push_back(name);
      return punct("{") && statements() && punct("}");
    }
    if (keyword("graph") || keyword("node") || keyword("edge")) return attributes(ignored);
    std::string first;
    if (!id(first)) return false;
    if (try_punct("=")) {
      std::string value;
      return id(value);
    }
    if (text_.compare(pos_, 2, "--") == 0) return fail("'--' in a digraph");
    std::vector<std::string> chain{first};
    while (try_punct("->")) {
      if (!id(chain.emplace_back())) return false;
    }
    DotAttributes attrs;
    if (!attributes(attrs)) return false;
    if (chain.size() == 1) {
      graph_->nodes[first] = attrs;
      return true;
    }
    for (size_t i = 0; i + 1 < chain.size(); ++i)
      graph_->edges.push_back({chain[i], chain[i + 1], attrs});
    return true;
  }

  std::string text_;
  size_t pos_ = 0;
  DotGraph* graph_ = nullptr;
  Error error_;
};

}  // namespace

Result<DotGraph> read_dot(const std::string& text) {
  DotGraph graph;
  DotParser parser(text);
  if (!parser.parse(graph)) return parser.error();
  return graph;
}

}  // namespace reachlint::test
