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

struct FileSystemAnalysis {
  model::Index file_system = model::kNone;
  Endpoint endpoint;
  std::vector<PortNeed> needs;
  std::vector<ClientGroup> clients;  // traces point into this vector: do not resize after walking
  std::vector<Trace> traces;
  bool checked = false;  // false: a notice says why it could not be
};

struct AnalysisOptions {
  NfsProfile nfs = NfsProfile::V3;
  bool timings = false;          // each step's time on standard error (REACHLINT_TIMINGS)
  Progress* progress = nullptr;  // counts the file systems analysed, when set
};

// Unknown hops of intended paths become notices: what could not be checked, and why.
std::vector<FileSystemAnalysis> analyze(const model::Model& model, const AnalysisOptions& options,
                                        const DeclaredClients& declared, Diagnostics& diagnostics);

}  // namespace reachlint::analysis
