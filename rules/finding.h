// What a rule reports, and the sink that merges the same broken hop across clients.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "linter/analysis/analysis.h"
#include "linter/core/source.h"
#include "linter/model/model.h"

namespace reachlint::rules {

enum class Level : uint8_t { Error, Warning, Note };
std::string_view level_name(Level level);

struct RuleInfo;

struct PathStep {
  std::string resource;
  std::string type;
  std::string via;  // the route, rule or association inside the resource that decided
  Location location;
  std::string verdict;  // "pass", "fail" or "unknown"
  std::string decision;
};

struct SuppressionInfo {
  bool in_source = false;  // in the template (Metadata) rather than the configuration
  std::string justification;
  Location location;
};

// A client a finding is about. Ids repeat across templates (two stacks may each have an
// `Instance`): the stack keeps such clients apart, and names them where their ids clash.
struct FindingClient {
  std::string id;     // as declared, or the logical or physical id
  std::string stack;  // of what the id names (an export's account/region); empty: none, a CIDR
  std::string shown;  // the id, or STACK/ID when the id names clients of several stacks
  model::Index scope = model::kNone;  // the stack's index: two files may share a stack name
  // What the finding's message says of this client where it names the client's side
  // (Finding::client_words), in order.
  std::vector<std::string> words;

  friend bool operator<(const FindingClient& a, const FindingClient& b) {
    return std::tie(a.id, a.stack, a.shown, a.scope) < std::tie(b.id, b.stack, b.shown, b.scope);
  }
};

// The ids that name resources of more than one stack in the model (two templates each with an
// `Instance`). Findings write such a client STACK/ID, as --client takes it, and keep two broken
// resources of such an id apart; a unique id stays as it is, and so do messages and fingerprints.
class RepeatedIds {
 public:
  // Which of the ids `asked` repeat.
  RepeatedIds(const model::Model& model, const std::unordered_set<std::string_view>& asked);
  bool repeats(std::string_view id) const { return repeated_.count(id) != 0; }
  // Gives `client` (its id and stack index set) its stack's name and the name to show.
  void name(FindingClient& client) const;

 private:
  const model::Model& model_;
  std::unordered_set<std::string_view> repeated_;
};

struct Finding {
  const RuleInfo* rule = nullptr;
  Level level = Level::Error;
  std::string message;
  model::Index file_system = model::kNone;
  std::string filesystem;
  std::vector<FindingClient> clients;  // one: "client"; several: "clients"; none: FS-wide
  Location location;
  std::string subject;       // the logical or physical id of the resource to fix
  std::string subject_type;  // its AWS type
  model::Index stack = model::kNone;
  std::string identity;  // rule-relative identity of what is broken, for fingerprints
  // Where `message` names the client's side, as it reads for the first client; name_findings
  // names every client's there when they differ.
  std::vector<analysis::ClientWords> client_words;
  std::vector<PathStep> path;
  std::optional<SuppressionInfo> suppression;
  std::string baseline_state;  // "new" or "unchanged" when compared with a baseline; else empty
  bool behind_fixes = false;   // seen so far only behind other broken hops, as if they were fixed
  std::string speaker;         // the client its message and path are written for (ID/STACK), if any

  // Whether it counts toward the exit status and is shown by default.
  bool active() const { return !suppression && baseline_state != "unchanged"; }
};

// Completes the findings of every rule's sink: names their clients (STACK/ID where the id
// repeats across stacks) at the end of their messages and, where the clients' own words differ
// (their addresses, their subnets), all of them in their place, and gives a finding whose subject's
// id repeats in a stack other than its file system's a fingerprint of its own.
void name_findings(const model::Model& model, std::vector<Finding>& findings);

// Stable across runs and line moves: the rule and the identity of what is broken.
std::string fingerprint(const Finding& finding);

// A report about one broken thing, seen from one client (or from none).
struct Report {
  Level level = Level::Error;
  std::string message;  // without the client: the sink adds it
  model::Index file_system = model::kNone;
  const model::Origin* subject = nullptr;  // the resource to fix; gives the location
  std::string identity;                    // what makes two reports the same finding
  const analysis::Trace* trace = nullptr;  // the path, when the finding is about one
  const analysis::Hop* hop = nullptr;      // the broken hop, when the finding is about one
  // Where `message` names the client's side (its addresses, its subnet), in order.
  std::vector<analysis::ClientWords> client_words = {};
};

// One report as its rule made it, unmerged: about a broken hop, or (no hop) about a file system as
// a whole. `explain` names each broken hop's rule and lists what is wrong with the file system.
struct RuleReport {
  const analysis::Hop* hop = nullptr;
  const RuleInfo* rule = nullptr;
  Level level = Level::Error;
  std::string message;  // without the client and the fixes it was found behind
  model::Index file_system = model::kNone;
  Location location;  // of the resource to fix
};

class FindingSink {
 public:
  FindingSink(const model::Model& model, const RuleInfo& rule) : model_(model), rule_(rule) {}
  void report(const Report& report);
  // The findings, for name_findings.
  std::vector<Finding> take();
  // Every report is also added to `into`, unmerged.
  void record_reports(std::vector<RuleReport>* into) { reports_ = into; }

 private:
  // The stacks of the file system (else the subject) and of the subject, and the identity.
  using Key = std::tuple<model::Index, model::Index, std::string>;
  Key qualified_identity(const Report& report) const;
  const model::Model& model_;
  const RuleInfo& rule_;
  std::map<Key, Finding> findings_;  // one per broken thing
  std::vector<RuleReport>* reports_ = nullptr;
};

// The path of a trace as the output shows it.
std::vector<PathStep> path_of(const model::Model& model, const analysis::Trace& trace);
// One hop of it: the resource, what inside it decided, where, the verdict and the hop's decision.
PathStep path_step(const model::Model& model, const analysis::Hop& hop);

}  // namespace reachlint::rules
