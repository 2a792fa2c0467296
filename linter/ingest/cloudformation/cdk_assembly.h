// CDK cloud assemblies (cdk.out): manifest.json lists the stacks' templates and nested
// assemblies (Stages, Pipelines). Only the templates a manifest lists are inputs.
#pragma once

#include <string>

#include "linter/core/diagnostics.h"
#include "linter/ingest/common/input_format.h"

namespace reachlint {

bool is_cdk_manifest(const JsonDocument& json);

// Reads `dir` as an assembly when it holds a manifest; false when it does not.
bool read_assembly_directory(const std::string& dir, LoaderAccess& loader,
                             Diagnostics& diagnostics);

// Asks the loader for every template `manifest` (read from `dir`) lists, and reads its nested
// assemblies.
void read_assembly(const std::string& dir, const LoadedFile& manifest, LoaderAccess& loader,
                   Diagnostics& diagnostics);

}  // namespace reachlint
