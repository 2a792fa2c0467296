// IP protocol names as EC2 accepts them.
#pragma once

#include <optional>
#include <string_view>

namespace reachlint {

// "tcp", "udp", "icmp", "icmpv6", "-1"/"all" or a number 0-255 -> protocol number (-1: all).
std::optional<int> protocol_number(std::string_view text);

}  // namespace reachlint
