// A suppression as written: in the configuration ([[suppress]]) or in a template resource's
// Metadata.reachlint.suppress.
#pragma once

#include <optional>
#include <string>

#include "linter/core/source.h"

namespace reachlint {

struct SuppressionSpec {
  enum class Kind { InSource, External };
  Kind kind = Kind::External;
  std::string rule;      // a rule code
  std::string resource;  // External: an re2 pattern over ids; InSource: the resource's logical id
  uint32_t stack = UINT32_MAX;  // InSource: the template it was written in
  std::string reason;
  std::optional<std::string> expires;  // YYYY-MM-DD: from the next day on it no longer applies
  Location location;
};

}  // namespace reachlint
