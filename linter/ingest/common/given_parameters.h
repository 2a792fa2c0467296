// Parameter values given for deployment (`--parameters`, `parameters = [...]` in the
// configuration): on the command line as KEY=VALUE, or in a parameter file in either format
// `aws cloudformation deploy` and CodePipeline take. Templates read them in place of defaults.
#pragma once

#include <string>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/location.h"

namespace reachlint {

struct Inputs;

struct GivenParameter {
  std::string key;
  std::string value;
  std::string stack;   // for this template (its stack name) only; empty: every one declaring it
  Location at;         // where the value was written; unknown on the command line
  std::string origin;  // how it was given, for messages when `at` is unknown
};

// One `--parameters` spec: "KEY=VALUE", "FILE" (JSON: `[{"ParameterKey": …, "ParameterValue":
// …}]` or `{"Parameters": {…}}`), either followed by "@STACK". A relative FILE is read from
// `base_dir`. Problems are located input errors; `spec_at` locates the spec itself (a
// configuration entry), unknown on the command line.
void read_parameter_spec(const std::string& spec, const std::string& base_dir, Location spec_at,
                         Inputs& inputs, Diagnostics& diagnostics);

}  // namespace reachlint
