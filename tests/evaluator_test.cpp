#include <memory>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "linter/ingest/cloudformation/evaluator.h"
#include "linter/ingest/cloudformation/template.h"

using namespace reachlint;

namespace {

// Templates parsed from strings; `Resources.R.Properties.P` of the first is what tests evaluate.
struct Fixture {
  std::vector<std::unique_ptr<SourceBuffer>> buffers;
  std::vector<std::unique_ptr<JsonDocument>> docs;
  TemplateSet set;
  Diagnostics diagnostics;

  explicit Fixture(const std::vector<std::pair<std::string, std::string>>& stacks) {
    for (const auto& [name, text] : stacks) {
      buffers.push_back(std::make_unique<SourceBuffer>(SourceBuffer::from_string(text)));
      docs.push_back(std::make_unique<JsonDocument>());
      const Status parsed = docs.back()->parse(*buffers.back());
      BOOST_REQUIRE_MESSAGE(parsed.ok(), (parsed ? "" : parsed.error().message));
      Template tmpl;
      tmpl.file = static_cast<uint32_t>(set.templates.size());
      tmpl.stack_name = name;
      tmpl.json = docs.back().get();
      BOOST_REQUIRE(index_template(tmpl, diagnostics));
      set.templates.push_back(std::move(tmpl));
    }
  }

  Value property(const std::string& name) {
    Evaluator evaluator(set, diagnostics);
    return evaluator.property(0, *set.templates[0].resource_by_id.at("R"), name);
  }
};

std::string with_property(const std::string& value, const std::string& extra = "") {
  return R"({)" + extra +
         R"("Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
     "R": {"Type": "AWS::EC2::Subnet", "Properties": {"P": )" +
         value + "}}}}";
}

Value eval(const std::string& value, const std::string& extra = "") {
  Fixture fixture({{"Stack", with_property(value, extra)}});
  BOOST_TEST(!fixture.diagnostics.has_errors());
  return fixture.property("P");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(evaluator)

BOOST_AUTO_TEST_CASE(cidr_and_select) {
  const Value v =
      eval(R"({"Fn::Select": [2, {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 4, 8]}]})");
  BOOST_TEST(v.text == "10.0.2.0/24");
  const Value az = eval(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})");
  BOOST_TEST((az.kind == Value::Kind::Az));
  BOOST_TEST(az.text == "az#1");
}

BOOST_AUTO_TEST_CASE(join_sub_split_findinmap) {
  BOOST_TEST(eval(R"({"Fn::Join": ["/", ["10.2.0.0", "16"]]})").text == "10.2.0.0/16");
  BOOST_TEST(eval(R"({"Fn::Sub": ["${Net}.0.0/${Bits}", {"Net": "10.3", "Bits": 16}]})").text ==
             "10.3.0.0/16");
  BOOST_TEST(eval(R"({"Fn::Select": [1, {"Fn::Split": [",", "a,b,c"]}]})").text == "b");
  BOOST_TEST(eval(R"({"Fn::FindInMap": ["Net", "prod", "Cidr"]})",
                  R"("Mappings": {"Net": {"prod": {"Cidr": "10.9.0.0/16"}}},)")
                 .text == "10.9.0.0/16");
}

BOOST_AUTO_TEST_CASE(parameters_and_conditions) {
  const std::string params =
      R"("Parameters": {"Env": {"Type": "String", "Default": "prod"}, "Free": {"Type": "String"}},
    "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}, "Unknown": {"Fn::Equals": [{"Ref": "Free"}, "x"]},
                   "Both": {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Not": [{"Condition": "IsProd"}]}]}},)";
  BOOST_TEST(eval(R"({"Fn::If": ["IsProd", "10.0.0.0/24", "10.0.1.0/24"]})", params).text ==
             "10.0.0.0/24");
  BOOST_TEST(eval(R"({"Fn::If": ["Both", "a", "b"]})", params).text == "b");
  BOOST_TEST(eval(R"({"Fn::If": ["Unknown", "a", "b"]})", params).is_unknown());
  BOOST_TEST(eval(R"({"Fn::If": ["Unknown", "same", "same"]})", params).text == "same");
  BOOST_TEST(eval(R"({"Ref": "Free"})", params).is_unknown());
  BOOST_TEST(eval(R"({"Ref": "AWS::Region"})", params).is_unknown());
  BOOST_TEST((eval(R"({"Ref": "AWS::NoValue"})", params).kind == Value::Kind::NoValue));
}

BOOST_AUTO_TEST_CASE(references_are_entities) {
  const Value ref = eval(R"({"Ref": "Vpc"})");
  BOOST_TEST((ref.kind == Value::Kind::Entity));
  BOOST_TEST(ref.text == entity_key(0, "Vpc"));
  BOOST_TEST(eval(R"({"Fn::GetAtt": ["Vpc", "DefaultSecurityGroup"]})").text ==
             entity_key(0, "Vpc", "DefaultSecurityGroup"));
  BOOST_TEST(eval(R"({"Fn::GetAtt": "Vpc.CidrBlock"})").text == "10.0.0.0/16");
}

BOOST_AUTO_TEST_CASE(cross_stack_references) {
  const std::string producer =
      R"({"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.7.0.0/16"}}},
    "Outputs": {"VpcCidr": {"Value": {"Fn::GetAtt": ["Vpc", "CidrBlock"]}, "Export": {"Name": "net:cidr"}},
                "VpcOut": {"Value": {"Ref": "Vpc"}}}})";
  {
    Fixture fixture({{"Consumer", with_property(R"({"Fn::ImportValue": "net:cidr"})")},
                     {"Producer", producer}});
    BOOST_TEST(fixture.property("P").text == "10.7.0.0/16");
  }
  {
    Fixture fixture(
        {{"Consumer",
          with_property(
              R"({"Fn::GetStackOutput": {"StackName": "Producer", "OutputName": "VpcOut", "Region": {"Ref": "AWS::Region"}}})")},
         {"Producer", producer}});
    const Value v = fixture.property("P");
    BOOST_TEST((v.kind == Value::Kind::Entity));
    BOOST_TEST(v.text == entity_key(1, "Vpc"));
  }
  {
    Fixture fixture({{"Consumer", with_property(R"({"Fn::ImportValue": "missing"})")}});
    const Value v = fixture.property("P");
    BOOST_TEST(v.is_unknown());
    BOOST_TEST(v.text.find("not defined by any template") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(invalid_expressions_are_errors) {
  const std::vector<std::string> bad = {
      R"({"Ref": "Nope"})",
      R"({"Fn::GetAtt": ["Nope", "CidrBlock"]})",
      R"({"Fn::Select": [5, ["a"]]})",
      R"({"Fn::Cidr": ["10.0.0.0/24", 300, 4]})",
      R"({"Fn::Cidr": ["10.0.0.0/24", 4, 30]})",
      R"({"Fn::If": ["Missing", "a", "b"]})",
  };
  for (const std::string& expression : bad) {
    Fixture fixture({{"Stack", with_property(expression)}});
    fixture.property("P");
    BOOST_TEST(fixture.diagnostics.has_errors(), expression);
  }
}

BOOST_AUTO_TEST_CASE(condition_cycles_are_errors) {
  const std::string conditions =
      R"("Conditions": {"A": {"Condition": "B"}, "B": {"Fn::Not": [{"Condition": "A"}]}},)";
  Fixture fixture({{"Stack", with_property(R"({"Fn::If": ["A", "x", "y"]})", conditions)}});
  fixture.property("P");
  BOOST_TEST(fixture.diagnostics.has_errors());
  BOOST_TEST(fixture.diagnostics.errors().front().message.find("circular") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
