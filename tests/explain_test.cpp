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
  const char* broken;  // the resource of a broken hop, or "" when none is
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
  return line == "request" || line.starts_with("reply from ");
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
    size_t hop = line_with(lines, std::string("  fail    ") + c.broken);
    while (hop != std::string::npos && lines[hop].find(c.rule) == std::string::npos)
      hop = line_with(lines, std::string("  fail    ") + c.broken, hop + 1);
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

BOOST_AUTO_TEST_SUITE_END()
