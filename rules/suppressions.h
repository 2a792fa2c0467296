// Applies suppressions to findings: a suppressed finding stays (SARIF shows it with its
// justification) but does not count. Suppressions that match nothing, or have expired, say so.
#pragma once

#include <string>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/suppression_spec.h"
#include "linter/model/model.h"
#include "rules/finding.h"

namespace reachlint::rules {

// `today` is YYYY-MM-DD (UTC); a suppression applies through its expiry date.
void apply_suppressions(std::vector<Finding>& findings, const std::vector<SuppressionSpec>& specs,
                        const model::Model& model, const std::string& today,
                        Diagnostics& diagnostics);

// Today's date (UTC) by the system clock.
std::string today();

}  // namespace reachlint::rules
