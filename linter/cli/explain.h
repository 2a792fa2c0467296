// What `explain` needs besides the pipeline: --from and --to checked against the inputs (with a
// did-you-mean), and the rules' reports about each hop.
#pragma once

#include <vector>

#include "linter/analysis/analysis.h"
#include "linter/analysis/declared_clients.h"
#include "linter/core/result.h"
#include "linter/model/model.h"
#include "rules/finding.h"

namespace reachlint::cli {

// Fails when the client (unless a CIDR) or a file-system pattern of `spec` names nothing in the
// model: one line naming the closest names, or the candidates.
Status check_explain_targets(const model::Model& model, const analysis::ClientSpec& spec);

// Every rule's reports, unmerged, in rule order.
std::vector<rules::RuleReport> rule_reports(
    const model::Model& model, const std::vector<analysis::FileSystemAnalysis>& analyses,
    analysis::NfsProfile nfs);

}  // namespace reachlint::cli
