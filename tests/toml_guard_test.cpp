// The pre-scan that keeps toml++ 3.3.0 away from the inputs it cannot parse safely.
#include <string>
#include <vector>

#include <toml++/toml.h>
#include <boost/test/unit_test.hpp>

#include "linter/cli/toml_guard.h"

using reachlint::cli::find_toml_hazard;

BOOST_AUTO_TEST_SUITE(toml_guard)

// Valid TOML, shaped to mislead a scanner: brackets and quotes inside strings and comments,
// arrays over several lines, nested inline tables, non-ASCII where TOML allows it.
const std::vector<std::string> kValidDocuments = {
    "[rules]\nselect = [\"RL1\", \"RL301\"]\nignore = []\n",
    "[[client]]\nsubnet = \"subnet-1\"\nfilesystems = [\n  \"fs-1\", # first\n  \"fs-2\",\n]\n",
    "a = [[1, 2], [3]]\n[b]\nc = { d = { e = 1 }, f = [ {g = 2} ] }\n",
    "s = \"[.x] } ] # not a comment\"\nt = 'lit\\eral [[ ]'\n[\"quoted . header\"]\nk = 1\n",
    "m = \"\"\"\nline one [.no]\n\\\n   continued\"\"\"\nl = '''\n}'''\n",
    "q = \"\"\"ends with quotes\"\"\"\"\"\n[next]\nv = 1\n",
    "# commentaire accentué: é, ß, 漢字\nname = \"filesystèmes, 東京\"\n",
    "[ rules ]\r\nselect = [ \"RL1\" ]\r\n[[ suppress ]]\r\nrule = \"RL1\"\r\n",
    "x = 1 # [.y]\n  [indented]\n  z = \"}\"\n",
    "d = 1980-05-27T07:32:00Z\ne = 1980-05-27 07:32:00\nf = 1980-05-27\n1980-05-27Tkey = 1\n",
};

BOOST_AUTO_TEST_CASE(valid_documents_pass_untouched) {
  for (const std::string& document : kValidDocuments) {
    BOOST_TEST_CONTEXT(document) {
      const auto parsed = toml::parse(document);
      BOOST_TEST_REQUIRE(static_cast<bool>(parsed), "the sample itself must be valid TOML");
      const auto hazard = find_toml_hazard(document);
      BOOST_TEST(!hazard.has_value(), (hazard ? hazard->message : std::string()));
    }
  }
}

struct HazardCase {
  std::string document;
  size_t offset;
  std::string message;
};

BOOST_AUTO_TEST_CASE(hazards_are_located_and_named) {
  const std::vector<HazardCase> cases = {
      {"[.rules]\n", 1, "expected a table name after '[', saw '.'"},
      {"[[[a]]]\n", 2, "expected a table name after '[', saw '['"},
      {"x = 1\n[ =\n", 8, "expected a table name after '[', saw '='"},
      {"[\n", 1, "expected a table name after '[', saw the end of the line"},
      {"[rules]\nignore = [\"RL105\",}\n", 26, "expected a value or ']' in this array, saw '}'"},
      {"a = [ }\n", 6, "expected a value or ']' in this array, saw '}'"},
      {"a = { b = [\n # c\n } }\n", 18, "expected a value or ']' in this array, saw '}'"},
      {"[[client]]\nfilesyst\xC3\xA8mes = 1\n", 19,
       "non-ASCII character outside a string or comment (TOML keys and values are ASCII unless "
       "quoted)"},
      {"\"cl\xC3\xA9\" = 1\n", 3, "non-ASCII character in a key (no configuration key has one)"},
      {"a = { \"k\xEF\xB9\xBF\" = 1 }\n", 8,
       "non-ASCII character in a key (no configuration key has one)"},
      {"s = \"\\\xC3\xA8\"\n", 6, "invalid escape sequence '\\U+00E8'"},
      {"[[client]]\ncidr = 1980-05-27TSSS07:3\":00Z\n", 29,
       "expected a time after 'T' in this date-time, saw 'S'"},
      {"a = [1980-05-27t:00]\n", 16, "expected a time after 't' in this date-time, saw ':'"},
      {"a = 1\"\xC9\xB1\"\n", 6, "non-ASCII character in a value outside quotes"},
      {"[protocols]\nnfs = \xE2\x80\x9Cv4\xE2\x80\x9D\n", 18,
       "non-ASCII character in a value outside quotes"},
      {"x = [1, 2\xC3\xA9]\n", 9, "non-ASCII character in a value outside quotes"},
      {"s = \"\"\"x\"\\\xC3\xA9\"\"\"\n", 10, "invalid escape sequence '\\U+00E9'"},
      {"s = \"\"\"a\\\n  \xC3\xA8\"\"\"\n", 12,
       "U+00E8 after a line-ending backslash cannot be read by the TOML parser (toml++ 3.3.0); "
       "put it on the backslash's line"},
  };
  for (const HazardCase& hazard_case : cases) {
    BOOST_TEST_CONTEXT(hazard_case.document) {
      const auto hazard = find_toml_hazard(hazard_case.document);
      BOOST_TEST_REQUIRE(hazard.has_value());
      BOOST_TEST(hazard->offset == hazard_case.offset);
      BOOST_TEST(hazard->message == hazard_case.message);
    }
  }
}

// Non-ASCII after a line-ending backslash is valid TOML; only the code points toml++'s table
// cannot classify are refused (U+00E9 is in the gap, U+4E2D and U+00A0 are not).
BOOST_AUTO_TEST_CASE(only_the_unclassifiable_code_points_are_refused_in_strings) {
  BOOST_TEST(!find_toml_hazard("s = \"\"\"a\\\n  \xE4\xB8\xAD\"\"\"\n").has_value());
  BOOST_TEST(!find_toml_hazard("s = \"\"\"a\\\n  \xC2\xA0x\"\"\"\n").has_value());
  BOOST_TEST(find_toml_hazard("s = \"\"\"a\\\n  \xC3\xA9\"\"\"\n").has_value());
  BOOST_TEST(!find_toml_hazard("s = \"caf\xC3\xA9 \xE3\x80\x81\"\n").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
