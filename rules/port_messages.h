// Wording shared by the two filter rules (RL301, RL302).
#pragma once

#include <string>
#include <vector>

#include "linter/analysis/trace.h"

namespace reachlint::rules {

// "TCP 2049; UDP 111" from the blocked ports of a hop.
std::string blocked_ports(const analysis::Hop& hop);

// The consequence of the blocked ports: no NFS at all, or NFSv3 only.
std::string port_consequence(const analysis::Hop& hop);

}  // namespace reachlint::rules
