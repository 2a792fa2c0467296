// Nodes, clusters and edges with unique keys: ids repeat across stacks (two templates may both
// have a "FileSystem"), so the second one gets "#2". Mermaid ids come from the entity index alone,
// so they need no escaping at all.
#include <fmt/format.h>

#include "linter/output/graph_internal.h"

namespace reachlint::output::graph {

std::vector<std::string> capped(std::vector<std::string> items, size_t limit) {
  if (items.size() <= limit) return items;
  const size_t more = items.size() - limit;
  items.resize(limit);
  items.push_back(fmt::format("+{} more", more));
  return items;
}

GraphBuilder::GraphBuilder(const GraphInput& input, const Marks& marks)
    : input_(input), model_(input.model), marks_(marks) {
  for (size_t k = 0; k < kKinds; ++k) nodes_[k].assign(marks.entities[k].size(), kNoIndex);
}

// Keys are compared as written: control characters (which dot writes as spaces) are spaces
// already, and a trailing backslash (which dot writes with a space after it) has its space.
std::string GraphBuilder::unique_key(const std::string& base) {
  std::string key = base;
  for (char& c : key) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  if (key.ends_with('\\')) key += ' ';
  const std::string stem = key;
  for (int n = 2; !keys_.insert(key).second; ++n) key = fmt::format("{}#{}", stem, n);
  return key;
}

size_t GraphBuilder::add_node(std::string key, std::string short_id, Shape shape,
                              std::vector<std::string> label, size_t cluster, Mark mark) {
  graph_.nodes.push_back(
      {unique_key(key), std::move(short_id), std::move(label), shape, cluster, mark});
  return graph_.nodes.size() - 1;
}

size_t GraphBuilder::add_entity(model::EntityRef ref, Shape shape, std::vector<std::string> label,
                                size_t cluster) {
  const model::EntityInfo& entity = model::entity_info(ref.kind);
  const model::Origin& origin = model_.origin(ref);
  const std::string name =
      origin.name.empty() ? fmt::format("#{}", ref.index) : std::string(origin.name);
  const size_t node = add_node(fmt::format("{}:{}", entity.graph_key, name),
                               fmt::format("{}{}", entity.graph_id, ref.index), shape,
                               std::move(label), cluster, marks_.of(ref));
  nodes_[static_cast<size_t>(ref.kind)][ref.index] = node;
  return node;
}

size_t GraphBuilder::add_cluster(std::string key, std::string short_id,
                                 std::vector<std::string> label, Mark mark) {
  graph_.clusters.push_back({unique_key(key), std::move(short_id), std::move(label), mark, false});
  return graph_.clusters.size() - 1;
}

void GraphBuilder::add_edge(End from, End to, std::vector<std::string> label, Line line, Mark mark,
                            bool directed) {
  if (from.index == kNoIndex || to.index == kNoIndex) return;
  if (to.cluster) graph_.clusters[to.index].anchored = true;
  if (from.cluster) graph_.clusters[from.index].anchored = true;
  graph_.edges.push_back({from, to, std::move(label), line, directed, mark});
}

size_t GraphBuilder::node_of(model::EntityRef ref) const {
  const auto& nodes = nodes_[static_cast<size_t>(ref.kind)];
  return model::is_known_index(ref.index) && ref.index < nodes.size() ? nodes[ref.index] : kNoIndex;
}

size_t GraphBuilder::vpc_cluster(model::Index vpc) const {
  return model::is_known_index(vpc) && vpc < vpc_clusters_.size() ? vpc_clusters_[vpc] : kNoIndex;
}

// A target the inputs name but do not describe (a transit gateway in another account, a literal
// id): drawn once, grey, because what lies behind it is not known.
size_t GraphBuilder::placeholder(std::string_view prefix, std::string_view id) {
  const std::string key = fmt::format("{}:{}", prefix, id.empty() ? "?" : id);
  if (const auto found = placeholders_.find(key); found != placeholders_.end())
    return found->second;
  const size_t node =
      add_node(key, fmt::format("ext{}", placeholders_.size()), Shape::Placeholder,
               {std::string(id.empty() ? "unknown target" : id), "not in the inputs"}, kNoIndex,
               Mark::Unknown);
  placeholders_.emplace(key, node);
  return node;
}

Graph GraphBuilder::build() {
  add_vpcs();
  add_subnets();
  add_route_tables();
  add_transit_gateways();
  add_attachments();
  add_peerings();
  add_vpn_gateways();
  add_file_systems();
  for (const analysis::FileSystemAnalysis& a : input_.analyses) add_clients(a);
  add_filters();
  for (model::Index t = 0; t < model_.route_tables.size(); ++t) add_route_edges(t);
  for (model::Index t = 0; t < model_.tgw_route_tables.size(); ++t) add_tgw_route_edges(t);
  return std::move(graph_);
}

}  // namespace reachlint::output::graph
