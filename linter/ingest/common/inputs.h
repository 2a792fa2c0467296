// Finds and reads the inputs of a run: files and directories, any mix, each handed to the input
// format that recognises it (input_format.h). What a file is comes from its content, never from
// its name. Then the formats fill one model.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/core/suppression_spec.h"
#include "linter/ingest/common/given_parameters.h"
#include "linter/ingest/common/input_format.h"
#include "linter/model/model.h"

namespace reachlint {

struct LoadOptions {
  size_t max_input_bytes = size_t{1} << 31;
  // Files that are not of any format are skipped without a word, even when named explicitly
  // (pre-commit passes every changed JSON file). Broken templates still fail.
  bool skip_unrecognised = false;
  // The path `-` reads this text (standard input, read by the caller), named `name` in messages;
  // what it is comes from its content, and from that name's extension as for any file.
  struct StandardInput {
    std::string name;
    std::string_view text;
  };
  std::optional<StandardInput> standard_input;
  bool record = false;      // keep Inputs::record (--verbose)
  std::string source_root;  // --srcroot as given, or empty (LoaderAccess::source_root)
};

// What became of one path met while loading: read by a format, or skipped, and why.
struct InputRecord {
  std::string path;
  bool read = false;
  std::string what;  // the kind of input read, or why it was skipped
};

struct Inputs {
  SourceMap sources;
  std::vector<std::unique_ptr<LoadedFile>> files;  // stable addresses: formats point into them
  // Files read for what they tell about inputs (LoaderAccess::read_source), not inputs.
  std::deque<SourceBuffer> source_texts;
  // In the order they recognise files (ingest/formats.cpp).
  std::vector<std::unique_ptr<InputFormat>> formats;
  // Written in the inputs themselves (a template resource's Metadata), read by build_model.
  std::vector<SuppressionSpec> suppressions;
  // Values for templates' parameters (--parameters), read by build_model, and the files they
  // came from (canonical paths), which are no inputs however they are met.
  std::vector<GivenParameter> parameters;
  std::set<std::string> parameter_files;
  std::vector<InputRecord> record;  // with LoadOptions::record, in the order met
  // The files and paths the loader met (ids in `sources`): an error located in one of them sets
  // that input aside, the run goes on; an error elsewhere (configuration, parameters) stops it.
  std::set<uint32_t> input_files;
  std::set<uint32_t> recognised;  // of them, the files of a format, parsed or not
  size_t read = 0;                // files handed to a format
  size_t skipped = 0;             // files met but not read: of no format, binary, not regular files

  bool is_input(Location location) const {
    return location.known() && input_files.count(location.file) > 0;
  }

  // The format of type `Format`, when the run has one.
  template <typename Format>
  const Format* format() const {
    for (const auto& format : formats) {
      if (const auto* found = dynamic_cast<const Format*>(format.get())) return found;
    }
    return nullptr;
  }
};

// Reads `paths` (files or directories, any mix) with `inputs.formats`. Problems become input
// errors (explicit files, unreadable paths) or notices (files skipped while walking a directory).
void load_inputs(const std::vector<std::string>& paths, const LoadOptions& options, Inputs& inputs,
                 Diagnostics& diagnostics);

// Fills `model` from every format, the account they deploy into first, then completes it with
// what AWS adds by itself (model/finalize.h). An input with an error is set aside (not checked)
// with what depends on it, and the model is built again without it until no new input breaks.
// With `timings`, formats print the time of their steps on standard error (REACHLINT_TIMINGS).
void build_model(Inputs& inputs, model::Model& model, Diagnostics& diagnostics, bool timings);

}  // namespace reachlint
