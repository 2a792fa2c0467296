// Inputs nobody here wrote (tests/third-party, see SOURCES.md there): cfn-lint's template fixtures
// and Batfish's recordings of real accounts. Each runs without a crash; valid files give no input
// error; and none gives a finding, since none holds an FSx file system (checked by hand: no
// AWS::FSx::FileSystem in any template, no FileSystems in any recording, and no transit gateway or
// peering joining overlapping VPCs, the one network-only rule, RL202).
#include <algorithm>
#include <filesystem>
#include <set>

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "support.h"

namespace fs = std::filesystem;
using reachlint::test::run_cli;

namespace {

const fs::path& third_party() {
  static const fs::path root = fs::path(reachlint::test::source_dir()) / "tests" / "third-party";
  return root;
}

std::vector<fs::path> files_under(const fs::path& dir, const std::set<std::string>& extensions) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && extensions.count(entry.path().extension().string()))
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string name_in_corpus(const fs::path& path) {
  return fs::relative(path, third_party()).generic_string();
}

size_t finding_count(const std::string& json_report) {
  simdjson::dom::parser parser;
  simdjson::dom::element report;
  if (parser.parse(json_report).get(report) != simdjson::SUCCESS) return SIZE_MAX;
  return simdjson::dom::array(report["findings"]).size();
}

// cfn-lint's templates that are not JSON at all (its parser tests): an error at their position.
const std::set<std::string> kBrokenJson = {
    "cfn-lint/test/fixtures/templates/bad/core/config_invalid_json.json",
    "cfn-lint/test/fixtures/templates/bad/json_parse.json",
};

// Batfish's per-entity inputs include one that is not AWS CLI output (an ELB listener action).
const std::set<std::string> kNotAnInput = {
    "batfish/projects/batfish/src/test/resources/org/batfish/representation/aws/DefaultAction.json",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(foreign_inputs)

BOOST_AUTO_TEST_CASE(cfn_lint_json_templates) {
  const auto files = files_under(third_party() / "cfn-lint", {".json", ".template"});
  BOOST_TEST_REQUIRE(files.size() >= 8u);
  for (const fs::path& file : files) {
    const std::string name = name_in_corpus(file);
    const auto run = run_cli({"--no-config", "-f", "json", file.string()});
    if (kBrokenJson.count(name)) {
      BOOST_TEST(run.exit == 2, name);
      BOOST_TEST(run.err.find(file.string() + ":") == 0, name << ": " << run.err);
      BOOST_TEST(run.err.find("error: invalid JSON") != std::string::npos, name << ": " << run.err);
      continue;
    }
    BOOST_TEST(run.exit == 0, name << ": " << run.err);
    BOOST_TEST(run.err.empty(), name << ": " << run.err);
    BOOST_TEST(finding_count(run.out) == 0u, name << ": " << run.out);
  }
}

BOOST_AUTO_TEST_CASE(cfn_lint_yaml_templates_are_refused_by_name) {
  const auto files = files_under(third_party() / "cfn-lint", {".yaml", ".yml"});
  BOOST_TEST_REQUIRE(files.size() >= 70u);
  for (const fs::path& file : files) {
    const auto run = run_cli({"--no-config", file.string()});
    BOOST_TEST(run.exit == 2, name_in_corpus(file));
    BOOST_TEST(run.err.find(file.string() + ":1:1: error: ") == 0, run.err);
    const bool says_why = run.err.find("YAML") != std::string::npos ||
                          run.err.find("the file is empty") != std::string::npos;
    BOOST_TEST(says_why, name_in_corpus(file) << ": " << run.err);
  }
}

BOOST_AUTO_TEST_CASE(a_directory_walk_names_every_file_it_cannot_read) {
  const auto run = run_cli({"--no-config", "-f", "json", (third_party() / "cfn-lint").string()});
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(run.err.find("json_parse.json:5:11: error: invalid JSON") != std::string::npos,
             run.err);
  // Every error is a YAML template (not supported yet) or JSON that does not parse, by file name.
  std::string_view err = run.err;
  size_t lines = 0;
  while (!err.empty()) {
    const std::string_view line = err.substr(0, err.find('\n'));
    err.remove_prefix(std::min(err.size(), line.size() + 1));
    ++lines;
    const bool yaml = line.find(".yaml:1:1: error: YAML") != std::string_view::npos ||
                      line.find(".yml:1:1: error: YAML") != std::string_view::npos;
    const bool broken = line.find(".json:") != std::string_view::npos &&
                        line.find("error: invalid JSON") != std::string_view::npos;
    BOOST_TEST((yaml || broken), line);
  }
  BOOST_TEST(lines > 50u);
}

BOOST_AUTO_TEST_CASE(batfish_snapshots_in_every_layout) {
  std::vector<fs::path> snapshots;
  for (const auto& entry : fs::recursive_directory_iterator(third_party() / "batfish")) {
    if (entry.is_directory() && entry.path().filename() == "aws_configs")
      snapshots.push_back(entry.path());
  }
  std::sort(snapshots.begin(), snapshots.end());
  BOOST_TEST_REQUIRE(snapshots.size() == 17u);
  for (const fs::path& snapshot : snapshots) {
    const auto run = run_cli({"--no-config", "-f", "json", snapshot.string()});
    BOOST_TEST(run.exit == 0, name_in_corpus(snapshot) << ": " << run.err);
    BOOST_TEST(run.err.empty(), name_in_corpus(snapshot) << ": " << run.err);
    BOOST_TEST(finding_count(run.out) == 0u, name_in_corpus(snapshot));
  }
}

BOOST_AUTO_TEST_CASE(batfish_single_entity_recordings) {
  const fs::path dir = third_party() /
                       "batfish/projects/batfish/src/test/resources/org/batfish/"
                       "representation/aws";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  BOOST_TEST_REQUIRE(files.size() == 28u);
  for (const fs::path& file : files) {
    const std::string name = name_in_corpus(file);
    const auto run = run_cli({"--no-config", "-f", "json", file.string()});
    if (kNotAnInput.count(name)) {
      BOOST_TEST(run.exit == 2, name);
      BOOST_TEST(run.err.find("not a CloudFormation template") != std::string::npos, run.err);
      continue;
    }
    BOOST_TEST(run.exit == 0, name << ": " << run.err);
    BOOST_TEST(finding_count(run.out) == 0u, name);
  }
}

BOOST_AUTO_TEST_SUITE_END()
