// Triage: baselines, suppressions, per-rule levels and the SARIF fields they set (DESIGN §6, §7).
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "support.h"

namespace fs = std::filesystem;
using reachlint::test::fixture;
using reachlint::test::read_file;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;
using reachlint::test::write_file;

namespace {

struct SarifResult {
  std::string rule;
  std::string state;
  std::string fingerprint;
  std::string suppression;  // kind, or empty
};

std::vector<SarifResult> sarif_results(const std::string& text) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(text);
  std::vector<SarifResult> out;
  for (simdjson::dom::element result : doc["runs"].at(0)["results"].get_array()) {
    SarifResult r;
    r.rule = std::string(std::string_view(result["ruleId"]));
    std::string_view state;
    if (result["baselineState"].get(state) == simdjson::SUCCESS) r.state = state;
    r.fingerprint =
        std::string(std::string_view(result["partialFingerprints"]["reachlintIdentity/v1"]));
    simdjson::dom::array suppressions;
    if (result["suppressions"].get(suppressions) == simdjson::SUCCESS)
      r.suppression = std::string(std::string_view(suppressions.at(0)["kind"]));
    out.push_back(std::move(r));
  }
  return out;
}

size_t count_state(const std::vector<SarifResult>& results, const std::string& state) {
  return static_cast<size_t>(std::count_if(results.begin(), results.end(),
                                           [&](const SarifResult& r) { return r.state == state; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(triage)

BOOST_AUTO_TEST_CASE(a_baseline_of_the_same_run_leaves_nothing_new) {
  const ScratchDir scratch;
  const std::string input = fixture("RL103-min-bad/template.json");
  const auto first =
      run_cli({"--no-config", "-q", "--write-baseline", scratch.path("base.sarif"), input});
  BOOST_TEST(first.exit == 1);
  const auto again = run_cli({"--no-config", "--baseline", scratch.path("base.sarif"), input});
  BOOST_TEST(again.exit == 0, again.out << again.err);
  BOOST_TEST(again.out.find("2 unchanged since the baseline") != std::string::npos, again.out);
  const auto sarif =
      run_cli({"--no-config", "-f", "sarif", "--baseline", scratch.path("base.sarif"), input});
  const auto results = sarif_results(sarif.out);
  BOOST_TEST(results.size() == 2u);
  BOOST_TEST(count_state(results, "unchanged") == 2u);
}

BOOST_AUTO_TEST_CASE(new_and_absent_results_against_a_baseline) {
  const ScratchDir scratch;
  run_cli({"--no-config", "-q", "--write-baseline", scratch.path("base.sarif"),
           fixture("RL101-min-bad/template.json"), fixture("RL102-min-bad/template.json")});
  const std::vector<std::string> now = {"--no-config", "--baseline", scratch.path("base.sarif"),
                                        fixture("RL101-min-bad/template.json"),
                                        fixture("RL103-min-bad/template.json")};
  const auto text = run_cli(now);
  BOOST_TEST(text.exit == 1);  // the RL103 findings are new
  BOOST_TEST(text.out.find("1 unchanged since the baseline, 1 fixed since the baseline") !=
                 std::string::npos,
             text.out);
  std::vector<std::string> as_sarif = now;
  as_sarif.insert(as_sarif.begin(), {"-f", "sarif"});
  const auto results = sarif_results(run_cli(as_sarif).out);
  BOOST_TEST(count_state(results, "unchanged") == 1u);
  BOOST_TEST(count_state(results, "new") == 2u);
  BOOST_TEST(count_state(results, "absent") == 1u);
  for (const SarifResult& r : results) {
    if (r.state == "absent") BOOST_TEST(r.rule == "RL102");
  }
}

BOOST_AUTO_TEST_CASE(fingerprints_survive_moved_lines) {
  const ScratchDir scratch;
  const std::string original = read_file(fixture("RL103-min-bad/template.json"));
  write_file(scratch.path("template.json"), "\n\n\n" + original);
  const auto before = sarif_results(
      run_cli({"--no-config", "-f", "sarif", "template.json"}, fixture("RL103-min-bad")).out);
  const auto after =
      sarif_results(run_cli({"--no-config", "-f", "sarif", "template.json"}, scratch.dir()).out);
  BOOST_TEST_REQUIRE(before.size() == after.size());
  for (size_t i = 0; i < before.size(); ++i)
    BOOST_TEST(before[i].fingerprint == after[i].fingerprint);
}

BOOST_AUTO_TEST_CASE(the_same_logical_ids_in_two_templates_are_two_findings) {
  const ScratchDir scratch;
  fs::copy_file(fixture("RL103-min-bad/template.json"), scratch.path("other.json"));
  const auto results =
      sarif_results(run_cli({"--no-config", "-f", "sarif", fixture("RL103-min-bad/template.json"),
                             scratch.path("other.json")})
                        .out);
  BOOST_TEST_REQUIRE(results.size() == 4u);
  std::set<std::string> prints;
  for (const SarifResult& r : results) prints.insert(r.fingerprint);
  BOOST_TEST(prints.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_baseline_that_cannot_be_read_is_an_error) {
  const ScratchDir scratch;
  write_file(scratch.path("broken.sarif"), "{\"runs\": [");
  const auto run = run_cli({"--no-config", "--baseline", scratch.path("broken.sarif"),
                            fixture("RL103-min-bad/template.json")});
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(run.err.find("broken.sarif") != std::string::npos, run.err);
  const auto missing = run_cli({"--no-config", "--baseline", scratch.path("none.sarif"),
                                fixture("RL103-min-bad/template.json")});
  BOOST_TEST(missing.exit == 2);
}

BOOST_AUTO_TEST_CASE(suppressed_findings_are_hidden_in_text_and_kept_in_sarif) {
  const std::string dir = fixture("suppress-inline-template");
  const auto text = run_cli({"--no-config", "template.json"}, dir);
  BOOST_TEST(text.exit == 0);
  BOOST_TEST(text.out.find("[RL101]") == std::string::npos, text.out);
  BOOST_TEST(text.out.find("1 suppressed") != std::string::npos, text.out);
  const auto shown = run_cli({"--no-config", "--show-suppressed", "template.json"}, dir);
  BOOST_TEST(shown.out.find("[RL101]") != std::string::npos, shown.out);
  BOOST_TEST(shown.out.find("suppressed: peering is being replaced") != std::string::npos);
  const auto results =
      sarif_results(run_cli({"--no-config", "-f", "sarif", "template.json"}, dir).out);
  BOOST_TEST_REQUIRE(results.size() == 1u);
  BOOST_TEST(results[0].suppression == "inSource");
}

BOOST_AUTO_TEST_CASE(configured_levels_change_findings_and_the_exit_status) {
  const ScratchDir scratch;
  write_file(scratch.path("reachlint.toml"), "[rules.levels]\nRL103 = \"warning\"\n");
  const std::string input = fixture("RL103-min-bad/template.json");
  const auto run = run_cli({"--config", scratch.path("reachlint.toml"), "-f", "json", input});
  BOOST_TEST(run.exit == 0);
  BOOST_TEST(run.out.find("\"level\": \"warning\"") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("\"level\": \"error\"") == std::string::npos, run.out);
  write_file(scratch.path("bad.toml"), "[rules.levels]\nRL13 = \"warning\"\n");
  const auto bad = run_cli({"--config", scratch.path("bad.toml"), input});
  BOOST_TEST(bad.exit == 2);
  BOOST_TEST(bad.err.find("bad.toml:2:1") != std::string::npos, bad.err);
}

BOOST_AUTO_TEST_CASE(category_sets_the_automation_id) {
  for (const std::string category : {"reachlint/prod", "reachlint/prod/"}) {
    const auto run = run_cli({"--no-config", "-f", "sarif", "--category", category,
                              fixture("RL103-min-bad/template.json")});
    simdjson::dom::parser parser;
    const std::string_view id = parser.parse(run.out)["runs"].at(0)["automationDetails"]["id"];
    BOOST_TEST(id == "reachlint/prod/");
  }
}

BOOST_AUTO_TEST_SUITE_END()
