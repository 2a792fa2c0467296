// Finds and reads the inputs of a run: template files, cdk.out assemblies and directories of them.
// What a file is comes from its content, never from its name.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/ingest/export_records.h"
#include "linter/ingest/json_tree.h"
#include "linter/ingest/template.h"

namespace reachlint {

struct LoadOptions {
  size_t max_input_bytes = size_t{1} << 31;
  // Files that are not templates, manifests or exports are skipped without a word, even when
  // named explicitly (pre-commit passes every changed JSON file). Broken templates still fail.
  bool skip_unrecognised = false;
};

struct LoadedFile {
  uint32_t file = 0;
  SourceBuffer buffer;
  JsonDocument json;
};

struct Inputs {
  SourceMap sources;
  std::vector<std::unique_ptr<LoadedFile>> files;  // stable addresses: templates point into them
  TemplateSet templates;
  ExportRecords exports;  // every AWS CLI export read, before linking
};

// Reads `paths` (files or directories, any mix). Problems become input errors (explicit files,
// unreadable paths) or notices (files skipped while walking a directory).
void load_inputs(const std::vector<std::string>& paths, const LoadOptions& options, Inputs& inputs,
                 Diagnostics& diagnostics);

}  // namespace reachlint
