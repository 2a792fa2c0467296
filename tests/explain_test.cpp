// `reachlint explain` as a user runs it: one case per direction and kind of failure, on the
// fixtures' inputs. Each case's whole text output is a golden file in tests/explain/ (checked by
// hand; REACHLINT_UPDATE_EXPECTED=1 rewrites them for review in the diff), and the parts a user
// acts on are asserted on their own: the exit status, the broken hop's rule on the hop's line, the
// legs in packet order, the verdict last.
#include <algorithm>
#include <filesystem>

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "support.h"

using reachlint::test::lines_of;
using reachlint::test::run_cli;

namespace {

struct Case {
  const char* name;  // tests/explain/<name>.txt
  const char* input;
  const char* from;
  const char* to;
  int exit;
  const char* broken;  // the resource of a broken hop; "": none, or the file system itself
  const char* rule;    // the rule named on that hop's line
  const char* leg;     // the heading the broken hop is under
  const char* reach;   // the verdict's words
};

const Case kCases[] = {
    {"client-route-missing", "RL102-dump-bad/export", "i-e9668e91808ded59e", "fs-da47c4cf", 1,
     "rtb-c6ea8681d5499aab0", "[RL102 error]", "request", "cannot reach"},
    {"tgw-route-wrong-attachment", "RL102-tgw-static-wrong-attachment/template.json",
     "ClientInstance", "FileSystem", 1, "TgwRouteTable", "[RL102 error]", "request",
     "cannot reach"},
    {"every-broken-hop", "dump-every-broken-hop/export", "i-e9668e91808ded59e", "fs-da47c4cf", 1,
     "tgw-rtb-6d41dda33dd6fd8a2", "[RL102 error]", "request", "cannot reach"},
    {"entry-table-not-listed", "RL106-min-bad/template.json", "ClientInstance", "FileSystem", 1,
     "FsxTgwRouteTable", "[RL106 error]", "request", "cannot reach"},
    {"client-acl-out", "RL302-min-bad/template.json", "ClientInstance", "FileSystem", 1,
     "ClientNetworkAcl", "[RL302 error]", "request", "cannot reach"},
    {"attachment-acl-in", "RL302-tgw-subnet-empty-nacl/template.json", "ClientInstance",
     "FileSystem", 1, "ClientTgwNetworkAcl", "[RL302 error]", "request", "cannot reach"},
    {"standby-acl", "RL302-dump-floating-ip/export", "i-e9668e91808ded59e", "fs-da47c4cf", 1,
     "acl-7c9e1b3d5f0a24686", "[RL302 error]", "request", "cannot reach"},
    {"fs-acl-replies-out", "RL302-dump-bad/export", "i-e9668e91808ded59e", "fs-da47c4cf", 1,
     "acl-7c9e1b3d5f0a24686", "[RL302 error]", "reply from the preferred subnet", "cannot reach"},
    {"fs-group-ingress", "RL301-min-bad/template.json", "ClientInstance", "FileSystem", 1,
     "FsxSecurityGroup", "[RL301 error]", "request", "cannot reach"},
    {"client-group-egress", "RL301-cdk-egress/template.json", "InstanceC1063A87", "FileSystem", 1,
     "Ec2SgF43886FE", "[RL301 error]", "request", "cannot reach"},
    {"reply-routes-missing", "RL103-min-bad/template.json", "ClientInstance", "FileSystem", 1,
     "FsxRouteTableA", "[RL103 error]", "reply from the preferred subnet", "cannot reach"},
    {"standby-reply-missing", "RL103-cdk-standby/template.json", "InstanceC1063A87", "FileSystem",
     1, "FsxVpcPrivateSubnet2RouteTableC6A545C9", "[RL103 error]", "reply from the standby subnet",
     "not after a failover"},
    {"peering", "RL101-min-bad/template.json", "ClientInstance", "FileSystem", 1,
     "ClientRouteTable", "[RL101 error]", "request", "cannot reach"},
    {"range-outside-vpc", "RL104-min-bad/template.json", "ClientInstance", "FileSystem", 1,
     "TgwRouteTable", "[RL104 error]", "request", "cannot reach"},
    {"range-overlaps-subnet", "RL105-min-bad/template.json", "ClientInstance", "FileSystem", 1, "",
     "[RL105 error]", "the file system FileSystem itself",
     "cannot reach FileSystem: 1 problem of the file system itself (RL105)"},
    {"onprem-range-outside-vpc", "RL104-dump-onprem-vpn-outside-range/export", "192.168.10.0/24",
     "fs-da47c4cf", 1, "tgw-rtb-6d41dda33dd6fd8a2", "[RL104 error]", "request", "cannot reach"},
    {"nfsv3-only", "RL301-dump-udp/export", "i-e9668e91808ded59e", "fs-da47c4cf", 1,
     "sg-5373cca7f3f28aaca", "[RL301 warning]", "request",
     "over NFSv4.x (TCP 2049) only; NFSv3 fails"},
    {"undecided", "dump-target-appliance/export", "i-e9668e91808ded59e", "fs-da47c4cf", 0, "", "",
     "", "cannot be told statically: 1 hop not evaluated"},
    {"connects", "RL102-dump-good/export", "i-e9668e91808ded59e", "fs-da47c4cf", 0, "", "", "",
     "and the replies come back, before and after a failover"},
};

std::string golden_path(const std::string& name) {
  return reachlint::test::source_dir() + "/tests/explain/" + name + ".txt";
}

// The index of the first line that contains `text` at or after `from`; npos when none does.
size_t line_with(const std::vector<std::string>& lines, const std::string& text, size_t from = 0) {
  for (size_t i = from; i < lines.size(); ++i) {
    if (lines[i].find(text) != std::string::npos) return i;
  }
  return std::string::npos;
}

bool is_heading(const std::string& line) {
  return line == "request" || line.starts_with("reply from ") ||
         (line.starts_with("the file system ") && line.ends_with(" itself"));
}

// The heading above line `at`.
std::string heading_above(const std::vector<std::string>& lines, size_t at) {
  for (size_t i = at + 1; i-- > 0;) {
    if (is_heading(lines[i])) return lines[i];
  }
  return "(none)";
}

void check_case(const Case& c) {
  // Relative to the repository, as the golden files show the paths.
  const auto run = run_cli({"explain", "--no-config", "--from", c.from, "--to", c.to,
                            std::string("fixtures/") + c.input},
                           reachlint::test::source_dir());
  BOOST_TEST(run.exit == c.exit, c.name << ": " << run.err);
  BOOST_TEST(run.err.empty(), c.name << ": " << run.err);
  const std::vector<std::string> lines = lines_of(run.out);
  BOOST_TEST_REQUIRE(!lines.empty(), c.name);
  // The verdict is the last line, and says what the case is about.
  BOOST_TEST(lines.back().starts_with("verdict: "), c.name << ": " << lines.back());
  BOOST_TEST(lines.back().find(c.reach) != std::string::npos, c.name << ": " << lines.back());
  // The request comes first, then the reply from the preferred subnet, then the standby one.
  const size_t request = line_with(lines, "request");
  const size_t preferred = line_with(lines, "reply from the preferred subnet");
  const size_t standby = line_with(lines, "reply from the standby subnet");
  BOOST_TEST(request != std::string::npos, c.name);
  if (preferred != std::string::npos) BOOST_TEST(request < preferred, c.name);
  if (standby != std::string::npos) BOOST_TEST(preferred < standby, c.name);
  // Exit 0 says no hop fails; exit 1 names the rule on a failing hop's line under its leg.
  const size_t failing = line_with(lines, "  fail ");
  if (c.exit == 0) {
    BOOST_TEST(failing == std::string::npos, c.name << ": a hop fails");
  } else {
    // A broken hop, or (no resource named) an error of the file system itself.
    const std::string start = *c.broken ? std::string("  fail    ") + c.broken : "  error   ";
    size_t hop = line_with(lines, start);
    while (hop != std::string::npos && lines[hop].find(c.rule) == std::string::npos)
      hop = line_with(lines, start, hop + 1);
    BOOST_TEST_REQUIRE(hop != std::string::npos,
                       c.name << ": no failing hop " << c.broken << " " << c.rule);
    BOOST_TEST(heading_above(lines, hop).starts_with(c.leg), c.name << ": " << lines[hop]);
    BOOST_TEST(lines[hop + 1].starts_with("          fix: "), c.name << ": " << lines[hop + 1]);
  }
  const std::string path = golden_path(c.name);
  if (reachlint::test::update_expected()) {
    reachlint::test::write_file(path, run.out);
    return;
  }
  BOOST_TEST_REQUIRE(std::filesystem::exists(path),
                     c.name << ": no golden file (run with REACHLINT_UPDATE_EXPECTED=1)");
  BOOST_TEST(run.out == reachlint::test::read_file(path), c.name << ": differs from " << path
                                                                 << "\n--- actual\n"
                                                                 << run.out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(explain)

BOOST_AUTO_TEST_CASE(every_direction_and_kind_of_failure) {
  for (const Case& c : kCases) check_case(c);
}

// The documentation shows a golden output as it is.
BOOST_AUTO_TEST_CASE(the_documented_sample_is_current) {
  const std::string doc =
      reachlint::test::read_file(reachlint::test::source_dir() + "/docs/explain.md");
  const std::string sample = reachlint::test::read_file(golden_path("standby-reply-missing"));
  BOOST_TEST(doc.find("\n" + sample + "```\n") != std::string::npos,
             "docs/explain.md does not show tests/explain/standby-reply-missing.txt");
}

BOOST_AUTO_TEST_CASE(names_that_match_nothing_get_a_hint_and_exit_2) {
  const std::string tmpl = "fixtures/RL106-min-bad/template.json";
  const std::string root = reachlint::test::source_dir();
  const auto typo = run_cli(
      {"explain", "--no-config", "--from", "ClientInstanse", "--to", "FileSystem", tmpl}, root);
  BOOST_TEST(typo.exit == 2);
  BOOST_TEST(typo.out.empty());
  BOOST_TEST(typo.err.find("--from 'ClientInstanse' matches no subnet, instance or VPC in the "
                           "inputs; did you mean 'ClientInstance'?") != std::string::npos,
             typo.err);
  const auto far = run_cli(
      {"explain", "--no-config", "--from", "subnet=Elsewhere", "--to", "FileSystem", tmpl}, root);
  BOOST_TEST(far.exit == 2);
  BOOST_TEST(far.err.find("--from 'Elsewhere' matches no subnet in the inputs; the inputs have "
                          "ClientSubnetA, FsxSubnetA, FsxSubnetB, FsxTgwSubnetA, FsxTgwSubnetB") !=
                 std::string::npos,
             far.err);
  const auto no_fs =
      run_cli({"explain", "--no-config", "--from", "ClientInstance", "--to", "Nope", tmpl}, root);
  BOOST_TEST(no_fs.exit == 2);
  BOOST_TEST(no_fs.err.find("--to 'Nope' matches no file system in the inputs; the inputs have "
                            "FileSystem") != std::string::npos,
             no_fs.err);
  const auto close_fs = run_cli(
      {"explain", "--no-config", "--from", "ClientInstance", "--to", "FileSystems", tmpl}, root);
  BOOST_TEST(close_fs.err.find("did you mean 'FileSystem'?") != std::string::npos, close_fs.err);
}

BOOST_AUTO_TEST_CASE(bad_input_and_other_formats_exit_2) {
  const std::string root = reachlint::test::source_dir();
  const auto truncated = run_cli({"explain", "--no-config", "--from", "ClientInstance", "--to",
                                  "FileSystem", "fixtures/input-truncated/template.json"},
                                 root);
  BOOST_TEST(truncated.exit == 2);
  BOOST_TEST(truncated.err.starts_with("fixtures/input-truncated/template.json:"), truncated.err);
  // JSON still says the run failed, and where.
  const auto as_json = run_cli({"explain", "-f", "json", "--no-config", "--from", "ClientInstance",
                                "--to", "FileSystem", "fixtures/input-truncated/template.json"},
                               root);
  BOOST_TEST(as_json.exit == 2);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  BOOST_TEST_REQUIRE(!parser.parse(as_json.out).get(doc), as_json.out);
  BOOST_TEST(doc["traces"].get_array().value().size() == 0u);
  BOOST_TEST(std::string_view(doc["errors"].at(0)["location"]["uri"].get_string().value()) ==
             "fixtures/input-truncated/template.json");
  const auto sarif = run_cli({"explain", "-f", "sarif", "--no-config", "--from", "ClientInstance",
                              "--to", "FileSystem", "fixtures/RL106-min-bad/template.json"},
                             root);
  BOOST_TEST(sarif.exit == 2);
  BOOST_TEST(sarif.err.find("explain writes text or json, not 'sarif'") != std::string::npos,
             sarif.err);
  // A file system reachlint does not check (FSx for Windows): the notice says why, and no trace.
  const auto windows = run_cli({"explain", "--no-config", "--from", "ClientInstance", "--to",
                                "FileSystem", "fixtures/RL101-windows-multiaz/template.json"},
                               root);
  BOOST_TEST(windows.exit == 2);
  BOOST_TEST(windows.out.find("notice: FileSystem is not checked") != std::string::npos,
             windows.out);
  BOOST_TEST(windows.err.find("no trace from 'ClientInstance' to 'FileSystem' could be walked") !=
                 std::string::npos,
             windows.err);
  const auto missing_to = run_cli({"explain", "--from", "ClientInstance", "x.json"}, root);
  BOOST_TEST(missing_to.exit == 2);
}

// A pattern that names two file systems: one trace each, each with its verdict, and a count.
BOOST_AUTO_TEST_CASE(several_matches_give_one_trace_each) {
  const auto run = run_cli({"explain", "--no-config", "--from", "ClientInstance", "--to",
                            ".*FileSystem", "fixtures/RL105-two-fs-overlap/template.json"},
                           reachlint::test::source_dir());
  BOOST_TEST(run.exit == 0, run.err);
  const std::vector<std::string> lines = lines_of(run.out);
  const auto starts = [&](const std::string& prefix) {
    return std::count_if(lines.begin(), lines.end(),
                         [&](const std::string& line) { return line.starts_with(prefix); });
  };
  BOOST_TEST(starts("ClientInstance (10.1.0.0/24) -> FileSystem (") == 1);
  BOOST_TEST(starts("ClientInstance (10.1.0.0/24) -> ScratchFileSystem (") == 1);
  BOOST_TEST(starts("verdict: ") == 2);
  BOOST_TEST(lines.back() == "2 pairs traced: 0 cannot connect, 2 can, 0 cannot be told");
}

// -f json holds what the text shows: the legs, each broken hop's rule, fix and the fixes it was
// found behind, the verdict; and exits alike.
BOOST_AUTO_TEST_CASE(json_has_the_same_content) {
  const std::vector<std::string> args = {"explain",
                                         "--no-config",
                                         "--from",
                                         "i-e9668e91808ded59e",
                                         "--to",
                                         "fs-da47c4cf",
                                         "fixtures/dump-every-broken-hop/export"};
  std::vector<std::string> json_args = args;
  json_args.insert(json_args.begin() + 1, {"-f", "json"});
  const auto text = run_cli(args, reachlint::test::source_dir());
  const auto json = run_cli(json_args, reachlint::test::source_dir());
  BOOST_TEST(json.exit == text.exit);
  BOOST_TEST(json.exit == 1);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  BOOST_TEST_REQUIRE(!parser.parse(json.out).get(doc), json.out);
  simdjson::dom::array traces = doc["traces"].get_array().value();
  BOOST_TEST_REQUIRE(traces.size() == 1u);
  simdjson::dom::element trace = traces.at(0).value();
  BOOST_TEST(std::string(trace["reach"].get_string().value()) == "fails");
  BOOST_TEST("verdict: " + std::string(trace["verdict"].get_string().value()) ==
             lines_of(text.out).back());
  std::vector<std::string> legs;
  std::vector<std::string> broken;
  for (simdjson::dom::element leg : trace["legs"].get_array()) {
    std::string name(leg["leg"].get_string().value());
    if (name == "reply") name += ":" + std::string(leg["role"].get_string().value());
    legs.push_back(name);
    for (simdjson::dom::element hop : leg["hops"].get_array()) {
      if (std::string_view(hop["verdict"].get_string().value()) != "fail") continue;
      broken.push_back(std::string(hop["resource"].get_string().value()) + " " +
                       std::string(hop["rule"].get_string().value()));
      BOOST_TEST(std::string_view(hop["fix"].get_string().value()).starts_with("add to "));
    }
  }
  BOOST_TEST(legs == (std::vector<std::string>{"request", "reply:preferred", "reply:standby"}),
             boost::test_tools::per_element());
  BOOST_TEST(broken == (std::vector<std::string>{"rtb-c6ea8681d5499aab0 RL102",
                                                 "tgw-rtb-6d41dda33dd6fd8a2 RL102"}),
             boost::test_tools::per_element());
  simdjson::dom::element second = trace["legs"].at(0)["hops"].at(5).value();
  BOOST_TEST(std::string_view(second["afterFixing"].get_string().value())
                 .starts_with("route table rtb-c6ea8681d5499aab0 (a route for 10.0.255.231/32"));
}

BOOST_AUTO_TEST_SUITE_END()
