#include "linter/ingest/cloudformation/intrinsic_functions.h"

#include <fmt/format.h>

#include "linter/core/cidr.h"

namespace reachlint {

namespace {

Value unknown_from(const Value& cause, Location at) {
  Value result = cause;
  if (!result.location.known()) result.location = at;
  return result;
}

}  // namespace

Value fn_get_azs(const Value& region, Location at) {
  Value azs;
  azs.kind = Value::Kind::AzList;
  azs.location = at;
  // Zones of another region than the stack's cannot be told apart from the stack's own.
  azs.text = region.is_string() && !region.text.empty() ? region.text : "";
  return azs;
}

Result<Value> fn_select(const Value& index, const Value& list, Location at) {
  if (index.is_unknown()) return unknown_from(index, at);
  const auto position = index.as_integer();
  if (!position || *position < 0) {
    return Error{at, "Fn::Select needs a non-negative integer index"};
  }
  if (list.kind == Value::Kind::AzList) {
    Value az;
    az.kind = Value::Kind::Az;
    az.location = at;
    az.text = list.text.empty() ? fmt::format("az#{}", *position)
                                : fmt::format("{}#az{}", list.text, *position);
    return az;
  }
  if (list.is_unknown()) return unknown_from(list, at);
  if (!list.is_list()) {
    return Error{at, "Fn::Select needs a list"};
  }
  if (static_cast<size_t>(*position) >= list.items.size()) {
    return Error{at, fmt::format("Fn::Select index {} is out of range for a list of {}", *position,
                                 list.items.size())};
  }
  return list.items[static_cast<size_t>(*position)];
}

Result<Value> fn_join(const Value& delimiter, const Value& list, Location at) {
  if (delimiter.is_unknown()) return unknown_from(delimiter, at);
  if (list.is_unknown()) return unknown_from(list, at);
  if (!delimiter.is_string() || !list.is_list()) {
    return Error{at, "Fn::Join needs a delimiter string and a list"};
  }
  std::string joined;
  for (size_t i = 0; i < list.items.size(); ++i) {
    const Value& item = list.items[i];
    if (item.is_unknown()) return unknown_from(item, at);
    const auto text = item.as_text();
    if (!text) return Value::unknown(at, "Fn::Join over a value known only at deploy time");
    if (i > 0) joined += delimiter.text;
    joined += *text;
  }
  return Value::string(at, std::move(joined));
}

Result<Value> fn_split(const Value& delimiter, const Value& source, Location at) {
  if (delimiter.is_unknown()) return unknown_from(delimiter, at);
  if (source.is_unknown()) return unknown_from(source, at);
  if (!delimiter.is_string() || delimiter.text.empty() || !source.is_string()) {
    return Error{at, "Fn::Split needs a non-empty delimiter and a string"};
  }
  Value list;
  list.kind = Value::Kind::List;
  list.location = at;
  size_t start = 0;
  while (true) {
    const size_t next = source.text.find(delimiter.text, start);
    list.items.push_back(Value::string(at, source.text.substr(start, next - start)));
    if (next == std::string::npos) break;
    start = next + delimiter.text.size();
  }
  return list;
}

Result<Value> fn_cidr(const Value& block, const Value& count, const Value& host_bits, Location at) {
  for (const Value* argument : {&block, &count, &host_bits}) {
    if (argument->is_unknown()) return unknown_from(*argument, at);
  }
  if (block.is_string() && block.text.find(':') != std::string::npos) {
    return Value::unknown(at, "IPv6 Fn::Cidr is not evaluated (reachlint checks IPv4 paths)");
  }
  const auto base = block.is_string() ? Cidr::parse(block.text) : std::nullopt;
  const auto n = count.as_integer();
  const auto bits = host_bits.as_integer();
  if (!base) return Error{at, "Fn::Cidr needs an IPv4 CIDR block as its first argument"};
  if (!n || *n < 1 || *n > 256) return Error{at, "Fn::Cidr count must be an integer from 1 to 256"};
  if (!bits || *bits < 1 || *bits > 32 - base->length()) {
    return Error{at, fmt::format("Fn::Cidr host bits must be an integer from 1 to {} for {}",
                                 32 - base->length(), base->str())};
  }
  if (static_cast<uint64_t>(*n) << *bits > base->size()) {
    return Error{at, fmt::format("Fn::Cidr cannot cut {} blocks of /{} out of {}", *n, 32 - *bits,
                                 base->str())};
  }
  Value list;
  list.kind = Value::Kind::List;
  list.location = at;
  const auto length = static_cast<uint8_t>(32 - *bits);
  for (int64_t i = 0; i < *n; ++i) {
    const auto address = base->address() + static_cast<uint32_t>(i << *bits);
    list.items.push_back(Value::string(at, Cidr(address, length).str()));
  }
  return list;
}

}  // namespace reachlint
