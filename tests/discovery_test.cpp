// Client discovery on networks built in code: which subnets and instances a file system's
// security groups and the route tables single out, and with what evidence.
#include <boost/test/unit_test.hpp>

#include "linter/analysis/discovery.h"
#include "network_builder.h"

using namespace reachlint;
namespace analysis = reachlint::analysis;
using model::Index;
using model::TargetKind;

namespace {

// "App:specific ClientA:broad": the first member of each group and its evidence.
std::string summary(const std::vector<analysis::ClientGroup>& groups) {
  static constexpr std::string_view kEvidence[] = {"declared", "specific", "broad"};
  std::string out;
  for (const analysis::ClientGroup& group : groups) {
    if (!out.empty()) out += ' ';
    out += group.id() + ":" + std::string(kEvidence[static_cast<int>(group.evidence)]);
  }
  return out;
}

// The clients of file system 0 for NFSv3, none declared.
std::vector<analysis::ClientGroup> discover(const model::Model& model) {
  const analysis::ClientIndex index = analysis::ClientIndex::build(model);
  const model::FileSystem& fs = model.file_systems[0];
  const analysis::Endpoint endpoint = analysis::endpoint_of(model, fs);
  BOOST_REQUIRE_MESSAGE(endpoint.known, endpoint.why);
  const auto needs =
      analysis::required_ports(model::FileSystemType::OpenZfs, analysis::NfsProfile::V3);
  return analysis::intended_clients(model, index, fs, endpoint, needs, {});
}

// A Multi-AZ file system in 10.0.0.0/16 with an empty security group, a client VPC 10.1.0.0/16
// attached to the same transit gateway (routes are up to each test), and a VPC 10.2.0.0/16 that
// nothing joins to either.
struct Network : test::NetworkBuilder {
  Index fs_vpc = vpc("FsVpc", "10.0.0.0/16");
  Index client_vpc = vpc("ClientVpc", "10.1.0.0/16");
  Index far_vpc = vpc("FarVpc", "10.2.0.0/16");
  Index tgw = transit_gateway("Tgw");
  Index tgw_table = tgw_route_table("TgwRt", tgw);
  Index fs_table = route_table("FsRt", fs_vpc);
  Index client_table = route_table("ClientRt", client_vpc);
  Index far_table = route_table("FarRt", far_vpc);
  Index fs_a = subnet("FsA", fs_vpc, "10.0.1.0/24", "a", fs_table);
  Index fs_b = subnet("FsB", fs_vpc, "10.0.2.0/24", "b", fs_table);
  Index client_a = subnet("ClientA", client_vpc, "10.1.1.0/24", "a", client_table);
  Index client_b = subnet("ClientB", client_vpc, "10.1.2.0/24", "b", client_table);
  Index client_tgw = subnet("ClientTgw", client_vpc, "10.1.101.0/28", "a", client_table);
  Index far_a = subnet("FarA", far_vpc, "10.2.1.0/24", "a", far_table);
  Index fs_attachment = tgw_attachment("FsAttachment", tgw, fs_vpc, {fs_a, fs_b}, tgw_table);
  Index client_attachment =
      tgw_attachment("ClientAttachment", tgw, client_vpc, {client_tgw}, tgw_table);
  Index fs_group = security_group("FsSg", fs_vpc);
  Index fs =
      multi_az_file_system("Fs", fs_vpc, fs_a, fs_b, "10.0.255.224/28", {fs_table}, {fs_group});
};

}  // namespace

BOOST_AUTO_TEST_SUITE(discovery)

BOOST_AUTO_TEST_CASE(specific_cidr_rule_names_the_instances_and_subnets_inside_it) {
  Network net;
  net.allow_cidr(net.fs_group, model::kTcp, 2049, 2049, "10.1.1.0/24");
  net.instance("App", net.client_a, {}, "10.1.1.10");
  net.instance("Elsewhere", net.client_b, {}, "10.1.2.10");
  BOOST_TEST(summary(discover(net.model)) == "App:specific");

  // A rule for a VPC that nothing joins to the file system's still names its subnets: the walk
  // then reports the missing connection.
  net.allow_cidr(net.fs_group, model::kTcp, 2049, 2049, "10.2.1.0/24");
  BOOST_TEST(summary(discover(net.model)) == "App:specific FarA:specific");
}

BOOST_AUTO_TEST_CASE(group_reference_names_the_instances_in_the_group) {
  Network net;
  const Index client_group = net.security_group("ClientSg", net.client_vpc);
  net.allow_group(net.fs_group, model::kTcp, 2049, 2049, client_group);
  net.instance("App", net.client_a, {client_group}, "10.1.1.10");
  net.instance("Other", net.client_a, {}, "10.1.1.11");
  const auto clients = discover(net.model);
  BOOST_TEST(summary(clients) == "App:specific");
  BOOST_REQUIRE(clients.size() == 1u);
  BOOST_TEST(clients[0].groups_known);
  BOOST_TEST(clients[0].groups == std::vector<Index>{client_group});
}

BOOST_AUTO_TEST_CASE(route_to_the_file_system_vpc_names_the_subnets_using_the_table) {
  Network net;
  net.route(net.client_table, "10.0.0.0/16", TargetKind::TransitGateway, net.tgw, "tgw-1");
  // A summary route (10.0.0.0/8) says nothing about this file system in particular.
  const Index summary_table = net.route_table("SummaryRt", net.client_vpc);
  net.route(summary_table, "10.0.0.0/8", TargetKind::TransitGateway, net.tgw, "tgw-1");
  net.subnet("ClientC", net.client_vpc, "10.1.3.0/24", "a", summary_table);
  // ClientTgw uses the table too, but only carries the attachment.
  BOOST_TEST(summary(discover(net.model)) == "ClientA:specific ClientB:specific");
}

BOOST_AUTO_TEST_CASE(broad_rule_yields_only_broad_clients_routed_toward_the_endpoint) {
  Network net;
  net.allow_cidr(net.fs_group, model::kTcp, 2049, 2049, "10.0.0.0/8");
  net.route(net.client_table, "0.0.0.0/0", TargetKind::TransitGateway, net.tgw, "tgw-1");
  net.instance("App", net.client_a, {}, "10.1.1.10");
  // FarVpc is admitted by the rule but joined to nothing.
  net.route(net.far_table, "0.0.0.0/0", TargetKind::TransitGateway, net.tgw, "tgw-1");
  BOOST_TEST(summary(discover(net.model)) == "App:broad ClientB:broad");
}

BOOST_AUTO_TEST_CASE(broad_evidence_needs_the_essential_nfs_port) {
  Network net;
  net.route(net.client_table, "0.0.0.0/0", TargetKind::TransitGateway, net.tgw, "tgw-1");
  net.instance("App", net.client_a, {}, "10.1.1.10");
  // Rules about NFS, but not about TCP 2049, without which there is no NFS at all.
  net.allow_cidr(net.fs_group, model::kUdp, 2049, 2049, "10.0.0.0/8");
  net.allow_cidr(net.fs_group, model::kTcp, 111, 111, "10.0.0.0/8");
  BOOST_TEST(summary(discover(net.model)).empty());
  net.allow_cidr(net.fs_group, model::kAllProtocols, 0, 65535, "10.0.0.0/8");
  BOOST_TEST(summary(discover(net.model)) == "App:broad ClientB:broad");
}

BOOST_AUTO_TEST_SUITE_END()
