// Links the records of account exports by physical id and adds them to the model. Runs before
// the templates are read, so that a template's literal ids (Vpc.fromLookup) land in the account.
#pragma once

#include "linter/core/diagnostics.h"
#include "linter/ingest/account/export_records.h"
#include "linter/ingest/common/input_format.h"
#include "linter/model/finalize.h"
#include "linter/model/model.h"

namespace reachlint {

// The exported route tables and transit gateway attachments are listed in `written_out`: their
// local routes, association and propagations are as exported. With `timings`, the time of each
// step on standard error.
void build_model_from_exports(const ExportRecords& records, ModelBuild& build);

}  // namespace reachlint
