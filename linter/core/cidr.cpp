#include "linter/core/cidr.h"

#include <charconv>

#include <fmt/format.h>

namespace reachlint {

namespace {

// Parses a decimal number in [0, max] with no sign, no leading zeros (except "0") and no spaces.
std::optional<uint32_t> parse_decimal(std::string_view text, uint32_t max) {
  if (text.empty() || text.size() > 3 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value > max) return std::nullopt;
  return value;
}

}  // namespace

std::optional<uint32_t> Cidr::parse_address(std::string_view text) {
  uint32_t address = 0;
  for (int octet = 0; octet < 4; ++octet) {
    const size_t dot = octet < 3 ? text.find('.') : text.size();
    if (dot == std::string_view::npos) return std::nullopt;
    const auto value = parse_decimal(text.substr(0, dot), 255);
    if (!value) return std::nullopt;
    address = (address << 8) | *value;
    text.remove_prefix(octet < 3 ? dot + 1 : dot);
  }
  return address;
}

std::optional<Cidr> Cidr::parse(std::string_view text) {
  const size_t slash = text.find('/');
  const auto address = parse_address(text.substr(0, slash));
  if (!address) return std::nullopt;
  if (slash == std::string_view::npos) return Cidr(*address, 32);
  const auto length = parse_decimal(text.substr(slash + 1), 32);
  if (!length) return std::nullopt;
  return Cidr(*address, static_cast<uint8_t>(*length));
}

std::string format_address(uint32_t address) {
  return fmt::format("{}.{}.{}.{}", address >> 24, (address >> 16) & 0xFF, (address >> 8) & 0xFF,
                     address & 0xFF);
}

std::string Cidr::str() const {
  return fmt::format("{}/{}", format_address(address_), length_);
}

}  // namespace reachlint
