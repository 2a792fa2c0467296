// Rule codes as people write them, the same everywhere (--select, --ignore, the configuration,
// suppressions, `reachlint rules`): in any case, and a prefix names a family (rl1: RL101-RL106).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace reachlint::rules {

// Whether `code` (a rule's) is named by `pattern` (a code or a prefix, in any case).
bool code_matches(std::string_view code, std::string_view pattern);

// The rules `pattern` names, in code order; empty when it names none.
std::vector<const RuleInfo*> rules_matching(std::string_view pattern);

// "'RL999' matches no rule code (RL101 to RL302; a prefix such as RL1 names a family); did you
// mean 'RL301'?": for a pattern that names no rule.
std::string unknown_code_message(std::string_view pattern);

// `pattern` in the case rule codes are written in (RL101).
std::string canonical_code(std::string_view pattern);

}  // namespace reachlint::rules
