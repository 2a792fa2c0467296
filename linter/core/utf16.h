// UTF-16 text (with its byte order mark) as UTF-8: what Windows PowerShell's `>` writes, as in
// `terraform show -json tfplan > plan.json`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace reachlint {

// Whether `bytes` start with a UTF-16 byte order mark (FF FE or FE FF).
bool is_utf16(std::string_view bytes);

// The text as UTF-8, without the mark; line breaks stay where they were, so lines keep their
// numbers. Unpaired surrogates become U+FFFD. Nullopt for an odd number of bytes.
std::optional<std::string> utf16_to_utf8(std::string_view bytes);

}  // namespace reachlint
