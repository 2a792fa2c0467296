// IPv4 prefixes and the arithmetic the analysis needs.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reachlint {

class Cidr {
 public:
  constexpr Cidr() = default;
  // `address` is masked to the prefix, as EC2 canonicalises destinations.
  constexpr Cidr(uint32_t address, uint8_t length)
      : address_(length == 0 ? 0 : address & (~uint32_t{0} << (32 - length))), length_(length) {}

  // Parses "a.b.c.d/n" (or "a.b.c.d" as /32). Returns nullopt for anything else.
  static std::optional<Cidr> parse(std::string_view text);
  // Parses a plain dotted-quad address.
  static std::optional<uint32_t> parse_address(std::string_view text);

  uint32_t address() const { return address_; }
  uint8_t length() const { return length_; }
  uint32_t first() const { return address_; }
  uint32_t last() const { return address_ | ~mask(); }
  uint32_t mask() const { return length_ == 0 ? 0 : ~uint32_t{0} << (32 - length_); }
  uint64_t size() const { return uint64_t{1} << (32 - length_); }

  bool contains(uint32_t ip) const { return (ip & mask()) == address_; }
  bool contains(const Cidr& other) const {
    return other.length_ >= length_ && contains(other.address_);
  }
  bool overlaps(const Cidr& other) const { return contains(other) || other.contains(*this); }

  std::string str() const;

  friend bool operator==(const Cidr&, const Cidr&) = default;
  friend auto operator<=>(const Cidr&, const Cidr&) = default;

 private:
  uint32_t address_ = 0;
  uint8_t length_ = 0;
};

std::string format_address(uint32_t address);

}  // namespace reachlint
