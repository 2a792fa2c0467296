// The graph as a Mermaid flowchart: VPCs and transit gateways as subgraphs, marks as classes
// (nodes), styles (subgraphs) and linkStyle lines (edges, by their order in the file).
#include <algorithm>
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "linter/output/graph_internal.h"

namespace reachlint::output::graph {

namespace {

constexpr std::string_view kBrokenStyle = "stroke:#d00,stroke-width:2px,color:#d00";
constexpr std::string_view kUnknownStyle = "stroke:#888,stroke-dasharray:4 3,color:#666";

// Labels are quoted; inside them Mermaid reads entity codes (#quot;), HTML (<br>) and Markdown
// (a leading backtick), and backslashes as escapes: each such character is written as a code.
constexpr std::pair<char, std::string_view> kCodes[] = {
    {'"', "#quot;"}, {'#', "#35;"}, {'&', "#amp;"}, {'<', "#lt;"},
    {'>', "#gt;"},   {'`', "#96;"}, {'\\', "#92;"}};

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto* code = std::find_if(std::begin(kCodes), std::end(kCodes),
                                    [c](const auto& entry) { return entry.first == c; });
    if (code != std::end(kCodes))
      out += code->second;
    else
      out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
  }
  return out;
}

std::string quoted_lines(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "<br>" : "") + escaped(lines[i]);
  return out + "\"";
}

struct Brackets {
  std::string_view open;
  std::string_view close;
};

// In Shape's order: rectangle, rounded, hexagon, rounded, stadium, rhombus, trapezoid,
// cylinder, subroutine, parallelogram, flag, rectangle.
constexpr Brackets kBrackets[] = {{"[", "]"},   {"(", ")"},   {"{{", "}}"},  {"(", ")"},
                                  {"([", "])"}, {"{", "}"},   {"[/", "\\]"}, {"[(", ")]"},
                                  {"[[", "]]"}, {"[/", "/]"}, {">", "]"},    {"[", "]"}};
static_assert(std::size(kBrackets) == static_cast<size_t>(Shape::Placeholder) + 1);

void write_node(const Node& node, std::string_view indent, std::string& out) {
  const Brackets brackets = kBrackets[static_cast<size_t>(node.shape)];
  out += fmt::format("{}{}{}{}{}\n", indent, node.short_id, brackets.open, quoted_lines(node.label),
                     brackets.close);
}

std::string_view end_id(const Graph& graph, End end) {
  return end.cluster ? graph.clusters[end.index].short_id : graph.nodes[end.index].short_id;
}

void write_edge(const Graph& graph, const Edge& edge, std::string& out) {
  const bool plain = edge.line == Line::Solid;
  const std::string_view arrow = edge.directed ? (plain ? "-->" : "-.->") : (plain ? "---" : "-.-");
  const std::string label = edge.label.empty() ? "" : fmt::format("|{}|", quoted_lines(edge.label));
  out +=
      fmt::format("  {} {}{} {}\n", end_id(graph, edge.from), arrow, label, end_id(graph, edge.to));
}

// "class a,b broken" for nodes, "style x ..." for subgraphs, "linkStyle 1,2 ..." for edges.
void write_marks(const Graph& graph, std::string& out) {
  out += fmt::format("  classDef broken {}\n  classDef unknown {}\n", kBrokenStyle, kUnknownStyle);
  for (const Mark mark : {Mark::Broken, Mark::Unknown}) {
    const std::string_view name = mark == Mark::Broken ? "broken" : "unknown";
    const std::string_view style = mark == Mark::Broken ? kBrokenStyle : kUnknownStyle;
    std::vector<std::string_view> nodes;
    for (const Node& node : graph.nodes) {
      if (node.mark == mark) nodes.push_back(node.short_id);
    }
    if (!nodes.empty()) out += fmt::format("  class {} {}\n", fmt::join(nodes, ","), name);
    for (const Cluster& cluster : graph.clusters) {
      if (cluster.mark == mark) out += fmt::format("  style {} {}\n", cluster.short_id, style);
    }
    std::vector<size_t> edges;
    for (size_t e = 0; e < graph.edges.size(); ++e) {
      if (graph.edges[e].mark == mark) edges.push_back(e);
    }
    if (!edges.empty()) out += fmt::format("  linkStyle {} {}\n", fmt::join(edges, ","), style);
  }
}

}  // namespace

std::string write_mermaid(const Graph& graph) {
  std::string out =
      "flowchart LR\n"
      "  %% reachlint graph: red = broken (a finding's subject, or a failed hop of a pair with a\n"
      "  %% finding; client edges name the rules), grey dashed = not known statically\n";
  const Placement placement = placement_of(graph);
  for (size_t c = 0; c < graph.clusters.size(); ++c) {
    const Cluster& cluster = graph.clusters[c];
    out += fmt::format("  subgraph {}[{}]\n", cluster.short_id, quoted_lines(cluster.label));
    for (const size_t n : placement.clusters[c]) write_node(graph.nodes[n], "    ", out);
    out += "  end\n";
  }
  for (const size_t n : placement.top) write_node(graph.nodes[n], "  ", out);
  for (const Edge& edge : graph.edges) write_edge(graph, edge, out);
  write_marks(graph, out);
  return out;
}

}  // namespace reachlint::output::graph
