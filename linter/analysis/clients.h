// Clients as the walker sees them (DESIGN §3 "intended clients"): groups of instances, subnets or
// networks that share every hop, and how one is made from an instance, a subnet or a CIDR.
// Who the clients of a file system are is decided in declared_clients.h and discovery.h.
#pragma once

#include <string>
#include <vector>

#include "linter/analysis/address_set.h"
#include "linter/analysis/client_index.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

enum class Evidence : uint8_t { Declared, Specific, Broad };

struct ClientMember {
  std::string id;           // as declared, or the logical or physical id
  model::EntityRef entity;  // the instance, interface or subnet; invalid for a CIDR
  // The stack (or account/region) of what the id names: ids repeat across templates, and two
  // clients of one id in two stacks are two clients. kNone for a CIDR.
  model::Index stack = model::kNone;
};

// Clients that share a subnet, source addresses and security groups share every hop.
struct ClientGroup {
  Evidence evidence = Evidence::Specific;
  model::Index subnet = model::kNone;  // kNone: a network outside every modelled VPC
  AddressSet addresses;                // the possible source addresses
  std::vector<model::Index> groups;    // security groups of the members
  bool groups_known = false;  // false for subnets and CIDRs: their hosts' groups are unknown
  std::vector<ClientMember> members;

  const std::string& id() const { return members.front().id; }
};

// An instance (it must have a known subnet): its address, else its subnet's CIDR, and its groups.
ClientGroup instance_client(const model::Model& model, model::Index instance, Evidence evidence,
                            std::string id);
// A subnet whose hosts are not known: its CIDR, no groups.
ClientGroup bare_subnet_client(const model::Model& model, model::Index subnet, Evidence evidence,
                               std::string id);
// A range of addresses, in `subnet` or (kNone) outside every modelled VPC.
ClientGroup cidr_client(Cidr cidr, model::Index subnet, Evidence evidence, std::string id);

// Members of a subnet as clients: its instances grouped by security groups, else the subnet.
std::vector<ClientGroup> subnet_clients(const model::Model& model, const ClientIndex& index,
                                        model::Index subnet, Evidence evidence);

}  // namespace reachlint::analysis
