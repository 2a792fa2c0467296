// Readers for security groups, network ACLs and prefix lists.
#include <algorithm>

#include <fmt/format.h>

#include "linter/ingest/cloudformation/template_model_builder.h"
#include "linter/ingest/common/aws_keys.h"
#include "linter/ingest/common/protocol_names.h"

namespace reachlint {

using model::Index;
using model::Kind;
using model::Maybe;

void TemplateModelBuilder::read_security_group(const ResourceContext& r) {
  const Index index = entity_index(r);
  const Maybe<Index> vpc = reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  if (vpc.absent()) {
    diagnostics_.notice(r.origin.location,
                        fmt::format("security group {} has no VpcId: it belongs to the "
                                    "account's default VPC, which is not among the inputs",
                                    r.origin.name));
  }
  model_.security_groups[index].vpc = vpc.known() ? *vpc : model::kNone;
  const auto read_rules = [&](std::string_view property, bool egress) {
    std::vector<model::SgRule> rules;
    const Value list = prop(r, property);
    if (list.is_absent()) return rules;
    if (!list.is_list()) {
      if (list.is_unknown())
        note_unknown(r, list, property);
      else
        error(list.location, fmt::format("{} of {} must be a list", property, r.origin.name));
      return rules;
    }
    for (size_t i = 0; i < list.items.size(); ++i) {
      model::Origin origin = r.origin;
      origin.location = list.items[i].location;
      origin.pointer =
          model_.text.keep(fmt::format("{}/Properties/{}/{}", r.origin.pointer, property, i));
      if (auto rule = sg_rule(r, list.items[i], origin, egress)) rules.push_back(std::move(*rule));
    }
    return rules;
  };
  std::vector<model::SgRule> ingress = read_rules(aws_keys::kSecurityGroupIngress, false);
  std::vector<model::SgRule> egress = read_rules(aws_keys::kSecurityGroupEgress, true);
  model::SecurityGroup& group = model_.security_groups[index];
  group.default_egress = prop(r, aws_keys::kSecurityGroupEgress).is_absent();
  group.ingress.insert(group.ingress.end(), ingress.begin(), ingress.end());
  group.egress.insert(group.egress.end(), egress.begin(), egress.end());
}

void TemplateModelBuilder::read_security_group_rule(const ResourceContext& r) {
  const bool egress = r.type == "AWS::EC2::SecurityGroupEgress";
  const Value group_id = prop(r, aws_keys::kGroupId);
  if (group_id.is_absent()) {
    diagnostics_.notice(r.origin.location,
                        fmt::format("{} names its group by GroupName, which only the default "
                                    "VPC uses; the rule is not checked",
                                    r.origin.name));
    return;
  }
  const Maybe<Index> group = reference(r, group_id, Kind::SecurityGroup, aws_keys::kGroupId);
  Value rule;
  rule.kind = Value::Kind::Object;
  rule.tmpl = r.tmpl;
  rule.object = templates_.templates[r.tmpl].properties(*r.resource);
  rule.location = r.origin.location;
  if (!rule.object) {
    error(r.origin.location, fmt::format("{} needs Properties", r.origin.name));
    return;
  }
  auto parsed = sg_rule(r, rule, r.origin, egress);
  if (!parsed || !group.known()) return;
  auto& rules =
      egress ? model_.security_groups[*group].egress : model_.security_groups[*group].ingress;
  rules.push_back(std::move(*parsed));
}

std::optional<model::SgRule> TemplateModelBuilder::sg_rule(const ResourceContext& r,
                                                           const Value& rule, model::Origin origin,
                                                           bool egress) {
  if (rule.kind != Value::Kind::Object) {
    if (rule.is_unknown())
      note_unknown(r, rule, "a security group rule");
    else
      error(rule.location,
            fmt::format("a security group rule of {} must be an object", r.origin.name));
    return std::nullopt;
  }
  model::SgRule out;
  out.origin = std::move(origin);
  const Value protocol = prop_of(r, rule, aws_keys::kIpProtocol);
  const auto protocol_text = text(r, protocol, aws_keys::kIpProtocol);
  if (!protocol_text) {
    if (protocol.is_absent())
      error(rule.location,
            fmt::format("a security group rule of {} needs IpProtocol", r.origin.name));
    return std::nullopt;
  }
  const auto number = protocol_number(*protocol_text);
  if (!number) {
    error(protocol.location, fmt::format("IpProtocol '{}' of {} is not a protocol name or number",
                                         *protocol_text, r.origin.name));
    return std::nullopt;
  }
  out.protocol = *number;
  if (out.protocol == model::kTcp || out.protocol == model::kUdp) {
    const auto from =
        integer(r, prop_of(r, rule, aws_keys::kFromPort), aws_keys::kFromPort, -1, 65535);
    const auto to = integer(r, prop_of(r, rule, aws_keys::kToPort), aws_keys::kToPort, -1, 65535);
    if (!from || !to) {
      if (prop_of(r, rule, aws_keys::kFromPort).is_absent() ||
          prop_of(r, rule, aws_keys::kToPort).is_absent()) {
        error(rule.location, fmt::format("a {} rule of {} needs FromPort and ToPort",
                                         *protocol_text, r.origin.name));
      }
      return std::nullopt;
    }
    if (*from == -1 && *to == -1)
      out.ports = {0, 65535};
    else if (*from < 0 || *to < 0 || *from > *to) {
      error(rule.location,
            fmt::format("port range {}-{} of {} is not valid", *from, *to, r.origin.name));
      return std::nullopt;
    } else
      out.ports = {static_cast<uint16_t>(*from), static_cast<uint16_t>(*to)};
  }
  const std::string_view prefix_key =
      egress ? aws_keys::kDestinationPrefixListId : aws_keys::kSourcePrefixListId;
  const std::string_view group_key =
      egress ? aws_keys::kDestinationSecurityGroupId : aws_keys::kSourceSecurityGroupId;
  const Value cidr_value = prop_of(r, rule, aws_keys::kCidrIp);
  const Value prefix_value = prop_of(r, rule, prefix_key);
  const Value group_value = prop_of(r, rule, group_key);
  if (!cidr_value.is_absent()) {
    out.peer = model::PeerKind::Cidr;
    out.cidr = cidr(r, cidr_value, aws_keys::kCidrIp);
  } else if (!prefix_value.is_absent()) {
    out.peer = model::PeerKind::PrefixList;
    const Maybe<Index> list = reference(r, prefix_value, Kind::PrefixList, prefix_key);
    out.prefix_list = list.known() ? *list : model::kUnknownIndex;
  } else if (!group_value.is_absent()) {
    out.peer = model::PeerKind::SecurityGroup;
    const Maybe<Index> group = reference(r, group_value, Kind::SecurityGroup, group_key);
    out.group = group.known() ? *group : model::kUnknownIndex;
  } else if (!prop_of(r, rule, aws_keys::kCidrIpv6).is_absent()) {
    return std::nullopt;  // IPv6-only rules do not affect IPv4 paths
  } else if (!egress && !prop_of(r, rule, aws_keys::kSourceSecurityGroupName).is_absent()) {
    out.peer = model::PeerKind::Unknown;
    out.unknown_reason = "a group named by SourceSecurityGroupName (default VPC only)";
  } else {
    error(
        rule.location,
        fmt::format("a security group rule of {} needs CidrIp, CidrIpv6, a prefix list or a group",
                    r.origin.name));
    return std::nullopt;
  }
  return out;
}

void TemplateModelBuilder::read_restrict_default_sg(const ResourceContext& r) {
  const Value group_id = prop(r, aws_keys::kDefaultSecurityGroupId);
  const Maybe<Index> group =
      reference(r, group_id, Kind::SecurityGroup, aws_keys::kDefaultSecurityGroupId);
  if (group.known()) model_.security_groups[*group].rules_revoked = true;
}

void TemplateModelBuilder::read_network_acl(const ResourceContext& r) {
  const Maybe<Index> vpc = reference(r, prop(r, aws_keys::kVpcId), Kind::Vpc, aws_keys::kVpcId);
  if (vpc.known()) model_.network_acls[entity_index(r)].vpc = *vpc;
}

void TemplateModelBuilder::read_network_acl_entry(const ResourceContext& r) {
  const Maybe<Index> acl =
      reference(r, prop(r, aws_keys::kNetworkAclId), Kind::NetworkAcl, aws_keys::kNetworkAclId);
  model::NetworkAclEntry entry;
  entry.origin = r.origin;
  const auto number = integer(r, prop(r, aws_keys::kRuleNumber), aws_keys::kRuleNumber, 1, 32766);
  const auto protocol = integer(r, prop(r, aws_keys::kProtocol), aws_keys::kProtocol, -1, 255);
  const auto action = text(r, prop(r, aws_keys::kRuleAction), aws_keys::kRuleAction);
  std::string lowered = action.value_or("");
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (action && lowered != "allow" && lowered != "deny") {
    error(prop_location(r, aws_keys::kRuleAction),
          fmt::format("RuleAction of {} must be allow or deny", r.origin.name));
    return;
  }
  if (!number || !protocol || !action) {
    if (prop(r, aws_keys::kRuleNumber).is_absent() || prop(r, aws_keys::kProtocol).is_absent() ||
        prop(r, aws_keys::kRuleAction).is_absent()) {
      error(r.origin.location,
            fmt::format("network ACL entry {} needs RuleNumber, Protocol and RuleAction",
                        r.origin.name));
    }
    return;
  }
  entry.rule_number = static_cast<int>(*number);
  entry.protocol = static_cast<int>(*protocol);
  entry.allow = lowered == "allow";
  entry.egress = boolean(r, prop(r, aws_keys::kEgress), aws_keys::kEgress).value_or(false);
  const Value block = prop(r, aws_keys::kCidrBlock);
  if (block.is_absent()) return;  // an IPv6 entry: reachlint checks IPv4 paths
  entry.cidr = cidr(r, block, aws_keys::kCidrBlock);
  if (entry.protocol == model::kTcp || entry.protocol == model::kUdp) {
    const Value range = prop(r, aws_keys::kPortRange);
    const auto from = integer(r, prop_of(r, range, aws_keys::kFrom), "PortRange.From", 0, 65535);
    const auto to = integer(r, prop_of(r, range, aws_keys::kTo), "PortRange.To", 0, 65535);
    if (!from || !to || *from > *to) {
      if (from && to)
        error(prop_location(r, aws_keys::kPortRange),
              fmt::format("PortRange of {} is empty", r.origin.name));
      else if (range.is_absent())
        error(r.origin.location,
              fmt::format("a TCP or UDP entry ({}) needs a PortRange", r.origin.name));
      return;
    }
    entry.ports = {static_cast<uint16_t>(*from), static_cast<uint16_t>(*to)};
  }
  if (!acl.known()) return;
  auto& entries = model_.network_acls[*acl].entries;
  for (const model::NetworkAclEntry& other : entries) {
    if (other.rule_number == entry.rule_number && other.egress == entry.egress) {
      error(r.origin.location,
            fmt::format("{} rule number {} is used twice in {} ({} and {})",
                        entry.egress ? "egress" : "ingress", entry.rule_number,
                        model_.network_acls[*acl].origin.name, other.origin.name, r.origin.name));
      return;
    }
  }
  entries.push_back(std::move(entry));
}

void TemplateModelBuilder::read_subnet_network_acl_association(const ResourceContext& r) {
  const Maybe<Index> subnet =
      reference(r, prop(r, aws_keys::kSubnetId), Kind::Subnet, aws_keys::kSubnetId);
  const Maybe<Index> acl =
      reference(r, prop(r, aws_keys::kNetworkAclId), Kind::NetworkAcl, aws_keys::kNetworkAclId);
  if (!subnet.known()) return;
  model::Subnet& target = model_.subnets[*subnet];
  if (target.network_acl != model::kNone) {
    error(r.origin.location, fmt::format("subnet {} is associated with a second network ACL by {}",
                                         target.origin.name, r.origin.name));
    return;
  }
  target.network_acl = acl.known() ? *acl : model::kUnknownIndex;
}

void TemplateModelBuilder::read_prefix_list(const ResourceContext& r) {
  model::PrefixList& list = model_.prefix_lists[entity_index(r)];
  const auto family = text(r, prop(r, aws_keys::kAddressFamily), aws_keys::kAddressFamily);
  const Value entries = prop(r, aws_keys::kEntries);
  if (family && *family == "IPv6") {
    list.entries = std::vector<Cidr>{};
    return;
  }
  if (entries.is_unknown() || !entries.is_list()) {
    if (entries.is_unknown()) note_unknown(r, entries, aws_keys::kEntries);
    list.entries = entries.is_absent()
                       ? Maybe<std::vector<Cidr>>(std::vector<Cidr>{})
                       : Maybe<std::vector<Cidr>>::unknown(entries.location, "entries not known");
    return;
  }
  std::vector<Cidr> cidrs;
  for (const Value& entry : entries.items) {
    const Maybe<Cidr> block = cidr(r, prop_of(r, entry, aws_keys::kCidr), "Entries.Cidr");
    if (!block.known()) {
      list.entries =
          Maybe<std::vector<Cidr>>::unknown(entry.location, "an entry is not known statically");
      return;
    }
    cidrs.push_back(*block);
  }
  list.entries = std::move(cidrs);
}

}  // namespace reachlint
