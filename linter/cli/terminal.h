// What a terminal gets that a file or a pipe does not: colour and a pager. The decisions are
// plain functions of the environment (main() reads it), so tests need no terminal.
#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace reachlint::cli {

enum class ColorChoice { Auto, Always, Never };

// --color: "always" wins over NO_COLOR (an explicit request, as no-color.org asks); "auto" colours
// a terminal unless NO_COLOR is set to a non-empty value or TERM is "dumb"; "never" never does.
bool use_color(ColorChoice choice, bool is_terminal, bool no_color, bool term_dumb);

// Whether `text` goes through a pager: standard output is a terminal `rows` high (0: unknown)
// and the text does not fit on it.
bool should_page(bool out_is_terminal, size_t rows, std::string_view text);

// Writes `text` through `pager` (a shell command, as git runs $PAGER; default "less -R").
// Falls back to writing it to `out` when the pager cannot be started.
void write_paged(std::string_view text, const std::optional<std::string>& pager, std::FILE* out);

}  // namespace reachlint::cli
