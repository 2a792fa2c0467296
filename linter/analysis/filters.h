// Security groups (stateful, any matching rule allows) and network ACLs (stateless, first
// matching rule decides), evaluated for the ports a file system needs.
#pragma once

#include <string>
#include <vector>

#include "linter/analysis/address_set.h"
#include "linter/analysis/protocols.h"
#include "linter/analysis/trace.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

// The other end of a connection, as a security group sees it.
struct Peer {
  AddressSet addresses;
  std::vector<model::Index> groups;  // the peer's own security groups
  bool groups_known = false;
  bool references_usable = true;  // false: group references do not work on this path
  std::string references_note;    // why not, for the report
};

struct FilterResult {
  std::vector<PortProblem> denied;
  bool unknown = false;  // some ports could not be decided
  std::string unknown_why;
  Location unknown_at;
  std::string note;  // a reason a denial may surprise (an ignored group reference)
};

// Whether `groups` pass traffic to/from `peer` (ingress: from the peer; egress: to it).
FilterResult evaluate_groups(const model::Model& model,
                             const std::vector<model::Maybe<model::Index>>& groups, bool egress,
                             const Peer& peer, const std::vector<PortNeed>& needs);

// Whether `acl` passes packets whose remote address is in `remote` on the destination ports.
FilterResult evaluate_acl(const model::NetworkAcl& acl, bool egress, const AddressSet& remote,
                          const std::vector<PortNeed>& needs);

}  // namespace reachlint::analysis
