// Markdown (the rules' documentation) as a terminal shows it: no HTML comments, headings and
// **strong** text bold (or plain without colour), code blocks indented, links as "text <url>".
#pragma once

#include <string>
#include <string_view>

namespace reachlint::output {

std::string markdown_for_terminal(std::string_view markdown, bool bold);

}  // namespace reachlint::output
