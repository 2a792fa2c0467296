// Which resources the graph colours. Red: the subject of an active finding, and every failed hop
// on the trace of a pair that has an active finding (so --select, --ignore, suppressions and the
// baseline change the graph as they change `check`). Grey: hops that could not be evaluated.
#include <algorithm>

#include "linter/output/graph_internal.h"
#include "rules/rule.h"

namespace reachlint::output::graph {

namespace {

// Findings name their subject by location and id (the origin itself is not kept): the subjects
// wanted, by location, so that the scan of the model allocates nothing per origin.
using Subjects = std::map<Location, std::vector<std::string>>;

Subjects subjects_of(const std::vector<rules::Finding>& findings) {
  Subjects subjects;
  for (const rules::Finding& finding : findings) {
    if (finding.active() && finding.location.known())
      subjects[finding.location].push_back(finding.subject);
  }
  return subjects;
}

bool wanted(const Subjects& subjects, const model::Origin& origin) {
  const auto found = subjects.find(origin.location);
  if (found == subjects.end()) return false;
  return std::find(found->second.begin(), found->second.end(), origin.name) != found->second.end();
}

// What AWS adds by itself carries its parent's location and id (a propagated TGW route names
// the attachment it came from): only what the user wrote inside an entity can be its subject.
template <typename Items, typename OriginOf>
bool any_wanted(const Subjects& subjects, const Items& items, OriginOf origin_of) {
  return std::any_of(items.begin(), items.end(), [&](const auto& item) {
    const model::Origin& origin = origin_of(item);
    return !origin.implicit && wanted(subjects, origin);
  });
}

// A subject is an entity or something written inside one (a route, a rule, an association,
// the file system's endpoint range or RouteTableIds): the entity is what the graph colours.
bool holds_subject(const model::Model& model, const Subjects& subjects, model::EntityRef ref) {
  const auto own = [](const auto& item) -> const model::Origin& { return item.origin; };
  switch (ref.kind) {
    case model::Kind::RouteTable:
      return any_wanted(subjects, model.route_tables[ref.index].routes, own);
    case model::Kind::TgwRouteTable:
      return any_wanted(subjects, model.tgw_route_tables[ref.index].routes, own);
    case model::Kind::SecurityGroup: {
      const model::SecurityGroup& group = model.security_groups[ref.index];
      return any_wanted(subjects, group.ingress, own) || any_wanted(subjects, group.egress, own);
    }
    case model::Kind::NetworkAcl:
      return any_wanted(subjects, model.network_acls[ref.index].entries, own);
    case model::Kind::TgwAttachment: {
      const model::TgwAttachment& attachment = model.tgw_attachments[ref.index];
      return wanted(subjects, attachment.association_origin) ||
             any_wanted(subjects, attachment.propagations, own);
    }
    case model::Kind::FileSystem: {
      const model::FileSystem& fs = model.file_systems[ref.index];
      return wanted(subjects, fs.endpoint_range_origin) || wanted(subjects, fs.route_tables_origin);
    }
    default:
      return false;
  }
}

void mark_subjects(const GraphInput& input, Marks& marks) {
  const Subjects subjects = subjects_of(input.findings);
  if (subjects.empty()) return;
  for (size_t k = 0; k < kKinds; ++k) {
    const auto kind = static_cast<model::Kind>(k);
    for (model::Index i = 0; i < marks.entities[k].size(); ++i) {
      const model::EntityRef ref{kind, i};
      if (wanted(subjects, input.model.origin(ref)) || holds_subject(input.model, subjects, ref))
        marks.raise(ref, Mark::Broken);
    }
  }
}

void collect_codes(const GraphInput& input, Marks& marks) {
  for (const rules::Finding& finding : input.findings) {
    if (!finding.active() || finding.file_system == model::kNone) continue;
    for (const rules::FindingClient& client : finding.clients) {
      std::vector<std::string>& codes = marks.codes[{finding.file_system, client.id, client.scope}];
      const std::string code(finding.rule->code);
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
  }
  for (auto& [pair, codes] : marks.codes) std::sort(codes.begin(), codes.end());
}

void mark_hop(const analysis::FileSystemAnalysis& a, const analysis::Trace& trace,
              const analysis::Hop& hop, bool broken_pair, Marks& marks) {
  if (hop.verdict == analysis::Verdict::Unknown) marks.raise(hop.resource, Mark::Unknown);
  // Failures a rule would not report (broad clients' forward hops) are noise, not findings.
  if (hop.verdict != analysis::Verdict::Fail || !broken_pair || !rules::reportable(trace, hop))
    return;
  marks.raise(hop.resource, Mark::Broken);
  if (hop.decided_by) marks.broken_routes.insert(hop.decided_by);
  if (hop.resource.kind == model::Kind::SecurityGroup ||
      hop.resource.kind == model::Kind::NetworkAcl)
    marks.filters.push_back({hop.resource, &a, &trace, hop.egress});
}

void mark_traces(const GraphInput& input, Marks& marks) {
  for (const analysis::FileSystemAnalysis& a : input.analyses) {
    for (const analysis::Trace& trace : a.traces) {
      const bool broken_pair = marks.broken(a, trace);
      for (const analysis::Hop& hop : trace.hops) mark_hop(a, trace, hop, broken_pair, marks);
    }
  }
}

}  // namespace

Mark Marks::of(model::EntityRef ref) const {
  const auto& marks = entities[static_cast<size_t>(ref.kind)];
  return model::is_known_index(ref.index) && ref.index < marks.size() ? marks[ref.index]
                                                                      : Mark::None;
}

void Marks::raise(model::EntityRef ref, Mark mark) {
  auto& marks = entities[static_cast<size_t>(ref.kind)];
  if (model::is_known_index(ref.index) && ref.index < marks.size())
    marks[ref.index] = std::max(marks[ref.index], mark);
}

const std::vector<std::string>& Marks::codes_of(model::Index fs,
                                                const analysis::ClientMember& client) const {
  static const std::vector<std::string> kNone;
  const auto found = codes.find({fs, client.id, client.stack});
  return found == codes.end() ? kNone : found->second;
}

bool Marks::broken(const analysis::FileSystemAnalysis& a, const analysis::Trace& trace) const {
  const auto& members = trace.client->members;
  return std::any_of(members.begin(), members.end(), [&](const analysis::ClientMember& m) {
    return !codes_of(a.file_system, m).empty();
  });
}

Marks mark_run(const GraphInput& input) {
  Marks marks;
  for (size_t k = 0; k < kKinds; ++k)
    marks.entities[k].assign(input.model.count(static_cast<model::Kind>(k)), Mark::None);
  collect_codes(input, marks);
  mark_subjects(input, marks);
  mark_traces(input, marks);
  return marks;
}

}  // namespace reachlint::output::graph
