// The summary at the top of the HTML report: what was read, what was checked and what was not,
// and the findings counted by rule and level, with what was set aside.
#pragma once

#include <string>

#include "linter/output/html_clients.h"
#include "linter/output/report.h"

namespace reachlint::output::html {

// The verdict in one line: "3 errors, 1 warning in 2 file systems checked (4 notices)".
std::string verdict_line(const RunReport& report);

// The summary section; `clients` adds up every checked file system's clients.
void write_summary(const RunReport& report, const ClientTally& clients, std::string& out);

}  // namespace reachlint::output::html
