#include "rules/rule_codes.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "linter/core/spelling.h"

namespace reachlint::rules {

std::string canonical_code(std::string_view pattern) {
  std::string out(pattern);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool code_matches(std::string_view code, std::string_view pattern) {
  if (pattern.empty() || pattern.size() > code.size()) return false;
  return std::equal(pattern.begin(), pattern.end(), code.begin(), [](char p, char c) {
    return std::toupper(static_cast<unsigned char>(p)) == static_cast<unsigned char>(c);
  });
}

std::vector<const RuleInfo*> rules_matching(std::string_view pattern) {
  std::vector<const RuleInfo*> out;
  for (const RuleInfo* rule : all_rules()) {
    if (code_matches(rule->code, pattern)) out.push_back(rule);
  }
  return out;
}

std::string unknown_code_message(std::string_view pattern) {
  const auto all = all_rules();
  const std::string wanted = canonical_code(pattern);
  std::vector<std::string> codes;
  std::string hint;
  for (const RuleInfo* rule : all) {
    codes.emplace_back(rule->code);
    // A rule's name where its code belongs: the code is what is meant.
    if (canonical_code(rule->name) == wanted) hint = rule->code;
  }
  // Equally near codes: the one sharing the longest start with the pattern (its family) first.
  const auto shared = [&](const std::string& code) {
    return std::mismatch(code.begin(), code.end(), wanted.begin(), wanted.end()).first -
           code.begin();
  };
  std::stable_sort(codes.begin(), codes.end(), [&](const std::string& a, const std::string& b) {
    return shared(a) > shared(b);
  });
  if (hint.empty()) hint = closest(wanted, codes);
  const std::string message =
      fmt::format("'{}' matches no rule code ({} to {}; a prefix such as RL1 names a family)",
                  pattern, all.front()->code, all.back()->code);
  return hint.empty() ? message : fmt::format("{}; did you mean '{}'?", message, hint);
}

}  // namespace reachlint::rules
