// `reachlint graph`: dot that parses, the nodes and edges of the topology, what the run finds
// broken in red, Mermaid with sanitised ids, the same bytes for the same inputs, and usage errors.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "support.h"

using reachlint::Result;
using reachlint::test::DotEdge;
using reachlint::test::DotGraph;
using reachlint::test::fixture;
using reachlint::test::lines_of;
using reachlint::test::read_dot;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;

namespace {

// Dot that reads; every edge ends at a declared node: no node gets Graphviz's default look by
// accident.
DotGraph parse_dot(const std::string& text) {
  const Result<DotGraph> read = read_dot(text);
  if (!read) {
    BOOST_FAIL(read.error().message << " at byte " << read.error().location.offset << "\n" << text);
  }
  const DotGraph& graph = *read;
  for (const DotEdge& edge : graph.edges) {
    BOOST_TEST(graph.nodes.contains(edge.from), edge.from);
    BOOST_TEST(graph.nodes.contains(edge.to), edge.to);
  }
  return graph;
}

bool has_graphviz() {
  return std::system("command -v dot > /dev/null 2>&1") == 0;
}

// When Graphviz is installed, it must lay the graph out without complaint.
void check_with_graphviz(const std::string& text) {
  if (!has_graphviz()) return;
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("reachlint-graph-" + std::to_string(getpid()) + ".dot"))
                               .string();
  reachlint::test::write_file(path, text);
  const int status =
      std::system(("dot -Tsvg -o /dev/null '" + path + "' 2> '" + path + ".err'").c_str());
  BOOST_TEST(status == 0, reachlint::test::read_file(path + ".err"));
  BOOST_TEST(reachlint::test::read_file(path + ".err").empty(),
             reachlint::test::read_file(path + ".err"));
  std::filesystem::remove(path);
  std::filesystem::remove(path + ".err");
}

// Mermaid: the id of the node whose definition line holds `label`.
std::string mermaid_id(const std::string& text, const std::string& label) {
  static const std::regex kNode(R"(^\s+([a-z]+[0-9]+)[\[\(\{>].*)");
  for (const std::string& line : lines_of(text)) {
    std::smatch match;
    if (line.find(label) != std::string::npos && std::regex_match(line, match, kNode))
      return match[1];
  }
  return "";
}

// Mermaid: the position of the edge whose line holds `text`, counting every edge line.
int mermaid_edge_index(const std::string& mermaid, const std::string& text) {
  static const std::regex kEdge(
      R"(^  [a-z]+[0-9]+ (-->|-\.->|---|-\.-)(\|"[^|]*"\|)? [a-z]+[0-9]+$)");
  int index = 0;
  for (const std::string& line : lines_of(mermaid)) {
    if (!std::regex_match(line, kEdge)) continue;
    if (line.find(text) != std::string::npos) return index;
    ++index;
  }
  return -1;
}

// RL103-min-bad with logical ids that are hard to write in dot and Mermaid.
std::string awkward_template() {
  std::string text = reachlint::test::read_file(fixture("RL103-min-bad/template.json"));
  const std::vector<std::pair<std::string, std::string>> renames = {
      {R"("FsxVpc")", R"("Fsx\"Vpc\\")"},
      {R"("FsxSubnetA")", R"("end")"},
      {R"("FsxRouteTableA")", R"("a-b:c/d{x}[y];")"},
      {R"("ClientInstance")", R"("<b>i</b> #1 `t` &amp;")"},
      {R"("FileSystem")", R"("FS\nline|pipe")"},
      {R"("Tgw")", R"("-->x")"}};
  for (const auto& [from, to] : renames) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graph)

// The checker below would let nothing through that Graphviz rejects.
BOOST_AUTO_TEST_CASE(the_dot_checker_rejects_broken_dot) {
  for (const char* text :
       {"digraph { \"a\" -> \"b\"; ", "digraph { \"a\\\" -> b; }", "digraph { a -- b; }",
        "digraph { a [label] }", "digraph { subgraph x { a } ", "graph { a }", "digraph { a } }"}) {
    BOOST_TEST(!read_dot(text).ok(), text);
  }
  const Result<DotGraph> graph = read_dot("digraph g { // c\n \"a\\\"b\" -> c [x=\"1\"]; c; }");
  BOOST_TEST_REQUIRE(graph.ok());
  BOOST_TEST(graph->edges.at(0).from == "a\"b");
}

BOOST_AUTO_TEST_CASE(dot_draws_the_topology_with_the_broken_hops_red) {
  const auto result = run_cli({"graph", "--no-config", fixture("RL103-min-bad/template.json")});
  BOOST_TEST(result.exit == 0);
  BOOST_TEST(result.err == "");
  BOOST_TEST(result.out.starts_with("digraph reachlint {\n"));
  const DotGraph g = parse_dot(result.out);
  for (const char* node :
       {"subnet:FsxSubnetA", "subnet:FsxSubnetB", "subnet:ClientSubnetA", "rtb:FsxRouteTableA",
        "rtb:FsxRouteTableB", "rtb:ClientRouteTable", "tgw:Tgw", "tgw-rtb:Tgw.DefaultRouteTable",
        "attachment:TgwAttachmentFsx", "attachment:TgwAttachmentClient", "fs:FileSystem",
        "instance:ClientInstance"})
    BOOST_TEST(g.nodes.contains(node), node);
  BOOST_TEST(g.node_attribute("subnet:FsxSubnetA", "label") == "FsxSubnetA\\n10.0.0.0/24\\nAZ #0");
  BOOST_TEST(g.node_attribute("fs:FileSystem", "label") ==
             "FileSystem\\nFSx for OpenZFS MULTI_AZ_1\\nendpoint 10.0.255.240/28");
  // VPCs are clusters: an edge to one is clipped at its border.
  BOOST_TEST(std::count(g.subgraphs.begin(), g.subgraphs.end(), "cluster:vpc:FsxVpc") == 1);
  const DotEdge* into_vpc = g.edge("attachment:TgwAttachmentFsx", "vpc:FsxVpc");
  BOOST_TEST_REQUIRE(into_vpc);
  BOOST_TEST(into_vpc->attributes.at("lhead") == "cluster:vpc:FsxVpc");
  BOOST_TEST(g.edge("attachment:TgwAttachmentFsx", "tgw:Tgw"));
  BOOST_TEST(g.edge("subnet:FsxSubnetA", "rtb:FsxRouteTableA"));
  BOOST_TEST(g.edge("subnet:ClientSubnetA", "rtb:ClientRouteTable"));
  const DotEdge* route = g.edge("rtb:ClientRouteTable", "tgw:Tgw");
  BOOST_TEST_REQUIRE(route);
  BOOST_TEST(route->attributes.at("label") == "10.0.0.0/16");
  BOOST_TEST(g.edge("fs:FileSystem", "subnet:FsxSubnetA")->attributes.at("label") == "preferred");
  BOOST_TEST(g.edge("fs:FileSystem", "subnet:FsxSubnetB")->attributes.at("label") == "standby");
  // The replies cannot return: both file-system route tables are red, the client's is not.
  for (const char* table : {"rtb:FsxRouteTableA", "rtb:FsxRouteTableB"}) {
    BOOST_TEST(g.node_attribute(table, "color") == "red", table);
    BOOST_TEST(g.node_attribute(table, "penwidth") == "2", table);
  }
  BOOST_TEST(g.node_attribute("rtb:ClientRouteTable", "color") == "");
  const DotEdge* pair = g.edge("instance:ClientInstance", "fs:FileSystem");
  BOOST_TEST_REQUIRE(pair);
  BOOST_TEST(pair->attributes.at("label") == "RL103");
  BOOST_TEST(pair->attributes.at("color") == "red");
  BOOST_TEST(pair->attributes.at("style") == "dashed");
  check_with_graphviz(result.out);
}

BOOST_AUTO_TEST_CASE(a_clean_topology_has_nothing_red) {
  const auto result = run_cli({"graph", "--no-config", fixture("corpus-tgw-ok/template.json")});
  BOOST_TEST(result.exit == 0);
  const DotGraph g = parse_dot(result.out);
  BOOST_TEST(result.out.find("red") == result.out.find("red = broken"));  // only the legend
  const DotEdge* pair = g.edge("instance:InstanceC1063A87", "fs:FileSystem");
  BOOST_TEST_REQUIRE(pair);
  BOOST_TEST(!pair->attributes.contains("label"));
  BOOST_TEST(pair->attributes.at("style") == "dashed");
  BOOST_TEST(g.edge("attachment:TgwAttachmentFsxVpc", "tgw:Tgw"));
  check_with_graphviz(result.out);
}

BOOST_AUTO_TEST_CASE(exports_are_drawn_by_physical_id) {
  const auto result = run_cli({"graph", "--no-config", fixture("RL102-dump-bad/export")});
  BOOST_TEST(result.exit == 0);
  const DotGraph g = parse_dot(result.out);
  BOOST_TEST(g.node_attribute("rtb:rtb-c6ea8681d5499aab0", "color") == "red");
  BOOST_TEST(g.node_attribute("rtb:rtb-3efea1ec1013ae193", "color") == "");
  BOOST_TEST(g.node_attribute("subnet:subnet-40a7b1d4160adbf3f", "label") ==
             "subnet-40a7b1d4160adbf3f\\n10.1.1.0/24\\nap-northeast-1a");
  BOOST_TEST(g.edge("subnet:subnet-40a7b1d4160adbf3f", "rtb:rtb-c6ea8681d5499aab0"));
  const DotEdge* pair = g.edge("instance:i-e9668e91808ded59e", "fs:fs-da47c4cf");
  BOOST_TEST_REQUIRE(pair);
  BOOST_TEST(pair->attributes.at("label") == "RL102");
  const DotEdge* tgw_route =
      g.edge("tgw-rtb:tgw-rtb-6d41dda33dd6fd8a2", "attachment:tgw-attach-7a13afbf3331fcbed");
  BOOST_TEST_REQUIRE(tgw_route);
  BOOST_TEST(tgw_route->attributes.at("label") == "10.1.0.0/16");
  check_with_graphviz(result.out);
}

BOOST_AUTO_TEST_CASE(filters_that_block_are_drawn_beside_what_they_guard) {
  const auto acl = run_cli({"graph", "--no-config", fixture("RL302-cdk-bad/template.json")});
  const DotGraph a = parse_dot(acl.out);
  BOOST_TEST(a.node_attribute("acl:FsxNaclDC826D12", "color") == "red");
  BOOST_TEST(a.edge("acl:FsxNaclDC826D12", "subnet:FsxVpcPrivateSubnet1SubnetC688B3C9"));
  const auto group = run_cli({"graph", "--no-config", fixture("RL301-cdk-bad/template.json")});
  const DotGraph s = parse_dot(group.out);
  BOOST_TEST(s.node_attribute("sg:FsxSgF880B0AF", "color") == "red");
  BOOST_TEST(s.edge("sg:FsxSgF880B0AF", "fs:FileSystem"));
  // Groups and ACLs that pass are not drawn.
  BOOST_TEST(s.nodes.count("sg:Ec2SgF43886FE") == 0u);
}

BOOST_AUTO_TEST_CASE(unknown_hops_are_grey_and_dashed) {
  const std::string input = fixture("intrinsics-if-undecidable/template.json");
  const auto result = run_cli({"graph", "--no-config", input});
  BOOST_TEST(result.exit == 0);
  const DotGraph g = parse_dot(result.out);
  BOOST_TEST(g.node_attribute("rtb:ClientRouteTable", "color") == "grey50");
  BOOST_TEST(g.node_attribute("rtb:ClientRouteTable", "style") == "rounded,dashed");
  BOOST_TEST(result.err.find(": notice: ") != std::string::npos, result.err);
  BOOST_TEST(run_cli({"graph", "--no-config", "-q", input}).err == "");
}

BOOST_AUTO_TEST_CASE(marks_follow_the_rules_and_suppressions_of_check) {
  const std::string bad = fixture("RL103-min-bad/template.json");
  const auto other_rule = run_cli({"graph", "--no-config", "--select", "RL102", bad});
  BOOST_TEST(other_rule.exit == 0);
  BOOST_TEST(parse_dot(other_rule.out).node_attribute("rtb:FsxRouteTableA", "color") == "");
  BOOST_TEST(other_rule.out.find("RL103") == std::string::npos);
  // Suppressed findings do not fail check, and are not red here.
  const std::string suppressed = fixture("suppress-inline-template/template.json");
  BOOST_TEST(run_cli({"--no-config", suppressed}).exit == 0);
  const auto quiet = run_cli({"graph", "--no-config", suppressed});
  BOOST_TEST(quiet.exit == 0);
  BOOST_TEST(quiet.out.find("color=red") == std::string::npos);
  // A declared client is drawn even when nothing singles it out.
  const auto declared = run_cli({"graph", "--no-config", "--client", "subnet=ClientSubnetA", bad});
  const DotGraph g = parse_dot(declared.out);
  const DotEdge* pair = g.edge("subnet:ClientSubnetA", "fs:FileSystem");
  BOOST_TEST_REQUIRE(pair);
  BOOST_TEST(pair->attributes.at("label") == "RL103");
}

BOOST_AUTO_TEST_CASE(configuration_is_read_as_check_reads_it) {
  const ScratchDir scratch;
  reachlint::test::write_file(scratch.path(".reachlint.toml"), "[rules]\nignore = [\"RL103\"]\n");
  const std::string bad = fixture("RL103-min-bad/template.json");
  const auto configured = run_cli({"graph", bad}, scratch.dir().string());
  BOOST_TEST(configured.exit == 0);
  BOOST_TEST(configured.out.find("color=red") == std::string::npos);
  const auto ignored = run_cli({"graph", "--no-config", bad}, scratch.dir().string());
  BOOST_TEST(ignored.out.find("color=red") != std::string::npos);
  reachlint::test::write_file(scratch.path("bad.toml"), "[rules]\nselct = [\"RL1\"]\n");
  const auto invalid = run_cli({"graph", "--config", scratch.path("bad.toml"), bad});
  BOOST_TEST(invalid.exit == 2);
  BOOST_TEST(invalid.err.find("bad.toml:2:1: error:") != std::string::npos, invalid.err);
  BOOST_TEST(invalid.out == "");
}

BOOST_AUTO_TEST_CASE(mermaid_is_a_flowchart_with_classes_and_link_styles) {
  const auto result = run_cli(
      {"graph", "--format", "mermaid", "--no-config", fixture("RL103-min-bad/template.json")});
  BOOST_TEST(result.exit == 0);
  const std::string& m = result.out;
  BOOST_TEST(m.starts_with("flowchart LR\n"));
  BOOST_TEST(m.find("  subgraph vpc0[\"FsxVpc<br>10.0.0.0/16\"]\n") != std::string::npos);
  BOOST_TEST(m.find("classDef broken ") != std::string::npos);
  const std::string table_a = mermaid_id(m, "(\"FsxRouteTableA\")");
  const std::string table_b = mermaid_id(m, "(\"FsxRouteTableB\")");
  BOOST_TEST_REQUIRE(!table_a.empty());
  BOOST_TEST(m.find("  class " + table_a + "," + table_b + " broken\n") != std::string::npos, m);
  const int pair = mermaid_edge_index(m, "-.->|\"RL103\"|");
  BOOST_TEST_REQUIRE(pair >= 0);
  BOOST_TEST(m.find("  linkStyle " + std::to_string(pair) + " stroke:#d00") != std::string::npos,
             m);
  // Subgraphs open and close in pairs.
  const auto lines = lines_of(m);
  BOOST_TEST(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
               return l.starts_with("  subgraph ");
             }) == std::count(lines.begin(), lines.end(), "  end"));
}

BOOST_AUTO_TEST_CASE(awkward_ids_are_quoted_and_escaped) {
  const ScratchDir scratch;
  reachlint::test::write_file(scratch.path("template.json"), awkward_template());
  const auto check = run_cli({"--no-config", scratch.path("template.json")});
  BOOST_TEST_REQUIRE(check.exit == 1, check.err << check.out);
  const auto dot = run_cli({"graph", "--no-config", scratch.path("template.json")});
  BOOST_TEST(dot.exit == 0);
  const DotGraph g = parse_dot(dot.out);
  BOOST_TEST(g.nodes.contains("subnet:end"));
  BOOST_TEST(g.node_attribute("rtb:a-b:c/d{x}[y];", "color") == "red");
  BOOST_TEST(g.nodes.contains("fs:FS line|pipe"));  // the newline became a space
  BOOST_TEST(g.nodes.contains("tgw:-->x"));
  // The trailing backslash is doubled and followed by a space, which old Graphviz needs.
  BOOST_TEST(g.nodes.contains("vpc:Fsx\"Vpc\\\\ "));
  BOOST_TEST(g.edge("instance:<b>i</b> #1 `t` &amp;", "fs:FS line|pipe"));
  check_with_graphviz(dot.out);

  const auto mermaid =
      run_cli({"graph", "-f", "mermaid", "--no-config", scratch.path("template.json")});
  BOOST_TEST(mermaid.exit == 0);
  static const std::regex kSafeLine(
      R"(^(flowchart LR|  %%.*|  subgraph [a-z]+[0-9]+\[".*"\]|  end|\s+[a-z]+[0-9]+[\[\(\{>/].*|  [a-z]+[0-9]+ (-->|-\.->|---|-\.-)(\|"[^"|]*"\|)? [a-z]+[0-9]+|  classDef .*|  class [a-z0-9,]+ (broken|unknown)|  style [a-z]+[0-9]+ .*|  linkStyle [0-9,]+ .*)$)");
  for (const std::string& line : lines_of(mermaid.out))
    BOOST_TEST(std::regex_match(line, kSafeLine), line);
  BOOST_TEST(mermaid.out.find("Fsx#quot;Vpc#92;") != std::string::npos);
  BOOST_TEST(mermaid.out.find("#lt;b#gt;i#lt;/b#gt; #35;1 #96;t#96; #amp;amp;") !=
             std::string::npos);
  // Inside a quoted label no raw quote remains.
  for (const std::string& line : lines_of(mermaid.out)) {
    const size_t open = line.find('"');
    if (open == std::string::npos) continue;
    BOOST_TEST(std::count(line.begin(), line.end(), '"') == 2, line);
  }
}

BOOST_AUTO_TEST_CASE(the_same_inputs_give_the_same_bytes) {
  const std::string fixtures = reachlint::test::source_dir() + "/fixtures";
  const std::vector<std::string> inputs = {
      "corpus-seed-as-is/template.json", "RL103-cdk-bad/template.json",
      "RL302-cdk-bad/template.json", "XSTACK-weak-bad/cdk.out", "RL102-dump-bad/export"};
  const std::vector<std::string> reversed(inputs.rbegin(), inputs.rend());
  for (const char* format : {"dot", "mermaid"}) {
    std::vector<std::string> forward{"graph", "--no-config", "-f", format};
    std::vector<std::string> backward = forward;
    forward.insert(forward.end(), inputs.begin(), inputs.end());
    backward.insert(backward.end(), reversed.begin(), reversed.end());
    const auto first = run_cli(forward, fixtures);
    const auto again = run_cli(forward, fixtures);
    const auto back = run_cli(backward, fixtures);
    BOOST_TEST(first.exit == 0);
    BOOST_TEST(first.out.size() > 1000u);
    BOOST_TEST(first.out == again.out, format);
    BOOST_TEST(first.out == back.out, format);
    if (std::string(format) == "dot") {
      // Two stacks both have a "FileSystem": the second one is told apart.
      const DotGraph g = parse_dot(first.out);
      BOOST_TEST(g.nodes.contains("fs:FileSystem"));
      BOOST_TEST(g.nodes.contains("fs:FileSystem#2"));
      check_with_graphviz(first.out);
    }
  }
}

BOOST_AUTO_TEST_CASE(output_goes_to_the_file_given) {
  const ScratchDir scratch;
  const std::string input = fixture("RL103-min-bad/template.json");
  const auto to_file = run_cli({"graph", "--no-config", "-o", scratch.path("g.dot"), input});
  BOOST_TEST(to_file.exit == 0);
  BOOST_TEST(to_file.out == "");
  BOOST_TEST(reachlint::test::read_file(scratch.path("g.dot")) ==
             run_cli({"graph", "--no-config", input}).out);
}

BOOST_AUTO_TEST_CASE(usage_and_input_errors_exit_2) {
  const std::string input = fixture("RL103-min-bad/template.json");
  for (const char* format : {"text", "json", "sarif"}) {
    const auto wrong = run_cli({"graph", "-f", format, "--no-config", input});
    BOOST_TEST(wrong.exit == 2, format);
    BOOST_TEST(wrong.out == "");
    BOOST_TEST(wrong.err.find("graph writes dot or mermaid") != std::string::npos, wrong.err);
    BOOST_TEST(wrong.err.find("--format dot") != std::string::npos, wrong.err);
  }
  for (const char* format : {"dot", "mermaid"}) {
    const auto wrong = run_cli({"check", "-f", format, "--no-config", input});
    BOOST_TEST(wrong.exit == 2, format);
    BOOST_TEST(wrong.err.find("is for `reachlint graph`") != std::string::npos, wrong.err);
    BOOST_TEST(run_cli({"-f", format, "--no-config", input}).exit == 2);
  }
  BOOST_TEST(run_cli({"graph", "-f", "svg", input}).exit == 2);
  BOOST_TEST(run_cli({"graph", "--no-config"}).exit == 2);
  const auto missing = run_cli({"graph", "--no-config", "no/such/file.json"});
  BOOST_TEST(missing.exit == 2);
  BOOST_TEST(missing.out == "");
  BOOST_TEST(missing.err == "no/such/file.json: error: cannot open: No such file or directory\n");
  const auto truncated = run_cli({"graph", "--no-config", "input-truncated/template.json"},
                                 reachlint::test::source_dir() + "/fixtures");
  BOOST_TEST(truncated.exit == 2);
  BOOST_TEST(truncated.out == "");
  BOOST_TEST(truncated.err.starts_with("input-truncated/template.json:174:35: error: "),
             truncated.err);
  BOOST_TEST(run_cli({"--help"}).out.find("reachlint graph [--format dot|mermaid] PATH...") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
