// The pieces of the HTML report (-f html): escaping, shortened ids, counts, the rules' Markdown
// and the hop strip. The whole page is parsed against the JSON in tests/html_report_test.py.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include "linter/output/html_clients.h"
#include "linter/output/html_hops.h"
#include "linter/output/html_text.h"

namespace html = reachlint::output::html;
using reachlint::Location;
using reachlint::rules::PathStep;

namespace {

size_t occurrences(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

PathStep step(std::string resource, std::string verdict, Location location = {},
              std::string decision = "passes") {
  PathStep s;
  s.resource = std::move(resource);
  s.type = "AWS::EC2::RouteTable";
  s.verdict = std::move(verdict);
  s.location = location;
  s.decision = std::move(decision);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_output)

BOOST_AUTO_TEST_CASE(escapes_markup_quotes_and_control_characters) {
  BOOST_TEST(html::escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  BOOST_TEST(html::escape("a\x01z\x7f") == "a\xEF\xBF\xBDz\xEF\xBF\xBD");
  BOOST_TEST(html::escape("tab\tand\nnewline \xC3\xA9") == "tab\tand\nnewline \xC3\xA9");
}

BOOST_AUTO_TEST_CASE(shortens_ids_at_both_ends_on_code_points) {
  const std::string id = "FsxVpcPrivateSubnet1RouteTable81354C9E";
  const std::string short_id = html::shorten(id, 20);
  BOOST_TEST(short_id == "FsxVpcPri\xE2\x80\xA6le81354C9E");
  BOOST_TEST(html::shorten("rtb-0abc", 20) == "rtb-0abc");
  // Two-byte characters are kept whole: 9 + 10 of them around the ellipsis.
  std::string accents;
  for (int i = 0; i < 30; ++i) accents += "\xC3\xA9";
  const std::string cut = html::shorten(accents, 20);
  BOOST_TEST(cut.size() == 19 * 2 + 3);
  BOOST_TEST(cut.starts_with("\xC3\xA9"));
  BOOST_TEST(cut.ends_with("\xC3\xA9"));
}

BOOST_AUTO_TEST_CASE(groups_thousands) {
  BOOST_TEST(html::grouped(0) == "0");
  BOOST_TEST(html::grouped(999) == "999");
  BOOST_TEST(html::grouped(1000) == "1,000");
  BOOST_TEST(html::grouped(14872) == "14,872");
  BOOST_TEST(html::grouped(1234567) == "1,234,567");
}

BOOST_AUTO_TEST_CASE(renders_the_rule_documentation_markdown) {
  const std::string out = html::markdown(
      "## What it does\nChecks *every* hop: `a*b<c`, **strong**.\nSecond line.\n\n"
      "```json\n{\"a\": \"<b>\"}\n```\n\n## References\n"
      "- [AWS](https://docs.aws.amazon.com/x?a=1&b=2)\n- [RL102](RL102.md) and *an open marker\n",
      4);
  BOOST_TEST(out.find("<h4>What it does</h4>") != std::string::npos);
  BOOST_TEST(out.find("<p>Checks <em>every</em> hop: <code>a*b&lt;c</code>, "
                      "<strong>strong</strong>. Second line.</p>") != std::string::npos,
             out);
  BOOST_TEST(out.find("<pre><code>{&quot;a&quot;: &quot;&lt;b&gt;&quot;}\n</code></pre>") !=
             std::string::npos);
  BOOST_TEST(out.find("<li><a href=\"https://docs.aws.amazon.com/x?a=1&amp;b=2\">AWS</a></li>") !=
             std::string::npos);
  // A page beside the rule's is not beside a mailed report: its text stays, the link goes.
  BOOST_TEST(out.find("<li>RL102 and *an open marker</li></ul>") != std::string::npos, out);
  BOOST_TEST(occurrences(out, "<ul>") == 1);
  BOOST_TEST(occurrences(out, "</ul>") == 1);
}

BOOST_AUTO_TEST_CASE(finds_a_section_of_the_documentation) {
  const std::string doc =
      "\n## What it does\nA.\n\n## Use instead\nB.\n```\nC\n```\n\n## References\n- R\n";
  BOOST_TEST(html::markdown_section(doc, "Use instead") == "B.\n```\nC\n```\n");
  BOOST_TEST(html::markdown_section(doc, "References") == "- R\n");
  BOOST_TEST(html::markdown_section(doc, "Example").empty());
}

BOOST_AUTO_TEST_CASE(splits_a_decision_from_what_the_walk_assumed) {
  PathStep broken = step("rtb-1", "fail", {},
                         "reply: no route back; the walk goes on as if it "
                         "were fixed: route table rtb-1 (a route back)");
  BOOST_TEST(html::assumed_fix(broken) == "route table rtb-1 (a route back)");
  BOOST_TEST(html::decision_alone(broken) == "reply: no route back");
  const PathStep plain = step("rtb-2", "pass");
  BOOST_TEST(html::assumed_fix(plain).empty());
  BOOST_TEST(html::decision_alone(plain) == "passes");
}

BOOST_AUTO_TEST_CASE(draws_each_hop_in_its_verdict_six_to_a_row) {
  const Location own{0, 10};
  const Location other{0, 20};
  std::vector<PathStep> path = {step("rtb-<1>", "pass"),
                                step("tgw-attach-1", "pass"),
                                step("tgw-rtb-1", "unknown"),
                                step("rtb-2", "fail", own),
                                step("rtb-3", "fail", other),
                                step("sg-1", "pass"),
                                step("acl-1", "pass", {}, "reply: passes")};
  path[1].via = "association";
  const std::string svg = html::hop_strip(path, own);
  BOOST_TEST(svg.starts_with("<svg class=\"strip\""));
  BOOST_TEST(svg.ends_with("</svg>"));
  BOOST_TEST(occurrences(svg, "<g class=\"hop pass\">") == 4);
  BOOST_TEST(occurrences(svg, "<g class=\"hop unknown\">") == 1);
  BOOST_TEST(occurrences(svg, "<g class=\"hop fail own\">") == 1);
  BOOST_TEST(occurrences(svg, "<g class=\"hop fail\">") == 1);
  BOOST_TEST(svg.find("rtb-&lt;1&gt;") != std::string::npos);
  BOOST_TEST(svg.find("rtb-<1>") == std::string::npos);
  BOOST_TEST(svg.find("via association") != std::string::npos);
  BOOST_TEST(svg.find("7 \xC2\xB7 reply") != std::string::npos);
  // Seven hops: two rows of boxes 44 high, 26 apart, within 3 pixels of padding.
  BOOST_TEST(svg.find("height=\"120\"") != std::string::npos, svg.substr(0, 120));
  BOOST_TEST(svg.find("http") == std::string::npos);
  BOOST_TEST(html::hop_strip({}, own).empty());
}

// Broken, not known and reaching from their walks; broad clients without a trace not judged; long
// lists folded behind their count; past the budget of named ids, counted.
BOOST_AUTO_TEST_CASE(tallies_clients_by_the_verdict_of_their_walk) {
  using namespace reachlint::analysis;
  FileSystemAnalysis analysis;
  const auto group = [](Evidence evidence, std::vector<std::string> ids) {
    ClientGroup g;
    g.evidence = evidence;
    for (std::string& id : ids) g.members.push_back({std::move(id), {}});
    return g;
  };
  analysis.clients.push_back(group(Evidence::Declared, {"i-b", "i-a"}));
  analysis.clients.push_back(group(Evidence::Specific, {"subnet-unknown"}));
  analysis.clients.push_back(group(Evidence::Specific, {"subnet-ok"}));
  std::vector<std::string> broad;
  for (int i = 0; i < 1500; ++i) broad.push_back(fmt::format("subnet-{:04}", i));
  analysis.clients.push_back(group(Evidence::Broad, broad));
  const auto trace = [&](size_t client, Verdict verdict) {
    Trace t;
    t.client = &analysis.clients[client];
    Hop hop;
    hop.verdict = verdict;
    t.hops = {Hop{}, hop};
    return t;
  };
  analysis.traces = {trace(0, Verdict::Fail), trace(1, Verdict::Unknown), trace(2, Verdict::Pass)};

  const html::ClientTally tally = html::tally_clients(analysis);
  BOOST_TEST(tally.total == 1504U);
  BOOST_TEST(tally.count[static_cast<size_t>(html::ClientVerdict::Broken)] == 2U);
  BOOST_TEST(tally.count[static_cast<size_t>(html::ClientVerdict::Unknown)] == 1U);
  BOOST_TEST(tally.count[static_cast<size_t>(html::ClientVerdict::Reaches)] == 1U);
  BOOST_TEST(tally.count[static_cast<size_t>(html::ClientVerdict::Unreported)] == 1500U);
  const auto& declared_broken = tally.ids[static_cast<size_t>(html::ClientVerdict::Broken)]
                                         [static_cast<size_t>(Evidence::Declared)];
  BOOST_TEST(declared_broken == (std::vector<std::string_view>{"i-a", "i-b"}));

  const std::string counts = html::client_counts(tally);
  BOOST_TEST(counts.starts_with("1,504 clients: <span class=\"fail\">2 broken</span>"), counts);
  size_t names_left = 5000;
  const std::string table = html::client_table(tally, names_left);
  BOOST_TEST(names_left == 5000U - 1504U);
  BOOST_TEST(table.find("<summary>1,500 clients</summary>") != std::string::npos);
  BOOST_TEST(table.find("i-a, i-b") != std::string::npos);
  BOOST_TEST(table.find("subnet-1499") != std::string::npos);
  BOOST_TEST(table.find("not named") == std::string::npos);
  // Past the page's budget, the rest are counted.
  names_left = 1003;
  const std::string cut = html::client_table(tally, names_left);
  BOOST_TEST(names_left == 0U);
  BOOST_TEST(cut.find("subnet-0998 and 501 more not named: a report names at most 25,000 "
                      "clients") != std::string::npos,
             cut.substr(cut.size() - 200));
  BOOST_TEST(cut.find("subnet-0999") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
