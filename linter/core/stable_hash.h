// A hash of text that is the same on every machine and run (FNV-1a, 64 bits): for what must not
// change between runs, such as finding fingerprints and the shard a file system falls in.
#pragma once

#include <cstdint>
#include <string_view>

namespace reachlint {

class StableHash {
 public:
  StableHash& add(std::string_view text) {
    for (const char c : text) value_ = (value_ ^ static_cast<unsigned char>(c)) * kPrime;
    return *this;
  }
  uint64_t value() const { return value_; }

 private:
  static constexpr uint64_t kPrime = 1099511628211ULL;
  uint64_t value_ = 1469598103934665603ULL;
};

}  // namespace reachlint
