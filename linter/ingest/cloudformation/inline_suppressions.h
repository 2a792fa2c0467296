// Suppressions written in templates: Metadata.reachlint.suppress = [{"rule": ..., "reason": ...}]
// on the resource a finding is about (CDK: resource.addMetadata("reachlint", {...})).
#pragma once

#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/suppression_spec.h"
#include "linter/ingest/cloudformation/template.h"

namespace reachlint {

std::vector<SuppressionSpec> inline_suppressions(const TemplateSet& templates,
                                                 Diagnostics& diagnostics);

}  // namespace reachlint
