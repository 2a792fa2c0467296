// The bad-input contract (issue 5) for what fixtures cannot hold: files that are not regular
// files, links that loop, inputs past the size limit, nesting 200,000 deep, numbers that overflow.
// Each gives exit 2 with path:line:column (the path alone when it is about the whole file), or a
// located notice with the rest still checked.
#include <sys/stat.h>
#include <unistd.h>

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

std::string nested(const std::string& open, const std::string& close, int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  for (int i = 0; i < depth; ++i) text += close;
  return text;
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

// `source` copied to a/NAME and b/NAME: two stacks of the same name in two folders.
void two_folders(const ScratchDir& scratch, const std::string& source, const std::string& name) {
  for (const char* folder : {"a", "b"}) {
    fs::create_directory(scratch.path(folder));
    fs::copy_file(fixture(source), scratch.path(std::string(folder) + "/" + name));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_inputs)

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_not_waited_on) {
  const ScratchDir scratch;
  BOOST_TEST_REQUIRE(mkfifo(scratch.path("pipe.json").c_str(), 0600) == 0);
  const auto asked = run_cli({"--no-config", scratch.path("pipe.json")});
  BOOST_TEST(asked.exit == 2);
  BOOST_TEST(contains(asked.err, "pipe.json: error: not a regular file"), asked.err);
  // Met in a directory walk, it is skipped with a notice and the rest is checked.
  fs::copy_file(fixture("RL103-min-bad/template.json"), scratch.path("stack.json"));
  const auto walked = run_cli({"--no-config", scratch.dir().string()});
  BOOST_TEST(walked.exit == 1);
  BOOST_TEST(contains(walked.out, "pipe.json: notice: skipped: not a regular file"), walked.out);
  BOOST_TEST(contains(walked.out, "[RL103]"), walked.out);
}

BOOST_AUTO_TEST_CASE(links_that_loop_or_dangle) {
  const ScratchDir scratch;
  fs::copy_file(fixture("RL103-min-bad/template.json"), scratch.path("stack.json"));
  fs::create_directory_symlink(scratch.dir(), scratch.path("loop"));
  fs::create_symlink(scratch.path("gone.json"), scratch.path("dangling.json"));
  const auto walked = run_cli({"--no-config", "-f", "json", scratch.dir().string()});
  BOOST_TEST(walked.exit == 1, walked.err);
  BOOST_TEST(contains(walked.out, "skipped: not a regular file"), walked.out);
  const auto asked = run_cli({"--no-config", scratch.path("dangling.json")});
  BOOST_TEST(asked.exit == 2);
  BOOST_TEST(contains(asked.err, "dangling.json: error: cannot open: No such file or directory"),
             asked.err);
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_read) {
  if (geteuid() == 0) return;  // root reads every file: nothing to test
  const ScratchDir scratch;
  write_file(scratch.path("secret.json"), "{}");
  fs::permissions(scratch.path("secret.json"), fs::perms::none);
  const auto run = run_cli({"--no-config", scratch.path("secret.json")});
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(contains(run.err, "secret.json: error: cannot open: Permission denied"), run.err);
}

BOOST_AUTO_TEST_CASE(inputs_over_the_size_limit) {
  const std::string input = fixture("RL103-min-bad/template.json");
  const auto run = run_cli({"--no-config", "--max-input-size", "1000", input});
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(contains(run.err, "template.json: error: file is "), run.err);
  BOOST_TEST(contains(run.err, "over the input size limit of 1000 bytes (--max-input-size)"),
             run.err);
  BOOST_TEST(run_cli({"--no-config", "--max-input-size", "0", input}).exit == 2);
}

BOOST_AUTO_TEST_CASE(nesting_200000_deep) {
  const ScratchDir scratch;
  write_file(scratch.path("template.json"), "{\"Resources\": " + nested("[", "]", 200000) + "}");
  const auto tmpl = run_cli({"--no-config", scratch.path("template.json")});
  BOOST_TEST(tmpl.exit == 2);
  BOOST_TEST(contains(tmpl.err, "template.json:1:"), tmpl.err);
  BOOST_TEST(contains(tmpl.err, "nesting is deeper than"), tmpl.err);
  // In an export, a deep value under a key reachlint does not read is skipped in one stride; the
  // record it sits in still gets its located notice.
  write_file(scratch.path("export.json"),
             "{\"Vpcs\": [{\"Tags\": " + nested("[", "]", 200000) + "}]}");
  const auto dump = run_cli({"--no-config", scratch.path("export.json")});
  BOOST_TEST(dump.exit == 0);
  BOOST_TEST(contains(dump.out, "export.json:1:11: notice: skipped VPC: it has no VpcId"),
             dump.out);
}

BOOST_AUTO_TEST_CASE(numbers_that_overflow) {
  const ScratchDir scratch;
  const std::string original = read_file(fixture("input-port-range/template.json"));
  for (const std::string number : {"99999999999999999999999", "1e400", "-9223372036854775809"}) {
    std::string text = original;
    text.replace(text.find("70000"), 5, number);
    write_file(scratch.path("template.json"), text);
    const auto run = run_cli({"--no-config", scratch.path("template.json")});
    BOOST_TEST(run.exit == 2, number);
    BOOST_TEST(contains(run.err, "template.json:93:61: error: "), number << ": " << run.err);
  }
}

// Issue 14: one broken input does not hide the rest; ids that repeat across stacks are told
// apart; a run with nothing to check says so; file errors carry the operating system's reason.
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

// A broken export listing leaves its folder out (a notice says so); a broken template beside the
// export loses no listing, and the export is still checked.
BOOST_AUTO_TEST_CASE(a_broken_file_beside_an_export) {
  const ScratchDir scratch;
  fs::copy(fixture("RL101-dump-bad/export"), scratch.path("export"));
  write_file(scratch.path("export/stack.json"), R"({"Resources": {"Vpc": )");
  const auto beside =
      run_cli({"--no-config", "--select", "RL101", "export"}, scratch.dir().string());
  BOOST_TEST(beside.exit == 2);
  BOOST_TEST(contains(beside.out, "[RL101]"), beside.out);
  BOOST_TEST(!contains(beside.out, "is not checked: without this file"), beside.out);
  BOOST_TEST(contains(beside.err, "export/stack.json:1:"), beside.err);

  fs::remove(scratch.path("export/stack.json"));
  const fs::path listing = scratch.path("export/ec2-describe-route-tables.json");
  BOOST_TEST_REQUIRE(fs::exists(listing));
  const std::string text = read_file(listing.string());
  write_file(listing.string(), text.substr(0, text.size() / 2));
  const auto lost = run_cli({"--no-config", "--select", "RL101", "export"}, scratch.dir().string());
  BOOST_TEST(lost.exit == 2);
  BOOST_TEST(!contains(lost.out, "[RL101]"), lost.out);
  BOOST_TEST(contains(lost.out,
                      "export/ec2-describe-route-tables.json: notice: the account export "
                      "in export/ is not checked: without this file it is incomplete"),
             lost.out);
}

// A declared client that may be in a broken input is a notice; the rest is still checked.
BOOST_AUTO_TEST_CASE(a_declared_client_in_a_broken_input) {
  const ScratchDir scratch;
  good_and_broken(scratch);
  const auto run =
      run_cli({"--no-config", "--client", "resource=ClientInBrokenStack", scratch.dir().string()});
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(contains(run.out, "[RL103]"), run.out);
  BOOST_TEST(contains(run.out, "notice: client 'ClientInBrokenStack' is not checked"), run.out);
  // Without a broken input it is the error it always was.
  fs::remove(scratch.path("broken.json"));
  const auto alone =
      run_cli({"--no-config", "--client", "resource=ClientInBrokenStack", scratch.dir().string()});
  BOOST_TEST(alone.exit == 2);
  BOOST_TEST(contains(alone.err, "matches no"), alone.err);
  BOOST_TEST(alone.out.empty(), alone.out);
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
  two_folders(scratch, "RL301-cdk-bad/template.json", "network.json");
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

// fixtures/client-ids-repeat: team-a and team-b each have an Instance in a ClientSubnet of a
// ClientVpc, both clients of shared's FileSystem; team-b has no route to it.
namespace {

std::vector<std::string> client_repeat_inputs(std::vector<std::string> options) {
  for (const char* file : {"shared.json", "team-a.json", "team-b.json"})
    options.push_back(fixture(std::string("client-ids-repeat/") + file));
  return options;
}

// The finding of `rule` (the only one of that rule).
simdjson::dom::element finding_of(simdjson::dom::element root, std::string_view rule) {
  for (simdjson::dom::element finding : root["findings"].get_array()) {
    if (std::string_view(finding["rule"]) == rule) return finding;
  }
  BOOST_FAIL("no " << rule << " finding");
  return {};
}

std::vector<std::string> strings_of(simdjson::dom::element array) {
  std::vector<std::string> out;
  for (simdjson::dom::element item : array.get_array())
    out.emplace_back(item.is_null() ? "null" : std::string(std::string_view(item)));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(clients_of_one_id_in_two_stacks_stay_two) {
  const auto run = run_cli(client_repeat_inputs({"--no-config", "-f", "json"}));
  BOOST_TEST(run.exit == 1, run.err);
  simdjson::dom::parser parser;
  const simdjson::dom::element root = parse(parser, run.out);
  // The shared security group breaks both: one finding, two clients, each named with its stack.
  const simdjson::dom::element shared = finding_of(root, "RL301");
  BOOST_TEST(shared["client"].is_null());
  BOOST_TEST(strings_of(shared["clients"]) == (std::vector<std::string>{"Instance", "Instance"}),
             boost::test_tools::per_element());
  BOOST_TEST(strings_of(shared["clientStacks"]) == (std::vector<std::string>{"team-a", "team-b"}),
             boost::test_tools::per_element());
  BOOST_TEST(contains(std::string(std::string_view(shared["message"])),
                      "(2 clients: team-a/Instance, team-b/Instance)"));
  // team-b's own route table breaks team-b's Instance alone.
  const simdjson::dom::element own = finding_of(root, "RL102");
  BOOST_TEST(std::string_view(own["client"]) == "Instance");
  BOOST_TEST(std::string_view(own["clientStack"]) == "team-b");
  BOOST_TEST(std::string_view(own["location"]["uri"]).ends_with("team-b.json"));
  BOOST_TEST(std::string_view(own["message"]).ends_with("(client team-b/Instance)"));
}

BOOST_AUTO_TEST_CASE(an_id_of_one_stack_is_written_as_it_is) {
  const auto run = run_cli({"--no-config", "-f", "json", fixture("client-ids-repeat/shared.json"),
                            fixture("client-ids-repeat/team-b.json")});
  BOOST_TEST(run.exit == 1, run.err);
  simdjson::dom::parser parser;
  const simdjson::dom::element own = finding_of(parse(parser, run.out), "RL102");
  BOOST_TEST(std::string_view(own["message"]).ends_with("(client Instance)"));
  BOOST_TEST(std::string_view(own["clientStack"]) == "team-b");
}

BOOST_AUTO_TEST_CASE(a_client_is_declared_in_one_stack_by_stack_slash_id) {
  // The old syntax still names the Instance of every stack.
  const auto both = run_cli(client_repeat_inputs({"--no-config", "--client", "instance=Instance"}));
  BOOST_TEST(both.exit == 1, both.err);
  BOOST_TEST(contains(both.out, "(2 clients: team-a/Instance, team-b/Instance) [RL301]"), both.out);
  BOOST_TEST(contains(both.out, "(client team-b/Instance) [RL102]"), both.out);
  // STACK/ID names one: team-a's Instance has a route, so only the security group is left.
  const auto one = run_cli(
      client_repeat_inputs({"--no-config", "-f", "json", "--client", "instance=team-a/Instance"}));
  BOOST_TEST(one.exit == 1, one.err);
  simdjson::dom::parser parser;
  const simdjson::dom::element root = parse(parser, one.out);
  BOOST_TEST(root["findings"].get_array().size() == 1u, one.out);
  const simdjson::dom::element finding = finding_of(root, "RL301");
  BOOST_TEST(std::string_view(finding["client"]) == "team-a/Instance");  // as declared
  BOOST_TEST(std::string_view(finding["clientStack"]) == "team-a");
  // A stack without that id is an error, as an id that names nothing is.
  const auto none =
      run_cli(client_repeat_inputs({"--no-config", "--client", "instance=team-c/Instance"}));
  BOOST_TEST(none.exit == 2);
  BOOST_TEST(contains(none.err, "client 'team-c/Instance' matches no instance in the inputs"),
             none.err);
  // explain --from takes the same: team-b's Instance cannot connect, team-a's can (but for 2049).
  const auto traced = run_cli(client_repeat_inputs(
      {"explain", "--no-config", "--from", "team-b/Instance", "--to", "FileSystem"}));
  BOOST_TEST(traced.exit == 1, traced.err);
  BOOST_TEST(contains(traced.out, "RL102"), traced.out);
}

BOOST_AUTO_TEST_CASE(two_broken_resources_of_one_id_are_two_findings) {
  // team-a as team-b, without the route: each stack's ClientRouteTable is broken.
  const ScratchDir scratch;
  for (const char* file : {"shared.json", "team-b.json"})
    fs::copy_file(fixture(std::string("client-ids-repeat/") + file), scratch.path(file));
  std::string team_a = read_file(fixture("client-ids-repeat/team-b.json"));
  for (size_t at = team_a.find("10.2."); at != std::string::npos; at = team_a.find("10.2.", at))
    team_a.replace(at, 5, "10.1.");
  write_file(scratch.path("team-a.json"), team_a);
  const std::vector<std::string> inputs = {"shared.json", "team-a.json", "team-b.json"};
  std::vector<std::string> args = {"--no-config", "--select", "RL102"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  const auto text = run_cli(args, scratch.dir().string());
  BOOST_TEST(text.exit == 1, text.err);
  BOOST_TEST(contains(text.out,
                      "team-a.json:28:5: error: no route to file system FileSystem: "
                      "ClientRouteTable has no route to 10.0.255.240/28 (client "
                      "team-a/Instance) [RL102]"),
             text.out);
  BOOST_TEST(contains(text.out,
                      "team-b.json:28:5: error: no route to file system FileSystem: "
                      "ClientRouteTable has no route to 10.0.255.240/28 (client "
                      "team-b/Instance) [RL102]"),
             text.out);
  // Two alerts in code scanning: their fingerprints differ.
  args.insert(args.begin(), {"-f", "sarif"});
  const auto sarif = run_cli(args, scratch.dir().string());
  simdjson::dom::parser parser;
  std::vector<std::string> fingerprints;
  for (simdjson::dom::element result :
       parse(parser, sarif.out)["runs"].at(0)["results"].get_array())
    fingerprints.emplace_back(
        std::string_view(result["partialFingerprints"]["reachlintIdentity/v1"]));
  BOOST_TEST_REQUIRE(fingerprints.size() == 2u, sarif.out);
  BOOST_TEST(fingerprints[0] != fingerprints[1]);
}

BOOST_AUTO_TEST_CASE(a_duplicate_export_names_both_files) {
  const ScratchDir scratch;
  two_folders(scratch, "intrinsics-importvalue/network.json", "network.json");
  const auto run = run_cli({"--no-config", "a", "b"}, scratch.dir().string());
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(contains(run.err, "b/network.json:"), run.err);
  BOOST_TEST(contains(run.err, "is also exported by stack network (a/network.json)"), run.err);
}

BOOST_AUTO_TEST_SUITE_END()
