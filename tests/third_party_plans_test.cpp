// Terraform plans nobody here wrote (checkov's, trivy's and terraform-compliance's test data),
// read for the reader's robustness: none may stop the run but the two that are invalid, and none
// holds an FSx file system, so any finding would be a false positive.
//
// The plans are not in the repository (the project commits no data fetched from other projects):
// REACHLINT_THIRD_PARTY_PLANS names a folder that holds them laid out as
// tests/corpus/terraform-plans/SOURCES.md lists. Without it the suite is skipped, and says so.
#include <algorithm>
#include <filesystem>
#include <string_view>

#include <boost/test/unit_test.hpp>

#include "external_inputs.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

fs::path plans_folder() {
  return reachlint::test::folder_from_env("REACHLINT_THIRD_PARTY_PLANS");
}
// The inputs that are not valid, and the located error each gets.
struct KnownInvalid {
  std::string_view path;
  std::string_view error;
};
constexpr KnownInvalid kKnownInvalid[] = {
    // No format_version: a plan of a Terraform older than 0.12's JSON output, or a hand-made one.
    {"checkov/tests/terraform/parser/resources/plan_vpc_endpoint/tfplan.json",
     "tfplan.json:1:1: error: not a CloudFormation template"},
    // from_port 443, to_port 22: AWS refuses it, as reachlint does in templates.
    {"terraform-compliance/tests/functional/test_issue_400/plan.out.json",
     "plan.out.json:1:2062: error: port range 443-22 of aws_security_group.example_group_22 is "
     "not valid"},
};

std::vector<std::string> plan_files() {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(plans_folder())) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      out.push_back(entry.path().lexically_relative(plans_folder()).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(third_party_plans,
                      *boost::unit_test::precondition(reachlint::test::ExternalFolderGiven{
                          "REACHLINT_THIRD_PARTY_PLANS",
                          "tests/corpus/terraform-plans/SOURCES.md"}))

BOOST_AUTO_TEST_CASE(every_plan_reads_without_error_or_finding) {
  const std::vector<std::string> files = plan_files();
  BOOST_TEST(files.size() >= 100u);
  for (const std::string& file : files) {
    const auto run =
        reachlint::test::run_cli({"--no-config", "--format", "json", file}, plans_folder());
    const auto known = std::find_if(std::begin(kKnownInvalid), std::end(kKnownInvalid),
                                    [&](const KnownInvalid& k) { return k.path == file; });
    if (known != std::end(kKnownInvalid)) {
      BOOST_TEST(run.exit == 2, file);
      BOOST_TEST(run.err.find(known->error) != std::string::npos, file << ": " << run.err);
      continue;
    }
    BOOST_TEST(run.exit == 0, file << ": " << run.err);
    BOOST_TEST(run.out.find("\"findings\": [],") != std::string::npos, file << ": " << run.out);
  }
}

BOOST_AUTO_TEST_SUITE_END()
