#include "network_builder.h"

namespace reachlint::test {

namespace {

Cidr cidr_of(const char* text) {
  return *Cidr::parse(text);
}

template <typename T>
Index push(std::vector<T>& entities, T entity) {
  entities.push_back(std::move(entity));
  return static_cast<Index>(entities.size() - 1);
}

}  // namespace

model::Origin NetworkBuilder::origin(std::string_view name, std::string_view type) {
  model::Origin origin;
  origin.name = model.text.keep(name);
  origin.type = type;
  return origin;
}

Index NetworkBuilder::vpc(std::string_view name, const char* cidr) {
  model::Vpc vpc;
  vpc.origin = origin(name, "AWS::EC2::VPC");
  vpc.cidrs.push_back(cidr_of(cidr));
  return push(model.vpcs, std::move(vpc));
}

Index NetworkBuilder::route_table(std::string_view name, Index vpc) {
  model::RouteTable table;
  table.origin = origin(name, "AWS::EC2::RouteTable");
  table.vpc = vpc;
  for (const auto& block : model.vpcs[vpc].cidrs) {
    model::Route local;
    local.origin = origin(model.text.join({name, ":local"}), "AWS::EC2::Route");
    local.origin.implicit = true;
    local.destination = *block;
    local.target = {model::TargetKind::Local, model::kNone, "local"};
    table.routes.push_back(std::move(local));
  }
  return push(model.route_tables, std::move(table));
}

void NetworkBuilder::route(Index table, const char* destination, model::TargetKind kind,
                           Index target, std::string_view target_id) {
  model::Route route;
  route.origin = origin(model.text.join({model.route_tables[table].origin.name, ":", destination}),
                        "AWS::EC2::Route");
  route.destination = cidr_of(destination);
  route.target = {kind, target, model.text.keep(target_id)};
  model.route_tables[table].routes.push_back(std::move(route));
}

Index NetworkBuilder::subnet(std::string_view name, Index vpc, const char* cidr,
                             std::string_view zone, Index table) {
  model::Subnet subnet;
  subnet.origin = origin(name, "AWS::EC2::Subnet");
  subnet.vpc = vpc;
  subnet.cidr = cidr_of(cidr);
  subnet.zone = std::string(zone);
  subnet.route_table = table;
  return push(model.subnets, std::move(subnet));
}

Index NetworkBuilder::transit_gateway(std::string_view name) {
  model::TransitGateway tgw;
  tgw.origin = origin(name, "AWS::EC2::TransitGateway");
  return push(model.transit_gateways, std::move(tgw));
}

Index NetworkBuilder::tgw_route_table(std::string_view name, Index tgw) {
  model::TgwRouteTable table;
  table.origin = origin(name, "AWS::EC2::TransitGatewayRouteTable");
  table.tgw = tgw;
  return push(model.tgw_route_tables, std::move(table));
}

Index NetworkBuilder::tgw_attachment(std::string_view name, Index tgw, Index vpc,
                                     const std::vector<Index>& subnets, Index association) {
  model::TgwAttachment attachment;
  attachment.origin = origin(name, "AWS::EC2::TransitGatewayAttachment");
  attachment.tgw = tgw;
  attachment.vpc = vpc;
  for (const Index s : subnets) attachment.subnets.emplace_back(s);
  attachment.association = association;
  return push(model.tgw_attachments, std::move(attachment));
}

void NetworkBuilder::tgw_route(Index table, const char* destination, Index attachment) {
  model::TgwRoute route;
  route.origin =
      origin(model.text.join({model.tgw_route_tables[table].origin.name, ":", destination}),
             "AWS::EC2::TransitGatewayRoute");
  route.destination = cidr_of(destination);
  route.attachment = attachment;
  model.tgw_route_tables[table].routes.push_back(std::move(route));
}

Index NetworkBuilder::peering(std::string_view name, Index requester, Index accepter) {
  model::Peering peering;
  peering.origin = origin(name, "AWS::EC2::VPCPeeringConnection");
  peering.requester_vpc = requester;
  peering.accepter_vpc = accepter;
  return push(model.peerings, peering);
}

Index NetworkBuilder::security_group(std::string_view name, Index vpc) {
  model::SecurityGroup group;
  group.origin = origin(name, "AWS::EC2::SecurityGroup");
  group.vpc = vpc;
  return push(model.security_groups, std::move(group));
}

void NetworkBuilder::allow_cidr(Index group, int protocol, uint16_t from, uint16_t to,
                                const char* cidr) {
  model::SgRule rule;
  rule.protocol = protocol;
  rule.ports = {from, to};
  rule.peer = model::PeerKind::Cidr;
  rule.cidr = cidr_of(cidr);
  model.security_groups[group].ingress.push_back(std::move(rule));
}

void NetworkBuilder::allow_group(Index group, int protocol, uint16_t from, uint16_t to,
                                 Index peer) {
  model::SgRule rule;
  rule.protocol = protocol;
  rule.ports = {from, to};
  rule.peer = model::PeerKind::SecurityGroup;
  rule.group = peer;
  model.security_groups[group].ingress.push_back(std::move(rule));
}

void NetworkBuilder::allow_all_egress(Index group) {
  model::SgRule rule;
  rule.peer = model::PeerKind::Cidr;
  rule.cidr = cidr_of("0.0.0.0/0");
  model.security_groups[group].egress.push_back(std::move(rule));
}

Index NetworkBuilder::instance(std::string_view name, Index subnet,
                               const std::vector<Index>& groups, const char* address) {
  model::Instance instance;
  instance.origin = origin(name, "AWS::EC2::Instance");
  instance.subnet = subnet;
  for (const Index g : groups) instance.groups.emplace_back(g);
  instance.groups_given = true;
  instance.address = Cidr::parse_address(address);
  return push(model.instances, std::move(instance));
}

Index NetworkBuilder::multi_az_file_system(std::string_view name, Index vpc, Index preferred,
                                           Index standby, const char* endpoint_range,
                                           const std::vector<Index>& route_tables,
                                           const std::vector<Index>& groups) {
  model::FileSystem fs;
  fs.origin = origin(name, "AWS::FSx::FileSystem");
  fs.type = model::FileSystemType::OpenZfs;
  fs.deployment_type = std::string("MULTI_AZ_1");
  fs.floating_endpoint = true;
  fs.vpc = vpc;
  fs.subnets = {preferred, standby};
  fs.preferred_subnet = preferred;
  fs.endpoint_range = cidr_of(endpoint_range);
  for (const Index t : route_tables) fs.route_tables.emplace_back(t);
  fs.route_tables_given = true;
  fs.route_tables_origin = origin(model.text.join({name, ":RouteTableIds"}), "");
  for (const Index g : groups) fs.security_groups.emplace_back(g);
  fs.security_groups_given = true;
  return push(model.file_systems, std::move(fs));
}

}  // namespace reachlint::test
