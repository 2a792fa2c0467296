// Who is meant to reach a file system (DESIGN §3 "intended clients"): the declared clients meant
// for it, else the subnets and instances that its security groups or the route tables single out.
#pragma once

#include <vector>

#include "linter/analysis/client_index.h"
#include "linter/analysis/clients.h"
#include "linter/analysis/declared_clients.h"
#include "linter/analysis/endpoint.h"
#include "linter/analysis/protocols.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

std::vector<ClientGroup> intended_clients(const model::Model& model, const ClientIndex& index,
                                          const model::FileSystem& fs, const Endpoint& endpoint,
                                          const std::vector<PortNeed>& needs,
                                          const DeclaredClients& declared);

}  // namespace reachlint::analysis
