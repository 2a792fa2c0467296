// Derives what AWS adds by itself once the written resources are known: local routes, main and
// default associations, default security-group and ACL rules, TGW default tables and propagation.
#pragma once

#include <vector>

#include "linter/model/model.h"

namespace reachlint::model {

// What some inputs write out in full, where finalize() must not add AWS's defaults again: an
// account export lists the local routes of its route tables, and the association and the
// propagations of its transit gateway attachments as they are.
struct WrittenOut {
  std::vector<Index> route_tables;     // their local routes are listed
  std::vector<Index> tgw_attachments;  // association and propagations as exported
};

void finalize(Model& model, const WrittenOut& written_out);

}  // namespace reachlint::model
