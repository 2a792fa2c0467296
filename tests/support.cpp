#include "support.h"

#include <unistd.h>

#include <algorithm>
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

}  // namespace reachlint::test
