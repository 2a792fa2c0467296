#include "linter/model/model.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <tuple>

namespace reachlint::model {

const Origin& Model::origin(EntityRef ref) const {
  switch (ref.kind) {
    case Kind::Vpc:
      return vpcs[ref.index].origin;
    case Kind::Subnet:
      return subnets[ref.index].origin;
    case Kind::RouteTable:
      return route_tables[ref.index].origin;
    case Kind::TransitGateway:
      return transit_gateways[ref.index].origin;
    case Kind::TgwAttachment:
      return tgw_attachments[ref.index].origin;
    case Kind::TgwRouteTable:
      return tgw_route_tables[ref.index].origin;
    case Kind::Peering:
      return peerings[ref.index].origin;
    case Kind::VpnGateway:
      return vpn_gateways[ref.index].origin;
    case Kind::SecurityGroup:
      return security_groups[ref.index].origin;
    case Kind::NetworkAcl:
      return network_acls[ref.index].origin;
    case Kind::PrefixList:
      return prefix_lists[ref.index].origin;
    case Kind::Instance:
      return instances[ref.index].origin;
    case Kind::NetworkInterface:
      return network_interfaces[ref.index].origin;
    case Kind::FileSystem:
      return file_systems[ref.index].origin;
    case Kind::StorageVirtualMachine:
      return storage_virtual_machines[ref.index].origin;
  }
  std::abort();  // every kind is handled above
}

bool in_private_space(const Cidr& block) {
  static const Cidr kPrivate[] = {Cidr(10u << 24, 8), Cidr((172u << 24) | (16u << 16), 12),
                                  Cidr((192u << 24) | (168u << 16), 16),
                                  Cidr((100u << 24) | (64u << 16), 10),
                                  Cidr((198u << 24) | (18u << 16), 15)};
  for (const Cidr& space : kPrivate) {
    if (space.contains(block)) return true;
  }
  return false;
}

std::string_view TextArena::join(std::initializer_list<std::string_view> pieces) {
  constexpr size_t kChunk = 256 * 1024;
  size_t size = 0;
  for (const std::string_view piece : pieces) size += piece.size();
  if (size == 0) return {};
  if (used_ + size > capacity_) {
    capacity_ = std::max(kChunk, size);
    // Not value-initialised: pages never written stay unmapped.
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
    used_ = 0;
  }
  char* const start = chunks_.back().get() + used_;
  char* at = start;
  for (const std::string_view piece : pieces) {
    if (piece.empty()) continue;  // an empty view may hold a null pointer, which memcpy forbids
    std::memcpy(at, piece.data(), piece.size());
    at += piece.size();
  }
  used_ += size;
  return {start, size};
}

void TextArena::adopt(TextArena&& other) {
  // Before the chunk being filled, which stays last.
  chunks_.insert(chunks_.begin(), std::make_move_iterator(other.chunks_.begin()),
                 std::make_move_iterator(other.chunks_.end()));
  other.chunks_.clear();
  other.used_ = other.capacity_ = 0;
}

std::string_view TextArena::keep(std::string_view text) {
  return join({text});
}

std::string_view TextArena::number(std::string_view a, std::string_view b, std::string_view c,
                                   uint64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  return join({a, b, c, std::string_view(digits, static_cast<size_t>(end - digits))});
}

size_t Model::entity_count() const {
  return vpcs.size() + subnets.size() + route_tables.size() + transit_gateways.size() +
         tgw_attachments.size() + tgw_route_tables.size() + peerings.size() + vpn_gateways.size() +
         security_groups.size() + network_acls.size() + prefix_lists.size() + instances.size() +
         network_interfaces.size() + file_systems.size() + storage_virtual_machines.size();
}

void Model::index_names() const {
  by_name_.clear();
  const auto add = [&](const auto& array, Kind kind) {
    for (Index i = 0; i < array.size(); ++i) {
      if (!array[i].origin.implicit && !array[i].origin.name.empty())
        by_name_.emplace(array[i].origin.name, EntityRef{kind, i});
    }
  };
  add(vpcs, Kind::Vpc);
  add(subnets, Kind::Subnet);
  add(route_tables, Kind::RouteTable);
  add(transit_gateways, Kind::TransitGateway);
  add(tgw_attachments, Kind::TgwAttachment);
  add(tgw_route_tables, Kind::TgwRouteTable);
  add(peerings, Kind::Peering);
  add(vpn_gateways, Kind::VpnGateway);
  add(security_groups, Kind::SecurityGroup);
  add(network_acls, Kind::NetworkAcl);
  add(prefix_lists, Kind::PrefixList);
  add(instances, Kind::Instance);
  add(network_interfaces, Kind::NetworkInterface);
  add(file_systems, Kind::FileSystem);
  add(storage_virtual_machines, Kind::StorageVirtualMachine);
  names_indexed_ = entity_count();
}

std::vector<EntityRef> Model::find(std::string_view name) const {
  if (names_indexed_ != entity_count()) index_names();
  std::vector<EntityRef> found;
  const auto [begin, end] = by_name_.equal_range(name);
  for (auto it = begin; it != end; ++it) found.push_back(it->second);
  // Insertion order of equal keys is unspecified: give them in model order.
  std::sort(found.begin(), found.end(), [](const EntityRef& a, const EntityRef& b) {
    return std::tie(a.kind, a.index) < std::tie(b.kind, b.index);
  });
  return found;
}

}  // namespace reachlint::model
