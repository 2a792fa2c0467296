// A rule: its metadata, its documentation, and its check over the traces of a run.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "linter/analysis/analysis.h"
#include "linter/model/model.h"
#include "rules/finding.h"

namespace reachlint::rules {

struct RuleContext {
  const model::Model& model;
  const std::vector<analysis::FileSystemAnalysis>& analyses;
  analysis::NfsProfile nfs = analysis::NfsProfile::V3;
};

using CheckFunction = void (*)(const RuleContext& context, FindingSink& sink);

struct RuleInfo {
  std::string_view code;           // stable: RL101
  std::string_view name;           // what is wrong, in kebab case
  Level level;                     // default level
  std::string_view summary;        // one sentence: fires when ...
  std::string_view tags;           // comma-separated
  std::string_view severity;       // GitHub security-severity, "0.0" to "10.0"
  std::string_view documentation;  // Markdown: what, why, example, fix, references
  CheckFunction check;
};

// Every rule, in code order (rules/registry.cpp).
std::span<const RuleInfo* const> all_rules();
const RuleInfo* find_rule(std::string_view code);

// Whether a hop of a trace may be reported: for clients known only from broad evidence, only an
// asymmetric path is (the request arrives and passes, the reply cannot return).
bool reportable(const analysis::Trace& trace, const analysis::Hop& hop);

// The resource a hop asks to fix: the route or rule that decided it when the user wrote one,
// else the table, group or ACL itself.
const model::Origin& hop_subject(const model::Model& model, const analysis::Hop& hop);

// Calls `visit(analysis, trace, hop)` for every reportable failed hop.
template <typename Visit>
void for_each_failed_hop(const RuleContext& context, Visit visit) {
  for (const analysis::FileSystemAnalysis& analysis : context.analyses) {
    for (const analysis::Trace& trace : analysis.traces) {
      for (const analysis::Hop& hop : trace.hops) {
        if (hop.verdict == analysis::Verdict::Fail && reportable(trace, hop))
          visit(analysis, trace, hop);
      }
    }
  }
}

}  // namespace reachlint::rules
