// Notices at organisation scale: thousands of one kind ("could not evaluate … : the route's
// target is not known statically") say one thing. Text output lists a screenful, and beyond that
// counts them by kind; `--notices` lists them all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/core/diagnostics.h"

namespace reachlint::output {

// More notices than this are summarised by kind.
inline constexpr size_t kNoticesListed = 20;

// A notice's message with every word that holds a digit or a path (ids, addresses, counts, file
// names) or is quoted (a key) masked: the notices that differ only in what they are about share
// a kind.
std::string notice_kind(std::string_view message);

struct NoticeKind {
  std::string kind;
  size_t count = 0;
  Location first;  // the first notice of the kind, in output order
};

// The kinds of `notices`, the most frequent first (then by kind, for a stable order).
std::vector<NoticeKind> notice_kinds(const std::vector<Notice>& notices);

}  // namespace reachlint::output
