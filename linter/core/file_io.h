// Whole files read and written with the operating system's reason when that fails
// ("cannot write out.txt: No such file or directory"), for the files that are no inputs:
// configuration, baselines, SARIF logs to merge, reports and documentation written.
#pragma once

#include <string>

#include "linter/core/result.h"

namespace reachlint {

// The bytes of `path`; the error says "cannot read PATH: REASON".
Result<std::string> read_text_file(const std::string& path);

// Replaces `path` with `text`; the error says "cannot write PATH: REASON".
Status write_text_file(const std::string& path, const std::string& text);

}  // namespace reachlint
