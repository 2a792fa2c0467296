// Recognises what a parsed JSON input is from its top-level keys.
#pragma once

#include "linter/ingest/json_tree.h"

namespace reachlint {

enum class InputKind { Template, CdkManifest, AccountExport, Unknown };

InputKind classify_input(const JsonDocument& json);

}  // namespace reachlint
