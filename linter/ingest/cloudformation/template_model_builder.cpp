#include "linter/ingest/cloudformation/template_model_builder.h"
#include "linter/ingest/cloudformation/template_keys.h"
#include "linter/ingest/common/aws_keys.h"

#include <fmt/format.h>

#include "linter/ingest/cloudformation/template_keys.h"
#include "linter/ingest/common/aws_keys.h"

namespace reachlint {

using model::Index;
using model::Kind;
using model::Maybe;

namespace {

std::string json_pointer_segment(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string_view kind_name(Kind kind) {
  return model::entity_info(kind).word;
}

}  // namespace

void build_model_from_templates(const TemplateSet& templates, model::Model& model,
                                Diagnostics& diagnostics) {
  TemplateModelBuilder(templates, model, diagnostics).build();
}

TemplateModelBuilder::TemplateModelBuilder(const TemplateSet& templates, model::Model& model,
                                           Diagnostics& diagnostics)
    : templates_(templates),
      model_(model),
      diagnostics_(diagnostics),
      evaluator_(templates, diagnostics) {}

void TemplateModelBuilder::for_each_resource(
    const std::function<void(const ResourceContext&)>& visit) {
  for (uint32_t t = 0; t < templates_.templates.size(); ++t) {
    const Template& tmpl = templates_.templates[t];
    for (const JsonMember* resource : tmpl.resources) {
      const Tri exists = evaluator_.resource_condition(t, *resource);
      if (exists == Tri::False) continue;
      ResourceContext r;
      r.tmpl = t;
      r.resource = resource;
      r.type = tmpl.resource_type(*resource);
      r.origin.location = tmpl.at(resource->key_offset);
      r.origin.name = resource->key;  // views into the parsed template
      r.origin.type = r.type;
      r.origin.pointer = model_.text.keep("/Resources/" + json_pointer_segment(resource->key));
      r.origin.stack = first_stack_ + t;  // exports read before may have added stacks
      r.origin.certain = exists == Tri::True;
      visit(r);
    }
  }
}

void TemplateModelBuilder::build() {
  first_stack_ = static_cast<uint32_t>(model_.stacks.size());
  for (const Template& tmpl : templates_.templates) model_.stacks.push_back(tmpl.stack_name);
  for_each_resource([&](const ResourceContext& r) { allocate(r); });
  // Network structure first, so that filters and compute resources can link to it.
  for_each_resource([&](const ResourceContext& r) {
    if (const Handler handler = handler_for(r.type)) (this->*handler)(r);
  });
}

void TemplateModelBuilder::register_entity(const ResourceContext& r, model::EntityRef ref,
                                           std::string_view implicit) {
  const std::string key = entity_key(r.tmpl, r.resource->key, implicit);
  entities_[key] = ref;
  resource_types_[key] = r.type;
}

model::Origin TemplateModelBuilder::implicit_origin(const ResourceContext& r,
                                                    std::string_view suffix,
                                                    std::string_view type) const {
  model::Origin origin = r.origin;
  origin.name = model_.text.keep(fmt::format("{}.{}", r.origin.name, suffix));
  origin.type = type;
  origin.implicit = true;
  return origin;
}

void TemplateModelBuilder::allocate(const ResourceContext& r) {
  const std::optional<Kind> kind = model::kind_of_cloudformation_type(r.type);
  if (!kind) {
    resource_types_[entity_key(r.tmpl, r.resource->key)] = r.type;
    return;
  }
  const model::EntityRef ref = model_.add(*kind, r.origin);
  register_entity(r, ref);
  if (*kind == Kind::Vpc) add_vpc_defaults(r, ref.index);
  if (*kind == Kind::TransitGateway) add_tgw_default_table(ref.index);
}

// What AWS creates with every VPC: its main route table, default network ACL and default
// security group (the last two reachable by Fn::GetAtt).
void TemplateModelBuilder::add_vpc_defaults(const ResourceContext& r, Index vpc) {
  model_.route_tables.push_back(
      {implicit_origin(r, "MainRouteTable", "AWS::EC2::RouteTable"), vpc, true, {}});
  model_.vpcs[vpc].main_route_table = static_cast<Index>(model_.route_tables.size() - 1);
  model::NetworkAcl acl{
      implicit_origin(r, template_keys::kDefaultNetworkAcl, "AWS::EC2::NetworkAcl"),
      vpc,
      true,
      true,
      {}};
  model_.network_acls.push_back(std::move(acl));
  model_.vpcs[vpc].default_network_acl = static_cast<Index>(model_.network_acls.size() - 1);
  register_entity(r, {Kind::NetworkAcl, model_.vpcs[vpc].default_network_acl},
                  template_keys::kDefaultNetworkAcl);
  model::SecurityGroup group;
  group.origin =
      implicit_origin(r, template_keys::kDefaultSecurityGroup, "AWS::EC2::SecurityGroup");
  group.vpc = vpc;
  group.default_egress = true;
  group.vpc_default = true;
  model_.security_groups.push_back(std::move(group));
  model_.vpcs[vpc].default_security_group = static_cast<Index>(model_.security_groups.size() - 1);
  register_entity(r, {Kind::SecurityGroup, model_.vpcs[vpc].default_security_group},
                  template_keys::kDefaultSecurityGroup);
}

// The default route table AWS creates with a transit gateway (no CloudFormation attribute names
// it).
void TemplateModelBuilder::add_tgw_default_table(Index tgw) {
  const model::Origin& origin = model_.transit_gateways[tgw].origin;
  model::Origin table = origin;
  table.name = model_.text.keep(fmt::format("{}.DefaultRouteTable", origin.name));
  table.type = "AWS::EC2::TransitGatewayRouteTable";
  table.implicit = true;
  model_.tgw_route_tables.push_back({table, tgw, {}});
  model_.transit_gateways[tgw].default_route_table =
      static_cast<Index>(model_.tgw_route_tables.size() - 1);
}

TemplateModelBuilder::Handler TemplateModelBuilder::handler_for(std::string_view type) const {
  static const std::unordered_map<std::string_view, Handler> kHandlers = {
      {"AWS::EC2::VPC", &TemplateModelBuilder::read_vpc},
      {"AWS::EC2::VPCCidrBlock", &TemplateModelBuilder::read_vpc_cidr_block},
      {"AWS::EC2::Subnet", &TemplateModelBuilder::read_subnet},
      {"AWS::EC2::RouteTable", &TemplateModelBuilder::read_route_table},
      {"AWS::EC2::SubnetRouteTableAssociation",
       &TemplateModelBuilder::read_subnet_route_table_association},
      {"AWS::EC2::Route", &TemplateModelBuilder::read_route},
      {"AWS::EC2::TransitGateway", &TemplateModelBuilder::read_transit_gateway},
      {"AWS::EC2::TransitGatewayAttachment", &TemplateModelBuilder::read_tgw_attachment},
      {"AWS::EC2::TransitGatewayVpcAttachment", &TemplateModelBuilder::read_tgw_attachment},
      {"AWS::EC2::TransitGatewayRouteTable", &TemplateModelBuilder::read_tgw_route_table},
      {"AWS::EC2::TransitGatewayRoute", &TemplateModelBuilder::read_tgw_route},
      {"AWS::EC2::TransitGatewayRouteTableAssociation",
       &TemplateModelBuilder::read_tgw_association},
      {"AWS::EC2::TransitGatewayRouteTablePropagation",
       &TemplateModelBuilder::read_tgw_propagation},
      {"AWS::EC2::VPCPeeringConnection", &TemplateModelBuilder::read_peering},
      {"AWS::EC2::VPNGateway", &TemplateModelBuilder::read_vpn_gateway},
      {"AWS::EC2::NatGateway", &TemplateModelBuilder::read_nat_gateway},
      {"AWS::EC2::VPCEndpoint", &TemplateModelBuilder::read_vpc_endpoint},
      {"AWS::EC2::VPCGatewayAttachment", &TemplateModelBuilder::read_gateway_attachment},
      {"AWS::EC2::VPNGatewayRoutePropagation", &TemplateModelBuilder::read_vgw_route_propagation},
      {"AWS::EC2::SecurityGroup", &TemplateModelBuilder::read_security_group},
      {"AWS::EC2::SecurityGroupIngress", &TemplateModelBuilder::read_security_group_rule},
      {"AWS::EC2::SecurityGroupEgress", &TemplateModelBuilder::read_security_group_rule},
      {"Custom::VpcRestrictDefaultSG", &TemplateModelBuilder::read_restrict_default_sg},
      {"AWS::EC2::NetworkAcl", &TemplateModelBuilder::read_network_acl},
      {"AWS::EC2::NetworkAclEntry", &TemplateModelBuilder::read_network_acl_entry},
      {"AWS::EC2::SubnetNetworkAclAssociation",
       &TemplateModelBuilder::read_subnet_network_acl_association},
      {"AWS::EC2::PrefixList", &TemplateModelBuilder::read_prefix_list},
      {"AWS::EC2::Instance", &TemplateModelBuilder::read_instance},
      {"AWS::EC2::NetworkInterface", &TemplateModelBuilder::read_network_interface},
      {"AWS::FSx::FileSystem", &TemplateModelBuilder::read_file_system},
      {"AWS::FSx::StorageVirtualMachine", &TemplateModelBuilder::read_storage_virtual_machine},
  };
  const auto found = kHandlers.find(type);
  return found == kHandlers.end() ? nullptr : found->second;
}

Index TemplateModelBuilder::entity_index(const ResourceContext& r) const {
  return entities_.at(entity_key(r.tmpl, r.resource->key)).index;
}

std::string_view TemplateModelBuilder::type_of_entity_value(const Value& value) const {
  const auto found = resource_types_.find(value.text);
  return found == resource_types_.end() ? std::string_view{} : found->second;
}

// ---- property readers ----

Value TemplateModelBuilder::prop(const ResourceContext& r, std::string_view name) {
  return evaluator_.property(r.tmpl, *r.resource, name);
}

Value TemplateModelBuilder::prop_of(const ResourceContext& r, const Value& object,
                                    std::string_view name) {
  if (object.kind != Value::Kind::Object) {
    if (object.is_unknown()) return object;
    Value absent;
    absent.kind = Value::Kind::NoValue;
    absent.location = object.location;
    if (!object.is_absent())
      error(object.location, fmt::format("{} {}: expected an object holding '{}'", r.origin.type,
                                         r.origin.name, name));
    return absent;
  }
  const Template& t = templates_.templates[object.tmpl];
  const JsonNode* node = t.json->find(*object.object, name);
  if (!node) {
    Value absent;
    absent.kind = Value::Kind::NoValue;
    absent.location = object.location;
    return absent;
  }
  return evaluator_.eval(object.tmpl, *node);
}

Location TemplateModelBuilder::prop_location(const ResourceContext& r,
                                             std::string_view name) const {
  const Template& t = templates_.templates[r.tmpl];
  const JsonNode* props = t.properties(*r.resource);
  const JsonMember* member = props ? t.json->find_member(*props, name) : nullptr;
  return member ? t.at(member->key_offset) : r.origin.location;
}

Location TemplateModelBuilder::member_location(const Value& object, std::string_view name) const {
  if (object.kind != Value::Kind::Object) return {};
  const Template& t = templates_.templates[object.tmpl];
  const JsonMember* member = t.json->find_member(*object.object, name);
  return member ? t.at(member->key_offset) : Location{};
}

void TemplateModelBuilder::note_unknown(const ResourceContext& r, const Value& value,
                                        std::string_view what) {
  diagnostics_.notice(
      value.location.known() ? value.location : r.origin.location,
      fmt::format(
          "{} of {} cannot be evaluated statically: {}; checks that depend on it are skipped", what,
          r.origin.name, value.text));
}

Maybe<Index> TemplateModelBuilder::reference(const ResourceContext& r, const Value& value,
                                             Kind kind, std::string_view what) {
  if (value.is_absent()) return {};
  if (value.is_unknown()) {
    note_unknown(r, value, what);
    return Maybe<Index>::unknown(value.location, value.text);
  }
  if (value.kind == Value::Kind::Entity) {
    const auto found = entities_.find(value.text);
    if (found != entities_.end() && found->second.kind == kind) return found->second.index;
    const std::string name = value.text.substr(value.text.find(':') + 1);
    if (found != entities_.end() || !type_of_entity_value(value).empty()) {
      const std::string_view type = type_of_entity_value(value);
      error(value.location, fmt::format("{} of {} refers to {} ({}), which is not a {}", what,
                                        r.origin.name, name, type, kind_name(kind)));
      return Maybe<Index>::unknown(value.location, "invalid reference");
    }
    const std::string why = fmt::format("{} does not exist under the template's conditions", name);
    diagnostics_.notice(value.location, fmt::format("{} of {}: {}", what, r.origin.name, why));
    return Maybe<Index>::unknown(value.location, why);
  }
  if (value.is_string()) {
    for (const model::EntityRef& ref : model_.find(value.text)) {
      if (ref.kind == kind) return ref.index;
    }
    // An empty string is a placeholder (a parameter defaulting to ""), filled in at deploy time.
    const std::string why =
        value.text.empty()
            ? fmt::format("the {} id is empty here; its value is given at deploy time",
                          kind_name(kind))
            : fmt::format("{} '{}' is not among the inputs", kind_name(kind), value.text);
    diagnostics_.notice(value.location,
                        fmt::format("{} of {}: {}; checks that depend on it are skipped", what,
                                    r.origin.name, why));
    return Maybe<Index>::unknown(value.location, why);
  }
  error(value.location,
        fmt::format("{} of {} must be the id of a {}", what, r.origin.name, kind_name(kind)));
  return Maybe<Index>::unknown(value.location, "invalid reference");
}

std::vector<Maybe<Index>> TemplateModelBuilder::reference_list(const ResourceContext& r,
                                                               const Value& value, Kind kind,
                                                               std::string_view what) {
  std::vector<Maybe<Index>> out;
  if (value.is_absent()) return out;
  if (!value.is_list()) {
    if (value.is_unknown()) {
      note_unknown(r, value, what);
      out.push_back(Maybe<Index>::unknown(value.location, value.text));
    } else {
      error(value.location, fmt::format("{} of {} must be a list", what, r.origin.name));
    }
    return out;
  }
  for (const Value& item : value.items) out.push_back(reference(r, item, kind, what));
  return out;
}

Maybe<Cidr> TemplateModelBuilder::cidr(const ResourceContext& r, const Value& value,
                                       std::string_view what) {
  if (value.is_absent()) return {};
  if (value.is_unknown()) {
    note_unknown(r, value, what);
    return Maybe<Cidr>::unknown(value.location, value.text);
  }
  if (!value.is_string()) {
    error(value.location, fmt::format("{} of {} must be a CIDR string", what, r.origin.name));
    return Maybe<Cidr>::unknown(value.location, "invalid CIDR");
  }
  // As for ids: an empty string is a placeholder (a parameter defaulting to "", which the
  // template's Rules may require to be given), filled in at deploy time.
  if (value.text.empty()) {
    const std::string why = "the CIDR is empty here; its value is given at deploy time";
    diagnostics_.notice(value.location,
                        fmt::format("{} of {}: {}; checks that depend on it are skipped", what,
                                    r.origin.name, why));
    return Maybe<Cidr>::unknown(value.location, why);
  }
  const auto parsed = Cidr::parse(value.text);
  if (!parsed || value.text.find('/') == std::string::npos) {
    error(value.location,
          fmt::format("{} of {}: '{}' is not a valid IPv4 CIDR", what, r.origin.name, value.text));
    return Maybe<Cidr>::unknown(value.location, "invalid CIDR");
  }
  return *parsed;
}

Maybe<std::string> TemplateModelBuilder::zone(const ResourceContext& r, const Value& value,
                                              std::string_view what) {
  if (value.is_absent()) return {};
  if (value.kind == Value::Kind::Az) return value.text;
  if (value.is_string())
    return (what == aws_keys::kAvailabilityZoneId ? "id:" : "name:") + value.text;
  if (value.is_unknown())
    note_unknown(r, value, what);
  else
    error(value.location, fmt::format("{} of {} must be a zone name", what, r.origin.name));
  return Maybe<std::string>::unknown(value.location,
                                     value.is_unknown() ? value.text : "invalid zone");
}

std::optional<int64_t> TemplateModelBuilder::integer(const ResourceContext& r, const Value& value,
                                                     std::string_view what, int64_t min,
                                                     int64_t max) {
  if (value.is_absent()) return std::nullopt;
  if (value.is_unknown()) {
    note_unknown(r, value, what);
    return std::nullopt;
  }
  const auto number = value.as_integer();
  if (!number || *number < min || *number > max) {
    error(
        value.location,
        fmt::format(
            "{} of {} must be an integer from {} to {}, not {}", what, r.origin.name, min, max,
            value.as_text().value_or("a " + std::string(value.is_list() ? "list" : "non-number"))));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> TemplateModelBuilder::boolean(const ResourceContext& r, const Value& value,
                                                  std::string_view what) {
  if (value.is_absent()) return std::nullopt;
  if (value.is_unknown()) {
    note_unknown(r, value, what);
    return std::nullopt;
  }
  if (value.kind == Value::Kind::Bool) return value.boolean;
  if (value.is_string() && (value.text == "true" || value.text == "false"))
    return value.text == "true";
  error(value.location, fmt::format("{} of {} must be true or false", what, r.origin.name));
  return std::nullopt;
}

std::optional<std::string> TemplateModelBuilder::text(const ResourceContext& r, const Value& value,
                                                      std::string_view what) {
  if (value.is_absent()) return std::nullopt;
  if (value.is_unknown()) {
    note_unknown(r, value, what);
    return std::nullopt;
  }
  if (auto out = value.as_text()) return out;
  error(value.location, fmt::format("{} of {} must be a string", what, r.origin.name));
  return std::nullopt;
}

}  // namespace reachlint
