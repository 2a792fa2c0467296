// A pre-scan of .reachlint.toml for the inputs toml++ 3.3.0 (Debian 12) cannot parse safely.
//
// toml++ asserts preconditions that some invalid documents break (`[.rules]`, `[[[a]]]`,
// `ignore = ["RL105",}`, `x = 1980-05-27Tx`) and classifies some non-ASCII code points through a
// table that ends in __builtin_unreachable (marzer/tomlplusplus#190, #295, #301): an abort under
// assertions, undefined behaviour without. Every input refused here is invalid TOML or holds a key
// no configuration can have, so the guard changes no verdict on a valid file; it only reports the
// mistake itself, located, before toml++ can trip on it (fixtures/fuzz-toml-*).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace reachlint::cli {

struct TomlHazard {
  size_t offset = 0;  // byte offset of the offending character
  std::string message;
};

// The first place in `text` toml++ 3.3.0 would mishandle, if any.
std::optional<TomlHazard> find_toml_hazard(std::string_view text);

}  // namespace reachlint::cli
