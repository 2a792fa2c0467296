// The Markdown page of a rule, as `reachlint rules CODE` prints it and docs/rules/CODE.md holds it.
#pragma once

#include <string>

#include "rules/rule.h"

namespace reachlint::rules {

std::string rule_page(const RuleInfo& rule);
// The first paragraph of the page's "Use instead", on one line: what `explain` says to do about a
// hop the rule reports when the walk knows no more specific fix.
std::string fix_advice(const RuleInfo& rule);
// docs/rules/README.md: the catalogue with links to every page.
std::string rule_index_page();

}  // namespace reachlint::rules
