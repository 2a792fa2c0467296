#include "linter/output/notice_summary.h"

#include <algorithm>
#include <unordered_map>

namespace reachlint::output {

namespace {

constexpr std::string_view kOpening = "([{'\"";
constexpr std::string_view kClosing = ")]}'\",;:.";

bool names_something(std::string_view word) {
  return std::any_of(word.begin(), word.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '/'; });
}

// The word with its leading and trailing punctuation kept and its body masked when it names
// something: it holds a digit or a path, or it is quoted.
std::string mask_word(std::string_view word) {
  size_t begin = 0;
  while (begin < word.size() && kOpening.find(word[begin]) != std::string_view::npos) ++begin;
  size_t end = word.size();
  while (end > begin && kClosing.find(word[end - 1]) != std::string_view::npos) --end;
  const std::string_view body = word.substr(begin, end - begin);
  const bool quoted = begin > 0 && word[begin - 1] == '\'';  // 'ManagedPrefixLists'
  if (!quoted && !names_something(body)) return std::string(word);
  return std::string(word.substr(0, begin)) + "…" + std::string(word.substr(end));
}

}  // namespace

std::string notice_kind(std::string_view message) {
  std::string kind;
  size_t at = 0;
  while (at <= message.size()) {
    const size_t space = std::min(message.find(' ', at), message.size());
    if (!kind.empty()) kind += ' ';
    kind += mask_word(message.substr(at, space - at));
    at = space + 1;
  }
  return kind;
}

std::vector<NoticeKind> notice_kinds(const std::vector<Notice>& notices) {
  std::vector<NoticeKind> kinds;
  std::unordered_map<std::string, size_t> index_of;
  for (const Notice& notice : notices) {
    std::string kind = notice_kind(notice.message);
    const auto [it, inserted] = index_of.try_emplace(kind, kinds.size());
    if (inserted) kinds.push_back({std::move(kind), 0, notice.location});
    ++kinds[it->second].count;
  }
  std::stable_sort(kinds.begin(), kinds.end(), [](const NoticeKind& a, const NoticeKind& b) {
    return a.count != b.count ? a.count > b.count : a.kind < b.kind;
  });
  return kinds;
}

}  // namespace reachlint::output
