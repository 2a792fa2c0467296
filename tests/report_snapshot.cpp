#include "report_snapshot.h"

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "linter/output/json_writer.h"

namespace reachlint::test {

using output::JsonWriter;

namespace {

void write_location_fields(JsonWriter& out, simdjson::dom::element location) {
  if (location.is_null()) return;
  out.field("uri", std::string_view(location["uri"]));
  if (location["line"].is_null()) return;  // about the file as a whole
  out.field("line", int64_t(location["line"]));
  out.field("column", int64_t(location["column"]));
}

}  // namespace

std::string report_snapshot(const CliResult& result) {
  std::string text;
  JsonWriter out(text);
  out.begin_object().field("exit", result.exit);
  out.key("findings").begin_array();
  simdjson::dom::parser parser;
  simdjson::dom::element report;
  const bool parsed =
      !result.out.empty() && parser.parse(result.out).get(report) == simdjson::SUCCESS;
  if (parsed) {
    for (simdjson::dom::element finding : report["findings"].get_array()) {
      out.begin_object()
          .field("ruleId", std::string_view(finding["rule"]))
          .field("level", std::string_view(finding["level"]));
      write_location_fields(out, finding["location"]);
      out.field("logicalLocation", std::string_view(finding["resource"]));
      out.field("message", std::string_view(finding["message"]));
      simdjson::dom::element suppressed;
      if (finding["suppressed"].get(suppressed) == simdjson::SUCCESS) {
        out.field("suppressed", std::string_view(suppressed["kind"]));
        out.field("reason", std::string_view(suppressed["reason"]));
      }
      out.end_object();
    }
  }
  out.end_array();
  out.key("notices").begin_array();
  if (parsed) {
    for (simdjson::dom::element notice : report["notices"].get_array()) {
      out.begin_object();
      write_location_fields(out, notice["location"]);
      out.field("message", std::string_view(notice["message"])).end_object();
    }
  }
  out.end_array();
  out.key("errors").begin_array();
  std::string_view err = result.err;
  while (!err.empty()) {
    const size_t newline = err.find('\n');
    out.value(err.substr(0, newline));
    err.remove_prefix(newline == std::string_view::npos ? err.size() : newline + 1);
  }
  out.end_array();
  out.end_object();
  return text;
}

void check_snapshot(const std::string& name, const std::string& actual,
                    const std::filesystem::path& expected_path) {
  if (update_expected()) {
    std::filesystem::create_directories(expected_path.parent_path());
    write_file(expected_path.string(), actual);
    return;
  }
  BOOST_TEST_REQUIRE(std::filesystem::exists(expected_path),
                     name << ": no " << expected_path.filename().string()
                          << " (run with REACHLINT_UPDATE_EXPECTED=1)");
  const std::string expected = read_file(expected_path.string());
  BOOST_TEST(actual == expected, name << ": output differs from " << expected_path.string()
                                      << "\n--- expected\n"
                                      << expected << "--- actual\n"
                                      << actual);
}

}  // namespace reachlint::test
