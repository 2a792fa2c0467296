// Inputs nobody here wrote (tests/third-party, see SOURCES.md there): cfn-lint's template fixtures
// and Batfish's recordings of real accounts. Each runs without a crash; valid files give no input
// error; and none gives a finding, since none holds an FSx file system (checked by hand: no
// AWS::FSx::FileSystem in any template, no FileSystems in any recording, and no transit gateway or
// peering joining overlapping VPCs, the one network-only rule, RL202).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "support.h"

namespace fs = std::filesystem;
using reachlint::test::run_cli;

namespace {

const fs::path& third_party() {
  static const fs::path root = fs::path(reachlint::test::source_dir()) / "tests" / "third-party";
  return root;
}

std::vector<fs::path> files_under(const fs::path& dir, const std::set<std::string>& extensions) {
  std::vector<fs::path> out;
  for (const fs::path& file : reachlint::test::files_under(dir)) {
    if (extensions.count(file.extension().string())) out.push_back(file);
  }
  return out;
}

std::string name_in_corpus(const fs::path& path) {
  return fs::relative(path, third_party()).generic_string();
}

size_t finding_count(const std::string& json_report) {
  simdjson::dom::parser parser;
  simdjson::dom::element report;
  if (parser.parse(json_report).get(report) != simdjson::SUCCESS) return SIZE_MAX;
  return simdjson::dom::array(report["findings"]).size();
}

// cfn-lint's templates that are not JSON at all (its parser tests): an error at their position.
const std::set<std::string> kBrokenJson = {
    "cfn-lint/test/fixtures/templates/bad/core/config_invalid_json.json",
    "cfn-lint/test/fixtures/templates/bad/json_parse.json",
};

// Batfish's per-entity inputs include one that is not AWS CLI output (an ELB listener action).
const std::set<std::string> kNotAnInput = {
    "batfish/projects/batfish/src/test/resources/org/batfish/representation/aws/DefaultAction.json",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(foreign_inputs)

BOOST_AUTO_TEST_CASE(cfn_lint_json_templates) {
  const auto files = files_under(third_party() / "cfn-lint", {".json", ".template"});
  BOOST_TEST_REQUIRE(files.size() >= 8u);
  for (const fs::path& file : files) {
    const std::string name = name_in_corpus(file);
    const auto run = run_cli({"--no-config", "-f", "json", file.string()});
    if (kBrokenJson.count(name)) {
      BOOST_TEST(run.exit == 2, name);
      BOOST_TEST(run.err.find(file.string() + ":") == 0, name << ": " << run.err);
      BOOST_TEST(run.err.find("error: invalid JSON") != std::string::npos, name << ": " << run.err);
      continue;
    }
    BOOST_TEST(run.exit == 0, name << ": " << run.err);
    BOOST_TEST(run.err.empty(), name << ": " << run.err);
    BOOST_TEST(finding_count(run.out) == 0u, name << ": " << run.out);
  }
}

// cfn-lint's YAML templates that CloudFormation would refuse, each checked by hand: where the
// error is and what it says. Every other YAML template reads without an error and no finding.
const std::map<std::string, std::vector<std::string>> kBrokenYaml = {
    // `CidrBlock: String`: a placeholder, not a CIDR.
    {"at-v0.87.11/test/fixtures/templates/bad/outputs/configuration.yaml",
     {"14:18: error: CidrBlock of myVpc: 'String' is not a valid IPv4 CIDR"}},
    {"at-v0.87.11/test/fixtures/templates/bad/properties_vpcid.yaml",
     {"14:18: error: CidrBlock of AWSEC2Subnet: 'String' is not a valid IPv4 CIDR"}},
    // `!Sub "${VPCSubnetPrefix}.48.0/23"` names no parameter, resource or Sub variable: cfn-lint
    // 0.87 called it good, CloudFormation rejects it (unresolved dependency).
    {"at-v0.87.11/test/fixtures/templates/good/functions_cidr.yaml",
     {"48:43: error: Fn::Sub refers to 'VPCSubnetPrefix', which is not defined"}},
    // `Condition: False`, a boolean where a condition's name belongs.
    {"test/fixtures/templates/bad/conditions.yaml",
     {"84:16: error: a resource's Condition must be the name of a condition"}},
    {"test/fixtures/templates/bad/core/config_invalid_yaml.yaml",
     {"8:7: error: invalid YAML: while parsing a block mapping did not find expected key"}},
    {"test/fixtures/templates/bad/empty_file.yaml", {"1:1: error: the file is empty"}},
    {"test/fixtures/templates/empty.yaml", {"1:1: error: the file is empty"}},
    // `VpcId: {Fn::ImportValue: [PrimaryRegion]}`: a list where the export name belongs.
    {"test/fixtures/templates/bad/functions/import_value.yaml",
     {"13:9: error: Fn::ImportValue needs an export name"}},
    // `SecurityGroupIngress: {Fn::GetAZs: ...}`: a list of AZ names where rules belong.
    {"test/fixtures/templates/bad/generic.yaml",
     {"198:9: error: SecurityGroupIngress of lambdaMap1 must be a list"}},
    {"test/fixtures/templates/bad/mappings/used.yaml",
     {"13:19: error: CidrBlock of mySubnet: 'XXX.XXX.XXX.XXX/XX' is not a valid IPv4 CIDR"}},
    // A YAML mapping without Resources, and a bare string.
    {"test/fixtures/templates/bad/not_cloudformation.yaml",
     {"2:1: error: not a CloudFormation template: a YAML template has a Resources mapping"}},
    {"test/fixtures/templates/bad/string.yaml",
     {"1:1: error: not a CloudFormation template: a YAML template has a Resources mapping"}},
    // `CidrIp: 10.0.0.0` (no prefix length), and a rule without IpProtocol.
    {"test/fixtures/templates/bad/properties_sg_ingress.yaml",
     {"43:17: error: CidrIp of mySecurityGroupVpc: '10.0.0.0' is not a valid IPv4 CIDR",
      "71:3: error: a security group rule of mySecurityGroupIngressExclusive needs IpProtocol"}},
    // `VpcId: !Ref FargateTaskRole  # Wrong type`, as the template itself says.
    {"test/fixtures/templates/integration/ref-types.yaml",
     {"45:14: error: VpcId of Subnet2 refers to FargateTaskRole (AWS::IAM::Role), which is not a "
      "VPC"}},
};

BOOST_AUTO_TEST_CASE(cfn_lint_yaml_templates) {
  const auto files = files_under(third_party() / "cfn-lint", {".yaml", ".yml"});
  BOOST_TEST_REQUIRE(files.size() >= 70u);
  size_t broken = 0;
  for (const fs::path& file : files) {
    const std::string name = name_in_corpus(file).substr(std::string("cfn-lint/").size());
    const auto run = run_cli({"--no-config", "-f", "json", file.string()});
    const auto expected = kBrokenYaml.find(name);
    if (expected != kBrokenYaml.end()) {
      ++broken;
      std::string errors;
      for (const std::string& error : expected->second)
        errors += file.string() + ":" + error + "\n";
      BOOST_TEST(run.exit == 2, name);
      BOOST_TEST(run.err == errors, name);
      continue;
    }
    BOOST_TEST(run.exit == 0, name << ": " << run.err);
    BOOST_TEST(run.err.empty(), name << ": " << run.err);
    BOOST_TEST(finding_count(run.out) == 0u, name << ": " << run.out);
  }
  BOOST_TEST(broken == kBrokenYaml.size());
}

BOOST_AUTO_TEST_CASE(a_directory_walk_names_every_file_it_cannot_read) {
  const auto run = run_cli({"--no-config", "-f", "json", (third_party() / "cfn-lint").string()});
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(run.err.find("json_parse.json:5:11: error: invalid JSON") != std::string::npos,
             run.err);
  // Every error is one of the broken YAML templates above or JSON that does not parse.
  std::string_view err = run.err;
  size_t lines = 0;
  while (!err.empty()) {
    const std::string_view line = err.substr(0, err.find('\n'));
    err.remove_prefix(std::min(err.size(), line.size() + 1));
    ++lines;
    const bool yaml = std::any_of(kBrokenYaml.begin(), kBrokenYaml.end(), [&](const auto& entry) {
      return std::any_of(entry.second.begin(), entry.second.end(), [&](const std::string& error) {
        return line.find(entry.first + ":" + error) != std::string_view::npos;
      });
    });
    const bool broken = line.find(".json:") != std::string_view::npos &&
                        line.find("error: invalid JSON") != std::string_view::npos;
    BOOST_TEST((yaml || broken), line);
  }
  BOOST_TEST(lines >= 10u);
}

BOOST_AUTO_TEST_CASE(batfish_snapshots_in_every_layout) {
  std::vector<fs::path> snapshots;
  for (const auto& entry : fs::recursive_directory_iterator(third_party() / "batfish")) {
    if (entry.is_directory() && entry.path().filename() == "aws_configs")
      snapshots.push_back(entry.path());
  }
  std::sort(snapshots.begin(), snapshots.end());
  BOOST_TEST_REQUIRE(snapshots.size() == 17u);
  for (const fs::path& snapshot : snapshots) {
    const auto run = run_cli({"--no-config", "-f", "json", snapshot.string()});
    BOOST_TEST(run.exit == 0, name_in_corpus(snapshot) << ": " << run.err);
    BOOST_TEST(run.err.empty(), name_in_corpus(snapshot) << ": " << run.err);
    BOOST_TEST(finding_count(run.out) == 0u, name_in_corpus(snapshot));
  }
}

BOOST_AUTO_TEST_CASE(batfish_single_entity_recordings) {
  const fs::path dir = third_party() /
                       "batfish/projects/batfish/src/test/resources/org/batfish/"
                       "representation/aws";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  BOOST_TEST_REQUIRE(files.size() == 28u);
  for (const fs::path& file : files) {
    const std::string name = name_in_corpus(file);
    const auto run = run_cli({"--no-config", "-f", "json", file.string()});
    if (kNotAnInput.count(name)) {
      BOOST_TEST(run.exit == 2, name);
      BOOST_TEST(run.err.find("not a CloudFormation template") != std::string::npos, run.err);
      continue;
    }
    BOOST_TEST(run.exit == 0, name << ": " << run.err);
    BOOST_TEST(finding_count(run.out) == 0u, name);
  }
}

BOOST_AUTO_TEST_SUITE_END()
