#include <memory>

#include <boost/test/unit_test.hpp>

#include "linter/ingest/cloudformation/template_model_builder.h"
#include "linter/ingest/common/tgw_route_targets.h"
#include "linter/model/finalize.h"

using namespace reachlint;

namespace {

struct Built {
  SourceBuffer buffer;
  JsonDocument json;
  TemplateSet set;
  Diagnostics diagnostics;
  model::Model model;

  explicit Built(const std::string& text) : buffer(SourceBuffer::from_string(text)) {
    const Status parsed = json.parse(buffer);
    BOOST_REQUIRE_MESSAGE(parsed.ok(), (parsed ? "" : parsed.error().message));
    Template tmpl;
    tmpl.stack_name = "Stack";
    tmpl.json = &json;
    BOOST_REQUIRE(index_template(tmpl, diagnostics));
    set.templates.push_back(std::move(tmpl));
    build_model_from_templates(set, model, diagnostics);
    model::finalize(model, {});
  }

  model::EntityRef find(const std::string& name) const {
    const auto found = model.find(name);
    BOOST_REQUIRE(found.size() == 1u);
    return found.front();
  }
};

const char* kNetwork = R"({"Resources": {
  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
  "Extra": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.5.0.0/16"}},
  "A": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.0.0/24",
        "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}}},
  "B": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.5.1.0/24", "AvailabilityZone": "us-east-1b"}},
  "Rt": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
  "Assoc": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"SubnetId": {"Ref": "A"}, "RouteTableId": {"Ref": "Rt"}}},
  "Tgw": {"Type": "AWS::EC2::TransitGateway", "Properties": {}},
  "Att": {"Type": "AWS::EC2::TransitGatewayAttachment", "Properties": {"TransitGatewayId": {"Ref": "Tgw"}, "VpcId": {"Ref": "Vpc"}, "SubnetIds": [{"Ref": "A"}]}},
  "Acl": {"Type": "AWS::EC2::NetworkAcl", "Properties": {"VpcId": {"Ref": "Vpc"}}},
  "Entry": {"Type": "AWS::EC2::NetworkAclEntry", "Properties": {"NetworkAclId": {"Ref": "Acl"}, "RuleNumber": 200, "Protocol": -1,
            "RuleAction": "ALLOW", "CidrBlock": "0.0.0.0/0"}},
  "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x", "VpcId": {"Ref": "Vpc"},
         "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 2049, "ToPort": 2049, "CidrIp": "10.1.0.0/16"}]}},
  "Restrict": {"Type": "Custom::VpcRestrictDefaultSG", "Properties": {"DefaultSecurityGroupId": {"Fn::GetAtt": ["Vpc", "DefaultSecurityGroup"]}}}
}})";

}  // namespace

BOOST_AUTO_TEST_SUITE(model_building)

BOOST_AUTO_TEST_CASE(derives_what_aws_adds) {
  Built built(kNetwork);
  BOOST_TEST(!built.diagnostics.has_errors());
  const model::Model& m = built.model;
  const auto& vpc = m.vpcs[built.find("Vpc").index];
  BOOST_TEST(vpc.cidrs.size() == 2u);
  const auto& a = m.subnets[built.find("A").index];
  const auto& b = m.subnets[built.find("B").index];
  BOOST_TEST(a.route_table == built.find("Rt").index);
  BOOST_TEST(b.route_table == vpc.main_route_table);  // implicit association
  BOOST_TEST(b.network_acl == vpc.default_network_acl);
  BOOST_TEST(*a.zone == "az#0");
  BOOST_TEST(*b.zone == "name:us-east-1b");
  // Local routes for both VPC CIDRs, in every table of the VPC.
  BOOST_TEST(m.route_tables[a.route_table].routes.size() == 2u);
  BOOST_TEST(m.route_tables[vpc.main_route_table].routes.size() == 2u);
  // Default association and propagation: the attachment uses the TGW's default table, which
  // holds the VPC's CIDRs as propagated routes.
  const auto& attachment = m.tgw_attachments[built.find("Att").index];
  const auto& tgw = m.transit_gateways[built.find("Tgw").index];
  BOOST_TEST(attachment.association == tgw.default_route_table);
  BOOST_TEST(m.tgw_route_tables[tgw.default_route_table].routes.size() == 2u);
  // Custom ACL: the written entry, then the implicit deny in each direction.
  const auto& acl = m.network_acls[built.find("Acl").index];
  BOOST_REQUIRE(acl.entries.size() == 3u);
  BOOST_TEST(acl.entries[0].rule_number == 200);
  BOOST_TEST(acl.entries[0].allow);
  BOOST_TEST(acl.entries[2].rule_number == 32767);
  // The default ACL allows everything; the restricted default group allows nothing.
  BOOST_TEST(m.network_acls[vpc.default_network_acl].entries.size() == 4u);
  BOOST_TEST(m.security_groups[vpc.default_security_group].ingress.empty());
  BOOST_TEST(m.security_groups[vpc.default_security_group].egress.empty());
  // A group without inline egress keeps AWS's allow-all egress rule.
  BOOST_TEST(m.security_groups[built.find("Sg").index].egress.size() == 1u);
}

BOOST_AUTO_TEST_CASE(unknown_values_become_notices_not_errors) {
  Built built(R"({"Parameters": {"Cidr": {"Type": "String"}}, "Resources": {
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Ref": "Cidr"}}}}})");
  BOOST_TEST(!built.diagnostics.has_errors());
  BOOST_TEST(built.diagnostics.sorted_notices().size() == 1u);
  BOOST_TEST(built.model.vpcs[0].cidrs[0].is_unknown());
}

BOOST_AUTO_TEST_CASE(invalid_values_are_errors) {
  for (const char* properties : {R"({"CidrBlock": "10.0.0.300/16"})", R"({"CidrBlock": 42})"}) {
    Built built(std::string(R"({"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": )") +
                properties + "}}}");
    BOOST_TEST(built.diagnostics.has_errors(), properties);
  }
  Built ports(
      R"({"Resources": {"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x",
    "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 70000, "ToPort": 70000, "CidrIp": "10.0.0.0/8"}]}}}})");
  BOOST_TEST(ports.diagnostics.has_errors());
  Built wrong_kind(
      R"({"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
    "S": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "S2"}, "CidrBlock": "10.0.0.0/24"}},
    "S2": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24"}}}})");
  BOOST_TEST(wrong_kind.diagnostics.has_errors());
}

namespace {

// Two transit gateways, each with an attachment of its own VPC, and a table of the first with
// `route` (a TransitGatewayRoute's properties besides its table) as `Route`, under `condition`.
std::string two_gateways(const std::string& route, const std::string& condition = "") {
  return R"({"Parameters": {"Env": {"Type": "String"}},
  "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
  "Resources": {
  "VpcA": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
  "VpcB": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.1.0.0/16"}},
  "SubnetA": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "VpcA"}, "CidrBlock": "10.0.0.0/24", "AvailabilityZone": "us-east-1a"}},
  "SubnetB": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "VpcB"}, "CidrBlock": "10.1.0.0/24", "AvailabilityZone": "us-east-1a"}},
  "TgwA": {"Type": "AWS::EC2::TransitGateway", "Properties": {}},
  "TgwB": {"Type": "AWS::EC2::TransitGateway", "Properties": {}},
  "AttA": {"Type": "AWS::EC2::TransitGatewayAttachment", "Properties": {"TransitGatewayId": {"Ref": "TgwA"}, "VpcId": {"Ref": "VpcA"}, "SubnetIds": [{"Ref": "SubnetA"}]}},
  "AttB": {"Type": "AWS::EC2::TransitGatewayAttachment", "Properties": {"TransitGatewayId": {"Ref": "TgwB"}, "VpcId": {"Ref": "VpcB"}, "SubnetIds": [{"Ref": "SubnetB"}]}},
  "TableA": {"Type": "AWS::EC2::TransitGatewayRouteTable", "Properties": {"TransitGatewayId": {"Ref": "TgwA"}}},
  "Route": {"Type": "AWS::EC2::TransitGatewayRoute", )" +
         (condition.empty() ? "" : R"("Condition": ")" + condition + R"(", )") +
         R"("Properties": {"TransitGatewayRouteTableId": {"Ref": "TableA"}, )" + route + "}}}}";
}

bool in_the_template(Location at) {
  return at.known();
}

// The routes of TableA written in the template (not the propagated ones finalize adds).
std::vector<model::TgwRoute> static_routes(const Built& built) {
  std::vector<model::TgwRoute> out;
  for (const model::TgwRoute& route :
       built.model.tgw_route_tables[built.find("TableA").index].routes) {
    if (!route.propagated) out.push_back(route);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_route_to_another_gateways_attachment_is_an_error_at_the_route) {
  Built built(two_gateways(
      R"("DestinationCidrBlock": "10.9.0.0/16", "TransitGatewayAttachmentId": {"Ref": "AttB"})"));
  BOOST_TEST(!built.diagnostics.has_errors());  // each reference alone is sound
  reject_routes_to_other_gateways(built.model, in_the_template, built.diagnostics);
  const auto errors = built.diagnostics.sorted_errors();
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].message.find("transit gateway route Route of route table TableA (transit "
                                    "gateway TgwA) targets attachment AttB of transit gateway "
                                    "TgwB") == 0u,
             errors[0].message);
  const auto routes = static_routes(built);
  BOOST_TEST_REQUIRE(routes.size() == 1u);
  BOOST_TEST((errors[0].location == routes[0].origin.location));
  // Nothing walks through it, should the input not be set aside.
  BOOST_TEST(routes[0].attachment == model::kUnknownIndex);
}

BOOST_AUTO_TEST_CASE(a_route_to_its_own_gateways_attachment_or_a_blackhole_is_sound) {
  for (const char* route :
       {R"("DestinationCidrBlock": "10.9.0.0/16", "TransitGatewayAttachmentId": {"Ref": "AttA"})",
        R"("DestinationCidrBlock": "10.9.0.0/16", "Blackhole": true)"}) {
    Built built(two_gateways(route));
    reject_routes_to_other_gateways(built.model, in_the_template, built.diagnostics);
    BOOST_TEST(!built.diagnostics.has_errors(), route);
    BOOST_TEST(built.diagnostics.sorted_notices().empty(), route);
  }
}

BOOST_AUTO_TEST_CASE(a_route_that_may_not_be_deployed_is_a_notice) {
  Built built(two_gateways(
      R"("DestinationCidrBlock": "10.9.0.0/16", "TransitGatewayAttachmentId": {"Ref": "AttB"})",
      "Prod"));
  const size_t notices = built.diagnostics.sorted_notices().size();
  reject_routes_to_other_gateways(built.model, in_the_template, built.diagnostics);
  BOOST_TEST(!built.diagnostics.has_errors());
  BOOST_TEST(built.diagnostics.sorted_notices().size() == notices + 1);
  BOOST_TEST(static_routes(built).at(0).attachment == model::kUnknownIndex);
}

BOOST_AUTO_TEST_SUITE_END()
