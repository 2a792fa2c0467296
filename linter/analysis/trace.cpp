#include "linter/analysis/trace.h"

#include <algorithm>

namespace reachlint::analysis {

bool asymmetric(const Trace& trace) {
  if (!trace.arrives) return false;
  bool reply_fails = false;
  for (const Hop& hop : trace.hops) {
    if (hop.direction == Direction::Forward && hop.verdict != Verdict::Pass) return false;
    if (hop.direction == Direction::Return && hop.verdict == Verdict::Fail) reply_fails = true;
  }
  return reply_fails;
}

std::vector<model::Index> reply_subnets(const Endpoint& endpoint) {
  if (!endpoint.floating) return endpoint.subnets;
  if (endpoint.standby_subnet == model::kNone) return {endpoint.preferred_subnet};
  return {endpoint.preferred_subnet, endpoint.standby_subnet};
}

bool has_unknown_hop(const Trace& trace) {
  return std::any_of(trace.hops.begin(), trace.hops.end(),
                     [](const Hop& hop) { return hop.verdict == Verdict::Unknown; });
}

}  // namespace reachlint::analysis
