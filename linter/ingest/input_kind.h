// Recognises what a parsed JSON input is from its top-level keys.
#pragma once

#include <string_view>

#include "linter/ingest/json_tree.h"

namespace reachlint {

enum class InputKind { Template, CdkManifest, AccountExport, Unknown };

InputKind classify_input(const JsonDocument& json);

// For text that is not valid JSON: whether it reads like a CloudFormation template in YAML (a
// top-level `Resources:` or `AWSTemplateFormatVersion:` key), or like a broken JSON template.
bool looks_like_yaml_template(std::string_view text);
bool looks_like_json_template(std::string_view text);

}  // namespace reachlint
