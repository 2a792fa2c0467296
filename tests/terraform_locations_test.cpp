// Where findings about a Terraform plan point (issue 16, item 2): the resource's block in the
// .tf files, found from the plan's directory or --srcroot through local module sources, and the
// plan itself when no .tf declares it. The block-header scanner skips comments, strings and
// heredocs.
#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

#include "linter/ingest/terraform/hcl_blocks.h"
#include "support.h"

namespace fs = std::filesystem;
using reachlint::terraform::HclBlock;
using reachlint::terraform::scan_hcl_blocks;
using reachlint::test::contains;
using reachlint::test::fixture;
using reachlint::test::read_file;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;
using reachlint::test::write_file;

namespace {

// The 1-based line of the first line of `file` that starts with `start`, 0 when none does.
int line_of(const std::string& file, const std::string& start) {
  const std::vector<std::string> lines = reachlint::test::lines_of(read_file(file));
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].starts_with(start)) return static_cast<int>(i + 1);
  }
  return 0;
}

std::string header(const HclBlock& block) {
  std::string out(block.type);
  for (const std::string_view label : block.labels) out += " " + std::string(label);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(terraform)

BOOST_AUTO_TEST_CASE(block_headers_skip_comments_strings_and_heredocs) {
  const std::string text = R"(# resource "aws_vpc" "in_a_comment" {
// resource "aws_vpc" "in_a_line_comment" {
/* resource "aws_vpc" "in_a_block_comment" {
*/
locals {
  text = "resource \"aws_vpc\" \"escaped\" {"
  interpolated = "${join("}", ["resource \"aws_vpc\" \"nested\" {"])}"
  policy = <<-EOT
    resource "aws_vpc" "in_a_heredoc" {
    EOT
}
resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16" # resource "aws_vpc" "after" {
  tags = {
    Name = "}"
  }
}
module "net" {
  source = "./modules/net"
  cidr   = "10.1.0.0/16"
}
data "aws_vpc" "existing" { id = "vpc-0123" }
resource aws_subnet b {
}
)";
  const std::vector<HclBlock> blocks = scan_hcl_blocks(text);
  BOOST_TEST_REQUIRE(blocks.size() == 5u);
  BOOST_TEST(header(blocks[0]) == "locals");
  BOOST_TEST(header(blocks[1]) == "resource aws_vpc a");
  BOOST_TEST(text.substr(blocks[1].offset, 24) == "resource \"aws_vpc\" \"a\" {");
  BOOST_TEST_REQUIRE(blocks[1].attributes.size() == 2u);
  BOOST_TEST(blocks[1].attributes[0].first == "cidr_block");
  BOOST_TEST(blocks[1].attributes[1].first == "tags");
  BOOST_TEST(header(blocks[2]) == "module net");
  BOOST_TEST(blocks[2].source == "./modules/net");
  BOOST_TEST(header(blocks[3]) == "data aws_vpc existing");
  BOOST_TEST(blocks[3].attributes.size() == 1u);
  BOOST_TEST(header(blocks[4]) == "resource aws_subnet b");
}

// Windows files: a byte order mark and CRLF line ends; offsets stay the file's.
BOOST_AUTO_TEST_CASE(block_headers_of_a_windows_file) {
  const std::string text =
      "\xEF\xBB\xBFresource \"aws_vpc\" \"a\" {\r\n  cidr_block = \"10.0.0.0/16\"\r\n}\r\n"
      "module \"net\" {\r\n  source = \"./net\"\r\n}\r\n";
  const std::vector<HclBlock> blocks = scan_hcl_blocks(text);
  BOOST_TEST_REQUIRE(blocks.size() == 2u);
  BOOST_TEST(header(blocks[0]) == "resource aws_vpc a");
  BOOST_TEST(blocks[0].offset == 3u);
  BOOST_TEST_REQUIRE(blocks[0].attributes.size() == 1u);
  BOOST_TEST(text.substr(blocks[0].attributes[0].second, 10) == "cidr_block");
  BOOST_TEST(blocks[1].source == "./net");
}

BOOST_AUTO_TEST_CASE(broken_hcl_gives_what_can_be_read) {
  // Unterminated string, comment and heredoc: no crash, nothing after them taken for a block.
  for (const std::string& text : std::vector<std::string>{
           "resource \"aws_vpc\" \"a\" {\n  x = \"open\n}\nresource \"aws_vpc\" \"b\" {\n}\n",
           "/* resource \"aws_vpc\" \"a\" {", "x = <<EOT\nresource \"aws_vpc\" \"a\" {\n", "}}}}\n",
           "resource \"a\" \"b\" {{{{", std::string(5000, '{'), "\"${\"${\"${"}) {
    const std::vector<HclBlock> blocks = scan_hcl_blocks(text);
    for (const HclBlock& block : blocks) BOOST_TEST(block.offset < text.size());
  }
  const std::vector<HclBlock> blocks = scan_hcl_blocks(
      "resource \"aws_vpc\" \"a\" {\n  x = \"open\n}\nresource \"aws_vpc\" \"b\" {\n}\n");
  BOOST_TEST_REQUIRE(blocks.size() == 2u);
  BOOST_TEST(header(blocks[1]) == "resource aws_vpc b");
}

BOOST_AUTO_TEST_CASE(findings_point_at_the_resource_block_in_main_tf) {
  const auto run = run_cli({"--no-config", "plan.json"}, fixture("RL102-tf-bad"));
  BOOST_TEST(run.exit == 1, run.err);
  const int line =
      line_of(fixture("RL102-tf-bad/main.tf"), "resource \"aws_route_table\" \"client\"");
  BOOST_TEST_REQUIRE(line > 0);
  BOOST_TEST(contains(run.out, "main.tf:" + std::to_string(line) + ":1: error: no route"), run.out);
}

BOOST_AUTO_TEST_CASE(resources_of_a_module_point_into_the_module_directory) {
  const auto run = run_cli({"--no-config", "plan.json"}, fixture("RL102-tf-modules-bad"));
  BOOST_TEST(run.exit == 1, run.err);
  const int line =
      line_of(fixture(".terraform-modules/vpc/main.tf"), "resource \"aws_route_table\" \"this\"");
  BOOST_TEST_REQUIRE(line > 0);
  BOOST_TEST(contains(run.out, "../.terraform-modules/vpc/main.tf:" + std::to_string(line) +
                                   ":1: error: no route"),
             run.out);
}

// A plan without its configuration beside it (nor under --srcroot) points into itself.
BOOST_AUTO_TEST_CASE(without_tf_files_findings_stay_in_the_plan) {
  ScratchDir scratch;
  write_file(scratch.path("plan.json"), read_file(fixture("RL102-tf-bad/plan.json")));
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 1, run.err);
  BOOST_TEST(contains(run.out, "plan.json:"), run.out);
  BOOST_TEST(!contains(run.out, ".tf:"), run.out);
}

// Plans written elsewhere (two environments' plans of one configuration, in out/): their .tf
// files are found under --srcroot, read once, and SARIF names main.tf as the artifact.
BOOST_AUTO_TEST_CASE(plans_elsewhere_find_their_configuration_under_srcroot) {
  ScratchDir scratch;
  fs::create_directories(scratch.dir() / "src");
  fs::create_directories(scratch.dir() / "out/dev");
  fs::create_directories(scratch.dir() / "out/prod");
  write_file(scratch.path("src/main.tf"), read_file(fixture("RL102-tf-bad/main.tf")));
  for (const std::string env : {"dev", "prod"})
    write_file(scratch.path("out/" + env + "/plan.json"),
               read_file(fixture("RL102-tf-bad/plan.json")));
  const int line = line_of(scratch.path("src/main.tf"), "resource \"aws_route_table\" \"client\"");
  const auto text = run_cli({"--no-config", "--srcroot", "src", "out"}, scratch.dir().string());
  BOOST_TEST(text.exit == 1, text.err);
  const std::string where = "src/main.tf:" + std::to_string(line) + ":1: error: no route";
  BOOST_TEST(contains(text.out, where + " to file system aws_fsx_openzfs_file_system.fs: "
                                        "aws_route_table.client has no route to 10.0.255.240/28 "
                                        "(client dev/aws_instance.client)"),
             text.out);
  BOOST_TEST(contains(text.out, "(client prod/aws_instance.client)"), text.out);
  // Their file systems share a location, not a group: each is named with its plan.
  BOOST_TEST(
      contains(text.out, "aws_fsx_openzfs_file_system.fs (stack dev, src/main.tf; 1 finding)"),
      text.out);
  BOOST_TEST(
      contains(text.out, "aws_fsx_openzfs_file_system.fs (stack prod, src/main.tf; 1 finding)"),
      text.out);
  const auto sarif =
      run_cli({"--no-config", "-f", "sarif", "--srcroot", "src", "out"}, scratch.dir().string());
  BOOST_TEST(contains(sarif.out, "\"uri\": \"main.tf\""), sarif.out);
  // The same report whatever the order the plans are named in.
  const auto reversed = run_cli(
      {"--no-config", "-f", "sarif", "--srcroot", "src", "out/prod/plan.json", "out/dev/plan.json"},
      scratch.dir().string());
  const auto ordered = run_cli(
      {"--no-config", "-f", "sarif", "--srcroot", "src", "out/dev/plan.json", "out/prod/plan.json"},
      scratch.dir().string());
  BOOST_TEST(reversed.out == ordered.out);
  BOOST_TEST(reversed.out == sarif.out);
  BOOST_TEST(contains(sarif.out, "\"startLine\": " + std::to_string(line)), sarif.out);
}

// A repository with one configuration per environment (infra/envs/dev, infra/envs/prod) and the
// plans elsewhere: the directory under --srcroot that declares the plan's resources, of two that
// do the one named as the plan's stack; node_modules and hidden folders are not searched.
BOOST_AUTO_TEST_CASE(configurations_under_srcroot_are_found_per_environment) {
  ScratchDir scratch;
  const std::string tf = read_file(fixture("RL102-tf-bad/main.tf"));
  for (const std::string dir : {"infra/envs/dev", "infra/envs/prod", "out/dev", "out/prod",
                                "node_modules/copy", ".terraform/copy"})
    fs::create_directories(scratch.dir() / dir);
  write_file(scratch.path("infra/envs/dev/main.tf"), tf);
  write_file(scratch.path("infra/envs/prod/main.tf"), "# production\n# two lines more\n" + tf);
  write_file(scratch.path("node_modules/copy/main.tf"), tf);
  write_file(scratch.path(".terraform/copy/main.tf"), tf);
  for (const std::string env : {"dev", "prod"})
    write_file(scratch.path("out/" + env + "/plan.json"),
               read_file(fixture("RL102-tf-bad/plan.json")));
  const int line =
      line_of(fixture("RL102-tf-bad/main.tf"), "resource \"aws_route_table\" \"client\"");
  BOOST_TEST_REQUIRE(line > 0);
  const auto run = run_cli({"--no-config", "--srcroot", ".", "out"}, scratch.dir().string());
  BOOST_TEST(run.exit == 1, run.out << run.err);
  BOOST_TEST(
      contains(run.out, "infra/envs/dev/main.tf:" + std::to_string(line) +
                            ":1: error: no route to file system aws_fsx_openzfs_file_system.fs: "
                            "aws_route_table.client has no route to 10.0.255.240/28 (client "
                            "dev/aws_instance.client)"),
      run.out);
  BOOST_TEST(
      contains(run.out, "infra/envs/prod/main.tf:" + std::to_string(line + 2) +
                            ":1: error: no route to file system aws_fsx_openzfs_file_system.fs: "
                            "aws_route_table.client has no route to 10.0.255.240/28 (client "
                            "prod/aws_instance.client)"),
      run.out);
  BOOST_TEST(!contains(run.out, "node_modules"), run.out);
  BOOST_TEST(!contains(run.out, ".terraform/"), run.out);
}

// A registry module (source = "example/vpc/aws") is where `terraform init` installed it, as
// .terraform/modules/modules.json records; the plan's configuration gives the call's source.
BOOST_AUTO_TEST_CASE(registry_modules_are_found_where_terraform_init_put_them) {
  ScratchDir scratch;
  fs::create_directories(scratch.dir() / ".terraform/modules");
  fs::create_directories(scratch.dir() / "installed/vpc");
  const auto registry = [](std::string text) {
    for (size_t at = text.find("../.terraform-modules/vpc"); at != std::string::npos;
         at = text.find("../.terraform-modules/vpc"))
      text.replace(at, 25, "example/vpc/aws");
    return text;
  };
  write_file(scratch.path("plan.json"),
             registry(read_file(fixture("RL102-tf-modules-bad/plan.json"))));
  write_file(scratch.path("main.tf"), registry(read_file(fixture("RL102-tf-modules-bad/main.tf"))));
  write_file(scratch.path("installed/vpc/main.tf"),
             read_file(fixture(".terraform-modules/vpc/main.tf")));
  write_file(
      scratch.path(".terraform/modules/modules.json"),
      R"({"Modules":[{"Key":"","Source":"","Dir":"."},)"
      R"({"Key":"client","Source":"registry.terraform.io/example/vpc/aws","Dir":"installed/vpc"},)"
      R"({"Key":"fsx","Source":"registry.terraform.io/example/vpc/aws","Dir":"installed/vpc"}]})");
  const int line =
      line_of(scratch.path("installed/vpc/main.tf"), "resource \"aws_route_table\" \"this\"");
  BOOST_TEST_REQUIRE(line > 0);
  const auto run = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 1, run.out << run.err);
  BOOST_TEST(
      contains(run.out, "installed/vpc/main.tf:" + std::to_string(line) + ":1: error: no route"),
      run.out);
  // Not installed: the plan.
  fs::remove(scratch.path(".terraform/modules/modules.json"));
  const auto without = run_cli({"--no-config", "plan.json"}, scratch.dir().string());
  BOOST_TEST(contains(without.out, "plan.json:"), without.out);
  BOOST_TEST(!contains(without.out, "installed/vpc/main.tf"), without.out);
}

// A .tf file that cannot be read is a notice; what it would locate stays in the plan.
BOOST_AUTO_TEST_CASE(an_unreadable_tf_file_is_a_notice) {
  ScratchDir scratch;
  write_file(scratch.path("plan.json"), read_file(fixture("RL102-tf-bad/plan.json")));
  fs::create_symlink(scratch.path("nowhere.tf"), scratch.path("main.tf"));
  const auto run = run_cli({"--no-config", "--notices", "plan.json"}, scratch.dir().string());
  BOOST_TEST(run.exit == 1, run.out << run.err);
  BOOST_TEST(contains(run.out, "main.tf: notice: cannot open"), run.out);
  BOOST_TEST(contains(run.out, "plan.json:"), run.out);
}

BOOST_AUTO_TEST_SUITE_END()
