// The graph as Graphviz dot: VPCs and transit gateways as clusters, an edge to a VPC aimed at an
// invisible anchor inside its cluster and clipped at the border (compound=true, lhead).
#include <iterator>

#include <fmt/format.h>

#include "linter/output/graph_internal.h"

namespace reachlint::output::graph {

namespace {

// Inside quotes dot reads \" as a quote, and labels read \n, \N, \G ... as escapes: quotes and
// backslashes are escaped. Older Graphviz versions read \\" as \ and an escaped quote, so text that
// ends in a backslash gets a space after it (keys never do: the builder sees to that). Control
// characters (a newline inside a logical id) become spaces.
std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
  }
  if (text.ends_with('\\')) out += ' ';
  return out;
}

std::string quoted(std::string_view text) {
  return fmt::format("\"{}\"", escaped(text));
}

// Lines joined by dot's own line break, \n.
std::string quoted_lines(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\\n" : "") + escaped(lines[i]);
  return out + "\"";
}

struct Look {
  std::string_view shape;
  std::string_view style;
};

// In Shape's order.
constexpr Look kLooks[] = {{"box", ""},           {"box", "rounded"}, {"hexagon", ""},
                           {"box", "rounded"},    {"ellipse", ""},    {"diamond", ""},
                           {"trapezium", ""},     {"cylinder", ""},   {"component", ""},
                           {"parallelogram", ""}, {"octagon", ""},    {"box", ""}};
static_assert(std::size(kLooks) == static_cast<size_t>(Shape::Placeholder) + 1);

// The attributes a mark adds; `styles` collects the style list the caller writes once.
void add_mark(Mark mark, std::vector<std::string>& attributes, std::vector<std::string>& styles) {
  if (mark == Mark::Broken) {
    attributes.insert(attributes.end(), {"color=red", "penwidth=2", "fontcolor=red"});
  } else if (mark == Mark::Unknown) {
    attributes.insert(attributes.end(), {"color=grey50", "fontcolor=grey40"});
    styles.push_back("dashed");
  }
}

std::string attribute_list(std::vector<std::string> attributes,
                           const std::vector<std::string>& styles) {
  if (!styles.empty()) attributes.push_back(fmt::format("style=\"{}\"", fmt::join(styles, ",")));
  return fmt::format("[{}]", fmt::join(attributes, ", "));
}

void write_node(const Node& node, std::string_view indent, std::string& out) {
  const Look look = kLooks[static_cast<size_t>(node.shape)];
  std::vector<std::string> styles;
  if (!look.style.empty()) styles.emplace_back(look.style);
  std::vector<std::string> attributes{"label=" + quoted_lines(node.label),
                                      fmt::format("shape={}", look.shape)};
  add_mark(node.mark, attributes, styles);
  out += fmt::format("{}{} {};\n", indent, quoted(node.key), attribute_list(attributes, styles));
}

void write_cluster(const Graph& graph, size_t c, const std::vector<size_t>& nodes,
                   std::string& out) {
  const Cluster& cluster = graph.clusters[c];
  out += fmt::format("  subgraph {} {{\n", quoted("cluster:" + cluster.key));
  out += fmt::format("    label={};\n    style=rounded;\n", quoted_lines(cluster.label));
  if (cluster.mark == Mark::Broken) out += "    color=red;\n    penwidth=2;\n    fontcolor=red;\n";
  // An empty cluster is not drawn at all: the anchor keeps a VPC without subnets visible.
  if (cluster.anchored || nodes.empty())
    out += fmt::format("    {} [shape=point, style=invis, label=\"\"];\n", quoted(cluster.key));
  for (const size_t n : nodes) write_node(graph.nodes[n], "    ", out);
  out += "  }\n";
}

// An end in a cluster is its anchor node, and the edge is clipped at the cluster (lhead/ltail).
std::string end_id(const Graph& graph, End end, std::string_view clip,
                   std::vector<std::string>& attributes) {
  if (!end.cluster) return quoted(graph.nodes[end.index].key);
  const std::string& key = graph.clusters[end.index].key;
  attributes.push_back(fmt::format("{}={}", clip, quoted("cluster:" + key)));
  return quoted(key);
}

void write_edge(const Graph& graph, const Edge& edge, std::string& out) {
  std::vector<std::string> attributes;
  std::vector<std::string> styles;
  const std::string from = end_id(graph, edge.from, "ltail", attributes);
  const std::string to = end_id(graph, edge.to, "lhead", attributes);
  if (!edge.label.empty()) attributes.push_back("label=" + quoted_lines(edge.label));
  if (edge.line == Line::Dashed) styles.push_back("dashed");
  if (edge.line == Line::Dotted) styles.push_back("dotted");
  if (!edge.directed) attributes.push_back("dir=none");
  // A dashed or dotted edge keeps its line when unknown; only its colour changes.
  std::vector<std::string> mark_styles;
  add_mark(edge.mark, attributes, mark_styles);
  if (styles.empty()) styles = mark_styles;
  const std::string list = attributes.empty() && styles.empty()
                               ? ""
                               : fmt::format(" {}", attribute_list(attributes, styles));
  out += fmt::format("  {} -> {}{};\n", from, to, list);
}

}  // namespace

std::string write_dot(const Graph& graph) {
  std::string out =
      "digraph reachlint {\n"
      "  // reachlint graph: red = broken (a finding's subject, or a failed hop of a pair with a\n"
      "  // finding; client edges name the rules), grey dashed = not known statically\n"
      "  graph [rankdir=LR, compound=true, fontname=\"Helvetica\", fontsize=11];\n"
      "  node [fontname=\"Helvetica\", fontsize=10];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  const Placement placement = placement_of(graph);
  for (size_t c = 0; c < graph.clusters.size(); ++c)
    write_cluster(graph, c, placement.clusters[c], out);
  for (const size_t n : placement.top) write_node(graph.nodes[n], "  ", out);
  for (const Edge& edge : graph.edges) write_edge(graph, edge, out);
  return out + "}\n";
}

}  // namespace reachlint::output::graph
