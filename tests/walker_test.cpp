// The walker on networks built in code: which hops a walk records, in which order, and why they
// pass or fail. The fixtures test the same end to end; these fail here when the walker changes.
#include <algorithm>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "linter/analysis/client_index.h"
#include "linter/analysis/route_lookup.h"
#include "linter/analysis/walker.h"
#include "network_builder.h"

using namespace reachlint;
namespace analysis = reachlint::analysis;
using model::Index;
using model::TargetKind;

BOOST_TEST_DONT_PRINT_LOG_VALUE(analysis::Cause)
BOOST_TEST_DONT_PRINT_LOG_VALUE(analysis::Verdict)

namespace {

// "ClientRoute=pass Transport=fail ... <ReturnRoute=pass <ReturnRoute'=fail": one word per hop,
// "<" for the way back, "'" for the standby subnet.
std::string summary(const analysis::Trace& trace) {
  static constexpr std::string_view kKinds[] = {"ClientRoute",     "Transport",   "TgwRoute",
                                                "EntryRouteTable", "ReturnRoute", "SecurityGroup",
                                                "NetworkAcl"};
  static constexpr std::string_view kVerdicts[] = {"pass", "fail", "unknown"};
  std::string out;
  for (const analysis::Hop& hop : trace.hops) {
    if (!out.empty()) out += ' ';
    if (hop.direction == analysis::Direction::Return) out += '<';
    out += kKinds[static_cast<int>(hop.kind)];
    if (hop.standby) out += '\'';
    out += '=';
    out += kVerdicts[static_cast<int>(hop.verdict)];
  }
  return out;
}

const analysis::Hop& first(const analysis::Trace& trace, analysis::HopKind kind,
                           analysis::Direction direction = analysis::Direction::Forward) {
  for (const analysis::Hop& hop : trace.hops) {
    if (hop.kind == kind && hop.direction == direction) return hop;
  }
  BOOST_FAIL("no such hop in " + summary(trace));
  return trace.hops.front();
}

// Walks from `client` to file system 0 over NFSv4 (TCP 2049 only).
analysis::Trace walk(const model::Model& model, const analysis::ClientGroup& client,
                     analysis::Words words = analysis::Words::All) {
  const analysis::ClientIndex topology = analysis::ClientIndex::build(model);
  const analysis::RouteIndexes routes(model);
  const analysis::Endpoint endpoint = analysis::endpoint_of(model, model.file_systems[0]);
  BOOST_REQUIRE_MESSAGE(endpoint.known, endpoint.why);
  const auto needs =
      analysis::required_ports(model::FileSystemType::OpenZfs, analysis::NfsProfile::V4);
  return analysis::walk({model, routes, topology, 0, endpoint, needs, nullptr}, client, words);
}

analysis::ClientGroup subnet_client(const model::Model& model, Index subnet) {
  return analysis::bare_subnet_client(model, subnet, analysis::Evidence::Declared,
                                      std::string(model.subnets[subnet].origin.name));
}

// A Multi-AZ file system in 10.0.0.0/16 (zones a and b) and a client VPC 10.1.0.0/16 (zone a),
// joined by a transit gateway whose one table routes each VPC's CIDR to its attachment.
struct TgwNetwork : test::NetworkBuilder {
  Index fs_vpc = vpc("FsVpc", "10.0.0.0/16");
  Index client_vpc = vpc("ClientVpc", "10.1.0.0/16");
  Index tgw = transit_gateway("Tgw");
  Index tgw_table = tgw_route_table("TgwRt", tgw);
  Index fs_table = route_table("FsRt", fs_vpc);
  Index client_table = route_table("ClientRt", client_vpc);
  Index fs_a = subnet("FsA", fs_vpc, "10.0.1.0/24", "a", fs_table);
  Index fs_b = subnet("FsB", fs_vpc, "10.0.2.0/24", "b", fs_table);
  Index tgw_a = subnet("TgwA", fs_vpc, "10.0.101.0/28", "a", fs_table);
  Index tgw_b = subnet("TgwB", fs_vpc, "10.0.102.0/28", "b", fs_table);
  Index client_a = subnet("ClientA", client_vpc, "10.1.1.0/24", "a", client_table);
  Index client_tgw_a = subnet("ClientTgwA", client_vpc, "10.1.101.0/28", "a", client_table);
  Index fs_attachment = tgw_attachment("FsAttachment", tgw, fs_vpc, {tgw_a, tgw_b}, tgw_table);
  Index client_attachment =
      tgw_attachment("ClientAttachment", tgw, client_vpc, {client_tgw_a}, tgw_table);
  Index fs = multi_az_file_system("Fs", fs_vpc, fs_a, fs_b, "10.0.255.224/28", {fs_table}, {});

  TgwNetwork() {
    route(fs_table, "10.1.0.0/16", TargetKind::TransitGateway, tgw, "tgw-1");
    route(client_table, "10.0.0.0/16", TargetKind::TransitGateway, tgw, "tgw-1");
    tgw_route(tgw_table, "10.0.0.0/16", fs_attachment);
    tgw_route(tgw_table, "10.1.0.0/16", client_attachment);
  }
};

// A network ACL that allows everything both ways, on `subnets`.
Index open_acl(test::NetworkBuilder& net, std::string_view name, Index vpc,
               const std::vector<Index>& subnets) {
  model::NetworkAcl acl;
  acl.origin.name = net.model.text.keep(name);
  acl.origin.type = "AWS::EC2::NetworkAcl";
  acl.vpc = vpc;
  for (const bool egress : {false, true}) {
    model::NetworkAclEntry entry;
    entry.origin.name = net.model.text.join({name, egress ? ":out" : ":in"});
    entry.rule_number = 100;
    entry.egress = egress;
    entry.allow = true;
    entry.cidr = *Cidr::parse("0.0.0.0/0");
    acl.entries.push_back(entry);
  }
  net.model.network_acls.push_back(std::move(acl));
  const auto index = static_cast<Index>(net.model.network_acls.size() - 1);
  for (const Index s : subnets) net.model.subnets[s].network_acl = index;
  return index;
}

// "ClientRt ClientAcl ... <FsRt ... <FsRt' ...": the resource of each hop, "<" for the way back,
// "'" for the standby subnet.
std::string resources(const model::Model& model, const analysis::Trace& trace) {
  std::string out;
  for (const analysis::Hop& hop : trace.hops) {
    if (!out.empty()) out += ' ';
    if (hop.direction == analysis::Direction::Return) out += '<';
    out += model.origin(hop.resource).name;
    if (hop.standby) out += '\'';
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(walker)

// The trace lists hops as the packet meets them (README "Every broken hop in one run"; explain,
// SARIF codeFlows and --show-paths show them so): the request from the client's route table
// through its subnet's ACL, its security groups, the attachment subnet's ACL, the gateway, the
// entry table and ACLs to the file system's groups; then the reply from the preferred subnet, then
// from the standby subnet, each with every ACL it crosses.
BOOST_AUTO_TEST_CASE(hops_come_in_packet_order) {
  TgwNetwork net;
  open_acl(net, "ClientAcl", net.client_vpc, {net.client_a});
  open_acl(net, "ClientTgwAcl", net.client_vpc, {net.client_tgw_a});
  open_acl(net, "TgwAcl", net.fs_vpc, {net.tgw_a, net.tgw_b});
  open_acl(net, "FsAclA", net.fs_vpc, {net.fs_a});
  open_acl(net, "FsAclB", net.fs_vpc, {net.fs_b});
  const Index client_group = net.security_group("ClientSg", net.client_vpc);
  net.allow_all_egress(client_group);
  const Index fs_group = net.security_group("FsSg", net.fs_vpc);
  net.allow_cidr(fs_group, model::kTcp, 2049, 2049, "10.1.0.0/16");
  net.model.file_systems[net.fs].security_groups.emplace_back(fs_group);
  const Index instance = net.instance("App", net.client_a, {client_group}, "10.1.1.10");
  const analysis::ClientGroup client =
      analysis::instance_client(net.model, instance, analysis::Evidence::Declared, "App");

  const analysis::Trace trace = walk(net.model, client);
  BOOST_TEST(summary(trace).find("fail") == std::string::npos, summary(trace));
  BOOST_TEST(resources(net.model, trace) ==
             "ClientRt ClientAcl ClientSg ClientTgwAcl ClientAttachment TgwRt FsRt TgwAcl FsAclA "
             "FsAclB' FsSg "
             "<FsRt <FsAclA <TgwAcl <FsAttachment <TgwRt <ClientTgwAcl <ClientAcl "
             "<FsRt' <FsAclB' <TgwAcl' <FsAttachment' <TgwRt' <ClientTgwAcl' <ClientAcl'");
  for (const analysis::Hop& hop : trace.hops) {
    const int expected = hop.direction == analysis::Direction::Forward ? 0 : hop.standby ? 2 : 1;
    BOOST_TEST(hop.reply == expected, net.model.origin(hop.resource).name);
  }
}

BOOST_AUTO_TEST_CASE(same_vpc_client_needs_its_table_in_route_table_ids) {
  TgwNetwork net;
  const Index app_table = net.route_table("AppRt", net.fs_vpc);
  const Index app = net.subnet("App", net.fs_vpc, "10.0.3.0/24", "a", app_table);
  const analysis::ClientGroup client = subnet_client(net.model, app);

  const analysis::Trace outside = walk(net.model, client);
  BOOST_TEST(summary(outside) == "ClientRoute=fail <ReturnRoute=pass <ReturnRoute'=pass");
  const analysis::Hop& hop = outside.hops.front();
  BOOST_TEST(hop.cause == analysis::Cause::NotInRouteTableIds);
  BOOST_TEST(hop.decided_by == &net.model.file_systems[net.fs].route_tables_origin);
  BOOST_TEST(hop.decision.find("route table AppRt is not in RouteTableIds of Fs") == 0u);

  net.model.file_systems[net.fs].route_tables.emplace_back(app_table);
  const analysis::Trace listed = walk(net.model, client);
  BOOST_TEST(summary(listed) == "ClientRoute=pass <ReturnRoute=pass <ReturnRoute'=pass");
  BOOST_TEST(listed.arrives);
}

BOOST_AUTO_TEST_CASE(transit_gateway_path_passes_both_ways) {
  TgwNetwork net;
  const analysis::ClientGroup client = subnet_client(net.model, net.client_a);
  const analysis::Trace trace = walk(net.model, client);
  BOOST_TEST(summary(trace) ==
             "ClientRoute=pass Transport=pass TgwRoute=pass EntryRouteTable=pass "
             "<ReturnRoute=pass <Transport=pass <TgwRoute=pass "
             "<ReturnRoute'=pass <Transport'=pass <TgwRoute'=pass");
  BOOST_TEST(trace.arrives);
  const analysis::Hop& transport = first(trace, analysis::HopKind::Transport);
  BOOST_TEST(
      (transport.resource == model::EntityRef{model::Kind::TgwAttachment, net.client_attachment}));
  BOOST_TEST(transport.decision == "enters transit gateway Tgw through ClientAttachment");
  // The request enters the file system's VPC in the client's zone.
  const analysis::Hop& entry = first(trace, analysis::HopKind::EntryRouteTable);
  BOOST_TEST(entry.decision == "enters through TgwA; FsRt holds the floating-IP route");
}

BOOST_AUTO_TEST_CASE(endpoint_range_outside_the_vpc_needs_a_static_tgw_route) {
  TgwNetwork net;
  net.model.file_systems[net.fs].endpoint_range = *Cidr::parse("192.168.100.0/28");
  net.route(net.client_table, "192.168.100.0/28", TargetKind::TransitGateway, net.tgw, "tgw-1");
  const analysis::ClientGroup client = subnet_client(net.model, net.client_a);

  const analysis::Trace missing = walk(net.model, client);
  // The walk goes on as if the static route were there: the entry table is judged behind it.
  BOOST_TEST(summary(missing) ==
             "ClientRoute=pass Transport=pass TgwRoute=fail EntryRouteTable=pass "
             "<ReturnRoute=pass <Transport=pass <TgwRoute=pass "
             "<ReturnRoute'=pass <Transport'=pass <TgwRoute'=pass");
  const analysis::Hop& hop = first(missing, analysis::HopKind::TgwRoute);
  BOOST_TEST(hop.cause == analysis::Cause::RangeNeedsStaticRoute);
  BOOST_TEST(hop.decision == "TgwRt has no route to 192.168.100.0/28");
  BOOST_TEST(hop.fixed_as ==
             "transit gateway route table TgwRt (a static route for 192.168.100.0/28 to "
             "FsAttachment)");
  BOOST_TEST(first(missing, analysis::HopKind::EntryRouteTable).after_fixing == hop.fixed_as);
  // The way back needs no fix of the way there.
  BOOST_TEST(first(missing, analysis::HopKind::ReturnRoute, analysis::Direction::Return)
                 .after_fixing.empty());

  net.tgw_route(net.tgw_table, "192.168.100.0/28", net.fs_attachment);
  const analysis::Trace fixed = walk(net.model, client);
  BOOST_TEST(fixed.arrives);
  BOOST_TEST(first(fixed, analysis::HopKind::TgwRoute).verdict == analysis::Verdict::Pass);
}

BOOST_AUTO_TEST_CASE(every_broken_hop_of_the_way_there_in_one_walk) {
  // The client has no route to an endpoint range outside the VPC, and the gateway's table has no
  // static route for it either: the user learns both at once, the second behind the first.
  TgwNetwork net;
  net.model.file_systems[net.fs].endpoint_range = *Cidr::parse("192.168.100.0/28");
  const analysis::Trace trace = walk(net.model, subnet_client(net.model, net.client_a));
  BOOST_TEST(summary(trace) ==
             "ClientRoute=fail Transport=pass TgwRoute=fail EntryRouteTable=pass "
             "<ReturnRoute=pass <Transport=pass <TgwRoute=pass "
             "<ReturnRoute'=pass <Transport'=pass <TgwRoute'=pass");
  const analysis::Hop& client_route = first(trace, analysis::HopKind::ClientRoute);
  BOOST_TEST(client_route.cause == analysis::Cause::NoRoute);
  BOOST_TEST(client_route.fixed_as ==
             "route table ClientRt (a route for 192.168.100.0/28 to transit gateway Tgw)");
  const analysis::Hop& tgw_route = first(trace, analysis::HopKind::TgwRoute);
  BOOST_TEST(tgw_route.cause == analysis::Cause::RangeNeedsStaticRoute);
  BOOST_TEST(tgw_route.after_fixing == client_route.fixed_as);
  BOOST_TEST(first(trace, analysis::HopKind::EntryRouteTable).after_fixing ==
             client_route.fixed_as + "; " + tgw_route.fixed_as);
}

BOOST_AUTO_TEST_CASE(a_walk_without_words_has_the_same_verdicts) {
  // Broad clients are walked without words first (analysis.cpp): every hop, verdict and cause
  // must be those of the walk with words, broken hops and the hops behind their fixes included.
  TgwNetwork net;
  net.model.file_systems[net.fs].endpoint_range = *Cidr::parse("192.168.100.0/28");
  const analysis::ClientGroup client = subnet_client(net.model, net.client_a);
  const analysis::Trace full = walk(net.model, client);
  const analysis::Trace quiet = walk(net.model, client, analysis::Words::None);
  const auto verdicts = [](const analysis::Trace& trace) {
    std::vector<std::tuple<int, int, int, int, int>> out;
    for (const analysis::Hop& hop : trace.hops) {
      out.emplace_back(static_cast<int>(hop.direction), hop.reply, static_cast<int>(hop.kind),
                       static_cast<int>(hop.verdict), static_cast<int>(hop.cause));
    }
    std::sort(out.begin(), out.end());  // a walk without words leaves them in working order
    return out;
  };
  BOOST_TEST(full.arrives == quiet.arrives);
  BOOST_TEST((verdicts(full) == verdicts(quiet)));
  BOOST_TEST(analysis::asymmetric(full) == analysis::asymmetric(quiet));
  for (const analysis::Hop& hop : quiet.hops) {
    BOOST_TEST(hop.fixed_as.empty());
    BOOST_TEST(hop.after_fixing.empty());
  }
  BOOST_TEST(!first(full, analysis::HopKind::ClientRoute).fixed_as.empty());
}

BOOST_AUTO_TEST_CASE(a_walk_stops_where_no_fix_is_plain) {
  // Only the file system's VPC is attached to the gateway: which way the client's VPC should be
  // joined is not for the walk to guess.
  test::NetworkBuilder net;
  const Index fs_vpc = net.vpc("FsVpc", "10.0.0.0/16");
  const Index client_vpc = net.vpc("ClientVpc", "10.1.0.0/16");
  const Index tgw = net.transit_gateway("Tgw");
  const Index tgw_table = net.tgw_route_table("TgwRt", tgw);
  const Index fs_table = net.route_table("FsRt", fs_vpc);
  const Index client_table = net.route_table("ClientRt", client_vpc);
  const Index fs_a = net.subnet("FsA", fs_vpc, "10.0.1.0/24", "a", fs_table);
  const Index fs_b = net.subnet("FsB", fs_vpc, "10.0.2.0/24", "b", fs_table);
  const Index client_a = net.subnet("ClientA", client_vpc, "10.1.1.0/24", "a", client_table);
  net.tgw_attachment("FsAttachment", tgw, fs_vpc, {fs_a, fs_b}, tgw_table);
  net.multi_az_file_system("Fs", fs_vpc, fs_a, fs_b, "10.0.255.224/28", {fs_table}, {});
  const analysis::Trace trace = walk(net.model, subnet_client(net.model, client_a));
  BOOST_TEST(summary(trace) == "ClientRoute=fail");
  BOOST_TEST(trace.hops.front().fixed_as.empty());
}

BOOST_AUTO_TEST_CASE(peering_to_a_multi_az_endpoint_is_not_transitive) {
  test::NetworkBuilder net;
  const Index fs_vpc = net.vpc("FsVpc", "10.0.0.0/16");
  const Index client_vpc = net.vpc("ClientVpc", "10.1.0.0/16");
  const Index peering = net.peering("Peering", client_vpc, fs_vpc);
  const Index fs_table = net.route_table("FsRt", fs_vpc);
  const Index client_table = net.route_table("ClientRt", client_vpc);
  net.route(fs_table, "10.1.0.0/16", TargetKind::Peering, peering, "pcx-1");
  net.route(client_table, "10.0.0.0/16", TargetKind::Peering, peering, "pcx-1");
  const Index fs_a = net.subnet("FsA", fs_vpc, "10.0.1.0/24", "a", fs_table);
  const Index fs_b = net.subnet("FsB", fs_vpc, "10.0.2.0/24", "b", fs_table);
  const Index client_a = net.subnet("ClientA", client_vpc, "10.1.1.0/24", "a", client_table);
  net.multi_az_file_system("Fs", fs_vpc, fs_a, fs_b, "10.0.255.224/28", {fs_table}, {});

  const analysis::ClientGroup client = subnet_client(net.model, client_a);
  const analysis::Trace trace = walk(net.model, client);
  BOOST_TEST(summary(trace) == "ClientRoute=fail <ReturnRoute=pass <ReturnRoute'=pass");
  const analysis::Hop& hop = trace.hops.front();
  BOOST_TEST(hop.cause == analysis::Cause::NotTransitive);
  BOOST_TEST((hop.via.kind == TargetKind::Peering));
  BOOST_TEST((hop.via.entity == model::EntityRef{model::Kind::Peering, peering}));
  BOOST_TEST(hop.via.id == "pcx-1");
  BOOST_TEST(analysis::via_words(hop.via) == "peering connection pcx-1");
  BOOST_TEST(hop.decision ==
             "10.0.0.0/16 -> peering connection pcx-1: peering connection pcx-1 does not route "
             "to the floating IP of a Multi-AZ file system");
}

BOOST_AUTO_TEST_CASE(missing_return_route_fails_each_reply) {
  TgwNetwork net;
  net.model.route_tables[net.fs_table].routes.pop_back();  // 10.1.0.0/16 -> the gateway
  const analysis::ClientGroup client = subnet_client(net.model, net.client_a);
  const analysis::Trace trace = walk(net.model, client);
  // Each reply walks on across the gateway that joins the VPCs, as if its route were there.
  BOOST_TEST(summary(trace) ==
             "ClientRoute=pass Transport=pass TgwRoute=pass EntryRouteTable=pass "
             "<ReturnRoute=fail <Transport=pass <TgwRoute=pass "
             "<ReturnRoute'=fail <Transport'=pass <TgwRoute'=pass");
  const analysis::Hop& hop =
      first(trace, analysis::HopKind::ReturnRoute, analysis::Direction::Return);
  BOOST_TEST(hop.fixed_as ==
             "route table FsRt (a route back to 10.1.1.0/24 to transit gateway Tgw)");
  BOOST_TEST(first(trace, analysis::HopKind::TgwRoute, analysis::Direction::Return).after_fixing ==
             hop.fixed_as);
  BOOST_TEST(hop.cause == analysis::Cause::NoRoute);
  BOOST_TEST(hop.decision == "FsRt (of the preferred subnet FsA) has no route back to the client");
}

BOOST_AUTO_TEST_CASE(client_zone_without_an_attachment_subnet_fails_the_request) {
  TgwNetwork net;
  const Index client_b =
      net.subnet("ClientB", net.client_vpc, "10.1.2.0/24", "b", net.client_table);
  const analysis::ClientGroup client = subnet_client(net.model, client_b);
  const analysis::Trace trace = walk(net.model, client);
  // The gateway's route is still judged, and the request enters in its own zone (TgwB).
  BOOST_TEST(summary(trace) ==
             "ClientRoute=pass Transport=fail TgwRoute=pass EntryRouteTable=pass "
             "<ReturnRoute=pass <Transport=pass <TgwRoute=pass "
             "<ReturnRoute'=pass <Transport'=pass <TgwRoute'=pass");
  const analysis::Hop& hop = first(trace, analysis::HopKind::Transport);
  BOOST_TEST(hop.cause == analysis::Cause::AttachmentMissingZone);
  BOOST_TEST(hop.essential);
  BOOST_TEST(hop.decision ==
             "ClientAttachment has no subnet in the Availability Zone of ClientB: traffic from "
             "that zone cannot reach the transit gateway");
  BOOST_TEST(first(trace, analysis::HopKind::EntryRouteTable).decision.find("TgwB") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(standby_zone_without_an_attachment_subnet_matters_after_failover) {
  TgwNetwork net;
  net.model.tgw_attachments[net.fs_attachment].subnets.pop_back();  // TgwB, zone b
  const analysis::ClientGroup client = subnet_client(net.model, net.client_a);
  const analysis::Trace trace = walk(net.model, client);
  BOOST_TEST(summary(trace) ==
             "ClientRoute=pass Transport=pass TgwRoute=pass EntryRouteTable=pass "
             "<ReturnRoute=pass <Transport=pass <TgwRoute=pass "
             "<ReturnRoute'=pass <Transport'=fail <TgwRoute'=pass");
  const analysis::Hop& standby = trace.hops[8];
  BOOST_TEST(standby.cause == analysis::Cause::AttachmentMissingZone);
  BOOST_TEST(!standby.essential);
  BOOST_TEST(standby.decision ==
             "FsAttachment has no subnet in the Availability Zone of the standby subnet FsB: "
             "replies from there cannot reach the transit gateway after a failover");
}

BOOST_AUTO_TEST_CASE(group_references_across_a_gateway_need_referencing_support) {
  TgwNetwork net;
  const Index client_group = net.security_group("ClientSg", net.client_vpc);
  net.allow_all_egress(client_group);
  const Index fs_group = net.security_group("FsSg", net.fs_vpc);
  net.allow_group(fs_group, model::kTcp, 2049, 2049, client_group);
  net.model.file_systems[net.fs].security_groups.emplace_back(fs_group);
  const Index instance = net.instance("App", net.client_a, {client_group}, "10.1.1.10");
  const analysis::ClientGroup client =
      analysis::instance_client(net.model, instance, analysis::Evidence::Declared, "App");

  // The client's egress comes first (packet order) and passes; the file system's ingress refuses.
  const analysis::Trace off = walk(net.model, client);
  BOOST_TEST(first(off, analysis::HopKind::SecurityGroup).egress);
  BOOST_TEST(first(off, analysis::HopKind::SecurityGroup).verdict == analysis::Verdict::Pass);
  const auto ingress = std::find_if(off.hops.begin(), off.hops.end(), [](const analysis::Hop& h) {
    return h.kind == analysis::HopKind::SecurityGroup && !h.egress;
  });
  BOOST_TEST_REQUIRE((ingress != off.hops.end()));
  const analysis::Hop& refused = *ingress;
  BOOST_TEST(refused.cause == analysis::Cause::PortsBlocked);
  BOOST_TEST(refused.decision.find("need SecurityGroupReferencingSupport") != std::string::npos);

  net.model.transit_gateways[net.tgw].security_group_referencing = true;
  const analysis::Trace on = walk(net.model, client);
  BOOST_TEST(summary(on).find("fail") == std::string::npos, summary(on));
}

BOOST_AUTO_TEST_SUITE_END()
