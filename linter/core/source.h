// Input files and positions inside them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linter/core/location.h"
#include "linter/core/result.h"

namespace reachlint {

struct LineColumn {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in UTF-16 code units (SARIF's default column kind)
};

// The bytes of one file, followed by at least kPadding readable zero bytes, as simdjson needs.
// Large files are mapped rather than copied when the page tail already provides the padding.
class SourceBuffer {
 public:
  static constexpr size_t kPadding = 64;

  SourceBuffer() = default;
  SourceBuffer(const SourceBuffer&) = delete;
  SourceBuffer& operator=(const SourceBuffer&) = delete;
  SourceBuffer(SourceBuffer&& other) noexcept;
  SourceBuffer& operator=(SourceBuffer&& other) noexcept;
  ~SourceBuffer();

  // Reads `path`; on failure the error says why in one line (its location names no file).
  Status load(const std::string& path, size_t max_bytes);
  static SourceBuffer from_string(std::string_view text);

  std::string_view text() const { return {data_, size_}; }
  const char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  void release();

  const char* data_ = nullptr;
  size_t size_ = 0;
  size_t mapped_length_ = 0;  // non-zero when data_ is an mmap
  std::unique_ptr<char[]> owned_;
};

// Every input file of a run, so that a Location can be printed as path:line:column.
class SourceMap {
 public:
  uint32_t add(std::string display_path, std::string_view text);
  const std::string& path(uint32_t file) const { return files_[file].path; }
  size_t size() const { return files_.size(); }
  LineColumn line_column(Location location) const;
  // Where the JSON token at `location` ends (a string, number or literal; one character for a
  // bracket), for SARIF regions.
  Location token_end(Location location) const;

 private:
  // Where the lines stand at the start of each block of the text, counted as far as a lookup
  // needed: an organisation's findings sit in a few places of hundreds of megabytes.
  struct Block {
    uint32_t lines_before;  // newlines before the block
    uint32_t line_start;    // offset of the line the block starts in
  };
  struct File {
    std::string path;
    std::string_view text;
    mutable std::vector<Block> blocks;
  };
  static void count_blocks(const File& file, size_t up_to_block);
  std::vector<File> files_;
};

}  // namespace reachlint
