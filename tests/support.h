// Helpers shared by the test suites: running the command line in-process, reading files, and
// reading back what reachlint writes (dot).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "linter/core/result.h"

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
std::vector<std::string> lines_of(const std::string& text);  // without their newlines
bool contains(const std::string& text, const std::string& part);

// A graph in the dot language, as `reachlint graph` writes it.
using DotAttributes = std::map<std::string, std::string>;

struct DotEdge {
  std::string from;
  std::string to;
  DotAttributes attributes;
};

struct DotGraph {
  std::map<std::string, DotAttributes> nodes;  // declared with a node statement
  std::vector<DotEdge> edges;
  std::vector<std::string> subgraphs;

  const DotEdge* edge(const std::string& from, const std::string& to) const {
    for (const DotEdge& e : edges) {
      if (e.from == from && e.to == to) return &e;
    }
    return nullptr;
  }
  std::string node_attribute(const std::string& node, const std::string& name) const {
    const auto found = nodes.find(node);
    if (found == nodes.end()) return "(no node " + node + ")";
    const auto value = found->second.find(name);
    return value == found->second.end() ? "" : value->second;
  }
};

// Reads dot (graphviz.org/doc/info/lang.html) as far as reachlint writes it, strictly: what
// Graphviz would reject (an unterminated string, an unbalanced brace, "--" in a digraph, a
// missing '=') is an error, located at its byte. Quoted ids keep \\ as Graphviz does; \" is ".
Result<DotGraph> read_dot(const std::string& text);

}  // namespace reachlint::test
