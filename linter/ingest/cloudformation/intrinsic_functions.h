// The value-to-value intrinsic functions: no template lookups, only arguments already evaluated.
// Each returns the result, or an Unknown that carries the first unknown argument, or an error
// (located at the call) when the arguments are invalid: CloudFormation would reject the template.
#pragma once

#include "linter/core/result.h"
#include "linter/ingest/cloudformation/value.h"

namespace reachlint {

Result<Value> fn_select(const Value& index, const Value& list, Location at);
Result<Value> fn_join(const Value& delimiter, const Value& list, Location at);
Result<Value> fn_split(const Value& delimiter, const Value& source, Location at);
Result<Value> fn_cidr(const Value& block, const Value& count, const Value& host_bits, Location at);
Value fn_get_azs(const Value& region, Location at);

}  // namespace reachlint
