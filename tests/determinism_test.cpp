// The same inputs, in any order, give byte-identical output in every format: templates, cdk.out
// assemblies, account exports given file by file (which are read in parallel), and a template
// checked against the account it deploys into.
#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "support.h"

namespace fs = std::filesystem;
using reachlint::test::run_cli;

namespace {

const std::string kFixtures = reachlint::test::source_dir() + "/fixtures";

// Every file under `dir`, relative to fixtures/.
std::vector<std::string> fixture_files(const std::string& dir) {
  std::vector<std::string> files;
  for (const fs::path& file : reachlint::test::files_under(kFixtures + "/" + dir)) {
    files.push_back(fs::relative(file, kFixtures).string());
  }
  return files;
}

// The inputs in their given order, reversed, and in five fixed shuffles.
std::vector<std::vector<std::string>> orders_of(const std::vector<std::string>& inputs) {
  std::vector<std::vector<std::string>> orders{inputs, {inputs.rbegin(), inputs.rend()}};
  for (unsigned seed = 1; seed <= 5; ++seed) {
    std::vector<std::string> shuffled = inputs;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    orders.push_back(std::move(shuffled));
  }
  return orders;
}

void check_every_order(const std::vector<std::string>& inputs, int expected_exit) {
  const std::vector<std::vector<std::string>> formats = {
      {"-f", "text"}, {"-f", "json"},         {"-f", "sarif"},           {"-f", "github"},
      {"-f", "html"}, {"graph", "-f", "dot"}, {"graph", "-f", "mermaid"}};
  for (const auto& format : formats) {
    std::string first;
    for (const auto& order : orders_of(inputs)) {
      std::vector<std::string> args = format;
      args.emplace_back("--no-config");
      args.insert(args.end(), order.begin(), order.end());
      const auto result = run_cli(args, kFixtures);
      BOOST_TEST_CONTEXT(format.back() << ", " << order.front() << " first") {
        BOOST_TEST(result.exit == (format.front() == "graph" ? 0 : expected_exit), result.err);
        if (first.empty()) first = result.out;
        BOOST_TEST(result.out == first);
      }
    }
    BOOST_TEST(!first.empty(), format.back());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(determinism)

BOOST_AUTO_TEST_CASE(templates_and_assemblies_in_any_order) {
  check_every_order({"corpus-seed-as-is/template.json", "RL103-cdk-bad/template.json",
                     "RL302-cdk-bad/template.json", "XSTACK-weak-bad/cdk.out"},
                    1);
}

BOOST_AUTO_TEST_CASE(export_files_in_any_order) {
  check_every_order(fixture_files("dump-multi-account-tgw-bad/export"), 1);
}

BOOST_AUTO_TEST_CASE(a_template_and_its_account_in_any_order) {
  std::vector<std::string> inputs = fixture_files("account-template-bad/export");
  inputs.emplace_back("account-template-bad/new-fs.template.json");
  check_every_order(inputs, 1);
}

BOOST_AUTO_TEST_CASE(nested_stacks_file_by_file_in_any_order) {
  std::vector<std::string> inputs = fixture_files("nested-depth2-bad");
  std::erase_if(inputs, [](const std::string& file) { return !file.ends_with(".template.json"); });
  for (const std::string& file : fixture_files("NESTED-bad/cdk.out")) {
    if (file.ends_with(".template.json")) inputs.push_back(file);
  }
  check_every_order(inputs, 1);
}

BOOST_AUTO_TEST_SUITE_END()
