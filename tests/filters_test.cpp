#include <boost/test/unit_test.hpp>

#include "linter/analysis/filters.h"

using namespace reachlint;
namespace analysis = reachlint::analysis;

namespace {

model::SgRule cidr_rule(int protocol, uint16_t from, uint16_t to, const char* cidr) {
  model::SgRule rule;
  rule.protocol = protocol;
  rule.ports = {from, to};
  rule.peer = model::PeerKind::Cidr;
  rule.cidr = *Cidr::parse(cidr);
  return rule;
}

model::NetworkAclEntry entry(int number, bool egress, bool allow, int protocol, uint16_t from,
                             uint16_t to, const char* cidr) {
  model::NetworkAclEntry e;
  e.rule_number = number;
  e.egress = egress;
  e.allow = allow;
  e.protocol = protocol;
  e.ports = {from, to};
  e.cidr = *Cidr::parse(cidr);
  return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(filters)

BOOST_AUTO_TEST_CASE(security_group_rules_add_up) {
  model::Model m;
  model::SecurityGroup group;
  group.ingress = {cidr_rule(model::kTcp, 2049, 2049, "10.1.0.0/16"),
                   cidr_rule(model::kTcp, 111, 111, "10.0.0.0/8")};
  m.security_groups.push_back(group);
  analysis::Peer client;
  client.addresses = analysis::AddressSet::of(*Cidr::parse("10.1.0.0/24"));
  const auto needs =
      analysis::required_ports(model::FileSystemType::OpenZfs, analysis::NfsProfile::V3);
  const auto result =
      analysis::evaluate_groups(m, {model::Maybe<model::Index>(0)}, false, client, needs);
  BOOST_TEST(!result.unknown);
  // TCP 20001-20003 and every UDP port are missing; none of them is essential.
  BOOST_TEST(result.denied.size() == 4u);
  for (const auto& problem : result.denied) BOOST_TEST(!problem.need.essential);
  const auto v4 = analysis::evaluate_groups(
      m, {model::Maybe<model::Index>(0)}, false, client,
      analysis::required_ports(model::FileSystemType::OpenZfs, analysis::NfsProfile::V4));
  BOOST_TEST(v4.denied.empty());
}

BOOST_AUTO_TEST_CASE(partial_cidr_is_unknown_not_denied) {
  model::Model m;
  model::SecurityGroup group;
  group.ingress = {cidr_rule(model::kAllProtocols, 0, 65535, "10.1.0.0/25")};
  m.security_groups.push_back(group);
  analysis::Peer client;
  client.addresses = analysis::AddressSet::of(*Cidr::parse("10.1.0.0/24"));
  const auto needs =
      analysis::required_ports(model::FileSystemType::OpenZfs, analysis::NfsProfile::V4);
  const auto result =
      analysis::evaluate_groups(m, {model::Maybe<model::Index>(0)}, false, client, needs);
  BOOST_TEST(result.denied.empty());
  BOOST_TEST(result.unknown);
}

BOOST_AUTO_TEST_CASE(group_references_need_usable_paths) {
  model::Model m;
  model::SecurityGroup fsx;
  model::SgRule reference;
  reference.protocol = model::kAllProtocols;
  reference.peer = model::PeerKind::SecurityGroup;
  reference.group = 1;
  fsx.ingress = {reference};
  m.security_groups = {fsx, model::SecurityGroup{}};
  analysis::Peer client;
  client.addresses = analysis::AddressSet::of(*Cidr::parse("10.1.0.5/32"));
  client.groups = {1};
  client.groups_known = true;
  const auto needs =
      analysis::required_ports(model::FileSystemType::OpenZfs, analysis::NfsProfile::V4);
  BOOST_TEST(analysis::evaluate_groups(m, {model::Maybe<model::Index>(0)}, false, client, needs)
                 .denied.empty());
  client.references_usable = false;
  BOOST_TEST(analysis::evaluate_groups(m, {model::Maybe<model::Index>(0)}, false, client, needs)
                 .denied.size() == 1u);
}

BOOST_AUTO_TEST_CASE(network_acl_first_match_wins) {
  model::NetworkAcl acl;
  acl.entries = {entry(50, true, false, model::kTcp, 2049, 2049, "10.0.0.0/16"),
                 entry(100, true, true, model::kAllProtocols, 0, 65535, "0.0.0.0/0"),
                 entry(32767, true, false, model::kAllProtocols, 0, 65535, "0.0.0.0/0")};
  const analysis::AddressSet fs = analysis::AddressSet::of(*Cidr::parse("10.0.255.224/28"));
  const std::vector<analysis::PortNeed> needs = {{model::kTcp, {2049, 2049}, true},
                                                 {model::kUdp, {2049, 2049}, false}};
  const auto result = analysis::evaluate_acl(acl, true, fs, needs);
  BOOST_REQUIRE(result.denied.size() == 1u);
  BOOST_TEST(result.denied[0].need.protocol == model::kTcp);
  BOOST_TEST(result.denied[0].need.essential);
  // Ingress entries do not apply to egress traffic.
  BOOST_TEST(analysis::evaluate_acl(acl, false, fs, needs).denied.empty());
}

BOOST_AUTO_TEST_CASE(reply_port_ranges_split) {
  model::NetworkAcl acl;
  acl.entries = {entry(100, true, true, model::kTcp, 1024, 65535, "10.1.0.0/16"),
                 entry(32767, true, false, model::kAllProtocols, 0, 65535, "0.0.0.0/0")};
  const auto result =
      analysis::evaluate_acl(acl, true, analysis::AddressSet::of(*Cidr::parse("10.1.0.0/24")),
                             {{model::kTcp, analysis::kClientReplyPorts, true}});
  BOOST_REQUIRE(result.denied.size() == 1u);
  BOOST_TEST(result.denied[0].need.ports.from == 665);
  BOOST_TEST(result.denied[0].need.ports.to == 1023);
}

BOOST_AUTO_TEST_SUITE_END()
