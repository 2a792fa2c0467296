#include "rules/finding.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/core/stable_hash.h"
#include "rules/rule.h"

namespace reachlint::rules {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::Error:
      return "error";
    case Level::Warning:
      return "warning";
    case Level::Note:
      return "note";
  }
  return "error";
}

PathStep path_step(const model::Model& model, const analysis::Hop& hop) {
  static constexpr std::string_view kVerdicts[] = {"pass", "fail", "unknown"};
  const model::Origin& resource = model.origin(hop.resource);
  const bool decided_inside = hop.decided_by && !hop.decided_by->implicit;
  PathStep step;
  step.resource = resource.name;
  step.type = resource.type;
  step.location = decided_inside ? hop.decided_by->location : resource.location;
  if (decided_inside && hop.decided_by->name != resource.name) step.via = hop.decided_by->name;
  step.verdict = std::string(kVerdicts[static_cast<int>(hop.verdict)]);
  step.decision = hop.decision;
  return step;
}

std::vector<PathStep> path_of(const model::Model& model, const analysis::Trace& trace) {
  std::vector<PathStep> path;
  for (const analysis::Hop& hop : trace.hops) {
    PathStep step = path_step(model, hop);
    if (hop.direction == analysis::Direction::Return) step.decision = "reply: " + step.decision;
    if (!hop.fixed_as.empty())
      step.decision += fmt::format("; the walk goes on as if it were fixed: {}", hop.fixed_as);
    path.push_back(std::move(step));
  }
  return path;
}

// Rules name what is broken by ids, which repeat across templates (two stacks may both have a
// "FileSystem"): the stack or account/region of the file system, else of the subject, tells them
// apart. Two files may share a stack name ("template"): the stack index keeps their findings apart
// here, while the fingerprint, built from the name, survives the files being reordered. Two
// client stacks may each have a broken "ClientRouteTable" on the way to one file system: the
// subject's stack keeps them apart too (name_findings gives them fingerprints of their own).
FindingSink::Key FindingSink::qualified_identity(const Report& report) const {
  const model::Index stack = report.file_system != model::kNone
                                 ? model_.file_systems[report.file_system].origin.stack
                                 : report.subject->stack;
  const std::string_view scope =
      stack < model_.stacks.size() ? std::string_view(model_.stacks[stack]) : "";
  return {stack, report.subject->stack, fmt::format("{}|{}", scope, report.identity)};
}

namespace {

// The name of the first client a report speaks for ("" for none), as its stack and id.
std::string first_member(const model::Model& model, const Report& report) {
  if (!report.trace) return {};
  std::string first;
  for (const analysis::ClientMember& member : report.trace->client->members) {
    const std::string_view stack =
        member.stack < model.stacks.size() ? std::string_view(model.stacks[member.stack]) : "";
    std::string name = fmt::format("{}/{}", member.id, stack);
    if (first.empty() || name < first) first = std::move(name);
  }
  return first;
}

}  // namespace

// A finding found behind other broken hops says which: the walk went on as if they were fixed.
// Seen from a client that needs no fix first, it says nothing of them.
void FindingSink::report(const Report& report) {
  if (reports_) {
    reports_->push_back({report.hop, &rule_, report.level, report.message, report.file_system,
                         report.subject->location});
  }
  auto [it, inserted] = findings_.try_emplace(qualified_identity(report));
  Finding& finding = it->second;
  const std::string_view fixes = report.hop ? report.hop->after_fixing : std::string_view{};
  // The worst level, then a finding in plain sight, then the first client by name speaks for all
  // the clients: its path is shown, whatever order the clients were walked in.
  const std::string speaker = first_member(model_, report);
  const bool worse = !inserted && report.level < finding.level;
  const bool plainer = report.level == finding.level && finding.behind_fixes && fixes.empty();
  const bool alike = report.level == finding.level && finding.behind_fixes == !fixes.empty();
  if (inserted || worse || plainer || (alike && speaker < finding.speaker)) {
    finding.speaker = speaker;
    finding.rule = &rule_;
    finding.level = report.level;
    finding.behind_fixes = !fixes.empty();
    finding.message = fixes.empty()
                          ? report.message
                          : fmt::format("{}; found after fixing {}", report.message, fixes);
    finding.file_system = report.file_system;
    if (report.file_system != model::kNone)
      finding.filesystem = model_.file_systems[report.file_system].origin.name;
    finding.location = report.subject->location;
    finding.subject = report.subject->name;
    finding.subject_type = report.subject->type;
    finding.stack = report.subject->stack;
    finding.identity = std::get<2>(it->first);
    finding.client_words = report.client_words;
    if (report.trace) finding.path = path_of(model_, *report.trace);
  }
  if (!report.trace) return;
  std::vector<std::string> words;
  for (const analysis::ClientWords& part : report.client_words)
    words.push_back(report.message.substr(part.at, part.size));
  // Two clients of one id in two stacks are two clients: named apart in take().
  for (const analysis::ClientMember& member : report.trace->client->members) {
    const auto same = [&](const FindingClient& c) {
      return c.id == member.id && c.scope == member.stack;
    };
    if (std::none_of(finding.clients.begin(), finding.clients.end(), same)) {
      finding.clients.push_back(
          {.id = member.id, .stack = {}, .shown = {}, .scope = member.stack, .words = words});
    }
  }
}

RepeatedIds::RepeatedIds(const model::Model& model,
                         const std::unordered_set<std::string_view>& asked)
    : model_(model) {
  // One stack or none: no id can repeat across stacks.
  if (model.stacks.size() < 2 || asked.empty()) return;
  const std::vector<std::string_view> ids(asked.begin(), asked.end());
  const std::vector<std::vector<model::EntityRef>> named = model.find_each(ids);
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto other_stack = [&](const model::EntityRef& ref) {
      return model.origin(ref).stack != model.origin(named[i].front()).stack;
    };
    // The model's copy of the name: the asked ones belong to findings, which are renamed next.
    if (std::any_of(named[i].begin(), named[i].end(), other_stack))
      repeated_.insert(model.origin(named[i].front()).name);
  }
}

void RepeatedIds::name(FindingClient& client) const {
  client.stack = client.scope < model_.stacks.size() ? model_.stacks[client.scope] : std::string();
  client.shown =
      !client.stack.empty() && repeats(client.id) ? client.stack + "/" + client.id : client.id;
}

namespace {

std::string client_suffix(const std::vector<FindingClient>& clients) {
  if (clients.empty()) return "";
  if (clients.size() == 1) return fmt::format(" (client {})", clients.front().shown);
  constexpr size_t kNamed = 3;
  std::string names;
  for (size_t i = 0; i < std::min(kNamed, clients.size()); ++i)
    names += (i ? ", " : "") + clients[i].shown;
  if (clients.size() > kNamed) names += fmt::format(" and {} more", clients.size() - kNamed);
  return fmt::format(" ({} clients: {})", clients.size(), names);
}

// "a, b and c", "a, b, c and 2 more"; "; " between items that hold commas themselves.
std::string listed(const std::vector<std::string_view>& items) {
  constexpr size_t kNamed = 3;
  const bool commas = std::any_of(items.begin(), items.end(), [](std::string_view item) {
    return item.find(',') != std::string_view::npos;
  });
  const std::string_view separator = commas ? "; " : ", ";
  const size_t named = items.size() > kNamed ? kNamed : items.size() - 1;
  std::string out;
  for (size_t i = 0; i < named; ++i) out += fmt::format("{}{}", i ? separator : "", items[i]);
  if (items.size() > kNamed) return out + fmt::format(" and {} more", items.size() - kNamed);
  return out + fmt::format(" and {}", items.back());
}

// The clients' own words of one part of the message, each once, in the order of the clients;
// empty when they are all alike.
std::vector<std::string_view> differing_words(const std::vector<FindingClient>& clients,
                                              size_t part, std::string_view one) {
  std::vector<std::string_view> items;
  for (const FindingClient& client : clients) {
    if (part >= client.words.size()) continue;
    std::string_view item = client.words[part];
    if (item.substr(0, one.size()) == one) item.remove_prefix(one.size());
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
  }
  if (items.size() < 2) items.clear();
  return items;
}

// A finding that speaks for clients whose words differ (the addresses a security group does not
// admit, the subnet whose ACL denies) names all of them where the message names the first's.
void name_each_clients_words(Finding& finding) {
  for (size_t part = finding.client_words.size(); part-- > 0;) {
    const analysis::ClientWords& at = finding.client_words[part];
    const std::vector<std::string_view> items = differing_words(finding.clients, part, at.one);
    if (items.empty() || at.at + at.size > finding.message.size()) continue;
    finding.message.replace(at.at, at.size, fmt::format("{}{}", at.many, listed(items)));
  }
}

}  // namespace

std::vector<Finding> FindingSink::take() {
  std::vector<Finding> out;
  for (auto& [identity, finding] : findings_) out.push_back(std::move(finding));
  findings_.clear();
  return out;
}

namespace {

// The stack findings of the file system's (else the subject's) are told apart by.
model::Index scope_of(const model::Model& model, const Finding& finding) {
  return finding.file_system != model::kNone ? model.file_systems[finding.file_system].origin.stack
                                             : finding.stack;
}

bool subject_apart(const model::Model& model, const Finding& finding) {
  return finding.stack != scope_of(model, finding) && finding.stack < model.stacks.size();
}

}  // namespace

void name_findings(const model::Model& model, std::vector<Finding>& findings) {
  std::unordered_set<std::string_view> asked;
  for (const Finding& finding : findings) {
    for (const FindingClient& client : finding.clients) asked.insert(client.id);
    if (subject_apart(model, finding)) asked.insert(finding.subject);
  }
  const RepeatedIds repeated(model, asked);
  for (Finding& finding : findings) {
    for (FindingClient& client : finding.clients) repeated.name(client);
    std::sort(finding.clients.begin(), finding.clients.end());
    name_each_clients_words(finding);
    finding.message += client_suffix(finding.clients);
    if (subject_apart(model, finding) && repeated.repeats(finding.subject))
      finding.identity += fmt::format("|subject of {}", model.stacks[finding.stack]);
  }
}

std::string fingerprint(const Finding& finding) {
  // What is broken, independent of lines.
  return fmt::format("{:016x}",
                     StableHash().add(finding.rule->code).add("|").add(finding.identity).value());
}

}  // namespace reachlint::rules
