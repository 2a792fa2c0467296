// docs/rules is generated from the rules' own documentation; this fails when it is stale.
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include "rules/rule_docs.h"
#include "support.h"

BOOST_AUTO_TEST_SUITE(docs)

BOOST_AUTO_TEST_CASE(rule_pages_are_current) {
  const std::string dir = reachlint::test::source_dir() + "/docs/rules/";
  std::vector<std::pair<std::string, std::string>> pages = {
      {dir + "README.md", reachlint::rules::rule_index_page()}};
  for (const reachlint::rules::RuleInfo* rule : reachlint::rules::all_rules()) {
    pages.emplace_back(dir + fmt::format("{}.md", rule->code), reachlint::rules::rule_page(*rule));
  }
  for (const auto& [path, text] : pages) {
    if (reachlint::test::update_expected()) {
      reachlint::test::write_file(path, text);
      continue;
    }
    BOOST_TEST(reachlint::test::read_file(path) == text,
               path << " is stale: run `reachlint rules --write-docs docs/rules`");
  }
}

BOOST_AUTO_TEST_CASE(every_rule_documents_what_why_example_fix_references) {
  for (const reachlint::rules::RuleInfo* rule : reachlint::rules::all_rules()) {
    for (const char* heading : {"## What it does", "## Why is this bad?", "## Example",
                                "## Use instead", "## References"}) {
      BOOST_TEST(rule->documentation.find(heading) != std::string_view::npos,
                 rule->code << " lacks " << heading);
    }
    BOOST_TEST(rule->documentation.find("https://docs.aws.amazon.com/") != std::string_view::npos,
               rule->code);
  }
}

BOOST_AUTO_TEST_SUITE_END()
