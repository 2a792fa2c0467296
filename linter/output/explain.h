// `reachlint explain`: one client's packet to one file system and back, hop by hop in packet
// order, each broken hop with the rule that reports it and its fix, and a verdict per pair.
// Built from the traces and the rules' reports (explain_build.cpp), written as text or JSON
// (explain_output.cpp). docs/explain.md shows both.
#pragma once

#include <string>
#include <vector>

#include "linter/analysis/analysis.h"
#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/model/model.h"
#include "rules/finding.h"

namespace reachlint::output {

struct ExplainedHop {
  rules::PathStep step;   // resource, type, via, location, verdict, decision
  std::string_view kind;  // "route-table", "transit-gateway-route-table", "network-acl", ...
  std::string_view side;  // filters: "outbound" or "inbound"; else empty
  bool standby = false;   // holds only once the file system fails over to its standby subnet
  bool essential = true;  // false: only NFSv3's side ports, or a zone no client uses today
  // A broken hop: the rule that reports it, at what level, its message, and what to change.
  const rules::RuleInfo* rule = nullptr;
  rules::Level level = rules::Level::Error;
  std::string message;
  std::string fix;
  std::string after_fixing;  // the broken hops before it that the walk assumed fixed
};

// What a rule finds wrong with the file system as a whole (its endpoint range: RL105).
struct ExplainedFinding {
  const rules::RuleInfo* rule = nullptr;
  rules::Level level = rules::Level::Error;
  std::string message;
  Location location;
  std::string fix;
};

// The request, or the reply from one of the file system's subnets.
struct ExplainedLeg {
  bool reply = false;
  std::string subnet;  // replies: the subnet the reply leaves from
  std::string role;    // replies of a floating endpoint: "preferred" or "standby"; else empty
  std::vector<ExplainedHop> hops;
};

// What the pair can do, worst first; every state but Connects and Undecided exits 1.
enum class Reach : uint8_t { Fails, FailsAfterFailover, NfsV3Fails, Undecided, Connects };

struct ExplainedTrace {
  std::string client;     // as given with --from
  std::string addresses;  // the client's source addresses
  std::string file_system;
  std::string endpoint;  // the endpoint's description
  std::vector<ExplainedLeg> legs;
  std::vector<ExplainedFinding> file_system_findings;  // an error among them: Fails
  Reach reach = Reach::Connects;
  std::string verdict;  // one line
};

struct Explanation {
  const SourceMap* sources = nullptr;
  std::vector<ExplainedTrace> traces;
  std::vector<Notice> notices;
  std::vector<InputError> errors;  // the inputs could not be read: no traces
};

// One trace explained; `reports` are the rules' reports: those about its hops, and those about its
// file system as a whole, are used.
ExplainedTrace explain_trace(const model::Model& model,
                             const analysis::FileSystemAnalysis& analysis,
                             const analysis::Trace& trace,
                             const std::vector<rules::RuleReport>& reports);

// Whether the explained pairs all connect (0) or one cannot (1).
int explain_exit_status(const Explanation& explanation);

std::string format_explain_text(const Explanation& explanation);
std::string format_explain_json(const Explanation& explanation);

// "reach" in JSON: "fails", "fails-after-failover", "nfsv3-fails", "undecided", "connects".
std::string_view reach_name(Reach reach);

}  // namespace reachlint::output
