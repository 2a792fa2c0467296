#include <algorithm>

#include "rules/rule.h"

namespace reachlint::rules {

bool reportable(const analysis::Trace& trace, const analysis::Hop& hop) {
  if (trace.client->evidence != analysis::Evidence::Broad) return true;
  return hop.direction == analysis::Direction::Return && analysis::asymmetric(trace);
}

const model::Origin& hop_subject(const model::Model& model, const analysis::Hop& hop) {
  if (hop.decided_by && !hop.decided_by->implicit) return *hop.decided_by;
  return model.origin(hop.resource);
}

const RuleInfo* find_rule(std::string_view code) {
  for (const RuleInfo* rule : all_rules()) {
    if (rule->code == code) return rule;
  }
  return nullptr;
}

}  // namespace reachlint::rules
