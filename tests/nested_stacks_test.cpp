// Nested stacks beyond what the fixtures show: a template nested twice is two stacks, nesting
// any number of levels deep passes values all the way, a cycle of templates that are all
// someone's child is still read (and reported), and a parent's condition decides its children.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "linter/ingest/cloudformation/evaluator.h"
#include "linter/ingest/cloudformation/nested_stacks.h"
#include "linter/ingest/cloudformation/template.h"
#include "support.h"

using namespace reachlint;

namespace {

// What the format asks of the loader: the files it requires, in order.
class RecordingLoader final : public LoaderAccess {
 public:
  LoadedFile* read_json(const std::string& /*path*/) override { return nullptr; }
  void require(std::string path, std::string /*stack_name*/) override {
    required.push_back(std::move(path));
  }
  std::vector<std::string> required;
};

// Template files written to a scratch folder, read as the format reads them, then linked.
struct Stacks {
  test::ScratchDir scratch;
  std::vector<std::unique_ptr<SourceBuffer>> buffers;
  std::vector<std::unique_ptr<JsonDocument>> docs;
  TemplateSet set;
  Diagnostics diagnostics;
  RecordingLoader loader;

  // `files`: name -> text; all are read, in this order, as inputs given together.
  explicit Stacks(const std::vector<std::pair<std::string, std::string>>& files) {
    for (const auto& [name, text] : files) test::write_file(scratch.path(name), text);
    for (const auto& [name, text] : files) {
      buffers.push_back(std::make_unique<SourceBuffer>(SourceBuffer::from_string(text)));
      docs.push_back(std::make_unique<JsonDocument>());
      BOOST_REQUIRE(docs.back()->parse(*buffers.back()).ok());
      Template tmpl;
      tmpl.file = static_cast<uint32_t>(set.templates.size());
      tmpl.path = scratch.path(name);
      tmpl.stack_name = name;
      tmpl.json = docs.back().get();
      BOOST_REQUIRE(index_template(tmpl, diagnostics));
      find_nested_templates(tmpl, loader, diagnostics);
      set.templates.push_back(std::move(tmpl));
    }
    link_nested_stacks(set, diagnostics);
  }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const Template& t : set.templates) out.push_back(t.stack_name);
    return out;
  }

  uint32_t stack(const std::string& name) const {
    for (uint32_t i = 0; i < set.templates.size(); ++i) {
      if (set.templates[i].stack_name == name) return i;
    }
    BOOST_FAIL("no stack " << name);
    return 0;
  }

  // Properties.CidrBlock of resource `id` in stack `name`, evaluated.
  Value cidr(const std::string& name, const std::string& id) {
    Evaluator evaluator(set, diagnostics);
    const uint32_t s = stack(name);
    return evaluator.property(s, *set.templates[s].resource_by_id.at(id), "CidrBlock");
  }

  Tri exists(const std::string& name, const std::string& id) {
    Evaluator evaluator(set, diagnostics);
    const uint32_t s = stack(name);
    return evaluator.resource_condition(s, *set.templates[s].resource_by_id.at(id));
  }

  std::string errors() const {
    std::string out;
    for (const InputError& e : diagnostics.sorted_errors()) out += e.message + "\n";
    return out;
  }
};

std::string nest(const std::string& id, const std::string& url, const std::string& parameters,
                 const std::string& extra = "") {
  return "\"" + id + R"(": {"Type": "AWS::CloudFormation::Stack", )" + extra +
         R"("Properties": {"TemplateURL": ")" + url + R"(", "Parameters": {)" + parameters + "}}}";
}

// A template passing its parameter Cidr on to `child` as Cidr, and using it for a VPC.
std::string level(const std::string& child) {
  return R"({"Parameters": {"Cidr": {"Type": "String"}}, "Resources": {)" +
         nest("Next", child, R"("Cidr": {"Ref": "Cidr"})") +
         R"(, "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Ref": "Cidr"}}}},
         "Outputs": {"Deepest": {"Value": {"Fn::GetAtt": ["Next", "Outputs.Deepest"]}}}})";
}

const std::string kLeaf =
    R"({"Parameters": {"Cidr": {"Type": "String"}},
        "Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Ref": "Cidr"}}}},
        "Outputs": {"Deepest": {"Value": {"Ref": "Cidr"}}}})";

}  // namespace

BOOST_AUTO_TEST_SUITE(nested_stacks)

BOOST_AUTO_TEST_CASE(values_pass_down_and_outputs_up_at_any_depth) {
  Stacks s(
      {{"root.json", R"({"Resources": {)" + nest("Next", "l1.json", R"("Cidr": "10.7.0.0/16")") +
                         R"(, "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock":
                              {"Fn::GetAtt": ["Next", "Outputs.Deepest"]}}}}})"},
       {"l1.json", level("l2.json")},
       {"l2.json", level("l3.json")},
       {"l3.json", level("leaf.json")},
       {"leaf.json", kLeaf}});
  BOOST_TEST(s.errors() == "");
  // Each file once, as the child of the one before: none of them on its own.
  const std::vector<std::string> expected = {"root.json", "root.json/Next", "root.json/Next/Next",
                                             "root.json/Next/Next/Next",
                                             "root.json/Next/Next/Next/Next"};
  BOOST_TEST(s.names() == expected, boost::test_tools::per_element());
  BOOST_TEST(s.cidr("root.json/Next/Next/Next/Next", "Vpc").text == "10.7.0.0/16");
  BOOST_TEST(s.cidr("root.json/Next/Next", "Vpc").text == "10.7.0.0/16");
  // Back up four levels of outputs.
  BOOST_TEST(s.cidr("root.json", "Vpc").text == "10.7.0.0/16");
}

BOOST_AUTO_TEST_CASE(a_child_read_before_its_parent_is_still_only_its_child) {
  Stacks s({{"leaf.json", kLeaf},
            {"root.json",
             R"({"Resources": {)" + nest("Leaf", "leaf.json", R"("Cidr": "10.3.0.0/16")") + "}}"}});
  BOOST_TEST(s.errors() == "");
  const std::vector<std::string> expected = {"root.json", "root.json/Leaf"};
  BOOST_TEST(s.names() == expected, boost::test_tools::per_element());
  BOOST_TEST(s.cidr("root.json/Leaf", "Vpc").text == "10.3.0.0/16");
}

BOOST_AUTO_TEST_CASE(a_template_nested_twice_is_two_stacks) {
  Stacks s(
      {{"root.json", R"({"Resources": {)" + nest("A", "leaf.json", R"("Cidr": "10.1.0.0/16")") +
                         ", " + nest("B", "leaf.json", R"("Cidr": "10.2.0.0/16")") + "}}"},
       {"leaf.json", kLeaf}});
  BOOST_TEST(s.errors() == "");
  BOOST_TEST(s.set.templates.size() == 3u);
  BOOST_TEST(s.cidr("root.json/A", "Vpc").text == "10.1.0.0/16");
  BOOST_TEST(s.cidr("root.json/B", "Vpc").text == "10.2.0.0/16");
}

BOOST_AUTO_TEST_CASE(cycles_are_errors_and_still_read) {
  // a nests b, b nests a: both are someone's child, so neither is a root.
  Stacks s({{"a.json", R"({"Resources": {)" + nest("ToB", "b.json", "") + "}}"},
            {"b.json", R"({"Resources": {)" + nest("ToA", "a.json", "") + "}}"}});
  BOOST_TEST(s.errors().find("is this template or one it is nested in") != std::string::npos);
  const std::vector<std::string> expected = {"a.json", "a.json/ToB"};
  BOOST_TEST(s.names() == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_self_nesting_template_is_an_error) {
  Stacks s(
      {{"self.json", R"({"Resources": {)" +
                         nest("Me", "https://bucket.s3.amazonaws.com/x/self.json", "") + "}}"}});
  BOOST_TEST(s.errors().find("nested stack Me") != std::string::npos);
  BOOST_TEST(s.set.templates.size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_parents_condition_decides_the_children) {
  const std::string root =
      R"({"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
      "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
      "Resources": {)" +
      nest("Prod", "leaf.json", R"("Cidr": "10.1.0.0/16")", R"("Condition": "IsProd", )") + ", " +
      nest("Always", "leaf.json", R"("Cidr": "10.2.0.0/16")") + "}}";
  Stacks s({{"root.json", root}, {"leaf.json", kLeaf}});
  BOOST_TEST(s.errors() == "");
  BOOST_TEST((s.exists("root.json/Prod", "Vpc") == Tri::False));
  BOOST_TEST((s.exists("root.json/Always", "Vpc") == Tri::True));
}

BOOST_AUTO_TEST_CASE(what_the_parent_must_pass) {
  Stacks s(
      {{"root.json", R"({"Resources": {)" + nest("Leaf", "leaf.json", R"("Other": "x")") + "}}"},
       {"leaf.json", kLeaf}});
  BOOST_TEST(s.errors().find("passed parameter 'Other'") != std::string::npos);
  BOOST_TEST(s.cidr("root.json/Leaf", "Vpc").is_unknown());
  BOOST_TEST(s.errors().find("passes no value for parameter 'Cidr'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
