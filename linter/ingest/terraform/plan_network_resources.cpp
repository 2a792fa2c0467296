// Readers for VPCs, subnets, route tables and the transports between VPCs.
#include <fmt/format.h>

#include "linter/ingest/common/tgw_route_targets.h"
#include "linter/ingest/terraform/plan_model_builder_internal.h"

namespace reachlint::terraform {

using model::Index;
using model::Kind;
using model::Maybe;

void PlanModelBuilder::read_vpc(const PlanResource& r) {
  model::Vpc& vpc = model_.vpcs[entities_.at(&r).index];
  Maybe<Cidr> primary = cidr(r, r.scope, "cidr_block");
  if (primary.absent() && !plan_.attribute(r.scope, "ipv4_ipam_pool_id").absent()) {
    primary = Maybe<Cidr>::unknown({plan_.file(), r.offset},
                                   "the CIDR is allocated from an IPAM pool at apply time");
  }
  vpc.cidrs.insert(vpc.cidrs.begin(), std::move(primary));
}

void PlanModelBuilder::read_vpc_cidr_association(const PlanResource& r) {
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  Maybe<Cidr> block = cidr(r, r.scope, "cidr_block");
  if (block.absent() && !plan_.attribute(r.scope, "ipv4_ipam_pool_id").absent()) {
    block = Maybe<Cidr>::unknown({plan_.file(), r.offset},
                                 "the CIDR is allocated from an IPAM pool at apply time");
  }
  if (vpc.known() && !block.absent()) model_.vpcs[*vpc].cidrs.push_back(std::move(block));
}

void PlanModelBuilder::read_subnet(const PlanResource& r) {
  model::Subnet& subnet = model_.subnets[entities_.at(&r).index];
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  if (vpc.known()) subnet.vpc = *vpc;
  subnet.cidr = cidr(r, r.scope, "cidr_block");
  const PlanAttribute name = plan_.attribute(r.scope, "availability_zone");
  const PlanAttribute id = plan_.attribute(r.scope, "availability_zone_id");
  if (name.value && name.value->is_string()) {
    subnet.zone = "name:" + std::string(name.value->text);
  } else if (id.value && id.value->is_string()) {
    subnet.zone = "id:" + std::string(id.value->text);
  } else {
    subnet.zone = Maybe<std::string>::unknown({plan_.file(), r.offset},
                                              "the Availability Zone is known only after apply");
  }
}

void PlanModelBuilder::read_route_table(const PlanResource& r) {
  const Index index = entities_.at(&r).index;
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  if (vpc.known()) model_.route_tables[index].vpc = *vpc;
  read_route_blocks(r, index);
  // The provider computes an empty list (its own default) as a value known only after apply:
  // without references to anything but variables, none is written.
  const PlanAttribute vgws = plan_.attribute(r.scope, "propagating_vgws");
  if (vgws.unknown && plan_.references(r, vgws.expression).empty()) return;
  for (const Maybe<Index>& vgw : reference_list(r, r.scope, "propagating_vgws", Kind::VpnGateway))
    add_vgw_propagation(r, vgw, index);
}

void PlanModelBuilder::read_vgw_route_propagation(const PlanResource& r) {
  const Maybe<Index> vgw = reference(r, r.scope, "vpn_gateway_id", Kind::VpnGateway);
  const Maybe<Index> table = reference(r, r.scope, "route_table_id", Kind::RouteTable);
  if (table.known()) add_vgw_propagation(r, vgw, *table);
}

// As a template's VPNGatewayRoutePropagation: the routes come from BGP at run time, so their
// destinations cannot be known from files.
void PlanModelBuilder::add_vgw_propagation(const PlanResource& r, const Maybe<Index>& vgw,
                                           Index table) {
  const std::string_view name =
      vgw.known() ? model_.vpn_gateways[*vgw].origin.name : std::string_view("a VPN gateway");
  model::Route route;
  route.origin = origin_of(r);
  route.destination = Maybe<Cidr>::unknown(
      route.origin.location,
      fmt::format("routes propagated from VPN gateway {} are learned at run time", name));
  route.target.kind = model::TargetKind::VpnGateway;
  route.target.index = vgw.known() ? *vgw : model::kNone;
  route.target.id = vgw.known() ? name : std::string_view("VPN gateway");
  route.propagated = true;
  model_.route_tables[table].routes.push_back(std::move(route));
}

void PlanModelBuilder::read_route_blocks(const PlanResource& r, Index index) {
  const std::vector<PlanScope> routes = plan_.blocks(r.scope, "route");
  for (size_t i = 0; i < routes.size(); ++i) {
    model::Origin origin = origin_of(r);
    if (!r.source.known()) origin.location = in_plan(r, routes[i]);
    origin.pointer = model_.text.keep(fmt::format("{}/values/route/{}", r.pointer, i));
    model::Route route = route_of(r, routes[i], "cidr_block", origin);
    if (route.destination.absent() && route.prefix_list == model::kNone) continue;  // IPv6
    model_.route_tables[index].routes.push_back(std::move(route));
  }
}

void PlanModelBuilder::read_route(const PlanResource& r) {
  const Maybe<Index> table = reference(r, r.scope, "route_table_id", Kind::RouteTable);
  model::Route route = route_of(r, r.scope, "destination_cidr_block", origin_of(r));
  if (route.destination.absent() && route.prefix_list == model::kNone) return;  // IPv6
  if (table.known()) {
    model_.route_tables[*table].routes.push_back(std::move(route));
  } else if (table.is_unknown()) {
    unknown_table_routes_.push_back(std::move(route));
  }
}

// A route whose table is known only after apply may be in any table: each gets a route whose
// destination is unknown, so that no table is said to lack it (and none to have it).
void PlanModelBuilder::apply_unknown_table_routes() {
  for (const model::Route& route : unknown_table_routes_) {
    for (model::RouteTable& table : model_.route_tables) {
      model::Route maybe = route;
      maybe.destination = Maybe<Cidr>::unknown(
          route.origin.location,
          fmt::format("route {} may be in this table: its route table is known only after apply",
                      route.origin.name));
      maybe.prefix_list = model::kNone;
      table.routes.push_back(std::move(maybe));
    }
  }
}

model::Route PlanModelBuilder::route_of(const PlanResource& r, const PlanScope& scope,
                                        std::string_view cidr_key, model::Origin origin) {
  model::Route route;
  route.origin = origin;
  route.destination = cidr(r, scope, cidr_key);
  if (route.destination.absent()) {
    const Maybe<Index> list = reference(r, scope, "destination_prefix_list_id", Kind::PrefixList);
    if (list.known()) {
      route.prefix_list = *list;
    } else if (list.is_unknown()) {
      route.destination =
          Maybe<Cidr>::unknown(list.where(), "the prefix list is not known statically");
    }
  }
  route.target = route_target(r, scope);
  return route;
}

model::RouteTarget PlanModelBuilder::route_target(const PlanResource& r, const PlanScope& scope) {
  struct Candidate {
    std::string_view key;
    model::TargetKind kind;
    std::optional<Kind> entity;
  };
  static const Candidate kCandidates[] = {
      {"transit_gateway_id", model::TargetKind::TransitGateway, Kind::TransitGateway},
      {"vpc_peering_connection_id", model::TargetKind::Peering, Kind::Peering},
      {"nat_gateway_id", model::TargetKind::NatGateway, Kind::NatGateway},
      {"network_interface_id", model::TargetKind::NetworkInterface, Kind::NetworkInterface},
      {"vpc_endpoint_id", model::TargetKind::LoadBalancerEndpoint, Kind::VpcEndpoint},
      {"egress_only_gateway_id", model::TargetKind::EgressOnlyInternetGateway, std::nullopt},
      {"local_gateway_id", model::TargetKind::LocalGateway, std::nullopt},
      {"carrier_gateway_id", model::TargetKind::CarrierGateway, std::nullopt},
      {"core_network_arn", model::TargetKind::CoreNetwork, std::nullopt},
  };
  model::RouteTarget target;
  for (const Candidate& candidate : kCandidates) {
    const PlanAttribute attribute = plan_.attribute(scope, candidate.key);
    if (attribute.absent() ||
        (attribute.value && attribute.value->is_string() && attribute.value->text.empty()))
      continue;
    target.kind = candidate.kind;
    target.id = attribute.value && attribute.value->is_string()
                    ? model_.text.keep(attribute.value->text)
                    : model_.text.keep(candidate.key);
    if (candidate.entity) {
      const Maybe<Index> index = reference(r, scope, candidate.key, *candidate.entity);
      target.index = index.known() ? *index : model::kNone;
      // Known after apply: named by the resource it refers to, as templates name it.
      if (index.known() && !attribute.value)
        target.id = model_.origin({*candidate.entity, *index}).name;
    }
    return target;
  }
  const PlanAttribute gateway = plan_.attribute(scope, "gateway_id");
  if (gateway.value && gateway.value->is_string() && !gateway.value->text.empty()) {
    const std::string_view id = gateway.value->text;
    target.id = model_.text.keep(id);
    target.kind = id == "local"            ? model::TargetKind::Local
                  : id.starts_with("vgw-") ? model::TargetKind::VpnGateway
                  : id.starts_with("igw-") ? model::TargetKind::InternetGateway
                                           : model::TargetKind::Other;
    return target;
  }
  if (gateway.unknown) {
    // Known after apply: what it is follows from the resource it refers to.
    const std::vector<PlanReference> references = plan_.references(r, gateway.expression);
    const std::string_view type = references.size() == 1 && references[0].instances.size() == 1
                                      ? references[0].instances[0]->type
                                      : std::string_view{};
    target.id = model_.text.keep(references.size() == 1 ? references[0].text : "gateway_id");
    target.kind = type == "aws_internet_gateway" ? model::TargetKind::InternetGateway
                  : type == "aws_vpn_gateway"    ? model::TargetKind::VpnGateway
                                                 : model::TargetKind::Unknown;
    if (target.kind == model::TargetKind::VpnGateway) {
      const Maybe<Index> vgw = resolve(r, references[0], Kind::VpnGateway, "gateway_id");
      target.index = vgw.known() ? *vgw : model::kNone;
      if (vgw.known()) target.id = model_.vpn_gateways[*vgw].origin.name;
    }
    if (target.kind == model::TargetKind::Unknown)
      unknown(r, at(r, gateway), "the gateway is known only after apply", "gateway_id");
    return target;
  }
  error({plan_.file(), scope.values ? scope.values->offset : r.offset},
        fmt::format("a route of {} has no target", r.address));
  return target;
}

void PlanModelBuilder::read_route_table_association(const PlanResource& r) {
  if (plan_.attribute(r.scope, "subnet_id").absent()) return;  // an edge (gateway) association
  const Maybe<Index> subnet = reference(r, r.scope, "subnet_id", Kind::Subnet);
  const Maybe<Index> table = reference(r, r.scope, "route_table_id", Kind::RouteTable);
  if (subnet.is_unknown()) {
    unknown_subnet_tables_.push_back(table.known() ? model_.route_tables[*table].vpc
                                                   : model::kNone);
  }
  if (!subnet.known()) return;
  model::Subnet& target = model_.subnets[*subnet];
  if (target.route_table != model::kNone) {
    error({plan_.file(), r.offset},
          fmt::format("subnet {} is associated with a second route table by {}", target.origin.name,
                      r.address));
    return;
  }
  target.route_table_association = origin_of(r);
  target.route_table = table.known() ? *table : model::kUnknownIndex;
}

// The table replaces the VPC's main route table: subnets without an association use it.
void PlanModelBuilder::read_main_route_table_association(const PlanResource& r) {
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  const Maybe<Index> table = reference(r, r.scope, "route_table_id", Kind::RouteTable);
  if (!vpc.known()) return;
  model::Vpc& target = model_.vpcs[*vpc];
  if (target.main_route_table != model::kNone)
    model_.route_tables[target.main_route_table].main = false;
  target.main_route_table = table.known() ? *table : model::kUnknownIndex;
  if (table.known()) model_.route_tables[*table].main = true;
}

void PlanModelBuilder::read_transit_gateway(const PlanResource& r) {
  model::TransitGateway& tgw = model_.transit_gateways[entities_.at(&r).index];
  const auto enabled = [&](std::string_view key, bool absent_means) {
    const auto value = text(r, r.scope, key);
    return value ? *value == "enable" : absent_means;
  };
  tgw.default_association = enabled("default_route_table_association", true);
  tgw.default_propagation = enabled("default_route_table_propagation", true);
  tgw.security_group_referencing = enabled("security_group_referencing_support", false);
}

void PlanModelBuilder::read_tgw_attachment(const PlanResource& r) {
  const Index index = entities_.at(&r).index;
  model::TgwAttachment& attachment = model_.tgw_attachments[index];
  const Maybe<Index> tgw = reference(r, r.scope, "transit_gateway_id", Kind::TransitGateway);
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  attachment.tgw = tgw.known() ? *tgw : model::kNone;
  attachment.vpc = vpc.known() ? *vpc : model::kNone;
  attachment.subnets = reference_list(r, r.scope, "subnet_ids", Kind::Subnet);
  if (const auto referencing = text(r, r.scope, "security_group_referencing_support"))
    attachment.security_group_referencing = *referencing == "enable";
  // Both default to true in the provider; an attachment may turn the gateway's defaults off.
  const bool association =
      boolean(r, r.scope, "transit_gateway_default_route_table_association").value_or(true);
  const bool propagation =
      boolean(r, r.scope, "transit_gateway_default_route_table_propagation").value_or(true);
  if (!association || !propagation) {
    model_.tgw_attachments[index].association = model::kNone;
    attachment_defaults_.push_back({index, association, propagation});
  }
}

// Attachments that turn a default off are written out (finalize adds no defaults to them): what
// remains on is added here, as finalize would.
// An association whose attachment is known only after apply (for_each over a map of ids) may be
// any attachment's without one of its own: theirs become unknown, never a guess.
void PlanModelBuilder::apply_unknown_associations() {
  for (const Index tgw : unknown_associations_) {
    for (model::TgwAttachment& attachment : model_.tgw_attachments) {
      const bool may_be =
          tgw == model::kNone || !model::is_known_index(attachment.tgw) || attachment.tgw == tgw;
      if (may_be && attachment.association == model::kNone &&
          attachment.association_origin.name.empty())
        attachment.association = model::kUnknownIndex;
    }
  }
}

// A subnet association whose subnet is known only after apply may be any subnet's without one of
// its own (in the table's or ACL's VPC): their table or ACL becomes unknown, not the default.
void PlanModelBuilder::apply_unknown_subnet_associations() {
  const auto may_be = [](Index vpc, const model::Subnet& subnet) {
    return vpc == model::kNone || !model::is_known_index(subnet.vpc) || subnet.vpc == vpc;
  };
  for (const Index vpc : unknown_subnet_tables_) {
    for (model::Subnet& subnet : model_.subnets) {
      if (may_be(vpc, subnet) && subnet.route_table == model::kNone)
        subnet.route_table = model::kUnknownIndex;
    }
  }
  for (const Index vpc : unknown_subnet_acls_) {
    for (model::Subnet& subnet : model_.subnets) {
      if (may_be(vpc, subnet) && subnet.network_acl == model::kNone)
        subnet.network_acl = model::kUnknownIndex;
    }
  }
}

void PlanModelBuilder::apply_attachment_defaults() {
  for (const AttachmentDefaults& defaults : attachment_defaults_) {
    model::TgwAttachment& attachment = model_.tgw_attachments[defaults.attachment];
    written_out_.tgw_attachments.push_back(defaults.attachment);
    if (!model::is_known_index(attachment.tgw)) continue;
    const model::TransitGateway& tgw = model_.transit_gateways[attachment.tgw];
    if (defaults.association && tgw.default_association && attachment.association == model::kNone)
      attachment.association = tgw.default_route_table;
    if (defaults.propagation && tgw.default_propagation)
      attachment.propagations.push_back({tgw.default_route_table, attachment.origin});
  }
}

void PlanModelBuilder::read_tgw_route_table(const PlanResource& r) {
  const Maybe<Index> tgw = reference(r, r.scope, "transit_gateway_id", Kind::TransitGateway);
  if (tgw.known()) model_.tgw_route_tables[entities_.at(&r).index].tgw = *tgw;
}

void PlanModelBuilder::read_tgw_association(const PlanResource& r) {
  const Maybe<Index> table =
      reference(r, r.scope, "transit_gateway_route_table_id", Kind::TgwRouteTable);
  const Maybe<Index> attachment =
      reference(r, r.scope, "transit_gateway_attachment_id", Kind::TgwAttachment);
  if (attachment.is_unknown()) {
    // Any attachment of the table's gateway may be the one associated: none is left to default.
    unknown_associations_.push_back(table.known() ? model_.tgw_route_tables[*table].tgw
                                                  : model::kNone);
  }
  if (!attachment.known()) return;
  model::TgwAttachment& target = model_.tgw_attachments[*attachment];
  if (!target.association_origin.name.empty()) {
    error({plan_.file(), r.offset},
          fmt::format("attachment {} is associated with a second route table by {}",
                      target.origin.name, r.address));
    return;
  }
  target.association_origin = origin_of(r);
  target.association = table.known() ? *table : model::kUnknownIndex;
}

void PlanModelBuilder::read_tgw_propagation(const PlanResource& r) {
  const Maybe<Index> table =
      reference(r, r.scope, "transit_gateway_route_table_id", Kind::TgwRouteTable);
  const Maybe<Index> attachment =
      reference(r, r.scope, "transit_gateway_attachment_id", Kind::TgwAttachment);
  if (table.known() && attachment.known()) {
    model_.tgw_attachments[*attachment].propagations.push_back({*table, origin_of(r)});
  } else if (table.known()) {
    model_.tgw_route_tables[*table].has_unknown_propagation = true;
  }
}

void PlanModelBuilder::read_tgw_route(const PlanResource& r) {
  const Maybe<Index> table =
      reference(r, r.scope, "transit_gateway_route_table_id", Kind::TgwRouteTable);
  model::TgwRoute route;
  route.origin = origin_of(r);
  route.destination = cidr(r, r.scope, "destination_cidr_block");
  route.blackhole = boolean(r, r.scope, "blackhole").value_or(false);
  if (!route.blackhole) {
    const Maybe<Index> attachment =
        reference(r, r.scope, "transit_gateway_attachment_id", Kind::TgwAttachment);
    route.attachment = attachment.known() ? *attachment : model::kUnknownIndex;
  }
  if (route.destination.absent()) return;  // an IPv6 route
  if (!table.known()) return;
  auto& routes = model_.tgw_route_tables[*table].routes;
  tgw_routes_.push_back(
      {*table, routes.size(), at(r, plan_.attribute(r.scope, "transit_gateway_attachment_id"))});
  routes.push_back(std::move(route));
}

// Once every attachment's gateway is read: AWS rejects a route to another gateway's attachment,
// so the plan cannot be applied (an error in the plan, which sets it aside), and nothing walks
// through the route.
void PlanModelBuilder::reject_routes_to_other_gateways() {
  for (const TgwRouteAt& written : tgw_routes_) {
    const model::TgwRouteTable& table = model_.tgw_route_tables[written.table];
    model::TgwRoute& route = model_.tgw_route_tables[written.table].routes[written.route];
    const std::string problem = other_gateway_target(model_, table, route);
    if (problem.empty()) continue;
    error(written.attachment, problem);
    route.attachment = model::kUnknownIndex;
  }
}

void PlanModelBuilder::read_peering(const PlanResource& r) {
  model::Peering& peering = model_.peerings[entities_.at(&r).index];
  const Maybe<Index> requester = reference(r, r.scope, "vpc_id", Kind::Vpc);
  const Maybe<Index> accepter = reference(r, r.scope, "peer_vpc_id", Kind::Vpc);
  peering.requester_vpc = requester.known() ? *requester : model::kNone;
  peering.accepter_vpc = accepter.known() ? *accepter : model::kNone;
}

void PlanModelBuilder::read_vpc_endpoint(const PlanResource& r) {
  model::VpcEndpoint& endpoint = model_.vpc_endpoints[entities_.at(&r).index];
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  endpoint.vpc = vpc.known() ? *vpc : model::kNone;
  const auto type = text(r, r.scope, "vpc_endpoint_type");
  endpoint.type = !type || *type == "Gateway"      ? model::EndpointType::Gateway
                  : *type == "Interface"           ? model::EndpointType::Interface
                  : *type == "GatewayLoadBalancer" ? model::EndpointType::GatewayLoadBalancer
                                                   : model::EndpointType::Other;
  if (const auto service = text(r, r.scope, "service_name"))
    endpoint.service = model_.text.keep(*service);
  endpoint.route_tables = reference_list(r, r.scope, "route_table_ids", Kind::RouteTable);
}

// A gateway endpoint's route (its service's prefix list) in one more route table.
void PlanModelBuilder::read_vpc_endpoint_route_table_association(const PlanResource& r) {
  const Maybe<Index> endpoint = reference(r, r.scope, "vpc_endpoint_id", Kind::VpcEndpoint);
  const Maybe<Index> table = reference(r, r.scope, "route_table_id", Kind::RouteTable);
  if (endpoint.known()) model_.vpc_endpoints[*endpoint].route_tables.push_back(table);
}

void PlanModelBuilder::read_vpn_gateway(const PlanResource& r) {
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  if (vpc.known()) model_.vpn_gateways[entities_.at(&r).index].vpc = *vpc;
}

void PlanModelBuilder::read_vpn_gateway_attachment(const PlanResource& r) {
  const Maybe<Index> vgw = reference(r, r.scope, "vpn_gateway_id", Kind::VpnGateway);
  const Maybe<Index> vpc = reference(r, r.scope, "vpc_id", Kind::Vpc);
  if (vgw.known() && vpc.known()) model_.vpn_gateways[*vgw].vpc = *vpc;
}

// Entries written inline (`entry` blocks), or added by aws_ec2_managed_prefix_list_entry.
void PlanModelBuilder::read_prefix_list(const PlanResource& r) {
  model::PrefixList& list = model_.prefix_lists[entities_.at(&r).index];
  const PlanAttribute entries = plan_.attribute(r.scope, "entry");
  if (entries.unknown) {
    const Maybe<Index> why =
        unknown(r, at(r, entries), "the entries are known only after apply", "entry");
    list.entries = Maybe<std::vector<Cidr>>::unknown(why.where(), why.why());
    return;
  }
  std::vector<Cidr> blocks;
  for (const PlanScope& entry : plan_.blocks(r.scope, "entry")) {
    const Maybe<Cidr> block = cidr(r, entry, "cidr");
    if (block.is_unknown()) {
      list.entries = Maybe<std::vector<Cidr>>::unknown(block.where(), block.why());
      return;
    }
    if (block.known()) blocks.push_back(*block);
  }
  list.entries = std::move(blocks);
}

void PlanModelBuilder::read_prefix_list_entry(const PlanResource& r) {
  const Maybe<Index> list = reference(r, r.scope, "prefix_list_id", Kind::PrefixList);
  const Maybe<Cidr> block = cidr(r, r.scope, "cidr");
  if (!list.known()) return;
  model::PrefixList& target = model_.prefix_lists[*list];
  if (!target.entries.known()) return;
  if (block.known()) {
    std::vector<Cidr> entries = *target.entries;
    entries.push_back(*block);
    target.entries = std::move(entries);
  } else if (block.is_unknown()) {
    target.entries = Maybe<std::vector<Cidr>>::unknown(block.where(), block.why());
  }
}

// The VPC's main route table, as `default_route_table_id = aws_vpc.x.default_route_table_id`
// names it, with the routes written here.
void PlanModelBuilder::read_default_route_table(const PlanResource& r) {
  const Maybe<Index> table = reference(r, r.scope, "default_route_table_id", Kind::RouteTable);
  if (table.known()) read_route_blocks(r, *table);
}

}  // namespace reachlint::terraform
