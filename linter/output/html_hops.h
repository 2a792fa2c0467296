// A finding's path in the HTML report: an inline SVG strip of its hops (broken in red, not known
// in grey) and the same hops as a list with their locations and decisions.
#pragma once

#include <string>
#include <vector>

#include "linter/core/source.h"
#include "rules/finding.h"

namespace reachlint::output::html {

// What the walk assumed instead of a broken hop (the plain fix), from its decision; empty when
// the walk did not go on past it.
std::string_view assumed_fix(const rules::PathStep& step);
// The decision without that assumption.
std::string_view decision_alone(const rules::PathStep& step);

// The hops in path order, six to a row; the hops at `finding_at` (the finding's own) are outlined.
std::string hop_strip(const std::vector<rules::PathStep>& path, Location finding_at);

// An ordered list: verdict, resource, the route or rule inside it, location and decision.
std::string hop_list(const SourceMap& sources, const std::vector<rules::PathStep>& path);

}  // namespace reachlint::output::html
