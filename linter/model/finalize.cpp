#include "linter/model/finalize.h"

#include <algorithm>

namespace reachlint::model {

namespace {

// `name` must outlive the model: a literal or a view the model already holds.
Origin implied(const Origin& parent, std::string_view name) {
  Origin origin = parent;
  origin.name = name;
  origin.implicit = true;
  return origin;
}

void add_local_routes(Model& model, const std::vector<bool>& listed) {
  for (Index t = 0; t < model.route_tables.size(); ++t) {
    RouteTable& table = model.route_tables[t];
    if (!is_known_index(table.vpc) || listed[t]) continue;
    std::vector<Route> local;
    for (const Maybe<Cidr>& block : model.vpcs[table.vpc].cidrs) {
      Route route;
      route.origin = implied(table.origin, "local");
      route.destination = block;
      route.target.kind = TargetKind::Local;
      route.target.id = "local";
      local.push_back(std::move(route));
    }
    table.routes.insert(table.routes.begin(), local.begin(), local.end());
  }
}

void apply_subnet_defaults(Model& model) {
  for (Subnet& subnet : model.subnets) {
    if (!is_known_index(subnet.vpc)) continue;
    const Vpc& vpc = model.vpcs[subnet.vpc];
    if (subnet.route_table == kNone) subnet.route_table = vpc.main_route_table;
    if (subnet.network_acl == kNone) subnet.network_acl = vpc.default_network_acl;
  }
}

Index default_table(const TransitGateway& tgw, const Maybe<Index>& configured) {
  if (configured.known()) return *configured;
  if (configured.is_unknown()) return kUnknownIndex;
  return tgw.default_route_table;
}

void apply_tgw_defaults(Model& model, const std::vector<bool>& as_exported) {
  for (Index a = 0; a < model.tgw_attachments.size(); ++a) {
    TgwAttachment& attachment = model.tgw_attachments[a];
    if (!is_known_index(attachment.tgw) || as_exported[a]) continue;
    const TransitGateway& tgw = model.transit_gateways[attachment.tgw];
    if (attachment.association == kNone && tgw.default_association) {
      attachment.association = default_table(tgw, tgw.association_default_table);
    }
    if (tgw.default_propagation) {
      const Index table = default_table(tgw, tgw.propagation_default_table);
      if (is_known_index(table))
        attachment.propagations.push_back(
            {table, implied(attachment.origin, attachment.origin.name)});
    }
  }
}

// A VPC attachment propagates its VPC's CIDRs into every table it propagates to.
void add_propagated_tgw_routes(Model& model) {
  for (Index a = 0; a < model.tgw_attachments.size(); ++a) {
    const TgwAttachment& attachment = model.tgw_attachments[a];
    if (attachment.kind != AttachmentKind::Vpc || !is_known_index(attachment.vpc)) continue;
    for (const TgwAttachment::Propagation& propagation : attachment.propagations) {
      for (const Maybe<Cidr>& block : model.vpcs[attachment.vpc].cidrs) {
        TgwRoute route;
        route.origin = propagation.origin;
        route.destination = block;
        route.attachment = a;
        route.propagated = true;
        model.tgw_route_tables[propagation.route_table].routes.push_back(std::move(route));
      }
    }
  }
}

SgRule allow_all(const Origin& group, std::string_view name, PeerKind peer, Index self) {
  SgRule rule;
  rule.origin = implied(group, name);
  rule.protocol = kAllProtocols;
  rule.peer = peer;
  if (peer == PeerKind::Cidr) rule.cidr = Cidr(0, 0);
  rule.group = self;
  return rule;
}

void add_default_group_rules(Model& model) {
  for (Index g = 0; g < model.security_groups.size(); ++g) {
    SecurityGroup& group = model.security_groups[g];
    if (group.rules_revoked) {
      group.ingress.clear();
      group.egress.clear();
      continue;
    }
    if (group.default_egress) {
      group.egress.push_back(allow_all(
          group.origin, "default egress rule (all traffic to 0.0.0.0/0)", PeerKind::Cidr, kNone));
    }
    if (group.vpc_default) {
      group.ingress.push_back(allow_all(group.origin,
                                        "default ingress rule (all traffic from the group itself)",
                                        PeerKind::SecurityGroup, g));
    }
  }
}

NetworkAclEntry acl_entry(const Origin& acl, int number, bool egress, bool allow) {
  NetworkAclEntry entry;
  entry.origin =
      implied(acl, number == 32767 ? "implicit deny (rule *)" : "default rule 100 (allow all)");
  entry.rule_number = number;
  entry.egress = egress;
  entry.allow = allow;
  entry.protocol = kAllProtocols;
  entry.cidr = Cidr(0, 0);
  return entry;
}

void complete_network_acls(Model& model) {
  for (NetworkAcl& acl : model.network_acls) {
    if (acl.implicit_default_rules) {
      acl.entries.push_back(acl_entry(acl.origin, 100, false, true));
      acl.entries.push_back(acl_entry(acl.origin, 100, true, true));
    }
    // Exports list the implicit deny themselves.
    for (const bool egress : {false, true}) {
      const bool listed = std::any_of(
          acl.entries.begin(), acl.entries.end(),
          [&](const NetworkAclEntry& e) { return e.rule_number == 32767 && e.egress == egress; });
      if (!listed) acl.entries.push_back(acl_entry(acl.origin, 32767, egress, false));
    }
    std::stable_sort(acl.entries.begin(), acl.entries.end(),
                     [](const NetworkAclEntry& a, const NetworkAclEntry& b) {
                       return a.rule_number < b.rule_number;
                     });
  }
}

Index vpc_of_subnet(const Model& model, const Maybe<Index>& subnet) {
  return subnet.known() ? model.subnets[*subnet].vpc : kNone;
}

void complete_file_systems(Model& model) {
  for (FileSystem& fs : model.file_systems) {
    for (const Maybe<Index>& subnet : fs.subnets) {
      if (fs.vpc == kNone && is_known_index(vpc_of_subnet(model, subnet)))
        fs.vpc = vpc_of_subnet(model, subnet);
    }
    if (!is_known_index(fs.vpc)) continue;
    const Vpc& vpc = model.vpcs[fs.vpc];
    if (!fs.route_tables_given) fs.route_tables = {Maybe<Index>(vpc.main_route_table)};
    if (!fs.security_groups_given) fs.security_groups = {Maybe<Index>(vpc.default_security_group)};
  }
}

void complete_instances(Model& model) {
  for (Instance& instance : model.instances) {
    if (instance.network_interface != kNone) {
      const NetworkInterface& eni = model.network_interfaces[instance.network_interface];
      if (instance.subnet.absent()) instance.subnet = eni.subnet;
      if (!instance.groups_given) {
        instance.groups = eni.groups;
        instance.groups_given = !eni.groups.empty();
      }
      if (!instance.address) instance.address = eni.address;
    }
    const Index vpc = vpc_of_subnet(model, instance.subnet);
    if (!instance.groups_given && is_known_index(vpc)) {
      instance.groups = {Maybe<Index>(model.vpcs[vpc].default_security_group)};
    }
  }
}

std::vector<bool> marks(const std::vector<Index>& indexes, size_t count) {
  std::vector<bool> marked(count, false);
  for (const Index i : indexes) marked[i] = true;
  return marked;
}

}  // namespace

void finalize(Model& model, const WrittenOut& written_out) {
  add_local_routes(model, marks(written_out.route_tables, model.route_tables.size()));
  apply_subnet_defaults(model);
  apply_tgw_defaults(model, marks(written_out.tgw_attachments, model.tgw_attachments.size()));
  add_propagated_tgw_routes(model);
  add_default_group_rules(model);
  complete_network_acls(model);
  complete_file_systems(model);
  complete_instances(model);
}

}  // namespace reachlint::model
