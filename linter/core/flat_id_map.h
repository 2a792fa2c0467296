// Id -> index, in one flat open-addressing table: linking an organisation's export looks up
// hundreds of thousands of ids, and node-based maps spend that time in malloc and cache misses.
// Keys are views that must outlive the map (they point into the mapped inputs or the model).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace reachlint {

class FlatIdMap {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  void reserve(size_t count) {
    size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    if (capacity > slots_.size()) rehash(capacity);
  }

  // Inserts `key` -> `value` unless present; returns the stored value and whether it inserted.
  std::pair<uint32_t, bool> try_emplace(std::string_view key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const uint64_t h = hash(key);
    Slot& slot = probe(key, h);
    if (slot.key.data() != nullptr) return {slot.value, false};
    slot = {key, value, static_cast<uint32_t>(h)};
    ++size_;
    return {value, true};
  }

  uint32_t find(std::string_view key) const {
    if (slots_.empty()) return kMissing;
    const Slot& slot = const_cast<FlatIdMap*>(this)->probe(key, hash(key));
    return slot.key.data() != nullptr ? slot.value : kMissing;
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    std::string_view key;  // data() == nullptr: empty
    uint32_t value = 0;
    // The hash's low bits: a probe passes other keys without reading them (they lie in the
    // mapped inputs, a cache miss each), and a rehash places them without hashing again.
    uint32_t hash_low = 0;
  };

  // AWS ids differ in their trailing hex digits: the last 16 bytes and the length are mixed.
  static uint64_t hash(std::string_view key) {
    uint64_t a = key.size(), b = 0;
    const size_t n = key.size();
    if (n >= 16) {
      std::memcpy(&a, key.data() + n - 16, 8);
      std::memcpy(&b, key.data() + n - 8, 8);
    } else {
      for (size_t i = 0; i < n; ++i) b = (b << 8) | static_cast<unsigned char>(key[i]);
    }
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ULL) ^ (n << 56)) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
  }

  Slot& probe(std::string_view key, uint64_t h) {
    const size_t mask = slots_.size() - 1;
    const auto low = static_cast<uint32_t>(h);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.key.data() == nullptr || (slot.hash_low == low && slot.key == key)) return slot;
    }
  }

  Slot& free_slot(uint32_t low) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = low & mask;; i = (i + 1) & mask) {
      if (slots_[i].key.data() == nullptr) return slots_[i];
    }
  }

  void rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    for (const Slot& slot : old) {
      if (slot.key.data() != nullptr) free_slot(slot.hash_low) = slot;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace reachlint
