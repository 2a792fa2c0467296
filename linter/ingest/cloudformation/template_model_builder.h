// Turns the resources of CloudFormation templates into model entities.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/ingest/cloudformation/evaluator.h"
#include "linter/ingest/cloudformation/template.h"
#include "linter/model/model.h"

namespace reachlint {

void build_model_from_templates(const TemplateSet& templates, model::Model& model,
                                Diagnostics& diagnostics);

// One resource being read: its template, its member in Resources, and its origin.
struct ResourceContext {
  uint32_t tmpl = 0;
  const JsonMember* resource = nullptr;
  model::Origin origin;
  std::string_view type;
};

class TemplateModelBuilder {
 public:
  TemplateModelBuilder(const TemplateSet& templates, model::Model& model, Diagnostics& diagnostics);
  void build();

 private:
  using Handler = void (TemplateModelBuilder::*)(const ResourceContext&);

  // Pass 1 creates the entities so that pass 2 can link references in any order.
  void allocate(const ResourceContext& r);
  void add_vpc_defaults(const ResourceContext& r, model::Index vpc);
  void add_tgw_default_table(model::Index tgw);
  void register_entity(const ResourceContext& r, model::EntityRef ref,
                       std::string_view implicit = {});
  model::Origin implicit_origin(const ResourceContext& r, std::string_view suffix,
                                std::string_view type) const;
  Handler handler_for(std::string_view type) const;
  void for_each_resource(const std::function<void(const ResourceContext&)>& visit);

  // Property readers. Each reports wrong types as input errors and unknowable values as notices.
  Value prop(const ResourceContext& r, std::string_view name);
  Value prop_of(const ResourceContext& r, const Value& object, std::string_view name);
  Location prop_location(const ResourceContext& r, std::string_view name) const;
  // Where `name` is written inside an object value, or nothing.
  Location member_location(const Value& object, std::string_view name) const;
  model::Maybe<model::Index> reference(const ResourceContext& r, const Value& value,
                                       model::Kind kind, std::string_view what);
  std::vector<model::Maybe<model::Index>> reference_list(const ResourceContext& r,
                                                         const Value& value, model::Kind kind,
                                                         std::string_view what);
  model::Maybe<Cidr> cidr(const ResourceContext& r, const Value& value, std::string_view what);
  model::Maybe<std::string> zone(const ResourceContext& r, const Value& value,
                                 std::string_view what);
  std::optional<int64_t> integer(const ResourceContext& r, const Value& value,
                                 std::string_view what, int64_t min, int64_t max);
  std::optional<bool> boolean(const ResourceContext& r, const Value& value, std::string_view what);
  std::optional<std::string> text(const ResourceContext& r, const Value& value,
                                  std::string_view what);
  void note_unknown(const ResourceContext& r, const Value& value, std::string_view what);
  void error(Location at, std::string message) { diagnostics_.error(at, std::move(message)); }
  std::string_view type_of_entity_value(const Value& value) const;
  model::Index entity_index(const ResourceContext& r) const;

  // Pass 2, one reader per resource type (see template_*_resources.cpp).
  void read_vpc(const ResourceContext& r);
  void read_vpc_cidr_block(const ResourceContext& r);
  void read_subnet(const ResourceContext& r);
  void read_route_table(const ResourceContext& r);
  void read_subnet_route_table_association(const ResourceContext& r);
  void read_route(const ResourceContext& r);
  model::RouteTarget route_target(const ResourceContext& r);
  void read_transit_gateway(const ResourceContext& r);
  void read_tgw_attachment(const ResourceContext& r);
  void read_tgw_route_table(const ResourceContext& r);
  void read_tgw_route(const ResourceContext& r);
  void read_tgw_association(const ResourceContext& r);
  void read_tgw_propagation(const ResourceContext& r);
  void read_peering(const ResourceContext& r);
  void read_vpn_gateway(const ResourceContext& r);
  void read_nat_gateway(const ResourceContext& r);
  void read_vpc_endpoint(const ResourceContext& r);
  void read_gateway_attachment(const ResourceContext& r);
  void read_vgw_route_propagation(const ResourceContext& r);
  void read_security_group(const ResourceContext& r);
  void read_security_group_rule(const ResourceContext& r);
  std::optional<model::SgRule> sg_rule(const ResourceContext& r, const Value& rule,
                                       model::Origin origin, bool egress);
  void read_restrict_default_sg(const ResourceContext& r);
  void read_network_acl(const ResourceContext& r);
  void read_network_acl_entry(const ResourceContext& r);
  void read_subnet_network_acl_association(const ResourceContext& r);
  void read_prefix_list(const ResourceContext& r);
  void read_instance(const ResourceContext& r);
  void read_network_interface(const ResourceContext& r);
  void read_file_system(const ResourceContext& r);
  void read_storage_virtual_machine(const ResourceContext& r);

  const TemplateSet& templates_;
  model::Model& model_;
  uint32_t first_stack_ = 0;  // model_.stacks index of the first template
  Diagnostics& diagnostics_;
  Evaluator evaluator_;
  std::unordered_map<std::string, model::EntityRef> entities_;        // entity_key -> entity
  std::unordered_map<std::string, std::string_view> resource_types_;  // entity_key -> Type
};

}  // namespace reachlint
