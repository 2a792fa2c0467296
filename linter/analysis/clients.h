// Who is meant to reach a file system (DESIGN §3 "intended clients"): declared clients, and the
// subnets and instances that the file system's security groups or the route tables single out.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linter/analysis/address_set.h"
#include "linter/analysis/cidr_index.h"
#include "linter/analysis/endpoint.h"
#include "linter/analysis/protocols.h"
#include "linter/core/diagnostics.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

enum class Evidence : uint8_t { Declared, Specific, Broad };

struct ClientMember {
  std::string id;           // as declared, or the logical or physical id
  model::EntityRef entity;  // the instance, interface or subnet; invalid for a CIDR
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

// A client declared on the command line (--client) or in the configuration ([[client]]).
struct ClientSpec {
  std::string kind;  // "subnet", "instance", "cidr", "resource", or empty to detect
  std::string value;
  std::vector<std::string> filesystems;  // ids, logical ids or re2 patterns; empty: all
  Location location;                     // in the configuration file, when from there
};

class DeclaredClients {
 public:
  DeclaredClients();
  ~DeclaredClients();
  DeclaredClients(DeclaredClients&&) noexcept;
  DeclaredClients& operator=(DeclaredClients&&) noexcept;

  // Resolves the specs against the model; what matches nothing is an input error.
  static DeclaredClients resolve(const model::Model& model, const std::vector<ClientSpec>& specs,
                                 Diagnostics& diagnostics);
  bool empty() const;
  // The declared client groups meant for `fs`.
  std::vector<ClientGroup> for_file_system(const model::Model& model,
                                           const model::FileSystem& fs) const;

 private:
  struct Entry;
  std::vector<std::unique_ptr<Entry>> entries_;
};

// Relations among entities that client discovery needs, computed once per model, so that the
// work per file system does not grow with the size of the organisation.
struct ClientIndex {
  std::vector<std::vector<model::Index>> subnets_of_route_table;
  std::vector<std::vector<model::Index>> subnets_of_vpc;
  std::vector<std::vector<model::Index>> instances_of_subnet;
  std::vector<std::vector<model::Index>> instances_of_group;
  std::vector<std::vector<model::Index>> attachments_of_tgw;
  std::vector<std::vector<model::Index>> peerings_of_vpc;
  std::vector<std::vector<model::Index>> tgws_of_vpc;  // transit gateways the VPC is attached to
  std::vector<bool> hosts_attachment;                  // per subnet: a TGW attachment uses it
  CidrIndex<model::Index> vpc_blocks;                  // VPC CIDRs -> VPC
  struct RouteRef {
    model::Index table;
    uint32_t route;
  };
  CidrIndex<RouteRef> transport_routes;  // routes to a TGW, peering or VPN gateway

  static ClientIndex build(const model::Model& model);
};

std::vector<ClientGroup> intended_clients(const model::Model& model, const ClientIndex& index,
                                          const model::FileSystem& fs, const Endpoint& endpoint,
                                          const std::vector<PortNeed>& needs,
                                          const DeclaredClients& declared);

// Members of a subnet as clients: its instances grouped by security groups, else the subnet.
std::vector<ClientGroup> subnet_clients(const model::Model& model, const ClientIndex& index,
                                        model::Index subnet, Evidence evidence);

}  // namespace reachlint::analysis
