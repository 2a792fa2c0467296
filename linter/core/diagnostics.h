// Input errors (the run cannot be trusted: exit 2) and notices (something could not be evaluated).
#pragma once

#include <string>
#include <vector>

#include "linter/core/source.h"

namespace reachlint {

struct InputError {
  Location location;
  std::string message;  // one line, no trailing period
};

struct Notice {
  Location location;
  std::string message;
};

// Collects what ingest and analysis have to say about the inputs themselves.
class Diagnostics {
 public:
  void error(Location location, std::string message);
  void notice(Location location, std::string message);
  // Adds `other`'s errors and notices after these.
  void append(Diagnostics&& other);
  // Forgets the notices so far (a shard other than the first leaves the inputs' to the first).
  void drop_notices() { notices_.clear(); }

  bool has_errors() const { return !errors_.empty(); }
  bool has_notice_at(Location location) const;
  const std::vector<InputError>& errors() const { return errors_; }
  // Sorted by location then text, duplicates removed: output must not depend on discovery order.
  std::vector<Notice> sorted_notices() const;
  std::vector<InputError> sorted_errors() const;

 private:
  std::vector<InputError> errors_;
  std::vector<Notice> notices_;
};

}  // namespace reachlint
