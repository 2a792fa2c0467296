// Issue 14: one broken input does not hide the rest; ids that repeat across stacks are told
// apart; a run with nothing to check says so; file errors carry the operating system's reason.
// Part of the bad_inputs suite (bad_inputs_test.cpp holds the older half).
#include <filesystem>
#include <string>

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "support.h"

namespace fs = std::filesystem;
using reachlint::test::fixture;
using reachlint::test::lines_of;
using reachlint::test::read_file;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;
using reachlint::test::write_file;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A checked template with one RL103 finding beside a truncated one.
void good_and_broken(const ScratchDir& scratch) {
  fs::copy_file(fixture("RL103-min-bad/template.json"), scratch.path("good.json"));
  const std::string text = read_file(fixture("RL103-min-bad/template.json"));
  write_file(scratch.path("broken.json"), text.substr(0, text.size() / 2));
}

simdjson::dom::element parse(simdjson::dom::parser& parser, const std::string& text) {
  simdjson::dom::element root;
  BOOST_TEST_REQUIRE((parser.parse(text).get(root) == simdjson::SUCCESS), text);
  return root;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_inputs)

BOOST_AUTO_TEST_CASE(one_broken_input_does_not_hide_the_rest) {
  const ScratchDir scratch;
  good_and_broken(scratch);
  const auto text = run_cli({"--no-config", scratch.dir().string()});
  BOOST_TEST(text.exit == 2);  // some input was bad, whatever the findings
  BOOST_TEST(contains(text.out, "good.json:"), text.out);
  BOOST_TEST(contains(text.out, "[RL103]"), text.out);
  BOOST_TEST(contains(text.out, "; 1 input error: those inputs are not checked\n"), text.out);
  BOOST_TEST(!contains(text.out, "broken.json"), text.out);
  BOOST_TEST(contains(text.err, "broken.json:"), text.err);
  BOOST_TEST(contains(text.err, ": error: unexpected end of file"), text.err);

  const auto json = run_cli({"--no-config", "-f", "json", scratch.dir().string()});
  BOOST_TEST(json.exit == 2);
  simdjson::dom::parser parser;
  const simdjson::dom::element report = parse(parser, json.out);
  BOOST_TEST(report["findings"].get_array().size() > 0);
  BOOST_TEST(report["errors"].get_array().size() == 1);

  const auto sarif = run_cli({"--no-config", "-f", "sarif", scratch.dir().string()});
  BOOST_TEST(sarif.exit == 2);
  simdjson::dom::parser sarif_parser;
  const simdjson::dom::element log = parse(sarif_parser, sarif.out);
  const simdjson::dom::element run = log["runs"].at(0);
  BOOST_TEST(run["results"].get_array().size() > 0);
  BOOST_TEST(!bool(run["invocations"].at(0)["executionSuccessful"]));
}

BOOST_AUTO_TEST_CASE(nothing_to_check_is_said) {
  const ScratchDir scratch;
  write_file(scratch.path("bucket.json"),
             R"({"Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}})");
  const auto none = run_cli({"--no-config", scratch.path("bucket.json")});
  BOOST_TEST(none.exit == 0);  // right for pre-commit: nothing wrong
  BOOST_TEST(none.out == "no FSx file system found in 1 input (0 notices)\n", none.out);

  write_file(scratch.path("package.json"), R"({"name": "app", "version": "1.0.0"})");
  const auto skipped =
      run_cli({"--no-config", "--skip-unrecognised", scratch.path("package.json")});
  BOOST_TEST(skipped.exit == 0);
  BOOST_TEST(skipped.out == "no FSx file system found in 1 input (1 skipped) (0 notices)\n",
             skipped.out);
}

BOOST_AUTO_TEST_CASE(a_missing_path_has_no_invented_position) {
  const auto missing = run_cli({"--no-config", "no/such/file.json"});
  BOOST_TEST(missing.exit == 2);
  BOOST_TEST(missing.err == "no/such/file.json: error: cannot open: No such file or directory\n");
  const auto json = run_cli({"--no-config", "-f", "json", "no/such/file.json"});
  simdjson::dom::parser parser;
  const simdjson::dom::element location = parse(parser, json.out)["errors"].at(0)["location"];
  BOOST_TEST(std::string_view(location["uri"]) == "no/such/file.json");
  BOOST_TEST(location["line"].is_null());
}

BOOST_AUTO_TEST_CASE(binary_files_are_called_binary) {
  const ScratchDir scratch;
  write_file(scratch.path("image.json"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const auto asked = run_cli({"--no-config", scratch.path("image.json")});
  BOOST_TEST(asked.exit == 2);
  BOOST_TEST(contains(asked.err, "image.json: error: binary file, not a CloudFormation template"),
             asked.err);
  // Met in a directory walk beside a template, it is skipped with a notice.
  fs::copy_file(fixture("RL103-min-bad/template.json"), scratch.path("stack.json"));
  const auto walked = run_cli({"--no-config", scratch.dir().string()});
  BOOST_TEST(walked.exit == 1, walked.err);
  BOOST_TEST(contains(walked.out, "image.json: notice: skipped: not JSON (binary file"),
             walked.out);
}

BOOST_AUTO_TEST_CASE(skip_unrecognised_skips_dangling_links_silently) {
  const ScratchDir scratch;
  fs::copy_file(fixture("RL103-min-bad/template.json"), scratch.path("stack.json"));
  fs::create_symlink(scratch.path("gone.json"), scratch.path("dangling.json"));
  const auto walked = run_cli({"--no-config", "--skip-unrecognised", scratch.dir().string()});
  BOOST_TEST(walked.exit == 1, walked.err);
  BOOST_TEST(!contains(walked.out, "dangling"), walked.out);
  const auto asked = run_cli({"--no-config", "--skip-unrecognised", scratch.path("dangling.json"),
                              scratch.path("stack.json")});
  BOOST_TEST(asked.exit == 1, asked.err);
  BOOST_TEST(asked.err.empty(), asked.err);
  BOOST_TEST(!contains(asked.out, "dangling"), asked.out);
  // Without the option, the link is named for what it is.
  const auto plain = run_cli({"--no-config", scratch.path("dangling.json")});
  BOOST_TEST(contains(plain.err,
                      "dangling.json: error: cannot open: No such file or directory "
                      "(a symbolic link to nothing)"),
             plain.err);
}

BOOST_AUTO_TEST_CASE(file_errors_give_the_system_reason) {
  const std::string input = fixture("RL103-min-bad/template.json");
  const auto output = run_cli({"--no-config", "-o", "no/such/dir/out.txt", input});
  BOOST_TEST(output.exit == 2);
  BOOST_TEST(output.err ==
                 "reachlint: error: cannot write no/such/dir/out.txt: No such file or directory\n",
             output.err);
  const auto config = run_cli({"--config", "no/such.toml", input});
  BOOST_TEST(config.exit == 2);
  BOOST_TEST(contains(config.err,
                      "no/such.toml: error: the configuration file: cannot read "
                      "no/such.toml: No such file or directory"),
             config.err);
  const auto baseline = run_cli({"--no-config", "--baseline", "no/such.sarif", input});
  BOOST_TEST(baseline.exit == 2);
  BOOST_TEST(contains(baseline.err, "cannot read no/such.sarif: No such file or directory"),
             baseline.err);
  const auto merge = run_cli({"merge-sarif", "no/such.sarif"});
  BOOST_TEST(merge.exit == 2);
  BOOST_TEST(contains(merge.err, "cannot read no/such.sarif: No such file or directory"),
             merge.err);
}

BOOST_AUTO_TEST_CASE(same_ids_in_two_stacks_are_told_apart) {
  const ScratchDir scratch;
  for (const char* folder : {"a", "b"}) {
    fs::create_directory(scratch.path(folder));
    fs::copy_file(fixture("RL301-cdk-bad/template.json"),
                  scratch.path(std::string(folder) + "/network.json"));
  }
  const auto text = run_cli({"--no-config", "--select", "RL301", "a", "b"}, scratch.dir().string());
  BOOST_TEST(text.exit == 1, text.err);
  BOOST_TEST(contains(text.out, "FileSystem (stack network, a/network.json; 1 finding):\n"),
             text.out);
  BOOST_TEST(contains(text.out, "FileSystem (stack network, b/network.json; 1 finding):\n"),
             text.out);
  const auto json =
      run_cli({"--no-config", "-f", "json", "--select", "RL301", "a"}, scratch.dir().string());
  simdjson::dom::parser parser;
  const simdjson::dom::element finding = parse(parser, json.out)["findings"].at(0);
  BOOST_TEST(std::string_view(finding["filesystem"]) == "FileSystem");
  BOOST_TEST(std::string_view(finding["stack"]) == "network");
  // One file system alone keeps its plain header.
  const auto one = run_cli({"--no-config", "--select", "RL301", "a"}, scratch.dir().string());
  BOOST_TEST(lines_of(one.out).front() == "FileSystem (1 finding):", one.out);
}

BOOST_AUTO_TEST_CASE(a_duplicate_export_names_both_files) {
  const ScratchDir scratch;
  for (const char* folder : {"a", "b"}) {
    fs::create_directory(scratch.path(folder));
    fs::copy_file(fixture("intrinsics-importvalue/network.json"),
                  scratch.path(std::string(folder) + "/network.json"));
  }
  const auto run = run_cli({"--no-config", "a", "b"}, scratch.dir().string());
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(contains(run.err, "b/network.json:"), run.err);
  BOOST_TEST(contains(run.err, "is also exported by stack network (a/network.json)"), run.err);
}

BOOST_AUTO_TEST_SUITE_END()
