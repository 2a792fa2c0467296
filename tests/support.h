// Helpers shared by the test suites: running the command line in-process, reading files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace reachlint::test {

struct CliResult {
  int exit = -1;
  std::string out;
  std::string err;
};

// Runs `reachlint args...` in-process, in `directory` (the working directory is restored).
CliResult run_cli(const std::vector<std::string>& args, const std::string& directory = ".");

std::string source_dir();                      // the repository root
std::string fixture(const std::string& name);  // a path under fixtures/
// Every regular file below `dir`, in subdirectories too, sorted.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir);

// A fresh temporary directory, removed with everything in it when the test is done.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& dir() const { return dir_; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
bool update_expected();  // REACHLINT_UPDATE_EXPECTED=1: rewrite snapshots instead of comparing

}  // namespace reachlint::test
