#include "linter/model/model.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <tuple>

#include <fmt/format.h>

namespace reachlint::model {

namespace {

#define REACHLINT_ENTITY(kind, type, array, word, prefix, key, short_id, ...) \
  constexpr std::string_view k##kind##Types[] = {__VA_ARGS__};
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY

constexpr EntityInfo kEntities[] = {
#define REACHLINT_ENTITY(kind, type, array, word, prefix, key, short_id, ...) \
  {Kind::kind, word, prefix, key, short_id, k##kind##Types},
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
};

}  // namespace

constexpr TargetInfo kTargets[] = {
    {TargetKind::Local, "local", std::nullopt},
    {TargetKind::TransitGateway, "transit gateway", Kind::TransitGateway},
    {TargetKind::Peering, "peering connection", Kind::Peering},
    {TargetKind::VpnGateway, "VPN gateway", Kind::VpnGateway},
    {TargetKind::InternetGateway, "internet gateway", std::nullopt},
    {TargetKind::EgressOnlyInternetGateway, "egress-only internet gateway", std::nullopt},
    {TargetKind::NatGateway, "NAT gateway", Kind::NatGateway},
    {TargetKind::NetworkInterface, "network interface", Kind::NetworkInterface},
    {TargetKind::Instance, "instance", Kind::Instance},
    {TargetKind::GatewayEndpoint, "gateway endpoint", Kind::VpcEndpoint},
    {TargetKind::LoadBalancerEndpoint, "Gateway Load Balancer endpoint", Kind::VpcEndpoint},
    {TargetKind::LocalGateway, "local gateway", std::nullopt},
    {TargetKind::CarrierGateway, "carrier gateway", std::nullopt},
    {TargetKind::CoreNetwork, "Cloud WAN core network", std::nullopt},
    {TargetKind::Other, "gateway", std::nullopt},
    {TargetKind::Unknown, "an unknown target", std::nullopt},
};

const TargetInfo& target_info(TargetKind kind) {
  return kTargets[static_cast<size_t>(kind)];
}

std::span<const EntityInfo> entity_table() {
  return kEntities;
}

const EntityInfo& entity_info(Kind kind) {
  return kEntities[static_cast<size_t>(kind)];
}

std::optional<Kind> kind_of_cloudformation_type(std::string_view type) {
  for (const EntityInfo& entity : kEntities) {
    for (const std::string_view created : entity.cloudformation_types) {
      if (created == type) return entity.kind;
    }
  }
  return std::nullopt;
}

const Origin& Model::origin(EntityRef ref) const {
  switch (ref.kind) {
#define REACHLINT_ENTITY(kind, type, array, ...) \
  case Kind::kind:                               \
    return array[ref.index].origin;
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
  }
  std::abort();  // every kind is handled above
}

size_t Model::count(Kind kind) const {
  switch (kind) {
#define REACHLINT_ENTITY(kind, type, array, ...) \
  case Kind::kind:                               \
    return array.size();
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
  }
  return 0;
}

EntityRef Model::add(Kind kind, const Origin& origin) {
  switch (kind) {
#define REACHLINT_ENTITY(kind, type, array, ...) \
  case Kind::kind:                               \
    array.emplace_back().origin = origin;        \
    return {Kind::kind, static_cast<Index>(array.size() - 1)};
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
  }
  std::abort();  // every kind is handled above
}

// The model spells zones "name:eu-west-1a", "id:euw1-az1", or "az#0" ("eu-west-1#az0").
std::string zone_display(const Subnet& subnet) {
  if (!subnet.zone.known()) return subnet.zone.is_unknown() ? "AZ unknown" : "";
  const std::string_view zone = *subnet.zone;
  for (const std::string_view prefix : {"name:", "id:"}) {
    if (zone.starts_with(prefix)) return std::string(zone.substr(prefix.size()));
  }
  if (zone.starts_with("az#")) return fmt::format("AZ #{}", zone.substr(3));
  if (const size_t at = zone.find("#az"); at != std::string_view::npos)
    return fmt::format("{} AZ #{}", zone.substr(0, at), zone.substr(at + 3));
  return std::string(zone);
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

void Model::index_names() const {
  size_t unindexed = 0;
#define REACHLINT_ENTITY(kind, type, array, ...) \
  unindexed += array.size() - names_indexed_[static_cast<size_t>(Kind::kind)];
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
  if (unindexed == 0) return;
  name_heads_.reserve(name_heads_.size() + unindexed);
  const auto add = [&](const auto& array, Kind kind) {
    size_t& indexed = names_indexed_[static_cast<size_t>(kind)];
    for (; indexed < array.size(); ++indexed) {
      const Origin& origin = array[indexed].origin;
      if (origin.implicit || origin.name.empty()) continue;
      const auto link = static_cast<uint32_t>(name_links_.size());
      name_links_.push_back({EntityRef{kind, static_cast<Index>(indexed)}, FlatIdMap::kMissing});
      const auto [head, inserted] = name_heads_.try_emplace(origin.name, link);
      if (inserted) continue;
      name_links_[link].next = name_links_[head].next;  // the chain's order does not matter
      name_links_[head].next = link;
    }
  };
#define REACHLINT_ENTITY(kind, type, array, ...) add(array, Kind::kind);
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
}

size_t Model::entity_count() const {
  size_t count = 0;
#define REACHLINT_ENTITY(kind, type, array, ...) count += array.size();
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
  return count;
}

std::vector<std::vector<EntityRef>> Model::scan_for(std::span<const std::string_view> names) const {
  std::vector<std::vector<EntityRef>> found(names.size());
  FlatIdMap wanted;  // name -> its first position in `names`
  wanted.reserve(names.size());
  // Bit L: a name of L characters is asked (bit 63: one of 63 or more). Ids of one kind have one
  // length, so most entities are passed over without reading or hashing their names.
  uint64_t asked_lengths = 0;
  const auto length_bit = [](size_t length) { return uint64_t{1} << std::min<size_t>(length, 63); };
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) continue;
    wanted.try_emplace(names[i], static_cast<uint32_t>(i));
    asked_lengths |= length_bit(names[i].size());
  }
  const auto scan = [&](const auto& array, Kind kind) {
    for (size_t index = 0; index < array.size(); ++index) {
      const Origin& origin = array[index].origin;
      if (origin.implicit || (asked_lengths & length_bit(origin.name.size())) == 0) continue;
      const uint32_t at = wanted.find(origin.name);
      if (at != FlatIdMap::kMissing) found[at].push_back({kind, static_cast<Index>(index)});
    }
  };
#define REACHLINT_ENTITY(kind, type, array, ...) scan(array, Kind::kind);
#include "linter/model/entities.def"
#undef REACHLINT_ENTITY
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) continue;  // no entity is named so
    const uint32_t first = wanted.find(names[i]);
    if (first != i) found[i] = found[first];  // a name asked twice
    std::sort(found[i].begin(), found[i].end(), [](const EntityRef& a, const EntityRef& b) {
      return std::tie(a.kind, a.index) < std::tie(b.kind, b.index);
    });
  }
  return found;
}

std::vector<std::vector<EntityRef>> Model::find_each(
    std::span<const std::string_view> names) const {
  std::vector<std::vector<EntityRef>> found(names.size());
  if (!name_links_.empty()) {
    for (size_t i = 0; i < names.size(); ++i) found[i] = find(names[i]);
    return found;
  }
  if (const size_t entities = entity_count(); entities != answered_for_) {
    answered_ = FlatIdMap();  // entities were added since: every answer may have changed
    answers_.clear();
    answered_for_ = entities;
  }
  std::vector<std::string_view> unanswered;
  for (const std::string_view name : names) {
    if (!name.empty() && answered_.find(name) == FlatIdMap::kMissing) unanswered.push_back(name);
  }
  if (!unanswered.empty()) {
    std::vector<std::vector<EntityRef>> scanned = scan_for(unanswered);
    for (size_t i = 0; i < unanswered.size(); ++i) {
      if (answered_.find(unanswered[i]) != FlatIdMap::kMissing) continue;  // asked twice
      answered_.try_emplace(answered_names_.keep(unanswered[i]),
                            static_cast<uint32_t>(answers_.size()));
      answers_.push_back(std::move(scanned[i]));
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) continue;  // no entity is named so
    found[i] = answers_[answered_.find(names[i])];
  }
  return found;
}

std::vector<EntityRef> Model::find(std::string_view name) const {
  index_names();
  std::vector<EntityRef> found;
  for (uint32_t link = name_heads_.find(name); link != FlatIdMap::kMissing;
       link = name_links_[link].next) {
    found.push_back(name_links_[link].ref);
  }
  // Insertion order of equal keys is unspecified: give them in model order.
  std::sort(found.begin(), found.end(), [](const EntityRef& a, const EntityRef& b) {
    return std::tie(a.kind, a.index) < std::tie(b.kind, b.index);
  });
  return found;
}

}  // namespace reachlint::model
