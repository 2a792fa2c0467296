// One finding in the HTML report: what is broken, where, its path drawn as a hop strip, the fix
// and a link to its rule's documentation.
#pragma once

#include <string>

#include "linter/output/report.h"

namespace reachlint::output::html {

// `<article id="finding-N">` for the n-th finding of the report.
void write_finding(const RunReport& report, const rules::Finding& finding, size_t n,
                   std::string& out);

// "error", "warning" or "note" as a coloured label.
std::string level_label(rules::Level level);

}  // namespace reachlint::output::html
