// Readers for VPCs, subnets, route tables and the transports between VPCs.
#include <fmt/format.h>

#include "linter/ingest/cloudformation/template_model_builder.h"
#include "linter/ingest/common/aws_keys.h"

namespace reachlint {

using model::Index;
using model::Kind;
using model::Maybe;

namespace {

// A template may allocate addresses from IPAM: they are known only once deployed.
Maybe<Cidr> ipam_cidr(const Value& pool, std::string_view owner) {
  return Maybe<Cidr>::unknown(
      pool.location, fmt::format("{} is allocated from an IPAM pool at deploy time", owner));
}

}  // namespace

void TemplateModelBuilder::read_vpc(const ResourceContext& r) {
  model::Vpc& vpc = model_.vpcs[entity_index(r)];
  const Value block = prop(r, aws_keys::kCidrBlock);
  const Value pool = prop(r, aws_keys::kIpv4IpamPoolId);
  if (block.is_absent() && !pool.is_absent()) {
    vpc.cidrs.push_back(ipam_cidr(pool, r.origin.name));
    note_unknown(r, Value::unknown(pool.location, "allocated from an IPAM pool at deploy time"),
                 aws_keys::kCidrBlock);
    return;
  }
  Maybe<Cidr> primary = cidr(r, block, aws_keys::kCidrBlock);
  if (primary.absent())
    error(r.origin.location,
          fmt::format("VPC {} needs a CidrBlock or Ipv4IpamPoolId", r.origin.name));
  vpc.cidrs.insert(vpc.cidrs.begin(), std::move(primary));
}

void TemplateModelBuilder::read_vpc_cidr_block(const ResourceContext& r) {
  const Maybe<Index> vpc = reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  if (!vpc.known()) return;
  const Value block = prop(r, aws_keys::kCidrBlock);
  const Value pool = prop(r, aws_keys::kIpv4IpamPoolId);
  if (!block.is_absent()) {
    model_.vpcs[*vpc].cidrs.push_back(cidr(r, block, aws_keys::kCidrBlock));
  } else if (!pool.is_absent()) {
    model_.vpcs[*vpc].cidrs.push_back(ipam_cidr(pool, r.origin.name));
    note_unknown(r, Value::unknown(pool.location, "allocated from an IPAM pool at deploy time"),
                 aws_keys::kCidrBlock);
  }  // otherwise an IPv6 block: reachlint checks IPv4 paths
}

void TemplateModelBuilder::read_subnet(const ResourceContext& r) {
  model::Subnet& subnet = model_.subnets[entity_index(r)];
  const Maybe<Index> vpc = reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  if (vpc.known())
    subnet.vpc = *vpc;
  else if (vpc.absent())
    error(r.origin.location, fmt::format("subnet {} needs a VpcId", r.origin.name));
  const Value block = prop(r, aws_keys::kCidrBlock);
  const Value pool = prop(r, aws_keys::kIpv4IpamPoolId);
  if (block.is_absent() && !pool.is_absent()) {
    subnet.cidr = ipam_cidr(pool, r.origin.name);
    note_unknown(r, Value::unknown(pool.location, "allocated from an IPAM pool at deploy time"),
                 aws_keys::kCidrBlock);
  } else {
    subnet.cidr = cidr(r, block, aws_keys::kCidrBlock);
  }
  const Value name = prop(r, aws_keys::kAvailabilityZone);
  const Value id = prop(r, aws_keys::kAvailabilityZoneId);
  subnet.zone = !name.is_absent() ? zone(r, name, aws_keys::kAvailabilityZone)
                                  : zone(r, id, aws_keys::kAvailabilityZoneId);
  if (subnet.zone.absent()) {
    subnet.zone = Maybe<std::string>::unknown(
        r.origin.location, "the Availability Zone is chosen by AWS at deploy time");
  }
}

void TemplateModelBuilder::read_route_table(const ResourceContext& r) {
  const Maybe<Index> vpc = reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  if (vpc.known()) model_.route_tables[entity_index(r)].vpc = *vpc;
}

void TemplateModelBuilder::read_subnet_route_table_association(const ResourceContext& r) {
  const Maybe<Index> subnet =
      reference(r, prop(r, aws_keys::kSubnetId), Kind::Subnet, aws_keys::kSubnetId);
  const Maybe<Index> table =
      reference(r, prop(r, aws_keys::kRouteTableId), Kind::RouteTable, aws_keys::kRouteTableId);
  if (!subnet.known()) return;
  model::Subnet& target = model_.subnets[*subnet];
  if (target.route_table != model::kNone) {
    error(r.origin.location, fmt::format("subnet {} is associated with a second route table by {}",
                                         target.origin.name, r.origin.name));
    return;
  }
  target.route_table_association = r.origin;
  // An unknown table leaves the subnet without a table: its lookups are skipped, not guessed.
  target.route_table = table.known() ? *table : model::kUnknownIndex;
}

model::RouteTarget TemplateModelBuilder::route_target(const ResourceContext& r) {
  struct Candidate {
    std::string_view property;
    model::TargetKind kind;
    Kind entity;
    bool modelled;
  };
  static constexpr Candidate kCandidates[] = {
      {aws_keys::kTransitGatewayId, model::TargetKind::TransitGateway, Kind::TransitGateway, true},
      {aws_keys::kVpcPeeringConnectionId, model::TargetKind::Peering, Kind::Peering, true},
      {aws_keys::kNatGatewayId, model::TargetKind::NatGateway, Kind::NatGateway, true},
      {aws_keys::kNetworkInterfaceId, model::TargetKind::NetworkInterface, Kind::NetworkInterface,
       true},
      {aws_keys::kInstanceId, model::TargetKind::Instance, Kind::Instance, true},
      // A route to an endpoint names a Gateway Load Balancer's: gateway endpoints take no routes.
      {aws_keys::kVpcEndpointId, model::TargetKind::LoadBalancerEndpoint, Kind::VpcEndpoint, true},
      {aws_keys::kEgressOnlyInternetGatewayId, model::TargetKind::EgressOnlyInternetGateway,
       Kind::Vpc, false},
      {aws_keys::kLocalGatewayId, model::TargetKind::LocalGateway, Kind::Vpc, false},
      {aws_keys::kCarrierGatewayId, model::TargetKind::CarrierGateway, Kind::Vpc, false},
      {aws_keys::kCoreNetworkArn, model::TargetKind::CoreNetwork, Kind::Vpc, false},
  };
  model::RouteTarget target;
  for (const Candidate& candidate : kCandidates) {
    const Value value = prop(r, candidate.property);
    if (value.is_absent()) continue;
    target.kind = candidate.kind;
    target.id = model_.text.keep(value.kind == Value::Kind::Entity
                                     ? value.text.substr(value.text.find(':') + 1)
                                     : value.as_text().value_or(std::string(candidate.property)));
    if (candidate.modelled) {
      const Maybe<Index> index = reference(r, value, candidate.entity, candidate.property);
      target.index = index.known() ? *index : model::kNone;
    }
    return target;
  }
  const Value gateway = prop(r, aws_keys::kGatewayId);
  if (gateway.is_absent()) {
    error(r.origin.location, fmt::format("route {} has no target", r.origin.name));
    return target;
  }
  const std::string_view gateway_type = type_of_entity_value(gateway);
  const bool is_vgw = gateway_type == "AWS::EC2::VPNGateway" ||
                      (gateway.is_string() && gateway.text.starts_with("vgw-"));
  const bool is_igw = gateway_type == "AWS::EC2::InternetGateway" ||
                      (gateway.is_string() && gateway.text.starts_with("igw-"));
  target.id = model_.text.keep(gateway.kind == Value::Kind::Entity
                                   ? gateway.text.substr(gateway.text.find(':') + 1)
                                   : gateway.as_text().value_or(std::string(aws_keys::kGatewayId)));
  if (gateway.is_string() && gateway.text == "local") {
    target.kind = model::TargetKind::Local;
  } else if (is_vgw) {
    target.kind = model::TargetKind::VpnGateway;
    const Maybe<Index> index = reference(r, gateway, Kind::VpnGateway, aws_keys::kGatewayId);
    target.index = index.known() ? *index : model::kNone;
  } else if (is_igw) {
    target.kind = model::TargetKind::InternetGateway;
  } else {
    if (gateway.is_unknown()) note_unknown(r, gateway, aws_keys::kGatewayId);
    target.kind = gateway.is_unknown() ? model::TargetKind::Unknown : model::TargetKind::Other;
  }
  return target;
}

void TemplateModelBuilder::read_route(const ResourceContext& r) {
  const Maybe<Index> table =
      reference(r, prop(r, aws_keys::kRouteTableId), Kind::RouteTable, aws_keys::kRouteTableId);
  model::Route route;
  route.origin = r.origin;
  const Value destination = prop(r, aws_keys::kDestinationCidrBlock);
  const Value prefix_list = prop(r, aws_keys::kDestinationPrefixListId);
  if (!destination.is_absent()) {
    route.destination = cidr(r, destination, aws_keys::kDestinationCidrBlock);
  } else if (!prefix_list.is_absent()) {
    const Maybe<Index> list =
        reference(r, prefix_list, Kind::PrefixList, aws_keys::kDestinationPrefixListId);
    if (list.known())
      route.prefix_list = *list;
    else
      route.destination =
          Maybe<Cidr>::unknown(prefix_list.location, "the prefix list is not known statically");
  } else if (!prop(r, aws_keys::kDestinationIpv6CidrBlock).is_absent()) {
    return;  // IPv6 routes do not affect the IPv4 paths reachlint checks
  } else {
    error(r.origin.location, fmt::format("route {} has no destination", r.origin.name));
    return;
  }
  route.target = route_target(r);
  if (table.known()) model_.route_tables[*table].routes.push_back(std::move(route));
}

void TemplateModelBuilder::read_transit_gateway(const ResourceContext& r) {
  model::TransitGateway& tgw = model_.transit_gateways[entity_index(r)];
  const auto enabled = [&](std::string_view name, bool absent_means) {
    const auto value = text(r, prop(r, name), name);
    return value ? *value == "enable" : absent_means;
  };
  tgw.default_association = enabled(aws_keys::kDefaultRouteTableAssociation, true);
  tgw.default_propagation = enabled(aws_keys::kDefaultRouteTablePropagation, true);
  tgw.security_group_referencing = enabled(aws_keys::kSecurityGroupReferencingSupport, false);
  model_.tgw_route_tables[tgw.default_route_table].origin.certain = r.origin.certain;
  tgw.association_default_table =
      reference(r, prop(r, aws_keys::kAssociationDefaultRouteTableId), Kind::TgwRouteTable,
                aws_keys::kAssociationDefaultRouteTableId);
  tgw.propagation_default_table =
      reference(r, prop(r, aws_keys::kPropagationDefaultRouteTableId), Kind::TgwRouteTable,
                aws_keys::kPropagationDefaultRouteTableId);
}

void TemplateModelBuilder::read_tgw_attachment(const ResourceContext& r) {
  model::TgwAttachment& attachment = model_.tgw_attachments[entity_index(r)];
  attachment.kind = model::AttachmentKind::Vpc;
  const Maybe<Index> tgw = reference(r, prop(r, aws_keys::kTransitGatewayId), Kind::TransitGateway,
                                     aws_keys::kTransitGatewayId);
  const Maybe<Index> vpc = reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  attachment.tgw = tgw.known() ? *tgw : model::kNone;
  attachment.vpc = vpc.known() ? *vpc : model::kNone;
  attachment.subnets =
      reference_list(r, prop(r, aws_keys::kSubnetIds), Kind::Subnet, aws_keys::kSubnetIds);
  const Value options = prop(r, aws_keys::kOptions);
  if (const auto referencing =
          text(r, prop_of(r, options, aws_keys::kSecurityGroupReferencingSupport),
               "Options.SecurityGroupReferencingSupport")) {
    attachment.security_group_referencing = *referencing == "enable";
  }
}

void TemplateModelBuilder::read_tgw_route_table(const ResourceContext& r) {
  const Maybe<Index> tgw = reference(r, prop(r, aws_keys::kTransitGatewayId), Kind::TransitGateway,
                                     aws_keys::kTransitGatewayId);
  if (tgw.known()) model_.tgw_route_tables[entity_index(r)].tgw = *tgw;
}

void TemplateModelBuilder::read_tgw_route(const ResourceContext& r) {
  const Maybe<Index> table = reference(r, prop(r, aws_keys::kTransitGatewayRouteTableId),
                                       Kind::TgwRouteTable, aws_keys::kTransitGatewayRouteTableId);
  model::TgwRoute route;
  route.origin = r.origin;
  route.destination =
      cidr(r, prop(r, aws_keys::kDestinationCidrBlock), aws_keys::kDestinationCidrBlock);
  route.blackhole = boolean(r, prop(r, aws_keys::kBlackhole), aws_keys::kBlackhole).value_or(false);
  const Value attachment_id = prop(r, aws_keys::kTransitGatewayAttachmentId);
  if (!route.blackhole) {
    const Maybe<Index> attachment =
        reference(r, attachment_id, Kind::TgwAttachment, aws_keys::kTransitGatewayAttachmentId);
    if (attachment.absent()) {
      error(r.origin.location,
            fmt::format("transit gateway route {} needs a TransitGatewayAttachmentId or Blackhole",
                        r.origin.name));
      return;
    }
    route.attachment = attachment.known() ? *attachment : model::kUnknownIndex;
  }
  if (route.destination.absent()) {
    error(r.origin.location,
          fmt::format("transit gateway route {} needs a DestinationCidrBlock", r.origin.name));
    return;
  }
  if (table.known()) model_.tgw_route_tables[*table].routes.push_back(std::move(route));
}

void TemplateModelBuilder::read_tgw_association(const ResourceContext& r) {
  const Maybe<Index> table = reference(r, prop(r, aws_keys::kTransitGatewayRouteTableId),
                                       Kind::TgwRouteTable, aws_keys::kTransitGatewayRouteTableId);
  const Maybe<Index> attachment =
      reference(r, prop(r, aws_keys::kTransitGatewayAttachmentId), Kind::TgwAttachment,
                aws_keys::kTransitGatewayAttachmentId);
  if (!attachment.known()) return;
  model::TgwAttachment& target = model_.tgw_attachments[*attachment];
  if (!target.association_origin.name.empty()) {
    error(r.origin.location,
          fmt::format("attachment {} is associated with a second route table by {}",
                      target.origin.name, r.origin.name));
    return;
  }
  target.association_origin = r.origin;
  target.association = table.known() ? *table : model::kUnknownIndex;
}

void TemplateModelBuilder::read_tgw_propagation(const ResourceContext& r) {
  const Maybe<Index> table = reference(r, prop(r, aws_keys::kTransitGatewayRouteTableId),
                                       Kind::TgwRouteTable, aws_keys::kTransitGatewayRouteTableId);
  const Maybe<Index> attachment =
      reference(r, prop(r, aws_keys::kTransitGatewayAttachmentId), Kind::TgwAttachment,
                aws_keys::kTransitGatewayAttachmentId);
  if (table.known() && attachment.known()) {
    model_.tgw_attachments[*attachment].propagations.push_back({*table, r.origin});
  } else if (table.known()) {
    model_.tgw_route_tables[*table].has_unknown_propagation = true;
  }
}

void TemplateModelBuilder::read_peering(const ResourceContext& r) {
  model::Peering& peering = model_.peerings[entity_index(r)];
  const Maybe<Index> requester =
      reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  const Maybe<Index> accepter =
      reference(r, prop(r, aws_keys::kPeerVpcId), Kind::Vpc, aws_keys::kPeerVpcId);
  peering.requester_vpc = requester.known() ? *requester : model::kNone;
  peering.accepter_vpc = accepter.known() ? *accepter : model::kNone;
}

void TemplateModelBuilder::read_nat_gateway(const ResourceContext& r) {
  model::NatGateway& nat = model_.nat_gateways[entity_index(r)];
  nat.subnet = reference(r, prop(r, aws_keys::kSubnetId), Kind::Subnet, aws_keys::kSubnetId);
  const auto connectivity =
      text(r, prop(r, aws_keys::kConnectivityType), aws_keys::kConnectivityType);
  nat.private_connectivity = connectivity == "private";
}

void TemplateModelBuilder::read_vpc_endpoint(const ResourceContext& r) {
  model::VpcEndpoint& endpoint = model_.vpc_endpoints[entity_index(r)];
  const Maybe<Index> vpc = reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  endpoint.vpc = vpc.known() ? *vpc : model::kNone;
  const auto type = text(r, prop(r, aws_keys::kVpcEndpointType), aws_keys::kVpcEndpointType);
  endpoint.type = !type || *type == "Gateway"      ? model::EndpointType::Gateway
                  : *type == "Interface"           ? model::EndpointType::Interface
                  : *type == "GatewayLoadBalancer" ? model::EndpointType::GatewayLoadBalancer
                                                   : model::EndpointType::Other;
  // Only for messages: a name known at deploy time (it holds the region) is no notice's worth.
  if (const auto service = prop(r, aws_keys::kServiceName).as_text())
    endpoint.service = model_.text.keep(*service);
  endpoint.route_tables = reference_list(r, prop(r, aws_keys::kRouteTableIds), Kind::RouteTable,
                                         aws_keys::kRouteTableIds);
}

void TemplateModelBuilder::read_vpn_gateway(const ResourceContext&) {
  // The gateway's VPC comes from its VPCGatewayAttachment.
}

void TemplateModelBuilder::read_gateway_attachment(const ResourceContext& r) {
  const Value gateway = prop(r, aws_keys::kVpnGatewayId);
  if (gateway.is_absent()) return;  // an internet gateway attachment
  const Maybe<Index> vgw = reference(r, gateway, Kind::VpnGateway, aws_keys::kVpnGatewayId);
  const Maybe<Index> vpc = reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  if (vgw.known() && vpc.known()) model_.vpn_gateways[*vgw].vpc = *vpc;
}

void TemplateModelBuilder::read_vgw_route_propagation(const ResourceContext& r) {
  const Value gateway = prop(r, aws_keys::kVpnGatewayId);
  const Maybe<Index> vgw = reference(r, gateway, Kind::VpnGateway, aws_keys::kVpnGatewayId);
  for (const Maybe<Index>& table : reference_list(r, prop(r, aws_keys::kRouteTableIds),
                                                  Kind::RouteTable, aws_keys::kRouteTableIds)) {
    if (!table.known()) continue;
    // The routes come from BGP at run time: their destinations cannot be known from files.
    model::Route route;
    route.origin = r.origin;
    route.destination = Maybe<Cidr>::unknown(
        r.origin.location,
        fmt::format("routes propagated from VPN gateway {} are learned at run time",
                    gateway.as_text().value_or(std::string(r.origin.name))));
    route.target.kind = model::TargetKind::VpnGateway;
    route.target.index = vgw.known() ? *vgw : model::kNone;
    route.target.id = vgw.known() ? model_.vpn_gateways[*vgw].origin.name : "VPN gateway";
    route.propagated = true;
    model_.route_tables[*table].routes.push_back(std::move(route));
  }
}

}  // namespace reachlint
