#include <filesystem>

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "support.h"

using reachlint::test::fixture;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(exit_codes_follow_the_fail_level) {
  const std::string seed = fixture("corpus-seed-as-is/template.json");
  const std::string ok = fixture("corpus-tgw-ok/template.json");
  BOOST_TEST(run_cli({"--no-config", ok}).exit == 0);
  BOOST_TEST(run_cli({"--no-config", seed}).exit == 1);
  BOOST_TEST(run_cli({"--no-config", "--fail-level", "none", seed}).exit == 0);
  // RL301's warning alone: error level passes, warning level fails.
  BOOST_TEST(run_cli({"--no-config", "--select", "RL301", seed}).exit == 0);
  BOOST_TEST(run_cli({"--no-config", "--select", "RL301", "--fail-level", "warning", seed}).exit ==
             1);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2_with_a_hint) {
  const auto unknown = run_cli({"--formt", "json", "x"});
  BOOST_TEST(unknown.exit == 2);
  BOOST_TEST(unknown.err.find("did you mean '--format'") != std::string::npos, unknown.err);
  BOOST_TEST(run_cli({}).exit == 2);
  BOOST_TEST(run_cli({"--select", "RL999", fixture("corpus-tgw-ok/template.json")}).exit == 2);
  BOOST_TEST(run_cli({"-f", "yaml", "x"}).exit == 2);
  const auto missing = run_cli({"--no-config", "no/such/file.json"});
  BOOST_TEST(missing.exit == 2);
  BOOST_TEST(missing.err == "no/such/file.json: error: cannot open: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(shards_split_the_file_systems_and_refuse_bad_numbers) {
  for (const char* bad : {"0/2", "3/2", "2", "a/b", "1/0", "1/2x"}) {
    const auto run = run_cli({"--shard", bad, fixture("corpus-tgw-ok/template.json")});
    BOOST_TEST(run.exit == 2, bad);
    BOOST_TEST(run.err.find("--shard needs K/N with 1 <= K <= N") != std::string::npos, run.err);
  }
  // One file system: in exactly one of two shards; the other checks none and reports nothing.
  const std::string seed = fixture("corpus-seed-as-is/template.json");
  const auto first = run_cli({"--no-config", "--shard", "1/2", seed});
  const auto second = run_cli({"--no-config", "--shard", "2/2", seed});
  BOOST_TEST(first.exit + second.exit == 1);
  const auto& empty = first.exit == 0 ? first : second;
  BOOST_TEST(empty.out.find("no problems in 0 file systems checked") != std::string::npos,
             empty.out);
  BOOST_TEST(run_cli({"merge-sarif"}).exit == 2);
}

BOOST_AUTO_TEST_CASE(parameter_values_on_the_command_line) {
  const std::string tmpl = fixture("params-account-good/new-fs.template.json");
  const std::string exported = fixture("params-account-good/export");
  const auto given = run_cli(
      {"--no-config", "--parameters", "FsxVpcId=vpc-c3ebcc128c93f6b36", "--parameters",
       "FsxSubnetIds=subnet-20dac5557d9619a74,subnet-e3ff1729983b012af", "--parameters",
       "FsxRouteTableIds=rtb-3efea1ec1013ae193,rtb-814de136548c0c11b@new-fs", exported, tmpl});
  BOOST_TEST(given.exit == 0, given.err);
  BOOST_TEST(given.out.find("2 file systems checked (0 notices)") != std::string::npos, given.out);
  const auto undeclared = run_cli({"--no-config", "--parameters", "Nope=1", tmpl});
  BOOST_TEST(undeclared.exit == 2);
  BOOST_TEST(undeclared.err.find("--parameters Nope=1: parameter 'Nope' is declared by no "
                                 "template") != std::string::npos,
             undeclared.err);
  const auto other_stack =
      run_cli({"--no-config", "--parameters", "FsxVpcId=vpc-1@Elsewhere", tmpl});
  BOOST_TEST(other_stack.err.find("no template of stack 'Elsewhere' is among the inputs") !=
                 std::string::npos,
             other_stack.err);
  const auto missing = run_cli({"--no-config", "--parameters", "missing.json", tmpl});
  BOOST_TEST(missing.exit == 2);
  BOOST_TEST(missing.err.find("no such parameter file, and not KEY=VALUE") != std::string::npos,
             missing.err);
}

BOOST_AUTO_TEST_CASE(help_version_and_rules) {
  BOOST_TEST(run_cli({"--help"}).out.find("usage: reachlint") == 0u);
  BOOST_TEST(run_cli({"--version"}).out.find("reachlint ") == 0u);
  const auto catalogue = run_cli({"rules"});
  BOOST_TEST(catalogue.exit == 0);
  BOOST_TEST(catalogue.out.find("RL101") != std::string::npos);
  BOOST_TEST(catalogue.out.find("RL302") != std::string::npos);
  const auto page = run_cli({"rules", "RL106"});
  BOOST_TEST(page.out.find("RL106: route-table-not-associated\n") == 0u);  // for a terminal
  BOOST_TEST(page.out.find("\nUse instead\n") != std::string::npos);
  BOOST_TEST(run_cli({"rules", "RL000"}).exit == 2);
}

BOOST_AUTO_TEST_CASE(sarif_has_the_essentials) {
  const auto result =
      run_cli({"--no-config", "-f", "sarif", "--srcroot", reachlint::test::source_dir(),
               fixture("corpus-seed-as-is/template.json")});
  BOOST_TEST(result.exit == 1);
  simdjson::dom::parser parser;
  simdjson::dom::element sarif;
  BOOST_REQUIRE(parser.parse(result.out).get(sarif) == simdjson::SUCCESS);
  BOOST_TEST(std::string_view(sarif["version"]) == "2.1.0");
  simdjson::dom::element run = sarif["runs"].at(0);
  BOOST_TEST(simdjson::dom::array(run["tool"]["driver"]["rules"]).size() == 10u);
  for (simdjson::dom::element r : simdjson::dom::array(run["results"])) {
    const int64_t index = r["ruleIndex"];
    BOOST_TEST(std::string_view(run["tool"]["driver"]["rules"].at(
                   static_cast<size_t>(index))["id"]) == std::string_view(r["ruleId"]));
    simdjson::dom::element region = r["locations"].at(0)["physicalLocation"]["region"];
    BOOST_TEST(int64_t(region["startLine"]) > 1);
    BOOST_TEST(std::string_view(r["locations"].at(
                   0)["physicalLocation"]["artifactLocation"]["uriBaseId"]) == "%SRCROOT%");
  }
}

BOOST_AUTO_TEST_CASE(config_file_selects_and_declares) {
  const std::string dir = reachlint::test::source_dir() + "/build-test-config";
  std::filesystem::create_directories(dir);
  reachlint::test::write_file(dir + "/bad.toml", "[rules]\nselct = [\"RL1\"]\n");
  const auto bad = run_cli({"--config", "bad.toml", fixture("corpus-tgw-ok/template.json")}, dir);
  BOOST_TEST(bad.exit == 2);
  BOOST_TEST(
      bad.err.find("bad.toml:2:1: error: unknown key 'selct' in [rules]; did you mean 'select'?") !=
          std::string::npos,
      bad.err);
  reachlint::test::write_file(dir + "/v4.toml",
                              "[protocols]\nnfs = \"v4\"\n[rules]\nselect = [\"RL3\"]\n");
  BOOST_TEST(run_cli({"--config", "v4.toml", "--fail-level", "warning",
                      fixture("RL301-cdk-tcponly/template.json")},
                     dir)
                 .exit == 0);
  reachlint::test::write_file(dir + "/client.toml", "[[client]]\nsubnet = \"NoSuchSubnet\"\n");
  const auto client =
      run_cli({"--config", "client.toml", fixture("corpus-tgw-ok/template.json")}, dir);
  BOOST_TEST(client.exit == 2);
  BOOST_TEST(client.err.find("client.toml:2:10: error: client 'NoSuchSubnet' matches no subnet") !=
                 std::string::npos,
             client.err);
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(output_file) {
  const std::string path = reachlint::test::source_dir() + "/build-test-output.json";
  const auto result =
      run_cli({"--no-config", "-f", "json", "-o", path, fixture("corpus-peering/template.json")});
  BOOST_TEST(result.exit == 1);
  BOOST_TEST(result.out.empty());
  BOOST_TEST(reachlint::test::read_file(path).find("\"rule\": \"RL101\"") != std::string::npos);
  std::filesystem::remove(path);
}

// The model's stacks hold the export's account and region first: a template's resources name
// their own stack after them, not the stack of the same position.
BOOST_AUTO_TEST_CASE(a_template_read_with_an_export_names_its_own_stack) {
  const auto run =
      run_cli({"--no-config", "--format", "json", "."}, fixture("account-template-bad"));
  BOOST_TEST(run.exit == 1, run.err);
  BOOST_TEST(run.out.find("\"stack\": \"new-fs\"") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("\"stack\": null") == std::string::npos, run.out);
}

BOOST_AUTO_TEST_SUITE_END()
