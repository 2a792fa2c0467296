// Every directory under fixtures/ is run through the command line and compared exactly with its
// expected.json (DESIGN §9). REACHLINT_UPDATE_EXPECTED=1 rewrites expected.json for review in the
// diff. A fixture runs a fixed set of rules, so that a rule added later leaves its output alone:
// one named after a rule code (RL101-...) runs that rule only; any other says which rules it runs
// in its fixture.toml, `[rules] select = ["RL101", ...]` (every code of its day when it needs all
// the rules), and fails without one.
#include <algorithm>
#include <filesystem>
#include <regex>

#include <toml++/toml.h>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "report_snapshot.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kNotInputs = {"expected.json", "README.md", "reachlint.toml",
                                             "fixture.toml"};

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(reachlint::test::source_dir() + "/fixtures")) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name != "cdk-app" && !name.starts_with(".")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The rules a fixture runs, as a --select list: the code it is named after, or its fixture.toml's.
std::string selected_rules(const fs::path& dir, const std::string& name) {
  const fs::path declared = dir / "fixture.toml";
  static const std::regex kRuleCode("^(RL[0-9]{3})-.*");
  std::smatch match;
  if (std::regex_match(name, match, kRuleCode)) {
    BOOST_TEST_REQUIRE(!fs::exists(declared),
                       name << ": named after its rule, it has no fixture.toml");
    return match[1].str();
  }
  BOOST_TEST_REQUIRE(
      fs::exists(declared),
      name << ": not named after a rule, it says which rules it runs in fixture.toml "
              "([rules] select = [\"RL101\", ...])");
  const toml::parse_result parsed = toml::parse_file(declared.string());
  if (!parsed) BOOST_FAIL(name << ": fixture.toml: " << parsed.error().description());
  const toml::array* select = parsed.table()["rules"]["select"].as_array();
  BOOST_TEST_REQUIRE((select && !select->empty()), name << ": fixture.toml has no [rules] select");
  std::string list;
  for (const toml::node& code : *select) {
    BOOST_TEST_REQUIRE(code.is_string(), name << ": fixture.toml: select lists rule codes");
    list += (list.empty() ? "" : ",") + code.as_string()->get();
  }
  return list;
}

std::vector<std::string> fixture_args(const fs::path& dir, const std::string& name) {
  std::vector<std::string> args{"--format", "json"};
  if (fs::exists(dir / "reachlint.toml"))
    args.insert(args.end(), {"--config", "reachlint.toml"});
  else
    args.push_back("--no-config");
  args.insert(args.end(), {"--select", selected_rules(dir, name)});
  std::vector<std::string> inputs;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    // A Terraform fixture's configuration (*.tf) and state are the sources of its plan.json,
    // not inputs.
    if (std::find(kNotInputs.begin(), kNotInputs.end(), file) == kNotInputs.end() &&
        !file.starts_with(".") && !file.ends_with(".tf") && !file.ends_with(".tfstate")) {
      inputs.push_back(file);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  args.insert(args.end(), inputs.begin(), inputs.end());
  return args;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fixtures)

BOOST_DATA_TEST_CASE(matches_expected, boost::unit_test::data::make(fixture_names()), name) {
  const fs::path dir = fs::path(reachlint::test::source_dir()) / "fixtures" / name;
  const auto result = reachlint::test::run_cli(fixture_args(dir, name), dir.string());
  reachlint::test::check_snapshot(name, reachlint::test::report_snapshot(result),
                                  dir / "expected.json");
}

BOOST_AUTO_TEST_SUITE_END()
