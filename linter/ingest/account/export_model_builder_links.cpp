// The second half of the export model builder: transit gateways, the routes and rules that link
// entities to each other, and the file systems.
#include "linter/core/parallel.h"
#include "linter/ingest/account/export_model_builder_internal.h"
#include "linter/ingest/common/protocol_names.h"
#include "linter/ingest/common/tgw_route_targets.h"

namespace reachlint::export_detail {

// ---- transit gateways ----

void ExportModelBuilder::add_transit_gateways(Scribe& out) {
  for (const TransitGatewayRecord& r : records_.transit_gateways) {
    if (!is_live(r.state)) continue;
    const Index g =
        add(out, model_.transit_gateways, tgws_, r.origin, r.id, "AWS::EC2::TransitGateway");
    if (g == model::kNone) continue;
    model::TransitGateway& tgw = model_.transit_gateways[g];
    tgw.default_association = r.default_association;
    tgw.default_propagation = r.default_propagation;
    tgw.security_group_referencing = r.sg_referencing;
  }
  for (const TgwRouteTableRecord& r : records_.tgw_route_tables) {
    if (!is_live(r.state)) continue;
    const Index t = add(out, model_.tgw_route_tables, tgw_tables_, r.origin, r.id,
                        "AWS::EC2::TransitGatewayRouteTable");
    if (t != model::kNone) model_.tgw_route_tables[t].tgw = find(tgws_, r.tgw);
  }
  // A template attaching to an exported transit gateway gets its default tables.
  for (const TransitGatewayRecord& r : records_.transit_gateways) {
    const Index g = find(tgws_, r.id);
    if (!model::is_known_index(g)) continue;
    model::TransitGateway& tgw = model_.transit_gateways[g];
    tgw.association_default_table =
        reference(tgw_tables_, r.association_default, r.origin.location, "route table");
    tgw.propagation_default_table =
        reference(tgw_tables_, r.propagation_default, r.origin.location, "route table");
  }
}

// From describe-transit-gateway-attachments, else from the route tables' association listings
// of transit gateway `tgw` (a peering attachment is associated on each of its two gateways).
Index ExportModelBuilder::association_of(std::string_view attachment, Index tgw,
                                         const TgwAttachmentRecord* record) {
  if (record && record->association_state == "associated")
    return find(tgw_tables_, record->association_table);
  for (const TgwTableLinks& links : records_.tgw_table_links) {
    if (links.propagations) continue;
    const Index table = find(tgw_tables_, links.table);
    if (model::is_known_index(table) && model::is_known_index(tgw) &&
        model_.tgw_route_tables[table].tgw != tgw)
      continue;
    for (const TgwTableLinkRecord& link : links.links) {
      if (link.attachment == attachment && (link.state.empty() || link.state == "associated"))
        return table;
    }
  }
  return record ? model::kNone
                : model::kUnknownIndex;  // listed without an association, or not listed
}

void ExportModelBuilder::add_tgw_attachments(Scribe& out) {
  std::unordered_map<std::string_view, const TgwAttachmentRecord*> generic;
  for (const TgwAttachmentRecord& r : records_.tgw_attachments) generic.emplace(r.id, &r);
  const auto finish = [&](Index a, std::string_view id, std::string_view tgw) {
    model::TgwAttachment& attachment = model_.tgw_attachments[a];
    const auto found = generic.find(id);
    attachment.tgw = find(tgws_, tgw);
    attachment.association =
        association_of(id, attachment.tgw, found == generic.end() ? nullptr : found->second);
    written_out_.tgw_attachments.push_back(a);
    if (attachment.association == model::kUnknownIndex) {
      out.notes.notice(
          attachment.origin.location,
          fmt::format("the route table associated with {} is not in the export "
                      "(describe-transit-gateway-attachments); paths through it are not checked",
                      id));
    }
  };
  for (const TgwVpcAttachmentRecord& r : records_.tgw_vpc_attachments) {
    if (!one_of(r.state, {"available", "modifying", ""})) continue;
    const Index a = add(out, model_.tgw_attachments, attachments_, r.origin, r.id,
                        "AWS::EC2::TransitGatewayVpcAttachment");
    if (a == model::kNone) continue;
    model::TgwAttachment& attachment = model_.tgw_attachments[a];
    attachment.kind = model::AttachmentKind::Vpc;
    attachment.vpc = find(vpcs_, r.vpc);
    for (const std::string_view subnet : r.subnets)
      attachment.subnets.push_back(reference(subnets_, subnet, r.origin.location, "subnet"));
    attachment.security_group_referencing = r.sg_referencing;
    finish(a, r.id, r.tgw);
  }
  for (const TgwAttachmentRecord& r : records_.tgw_attachments) {
    if (!one_of(r.state, {"available", "modifying", ""})) continue;
    if (find(attachments_, r.id) != model::kUnknownIndex) {
      if (r.resource_type == "peering") add_peer_side(r);
      continue;
    }
    const Index a = add(out, model_.tgw_attachments, attachments_, r.origin, r.id,
                        "AWS::EC2::TransitGatewayAttachment");
    if (a == model::kNone) continue;
    model::TgwAttachment& attachment = model_.tgw_attachments[a];
    attachment.kind = r.resource_type == "vpc"   ? model::AttachmentKind::Vpc
                      : r.resource_type == "vpn" ? model::AttachmentKind::Vpn
                      : r.resource_type == "direct-connect-gateway"
                          ? model::AttachmentKind::DirectConnect
                      : r.resource_type == "peering" ? model::AttachmentKind::Peering
                                                     : model::AttachmentKind::Other;
    // A VPC attachment listed here but not in describe-transit-gateway-vpc-attachments: its
    // subnets are unknown, so its zones cannot be checked.
    if (attachment.kind == model::AttachmentKind::Vpc) {
      attachment.vpc = find(vpcs_, r.resource);
      attachment.subnets.push_back(Maybe<Index>::unknown(
          r.origin.location, "the attachment's subnets are not in the export"));
    }
    finish(a, r.id, r.tgw);
    if (attachment.kind == model::AttachmentKind::Peering) {
      // Its resource is the other gateway; that side's association is known when that gateway's
      // account and region were exported too (its own listing, or its route tables' listings).
      attachment.peer_tgw = find(tgws_, r.resource);
      if (model::is_known_index(attachment.peer_tgw))
        attachment.peer_association = association_of(r.id, attachment.peer_tgw, nullptr);
    }
  }
}

// The listing of a peering attachment by the other gateway's account and region.
void ExportModelBuilder::add_peer_side(const TgwAttachmentRecord& record) {
  model::TgwAttachment& attachment = model_.tgw_attachments[find(attachments_, record.id)];
  const Index tgw = find(tgws_, record.tgw);
  if (attachment.kind != model::AttachmentKind::Peering || !model::is_known_index(tgw) ||
      tgw == attachment.tgw)
    return;
  attachment.peer_tgw = tgw;
  attachment.peer_association = association_of(record.id, tgw, &record);
}

static model::TgwRoute tgw_route_of(model::TextArena& text, const TgwRouteRecord& record,
                                    std::string_view table, Index attachment) {
  model::TgwRoute route;
  route.origin.location = record.location;
  route.origin.name =
      text.join({table, ":", record.destination.empty() ? record.prefix_list : record.destination});
  route.propagated = record.type == "propagated";
  route.blackhole = record.state == "blackhole";
  route.attachment = route.blackhole ? model::kNone : attachment;
  return route;
}

void ExportModelBuilder::fill_tgw_routes(Scribe& out) {
  std::unordered_map<std::string_view, const TgwRouteListing*> full_listing;
  for (const TgwRouteListing& listing : records_.tgw_route_listings) {
    const Index t = find(tgw_tables_, listing.table);
    if (!model::is_known_index(t)) continue;
    if (!listing.static_only) full_listing[listing.table] = &listing;
    auto& routes = model_.tgw_route_tables[t].routes;
    for (const TgwRouteRecord& record : listing.routes) {
      if (!one_of(record.state, {"active", "blackhole", "unreadable"})) continue;
      model::TgwRoute route =
          tgw_route_of(out.text, record, listing.table,
                       record.attachments.empty() ? model::kNone
                                                  : find(attachments_, record.attachments.front()));
      if (record.state == "unreadable") {
        route.destination = Maybe<Cidr>::unknown(record.location, "the route could not be read");
      } else if (!record.prefix_list.empty()) {
        route.prefix_list = find(prefix_lists_, record.prefix_list);
      } else {
        route.destination = cidr(out, record.destination, record.location, listing.table);
      }
      // AWS lists no such route: the export is not one account's as AWS wrote it (edited, or
      // mixed with another's). The route is not followed, and the rest is still checked.
      if (const std::string problem =
              other_gateway_target(model_, model_.tgw_route_tables[t], route);
          !problem.empty()) {
        out.notes.notice(record.location,
                         fmt::format("{}; paths through it are not checked", problem));
        route.attachment = model::kUnknownIndex;
      }
      routes.push_back(std::move(route));
    }
  }
  for (const TgwRouteTableRecord& r : records_.tgw_route_tables) {
    const Index t = find(tgw_tables_, r.id);
    if (model::is_known_index(t) && !full_listing.contains(r.id)) derive_tgw_routes(out, t, r);
  }
}

// Without a route listing, a table's propagated routes are its propagating VPC attachments' CIDRs.
void ExportModelBuilder::derive_tgw_routes(Scribe& out, Index table,
                                           const TgwRouteTableRecord& record) {
  const TgwTableLinks* propagations = nullptr;
  for (const TgwTableLinks& links : records_.tgw_table_links) {
    if (links.propagations && links.table == record.id) propagations = &links;
  }
  model::TgwRouteTable& target = model_.tgw_route_tables[table];
  if (!propagations) {
    target.has_unknown_propagation = true;
    out.notes.notice(
        record.origin.location,
        fmt::format("neither the routes nor the propagations of transit gateway route table {} are "
                    "in the export; paths through it are not checked",
                    record.id));
    return;
  }
  out.notes.notice(
      record.origin.location,
      fmt::format("no route listing of transit gateway route table {} is among the inputs: its "
                  "propagated routes are derived from its propagations and the attachments' VPC "
                  "CIDRs; its static routes are not known",
                  record.id));
  target.static_routes_unknown = true;
  for (const TgwTableLinkRecord& link : propagations->links) {
    if (!link.state.empty() && link.state != "enabled") continue;
    const Index a = find(attachments_, link.attachment);
    if (!model::is_known_index(a) || !model::is_known_index(model_.tgw_attachments[a].vpc))
      continue;
    for (const Maybe<Cidr>& block : model_.vpcs[model_.tgw_attachments[a].vpc].cidrs) {
      model::TgwRoute route;
      route.origin.location = link.location;
      route.origin.name = out.text.join({"propagation from ", link.attachment});
      route.destination = block;
      route.attachment = a;
      route.propagated = true;
      target.routes.push_back(std::move(route));
    }
  }
}

// ---- routes and rules ----

model::Route ExportModelBuilder::route_of(Scribe& out, const RouteRecord& record,
                                          const RouteTableRecord& table) {
  model::Route route;
  route.origin.location = record.location;
  route.origin.name = out.text.join({table.id, ":", record.destination});
  route.origin.type = "AWS::EC2::Route";
  route.blackhole = record.blackhole;
  route.propagated = record.propagated;
  if (!record.readable) {
    route.destination = Maybe<Cidr>::unknown(record.location, "the route could not be read");
  } else if (record.to_prefix_list) {
    route.prefix_list = find(prefix_lists_, record.destination);
  } else {
    route.destination = cidr(out, record.destination, record.location, table.id);
  }
  route.target = target_of(record);
  return route;
}

model::RouteTarget ExportModelBuilder::target_of(const RouteRecord& record) {
  using model::TargetKind;
  const std::string_view id = record.target;
  const auto target = [&](TargetKind kind, Index index) {
    return model::RouteTarget{kind, index, id};
  };
  switch (record.target_field) {
    case RouteTargetField::TransitGateway:
      return target(TargetKind::TransitGateway, find(tgws_, id));
    case RouteTargetField::Peering:
      return target(TargetKind::Peering, find(peerings_, id));
    case RouteTargetField::NetworkInterface:
      return target(TargetKind::NetworkInterface, find(interfaces_, id));
    case RouteTargetField::Instance:
      return target(TargetKind::Instance, find(instances_, id));
    case RouteTargetField::NatGateway:
      return target(TargetKind::NatGateway, find(nat_gateways_, id));
    case RouteTargetField::VpcEndpoint:
      return endpoint_target(record);
    case RouteTargetField::EgressOnlyInternetGateway:
      return target(TargetKind::EgressOnlyInternetGateway, model::kNone);
    case RouteTargetField::LocalGateway:
      return target(TargetKind::LocalGateway, model::kNone);
    case RouteTargetField::CarrierGateway:
      return target(TargetKind::CarrierGateway, model::kNone);
    case RouteTargetField::CoreNetwork:
      return target(TargetKind::CoreNetwork, model::kNone);
    case RouteTargetField::Other:
      return target(TargetKind::Other, model::kNone);
    case RouteTargetField::Gateway:
      if (id == "local") return target(TargetKind::Local, model::kNone);
      if (id.starts_with("vgw-")) return target(TargetKind::VpnGateway, find(vgws_, id));
      if (id.starts_with("igw-")) return target(TargetKind::InternetGateway, model::kNone);
      if (id.starts_with("vpce-")) return endpoint_target(record);
      return target(TargetKind::Other, model::kNone);
    case RouteTargetField::None:
      break;
  }
  return {TargetKind::Unknown, model::kNone, "an unknown target"};
}

// A VPC endpoint as a route target: a gateway endpoint (S3, DynamoDB) is the target of its
// service's prefix-list route only; an endpoint on a CIDR route is a Gateway Load Balancer's
// (AWS-FACTS §5.1). describe-vpc-endpoints, when exported, says so too.
model::RouteTarget ExportModelBuilder::endpoint_target(const RouteRecord& record) {
  const Index endpoint = find(vpc_endpoints_, record.target);
  const bool gateway = model::is_known_index(endpoint)
                           ? model_.vpc_endpoints[endpoint].type == model::EndpointType::Gateway
                           : record.to_prefix_list;
  return {gateway ? model::TargetKind::GatewayEndpoint : model::TargetKind::LoadBalancerEndpoint,
          endpoint, record.target};
}

void ExportModelBuilder::fill_route_tables(Scribe& out, size_t begin, size_t end,
                                           const std::vector<Index>& claimed) {
  for (size_t i = begin; i < end; ++i) {
    if (claimed[i] == model::kNone) continue;
    const RouteTableRecord& r = records_.route_tables[i];
    auto& routes = model_.route_tables[claimed[i]].routes;
    routes.reserve(r.routes.size());
    for (const RouteRecord& record : r.routes) {
      if (record.live) routes.push_back(route_of(out, record, r));
    }
  }
}

void ExportModelBuilder::fill_network_acls(Scribe& out, size_t begin, size_t end,
                                           const std::vector<Index>& claimed) {
  for (size_t i = begin; i < end; ++i) {
    if (claimed[i] == model::kNone) continue;
    const NetworkAclRecord& r = records_.network_acls[i];
    const Index a = claimed[i];
    for (const AclEntryRecord& record : r.entries) {
      model::NetworkAclEntry entry;
      entry.origin.location = record.location;
      entry.origin.name = out.text.keep(
          fmt::format("{} {} rule {}", r.id, record.egress ? "egress" : "ingress", record.number));
      entry.origin.type = "AWS::EC2::NetworkAclEntry";
      // Rule 32767 is the deny-all AWS adds to every ACL: a finding names the ACL, not it.
      constexpr int64_t kDefaultDenyRule = 32767;
      entry.origin.implicit = record.number == kDefaultDenyRule;
      entry.rule_number = static_cast<int>(record.number);
      entry.egress = record.egress;
      entry.cidr = readable_entry(out, record, r.id, entry)
                       ? cidr(out, record.cidr, record.location, r.id)
                       : Maybe<Cidr>::unknown(record.location, "the entry could not be read");
      model_.network_acls[a].entries.push_back(std::move(entry));
    }
  }
}

bool ExportModelBuilder::readable_entry(Scribe& out, const AclEntryRecord& record,
                                        std::string_view acl, model::NetworkAclEntry& entry) {
  if (!record.readable) return false;
  const auto protocol = protocol_number(record.protocol);
  if (!protocol || (record.action != "allow" && record.action != "deny")) {
    out.notes.notice(
        record.location,
        fmt::format("entry {} of {} has protocol '{}' and action '{}', not both known; "
                    "it is treated as unknown",
                    record.number, acl, record.protocol, record.action));
    return false;
  }
  entry.protocol = *protocol;
  entry.allow = record.action == "allow";
  if (*protocol != model::kTcp && *protocol != model::kUdp) return true;
  const auto ports = port_range(out, record.from, record.to, record.location, acl);
  if (ports) entry.ports = *ports;
  return ports.has_value();
}

std::vector<model::SgRule> ExportModelBuilder::rules_of(Scribe& out,
                                                        const PermissionRecord& permission,
                                                        const SecurityGroupRecord& group) {
  model::SgRule base;
  base.origin.location = permission.location;
  base.origin.name = out.text.join({group.id, " rule"});
  base.origin.type = "AWS::EC2::SecurityGroupRule";
  const auto protocol = protocol_number(permission.protocol);
  if (!permission.readable || !protocol) {
    base.peer = model::PeerKind::Unknown;
    base.unknown_reason = "the rule could not be read";
    return {base};
  }
  base.protocol = *protocol;
  if (base.protocol == model::kTcp || base.protocol == model::kUdp) {
    const auto ports =
        port_range(out, permission.from, permission.to, permission.location, group.id);
    if (!ports) {
      base.peer = model::PeerKind::Unknown;
      base.unknown_reason = "its port range is missing or invalid";
      return {base};
    }
    base.ports = *ports;
  }
  std::vector<model::SgRule> rules;
  for (const std::string_view text : permission.cidrs) {
    model::SgRule rule = base;
    rule.peer = model::PeerKind::Cidr;
    rule.cidr = cidr(out, text, permission.location, group.id);
    rules.push_back(std::move(rule));
  }
  for (const std::string_view id : permission.prefix_lists) {
    model::SgRule rule = base;
    rule.peer = model::PeerKind::PrefixList;
    rule.prefix_list = find(prefix_lists_, id);
    rules.push_back(std::move(rule));
  }
  for (const std::string_view id : permission.groups) {
    model::SgRule rule = base;
    rule.peer = model::PeerKind::SecurityGroup;
    rule.group = find(groups_, id);
    rules.push_back(std::move(rule));
  }
  return rules;
}

void ExportModelBuilder::fill_security_groups(Scribe& out, size_t begin, size_t end,
                                              const std::vector<Index>& claimed) {
  for (size_t i = begin; i < end; ++i) {
    if (claimed[i] == model::kNone) continue;
    const SecurityGroupRecord& r = records_.security_groups[i];
    model::SecurityGroup& group = model_.security_groups[claimed[i]];
    for (const PermissionRecord& permission : r.ingress) {
      for (model::SgRule& rule : rules_of(out, permission, r))
        group.ingress.push_back(std::move(rule));
    }
    for (const PermissionRecord& permission : r.egress) {
      for (model::SgRule& rule : rules_of(out, permission, r))
        group.egress.push_back(std::move(rule));
    }
  }
}

// ---- file systems ----

namespace {

model::FileSystemType file_system_type(std::string_view name) {
  if (name == "OPENZFS") return model::FileSystemType::OpenZfs;
  if (name == "ONTAP") return model::FileSystemType::Ontap;
  if (name == "WINDOWS") return model::FileSystemType::Windows;
  if (name == "LUSTRE") return model::FileSystemType::Lustre;
  return model::FileSystemType::Other;
}

}  // namespace

void ExportModelBuilder::add_file_systems(Scribe& out) {
  for (const FileSystemRecord& r : records_.file_systems) {
    if (!one_of(r.lifecycle, {"AVAILABLE", "UPDATING", ""})) {
      out.notes.notice(r.origin.location,
                       fmt::format("file system {} is {}: not checked", r.id, r.lifecycle));
      continue;
    }
    const Index f =
        add(out, model_.file_systems, file_systems_, r.origin, r.id, "AWS::FSx::FileSystem");
    if (f == model::kNone) continue;
    model::FileSystem& fs = model_.file_systems[f];
    fs.type = file_system_type(r.type);
    if (!r.deployment.empty())
      fs.deployment_type = std::string(r.deployment);
    else
      fs.deployment_type =
          Maybe<std::string>::unknown(r.origin.location, "the export has no DeploymentType");
    fs.floating_endpoint =
        r.deployment.starts_with("MULTI_AZ") &&
        (fs.type == model::FileSystemType::OpenZfs || fs.type == model::FileSystemType::Ontap);
    fs.vpc = find(vpcs_, r.vpc);
    for (const std::string_view subnet : r.subnets)
      fs.subnets.push_back(reference(subnets_, subnet, r.origin.location, "subnet"));
    fs.preferred_subnet = reference(subnets_, r.preferred_subnet, r.origin.location, "subnet");
    if (!r.range.empty()) fs.endpoint_range = cidr(out, r.range, r.origin.location, r.id);
    fs.endpoint_range_origin = fs.origin;
    if (const auto address = Cidr::parse_address(r.address))
      fs.endpoint_addresses.push_back(*address);
    for (const std::string_view table : r.route_tables)
      fs.route_tables.push_back(reference(route_tables_, table, r.origin.location, "route table"));
    fs.route_tables_given = r.has_route_tables;
    fs.route_tables_origin = fs.origin;
    // describe-file-systems does not return security groups: they are the interfaces' groups.
    fs.security_groups_given = true;
    for (const std::string_view id : r.interfaces) {
      const Index e = find(interfaces_, id);
      if (!model::is_known_index(e)) {
        fs.security_groups.push_back(Maybe<Index>::unknown(
            r.origin.location, fmt::format("network interface {} is not in the export", id)));
        continue;
      }
      fs.interfaces.push_back(e);
      for (const auto& group : model_.network_interfaces[e].groups) {
        const bool seen =
            std::any_of(fs.security_groups.begin(), fs.security_groups.end(),
                        [&](const auto& g) { return g.known() && group.known() && *g == *group; });
        if (!seen) fs.security_groups.push_back(group);
      }
    }
    if (r.interfaces.empty())
      fs.security_groups.push_back(Maybe<Index>::unknown(
          r.origin.location, "the export lists no network interfaces for the file system"));
    fs.explicit_endpoint_routes = fs.floating_endpoint && !fs.endpoint_addresses.empty();
  }
}

void ExportModelBuilder::add_storage_virtual_machines(Scribe& out) {
  for (const SvmRecord& r : records_.svms) {
    if (!one_of(r.lifecycle, {"CREATED", ""})) continue;
    const Index s = add(out, model_.storage_virtual_machines, svms_, r.origin, r.id,
                        "AWS::FSx::StorageVirtualMachine");
    const Index f = find(file_systems_, r.file_system);
    if (s == model::kNone || !model::is_known_index(f)) continue;
    model_.storage_virtual_machines[s].file_system = f;
    model::FileSystem& fs = model_.file_systems[f];
    for (const std::string_view text : r.nfs_addresses) {
      const auto address = Cidr::parse_address(text);
      if (address && std::find(fs.endpoint_addresses.begin(), fs.endpoint_addresses.end(),
                               *address) == fs.endpoint_addresses.end()) {
        fs.endpoint_addresses.push_back(*address);
      }
    }
    fs.explicit_endpoint_routes = fs.floating_endpoint && !fs.endpoint_addresses.empty();
  }
}

// Exports made with an AWS CLI older than the Multi-AZ fields print DeploymentType but drop
// EndpointIpAddress(Range), RouteTableIds and PreferredSubnetId: those file systems are not
// guessed at.
void ExportModelBuilder::check_multi_az_fields() {
  for (const FileSystemRecord& r : records_.file_systems) {
    const Index f = find(file_systems_, r.id);
    if (!model::is_known_index(f)) continue;
    model::FileSystem& fs = model_.file_systems[f];
    if (!fs.floating_endpoint) continue;
    const bool has_endpoint = !fs.endpoint_addresses.empty() || !r.range.empty();
    if (has_endpoint && r.has_route_tables) continue;
    const std::string why =
        "the export lacks its Multi-AZ fields (EndpointIpAddress, EndpointIpAddressRange, "
        "RouteTableIds): AWS "
        "CLI releases before mid-2023 do not print them; export again with a current CLI";
    fs.endpoint_range = Maybe<Cidr>::unknown(r.origin.location, why);
    fs.endpoint_addresses.clear();
    fs.explicit_endpoint_routes = false;
    if (!r.has_route_tables) {
      fs.route_tables = {Maybe<Index>::unknown(r.origin.location, why)};
      fs.route_tables_given = true;
    }
  }
}

// ---- the links, filled in parallel ----

template <typename Record>
std::vector<Index> ExportModelBuilder::claims(const std::vector<Record>& records, const IdMap& ids,
                                              size_t entities) {
  std::vector<Index> claimed(records.size(), model::kNone);
  std::vector<bool> taken(entities, false);
  for (size_t i = 0; i < records.size(); ++i) {
    const Index e = find(ids, records[i].id);
    if (!model::is_known_index(e) || taken[e]) continue;
    taken[e] = true;
    claimed[i] = e;
  }
  return claimed;
}

namespace {

// A slice of one kind of fill; slices write disjoint entities.
struct FillTask {
  int kind;  // 0 route tables, 1 ACLs, 2 security groups, 3 transit gateway routes
  size_t begin, end;
};

std::vector<FillTask> slice(int kind, size_t count, size_t pieces) {
  std::vector<FillTask> tasks;
  const size_t step = std::max<size_t>(1, (count + pieces - 1) / pieces);
  for (size_t begin = 0; begin < count; begin += step)
    tasks.push_back({kind, begin, std::min(count, begin + step)});
  return tasks;
}

}  // namespace

// Routes, ACL entries and security group rules are most of an organisation's model, and each
// belongs to one table, ACL or group: slices of them are filled on all cores, each worker writing
// names and notices to its own scribe, joined afterwards.
void ExportModelBuilder::fill_links() {
  const std::vector<Index> tables =
      claims(records_.route_tables, route_tables_, model_.route_tables.size());
  const std::vector<Index> acls = claims(records_.network_acls, acls_, model_.network_acls.size());
  const std::vector<Index> groups =
      claims(records_.security_groups, groups_, model_.security_groups.size());
  constexpr size_t kSlices = 32;  // per kind: enough for an even share among a few cores
  std::vector<FillTask> tasks = {{3, 0, 0}};  // the transit gateway routes: one task
  for (auto [kind, count] : {std::pair{0, tables.size()}, {1, acls.size()}, {2, groups.size()}}) {
    for (const FillTask& task : slice(kind, count, kSlices)) tasks.push_back(task);
  }
  const auto fill = [&](size_t t, Scribe& out) {
    const FillTask& task = tasks[t];
    switch (task.kind) {
      case 0:
        return fill_route_tables(out, task.begin, task.end, tables);
      case 1:
        return fill_network_acls(out, task.begin, task.end, acls);
      case 2:
        return fill_security_groups(out, task.begin, task.end, groups);
      default:
        return fill_tgw_routes(out);
    }
  };
  constexpr size_t kEntitiesPerThread = 2000;  // fewer are not worth a thread
  const size_t entities = tables.size() + acls.size() + groups.size();
  join(parallel_for<Scribe>(tasks.size(), workers_for(entities, kEntitiesPerThread), fill));
}

}  // namespace reachlint::export_detail
