#include "linter/ingest/account/export_model_builder.h"
#include "linter/ingest/account/export_model_builder_internal.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "linter/core/parallel.h"
#include "linter/ingest/common/protocol_names.h"

namespace reachlint::export_detail {

// ---- the network ----

void ExportModelBuilder::add_vpcs(Scribe& out) {
  for (const VpcRecord& r : records_.vpcs) {
    if (!is_live(r.state)) continue;
    const Index v = add(out, model_.vpcs, vpcs_, r.origin, r.id, "AWS::EC2::VPC");
    if (v == model::kNone) continue;
    for (const std::string_view block : r.cidrs)
      model_.vpcs[v].cidrs.push_back(cidr(out, block, r.origin.location, r.id));
  }
}

void ExportModelBuilder::add_subnets(Scribe& out) {
  for (const SubnetRecord& r : records_.subnets) {
    if (!is_live(r.state)) continue;
    const Index s = add(out, model_.subnets, subnets_, r.origin, r.id, "AWS::EC2::Subnet");
    if (s == model::kNone) continue;
    model::Subnet& subnet = model_.subnets[s];
    subnet.vpc = find(vpcs_, r.vpc);
    subnet.cidr = r.cidr.empty()
                      ? Maybe<Cidr>::unknown(r.origin.location, "the subnet has no CidrBlock")
                      : cidr(out, r.cidr, r.origin.location, r.id);
    if (!r.zone.empty())
      subnet.zone = fmt::format("name:{}", r.zone);
    else if (!r.zone_id.empty())
      subnet.zone = fmt::format("id:{}", r.zone_id);
    else
      subnet.zone =
          Maybe<std::string>::unknown(r.origin.location, "the subnet has no AvailabilityZone");
  }
}

// Two chains that write disjoint entities (and disjoint fields of subnets and VPCs), side by side.
void ExportModelBuilder::add_entities() {
  join(parallel_for<Scribe>(2, 2, [this](size_t chain, Scribe& out) {
    if (chain == 0) {
      add_route_tables(out);
      add_network_acls(out);
      return;
    }
    add_prefix_lists(out);
    add_security_groups(out);
    add_interfaces(out);
    add_instances(out);
    add_transit_gateways(out);
    add_tgw_attachments(out);
  }));
}

void ExportModelBuilder::add_route_tables(Scribe& out) {
  for (const RouteTableRecord& r : records_.route_tables) {
    const Index t =
        add(out, model_.route_tables, route_tables_, r.origin, r.id, "AWS::EC2::RouteTable");
    if (t == model::kNone) continue;
    model::RouteTable& table = model_.route_tables[t];
    table.vpc = find(vpcs_, r.vpc);
    table.main = r.main;
    written_out_.route_tables.push_back(t);
    if (r.main && model::is_known_index(table.vpc)) model_.vpcs[table.vpc].main_route_table = t;
    for (const std::string_view subnet : r.subnets) {
      const Index s = find(subnets_, subnet);
      if (model::is_known_index(s)) {
        model_.subnets[s].route_table = t;
        model_.subnets[s].route_table_association = table.origin;
      }
    }
  }
}

void ExportModelBuilder::add_network_acls(Scribe& out) {
  for (const NetworkAclRecord& r : records_.network_acls) {
    const Index a = add(out, model_.network_acls, acls_, r.origin, r.id, "AWS::EC2::NetworkAcl");
    if (a == model::kNone) continue;
    model::NetworkAcl& acl = model_.network_acls[a];
    acl.vpc = find(vpcs_, r.vpc);
    acl.is_default = r.is_default;
    if (r.is_default && model::is_known_index(acl.vpc))
      model_.vpcs[acl.vpc].default_network_acl = a;
    for (const std::string_view subnet : r.subnets) {
      const Index s = find(subnets_, subnet);
      if (model::is_known_index(s)) model_.subnets[s].network_acl = a;
    }
  }
}

void ExportModelBuilder::add_prefix_lists(Scribe& out) {
  for (const PrefixListRecord& r : records_.prefix_lists) {
    const Index p =
        add(out, model_.prefix_lists, prefix_lists_, r.origin, r.id, "AWS::EC2::PrefixList");
    if (p == model::kNone) continue;
    model_.prefix_lists[p].aws_service = r.owner == "AWS" || r.name.starts_with("com.amazonaws.");
    if (!r.entries_known) {
      model_.prefix_lists[p].entries =
          Maybe<std::vector<Cidr>>::unknown(r.origin.location, "its entries are not in the export");
      continue;
    }
    std::vector<Cidr> entries;
    for (const std::string_view text : r.cidrs) {
      if (const auto parsed = Cidr::parse(text)) entries.push_back(*parsed);
    }
    model_.prefix_lists[p].entries = std::move(entries);
  }
  for (const PrefixListEntriesRecord& r : records_.prefix_list_entries) {
    const Index p = find(prefix_lists_, r.prefix_list);
    if (!model::is_known_index(p)) continue;
    std::vector<Cidr> entries;
    bool complete = r.complete;
    for (const std::string_view text : r.cidrs) {
      if (const auto parsed = Cidr::parse(text))
        entries.push_back(*parsed);
      else
        complete = false;
    }
    model_.prefix_lists[p].entries =
        complete
            ? Maybe<std::vector<Cidr>>(std::move(entries))
            : Maybe<std::vector<Cidr>>::unknown(r.origin.location, "an entry could not be read");
  }
}

void ExportModelBuilder::add_security_groups(Scribe& out) {
  for (const SecurityGroupRecord& r : records_.security_groups) {
    const Index g =
        add(out, model_.security_groups, groups_, r.origin, r.id, "AWS::EC2::SecurityGroup");
    if (g == model::kNone) continue;
    model_.security_groups[g].vpc = find(vpcs_, r.vpc);
    if (r.name == "default" && model::is_known_index(model_.security_groups[g].vpc)) {
      model_.vpcs[model_.security_groups[g].vpc].default_security_group = g;
    }
  }
}

void ExportModelBuilder::add_interfaces(Scribe& out) {
  for (const InterfaceRecord& r : records_.interfaces) {
    const Index e = add(out, model_.network_interfaces, interfaces_, r.origin, r.id,
                        "AWS::EC2::NetworkInterface");
    if (e == model::kNone) continue;
    model::NetworkInterface& eni = model_.network_interfaces[e];
    eni.subnet = reference(subnets_, r.subnet, r.origin.location, "subnet");
    for (const std::string_view group : r.groups)
      eni.groups.push_back(reference(groups_, group, r.origin.location, "security group"));
    if (!r.address.empty()) eni.address = Cidr::parse_address(r.address);
  }
}

void ExportModelBuilder::add_instances(Scribe& out) {
  for (const InstanceRecord& r : records_.instances) {
    if (one_of(r.state, {"terminated", "shutting-down"})) continue;
    const Index i = add(out, model_.instances, instances_, r.origin, r.id, "AWS::EC2::Instance");
    if (i == model::kNone) continue;
    model::Instance& instance = model_.instances[i];
    instance.subnet = reference(subnets_, r.subnet, r.origin.location, "subnet");
    for (const std::string_view group : r.groups) {
      instance.groups.push_back(reference(groups_, group, r.origin.location, "security group"));
    }
    instance.groups_given = true;
    if (!r.address.empty()) instance.address = Cidr::parse_address(r.address);
  }
}

void ExportModelBuilder::add_vpn_gateways(Scribe& out) {
  for (const VpnGatewayRecord& r : records_.vpn_gateways) {
    if (!is_live(r.state)) continue;
    const Index g = add(out, model_.vpn_gateways, vgws_, r.origin, r.id, "AWS::EC2::VPNGateway");
    if (g != model::kNone && !r.vpcs.empty())
      model_.vpn_gateways[g].vpc = find(vpcs_, r.vpcs.front());
  }
}

// The far side of a cross-account or cross-region peering is often not exported: it becomes a
// VPC known only by its id and the CIDRs the peering connection reports.
Index ExportModelBuilder::vpc_for_peering(Scribe& out, const PeeringSide& side,
                                          const PeeringRecord& record) {
  const Index known = find(vpcs_, side.vpc);
  if (known != model::kUnknownIndex) return known;
  RecordOrigin where = record.origin;
  if (!side.owner.empty()) where.account = side.owner;
  if (!side.region.empty()) where.region = side.region;
  const Index v = add(out, model_.vpcs, vpcs_, where, side.vpc, "AWS::EC2::VPC");
  for (const std::string_view block : side.cidrs)
    model_.vpcs[v].cidrs.push_back(cidr(out, block, record.origin.location, side.vpc));
  return v;
}

void ExportModelBuilder::add_peerings(Scribe& out) {
  for (const PeeringRecord& r : records_.peerings) {
    if (r.status != "active") continue;
    const Index p =
        add(out, model_.peerings, peerings_, r.origin, r.id, "AWS::EC2::VPCPeeringConnection");
    if (p == model::kNone) continue;
    model_.peerings[p].requester_vpc = vpc_for_peering(out, r.requester, r);
    model_.peerings[p].accepter_vpc = vpc_for_peering(out, r.accepter, r);
  }
}

// NAT gateways and VPC endpoints: what the routes that name them lead to.
void ExportModelBuilder::add_nat_gateways(Scribe& out) {
  for (const NatGatewayRecord& r : records_.nat_gateways) {
    if (!is_live(r.state)) continue;
    const Index n =
        add(out, model_.nat_gateways, nat_gateways_, r.origin, r.id, "AWS::EC2::NatGateway");
    if (n == model::kNone) continue;
    model::NatGateway& nat = model_.nat_gateways[n];
    nat.subnet = reference(subnets_, r.subnet, r.origin.location, "subnet");
    nat.private_connectivity = r.connectivity == "private";
    if (!r.address.empty()) nat.address = Cidr::parse_address(r.address);
  }
}

void ExportModelBuilder::add_vpc_endpoints(Scribe& out) {
  for (const VpcEndpointRecord& r : records_.vpc_endpoints) {
    if (!is_live(r.state) && r.state != "Available") continue;
    const Index e =
        add(out, model_.vpc_endpoints, vpc_endpoints_, r.origin, r.id, "AWS::EC2::VPCEndpoint");
    if (e == model::kNone) continue;
    model::VpcEndpoint& endpoint = model_.vpc_endpoints[e];
    endpoint.vpc = find(vpcs_, r.vpc);
    endpoint.type = r.type == "Gateway"               ? model::EndpointType::Gateway
                    : r.type == "Interface"           ? model::EndpointType::Interface
                    : r.type == "GatewayLoadBalancer" ? model::EndpointType::GatewayLoadBalancer
                                                      : model::EndpointType::Other;
    endpoint.service = r.service;
    for (const std::string_view table : r.route_tables)
      endpoint.route_tables.push_back(
          reference(route_tables_, table, r.origin.location, "route table"));
  }
}

}  // namespace reachlint::export_detail

namespace reachlint {

void build_model_from_exports(const ExportRecords& records, ModelBuild& build) {
  if (records.empty()) return;
  export_detail::ExportModelBuilder(records, build.model, build.written_out, build.sources,
                                    build.diagnostics)
      .build(build.timings);
}

}  // namespace reachlint
