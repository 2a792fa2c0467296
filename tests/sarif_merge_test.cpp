// merge-sarif: indexes renumbered into the merged run, and logs that are not shards of one run
// refused with the file and the reason.
#include <boost/test/unit_test.hpp>

#include "linter/output/sarif_merge.h"

using reachlint::output::merge_sarif;
using reachlint::output::SarifLog;

namespace {

// A log of one run with one result in `uri` (artifact `index` of `artifacts`).
std::string log_of(const std::string& artifacts, const std::string& uri, int index,
                   const std::string& category = "audit/") {
  return R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "reachlint", "version": "1", "rules": [{"id": "RL102"}]}},
    "automationDetails": {"id": ")" +
         category + R"("}, "artifacts": [)" + artifacts + R"(],
    "logicalLocations": [{"name": "rtb-1", "fullyQualifiedName": "a/rtb-1", "kind": "resource"}],
    "results": [{"ruleId": "RL102", "locations": [{"physicalLocation": {"artifactLocation": {"uri": ")" +
         uri + R"(", "index": )" + std::to_string(index) +
         R"(}}, "logicalLocations": [{"index": 0, "fullyQualifiedName": "a/rtb-1"}]}],
      "partialFingerprints": {"reachlintIdentity/v1": ")" +
         uri + R"("}}],
    "invocations": [{"executionSuccessful": true, "toolExecutionNotifications": []}]}]})";
}

std::string artifact(const std::string& uri) {
  return R"({"location": {"uri": ")" + uri + R"("}})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sarif_merge)

BOOST_AUTO_TEST_CASE(artifact_indexes_are_renumbered_into_the_merged_run) {
  const auto merged = merge_sarif(
      {{"a.sarif", log_of(artifact("x.json") + "," + artifact("y.json"), "y.json", 1)},
       {"b.sarif", log_of(artifact("z.json") + "," + artifact("y.json"), "z.json", 0)}});
  BOOST_TEST_REQUIRE(merged.ok(), (merged.ok() ? "" : merged.error().message));
  const std::string& text = *merged;
  // x, y, z once each; b's z (its 0) becomes 2, a's y stays 1.
  BOOST_TEST(text.find(R"("uri": "z.json",
                  "index": 2)") != std::string::npos);
  BOOST_TEST(text.find(R"("uri": "y.json",
                  "index": 1)") != std::string::npos);
  // Each artifact once: x.json, y.json, z.json.
  BOOST_TEST(text.find("x.json") == text.rfind("x.json"));
  BOOST_TEST(text.find(R"("fullyQualifiedName": "a/rtb-1")") != std::string::npos);
  BOOST_TEST(text.find("\"executionSuccessful\": true") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(logs_of_different_runs_are_refused_with_the_file) {
  const auto other_category =
      merge_sarif({{"a.sarif", log_of(artifact("x.json"), "x.json", 0)},
                   {"b.sarif", log_of(artifact("x.json"), "x.json", 0, "prod/")}});
  BOOST_TEST_REQUIRE(!other_category.ok());
  BOOST_TEST(
      other_category.error().message.find("b.sarif: not a shard of the same run as a.sarif") == 0u);
  const auto broken = merge_sarif({{"c.sarif", "{\"version\": \"2.1.0\", \"runs\": ["}});
  BOOST_TEST_REQUIRE(!broken.ok());
  BOOST_TEST(broken.error().message == "c.sarif: not JSON");
  const auto two_runs = merge_sarif({{"d.sarif", R"({"version": "2.1.0", "runs": [{}, {}]})"}});
  BOOST_TEST_REQUIRE(!two_runs.ok());
  BOOST_TEST(two_runs.error().message == "d.sarif: not a SARIF 2.1.0 log of one run");
}

BOOST_AUTO_TEST_SUITE_END()
