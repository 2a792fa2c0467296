#include "linter/analysis/clients.h"

#include <algorithm>

namespace reachlint::analysis {

using model::Index;

ClientGroup instance_client(const model::Model& model, Index i, Evidence evidence, std::string id) {
  const model::Instance& instance = model.instances[i];
  const model::Subnet& subnet = model.subnets[*instance.subnet];
  ClientGroup group;
  group.evidence = evidence;
  group.subnet = *instance.subnet;
  if (instance.address)
    group.addresses = AddressSet::of(Cidr(*instance.address, 32));
  else if (subnet.cidr.known())
    group.addresses = AddressSet::of(*subnet.cidr);
  group.groups_known = true;
  for (const auto& g : instance.groups) {
    if (g.known())
      group.groups.push_back(*g);
    else
      group.groups_known = false;
  }
  std::sort(group.groups.begin(), group.groups.end());
  group.members.push_back({std::move(id), {model::Kind::Instance, i}, instance.origin.stack});
  return group;
}

ClientGroup bare_subnet_client(const model::Model& model, Index s, Evidence evidence,
                               std::string id) {
  ClientGroup group;
  group.evidence = evidence;
  group.subnet = s;
  if (model.subnets[s].cidr.known()) group.addresses = AddressSet::of(*model.subnets[s].cidr);
  group.members.push_back({std::move(id), {model::Kind::Subnet, s}, model.subnets[s].origin.stack});
  return group;
}

ClientGroup cidr_client(Cidr cidr, Index subnet, Evidence evidence, std::string id) {
  ClientGroup group;
  group.evidence = evidence;
  group.subnet = subnet;
  group.addresses = AddressSet::of(cidr);
  group.members.push_back({std::move(id), {}});
  return group;
}

std::vector<ClientGroup> subnet_clients(const model::Model& model, const ClientIndex& index,
                                        Index subnet, Evidence evidence) {
  std::vector<ClientGroup> out;
  if (!model.subnets[subnet].cidr.known()) return out;  // already noticed: nothing to walk from
  for (const Index i : index.instances_of_subnet[subnet]) {
    out.push_back(instance_client(model, i, evidence, std::string(model.instances[i].origin.name)));
  }
  if (out.empty())
    out.push_back(bare_subnet_client(model, subnet, evidence,
                                     std::string(model.subnets[subnet].origin.name)));
  return out;
}

}  // namespace reachlint::analysis
