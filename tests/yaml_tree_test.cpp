// CloudFormation YAML into the JSON tree: short-form tags, scalar types, anchors, positions,
// errors.
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>

#include "linter/core/source.h"
#include "linter/ingest/common/json_tree.h"

using reachlint::JsonDocument;
using reachlint::JsonKind;
using reachlint::JsonNode;
using reachlint::SourceBuffer;
using reachlint::Status;

namespace {

struct Parsed {
  SourceBuffer buffer;
  JsonDocument json;
  bool ok = false;
  uint32_t error_offset = 0;
  std::string error;
};

std::unique_ptr<Parsed> parse(const std::string& text) {
  auto parsed = std::make_unique<Parsed>();
  parsed->buffer = SourceBuffer::from_string(text);
  const Status status = parsed->json.parse_yaml(parsed->buffer);
  parsed->ok = status.ok();
  if (!status) {
    parsed->error_offset = status.error().location.offset;
    parsed->error = status.error().message;
  }
  return parsed;
}

// The value at a path of keys and indexes ("Resources/Vpc/Properties/CidrBlock", "0" for [0]).
const JsonNode* at(const JsonDocument& json, const std::string& path) {
  const JsonNode* node = &json.root();
  size_t start = 0;
  while (node && start <= path.size()) {
    const std::string step = path.substr(start, path.find('/', start) - start);
    if (node->is_array()) {
      const size_t index = std::stoul(step);
      node = index < node->count ? json.elements(*node)[index] : nullptr;
    } else {
      node = json.find(*node, step);
    }
    const size_t slash = path.find('/', start);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return node;
}

std::string text_at(const JsonDocument& json, const std::string& path) {
  const JsonNode* node = at(json, path);
  return node && node->is_string() ? std::string(node->text) : "<" + path + " missing>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_tree)

BOOST_AUTO_TEST_CASE(short_forms_become_their_json_forms) {
  const auto p = parse(
      "A: !Ref Vpc\n"
      "B: !GetAtt Sg.GroupId\n"
      "C: !GetAtt [Db, Endpoint.Address]\n"
      "D: !Select [1, !GetAZs '']\n"
      "E: !Sub '${AWS::StackName}-x'\n"
      "F: !If [IsProd, !Ref A, !Ref AWS::NoValue]\n"
      "G: !Condition IsProd\n"
      "H: {Fn::ImportValue: net-VpcId}\n");
  BOOST_TEST_REQUIRE(p->ok, p->error);
  const JsonDocument& json = p->json;
  BOOST_TEST(text_at(json, "A/Ref") == "Vpc");
  BOOST_TEST(text_at(json, "B/Fn::GetAtt/0") == "Sg");
  BOOST_TEST(text_at(json, "B/Fn::GetAtt/1") == "GroupId");
  BOOST_TEST(text_at(json, "C/Fn::GetAtt/1") == "Endpoint.Address");
  BOOST_TEST((at(json, "D/Fn::Select/0")->kind == JsonKind::Integer));
  BOOST_TEST(text_at(json, "D/Fn::Select/1/Fn::GetAZs") == "");
  BOOST_TEST(text_at(json, "E/Fn::Sub") == "${AWS::StackName}-x");
  BOOST_TEST(text_at(json, "F/Fn::If/2/Ref") == "AWS::NoValue");
  BOOST_TEST(text_at(json, "G/Condition") == "IsProd");
  BOOST_TEST(text_at(json, "H/Fn::ImportValue") == "net-VpcId");
}

BOOST_AUTO_TEST_CASE(plain_scalars_are_typed_quoted_ones_are_strings) {
  const auto p = parse(
      "i: 2049\nn: -1\nr: 1.5e3\nt: true\nf: False\nz: ~\ne:\ns: '2049'\nd: \"true\"\n"
      "w: 10.0.0.0/16\nv: 2012-10-17\nbig: 99999999999999999999\n");
  BOOST_TEST_REQUIRE(p->ok, p->error);
  const JsonDocument& json = p->json;
  BOOST_TEST(at(json, "i")->integer == 2049);
  BOOST_TEST(at(json, "n")->integer == -1);
  BOOST_TEST((at(json, "r")->kind == JsonKind::Real));
  BOOST_TEST(at(json, "r")->real == 1500.0);
  BOOST_TEST((at(json, "t")->kind == JsonKind::Bool && at(json, "t")->boolean));
  BOOST_TEST((at(json, "f")->kind == JsonKind::Bool && !at(json, "f")->boolean));
  BOOST_TEST((at(json, "z")->kind == JsonKind::Null));
  BOOST_TEST((at(json, "e")->kind == JsonKind::Null));
  BOOST_TEST(text_at(json, "s") == "2049");
  BOOST_TEST(text_at(json, "d") == "true");
  BOOST_TEST(text_at(json, "w") == "10.0.0.0/16");
  BOOST_TEST(text_at(json, "v") == "2012-10-17");
  BOOST_TEST((at(json, "big")->kind == JsonKind::Real));
}

BOOST_AUTO_TEST_CASE(anchors_and_aliases_share_the_value) {
  const auto p = parse("a: &cidr 10.0.0.0/16\nb: *cidr\nc: &list [1, 2]\nd: *list\n");
  BOOST_TEST_REQUIRE(p->ok, p->error);
  BOOST_TEST(text_at(p->json, "b") == "10.0.0.0/16");
  BOOST_TEST(at(p->json, "d")->count == 2u);
}

BOOST_AUTO_TEST_CASE(offsets_are_bytes_into_the_file) {
  const std::string text = "# é comment\nResources:\n  Vpc: {Type: 'AWS::EC2::VPC'}\n";
  const auto p = parse(text);
  BOOST_TEST_REQUIRE(p->ok, p->error);
  const auto& members = p->json.members(p->json.root());
  BOOST_TEST(members[0].key_offset == text.find("Resources"));
  const JsonNode* type = at(p->json, "Resources/Vpc/Type");
  BOOST_TEST(type->offset == text.find("'AWS::EC2::VPC'"));
  const auto bom = parse("\xEF\xBB\xBFResources: {}\n");
  BOOST_TEST_REQUIRE(bom->ok, bom->error);
  BOOST_TEST(bom->json.members(bom->json.root())[0].key_offset == 3u);
}

BOOST_AUTO_TEST_CASE(errors_are_located) {
  const std::string text = "Resources:\n  Vpc: [1,\n  Sg: }\n";
  const auto broken = parse(text);
  BOOST_TEST(!broken->ok);
  BOOST_TEST(broken->error.find("invalid YAML: ") == 0u, broken->error);
  BOOST_TEST(broken->error_offset == text.find('}'));  // where a value should be
  const auto two = parse("a: 1\n---\nb: 2\n");
  BOOST_TEST(!two->ok);
  BOOST_TEST(two->error == "a template is one YAML document, not several");
  BOOST_TEST(two->error_offset == 5u);
  const auto empty = parse("");
  BOOST_TEST(empty->error == "the file is empty");
  const auto alias = parse("a: *nowhere\n");
  BOOST_TEST(!alias->ok);
  const auto complex_key = parse("? [a, b]\n: 1\n");
  BOOST_TEST(complex_key->error == "a mapping key must be a plain or quoted string");
  const auto invalid_utf8 = parse("a: \"\xC3\x28\"\n");
  BOOST_TEST(!invalid_utf8->ok);
}

BOOST_AUTO_TEST_CASE(nesting_is_bounded) {
  const auto deep = parse(std::string(200000, '[') + std::string(200000, ']'));
  BOOST_TEST(!deep->ok);
  BOOST_TEST(deep->error == "nesting deeper than 1000 levels");
}

BOOST_AUTO_TEST_SUITE_END()
