// Where a file system serves NFS: a floating IP in its endpoint range (Multi-AZ OpenZFS and
// ONTAP), or addresses of its network interfaces in its subnets (everything else).
#pragma once

#include <string>
#include <vector>

#include "linter/analysis/address_set.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

enum class Inside : uint8_t { Yes, No, Unknown };

struct Endpoint {
  bool known = false;  // false: `why` says what is missing, `where` where
  std::string why;
  Location where;
  AddressSet addresses;
  bool floating = false;
  bool range_defaulted = false;  // AWS picks the range at creation
  Inside inside_vpc = Inside::Unknown;
  std::string description;  // for messages: "10.0.255.224/28", "a /28 that AWS picks in ..."
  model::Index vpc = model::kNone;
  model::Index preferred_subnet = model::kNone;  // floating: where the active server starts
  model::Index standby_subnet = model::kNone;
  std::vector<model::Index> subnets;  // every subnet that holds a file server
};

Endpoint endpoint_of(const model::Model& model, const model::FileSystem& fs);

// The 198.19.0.0/16 block AWS draws ONTAP endpoint ranges from when the API creates them.
inline constexpr Cidr kOntapDefaultRangeBlock{(198u << 24) | (19u << 16), 16};

}  // namespace reachlint::analysis
