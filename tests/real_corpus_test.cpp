// Public FSx templates and CDK assemblies nobody here wrote, each linted as a user would and
// compared exactly with a verdict checked by hand (tests/corpus/real/VERDICTS.md). The cases are
// listed in cases.toml: the inputs, the arguments a user would add (parameter values, clients),
// and the rules of their day, so that a rule added later leaves these verdicts alone.
// REACHLINT_UPDATE_EXPECTED=1 rewrites expected/<case>.json for review.
//
// The public files are not in the repository (the project commits no data fetched from other
// projects): REACHLINT_REAL_CORPUS names a folder that holds them laid out as SOURCES.md lists.
// The cases run in a scratch folder that joins it with tests/corpus/real (the accounts and
// parameter files written here), so that paths in the findings are the same either way. Without
// that folder the suite is skipped, and says so.
#include <algorithm>
#include <filesystem>
#include <set>

#include <toml++/toml.h>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "external_inputs.h"
#include "report_snapshot.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

const fs::path& corpus() {
  static const fs::path root = fs::path(reachlint::test::source_dir()) / "tests/corpus/real";
  return root;
}

fs::path public_inputs() {
  return reachlint::test::folder_from_env("REACHLINT_REAL_CORPUS");
}

// The case folder: links to what tests/corpus/real and the public folder hold, side by side.
class CaseFolder {
 public:
  CaseFolder() {
    for (const fs::path& root : {corpus(), fs::absolute(public_inputs())}) {
      for (const fs::directory_entry& entry : fs::directory_iterator(root)) {
        const fs::path link = scratch_.dir() / entry.path().filename();
        if (!fs::exists(link)) fs::create_symlink(entry.path(), link);
      }
    }
  }
  std::string dir() const { return scratch_.dir().string(); }

 private:
  reachlint::test::ScratchDir scratch_;
};

const CaseFolder& case_folder() {
  static const CaseFolder folder;
  return folder;
}

struct CorpusCase {
  std::string name;
  std::vector<std::string> args;  // options, then inputs, relative to the corpus folder
};

std::vector<std::string> strings_of(const toml::node_view<const toml::node>& node,
                                    const std::string& where) {
  std::vector<std::string> out;
  const toml::array* array = node.as_array();
  if (!array) return out;
  for (const toml::node& item : *array) {
    if (!item.is_string()) throw std::runtime_error(where + ": a list of strings");
    out.push_back(item.as_string()->get());
  }
  return out;
}

std::vector<CorpusCase> read_cases() {
  const toml::parse_result parsed = toml::parse_file((corpus() / "cases.toml").string());
  if (!parsed) throw std::runtime_error(std::string(parsed.error().description()));
  const toml::table& root = parsed.table();
  std::string select;
  for (const std::string& code : strings_of(root["select"], "select"))
    select += (select.empty() ? "" : ",") + code;
  if (select.empty()) throw std::runtime_error("cases.toml: no select");
  std::vector<CorpusCase> cases;
  const toml::array* list = root["case"].as_array();
  if (!list) throw std::runtime_error("cases.toml: no [[case]]");
  for (const toml::node& entry : *list) {
    const toml::table& table = *entry.as_table();
    CorpusCase c;
    c.name = table["name"].value_or(std::string());
    c.args = {"--format", "json", "--no-config", "--select", select};
    for (const std::string& arg : strings_of(table["args"], c.name + ".args"))
      c.args.push_back(arg);
    const std::vector<std::string> inputs = strings_of(table["inputs"], c.name + ".inputs");
    if (c.name.empty() || inputs.empty())
      throw std::runtime_error("cases.toml: a case has a name and inputs");
    c.args.insert(c.args.end(), inputs.begin(), inputs.end());
    cases.push_back(std::move(c));
  }
  return cases;
}

const std::vector<CorpusCase>& cases() {
  static const std::vector<CorpusCase> all = read_cases();
  return all;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const CorpusCase& c : cases()) names.push_back(c.name);
  return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(real_corpus,
                      *boost::unit_test::precondition(reachlint::test::ExternalFolderGiven{
                          "REACHLINT_REAL_CORPUS", "tests/corpus/real/SOURCES.md"}))

BOOST_DATA_TEST_CASE(matches_the_checked_verdict, boost::unit_test::data::make(case_names()),
                     name) {
  const auto found = std::find_if(cases().begin(), cases().end(),
                                  [&](const CorpusCase& c) { return c.name == name; });
  BOOST_TEST_REQUIRE((found != cases().end()));
  const auto result = reachlint::test::run_cli(found->args, case_folder().dir());
  reachlint::test::check_snapshot(name, reachlint::test::report_snapshot(result),
                                  corpus() / "expected" / (name + ".json"));
}

// A valid public template never stops the run: no case may end in exit 2, and every case is
// named in VERDICTS.md, where its verdict is checked by hand.
BOOST_AUTO_TEST_CASE(every_case_is_valid_and_has_a_written_verdict) {
  const std::string verdicts = reachlint::test::read_file((corpus() / "VERDICTS.md").string());
  std::set<std::string> names;
  for (const CorpusCase& c : cases()) {
    BOOST_TEST(names.insert(c.name).second, c.name << ": named twice in cases.toml");
    BOOST_TEST(verdicts.find("`" + c.name + "`") != std::string::npos,
               c.name << ": no verdict in VERDICTS.md");
    const auto result = reachlint::test::run_cli(c.args, case_folder().dir());
    BOOST_TEST(result.exit != 2, c.name << ": " << result.err);
  }
  BOOST_TEST(cases().size() >= 8u);
}

BOOST_AUTO_TEST_SUITE_END()
