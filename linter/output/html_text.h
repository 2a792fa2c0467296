// Text into HTML for the report of `-f html`: everything that comes from the inputs is escaped,
// and the rules' Markdown documentation becomes HTML without any reference to load.
#pragma once

#include <string>
#include <string_view>

namespace reachlint::output::html {

// `text` as HTML character data or a quoted attribute value: & < > " ' escaped, and control
// characters (which HTML forbids) replaced by U+FFFD.
void append_escaped(std::string& out, std::string_view text);
std::string escape(std::string_view text);

// A count as a reader reads it: "14,872".
std::string grouped(size_t n);

// At most `max` characters (UTF-8 code points) of `text`: its start and its end around "…" when it
// is longer, since ids differ at both ends ("FsxVpcPrivateSubnet1RouteTable81354C9E").
std::string shorten(std::string_view text, size_t max);

// The Markdown of the rule documentation (## headings, paragraphs, "- " lists, ``` fences,
// `code`, *emphasis*, **strong**, [links](https://…)) as HTML; headings become <hN> with N =
// `heading_level`. Links to relative pages (other rule pages) keep their text only.
std::string markdown(std::string_view text, int heading_level);

// The body of the "## `heading`" section of a Markdown document, or empty.
std::string_view markdown_section(std::string_view text, std::string_view heading);

}  // namespace reachlint::output::html
