// Runs the walker for every file system and each of its intended clients.
#pragma once

#include <vector>

#include "linter/analysis/clients.h"
#include "linter/analysis/declared_clients.h"
#include "linter/analysis/endpoint.h"
#include "linter/analysis/protocols.h"
#include "linter/analysis/trace.h"
#include "linter/core/diagnostics.h"
#include "linter/core/progress.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

// One of `count` deterministic parts of the file systems (--shard K/N: index K-1): each shard of
// a run that is split over machines checks its part, reading the whole inputs.
struct Shard {
  uint32_t index = 0;
  uint32_t count = 1;
};

// Whether `file_system` is in `shard`: by a hash of its id and scope, so that it stays in the same
// shard whatever else the inputs hold and in whatever order.
bool in_shard(const model::Model& model, model::Index file_system, Shard shard);

struct FileSystemAnalysis {
  model::Index file_system = model::kNone;
  Endpoint endpoint;
  std::vector<PortNeed> needs;
  std::vector<ClientGroup> clients;  // traces point into this vector: do not resize after walking
  std::vector<Trace> traces;
  bool checked = false;  // false: a notice says why it could not be
  bool in_shard = true;  // false: another shard checks it
};

struct AnalysisOptions {
  NfsProfile nfs = NfsProfile::V3;
  bool timings = false;          // each step's time on standard error (REACHLINT_TIMINGS)
  Progress* progress = nullptr;  // counts the file systems analysed, when set
  Shard shard;
};

// "FSx for OpenZFS", "FSx for Windows File Server", ... as messages name a file system's type.
std::string_view type_name(model::FileSystemType type);

// Unknown hops of intended paths become notices: what could not be checked, and why.
std::vector<FileSystemAnalysis> analyze(const model::Model& model, const AnalysisOptions& options,
                                        const DeclaredClients& declared, Diagnostics& diagnostics);

}  // namespace reachlint::analysis
