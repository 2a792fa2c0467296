// Parameter values given for deployment, applied to the templates that declare them and checked
// as CloudFormation checks them before it deploys.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/ingest/cloudformation/template.h"
#include "linter/ingest/common/given_parameters.h"

namespace reachlint {

// Each value goes to every template that declares its key (or to its stack's only, when it names
// one). A key no such template declares is an input error, as CloudFormation makes it; so is a
// value that does not fit the parameter's Type, AllowedValues, AllowedPattern, MinLength,
// MaxLength, MinValue or MaxValue. `given` must outlive `templates`.
void apply_parameters(TemplateSet& templates, const std::vector<GivenParameter>& given,
                      Diagnostics& diagnostics);

// Why `value` does not fit the parameter `declaration` of `tmpl`; nullopt when it fits.
std::optional<std::string> parameter_value_problem(const Template& tmpl,
                                                   const JsonMember& declaration,
                                                   std::string_view value);

}  // namespace reachlint
