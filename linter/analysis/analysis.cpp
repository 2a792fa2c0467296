#include "linter/analysis/analysis.h"

#include <fmt/format.h>

#include "linter/analysis/walker.h"
#include "linter/core/timing.h"

namespace reachlint::analysis {

namespace {

std::string_view type_name(model::FileSystemType type) {
  switch (type) {
    case model::FileSystemType::Windows:
      return "FSx for Windows File Server";
    case model::FileSystemType::Lustre:
      return "FSx for Lustre";
    default:
      return "this file system type";
  }
}

void notice_unknown_hops(const model::Model& model, const FileSystemAnalysis& result,
                         Diagnostics& diagnostics) {
  const std::string_view fs = model.file_systems[result.file_system].origin.name;
  for (const Trace& trace : result.traces) {
    for (const Hop& hop : trace.hops) {
      if (hop.verdict != Verdict::Unknown) continue;
      const Location at =
          hop.unknown_at.known() ? hop.unknown_at : model.origin(hop.resource).location;
      // What ingest already said about this spot says why; one notice per spot is enough.
      if (diagnostics.has_notice_at(at)) continue;
      diagnostics.notice(
          at, fmt::format("could not evaluate {} on the path from {} to {}: {}",
                          model.origin(hop.resource).name, trace.client->id(), fs, hop.decision));
    }
  }
}

}  // namespace

std::vector<FileSystemAnalysis> analyze(const model::Model& model, const AnalysisOptions& options,
                                        const DeclaredClients& declared, Diagnostics& diagnostics) {
  PhaseTimer timer;
  const ClientIndex index = ClientIndex::build(model);
  timer.mark("clientidx");
  const RouteIndexes routes(model);
  timer.mark("routeidx");
  std::vector<FileSystemAnalysis> results;
  results.reserve(model.file_systems.size());
  for (model::Index f = 0; f < model.file_systems.size(); ++f) {
    const model::FileSystem& fs = model.file_systems[f];
    FileSystemAnalysis& result = results.emplace_back();
    result.file_system = f;
    result.endpoint = endpoint_of(model, fs);
    result.needs = required_ports(fs.type, options.nfs);
    if (result.needs.empty()) {
      diagnostics.notice(
          fs.origin.location,
          fmt::format(
              "{} is not checked: reachlint checks NFS on FSx for OpenZFS and ONTAP, not {}",
              fs.origin.name, type_name(fs.type)));
      continue;
    }
    if (!result.endpoint.known) {
      diagnostics.notice(result.endpoint.where.known() ? result.endpoint.where : fs.origin.location,
                         fmt::format("{} is not checked: {}", fs.origin.name, result.endpoint.why));
      continue;
    }
    result.checked = true;
    result.clients = intended_clients(model, index, fs, result.endpoint, result.needs, declared);
    for (const ClientGroup& client : result.clients) {
      result.traces.push_back(walk({model, routes, f, result.endpoint, result.needs}, client));
    }
    notice_unknown_hops(model, result, diagnostics);
  }
  return results;
}

}  // namespace reachlint::analysis
