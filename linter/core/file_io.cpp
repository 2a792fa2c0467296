#include "linter/core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace reachlint {

namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Error failure(std::string_view verb, const std::string& path) {
  return Error{.message = fmt::format("cannot {} {}: {}", verb, path, std::strerror(errno))};
}

}  // namespace

Result<std::string> read_text_file(const std::string& path) {
  errno = 0;
  const File file(std::fopen(path.c_str(), "rb"));
  if (!file) return failure("read", path);
  std::string text;
  char chunk[1 << 16];
  size_t got = 0;
  while ((got = std::fread(chunk, 1, sizeof chunk, file.get())) > 0) text.append(chunk, got);
  // A directory opens, then fails to read with EISDIR.
  if (std::ferror(file.get())) return failure("read", path);
  return text;
}

Status write_text_file(const std::string& path, const std::string& text) {
  errno = 0;
  File file(std::fopen(path.c_str(), "wb"));
  if (!file) return failure("write", path);
  if (std::fwrite(text.data(), 1, text.size(), file.get()) != text.size())
    return failure("write", path);
  // Buffered bytes meet a full disk only here.
  if (std::fclose(file.release()) != 0) return failure("write", path);
  return {};
}

}  // namespace reachlint
