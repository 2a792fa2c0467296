// Terraform plans (issue 16) beyond what the *-tf-* fixtures show: a plan that is not one
// reachlint reads is a located error, and values known only after apply that no reference in the
// configuration explains are notices, never findings.
#include <filesystem>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "support.h"

using reachlint::test::contains;
using reachlint::test::fixture;
using reachlint::test::read_file;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;
using reachlint::test::write_file;

namespace {

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The plan of a fixture with `from` replaced by `to` (once), written to the scratch directory.
std::string edited_plan(const ScratchDir& scratch, const std::string& name, const std::string& from,
                        const std::string& to) {
  std::string text = read_file(fixture(name + "/plan.json"));
  const size_t at = text.find(from);
  BOOST_TEST_REQUIRE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  write_file(scratch.path("plan.json"), text);
  return scratch.path("plan.json");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(terraform)

BOOST_AUTO_TEST_CASE(a_plan_is_read_by_its_own_format) {
  const auto run = run_cli({"-v", "--no-config", "plan.json"}, fixture("RL102-tf-bad"));
  BOOST_TEST(run.exit == 1, run.err);
  BOOST_TEST(contains(run.err, "reachlint: read plan.json: Terraform plan"), run.err);
  BOOST_TEST(contains(run.out, "aws_route_table.client has no route to 10.0.255.240/28"), run.out);
}

BOOST_AUTO_TEST_CASE(an_unknown_format_version_is_a_located_error) {
  ScratchDir scratch;
  edited_plan(scratch, "RL102-tf-bad", "\"format_version\": \"1.2\"",
              "\"format_version\": \"2.0\"");
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 2, run.out << run.err);
  BOOST_TEST(contains(run.out + run.err,
                      "plan.json:2:20: error: format_version of a Terraform plan "
                      "must be 0.x or 1.x"),
             run.out << run.err);
}

BOOST_AUTO_TEST_CASE(a_truncated_plan_is_an_error_not_a_skipped_file) {
  ScratchDir scratch;
  const std::string text = read_file(fixture("RL102-tf-bad/plan.json"));
  write_file(scratch.path("plan.json"), text.substr(0, text.size() / 2));
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 2, run.out << run.err);
  BOOST_TEST(contains(run.out + run.err, "plan.json:"), run.out << run.err);
}

BOOST_AUTO_TEST_CASE(values_of_the_wrong_type_are_located_errors) {
  ScratchDir scratch;
  // The first resource's values (the transit gateway's) as a string.
  edited_plan(scratch, "RL102-tf-bad", "\"values\": {", "\"values\": \"none\", \"left_out\": {");
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 2, run.out << run.err);
  BOOST_TEST(contains(run.out + run.err,
                      "error: values of aws_ec2_transit_gateway.main must be an "
                      "object"),
             run.out << run.err);
}

// Without the configuration no id known only after apply can be linked: each is a notice, the
// subnets' tables stay unknown, and the missing client route is not claimed.
BOOST_AUTO_TEST_CASE(ids_no_reference_explains_are_notices_not_findings) {
  ScratchDir scratch;
  edited_plan(scratch, "RL102-tf-bad", "\"configuration\":", "\"configuration_left_out\":");
  const auto run = run_cli({"--no-config", "--notices", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 0, run.out << run.err);
  BOOST_TEST(!contains(run.out, "[RL"), run.out);
  BOOST_TEST(contains(run.out,
                      "notice: subnet_id of aws_route_table_association.client_a: its "
                      "value is known only after apply"),
             run.out);
}

// Associations by for_each over a map of attachment ids: which attachment each names is known only
// after apply. No attachment is taken to have no route table (RL102, RL103 would say so).
BOOST_AUTO_TEST_CASE(associations_known_after_apply_leave_every_attachment_unknown) {
  const auto run =
      run_cli({"--no-config", "plan.json"}, fixture("RL104-tf-ontap-foreach-association"));
  BOOST_TEST(run.exit == 0, run.out << run.err);
  BOOST_TEST(!contains(run.out, "[RL"), run.out);
  BOOST_TEST(contains(run.out, "could not evaluate aws_ec2_transit_gateway_vpc_attachment.client"),
             run.out);
}

// A subnet association whose subnet no reference explains (a variable here) may be the client
// subnet's: its route table is unknown, not the VPC's main table (whose missing route RL102 would
// report).
BOOST_AUTO_TEST_CASE(a_subnet_association_known_after_apply_leaves_subnets_unknown) {
  ScratchDir scratch;
  std::string text = read_file(fixture("RL102-tf-bad/plan.json"));
  const size_t config = text.find("\"address\": \"aws_route_table_association.client_a\"",
                                  text.find("\"configuration\":"));
  BOOST_TEST_REQUIRE(config != std::string::npos);
  for (const std::string name : {"\"aws_subnet.client_a.id\"", "\"aws_subnet.client_a\""}) {
    const size_t at = text.find(name, config);
    BOOST_TEST_REQUIRE(at != std::string::npos);
    text.replace(at, name.size(), "\"var.subnet_id\"");
  }
  write_file(scratch.path("plan.json"), text);
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 0, run.out << run.err);
  BOOST_TEST(!contains(run.out, "[RL"), run.out);
  BOOST_TEST(contains(run.out, "the subnet's route table is not known statically"), run.out);
}

// Two environments' plans of one configuration have the same addresses: each plan is a stack of
// its own, named after its directory when the file is plan.json, so both are checked and the
// findings say which plan they are about.
BOOST_AUTO_TEST_CASE(two_plans_of_the_same_addresses_are_two_stacks) {
  ScratchDir scratch;
  std::filesystem::create_directories(scratch.dir() / "prod");
  std::filesystem::create_directories(scratch.dir() / "dev");
  std::filesystem::create_directories(scratch.dir() / "staging");
  write_file(scratch.path("prod/plan.json"), read_file(fixture("RL102-tf-bad/plan.json")));
  write_file(scratch.path("staging/tfplan.json"), read_file(fixture("RL102-tf-bad/plan.json")));
  write_file(scratch.path("dev/plan.json"), read_file(fixture("RL102-tf-good/plan.json")));
  const auto run = run_cli(
      {"--no-config", "-f", "json", "prod/plan.json", "dev/plan.json", "staging/tfplan.json"},
      scratch.dir().string());
  BOOST_TEST(run.exit == 1, run.out << run.err);
  // One finding per bad plan, none for the good one.
  BOOST_TEST(count(run.out, "\"rule\": \"RL102\"") == 2, run.out);
  BOOST_TEST(contains(run.out, "\"stack\": \"prod\""), run.out);
  BOOST_TEST(contains(run.out, "\"stack\": \"staging\""), run.out);
  BOOST_TEST(!contains(run.out, "\"stack\": \"dev\""), run.out);
  BOOST_TEST(contains(run.out, "(client prod/aws_instance.client)"), run.out);
  BOOST_TEST(contains(run.out, "(client staging/aws_instance.client)"), run.out);
}

// One plan alone: its ids repeat nowhere, so messages name them without the stack. Named in
// the working directory, it is not named after that directory (fingerprints would change with
// the checkout's folder).
BOOST_AUTO_TEST_CASE(one_plan_names_its_resources_without_its_stack) {
  const auto run = run_cli({"--no-config", "-f", "json", "plan.json"}, fixture("RL102-tf-bad"));
  BOOST_TEST(run.exit == 1, run.out << run.err);
  BOOST_TEST(contains(run.out, "\"stack\": \"plan\""), run.out);
  BOOST_TEST(contains(run.out, "(client aws_instance.client)"), run.out);
}

// A deployment that exists in part (RL102-tf-existing-bad: terraform plan on a state): the
// existing resources' ids are known in the plan and the planned ones name them by those ids.
// Here the client's subnet is read by a data source instead; its id, read while planning, is in
// prior_state and links the instance as the literal id would.
namespace {

std::string with_subnet_from_data_source(bool read_while_planning) {
  std::string text = read_file(fixture("RL102-tf-existing-bad/plan.json"));
  const auto replace_after = [&](const std::string& anchor, const std::string& from,
                                 const std::string& to) {
    const size_t start = text.find(anchor);
    BOOST_TEST_REQUIRE(start != std::string::npos, anchor);
    const size_t at = text.find(from, start);
    BOOST_TEST_REQUIRE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
  };
  // planned_values: known only after apply
  replace_after("\"address\": \"aws_instance.client\"",
                "\"subnet_id\": \"subnet-0c7e2a5d9b3f16048\"", "\"subnet_id\": null");
  const std::string change = "\"resource_changes\"";
  replace_after(change, "\"address\": \"aws_instance.client\"",
                "\"address\": \"aws_instance.client\", \"left\": \"\"");
  replace_after("\"address\": \"aws_instance.client\", \"left\"", "\"after_unknown\": {",
                "\"after_unknown\": {\"subnet_id\": true, ");
  const size_t configuration = text.find("\"configuration\":");
  const size_t instance = text.find("\"address\": \"aws_instance.client\"", configuration);
  BOOST_TEST_REQUIRE(instance != std::string::npos);
  for (const std::string name : {"\"aws_subnet.client_a.id\"", "\"aws_subnet.client_a\""}) {
    const size_t at = text.find(name, instance);
    BOOST_TEST_REQUIRE(at != std::string::npos);
    text.replace(at, name.size(), "\"data." + name.substr(1));
  }
  if (read_while_planning) {
    replace_after("\"prior_state\":", "\"resources\": [",
                  "\"resources\": [{\"address\": \"data.aws_subnet.client_a\", \"mode\": "
                  "\"data\", \"type\": \"aws_subnet\", \"name\": \"client_a\", \"values\": "
                  "{\"id\": \"subnet-0c7e2a5d9b3f16048\", \"vpc_id\": "
                  "\"vpc-0c1e4f2a9b7d35a61\"}},");
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_data_source_read_while_planning_links_by_its_id) {
  ScratchDir scratch;
  write_file(scratch.path("plan.json"), with_subnet_from_data_source(true));
  const auto run = run_cli({"--no-config", "--notices", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 1, run.out << run.err);
  BOOST_TEST(contains(run.out,
                      "aws_route_table.client has no route to 10.0.255.240/28 (client "
                      "aws_instance.client)"),
             run.out);
  BOOST_TEST(!contains(run.out, "subnet_id of aws_instance.client"), run.out);
}

BOOST_AUTO_TEST_CASE(a_data_source_read_only_at_apply_is_unknown) {
  ScratchDir scratch;
  write_file(scratch.path("plan.json"), with_subnet_from_data_source(false));
  const auto run = run_cli({"--no-config", "--notices", "plan.json"}, scratch.dir().string());
  BOOST_TEST(!contains(run.out, "(client aws_instance.client)"), run.out);
  BOOST_TEST(contains(run.out,
                      "subnet_id of aws_instance.client: data.aws_subnet.client_a.id is known "
                      "only after apply"),
             run.out);
}

// A route whose table no reference explains (a local here) may be in any table: the standby
// table is not said to lack the route back (RL103), and no table is said to lack any route.
BOOST_AUTO_TEST_CASE(a_route_whose_table_is_known_after_apply_is_in_no_table_for_sure) {
  ScratchDir scratch;
  std::string text = read_file(fixture("RL102-tf-bad/plan.json"));
  const size_t config =
      text.find("\"address\": \"aws_route.fsx_b_to_clients\"", text.find("\"configuration\":"));
  BOOST_TEST_REQUIRE(config != std::string::npos);
  for (const std::string name : {"\"aws_route_table.fsx_b.id\"", "\"aws_route_table.fsx_b\""}) {
    const size_t at = text.find(name, config);
    BOOST_TEST_REQUIRE(at != std::string::npos);
    text.replace(at, name.size(), "\"local.table_id\"");
  }
  write_file(scratch.path("plan.json"), text);
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 0, run.out << run.err);
  BOOST_TEST(!contains(run.out, "[RL"), run.out);
  BOOST_TEST(contains(run.out,
                      "notice: route_table_id of aws_route.fsx_b_to_clients: local.table_id is "
                      "known only after apply"),
             run.out);
}

// Windows PowerShell's `terraform show -json tfplan > plan.json` writes UTF-16 with CRLF: it is
// read as the UTF-8 it holds, each finding on the same line.
BOOST_AUTO_TEST_CASE(a_utf16_plan_is_read_as_its_text) {
  ScratchDir scratch;
  const std::string text = read_file(fixture("RL102-tf-bad/plan.json"));
  std::string utf16 = "\xFF\xFE";
  for (const char c : text) {
    if (c == '\n') utf16 += std::string{'\r', '\0'};
    utf16 += std::string{c, '\0'};
  }
  write_file(scratch.path("plan.json"), utf16);
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  // Without its .tf files beside it, as here, a finding points into the plan, line for line.
  ScratchDir utf8;
  write_file(utf8.path("plan.json"), text);
  const auto original = run_cli({"--no-config", "plan.json"}, utf8.dir().string());
  BOOST_TEST(run.exit == 1, run.out << run.err);
  BOOST_TEST(run.out == original.out);
  BOOST_TEST(contains(run.out, "plan.json:165:5: error: no route to file system"), run.out);
  // An odd number of bytes is no UTF-16: said so.
  write_file(scratch.path("plan.json"), utf16 + "x");
  const auto odd = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(odd.exit == 2, odd.out << odd.err);
  BOOST_TEST(contains(odd.out + odd.err, "UTF-16 text with an odd number of bytes"),
             odd.out << odd.err);
}

// The configuration of `resource` (its address in the module that declares it) with the references
// of `key` replaced by `replacements`, one for one, written to the scratch directory.
void plan_with_references(const ScratchDir& scratch, const std::string& name,
                          const std::string& resource, const std::string& key,
                          const std::vector<std::string>& references,
                          const std::vector<std::string>& replacements) {
  BOOST_TEST_REQUIRE(references.size() == replacements.size());
  std::string text = read_file(fixture(name + "/plan.json"));
  const size_t config =
      text.find("\"address\": \"" + resource + "\"", text.find("\"configuration\":"));
  BOOST_TEST_REQUIRE(config != std::string::npos, resource);
  const size_t attribute = text.find("\"" + key + "\": {", config);
  BOOST_TEST_REQUIRE(attribute != std::string::npos, key);
  for (size_t i = 0; i < references.size(); ++i) {
    const std::string was = "\"" + references[i] + "\"";
    const size_t at = text.find(was, attribute);
    BOOST_TEST_REQUIRE(at != std::string::npos, was);
    text.replace(at, was.size(), "\"" + replacements[i] + "\"");
  }
  write_file(scratch.path("plan.json"), text);
}

// aws_vpc_endpoint_route_table_association and aws_vpn_gateway_route_propagation are read: what
// they name must be an endpoint and a VPN gateway (RL101-tf-vgw-onprem, whose zonal-vpc module
// puts an S3 gateway endpoint in every private route table, and RL101-tf-vgw-propagation show
// what they do).
BOOST_AUTO_TEST_CASE(endpoint_associations_and_vgw_propagations_are_read) {
  {
    ScratchDir scratch;
    plan_with_references(
        scratch, "RL101-tf-vgw-onprem", "aws_vpc_endpoint_route_table_association.private_s3",
        "vpc_endpoint_id",
        {"aws_vpc_endpoint.s3[0].id", "aws_vpc_endpoint.s3[0]", "aws_vpc_endpoint.s3"},
        {"aws_vpc.this.id", "aws_vpc.this", "aws_vpc.this"});
    const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
    BOOST_TEST(run.exit == 2, run.out << run.err);
    BOOST_TEST(contains(run.out + run.err,
                        "error: vpc_endpoint_id of module.storage_vpc.aws_vpc_endpoint_route_table_"
                        "association.private_s3[\"us-east-1a\"] refers to aws_vpc.this.id "
                        "(aws_vpc), which is not a VPC endpoint"),
               run.out << run.err);
  }
  ScratchDir scratch;
  plan_with_references(scratch, "RL101-tf-vgw-propagation",
                       "aws_vpn_gateway_route_propagation.storage_b", "vpn_gateway_id",
                       {"module.vpn.vpn_gateway_id", "module.vpn"},
                       {"module.home_directories.security_group_id", "module.home_directories"});
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 2, run.out << run.err);
  BOOST_TEST(contains(run.out + run.err,
                      "error: vpn_gateway_id of aws_vpn_gateway_route_propagation.storage_b refers "
                      "to aws_security_group.this.id (aws_security_group), which is not a VPN "
                      "gateway"),
             run.out << run.err);
}

BOOST_AUTO_TEST_SUITE_END()
