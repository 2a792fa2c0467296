// Links the records of account exports by physical id and adds them to the model. Runs before
// the templates are read, so that a template's literal ids (Vpc.fromLookup) land in the account.
#pragma once

#include "linter/core/diagnostics.h"
#include "linter/ingest/export_records.h"
#include "linter/model/model.h"

namespace reachlint {

void build_model_from_exports(const ExportRecords& records, model::Model& model,
                              Diagnostics& diagnostics);

}  // namespace reachlint
