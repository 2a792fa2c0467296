#include "linter/core/source.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

namespace reachlint {

SourceBuffer::SourceBuffer(SourceBuffer&& other) noexcept {
  *this = std::move(other);
}

SourceBuffer& SourceBuffer::operator=(SourceBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    mapped_length_ = std::exchange(other.mapped_length_, 0);
    owned_ = std::move(other.owned_);
  }
  return *this;
}

SourceBuffer::~SourceBuffer() {
  release();
}

void SourceBuffer::release() {
  if (mapped_length_ != 0) munmap(const_cast<char*>(data_), mapped_length_);
  mapped_length_ = 0;
  data_ = nullptr;
  size_ = 0;
  owned_.reset();
}

SourceBuffer SourceBuffer::from_string(std::string_view text) {
  SourceBuffer buffer;
  buffer.owned_ = std::make_unique<char[]>(text.size() + kPadding);
  std::memcpy(buffer.owned_.get(), text.data(), text.size());
  std::memset(buffer.owned_.get() + text.size(), 0, kPadding);
  buffer.data_ = buffer.owned_.get();
  buffer.size_ = text.size();
  return buffer;
}

namespace {

struct FileCloser {
  int fd;
  ~FileCloser() {
    if (fd >= 0) close(fd);
  }
};

// A mapping is used only when the zero-filled tail of its last page already holds the padding;
// otherwise the file is copied into a padded buffer.
bool mapping_has_padding(size_t size) {
  const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t tail = size % page;
  return size > 0 && tail != 0 && page - tail >= SourceBuffer::kPadding;
}

}  // namespace

Status SourceBuffer::load(const std::string& path, size_t max_bytes) {
  release();
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever. It does not change
  // reads of regular files, the only kind read below.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return Error{.message = fmt::format("cannot open: {}", std::strerror(errno))};
  }
  FileCloser closer{fd};
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    return Error{.message = "not a regular file"};
  }
  const auto size = static_cast<size_t>(info.st_size);
  if (size > max_bytes) {
    return Error{.message = fmt::format("file is {} bytes, over the input size limit of {} bytes "
                                        "(--max-input-size)",
                                        size, max_bytes)};
  }
  if (mapping_has_padding(size)) {
    void* mapped = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped != MAP_FAILED) {
      data_ = static_cast<const char*>(mapped);
      size_ = size;
      mapped_length_ = size;
      return {};
    }
  }
  owned_ = std::make_unique<char[]>(size + kPadding);
  size_t done = 0;
  while (done < size) {
    const ssize_t got = read(fd, owned_.get() + done, size - done);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      Error error{.message = fmt::format("cannot read: {}",
                                         got < 0 ? std::strerror(errno) : "file shrank")};
      owned_.reset();
      return error;
    }
    done += static_cast<size_t>(got);
  }
  std::memset(owned_.get() + size, 0, kPadding);
  data_ = owned_.get();
  size_ = size;
  return {};
}

uint32_t SourceMap::add(std::string display_path, std::string_view text) {
  files_.push_back(File{std::move(display_path), text, {}});
  return static_cast<uint32_t>(files_.size() - 1);
}

namespace {

// UTF-16 code units taken by the UTF-8 bytes in `prefix` (4-byte sequences need two).
uint32_t utf16_units(std::string_view prefix) {
  uint32_t units = 0;
  for (const char c : prefix) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) ++units;  // a lead byte starts a code point
    if (byte >= 0xF0) ++units;           // outside the BMP: a surrogate pair
  }
  return units;
}

}  // namespace

Location SourceMap::token_end(Location location) const {
  if (!location.known() || location.file >= files_.size()) return location;
  const std::string_view text = files_[location.file].text;
  size_t i = location.offset;
  if (i >= text.size()) return location;
  if (text[i] == '"') {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\') ++i;
    }
    return {location.file, static_cast<uint32_t>(std::min(i + 1, text.size()))};
  }
  const auto part_of_token = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.';
  };
  if (!part_of_token(text[i])) return {location.file, location.offset + 1};
  while (i < text.size() && part_of_token(text[i])) ++i;
  return {location.file, static_cast<uint32_t>(i)};
}

namespace {

constexpr size_t kBlockSize = 64 * 1024;

// Newlines in `text` and where the line after the last one starts (npos: none).
std::pair<uint32_t, size_t> scan_lines(std::string_view text) {
  const auto newlines = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
  const size_t last = newlines == 0 ? std::string_view::npos : text.rfind('\n');
  return {newlines, last == std::string_view::npos ? last : last + 1};
}

}  // namespace

void SourceMap::count_blocks(const File& file, size_t up_to_block) {
  if (file.blocks.empty()) file.blocks.push_back({0, 0});
  while (file.blocks.size() <= up_to_block) {
    const size_t begin = (file.blocks.size() - 1) * kBlockSize;
    const Block& previous = file.blocks.back();
    const auto [newlines, line_start] = scan_lines(file.text.substr(begin, kBlockSize));
    file.blocks.push_back(
        {previous.lines_before + newlines, line_start == std::string_view::npos
                                               ? previous.line_start
                                               : static_cast<uint32_t>(begin + line_start)});
  }
}

LineColumn SourceMap::line_column(Location location) const {
  if (!location.known() || location.file >= files_.size()) return {};
  const File& file = files_[location.file];
  const uint32_t offset = std::min(location.offset, static_cast<uint32_t>(file.text.size()));
  const size_t block = offset / kBlockSize;
  count_blocks(file, block);
  const size_t begin = block * kBlockSize;
  const auto [newlines, line_start] = scan_lines(file.text.substr(begin, offset - begin));
  const uint32_t line = file.blocks[block].lines_before + newlines + 1;
  const size_t start =
      line_start == std::string_view::npos ? file.blocks[block].line_start : begin + line_start;
  return {line, utf16_units(file.text.substr(start, offset - start)) + 1};
}

}  // namespace reachlint
