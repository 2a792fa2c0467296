// The command line: the input is argv[1..], one argument per line. It is parsed with
// parse_options and run with run() in-process (exactly run_main, whose two halves these are),
// in a sandbox directory holding copies of a few fixtures:
//
//   template.json   corpus-seed-as-is        onprem.json     RL101-vgw-onprem
//   broken.json     input-truncated          template.yaml   input-yaml
//   export/         corpus-describe-tgw-ok   cdk.out/        XSTACK-weak
//   project/        input-mixed-dir          reachlint.toml  RL101-vgw-onprem ([[client]] cidr)
//   v4.toml         RL301-nfs-v4 ([protocols] nfs = "v4")
//
// So that a run can neither leave the sandbox nor change it: an argument that could name a path
// outside it (starting with '/', containing "=/" or "..") refuses the input, whatever option it
// belongs to; `-o FILE`, `--write-baseline FILE` and `rules --write-docs DIR` are redirected to
// fuzz-output, fuzz-baseline and fuzz-docs; whatever a run creates in the sandbox is removed
// after it; and a run that modifies one of the sandbox's files aborts the harness (an option that
// writes files was added: redirect it here).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "linter/cli/options.h"
#include "linter/cli/run.h"

namespace fs = std::filesystem;
using namespace reachlint;

namespace {

constexpr size_t kMaxArgs = 32;

std::FILE* null_out = nullptr;

void copy_fixture(const std::string& from, const fs::path& to) {
  const fs::path source = fuzz::fixtures_dir() / from;
  fs::create_directories(to.parent_path().empty() ? fs::path(".") : to.parent_path());
  fs::copy(source, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

bool escapes(const std::string& arg) {
  return arg.starts_with('/') || arg.find("=/") != std::string::npos ||
         arg.find("..") != std::string::npos;
}

struct FileState {
  std::uintmax_t size;
  fs::file_time_type written;
  friend bool operator==(const FileState&, const FileState&) = default;
};

std::map<std::string, FileState> snapshot() {
  std::map<std::string, FileState> files;
  for (const auto& entry : fs::recursive_directory_iterator(".")) {
    if (entry.is_regular_file())
      files[entry.path().string()] = {entry.file_size(), entry.last_write_time()};
  }
  return files;
}

std::set<std::string> top_level() {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(".")) names.insert(entry.path().string());
  return names;
}

std::map<std::string, FileState>* sandbox_files = nullptr;
std::set<std::string>* sandbox_names = nullptr;

// Removes what the run created; aborts when it changed a file of the sandbox.
void restore_sandbox() {
  for (const auto& entry : fs::directory_iterator(".")) {
    if (!sandbox_names->contains(entry.path().string())) fs::remove_all(entry.path());
  }
  for (const auto& [path, state] : *sandbox_files) {
    std::error_code ec;
    const FileState now{fs::file_size(path, ec), fs::last_write_time(path, ec)};
    if (ec || !(now == state)) {
      std::fprintf(stderr,
                   "fuzz_cli: the run changed or removed sandbox file %s: an option that "
                   "writes files must be redirected in fuzz/fuzz_cli.cpp\n",
                   path.c_str());
      std::abort();
    }
  }
}

fs::path* sandbox = nullptr;
fs::path* original = nullptr;

// The harness changes directory during each run, and libFuzzer writes a crash's input from inside
// the run: relative artifact paths are made absolute, and the default "./" becomes the directory
// the harness was started in. (libFuzzer parses its flags after LLVMFuzzerInitialize.)
void absolute_artifact_paths(int* argc, char*** argv) {
  static std::vector<std::string> storage;
  static std::vector<char*> args;
  bool have_prefix = false;
  for (int i = 0; i < *argc; ++i) {
    std::string arg = (*argv)[i];
    for (const std::string flag : {"-artifact_prefix=", "-exact_artifact_path="}) {
      if (!arg.starts_with(flag)) continue;
      have_prefix = have_prefix || flag == "-artifact_prefix=";
      const std::string value = arg.substr(flag.size());
      if (!value.starts_with('/')) arg = flag + (fs::current_path() / value).string();
    }
    storage.push_back(arg);
  }
  if (!have_prefix) storage.push_back("-artifact_prefix=" + fs::current_path().string() + "/");
  for (std::string& arg : storage) args.push_back(arg.data());
  args.push_back(nullptr);
  *argc = static_cast<int>(storage.size());
  *argv = args.data();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  absolute_artifact_paths(argc, argv);
  original = new fs::path(fs::current_path());
  sandbox = new fs::path(fuzz::scratch_dir() / "sandbox");
  fs::create_directories(*sandbox);
  fs::current_path(*sandbox);
  copy_fixture("corpus-seed-as-is/template.json", "template.json");
  copy_fixture("RL101-vgw-onprem/template.json", "onprem.json");
  copy_fixture("RL101-vgw-onprem/reachlint.toml", "reachlint.toml");
  copy_fixture("RL301-nfs-v4/reachlint.toml", "v4.toml");
  copy_fixture("input-truncated/template.json", "broken.json");
  copy_fixture("input-yaml/template.yaml", "template.yaml");
  copy_fixture("corpus-describe-tgw-ok/export", "export");
  copy_fixture("XSTACK-weak/cdk.out", "cdk.out");
  copy_fixture("input-mixed-dir/project", "project");
  null_out = std::fopen("/dev/null", "w");
  sandbox_files = new std::map<std::string, FileState>(snapshot());
  sandbox_names = new std::set<std::string>(top_level());
  fs::current_path(*original);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> args{"reachlint"};
  while (!text.empty() && args.size() <= kMaxArgs) {
    const size_t newline = text.find('\n');
    args.emplace_back(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (escapes(args.back())) return -1;
  }
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());

  // Runs in the sandbox; libFuzzer's own files (corpus, artifacts) are written from outside it.
  struct InSandbox {
    InSandbox() { fs::current_path(*sandbox); }
    ~InSandbox() { fs::current_path(*original); }
  } in_sandbox;
  Result<cli::Options> parsed = cli::parse_options(static_cast<int>(argv.size()), argv.data());
  if (!parsed) {
    fuzz::consume(parsed.error().message);
    return 0;
  }
  cli::Options& options = parsed.value();
  if (!options.output.empty()) options.output = "fuzz-output";
  if (!options.write_docs.empty()) options.write_docs = "fuzz-docs";
  if (!options.write_baseline.empty()) options.write_baseline = "fuzz-baseline";

  cli::Streams streams;  // no keep_until_exit: the run's objects are destroyed (and leaks found)
  streams.out = null_out;
  streams.err = null_out;
  fuzz::consume(std::to_string(cli::run(options, streams)));
  restore_sandbox();
  return 0;
}
