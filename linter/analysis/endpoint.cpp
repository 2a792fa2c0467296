#include "linter/analysis/endpoint.h"

#include <fmt/format.h>

namespace reachlint::analysis {

using model::Index;

namespace {

Endpoint unknown(Endpoint endpoint, Location where, std::string why) {
  endpoint.known = false;
  endpoint.where = where;
  endpoint.why = std::move(why);
  return endpoint;
}

// Known VPC CIDRs, or nullopt (with the reason in `endpoint`) when one is not known.
bool vpc_cidrs(const model::Model& model, Endpoint& endpoint, std::vector<Cidr>& out) {
  for (const auto& block : model.vpcs[endpoint.vpc].cidrs) {
    if (!block.known()) {
      endpoint = unknown(endpoint, block.where(),
                         fmt::format("a CIDR of VPC {} is not known statically",
                                     model.vpcs[endpoint.vpc].origin.name));
      return false;
    }
    out.push_back(*block);
  }
  return true;
}

bool collect_subnets(const model::FileSystem& fs, Endpoint& endpoint) {
  for (const auto& subnet : fs.subnets) {
    if (!subnet.known()) {
      endpoint =
          unknown(endpoint, subnet.where(), "a subnet of the file system is not known statically");
      return false;
    }
    endpoint.subnets.push_back(*subnet);
  }
  if (endpoint.subnets.empty()) {
    endpoint = unknown(endpoint, fs.origin.location, "the file system has no subnets");
    return false;
  }
  endpoint.preferred_subnet = endpoint.subnets.front();
  if (fs.preferred_subnet.known()) endpoint.preferred_subnet = *fs.preferred_subnet;
  for (const Index subnet : endpoint.subnets) {
    if (subnet != endpoint.preferred_subnet) endpoint.standby_subnet = subnet;
  }
  return true;
}

Inside inside(const AddressSet& set, const std::vector<Cidr>& vpc) {
  if (inside_any(set, vpc)) return Inside::Yes;
  for (const Cidr& block : set.blocks) {
    for (const Cidr& c : vpc) {
      if (c.overlaps(block)) return Inside::Unknown;
    }
  }
  return Inside::No;
}

void default_range(const model::Model& model, const model::FileSystem& fs,
                   const std::vector<Cidr>& vpc, Endpoint& endpoint) {
  endpoint.range_defaulted = true;
  if (fs.type == model::FileSystemType::Ontap) {
    endpoint.addresses = AddressSet::of(kOntapDefaultRangeBlock);
    endpoint.description =
        "the range AWS picks in 198.19.0.0/16, as EndpointIpAddressRange is not set";
    return;
  }
  endpoint.addresses.blocks = vpc;
  for (Index s = 0; s < model.subnets.size(); ++s) {
    const model::Subnet& subnet = model.subnets[s];
    if (subnet.vpc == endpoint.vpc && subnet.cidr.known())
      endpoint.addresses.holes.push_back(*subnet.cidr);
  }
  // AWS picks an unused range: not one another file system of the VPC already has.
  for (const model::FileSystem& other : model.file_systems) {
    if (&other == &fs || other.vpc != endpoint.vpc || !other.endpoint_range.known()) continue;
    endpoint.addresses.holes.push_back(*other.endpoint_range);
  }
  std::string blocks;
  for (const Cidr& c : vpc) blocks += (blocks.empty() ? "" : ", ") + c.str();
  endpoint.description = fmt::format(
      "a /28 that AWS picks in {} outside every subnet, as EndpointIpAddressRange is not set",
      blocks);
}

}  // namespace

Endpoint endpoint_of(const model::Model& model, const model::FileSystem& fs) {
  Endpoint endpoint;
  endpoint.vpc = fs.vpc;
  endpoint.floating = fs.floating_endpoint;
  if (!fs.deployment_type.known()) {
    return unknown(endpoint, fs.deployment_type.where(),
                   "the deployment type is not known statically");
  }
  if (!model::is_known_index(fs.vpc))
    return unknown(endpoint, fs.origin.location, "the file system's VPC is not known statically");
  if (!collect_subnets(fs, endpoint)) return endpoint;
  std::vector<Cidr> vpc;
  if (!vpc_cidrs(model, endpoint, vpc)) return endpoint;
  if (endpoint.floating) {
    if (!fs.endpoint_addresses.empty()) {
      for (const uint32_t address : fs.endpoint_addresses)
        endpoint.addresses.blocks.push_back(Cidr(address, 32));
      endpoint.description = endpoint.addresses.str();
    } else if (fs.endpoint_range.known()) {
      endpoint.addresses = AddressSet::of(*fs.endpoint_range);
      endpoint.description = fs.endpoint_range->str();
    } else if (fs.endpoint_range.is_unknown()) {
      return unknown(endpoint, fs.endpoint_range.where(),
                     fmt::format("its endpoint range is not known: {}", fs.endpoint_range.why()));
    } else {
      default_range(model, fs, vpc, endpoint);
    }
  } else {
    for (const Index subnet : endpoint.subnets) {
      const model::Subnet& s = model.subnets[subnet];
      if (!s.cidr.known())
        return unknown(endpoint, s.cidr.where(),
                       fmt::format("the CIDR of subnet {} is not known statically", s.origin.name));
      endpoint.addresses.blocks.push_back(*s.cidr);
    }
    endpoint.description = fmt::format("its network interfaces in {}", endpoint.addresses.str());
  }
  endpoint.inside_vpc = inside(endpoint.addresses, vpc);
  endpoint.known = true;
  return endpoint;
}

}  // namespace reachlint::analysis
