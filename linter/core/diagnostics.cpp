#include "linter/core/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace reachlint {

void Diagnostics::error(Location location, std::string message) {
  errors_.push_back({location, std::move(message)});
}

void Diagnostics::notice(Location location, std::string message) {
  notices_.push_back({location, std::move(message)});
}

void Diagnostics::append(Diagnostics&& other) {
  errors_.insert(errors_.end(), std::make_move_iterator(other.errors_.begin()),
                 std::make_move_iterator(other.errors_.end()));
  notices_.insert(notices_.end(), std::make_move_iterator(other.notices_.begin()),
                  std::make_move_iterator(other.notices_.end()));
}

namespace {

template <typename Item>
std::vector<Item> sorted_unique(std::vector<Item> items) {
  const auto key = [](const Item& item) { return std::tie(item.location, item.message); };
  std::sort(items.begin(), items.end(),
            [&](const Item& a, const Item& b) { return key(a) < key(b); });
  items.erase(std::unique(items.begin(), items.end(),
                          [&](const Item& a, const Item& b) { return key(a) == key(b); }),
              items.end());
  return items;
}

}  // namespace

bool Diagnostics::has_notice_at(Location location) const {
  return std::any_of(notices_.begin(), notices_.end(),
                     [&](const Notice& notice) { return notice.location == location; });
}

std::vector<Notice> Diagnostics::sorted_notices() const {
  return sorted_unique(notices_);
}
std::vector<InputError> Diagnostics::sorted_errors() const {
  return sorted_unique(errors_);
}

}  // namespace reachlint
