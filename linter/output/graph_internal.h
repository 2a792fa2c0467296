// The graph `reachlint graph` draws, independent of the output format: clusters, nodes and edges
// in the order they are written, each with its mark. Marks come from the run (graph_marks.cpp),
// the graph from the model (graph_build*.cpp); graph_dot.cpp and graph_mermaid.cpp write it.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "linter/output/graph_output.h"

namespace reachlint::output::graph {

// A later mark wins over an earlier one: broken over unknown over nothing.
enum class Mark : uint8_t { None, Unknown, Broken };

// The writers' tables of shapes follow this order.
enum class Shape : uint8_t {
  Subnet,
  RouteTable,
  TransitGateway,
  TgwRouteTable,
  Attachment,
  Peering,
  VpnGateway,
  FileSystem,
  Instance,
  Network,      // a client known only by its CIDR
  Filter,       // a security group or network ACL on a broken hop
  Placeholder,  // a route target the inputs do not describe
};

enum class Line : uint8_t { Solid, Dashed, Dotted };

inline constexpr size_t kNoIndex = std::numeric_limits<size_t>::max();

struct Node {
  std::string key;                 // unique and readable, e.g. "subnet:FsxSubnetA" (dot id)
  std::string short_id;            // unique, [a-z0-9] only, e.g. "sn3" (mermaid id)
  std::vector<std::string> label;  // one entry per line
  Shape shape = Shape::Subnet;
  size_t cluster = kNoIndex;
  Mark mark = Mark::None;
};

struct Cluster {
  std::string key;  // as Node::key; dot writes "cluster:" + key, and key as its anchor node
  std::string short_id;
  std::vector<std::string> label;
  Mark mark = Mark::None;
  bool anchored = false;  // edges end at it: dot needs a node inside to aim them at
};

struct End {
  size_t index = kNoIndex;
  bool cluster = false;  // index into Graph::clusters rather than Graph::nodes
};

struct Edge {
  End from;
  End to;
  std::vector<std::string> label;
  Line line = Line::Solid;
  bool directed = true;
  Mark mark = Mark::None;
};

struct Graph {
  std::vector<Cluster> clusters;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

inline constexpr size_t kKinds = model::kKindCount;

// A failed security-group or network-ACL hop on a broken pair: the filter is drawn beside what
// it guards.
struct FilterUse {
  model::EntityRef filter;
  const analysis::FileSystemAnalysis* analysis = nullptr;
  const analysis::Trace* trace = nullptr;
  bool egress = false;
};

// What the run says about each entity, each route and each (file system, client) pair.
struct Marks {
  std::array<std::vector<Mark>, kKinds> entities;  // per kind, per entity index
  std::set<const model::Origin*> broken_routes;    // routes that decided a failed hop
  // Per file system, client id and the client's stack (ids repeat across stacks); sorted.
  std::map<std::tuple<model::Index, std::string, model::Index>, std::vector<std::string>> codes;
  std::vector<FilterUse> filters;

  Mark of(model::EntityRef ref) const;
  void raise(model::EntityRef ref, Mark mark);
  // The rule codes that fired for the pair; empty when none did.
  const std::vector<std::string>& codes_of(model::Index fs,
                                           const analysis::ClientMember& client) const;
  bool broken(const analysis::FileSystemAnalysis& a, const analysis::Trace& trace) const;
};

Marks mark_run(const GraphInput& input);

// Builds the graph in model index order, so that the same inputs give the same graph.
class GraphBuilder {
 public:
  GraphBuilder(const GraphInput& input, const Marks& marks);
  Graph build();

 private:
  // graph_build.cpp: the network.
  void add_vpcs();
  void add_subnets();
  void add_route_tables();
  void add_transit_gateways();
  void add_attachments();
  void add_peerings();
  void add_vpn_gateways();
  void add_route_edges(model::Index table);
  void add_tgw_route_edges(model::Index table);
  // graph_build_clients.cpp: file systems, their clients and the filters that block them.
  void add_file_systems();
  void add_clients(const analysis::FileSystemAnalysis& a);
  void add_client_edge(const analysis::FileSystemAnalysis& a, const analysis::Trace& trace,
                       const analysis::ClientMember& member);
  size_t client_node(const analysis::ClientGroup& group, const analysis::ClientMember& member);
  void add_filters();
  size_t filter_node(model::EntityRef filter);
  void add_filter_edges(const FilterUse& use, size_t filter);
  // graph_build_nodes.cpp: nodes, clusters and edges, with unique keys and ids.
  size_t add_entity(model::EntityRef ref, Shape shape, std::vector<std::string> label,
                    size_t cluster);
  size_t add_node(std::string key, std::string short_id, Shape shape,
                  std::vector<std::string> label, size_t cluster, Mark mark);
  size_t add_cluster(std::string key, std::string short_id, std::vector<std::string> label,
                     Mark mark);
  void add_edge(End from, End to, std::vector<std::string> label = {}, Line line = Line::Solid,
                Mark mark = Mark::None, bool directed = true);
  std::string unique_key(const std::string& base);
  size_t node_of(model::EntityRef ref) const;
  size_t placeholder(std::string_view prefix, std::string_view id);
  size_t vpc_cluster(model::Index vpc) const;

  const GraphInput& input_;
  const model::Model& model_;
  const Marks& marks_;
  Graph graph_;
  std::array<std::vector<size_t>, kKinds> nodes_;  // per kind, per entity index: its node
  std::vector<size_t> vpc_clusters_;
  std::vector<size_t> tgw_clusters_;
  std::set<std::string> keys_;                        // every key handed out (lookups only)
  std::map<std::string, size_t> placeholders_;        // unmodelled targets and CIDR clients, by key
  std::set<std::pair<size_t, size_t>> client_edges_;  // (client node, file system node) drawn
  std::set<std::pair<size_t, size_t>> filter_edges_;  // (filter node, guarded node) drawn
};

// Labels: at most `limit` items, then "+N more", so that a busy table stays readable.
std::vector<std::string> capped(std::vector<std::string> items, size_t limit);

// Where each node is written: inside its cluster, or at the top level.
struct Placement {
  std::vector<std::vector<size_t>> clusters;  // per cluster, its nodes in order
  std::vector<size_t> top;
};
Placement placement_of(const Graph& graph);

std::string write_dot(const Graph& graph);
std::string write_mermaid(const Graph& graph);

}  // namespace reachlint::output::graph
