#include "linter/analysis/analysis.h"

#include <algorithm>
#include <iterator>

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

// What one file system needs before its paths are walked: its endpoint, the ports, and the
// clients to walk from. File systems are analysed in parallel, and what they have to say is said
// afterwards, in order.
void find_clients(const model::Model& model, const AnalysisOptions& options,
                  const DeclaredClients& declared, const ClientIndex& index, model::Index f,
                  FileSystemAnalysis& result) {
  const model::FileSystem& fs = model.file_systems[f];
  result.endpoint = endpoint_of(model, fs);
  result.needs = required_ports(fs.type, options.nfs);
  if (result.needs.empty() || !result.endpoint.known) return;
  result.checked = true;
  result.clients = intended_clients(model, index, fs, result.endpoint, result.needs, declared);
}

// A run of one file system's clients, walked as one work item: a file system of an organisation
// can have thousands of broad candidates, and walked as one item it kept one core busy long
// after the other had finished.
struct WalkItem {
  model::Index file_system;
  size_t first_client;
  size_t end_client;
};

std::vector<WalkItem> walk_items(const std::vector<FileSystemAnalysis>& results) {
  constexpr size_t kClientsPerItem = 64;  // a few hundred microseconds of walks
  std::vector<WalkItem> items;
  for (const FileSystemAnalysis& result : results) {
    const size_t count = result.clients.size();
    for (size_t first = 0; first < count; first += kClientsPerItem)
      items.push_back({result.file_system, first, std::min(count, first + kClientsPerItem)});
  }
  return items;
}

// The traces of an item's clients, in client order.
std::vector<Trace> walk_clients(const model::Model& model, const ClientIndex& index,
                                const RouteIndexes& routes, const FileSystemAnalysis& result,
                                const WalkItem& item) {
  EndpointLookups endpoint_lookups;
  const WalkContext context{
      model, routes, index, item.file_system, result.endpoint, result.needs, &endpoint_lookups};
  std::vector<Trace> traces;
  for (size_t c = item.first_client; c < item.end_client; ++c) {
    const ClientGroup& client = result.clients[c];
    // At organisation scale most clients are broad ones whose path holds: kept, they would be
    // most of the memory and say nothing. Whether it holds is in the verdicts alone, so they are
    // walked without words first, and again with them when the trace is kept.
    const bool broad = client.evidence == Evidence::Broad;
    Trace trace = walk(context, client, broad ? Words::None : Words::All);
    if (broad && !asymmetric(trace) && !has_unknown_hop(trace)) continue;
    if (broad) trace = walk(context, client);
    trace.hops.shrink_to_fit();  // the walk reserved room for the longest path
    traces.push_back(std::move(trace));
  }
  return traces;
}

// Walks every client of every file system, spread over the cores by items, and gives each file
// system its traces in client order.
void walk_all_clients(const model::Model& model, const AnalysisOptions& options,
                      const ClientIndex& index, std::vector<FileSystemAnalysis>& results) {
  const RouteIndexes routes(model);
  const std::vector<WalkItem> items = walk_items(results);
  size_t clients = 0;
  for (const FileSystemAnalysis& result : results) clients += result.clients.size();
  if (options.progress) options.progress->phase("walking client paths", clients);
  std::vector<std::vector<Trace>> traces_of_item(items.size());
  constexpr size_t kItemsPerThread = 4;
  parallel_for(items.size(), workers_for(items.size(), kItemsPerThread), [&](size_t i) {
    const WalkItem& item = items[i];
    traces_of_item[i] = walk_clients(model, index, routes, results[item.file_system], item);
    if (options.progress) options.progress->advance(item.end_client - item.first_client);
  });
  for (size_t i = 0; i < items.size(); ++i) {
    std::vector<Trace>& traces = results[items[i].file_system].traces;
    std::move(traces_of_item[i].begin(), traces_of_item[i].end(), std::back_inserter(traces));
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
  // Sized once: traces point into their analysis's clients, which must not move.
  std::vector<FileSystemAnalysis> results(model.file_systems.size());
  constexpr size_t kFileSystemsPerThread = 16;  // fewer are not worth a thread
  if (options.progress) options.progress->phase("finding clients", results.size());
  parallel_for(results.size(), workers_for(results.size(), kFileSystemsPerThread), [&](size_t f) {
    const auto file_system = static_cast<model::Index>(f);
    results[f].file_system = file_system;
    results[f].in_shard = in_shard(model, file_system, options.shard);
    if (results[f].in_shard) find_clients(model, options, declared, index, file_system, results[f]);
    if (options.progress) options.progress->advance();
  });
  timer.mark("discovery");
  walk_all_clients(model, options, index, results);
  timer.mark("walks");
  for (const FileSystemAnalysis& result : results) {
    if (!result.in_shard) continue;
    if (result.checked) {
      notice_unknown_hops(model, result, diagnostics);
    } else {
      say_why_unchecked(model, result, diagnostics);
    }
  }
  return results;
}

}  // namespace reachlint::analysis
