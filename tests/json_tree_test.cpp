#include <string>

#include <boost/test/unit_test.hpp>

#include "linter/core/source.h"
#include "linter/ingest/common/json_tree.h"

using namespace reachlint;

namespace {

struct Parsed {
  bool ok;
  uint32_t offset;
  std::string error;
};

Parsed parse(const std::string& text, JsonDocument& doc, SourceBuffer& buffer) {
  buffer = SourceBuffer::from_string(text);
  const Status parsed = doc.parse(buffer);
  if (parsed) return {true, 0, ""};
  return {false, parsed.error().location.offset, parsed.error().message};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_tree)

BOOST_AUTO_TEST_CASE(builds_tree_with_offsets) {
  JsonDocument doc;
  SourceBuffer buffer;
  const std::string text =
      "{\n  \"Resources\": {\n    \"Vpc\": {\"Type\": \"AWS::EC2::VPC\", \"N\": [1, 2.5, true, "
      "null]}\n  }\n}";
  BOOST_REQUIRE(parse(text, doc, buffer).ok);
  const JsonMember* resources = doc.find_member(doc.root(), "Resources");
  BOOST_REQUIRE(resources);
  BOOST_TEST(resources->key_offset == text.find("\"Resources\""));
  const JsonMember* vpc = doc.find_member(*resources->value, "Vpc");
  BOOST_REQUIRE(vpc);
  BOOST_TEST(doc.find(*vpc->value, "Type")->text == "AWS::EC2::VPC");
  const auto items = doc.elements(*doc.find(*vpc->value, "N"));
  BOOST_REQUIRE(items.size() == 4u);
  BOOST_TEST(items[0]->integer == 1);
  BOOST_TEST(items[1]->real == 2.5);
  BOOST_TEST(items[2]->boolean);
  BOOST_TEST((items[3]->kind == JsonKind::Null));
  SourceMap map;
  const uint32_t file = map.add("t.json", buffer.text());
  const LineColumn lc = map.line_column({file, vpc->key_offset});
  BOOST_TEST(lc.line == 3u);
  BOOST_TEST(lc.column == 5u);
}

BOOST_AUTO_TEST_CASE(unescapes_strings_and_keeps_last_duplicate) {
  JsonDocument doc;
  SourceBuffer buffer;
  BOOST_REQUIRE(parse(R"({"a": "x\"y\u00e9", "a": "second"})", doc, buffer).ok);
  BOOST_TEST(doc.find(doc.root(), "a")->text == "second");
  BOOST_TEST(doc.members(doc.root())[0].value->text == "x\"y\xc3\xa9");
}

BOOST_AUTO_TEST_CASE(reports_errors_with_positions) {
  struct Case {
    std::string text;
    std::string message_part;
  };
  const Case cases[] = {
      {"", "empty"},
      {"{\"a\": [1, 2", "end of file"},
      {"{\"a\": \"unterminated", "string"},
      {"{\"a\": 1} trailing", "after the end"},
      {"{\"a\": tru}", "literal"},
      {"{\"a\": \"\xff\xfe\"}", "UTF-8"},
      {std::string(2000, '[') + std::string(2000, ']'), "deeper"},
  };
  for (const Case& c : cases) {
    JsonDocument doc;
    SourceBuffer buffer;
    const Parsed result = parse(c.text, doc, buffer);
    BOOST_TEST(!result.ok, c.text.substr(0, 40));
    BOOST_TEST(result.error.find(c.message_part) != std::string::npos,
               result.error << " lacks " << c.message_part);
    BOOST_TEST(result.offset <= c.text.size());
  }
}

BOOST_AUTO_TEST_CASE(utf8_error_points_at_the_bad_byte) {
  JsonDocument doc;
  SourceBuffer buffer;
  const std::string text = "{\"a\": \"ok\", \"b\": \"\xc3\"}";
  const Parsed result = parse(text, doc, buffer);
  BOOST_TEST(!result.ok);
  BOOST_TEST(result.offset == text.find('\xc3'));
}

BOOST_AUTO_TEST_CASE(columns_count_utf16_units) {
  SourceMap map;
  const std::string text = "\"\xc3\xa9\xf0\x9f\x98\x80\"x";  // é (1 unit) and an emoji (2 units)
  const uint32_t file = map.add("t", text);
  BOOST_TEST(map.line_column({file, static_cast<uint32_t>(text.find('x'))}).column == 6u);
}

BOOST_AUTO_TEST_SUITE_END()
