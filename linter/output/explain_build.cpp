// A trace as `explain` shows it: its hops in legs (the request, then each reply), each broken hop
// with the rule that reports it and the fix, and what the pair can do.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "linter/output/explain.h"
#include "rules/rule.h"
#include "rules/rule_docs.h"

namespace reachlint::output {

namespace {

using analysis::HopKind;
using analysis::Verdict;

std::string_view kind_name(HopKind kind) {
  switch (kind) {
    case HopKind::ClientRoute:
      return "client-route";
    case HopKind::Transport:
      return "transit";
    case HopKind::TgwRoute:
      return "tgw-route";
    case HopKind::EntryRouteTable:
      return "entry-route";
    case HopKind::ReturnRoute:
      return "reply-route";
    case HopKind::SecurityGroup:
      return "security-group";
    case HopKind::NetworkAcl:
      return "network-acl";
  }
  return "hop";
}

const rules::RuleReport* report_about(const analysis::Hop& hop,
                                      const std::vector<rules::RuleReport>& reports) {
  for (const rules::RuleReport& report : reports) {
    if (report.hop == &hop) return &report;
  }
  return nullptr;
}

ExplainedHop explain_hop(const model::Model& model, const analysis::Hop& hop,
                         const std::vector<rules::RuleReport>& reports) {
  ExplainedHop out;
  out.step = rules::path_step(model, hop);
  out.kind = kind_name(hop.kind);
  if (hop.kind == HopKind::SecurityGroup || hop.kind == HopKind::NetworkAcl)
    out.side = hop.egress ? "outbound" : "inbound";
  out.standby = hop.standby;
  out.essential = hop.essential;
  out.after_fixing = hop.after_fixing;
  if (hop.verdict != Verdict::Fail) return out;
  if (const rules::RuleReport* report = report_about(hop, reports)) {
    out.rule = report->rule;
    out.level = report->level;
    out.message = report->message;
  }
  // What the walk assumed instead names the change; else the rule's advice.
  out.fix = !hop.fixed_as.empty() ? "add to " + hop.fixed_as
            : out.rule            ? rules::fix_advice(*out.rule)
                                  : std::string();
  return out;
}

ExplainedLeg new_leg(const model::Model& model, const analysis::Endpoint& endpoint, uint8_t reply) {
  ExplainedLeg leg;
  leg.reply = reply > 0;
  const std::vector<model::Index> sides = analysis::reply_subnets(endpoint);
  if (!leg.reply || reply > sides.size()) return leg;
  leg.subnet = model.subnets[sides[reply - 1]].origin.name;
  if (endpoint.floating) leg.role = reply == 1 ? "preferred" : "standby";
  return leg;
}

// "RL102, RL302": the rules of the broken hops, in packet order, once each.
std::string rule_codes(const std::vector<const ExplainedHop*>& hops) {
  std::vector<std::string_view> codes;
  for (const ExplainedHop* hop : hops) {
    const std::string_view code = hop->rule ? hop->rule->code : "no rule";
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return fmt::format("{}", fmt::join(codes, ", "));
}

std::string hops_words(size_t count, std::string_view what) {
  return fmt::format("{} {}{}", count, what, count == 1 ? "" : "s");
}

// How a broken hop bears on the pair: now, after a failover, NFSv3 only, or beside this path
// (an attachment subnet in a zone no client enters by today).
Reach reach_of(const analysis::Hop& hop) {
  if (hop.standby) return Reach::FailsAfterFailover;
  if (hop.essential) return Reach::Fails;
  return hop.cause == analysis::Cause::PortsBlocked ? Reach::NfsV3Fails : Reach::Connects;
}

std::vector<ExplainedFinding> file_system_findings(model::Index file_system,
                                                   const std::vector<rules::RuleReport>& reports) {
  std::vector<ExplainedFinding> out;
  for (const rules::RuleReport& report : reports) {
    if (report.hop || report.file_system != file_system) continue;
    out.push_back({report.rule, report.level, report.message, report.location,
                   rules::fix_advice(*report.rule)});
  }
  return out;
}

// "1 problem of the file system itself (RL105)", or empty.
std::string file_system_words(const std::vector<ExplainedFinding>& findings) {
  if (findings.empty()) return {};
  std::vector<std::string_view> codes;
  for (const ExplainedFinding& finding : findings) {
    if (std::find(codes.begin(), codes.end(), finding.rule->code) == codes.end())
      codes.push_back(finding.rule->code);
  }
  return fmt::format("{} of the file system itself ({})", hops_words(findings.size(), "problem"),
                     fmt::join(codes, ", "));
}

// The broken hops of a trace by how they bear on the pair, and how many could not be evaluated.
struct Tally {
  std::vector<const ExplainedHop*> broken;  // now, after a failover, or NFSv3's ports
  std::vector<const ExplainedHop*> beside;  // in a zone no client enters by today
  size_t unknown = 0;
  Reach worst = Reach::Connects;
};

Tally tally(const analysis::Trace& trace, const ExplainedTrace& out) {
  Tally t;
  size_t i = 0;
  for (const ExplainedLeg& leg : out.legs) {
    for (const ExplainedHop& hop : leg.hops) {
      const analysis::Hop& walked = trace.hops[i++];
      if (walked.verdict == Verdict::Unknown) ++t.unknown;
      if (walked.verdict != Verdict::Fail) continue;
      const Reach reach = reach_of(walked);
      (reach == Reach::Connects ? t.beside : t.broken).push_back(&hop);
      t.worst = std::min(t.worst, reach);
    }
  }
  return t;
}

// The verdict's main clause; `fix` says what there is to fix.
std::string verdict_words(const ExplainedTrace& out, const Tally& t, const std::string& fix,
                          const analysis::Endpoint& endpoint, const model::Model& model) {
  const std::vector<model::Index> sides = analysis::reply_subnets(endpoint);
  switch (out.reach) {
    case Reach::Fails:
      return fmt::format("{} cannot reach {}: {}", out.client, out.file_system, fix);
    case Reach::FailsAfterFailover:
      return fmt::format("{} reaches {} now, but not after a failover to standby subnet {}: {}",
                         out.client, out.file_system,
                         sides.size() > 1 ? model.subnets[sides[1]].origin.name : "?", fix);
    case Reach::NfsV3Fails:
      return fmt::format("{} reaches {} over NFSv4.x (TCP 2049) only; NFSv3 fails: {}", out.client,
                         out.file_system, fix);
    case Reach::Undecided:
      return fmt::format(
          "whether {} reaches {} cannot be told statically: {} not evaluated (see the notices)",
          out.client, out.file_system, hops_words(t.unknown, "hop"));
    case Reach::Connects:
      break;
  }
  return fmt::format("{} reaches {} and the replies come back{}", out.client, out.file_system,
                     sides.size() > 1 && endpoint.floating ? ", before and after a failover" : "");
}

void judge(const analysis::Trace& trace, const analysis::Endpoint& endpoint,
           const model::Model& model, ExplainedTrace& out) {
  const Tally t = tally(trace, out);
  // An error of the file system itself breaks every path to it; a warning is said last.
  const bool fs_error = std::any_of(
      out.file_system_findings.begin(), out.file_system_findings.end(),
      [](const ExplainedFinding& finding) { return finding.level == rules::Level::Error; });
  out.reach = fs_error ? Reach::Fails : t.worst;
  if (out.reach == Reach::Connects && t.unknown > 0) out.reach = Reach::Undecided;
  std::string fix = t.broken.empty()
                        ? std::string()
                        : fmt::format("{} to fix ({})", hops_words(t.broken.size(), "broken hop"),
                                      rule_codes(t.broken));
  const std::string itself = file_system_words(out.file_system_findings);
  if (fs_error) fix += (fix.empty() ? "" : "; ") + itself;
  out.verdict = verdict_words(out, t, fix, endpoint, model);
  if (!t.beside.empty()) {
    out.verdict += fmt::format("; {} beside this path ({})", hops_words(t.beside.size(), "warning"),
                               rule_codes(t.beside));
  }
  if (!fs_error && !itself.empty()) out.verdict += "; " + itself;
}

}  // namespace

ExplainedTrace explain_trace(const model::Model& model,
                             const analysis::FileSystemAnalysis& analysis,
                             const analysis::Trace& trace,
                             const std::vector<rules::RuleReport>& reports) {
  ExplainedTrace out;
  out.client = trace.client->id();
  out.addresses = trace.client->addresses.str();
  out.file_system = model.file_systems[analysis.file_system].origin.name;
  out.endpoint = analysis.endpoint.description;
  for (size_t i = 0; i < trace.hops.size(); ++i) {
    const analysis::Hop& hop = trace.hops[i];
    if (i == 0 || hop.reply != trace.hops[i - 1].reply)
      out.legs.push_back(new_leg(model, analysis.endpoint, hop.reply));
    out.legs.back().hops.push_back(explain_hop(model, hop, reports));
  }
  out.file_system_findings = file_system_findings(analysis.file_system, reports);
  judge(trace, analysis.endpoint, model, out);
  return out;
}

int explain_exit_status(const Explanation& explanation) {
  const bool broken = std::any_of(
      explanation.traces.begin(), explanation.traces.end(), [](const ExplainedTrace& trace) {
        return trace.reach != Reach::Connects && trace.reach != Reach::Undecided;
      });
  return broken ? 1 : 0;
}

std::string_view reach_name(Reach reach) {
  switch (reach) {
    case Reach::Fails:
      return "fails";
    case Reach::FailsAfterFailover:
      return "fails-after-failover";
    case Reach::NfsV3Fails:
      return "nfsv3-fails";
    case Reach::Undecided:
      return "undecided";
    case Reach::Connects:
      return "connects";
  }
  return "undecided";
}

}  // namespace reachlint::output
