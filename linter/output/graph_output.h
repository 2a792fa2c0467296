// `reachlint graph`: the topology as Graphviz dot or a Mermaid flowchart, with what the run
// found broken drawn in red and what could not be known statically in grey.
#pragma once

#include <string>
#include <vector>

#include "linter/analysis/analysis.h"
#include "linter/model/model.h"
#include "rules/finding.h"

namespace reachlint::output {

enum class GraphFormat : uint8_t { Dot, Mermaid };

struct GraphInput {
  const model::Model& model;
  const std::vector<analysis::FileSystemAnalysis>& analyses;
  // As `check` judged them: only active findings (not suppressed, not in the baseline) mark.
  const std::vector<rules::Finding>& findings;
};

// The same inputs give byte-identical text: everything is written in model index order.
std::string format_graph(const GraphInput& input, GraphFormat format);

}  // namespace reachlint::output
