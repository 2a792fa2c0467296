// Suppressions written in templates: Metadata.reachlint.suppress = [{"rule": ..., "reason": ...}]
// on the resource a finding is about (CDK: resource.addMetadata("reachlint", {...})).
#pragma once

#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/suppression_spec.h"
#include "linter/ingest/cloudformation/template.h"

namespace reachlint {

// `first_stack`: the model's stack index of the first template (exports may come before).
std::vector<SuppressionSpec> inline_suppressions(const TemplateSet& templates, uint32_t first_stack,
                                                 Diagnostics& diagnostics);

}  // namespace reachlint
