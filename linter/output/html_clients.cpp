#include "linter/output/html_clients.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "linter/output/html_text.h"
#include "rules/rule.h"

namespace reachlint::output::html {

namespace {

// Lists longer than this are a count that expands.
constexpr size_t kIdsShown = 12;

constexpr std::string_view kVerdictClass[kClientVerdicts] = {"fail", "unknown", "pass", "quiet"};
constexpr std::string_view kVerdictWords[kClientVerdicts] = {
    "broken", "not known statically", "reach it both ways",
    "broad evidence only, not one-way (not judged)"};
constexpr std::string_view kEvidenceWords[kEvidences] = {"declared", "specific evidence",
                                                         "broad evidence"};

// Broad clients whose path holds keep no trace (analysis.cpp): no trace is not judged.
ClientVerdict verdict_of(const analysis::Trace* trace) {
  if (!trace) return ClientVerdict::Unreported;
  bool reported = false;
  bool failed = false;
  bool unknown = false;
  for (const analysis::Hop& hop : trace->hops) {
    if (hop.verdict == analysis::Verdict::Fail) {
      failed = true;
      reported = reported || rules::reportable(*trace, hop);
    }
    unknown = unknown || hop.verdict == analysis::Verdict::Unknown;
  }
  if (reported) return ClientVerdict::Broken;
  if (unknown) return ClientVerdict::Unknown;
  return failed ? ClientVerdict::Unreported : ClientVerdict::Reaches;
}

void write_ids(const std::vector<std::string_view>& ids, size_t& names_left, std::string& out) {
  const bool folded = ids.size() > kIdsShown;
  if (folded) out += fmt::format("<details><summary>{} clients</summary>", grouped(ids.size()));
  out += "<p class=\"ids\">";
  const size_t named = std::min(ids.size(), names_left);
  names_left -= named;
  for (size_t i = 0; i < named; ++i) {
    if (i > 0) out += ", ";
    append_escaped(out, ids[i]);
  }
  if (named < ids.size()) {
    out += fmt::format("{}{} {}not named: a report names at most {} clients", named ? " and " : "",
                       grouped(ids.size() - named), named ? "more " : "", grouped(kClientIdsNamed));
  }
  out += "</p>";
  if (folded) out += "</details>";
}

}  // namespace

ClientTally tally_clients(const analysis::FileSystemAnalysis& analysis) {
  std::unordered_map<const analysis::ClientGroup*, const analysis::Trace*> trace_of;
  for (const analysis::Trace& trace : analysis.traces) trace_of[trace.client] = &trace;
  ClientTally tally;
  for (const analysis::ClientGroup& group : analysis.clients) {
    const auto found = trace_of.find(&group);
    const auto verdict =
        static_cast<size_t>(verdict_of(found == trace_of.end() ? nullptr : found->second));
    auto& ids = tally.ids[verdict][static_cast<size_t>(group.evidence)];
    for (const analysis::ClientMember& member : group.members) ids.push_back(member.id);
    tally.count[verdict] += group.members.size();
    tally.total += group.members.size();
  }
  for (auto& by_evidence : tally.ids) {
    for (auto& ids : by_evidence) std::sort(ids.begin(), ids.end());
  }
  return tally;
}

std::string client_counts(const ClientTally& tally) {
  std::string out = fmt::format("{} client{}", grouped(tally.total), tally.total == 1 ? "" : "s");
  std::string_view separator = ": ";
  for (size_t v = 0; v < kClientVerdicts; ++v) {
    if (tally.count[v] == 0) continue;
    out += fmt::format("{}<span class=\"{}\">{} {}</span>", separator, kVerdictClass[v],
                       grouped(tally.count[v]), kVerdictWords[v]);
    separator = ", ";
  }
  return out;
}

std::string client_table(const ClientTally& tally, size_t& names_left) {
  if (tally.total == 0) return "<p class=\"none\">No intended clients were found.</p>";
  std::string out =
      "<table class=\"clients\"><tr><th>verdict</th><th>known as a client by</th>"
      "<th>clients</th></tr>";
  for (size_t v = 0; v < kClientVerdicts; ++v) {
    for (size_t e = 0; e < kEvidences; ++e) {
      const std::vector<std::string_view>& ids = tally.ids[v][e];
      if (ids.empty()) continue;
      out += fmt::format("<tr class=\"{}\"><td>{}</td><td>{}</td><td>", kVerdictClass[v],
                         kVerdictWords[v], kEvidenceWords[e]);
      write_ids(ids, names_left, out);
      out += "</td></tr>";
    }
  }
  out += "</table>";
  return out;
}

}  // namespace reachlint::output::html
