#include "linter/analysis/analysis.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/analysis/discovery.h"
#include "linter/analysis/walker.h"
#include "linter/core/parallel.h"
#include "linter/core/stable_hash.h"
#include "linter/core/timing.h"

namespace reachlint::analysis {

std::string_view type_name(model::FileSystemType type) {
  switch (type) {
    case model::FileSystemType::OpenZfs:
      return "FSx for OpenZFS";
    case model::FileSystemType::Ontap:
      return "FSx for ONTAP";
    case model::FileSystemType::Windows:
      return "FSx for Windows File Server";
    case model::FileSystemType::Lustre:
      return "FSx for Lustre";
    default:
      return "this file system type";
  }
}

namespace {

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

namespace {

// Everything about one file system that does not speak: file systems are analysed in parallel,
// and what they have to say is said afterwards, in order.
void analyze_one(const model::Model& model, const AnalysisOptions& options,
                 const DeclaredClients& declared, const ClientIndex& index,
                 const RouteIndexes& routes, model::Index f, FileSystemAnalysis& result) {
  const model::FileSystem& fs = model.file_systems[f];
  result.file_system = f;
  result.endpoint = endpoint_of(model, fs);
  result.needs = required_ports(fs.type, options.nfs);
  if (result.needs.empty() || !result.endpoint.known) return;
  result.checked = true;
  result.clients = intended_clients(model, index, fs, result.endpoint, result.needs, declared);
  EndpointLookups endpoint_lookups;
  const WalkContext context{model,        routes,           index, f, result.endpoint,
                            result.needs, &endpoint_lookups};
  for (const ClientGroup& client : result.clients) {
    // At organisation scale most clients are broad ones whose path holds: kept, they would be
    // most of the memory and say nothing. Whether it holds is in the verdicts alone, so they are
    // walked without words first, and again with them when the trace is kept.
    const bool broad = client.evidence == Evidence::Broad;
    Trace trace = walk(context, client, broad ? Words::None : Words::All);
    if (broad && !asymmetric(trace) && !has_unknown_hop(trace)) continue;
    if (broad) trace = walk(context, client);
    trace.hops.shrink_to_fit();  // the walk reserved room for the longest path
    result.traces.push_back(std::move(trace));
  }
}

void say_why_unchecked(const model::Model& model, const FileSystemAnalysis& result,
                       Diagnostics& diagnostics) {
  const model::FileSystem& fs = model.file_systems[result.file_system];
  if (result.needs.empty()) {
    diagnostics.notice(
        fs.origin.location,
        fmt::format("{} is not checked: reachlint checks NFS on FSx for OpenZFS and ONTAP, not {}",
                    fs.origin.name, type_name(fs.type)));
  } else {
    diagnostics.notice(result.endpoint.where.known() ? result.endpoint.where : fs.origin.location,
                       fmt::format("{} is not checked: {}", fs.origin.name, result.endpoint.why));
  }
}

}  // namespace

bool in_shard(const model::Model& model, model::Index file_system, Shard shard) {
  if (shard.count <= 1) return true;
  const model::Origin& origin = model.file_systems[file_system].origin;
  const std::string_view scope =
      origin.stack < model.stacks.size() ? std::string_view(model.stacks[origin.stack]) : "";
  return StableHash().add(scope).add("|").add(origin.name).value() % shard.count == shard.index;
}

std::vector<FileSystemAnalysis> analyze(const model::Model& model, const AnalysisOptions& options,
                                        const DeclaredClients& declared, Diagnostics& diagnostics) {
  PhaseTimer timer(options.timings);
  const ClientIndex index = ClientIndex::build(model);
  timer.mark("clientidx");
  const RouteIndexes routes(model);
  timer.mark("routeidx");
  // Sized once: traces point into their analysis's clients, which must not move.
  std::vector<FileSystemAnalysis> results(model.file_systems.size());
  constexpr size_t kFileSystemsPerThread = 16;  // fewer are not worth a thread
  if (options.progress) options.progress->phase("analysing file systems", results.size());
  parallel_for(results.size(), workers_for(results.size(), kFileSystemsPerThread), [&](size_t f) {
    results[f].file_system = static_cast<model::Index>(f);
    results[f].in_shard = in_shard(model, static_cast<model::Index>(f), options.shard);
    if (results[f].in_shard) {
      analyze_one(model, options, declared, index, routes, static_cast<model::Index>(f),
                  results[f]);
    }
    if (options.progress) options.progress->advance();
  });
  for (const FileSystemAnalysis& result : results) {
    if (!result.in_shard) continue;
    if (result.checked)
      notice_unknown_hops(model, result, diagnostics);
    else
      say_why_unchecked(model, result, diagnostics);
  }
  return results;
}

}  // namespace reachlint::analysis
