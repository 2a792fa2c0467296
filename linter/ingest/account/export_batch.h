// Reads many export files at once: an organisation is hundreds of files, and they parse
// independently, so they are shared out among threads in contiguous runs and the records are
// joined in file order, exactly as one thread reading them in turn would leave them.
#pragma once

#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/ingest/account/export_context.h"
#include "linter/ingest/account/export_records.h"

namespace reachlint {

struct ExportJob {
  const SourceBuffer* source = nullptr;
  uint32_t file = 0;
  ExportContext context;
};

void read_exports(const std::vector<ExportJob>& jobs, ExportRecords& records,
                  Diagnostics& diagnostics);

}  // namespace reachlint
