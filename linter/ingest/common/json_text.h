// JSON as text, without a parse: where a value written at an offset ends, and whether two values
// are written alike but for whitespace. For the rare questions a stream reader cannot ask twice.
#pragma once

#include <string_view>

namespace reachlint {

// The value that starts at `offset` (an object, array, string or scalar), or empty when it is not
// complete.
std::string_view json_value_at(std::string_view text, size_t offset);

// Whether two JSON texts are the same but for whitespace outside strings.
bool same_json(std::string_view a, std::string_view b);

}  // namespace reachlint
