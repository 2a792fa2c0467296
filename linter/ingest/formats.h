// Every input format reachlint reads, one registry line each (formats.cpp).
#pragma once

#include <memory>
#include <vector>

#include "linter/ingest/common/input_format.h"

namespace reachlint {

// Fresh formats, in the order they are asked to recognise a file: a document that could be
// read as two formats is the first one's.
std::vector<std::unique_ptr<InputFormat>> all_input_formats();

}  // namespace reachlint
