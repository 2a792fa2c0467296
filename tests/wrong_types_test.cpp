// Wrong types at every level (issue 5): every value of a real template and of a real account
// export is replaced, one at a time, by values of other JSON types. Each run must end in exit
// 0, 1 or 2 (no crash, no hang); exit 2 only with one-line `file:line:col: error:` messages; and
// a wrong type where reachlint reads the value must change the outcome (an error, a notice or
// other findings), never pass as if the value were fine.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "linter/core/source.h"
#include "linter/ingest/common/json_tree.h"
#include "support.h"

namespace fs = std::filesystem;
using reachlint::JsonDocument;
using reachlint::JsonKind;
using reachlint::JsonNode;
using reachlint::SourceBuffer;
using reachlint::Status;
using reachlint::test::read_file;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;
using reachlint::test::write_file;

namespace {

// A value to replace: where it starts and ends in the file, its kind, the key that holds it.
struct Site {
  size_t begin = 0;
  size_t end = 0;
  JsonKind kind = JsonKind::Null;
  std::string key;   // empty for array elements and the root
  std::string path;  // JSON pointer with '*' for array indices: /Resources/Vpc/Properties/CidrBlock
  std::string text;  // strings: the value
};

// The end of the JSON value that starts at `at` (the input is valid JSON).
size_t value_end(const std::string& text, size_t at) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = at; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"' && (in_string = false, depth == 0))
        return i + 1;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
      if (depth < 0) return i;
    } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
      return i;
    }
  }
  return text.size();
}

std::vector<Site> sites_of(const std::string& text) {
  const SourceBuffer buffer = SourceBuffer::from_string(text);
  JsonDocument json;
  const Status parsed = json.parse(buffer);
  BOOST_TEST_REQUIRE(parsed.ok(), (parsed ? "" : parsed.error().message));
  std::vector<Site> sites;
  const std::function<void(const JsonNode&, const std::string&, const std::string&)> visit =
      [&](const JsonNode& node, const std::string& key, const std::string& path) {
        sites.push_back({node.offset, value_end(text, node.offset), node.kind, key, path,
                         std::string(node.is_string() ? node.text : "")});
        if (node.is_object()) {
          for (const auto& member : json.members(node)) {
            const std::string name(member.key);
            visit(*member.value, name, path + "/" + name);
          }
        } else if (node.is_array()) {
          for (const JsonNode* element : json.elements(node)) visit(*element, key, path + "/*");
        }
      };
  visit(json.root(), "", "");
  return sites;
}

// Two values of other types. Numbers and strings do not replace each other: CloudFormation
// takes "2049" for 2049, so that swap is not a wrong type.
std::vector<std::string> wrong_values(JsonKind kind) {
  switch (kind) {
    case JsonKind::Object:
      return {"[]", "\"x\""};
    case JsonKind::Array:
      return {"{}", "7"};
    case JsonKind::String:
      return {"[]", "true"};
    case JsonKind::Integer:
    case JsonKind::Real:
      return {"{}", "null"};
    case JsonKind::Bool:
    case JsonKind::Null:
      return {"[]", "{}"};
  }
  return {};
}

// Keys whose value reachlint reads on the way to a verdict in these inputs.
const std::set<std::string> kReadKeys = {"Resources",
                                         "Type",
                                         "Properties",
                                         "CidrBlock",
                                         "VpcId",
                                         "SubnetId",
                                         "SubnetIds",
                                         "RouteTableId",
                                         "RouteTableIds",
                                         "DestinationCidrBlock",
                                         "TransitGatewayId",
                                         "GatewayId",
                                         "FileSystemType",
                                         "SecurityGroupIds",
                                         "GroupId",
                                         "IpProtocol",
                                         "FromPort",
                                         "ToPort",
                                         "CidrIp",
                                         "PreferredSubnetId",
                                         "DeploymentType",
                                         "OpenZFSConfiguration",
                                         "Vpcs",
                                         "Subnets",
                                         "RouteTables",
                                         "Routes",
                                         "Associations",
                                         "SecurityGroups",
                                         "IpPermissions",
                                         "IpPermissionsEgress",
                                         "IpRanges",
                                         "FileSystems",
                                         "NetworkAcls",
                                         "Entries",
                                         "RuleAction",
                                         "Egress",
                                         "RuleNumber",
                                         "Protocol",
                                         "PortRange",
                                         "NetworkInterfaceIds",
                                         "NetworkInterfaces",
                                         "Groups",
                                         "Reservations",
                                         "Instances",
                                         "TransitGatewayAttachments",
                                         "State"};

// Where those keys hold what reachlint does not use: parameters' declared types (it takes
// defaults), reservation-level groups, an instance's ENI list, monitoring and metadata options
// (it takes the instance's own SubnetId and SecurityGroups), an association's copy of its table id.
const std::vector<std::string> kUnreadPaths = {"/Parameters/",
                                               "/Reservations/*/Groups",
                                               "/Reservations/*/Instances/*/NetworkInterfaces",
                                               "/Reservations/*/Instances/*/Monitoring/",
                                               "/Reservations/*/Instances/*/MetadataOptions/",
                                               "/RouteTables/*/Associations/*/RouteTableId"};

// The resource types reachlint models; the properties of others (VPC endpoints, roles) are unread.
const std::set<std::string> kModelledTypes = {"AWS::EC2::Instance",
                                              "AWS::EC2::NetworkAcl",
                                              "AWS::EC2::NetworkAclEntry",
                                              "AWS::EC2::NetworkInterface",
                                              "AWS::EC2::PrefixList",
                                              "AWS::EC2::Route",
                                              "AWS::EC2::RouteTable",
                                              "AWS::EC2::SecurityGroup",
                                              "AWS::EC2::SecurityGroupEgress",
                                              "AWS::EC2::SecurityGroupIngress",
                                              "AWS::EC2::Subnet",
                                              "AWS::EC2::SubnetNetworkAclAssociation",
                                              "AWS::EC2::SubnetRouteTableAssociation",
                                              "AWS::EC2::TransitGateway",
                                              "AWS::EC2::TransitGatewayAttachment",
                                              "AWS::EC2::TransitGatewayRoute",
                                              "AWS::EC2::TransitGatewayRouteTable",
                                              "AWS::EC2::TransitGatewayRouteTableAssociation",
                                              "AWS::EC2::TransitGatewayRouteTablePropagation",
                                              "AWS::EC2::TransitGatewayVpcAttachment",
                                              "AWS::EC2::VPC",
                                              "AWS::EC2::VPCCidrBlock",
                                              "AWS::EC2::VPCGatewayAttachment",
                                              "AWS::EC2::VPCPeeringConnection",
                                              "AWS::EC2::VPNGateway",
                                              "AWS::FSx::FileSystem",
                                              "AWS::FSx::StorageVirtualMachine"};

// "/Resources/<id>/Properties/" for every resource of a type reachlint does not model.
std::vector<std::string> unmodelled_resources(const std::vector<Site>& sites) {
  static const std::regex kTypePath(R"(/Resources/([^/]+)/Type)");
  std::vector<std::string> prefixes;
  std::smatch match;
  for (const Site& site : sites) {
    if (std::regex_match(site.path, match, kTypePath) && kModelledTypes.count(site.text) == 0)
      prefixes.push_back("/Resources/" + match[1].str() + "/Properties/");
  }
  return prefixes;
}

bool starts_with_any(const std::string& path, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& prefix) {
    return path.compare(0, prefix.size(), prefix) == 0;
  });
}

bool is_read(const Site& site, const std::vector<std::string>& unmodelled) {
  if (kReadKeys.count(site.key) == 0 || starts_with_any(site.path, unmodelled)) return false;
  return !starts_with_any(site.path, kUnreadPaths);
}

struct Outcome {
  int exit = -1;
  std::string out;
  std::string err;
};

class MutationRun {
 public:
  // `input` is the file to mutate inside `scratch`; `target` what reachlint is given.
  MutationRun(fs::path input, std::string target)
      : input_(std::move(input)), target_(std::move(target)) {
    original_ = read_file(input_.string());
  }

  Outcome run() const {
    const auto result =
        run_cli({"--no-config", "-f", "json", target_}, input_.parent_path().string());
    return {result.exit, result.out, result.err};
  }

  void check_every_site() {
    const Outcome baseline = run();
    BOOST_TEST_REQUIRE(baseline.exit <= 1, baseline.err);
    size_t runs = 0;
    const std::vector<Site> sites = sites_of(original_);
    unmodelled_ = unmodelled_resources(sites);
    for (const Site& site : sites) {
      for (const std::string& value : wrong_values(site.kind)) {
        write_file(input_.string(),
                   original_.substr(0, site.begin) + value + original_.substr(site.end));
        check(site, value, baseline, run());
        ++runs;
      }
    }
    write_file(input_.string(), original_);
    BOOST_TEST_MESSAGE(input_.filename().string() << ": " << runs << " mutations");
  }

 private:
  void check(const Site& site, const std::string& value, const Outcome& baseline,
             const Outcome& outcome) const {
    static const std::regex kErrorLine(R"([^:\n]+:[0-9]+:[0-9]+: error: [^\n]+\n)");
    BOOST_TEST_CONTEXT(input_.filename().string()
                       << " offset " << site.begin << " " << site.path << " -> " << value) {
      BOOST_TEST((outcome.exit >= 0 && outcome.exit <= 2));
      if (outcome.exit == 2) {
        std::string rest = outcome.err;
        std::smatch line;
        while (std::regex_search(rest, line, kErrorLine) && line.position() == 0)
          rest = line.suffix();
        BOOST_TEST(rest.empty(), "not a located one-line error: " << outcome.err);
      }
      if (is_read(site, unmodelled_)) {
        BOOST_TEST((outcome.exit != baseline.exit || outcome.out != baseline.out),
                   "a wrong type where reachlint reads the value passed silently: " << outcome.out);
      }
    }
  }

  fs::path input_;
  std::string target_;
  std::string original_;
  std::vector<std::string> unmodelled_;  // see unmodelled_resources
};

}  // namespace

BOOST_AUTO_TEST_SUITE(wrong_types)

// The seed scenario (TGW, OpenZFS, instance), a transit gateway with static routes, network ACLs,
// an ONTAP file system with defaults.
BOOST_AUTO_TEST_CASE(every_value_of_a_template) {
  for (const char* name :
       {"corpus-seed-as-is", "corpus-tgw-ok", "RL302-min-bad", "RL104-ontap-default-bad"}) {
    const ScratchDir scratch;
    fs::copy_file(reachlint::test::fixture(std::string(name) + "/template.json"),
                  scratch.path("template.json"));
    MutationRun(scratch.dir() / "template.json", "template.json").check_every_site();
  }
}

BOOST_AUTO_TEST_CASE(every_value_of_an_account_export) {
  const ScratchDir scratch;
  fs::copy(reachlint::test::fixture("RL106-dump-bad/export"), scratch.path("export"));
  for (const fs::path& file : reachlint::test::files_under(scratch.path("export"))) {
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    MutationRun(file, ".").check_every_site();
  }
}

BOOST_AUTO_TEST_SUITE_END()
