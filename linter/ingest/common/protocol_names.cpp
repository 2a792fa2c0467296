#include "linter/ingest/common/protocol_names.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace reachlint {

std::optional<int> protocol_number(std::string_view text) {
  std::string name(text);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (name == "tcp") return 6;
  if (name == "udp") return 17;
  if (name == "icmp") return 1;
  if (name == "icmpv6") return 58;
  if (name == "-1" || name == "all") return -1;
  int number = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (error != std::errc{} || end != name.data() + name.size() || number < 0 || number > 255) {
    return std::nullopt;
  }
  return number;
}

}  // namespace reachlint
