#include "rules/rule.h"

namespace reachlint::rules {

#define REACHLINT_RULE(code) extern const RuleInfo k##code;
#include "rules/registry.def"
#undef REACHLINT_RULE

std::span<const RuleInfo* const> all_rules() {
  static const RuleInfo* const kAll[] = {
#define REACHLINT_RULE(code) &k##code,
#include "rules/registry.def"
#undef REACHLINT_RULE
  };
  return kAll;
}

}  // namespace reachlint::rules
