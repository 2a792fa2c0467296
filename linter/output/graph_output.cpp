#include "linter/output/graph_output.h"

#include "linter/output/graph_internal.h"

namespace reachlint::output {

namespace graph {

Placement placement_of(const Graph& graph) {
  Placement placement;
  placement.clusters.resize(graph.clusters.size());
  for (size_t n = 0; n < graph.nodes.size(); ++n) {
    const size_t cluster = graph.nodes[n].cluster;
    (cluster == kNoIndex ? placement.top : placement.clusters[cluster]).push_back(n);
  }
  return placement;
}

}  // namespace graph

std::string format_graph(const GraphInput& input, GraphFormat format) {
  const graph::Marks marks = graph::mark_run(input);
  const graph::Graph graph = graph::GraphBuilder(input, marks).build();
  return format == GraphFormat::Mermaid ? graph::write_mermaid(graph) : graph::write_dot(graph);
}

}  // namespace reachlint::output
