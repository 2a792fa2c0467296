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

const rules::HopReport* report_about(const analysis::Hop& hop,
                                     const std::vector<rules::HopReport>& reports) {
  for (const rules::HopReport& report : reports) {
    if (report.hop == &hop) return &report;
  }
  return nullptr;
}

ExplainedHop explain_hop(const model::Model& model, const analysis::Hop& hop,
                         const std::vector<rules::HopReport>& reports) {
  ExplainedHop out;
  out.step = rules::path_step(model, hop);
  out.kind = kind_name(hop.kind);
  if (hop.kind == HopKind::SecurityGroup || hop.kind == HopKind::NetworkAcl)
    out.side = hop.egress ? "outbound" : "inbound";
  out.standby = hop.standby;
  out.essential = hop.essential;
  out.after_fixing = hop.after_fixing;
  if (hop.verdict != Verdict::Fail) return out;
  if (const rules::HopReport* report = report_about(hop, reports)) {
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

void judge(const analysis::Trace& trace, const analysis::Endpoint& endpoint,
           const model::Model& model, ExplainedTrace& out) {
  std::vector<const ExplainedHop*> broken;
  std::vector<const ExplainedHop*> beside;
  Reach worst = Reach::Connects;
  size_t unknown = 0;
  size_t i = 0;
  for (const ExplainedLeg& leg : out.legs) {
    for (const ExplainedHop& hop : leg.hops) {
      const analysis::Hop& walked = trace.hops[i++];
      if (walked.verdict == Verdict::Unknown) ++unknown;
      if (walked.verdict != Verdict::Fail) continue;
      const Reach reach = reach_of(walked);
      (reach == Reach::Connects ? beside : broken).push_back(&hop);
      worst = std::min(worst, reach);
    }
  }
  if (worst == Reach::Connects && unknown > 0) worst = Reach::Undecided;
  out.reach = worst;
  const std::string fix =
      broken.empty() ? std::string()
                     : fmt::format("{} to fix ({})", hops_words(broken.size(), "broken hop"),
                                   rule_codes(broken));
  const std::vector<model::Index> sides = analysis::reply_subnets(endpoint);
  switch (worst) {
    case Reach::Fails:
      out.verdict = fmt::format("{} cannot reach {}: {}", out.client, out.file_system, fix);
      break;
    case Reach::FailsAfterFailover:
      out.verdict = fmt::format(
          "{} reaches {} now, but not after a failover to standby subnet {}: {}", out.client,
          out.file_system, sides.size() > 1 ? model.subnets[sides[1]].origin.name : "?", fix);
      break;
    case Reach::NfsV3Fails:
      out.verdict = fmt::format("{} reaches {} over NFSv4.x (TCP 2049) only; NFSv3 fails: {}",
                                out.client, out.file_system, fix);
      break;
    case Reach::Undecided:
      out.verdict = fmt::format(
          "whether {} reaches {} cannot be told statically: {} not evaluated (see the notices)",
          out.client, out.file_system, hops_words(unknown, "hop"));
      break;
    case Reach::Connects:
      out.verdict =
          fmt::format("{} reaches {} and the replies come back{}", out.client, out.file_system,
                      sides.size() > 1 && endpoint.floating ? ", before and after a failover" : "");
      break;
  }
  if (!beside.empty()) {
    out.verdict += fmt::format("; {} beside this path ({})", hops_words(beside.size(), "warning"),
                               rule_codes(beside));
  }
}

}  // namespace

ExplainedTrace explain_trace(const model::Model& model,
                             const analysis::FileSystemAnalysis& analysis,
                             const analysis::Trace& trace,
                             const std::vector<rules::HopReport>& reports) {
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
