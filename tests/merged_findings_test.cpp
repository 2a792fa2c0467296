// One finding per broken thing (DESIGN §3): when clients of different addresses or subnets break
// at one security group or network ACL, the finding's message names each one's, not the first's,
// and what identifies the finding (its fingerprint) does not change with the clients it names.
#include <string>
#include <vector>

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "support.h"

using reachlint::test::contains;
using reachlint::test::fixture;
using reachlint::test::run_cli;

namespace {

// RL301-min-bad's security group, which lacks TCP 2049, seen from declared CIDR clients.
std::vector<std::string> declared(const std::vector<std::string>& cidrs,
                                  const std::string& format = "text") {
  std::vector<std::string> args{"--no-config", "--select", "RL301", "-f", format};
  for (const std::string& cidr : cidrs) {
    args.push_back("--client");
    args.push_back("cidr=" + cidr);
  }
  args.push_back(fixture("RL301-min-bad/template.json"));
  return args;
}

const std::vector<std::string> kFive{"10.1.0.0/28", "10.1.0.16/28", "10.1.0.32/28", "10.1.0.48/28",
                                     "10.1.0.64/28"};

// The partial fingerprints of the only result of a SARIF log, as written.
std::string fingerprints_of(const std::string& sarif) {
  simdjson::dom::parser parser;
  const simdjson::dom::element root = parser.parse(sarif);
  const simdjson::dom::array results = root["runs"].at(0)["results"].get_array();
  BOOST_TEST_REQUIRE(results.size() == 1u);
  return simdjson::minify(results.at(0)["partialFingerprints"]);
}

// Runs reachlint with `args` and expects findings (exit 1) whose text holds each of `parts`.
void expect_findings_saying(const std::vector<std::string>& args,
                            const std::vector<std::string>& parts) {
  const auto run = run_cli(args);
  BOOST_TEST(run.exit == 1, run.err);
  for (const std::string& part : parts) BOOST_TEST(contains(run.out, part), run.out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(merged_findings)

BOOST_AUTO_TEST_CASE(a_group_names_the_addresses_of_every_client_it_blocks) {
  expect_findings_saying({"--no-config", fixture("RL301-clients-in-subnets/template.json")},
                         {"does not admit 10.1.0.0/24, 10.1.1.0/24 and 10.1.2.0/24 on TCP 2049: "
                          "NFS cannot work (3 clients: ClientInstance, ClientInstanceB, "
                          "ClientInstanceC)"});
}

BOOST_AUTO_TEST_CASE(more_than_three_addresses_are_counted) {
  expect_findings_saying(
      declared(kFive),
      {"does not admit 10.1.0.0/28, 10.1.0.16/28, 10.1.0.32/28 and 2 more on TCP 2049"});
}

BOOST_AUTO_TEST_CASE(one_client_reads_as_before) {
  expect_findings_saying(
      declared({"10.1.0.16/28"}),
      {"does not admit 10.1.0.16/28 on TCP 2049: NFS cannot work (client 10.1.0.16/28)"});
}

BOOST_AUTO_TEST_CASE(the_clients_order_does_not_change_the_message) {
  std::vector<std::string> reversed(kFive.rbegin(), kFive.rend());
  const auto forward = run_cli(declared(kFive, "json"));
  const auto backward = run_cli(declared(reversed, "json"));
  BOOST_TEST(forward.exit == 1, forward.err);
  BOOST_TEST(forward.out == backward.out);
}

BOOST_AUTO_TEST_CASE(the_fingerprint_does_not_depend_on_the_clients_named) {
  const auto one = run_cli(declared({"10.1.0.16/28"}, "sarif"));
  const auto five = run_cli(declared(kFive, "sarif"));
  BOOST_TEST(one.exit == 1, one.err);
  BOOST_TEST(five.exit == 1, five.err);
  BOOST_TEST(fingerprints_of(one.out) == fingerprints_of(five.out));
}

BOOST_AUTO_TEST_CASE(an_acl_names_every_subnet_and_every_client_address) {
  // One ACL on three client subnets: the subnets differ, the endpoint is one.
  expect_findings_saying({"--no-config", fixture("RL302-clients-in-subnets/template.json")},
                         {"network ACL ClientNetworkAcl of subnets ClientSubnetA, ClientSubnetB "
                          "and ClientSubnetC denies outbound requests to 10.0.255.240/28 on TCP "
                          "2049"});
  // The attachment subnet's ACL, one subnet, denies two clients' addresses both ways.
  expect_findings_saying(
      {"--no-config", "--select", "RL302", "--client", "cidr=10.1.0.0/28", "--client",
       "cidr=10.1.0.16/28", fixture("RL302-tgw-subnet-empty-nacl/template.json")},
      {"network ACL ClientTgwNetworkAcl of subnet ClientTgwSubnetA denies inbound requests from "
       "10.1.0.0/28 and 10.1.0.16/28 on",
       "network ACL ClientTgwNetworkAcl of subnet ClientTgwSubnetA denies outbound replies to "
       "10.1.0.0/28 and 10.1.0.16/28 on"});
}

BOOST_AUTO_TEST_SUITE_END()
