// The same inputs, in any order, give byte-identical output in every format.
#include <boost/test/unit_test.hpp>

#include "support.h"

BOOST_AUTO_TEST_SUITE(determinism)

BOOST_AUTO_TEST_CASE(input_order_does_not_matter) {
  const std::string fixtures = reachlint::test::source_dir() + "/fixtures";
  const std::vector<std::string> inputs = {
      "corpus-seed-as-is/template.json", "RL103-cdk-bad/template.json",
      "RL302-cdk-bad/template.json", "XSTACK-weak-bad/cdk.out"};
  std::vector<std::string> reversed(inputs.rbegin(), inputs.rend());
  for (const char* format : {"text", "json", "sarif"}) {
    std::vector<std::string> forward_args{"--no-config", "-f", format};
    std::vector<std::string> backward_args = forward_args;
    forward_args.insert(forward_args.end(), inputs.begin(), inputs.end());
    backward_args.insert(backward_args.end(), reversed.begin(), reversed.end());
    const auto first = reachlint::test::run_cli(forward_args, fixtures);
    const auto again = reachlint::test::run_cli(forward_args, fixtures);
    const auto backward = reachlint::test::run_cli(backward_args, fixtures);
    BOOST_TEST(first.exit == 1);
    BOOST_TEST(first.out == again.out, format);
    BOOST_TEST(first.out == backward.out, format);
  }
}

BOOST_AUTO_TEST_SUITE_END()
