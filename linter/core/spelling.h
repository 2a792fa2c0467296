// "Did you mean ...?": the candidate nearest to a word someone mistyped.
#pragma once

#include <string>
#include <vector>

namespace reachlint {

// The closest of `candidates` to `word` by edit distance, for "did you mean" hints; empty if none
// is close enough to be a plausible typo.
std::string closest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace reachlint
