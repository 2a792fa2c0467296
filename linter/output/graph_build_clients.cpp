// File systems, the clients analysed against them, and the security groups and network ACLs
// that block them. Instances appear only as clients, and filters only when they block a broken
// pair: everything else about them is in `check` and `explain`.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "linter/output/graph_internal.h"

namespace reachlint::output::graph {

namespace {

std::string type_of(const model::FileSystem& fs) {
  static constexpr std::string_view kTypes[] = {"FSx for OpenZFS", "FSx for ONTAP",
                                                "FSx for Windows", "FSx for Lustre", "FSx"};
  const std::string_view type = kTypes[static_cast<size_t>(fs.type)];
  if (fs.deployment_type.known()) return fmt::format("{} {}", type, *fs.deployment_type);
  return fmt::format("{}, deployment {}", type,
                     fs.deployment_type.is_unknown() ? "unknown" : "not set");
}

// The description `check` uses is a sentence; a label wants the addresses.
std::string endpoint_of(const model::FileSystem& fs, const analysis::FileSystemAnalysis* a) {
  if (!a || !a->endpoint.known) return "endpoint unknown";
  const analysis::Endpoint& endpoint = a->endpoint;
  if (!endpoint.floating) return "ENIs in " + endpoint.addresses.str();
  if (!endpoint.range_defaulted) return "endpoint " + endpoint.description;
  if (fs.type == model::FileSystemType::Ontap)
    return "endpoint: a range AWS picks in 198.19.0.0/16";
  std::vector<std::string> blocks;
  for (const Cidr& block : endpoint.addresses.blocks) blocks.push_back(block.str());
  return fmt::format("endpoint: a /28 AWS picks in {}", fmt::join(blocks, ", "));
}

// The subnets a trace passes through: the client's, the file system's, the attachments'.
std::vector<model::Index> path_subnets(const model::Model& model,
                                       const analysis::FileSystemAnalysis& a,
                                       const analysis::Trace& trace) {
  std::vector<model::Index> subnets{trace.client->subnet};
  subnets.insert(subnets.end(), a.endpoint.subnets.begin(), a.endpoint.subnets.end());
  for (const analysis::Hop& hop : trace.hops) {
    if (hop.resource.kind != model::Kind::TgwAttachment ||
        !model::is_known_index(hop.resource.index))
      continue;
    for (const auto& s : model.tgw_attachments[hop.resource.index].subnets) {
      if (s.known()) subnets.push_back(*s);
    }
  }
  return subnets;
}

}  // namespace

void GraphBuilder::add_file_systems() {
  std::vector<const analysis::FileSystemAnalysis*> analyses(model_.file_systems.size(), nullptr);
  for (const analysis::FileSystemAnalysis& a : input_.analyses) {
    if (a.file_system < analyses.size()) analyses[a.file_system] = &a;
  }
  for (model::Index f = 0; f < model_.file_systems.size(); ++f) {
    const model::FileSystem& fs = model_.file_systems[f];
    const End self{
        add_entity({model::Kind::FileSystem, f}, Shape::FileSystem,
                   {std::string(fs.origin.name), type_of(fs), endpoint_of(fs, analyses[f])},
                   vpc_cluster(fs.vpc))};
    const model::Index preferred =
        fs.preferred_subnet.known() ? *fs.preferred_subnet : model::kNone;
    for (const auto& s : fs.subnets) {
      if (!s.known()) continue;
      std::vector<std::string> label;
      if (preferred != model::kNone && fs.subnets.size() > 1)
        label.push_back(*s == preferred ? "preferred" : "standby");
      add_edge(self, {node_of({model::Kind::Subnet, *s})}, std::move(label));
    }
  }
}

// Clients known from broad evidence alone are checked for an asymmetric path only: they are
// drawn when that check fails, not otherwise (they are not intended clients).
void GraphBuilder::add_clients(const analysis::FileSystemAnalysis& a) {
  for (const analysis::Trace& trace : a.traces) {
    if (trace.client->evidence == analysis::Evidence::Broad && !marks_.broken(a, trace)) continue;
    for (const analysis::ClientMember& member : trace.client->members)
      add_client_edge(a, trace, member);
  }
}

void GraphBuilder::add_client_edge(const analysis::FileSystemAnalysis& a,
                                   const analysis::Trace& trace,
                                   const analysis::ClientMember& member) {
  const size_t from = client_node(*trace.client, member);
  const size_t to = node_of({model::Kind::FileSystem, a.file_system});
  if (!client_edges_.insert({from, to}).second) return;
  const std::vector<std::string>& codes = marks_.codes_of(a.file_system, member);
  if (!codes.empty()) {
    add_edge({from}, {to}, {fmt::format("{}", fmt::join(codes, ", "))}, Line::Dashed, Mark::Broken);
  } else if (analysis::has_unknown_hop(trace)) {
    add_edge({from}, {to}, {"not known statically"}, Line::Dashed, Mark::Unknown);
  } else {
    add_edge({from}, {to}, {}, Line::Dashed);
  }
}

// A subnet client is its subnet's node; an instance or interface gets a node beside its
// subnet; a CIDR outside every modelled VPC gets a node of its own.
size_t GraphBuilder::client_node(const analysis::ClientGroup& group,
                                 const analysis::ClientMember& member) {
  if (!member.entity.valid()) {
    const std::string key = "client:" + member.id;
    if (const auto found = placeholders_.find(key); found != placeholders_.end())
      return found->second;
    const size_t node = add_node(key, fmt::format("net{}", placeholders_.size()), Shape::Network,
                                 {member.id, "client network"}, kNoIndex, Mark::None);
    placeholders_.emplace(key, node);
    return node;
  }
  if (const size_t node = node_of(member.entity); node != kNoIndex) return node;
  const model::Origin& origin = model_.origin(member.entity);
  std::vector<std::string> label{std::string(origin.name)};
  std::optional<uint32_t> address;
  if (member.entity.kind == model::Kind::Instance)
    address = model_.instances[member.entity.index].address;
  else if (member.entity.kind == model::Kind::NetworkInterface)
    address = model_.network_interfaces[member.entity.index].address;
  if (address) label.push_back(format_address(*address));
  const model::Index vpc =
      model::is_known_index(group.subnet) ? model_.subnets[group.subnet].vpc : model::kNone;
  const size_t node =
      add_entity(member.entity, Shape::Instance, std::move(label), vpc_cluster(vpc));
  add_edge({node}, {node_of({model::Kind::Subnet, group.subnet})}, {}, Line::Dotted, Mark::None,
           false);
  return node;
}

size_t GraphBuilder::filter_node(model::EntityRef filter) {
  if (const size_t node = node_of(filter); node != kNoIndex) return node;
  const bool group = filter.kind == model::Kind::SecurityGroup;
  const model::Index vpc =
      group ? model_.security_groups[filter.index].vpc : model_.network_acls[filter.index].vpc;
  return add_entity(
      filter, Shape::Filter,
      {std::string(model_.origin(filter).name), group ? "security group" : "network ACL"},
      vpc_cluster(vpc));
}

// Failed filters of broken pairs, beside what they guard; a filter that is only a finding's
// subject stands alone.
void GraphBuilder::add_filters() {
  for (const FilterUse& use : marks_.filters) add_filter_edges(use, filter_node(use.filter));
  for (const model::Kind kind : {model::Kind::SecurityGroup, model::Kind::NetworkAcl}) {
    for (model::Index i = 0; i < marks_.entities[static_cast<size_t>(kind)].size(); ++i) {
      if (marks_.of({kind, i}) == Mark::Broken) filter_node({kind, i});
    }
  }
}

void GraphBuilder::add_filter_edges(const FilterUse& use, size_t filter) {
  std::vector<size_t> guarded;
  if (use.filter.kind == model::Kind::SecurityGroup && !use.egress) {
    guarded.push_back(node_of({model::Kind::FileSystem, use.analysis->file_system}));
  } else if (use.filter.kind == model::Kind::SecurityGroup) {
    for (const analysis::ClientMember& member : use.trace->client->members)
      guarded.push_back(client_node(*use.trace->client, member));
  } else {
    for (const model::Index s : path_subnets(model_, *use.analysis, *use.trace)) {
      if (model::is_known_index(s) && model_.subnets[s].network_acl == use.filter.index)
        guarded.push_back(node_of({model::Kind::Subnet, s}));
    }
  }
  for (const size_t node : guarded) {
    if (node == kNoIndex || !filter_edges_.insert({filter, node}).second) continue;
    add_edge({filter}, {node}, {}, Line::Dotted, Mark::Broken, false);
  }
}

}  // namespace reachlint::output::graph
