// The one interface of an input format. Each format is a room of ingest/ (cloudformation/,
// account/, and the next one): it recognises its files, keeps what it reads from them, and fills
// the model. The loader (inputs.cpp) knows formats only through this interface; the list of
// formats is ingest/formats.cpp. docs/architecture.md shows how a new format is added.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/core/suppression_spec.h"
#include "linter/ingest/common/given_parameters.h"
#include "linter/ingest/common/json_tree.h"
#include "linter/model/finalize.h"
#include "linter/model/model.h"

namespace reachlint {

// One input file as read from disk, and its tree once parsed (JSON or YAML).
struct LoadedFile {
  uint32_t file = 0;
  SourceBuffer buffer;
  JsonDocument json;
};

// A file the loader hands to the format that recognised it.
struct InputFile {
  LoadedFile& loaded;
  const std::string& path;        // as displayed
  const std::string& stack_name;  // given by the file that listed it (a CDK manifest), or empty
};

// The inputs with errors, as build_model tells the formats before each build.
struct BrokenInputs {
  const SourceMap& sources;
  const std::set<uint32_t>& files;  // the inputs with errors (ids in `sources`)
  // The inputs some format took, or recognised though they do not parse (a template by its
  // `"Resources"`): a broken one is that format's. One no format knows (it cannot be opened,
  // it is not JSON) may have been anything.
  const std::set<uint32_t>& recognised;
};

// A file read for what it tells about an input, not as one (a Terraform plan's .tf files, where
// its resources are written): its id in the sources, so that locations point into it, and its text.
struct SourceText {
  uint32_t file = 0;
  std::string_view text;
};

// What a format may ask of the loader while it reads.
class LoaderAccess {
 public:
  virtual ~LoaderAccess() = default;
  // Reads such a file once (the same answer after); nullptr when it cannot be read, which the
  // loader reports as a notice (its locations stay in the input).
  virtual const SourceText* read_source(const std::string& /*path*/) { return nullptr; }
  // --srcroot as given (empty when not): where a format may look for such files too.
  virtual std::string_view source_root() const { return {}; }
  // Reads and parses a JSON file once; nullptr when it was read before or cannot be read (and
  // then parsed, except for a parse error, which is left to the caller to report or not).
  virtual LoadedFile* read_json(const std::string& path) = 0;
  // A file that must be an input: listed by a manifest, it is read after the current one.
  virtual void require(std::string path, std::string stack_name) = 0;
};

// Where a format's build writes: the model, what the inputs write out in full (finalize adds no
// AWS defaults there), the suppressions written in the inputs, and the notices; with `timings`,
// the time of its steps on standard error (REACHLINT_TIMINGS).
struct ModelBuild {
  const SourceMap& sources;  // to name other files in messages
  model::Model& model;
  model::WrittenOut& written_out;
  std::vector<SuppressionSpec>& suppressions;
  const std::vector<GivenParameter>& parameters;  // values for templates' parameters
  Diagnostics& diagnostics;
  bool timings = false;
};

class InputFormat {
 public:
  // What the inputs of a format describe. Formats are built in this order, so that the ids a
  // template or plan writes literally (an existing VPC) link to the account it deploys into.
  enum class Layer : uint8_t { Deployed, Planned };

  virtual ~InputFormat() = default;

  virtual Layer layer() const = 0;
  // What its files are called in messages ("CloudFormation template, CDK assembly manifest").
  virtual std::string_view names() const = 0;
  // What one of its files is, for --verbose ("CloudFormation template"); default: names().
  virtual std::string_view kind(const LoadedFile& /*file*/) const { return names(); }

  // A directory the format reads whole (a CDK assembly); true when it took it.
  virtual bool take_directory(const std::string& /*dir*/, LoaderAccess& /*loader*/,
                              Diagnostics& /*diagnostics*/) {
    return false;
  }
  // Whether the first bytes of a file say it is this format's. Such a file is handed over
  // without being parsed into a tree: large formats stream it.
  virtual bool claims_text(std::string_view /*text*/) const { return false; }
  // Whether a parsed document (JSON, or YAML when the format reads YAML) is this format's.
  virtual bool claims_tree(const JsonDocument& json) const = 0;
  // Whether its files may be YAML; only such formats are asked about YAML documents.
  virtual bool reads_yaml() const { return false; }
  // Whether text that does not parse reads like this format all the same, in JSON or in YAML:
  // a broken input of a known format is an error, never a file skipped in silence.
  virtual bool resembles_json(std::string_view /*text*/) const { return false; }
  virtual bool resembles_yaml(std::string_view /*text*/) const { return false; }
  // Whether the files of one folder of this format belong together (an account export), so that
  // a file beside them that cannot be read is a listing lost: an error, not a file skipped.
  virtual bool lists_whole_directories() const { return false; }

  // Takes a file it claimed, by text or by tree.
  virtual void add(const InputFile& file, LoaderAccess& loader, Diagnostics& diagnostics) = 0;
  // Called once every file is known: formats that read their files together do so here.
  virtual void finish_loading(Diagnostics& /*diagnostics*/) {}
  // The inputs with errors, before each build: the format leaves them, and what cannot be read
  // without them, out of the model, and says so in notices. An input that refers to them sees
  // unknowns, never a guess.
  virtual void set_aside(const BrokenInputs& /*inputs*/, Diagnostics& /*diagnostics*/) {}
  // Fills the model with the entities of the files it took.
  virtual void build(ModelBuild& build) = 0;
};

}  // namespace reachlint
