// Derives what AWS adds by itself once the written resources are known: local routes, main and
// default associations, default security-group and ACL rules, TGW default tables and propagation.
#pragma once

#include "linter/model/model.h"

namespace reachlint::model {

void finalize(Model& model);

}  // namespace reachlint::model
