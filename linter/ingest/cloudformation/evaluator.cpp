#include "linter/ingest/cloudformation/evaluator.h"

#include <optional>

#include <fmt/format.h>

#include "linter/ingest/cloudformation/intrinsic_functions.h"
#include "linter/ingest/cloudformation/template_keys.h"
#include "linter/ingest/common/aws_keys.h"

namespace reachlint {

namespace {

constexpr int kMaxDepth = 512;

bool is_intrinsic_key(std::string_view key) {
  return key == template_keys::kRef || key.starts_with(template_keys::kFnPrefix) ||
         key == template_keys::kCondition;
}

// An output's Export.Name, unevaluated; nullptr when it exports nothing.
const JsonNode* export_name_node(const Template& t, const JsonMember& output) {
  const JsonNode* export_node =
      output.value->is_object() ? t.json->find(*output.value, template_keys::kExport) : nullptr;
  return export_node && export_node->is_object() ? t.json->find(*export_node, template_keys::kName)
                                                 : nullptr;
}

}  // namespace

std::string entity_key(uint32_t tmpl, std::string_view logical_id, std::string_view implicit) {
  if (implicit.empty()) return fmt::format("{}:{}", tmpl, logical_id);
  return fmt::format("{}:{}#{}", tmpl, logical_id, implicit);
}

Evaluator::Evaluator(const TemplateSet& templates, Diagnostics& diagnostics)
    : templates_(templates), diagnostics_(diagnostics) {
  index_exports();
}

void Evaluator::index_exports() {
  for (uint32_t tmpl = 0; tmpl < templates_.templates.size(); ++tmpl) {
    const Template& t = templates_.templates[tmpl];
    for (const auto& [name, output] : t.outputs) {
      const JsonNode* name_node = export_name_node(t, *output);
      if (!name_node) continue;
      const Value export_name = eval(tmpl, *name_node);
      if (!export_name.is_string()) continue;  // an export named at deploy time cannot be matched
      const auto [it, inserted] = exports_.emplace(export_name.text, ExportRef{tmpl, output});
      if (!inserted) {
        const Template& first = templates_.templates[it->second.tmpl];
        diagnostics_.error(t.at(name_node->offset),
                           fmt::format("export name '{}' is also exported by stack {} ({})",
                                       export_name.text, first.stack_name, first.path));
      }
    }
  }
  index_set_aside_exports();
}

// The exports of templates with errors, by the names written literally: what imports one is
// unknown because of that template, and the notice says so.
void Evaluator::index_set_aside_exports() {
  for (const Template* t : templates_.set_aside) {
    for (const auto& [name, output] : t->outputs) {
      const JsonNode* name_node = export_name_node(*t, *output);
      if (name_node && name_node->is_string()) set_aside_exports_.emplace(name_node->text, t);
    }
  }
}

const Template* Evaluator::set_aside_stack(std::string_view stack_name) const {
  for (const Template* t : templates_.set_aside) {
    if (t->stack_name == stack_name) return t;
  }
  return nullptr;
}

Value Evaluator::set_aside_reference(const Template& producer, Location at) {
  return Value::unknown(at, fmt::format("stack {} ({}) has errors: what it exports is not known",
                                        producer.stack_name, producer.path));
}

Value Evaluator::fail(Location at, std::string message) {
  diagnostics_.error(at, std::move(message));
  return Value::unknown(at, "invalid expression");
}

// `key` is "<template>|<what>"; the part after the bar names the loop in the message.
bool Evaluator::enter(const std::string& key, Location at) {
  if (active_.insert(key).second) return true;
  diagnostics_.error(at,
                     fmt::format("circular reference through {}", key.substr(key.find('|') + 1)));
  return false;
}

Value Evaluator::property(uint32_t tmpl, const JsonMember& resource, std::string_view name) {
  const Template& t = templates_.templates[tmpl];
  const JsonNode* props = t.properties(resource);
  const JsonNode* node = props ? t.json->find(*props, name) : nullptr;
  if (!node) {
    Value absent;
    absent.kind = Value::Kind::NoValue;
    absent.location = t.at(resource.key_offset);
    return absent;
  }
  return eval(tmpl, *node);
}

Value Evaluator::eval(uint32_t tmpl, const JsonNode& node) {
  const Location at = templates_.templates[tmpl].at(node.offset);
  Value value;
  value.location = at;
  switch (node.kind) {
    case JsonKind::Null:
      value.kind = Value::Kind::Null;
      return value;
    case JsonKind::Bool:
      value.kind = Value::Kind::Bool;
      value.boolean = node.boolean;
      return value;
    case JsonKind::Integer:
    case JsonKind::Real:
      value.kind = Value::Kind::Number;
      value.number = node.kind == JsonKind::Integer ? static_cast<double>(node.integer) : node.real;
      value.text = std::string(node.text);
      return value;
    case JsonKind::String:
      // Dynamic references ({{resolve:ssm:...}}) are replaced by CloudFormation at deploy time.
      if (node.text.find("{{resolve:") != std::string_view::npos)
        return Value::unknown(
            at, fmt::format("'{}' is a dynamic reference, resolved at deploy time", node.text));
      return Value::string(at, std::string(node.text));
    case JsonKind::Array:
      return eval_list(tmpl, node);
    case JsonKind::Object:
      break;
  }
  if (depth_ >= kMaxDepth) return fail(at, "expression nests too deeply to evaluate");
  ++depth_;
  Value result = eval_object(tmpl, node);
  --depth_;
  return result;
}

Value Evaluator::eval_list(uint32_t tmpl, const JsonNode& node) {
  const Template& t = templates_.templates[tmpl];
  Value list;
  list.kind = Value::Kind::List;
  list.location = t.at(node.offset);
  for (const JsonNode* element : t.json->elements(node)) {
    Value item = eval(tmpl, *element);
    if (item.kind != Value::Kind::NoValue) list.items.push_back(std::move(item));
  }
  return list;
}

class IntrinsicCall {
 public:
  IntrinsicCall(Evaluator& evaluator, uint32_t tmpl, const JsonMember& call)
      : ev_(evaluator),
        tmpl_(tmpl),
        call_(call),
        at_(evaluator.templates_.templates[tmpl].at(call.key_offset)) {}

  Value run() {
    const std::string_view name = call_.key;
    const JsonNode& arg = *call_.value;
    if (name == template_keys::kRef) return ev_.eval_ref(tmpl_, arg, at_);
    if (name == template_keys::kFnGetAtt) return ev_.eval_get_att(tmpl_, arg, at_);
    if (name == template_keys::kFnIf) return ev_.eval_if(tmpl_, arg, at_);
    if (name == template_keys::kFnSub) return ev_.eval_sub(tmpl_, arg, at_);
    if (name == template_keys::kFnFindInMap) return ev_.eval_find_in_map(tmpl_, arg, at_);
    if (name == template_keys::kFnImportValue) return ev_.eval_import_value(tmpl_, arg, at_);
    if (name == template_keys::kFnGetStackOutput) return ev_.eval_get_stack_output(tmpl_, arg, at_);
    if (name == template_keys::kFnGetAZs) return fn_get_azs(ev_.eval(tmpl_, arg), at_);
    if (name == template_keys::kFnSelect)
      return with_arguments(2, [&](auto& a) { return fn_select(a[0], a[1], at_); });
    if (name == template_keys::kFnJoin)
      return with_arguments(2, [&](auto& a) { return fn_join(a[0], a[1], at_); });
    if (name == template_keys::kFnSplit)
      return with_arguments(2, [&](auto& a) { return fn_split(a[0], a[1], at_); });
    if (name == template_keys::kFnCidr) {
      return with_arguments(3, [&](auto& a) { return fn_cidr(a[0], a[1], a[2], at_); });
    }
    return Value::unknown(at_, fmt::format("{} is not evaluated statically", name));
  }

 private:
  template <typename Function>
  Value with_arguments(size_t count, Function function) {
    const Value arguments = ev_.eval(tmpl_, *call_.value);
    if (!arguments.is_list() || arguments.items.size() != count) {
      return ev_.fail(at_, fmt::format("{} takes a list of {} arguments", call_.key, count));
    }
    Result<Value> result = function(arguments.items);
    if (!result) return ev_.fail(result.error().location, result.error().message);
    return std::move(result).value();
  }

  Evaluator& ev_;
  uint32_t tmpl_;
  const JsonMember& call_;
  Location at_;
};

Value Evaluator::eval_object(uint32_t tmpl, const JsonNode& node) {
  const Template& t = templates_.templates[tmpl];
  const auto members = t.json->members(node);
  if (members.size() == 1 && is_intrinsic_key(members[0].key) &&
      members[0].key != template_keys::kCondition) {
    return IntrinsicCall(*this, tmpl, members[0]).run();
  }
  Value object;
  object.kind = Value::Kind::Object;
  object.object = &node;
  object.tmpl = tmpl;
  object.location = t.at(node.offset);
  return object;
}

Value Evaluator::eval_ref(uint32_t tmpl, const JsonNode& argument, Location at) {
  const Template& t = templates_.templates[tmpl];
  if (!argument.is_string()) return fail(at, "Ref needs the name of a parameter or resource");
  const std::string_view name = argument.text;
  if (name.starts_with("AWS::")) return eval_pseudo_parameter(t, name, at);
  if (auto parameter = t.parameters.find(name); parameter != t.parameters.end()) {
    return eval_parameter(tmpl, *parameter->second, at);
  }
  if (t.resource_by_id.contains(name)) return Value::entity(at, entity_key(tmpl, name));
  return fail(
      t.at(argument.offset),
      fmt::format("Ref to '{}', which is neither a parameter nor a resource of this template",
                  name));
}

Value Evaluator::eval_pseudo_parameter(const Template& tmpl, std::string_view name, Location at) {
  if (name == "AWS::NoValue") {
    Value absent;
    absent.kind = Value::Kind::NoValue;
    absent.location = at;
    return absent;
  }
  static constexpr std::string_view kKnownAtDeploy[] = {
      "AWS::AccountId", "AWS::Region",    "AWS::StackName",       "AWS::StackId",
      "AWS::Partition", "AWS::URLSuffix", "AWS::NotificationARNs"};
  for (const auto known : kKnownAtDeploy) {
    if (name == known)
      return Value::unknown(at, fmt::format("{} is known only at deploy time", name));
  }
  (void)tmpl;
  return fail(at, fmt::format("Ref to unknown pseudo parameter '{}'", name));
}

Value Evaluator::eval_parameter(uint32_t tmpl, const JsonMember& parameter, Location at) {
  const Template& t = templates_.templates[tmpl];
  if (!parameter.value->is_object()) {
    return fail(t.at(parameter.value->offset),
                fmt::format("parameter '{}' must be an object", parameter.key));
  }
  const JsonNode* type = t.json->find(*parameter.value, template_keys::kType);
  const std::string_view type_name = type && type->is_string() ? type->text : "";
  const auto given = t.given.find(parameter.key);
  if (given != t.given.end()) return typed(Value::string(at, given->second->value), type_name, at);
  if (type_name.find("AWS::SSM::Parameter::Value") != std::string_view::npos) {
    return Value::unknown(
        at, fmt::format("parameter '{}' is read from SSM Parameter Store at deploy time",
                        parameter.key));
  }
  if (t.parent != Template::kNoParent) {
    if (std::optional<Value> passed =
            passed_parameter(tmpl, parameter.key, is_list_type(type_name)))
      return typed(std::move(*passed), type_name, at);
  }
  const JsonNode* default_value = t.json->find(*parameter.value, template_keys::kDefault);
  if (!default_value && t.parent != Template::kNoParent) {
    return fail(templates_.templates[t.parent].at(t.stack_resource->key_offset),
                fmt::format("nested stack {} passes no value for parameter '{}', which has no "
                            "default: CloudFormation refuses to create the stack",
                            t.stack_resource->key, parameter.key));
  }
  if (!default_value) {
    return Value::unknown(
        at, fmt::format("parameter '{}' has no default; its value is given at deploy time",
                        parameter.key));
  }
  return typed(eval(tmpl, *default_value), type_name, at);
}

// What a nested stack's parent passes for `name` in its resource's Parameters, evaluated in the
// parent; nullopt when it passes nothing for it, and the default applies.
std::optional<Value> Evaluator::passed_parameter(uint32_t tmpl, std::string_view name,
                                                 bool list_type) {
  const Template& t = templates_.templates[tmpl];
  const Value passed = property(t.parent, *t.stack_resource, template_keys::kParameters);
  if (passed.is_absent()) return std::nullopt;
  if (passed.is_unknown()) return passed;
  if (passed.kind != Value::Kind::Object)
    return fail(passed.location, "the Parameters of a nested stack must be an object");
  const JsonNode* node = templates_.templates[passed.tmpl].json->find(*passed.object, name);
  if (!node) return std::nullopt;
  if (list_type) {
    if (std::optional<Value> items = comma_joined_items(passed.tmpl, *node)) return items;
  }
  return eval(passed.tmpl, *node);
}

// A list the parent joins with commas for a list-typed parameter, which splits it again: its
// items pass as they are, resources included (which Fn::Join cannot spell out before
// deployment). Not when an item holds a comma: the split would cut it.
std::optional<Value> Evaluator::comma_joined_items(uint32_t tmpl, const JsonNode& node) {
  const Template& t = templates_.templates[tmpl];
  if (!node.is_object() || node.count != 1) return std::nullopt;
  const JsonMember& call = t.json->members(node)[0];
  if (call.key != template_keys::kFnJoin || !call.value->is_array() || call.value->count != 2)
    return std::nullopt;
  const auto parts = t.json->elements(*call.value);
  if (!parts[0]->is_string() || parts[0]->text != ",") return std::nullopt;
  Value items = eval(tmpl, *parts[1]);
  if (!items.is_list()) return std::nullopt;
  for (const Value& item : items.items) {
    const auto text = item.as_text();
    if (item.is_unknown() || (text && text->find(',') != std::string::npos)) return std::nullopt;
  }
  return items;
}

bool Evaluator::is_list_type(std::string_view type_name) {
  return type_name == "CommaDelimitedList" || type_name.starts_with("List<");
}

// A parameter's value as its type reads it: list types split on commas.
Value Evaluator::typed(Value value, std::string_view type_name, Location at) {
  if (!is_list_type(type_name) || !value.is_string()) return value;
  // Cannot fail: the delimiter is not empty and the value is a string.
  Value list = fn_split(Value::string(at, ","), value, value.location).value();
  for (Value& item : list.items) {
    const auto first = item.text.find_first_not_of(' ');
    item.text = first == std::string::npos ? "" : item.text.substr(first);
    while (!item.text.empty() && item.text.back() == ' ') item.text.pop_back();
  }
  return list;
}

Value Evaluator::eval_get_att(uint32_t tmpl, const JsonNode& argument, Location at) {
  const Template& t = templates_.templates[tmpl];
  std::string logical_id;
  std::string attribute;
  if (argument.is_string()) {
    const size_t dot = argument.text.find('.');
    if (dot == std::string_view::npos) return fail(at, "Fn::GetAtt needs \"Resource.Attribute\"");
    logical_id = std::string(argument.text.substr(0, dot));
    attribute = std::string(argument.text.substr(dot + 1));
  } else if (argument.is_array() && argument.count == 2) {
    const auto parts = t.json->elements(argument);
    const Value attr = eval(tmpl, *parts[1]);
    if (!parts[0]->is_string()) return fail(at, "Fn::GetAtt needs a resource name");
    if (attr.is_unknown()) return attr;
    if (!attr.is_string()) return fail(at, "Fn::GetAtt needs an attribute name");
    logical_id = std::string(parts[0]->text);
    attribute = attr.text;
  } else {
    return fail(at, "Fn::GetAtt takes [resource, attribute]");
  }
  const auto resource = t.resource_by_id.find(logical_id);
  if (resource == t.resource_by_id.end()) {
    return fail(at, fmt::format("Fn::GetAtt of '{}', which is not a resource of this template",
                                logical_id));
  }
  const std::string guard = fmt::format("{}|Fn::GetAtt {}.{}", tmpl, logical_id, attribute);
  if (!enter(guard, at)) return Value::unknown(at, "circular reference");
  Value value = resource_attribute(tmpl, *resource->second, attribute, at);
  leave(guard);
  return value;
}

Value Evaluator::resource_attribute(uint32_t tmpl, const JsonMember& resource,
                                    std::string_view attribute, Location at) {
  const Template& t = templates_.templates[tmpl];
  const std::string_view type = t.resource_type(resource);
  const auto self = [&] { return Value::entity(at, entity_key(tmpl, resource.key)); };
  const auto implicit = [&](std::string_view what) {
    return Value::entity(at, entity_key(tmpl, resource.key, what));
  };
  const auto prop = [&](std::string_view name) {
    Value value = property(tmpl, resource, name);
    if (value.is_absent()) {
      return Value::unknown(
          at, fmt::format("{}.{} is chosen by AWS at deploy time", resource.key, attribute));
    }
    return value;
  };
  if (type == template_keys::kStackType && attribute.starts_with(template_keys::kOutputsPrefix)) {
    return nested_output(tmpl, resource, attribute.substr(template_keys::kOutputsPrefix.size()),
                         at);
  }
  if (type == "AWS::EC2::VPC") {
    if (attribute == aws_keys::kCidrBlock) return prop(aws_keys::kCidrBlock);
    if (attribute == aws_keys::kVpcId) return self();
    if (attribute == template_keys::kDefaultSecurityGroup)
      return implicit(template_keys::kDefaultSecurityGroup);
    if (attribute == template_keys::kDefaultNetworkAcl)
      return implicit(template_keys::kDefaultNetworkAcl);
    if (attribute == template_keys::kCidrBlockAssociations) {
      Value list;
      list.kind = Value::Kind::List;
      list.location = at;
      list.items.push_back(implicit("CidrBlockAssociation"));
      return list;
    }
  } else if (type == "AWS::EC2::Subnet") {
    if (attribute == aws_keys::kSubnetId) return self();
    if (attribute == aws_keys::kCidrBlock || attribute == aws_keys::kAvailabilityZone ||
        attribute == aws_keys::kVpcId) {
      return prop(attribute);
    }
  } else if (type == "AWS::EC2::SecurityGroup") {
    if (attribute == aws_keys::kGroupId) return self();
    if (attribute == aws_keys::kVpcId) return prop(aws_keys::kVpcId);
  } else if (type == "AWS::EC2::Instance") {
    if (attribute == template_keys::kPrivateIp) return prop(aws_keys::kPrivateIpAddress);
    if (attribute == aws_keys::kAvailabilityZone) return prop(aws_keys::kAvailabilityZone);
  } else if (type == "AWS::EC2::NetworkInterface") {
    if (attribute == template_keys::kPrimaryPrivateIpAddress)
      return prop(aws_keys::kPrivateIpAddress);
  }
  static constexpr std::string_view kIdAttributes[] = {template_keys::kId,
                                                       aws_keys::kRouteTableId,
                                                       aws_keys::kTransitGatewayRouteTableId,
                                                       aws_keys::kPrefixListId,
                                                       aws_keys::kNetworkAclId,
                                                       aws_keys::kTransitGatewayAttachmentId,
                                                       aws_keys::kVpnGatewayId,
                                                       aws_keys::kInstanceId,
                                                       aws_keys::kFileSystemId,
                                                       aws_keys::kStorageVirtualMachineId};
  for (const auto id : kIdAttributes) {
    if (attribute == id) return self();
  }
  return Value::unknown(
      at, fmt::format("Fn::GetAtt {}.{} is known only after deployment", resource.key, attribute));
}

// Fn::GetAtt Child.Outputs.Name: the output of the nested stack's template, evaluated there.
Value Evaluator::nested_output(uint32_t tmpl, const JsonMember& resource, std::string_view name,
                               Location at) {
  const Template& t = templates_.templates[tmpl];
  const auto child = t.children.find(resource.key);
  if (child == t.children.end()) {
    return Value::unknown(
        at, fmt::format("the template of nested stack {} is not among the inputs", resource.key));
  }
  const Template& nested = templates_.templates[child->second];
  const auto output = nested.outputs.find(name);
  if (output == nested.outputs.end())
    return fail(at, fmt::format("nested stack {} has no output '{}'", resource.key, name));
  return eval_output(child->second, *output->second, at);
}

Value Evaluator::eval_output(uint32_t tmpl, const JsonMember& output, Location at) {
  const Template& t = templates_.templates[tmpl];
  const JsonNode* value =
      output.value->is_object() ? t.json->find(*output.value, template_keys::kValue) : nullptr;
  if (!value)
    return fail(t.at(output.key_offset), fmt::format("output '{}' has no Value", output.key));
  const std::string guard =
      fmt::format("{}|output '{}' of stack {}", tmpl, output.key, t.stack_name);
  if (!enter(guard, at)) return Value::unknown(at, "circular reference");
  Value result = eval(tmpl, *value);
  leave(guard);
  return result;
}

Value Evaluator::eval_import_value(uint32_t tmpl, const JsonNode& argument, Location at) {
  const Value name = eval(tmpl, argument);
  if (name.is_unknown()) return name;
  if (!name.is_string()) return fail(at, "Fn::ImportValue needs an export name");
  // Also when another stack exports the name: which of the two owns it is not known.
  if (const auto aside = set_aside_exports_.find(name.text); aside != set_aside_exports_.end())
    return set_aside_reference(*aside->second, at);
  const auto found = exports_.find(name.text);
  if (found == exports_.end()) {
    return Value::unknown(
        at, fmt::format("export '{}' is not defined by any template in the inputs", name.text));
  }
  return eval_output(found->second.tmpl, *found->second.output, at);
}

Value Evaluator::eval_get_stack_output(uint32_t tmpl, const JsonNode& argument, Location at) {
  const Template& t = templates_.templates[tmpl];
  if (!argument.is_object())
    return fail(at, "Fn::GetStackOutput takes an object with StackName and OutputName");
  const JsonNode* stack_node = t.json->find(argument, template_keys::kStackName);
  const JsonNode* output_node = t.json->find(argument, template_keys::kOutputName);
  if (!stack_node || !output_node)
    return fail(at, "Fn::GetStackOutput needs StackName and OutputName");
  const Value stack = eval(tmpl, *stack_node);
  const Value output = eval(tmpl, *output_node);
  if (stack.is_unknown()) return stack;
  if (output.is_unknown()) return output;
  if (!stack.is_string() || !output.is_string())
    return fail(at, "Fn::GetStackOutput needs string names");
  for (uint32_t i = 0; i < templates_.templates.size(); ++i) {
    const Template& producer = templates_.templates[i];
    if (producer.stack_name != stack.text) continue;
    const auto found = producer.outputs.find(output.text);
    if (found == producer.outputs.end()) {
      return fail(at, fmt::format("stack '{}' has no output '{}'", stack.text, output.text));
    }
    return eval_output(i, *found->second, at);
  }
  if (const Template* producer = set_aside_stack(stack.text))
    return set_aside_reference(*producer, at);
  return Value::unknown(at, fmt::format("stack '{}' is not among the inputs", stack.text));
}

Value Evaluator::eval_if(uint32_t tmpl, const JsonNode& argument, Location at) {
  const Template& t = templates_.templates[tmpl];
  if (!argument.is_array() || argument.count != 3 || !t.json->elements(argument)[0]->is_string()) {
    return fail(at, "Fn::If takes [condition, value if true, value if false]");
  }
  const auto parts = t.json->elements(argument);
  switch (condition(tmpl, parts[0]->text, at)) {
    case Tri::True:
      return eval(tmpl, *parts[1]);
    case Tri::False:
      return eval(tmpl, *parts[2]);
    case Tri::Unknown:
      break;
  }
  Value when_true = eval(tmpl, *parts[1]);
  const Value when_false = eval(tmpl, *parts[2]);
  if (equals(when_true, when_false) == Tri::True) return when_true;
  return Value::unknown(
      at, fmt::format("condition '{}' cannot be decided before deployment", parts[0]->text));
}

Value Evaluator::eval_find_in_map(uint32_t tmpl, const JsonNode& argument, Location at) {
  const Template& t = templates_.templates[tmpl];
  const Value arguments = eval(tmpl, argument);
  if (!arguments.is_list() || arguments.items.size() < 3) {
    return fail(at, "Fn::FindInMap takes [map, top-level key, second-level key]");
  }
  std::optional<Value> fallback;
  if (arguments.items.size() == 4 && arguments.items[3].kind == Value::Kind::Object) {
    const Value& options = arguments.items[3];
    if (const JsonNode* node = templates_.templates[options.tmpl].json->find(
            *options.object, template_keys::kDefaultValue)) {
      fallback = eval(options.tmpl, *node);
    }
  }
  const JsonNode* level = nullptr;
  for (size_t i = 0; i < 3; ++i) {
    const Value& key = arguments.items[i];
    if (key.is_unknown()) return key;
    const auto text = key.as_text();
    if (!text) return fail(at, "Fn::FindInMap keys must be strings");
    if (i == 0) {
      const auto map = t.mappings.find(*text);
      level = map == t.mappings.end() ? nullptr : map->second->value;
    } else {
      level = level && level->is_object() ? t.json->find(*level, *text) : nullptr;
    }
    if (!level) {
      if (fallback) return *fallback;
      return fail(at, fmt::format("Fn::FindInMap: mapping has no key '{}'", *text));
    }
  }
  return eval(tmpl, *level);
}

Value Evaluator::sub_variable(uint32_t tmpl, std::string_view name,
                              const std::unordered_map<std::string, Value>& variables,
                              Location at) {
  const Template& t = templates_.templates[tmpl];
  if (auto found = variables.find(std::string(name)); found != variables.end())
    return found->second;
  if (name.starts_with("AWS::")) return eval_pseudo_parameter(t, name, at);
  const size_t dot = name.find('.');
  if (dot != std::string_view::npos && t.resource_by_id.contains(name.substr(0, dot))) {
    const auto& resource = *t.resource_by_id.at(name.substr(0, dot));
    return resource_attribute(tmpl, resource, name.substr(dot + 1), at);
  }
  if (auto parameter = t.parameters.find(name); parameter != t.parameters.end()) {
    return eval_parameter(tmpl, *parameter->second, at);
  }
  if (t.resource_by_id.contains(name)) return Value::entity(at, entity_key(tmpl, name));
  return fail(at, fmt::format("Fn::Sub refers to '{}', which is not defined", name));
}

Value Evaluator::eval_sub(uint32_t tmpl, const JsonNode& argument, Location at) {
  const Template& t = templates_.templates[tmpl];
  const JsonNode* pattern = &argument;
  std::unordered_map<std::string, Value> variables;
  if (argument.is_array() && argument.count == 2) {
    pattern = t.json->elements(argument)[0];
    const JsonNode* map = t.json->elements(argument)[1];
    if (!map->is_object()) return fail(at, "Fn::Sub variables must be an object");
    for (const JsonMember& member : t.json->members(*map)) {
      variables.emplace(std::string(member.key), eval(tmpl, *member.value));
    }
  }
  if (!pattern->is_string()) return fail(at, "Fn::Sub needs a string");
  const std::string_view text = pattern->text;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find("${", i);
    if (open == std::string_view::npos) break;
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    const std::string_view name = text.substr(open + 2, close - open - 2);
    i = close + 1;
    if (name.starts_with("!")) {
      out.append("${").append(name.substr(1)).append("}");
      continue;
    }
    const Value value = sub_variable(tmpl, name, variables, at);
    if (value.is_unknown()) return value;
    const auto piece = value.as_text();
    if (!piece)
      return Value::unknown(at, fmt::format("Fn::Sub ${{{}}} is known only at deploy time", name));
    out.append(*piece);
  }
  out.append(text.substr(std::min(i, text.size())));
  return Value::string(at, std::move(out));
}

Tri Evaluator::equals(const Value& a, const Value& b) const {
  if (a.is_unknown() || b.is_unknown()) return Tri::Unknown;
  if (a.is_list() && b.is_list()) {
    if (a.items.size() != b.items.size()) return Tri::False;
    Tri result = Tri::True;
    for (size_t i = 0; i < a.items.size(); ++i) {
      const Tri item = equals(a.items[i], b.items[i]);
      if (item == Tri::False) return Tri::False;
      if (item == Tri::Unknown) result = Tri::Unknown;
    }
    return result;
  }
  if (a.kind == Value::Kind::Entity || b.kind == Value::Kind::Entity) {
    return a.kind == b.kind && a.text == b.text ? Tri::True : Tri::Unknown;
  }
  if (a.kind == Value::Kind::Az && b.kind == Value::Kind::Az) {
    return a.text == b.text ? Tri::True : Tri::False;
  }
  const auto left = a.as_text();
  const auto right = b.as_text();
  if (!left || !right) return a.kind == b.kind && a.is_absent() ? Tri::True : Tri::Unknown;
  return *left == *right ? Tri::True : Tri::False;
}

Tri Evaluator::condition(uint32_t tmpl, std::string_view name, Location at) {
  const Template& t = templates_.templates[tmpl];
  const std::string key = fmt::format("{}|condition '{}'", tmpl, name);
  if (auto cached = condition_cache_.find(key); cached != condition_cache_.end())
    return cached->second;
  const auto found = t.conditions.find(name);
  if (found == t.conditions.end()) {
    fail(at, fmt::format("condition '{}' is not defined in Conditions", name));
    return Tri::Unknown;
  }
  if (!enter(key, at)) return Tri::Unknown;
  const Tri result = eval_condition_expression(tmpl, *found->second->value);
  leave(key);
  condition_cache_[key] = result;
  return result;
}

Tri Evaluator::eval_condition_expression(uint32_t tmpl, const JsonNode& node) {
  const Template& t = templates_.templates[tmpl];
  const Location at = t.at(node.offset);
  if (node.is_object() && node.count == 1) {
    const JsonMember& call = t.json->members(node)[0];
    const JsonNode& arg = *call.value;
    if (call.key == template_keys::kCondition && arg.is_string())
      return condition(tmpl, arg.text, at);
    if (call.key == template_keys::kFnEquals && arg.is_array() && arg.count == 2) {
      const auto parts = t.json->elements(arg);
      return equals(eval(tmpl, *parts[0]), eval(tmpl, *parts[1]));
    }
    if (call.key == template_keys::kFnNot && arg.is_array() && arg.count == 1) {
      const Tri inner = eval_condition_expression(tmpl, *t.json->elements(arg)[0]);
      return inner == Tri::Unknown ? Tri::Unknown : inner == Tri::True ? Tri::False : Tri::True;
    }
    if ((call.key == template_keys::kFnAnd || call.key == template_keys::kFnOr) && arg.is_array()) {
      const bool is_and = call.key == template_keys::kFnAnd;
      Tri result = is_and ? Tri::True : Tri::False;
      for (const JsonNode* part : t.json->elements(arg)) {
        const Tri value = eval_condition_expression(tmpl, *part);
        if (value == (is_and ? Tri::False : Tri::True)) return value;
        if (value == Tri::Unknown) result = Tri::Unknown;
      }
      return result;
    }
  }
  if (node.kind == JsonKind::Bool) return node.boolean ? Tri::True : Tri::False;
  if (node.is_string() && (node.text == "true" || node.text == "false")) {
    return node.text == "true" ? Tri::True : Tri::False;
  }
  fail(at, "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
  return Tri::Unknown;
}

Tri Evaluator::resource_condition(uint32_t tmpl, const JsonMember& resource) {
  const Tri own = own_condition(tmpl, resource);
  const Template& t = templates_.templates[tmpl];
  if (own == Tri::False || t.parent == Template::kNoParent) return own;
  const Tri stack = resource_condition(t.parent, *t.stack_resource);
  if (stack == Tri::False) return Tri::False;
  return stack == Tri::True ? own : Tri::Unknown;
}

Tri Evaluator::own_condition(uint32_t tmpl, const JsonMember& resource) {
  const Template& t = templates_.templates[tmpl];
  const JsonNode* name = t.json->find(*resource.value, template_keys::kCondition);
  if (!name) return Tri::True;
  if (!name->is_string()) {
    fail(t.at(name->offset), "a resource's Condition must be the name of a condition");
    return Tri::Unknown;
  }
  return condition(tmpl, name->text, t.at(name->offset));
}

}  // namespace reachlint
