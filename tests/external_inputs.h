// Inputs written by other projects are not committed (the project commits no data fetched from
// them): a suite that reads them takes their folder from an environment variable, and is skipped,
// saying why, when the variable names none.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

namespace reachlint::test {

inline std::filesystem::path folder_from_env(const char* variable) {
  const char* dir = std::getenv(variable);
  return dir && *dir ? std::filesystem::path(dir) : std::filesystem::path();
}

// A suite precondition: `variable` names a folder, else the suite is skipped with `listed_in`.
struct ExternalFolderGiven {
  const char* variable;
  const char* listed_in;  // where the inputs are listed

  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    const std::filesystem::path dir = folder_from_env(variable);
    boost::test_tools::assertion_result given = !dir.empty() && std::filesystem::is_directory(dir);
    if (!given)
      given.message() << variable << " does not name a folder of the inputs " << listed_in
                      << " lists: skipped";
    return given;
  }
};

}  // namespace reachlint::test
