// The builder behind build_model_from_plan, shared by its reader files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/ingest/terraform/plan_model_builder.h"

namespace reachlint::terraform {

struct SgRuleKeys;

class PlanModelBuilder {
 public:
  PlanModelBuilder(const Plan& plan, model::Model& model, model::WrittenOut& written_out,
                   Diagnostics& diagnostics)
      : plan_(plan), model_(model), written_out_(written_out), diagnostics_(diagnostics) {}
  void build();

 private:
  using Reader = void (PlanModelBuilder::*)(const PlanResource&);
  static Reader reader_for(std::string_view type);

  // Pass 1: the entities, so that pass 2 can link them in any order.
  void allocate(const PlanResource& r);
  void add_known_ids(const PlanResource& r, model::EntityRef ref);
  void add_vpc_defaults(const model::Origin& origin, model::Index vpc);
  model::Origin origin_of(const PlanResource& r) const;
  model::Origin implicit(const model::Origin& origin, std::string_view suffix,
                         std::string_view type) const;
  // Where a value is in the plan: errors are located there, so that the plan is set aside.
  Location at(const PlanResource& r, const PlanAttribute& attribute) const;
  Location in_plan(const PlanResource& r, const PlanScope& scope) const;
  // Where it is written, for findings and notices: in the .tf files when found there (its
  // block, or the line of attribute `key`), else in the plan.
  Location written_at(const PlanResource& r) const;
  Location written_at(const PlanResource& r, std::string_view key, Location in_plan) const;

  // Attribute readers: wrong types are input errors, values known after apply notices.
  model::Maybe<model::Index> reference(const PlanResource& r, const PlanScope& scope,
                                       std::string_view key, model::Kind kind);
  model::Maybe<model::Index> shared_reference(const PlanResource& r, const PlanScope& scope,
                                              std::string_view key, model::Kind kind);
  std::vector<model::Maybe<model::Index>> reference_list(const PlanResource& r,
                                                         const PlanScope& scope,
                                                         std::string_view key, model::Kind kind);
  model::Maybe<model::Index> resolve(const PlanResource& r, const PlanReference& reference,
                                     model::Kind kind, std::string_view key);
  model::Maybe<model::Index> by_id(const PlanResource& r, const JsonNode& value, model::Kind kind,
                                   std::string_view key);
  model::Maybe<Cidr> cidr(const PlanResource& r, const PlanScope& scope, std::string_view key);
  std::optional<std::string> text(const PlanResource& r, const PlanScope& scope,
                                  std::string_view key);
  std::optional<int64_t> integer(const PlanResource& r, const PlanScope& scope,
                                 std::string_view key);
  std::optional<bool> boolean(const PlanResource& r, const PlanScope& scope, std::string_view key);
  std::vector<std::string> texts(const PlanResource& r, const PlanScope& scope,
                                 std::string_view key);
  model::Maybe<model::Index> unknown(const PlanResource& r, Location where, std::string why,
                                     std::string_view key);
  void error(Location where, std::string message);

  // Pass 2, one reader per resource type (plan_*_resources.cpp).
  void read_vpc(const PlanResource& r);
  void read_vpc_cidr_association(const PlanResource& r);
  void read_subnet(const PlanResource& r);
  void read_route_table(const PlanResource& r);
  void read_route(const PlanResource& r);
  model::Route route_of(const PlanResource& r, const PlanScope& scope, std::string_view cidr_key,
                        model::Origin origin);
  model::RouteTarget route_target(const PlanResource& r, const PlanScope& scope);
  void read_route_table_association(const PlanResource& r);
  void read_main_route_table_association(const PlanResource& r);
  void read_transit_gateway(const PlanResource& r);
  void read_tgw_attachment(const PlanResource& r);
  void read_tgw_route_table(const PlanResource& r);
  void read_tgw_association(const PlanResource& r);
  void read_tgw_propagation(const PlanResource& r);
  void read_tgw_route(const PlanResource& r);
  void read_peering(const PlanResource& r);
  void read_security_group(const PlanResource& r);
  void read_security_group_rule(const PlanResource& r);
  void read_vpc_security_group_rule(const PlanResource& r);
  void sg_rules(const PlanResource& r, const PlanScope& scope, const SgRuleKeys& keys,
                const model::Origin& origin, model::Index self, std::vector<model::SgRule>& out);
  void read_network_acl(const PlanResource& r);
  void read_network_acl_rule(const PlanResource& r);
  std::optional<model::NetworkAclEntry> acl_entry(const PlanResource& r, const PlanScope& scope,
                                                  std::string_view number_key,
                                                  std::string_view action_key, bool egress);
  void read_network_acl_association(const PlanResource& r);
  void read_instance(const PlanResource& r);
  void read_file_system(const PlanResource& r);
  void read_storage_virtual_machine(const PlanResource& r);
  void read_network_interface(const PlanResource& r);
  void read_nat_gateway(const PlanResource& r);
  void read_vpc_endpoint(const PlanResource& r);
  void read_vpn_gateway(const PlanResource& r);
  void read_vpn_gateway_attachment(const PlanResource& r);
  void read_vgw_route_propagation(const PlanResource& r);
  void add_vgw_propagation(const PlanResource& r, const model::Maybe<model::Index>& vgw,
                           model::Index table);
  void read_vpc_endpoint_route_table_association(const PlanResource& r);
  void read_prefix_list(const PlanResource& r);
  void read_prefix_list_entry(const PlanResource& r);
  // Resources that take over what AWS created with a VPC: its rules become those written.
  void read_default_route_table(const PlanResource& r);
  void read_default_security_group(const PlanResource& r);
  void read_default_network_acl(const PlanResource& r);
  void read_route_blocks(const PlanResource& r, model::Index table);
  void read_sg_blocks(const PlanResource& r, model::Index group);
  void read_acl_blocks(const PlanResource& r, model::Index acl);
  void apply_attachment_defaults();
  void apply_unknown_associations();
  void apply_unknown_subnet_associations();
  void apply_unknown_table_routes();
  void reject_routes_to_other_gateways();

  const Plan& plan_;
  model::Model& model_;
  model::WrittenOut& written_out_;
  Diagnostics& diagnostics_;
  model::Index stack_ = model::kNone;  // the plan's, in model_.stacks
  std::unordered_map<const PlanResource*, model::EntityRef> entities_;
  // The ids already known in the plan (resources that exist: a no-op or an update), and those of
  // what AWS created with them (a VPC's main route table ...): literal ids that name them.
  std::unordered_map<std::string_view, std::vector<model::EntityRef>> known_ids_;
  // Attachments that turn the transit gateway's default association or propagation off.
  struct AttachmentDefaults {
    model::Index attachment;
    bool association;
    bool propagation;
  };
  std::vector<AttachmentDefaults> attachment_defaults_;
  std::vector<model::Index> unknown_associations_;   // the gateways (or kNone) they may be on
  std::vector<model::Index> unknown_subnet_tables_;  // the VPCs (or kNone) they may be in
  std::vector<model::Index> unknown_subnet_acls_;
  std::vector<model::Route> unknown_table_routes_;  // routes whose table is known after apply
  // The static transit gateway routes read, by table and place, with where the plan sets their
  // attachment: an attachment of another gateway is an error located in the plan.
  struct TgwRouteAt {
    model::Index table;
    size_t route;
    Location attachment;
  };
  std::vector<TgwRouteAt> tgw_routes_;
};

}  // namespace reachlint::terraform
