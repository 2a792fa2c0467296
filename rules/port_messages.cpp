#include "rules/port_messages.h"

namespace reachlint::rules {

std::string blocked_ports(const analysis::Hop& hop) {
  std::vector<analysis::PortNeed> needs;
  for (const analysis::PortProblem& problem : hop.blocked) needs.push_back(problem.need);
  return analysis::describe_ports(needs);
}

std::string port_consequence(const analysis::Hop& hop) {
  if (hop.essential) return "NFS cannot work";
  return "NFSv3 will fail while NFSv4.x over TCP works (set nfs = \"v4\" under [protocols] if "
         "clients use only NFSv4)";
}

}  // namespace reachlint::rules
