// Account-export (AWS CLI dump) ingest, in memory: the input is a bundle (fuzz_common.h) whose
// header paths play the role of file paths (export_context: accounts/<id>/<region>/, tgw-rtb-…
// and pl-… in file names). Each file is recognised as load_inputs recognises it, by the input
// formats (streamed when it starts like an export, otherwise parsed into a tree: an export whose
// first key is not an export key, or a template deployed into the exported account). Then the
// formats fill the model and the analysis, rules and outputs run.
// A headerless input is one file named export.json.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "fuzz_common.h"
#include "linter/ingest/account/export_context.h"
#include "linter/ingest/common/inputs.h"
#include "linter/ingest/formats.h"

using namespace reachlint;

namespace {

// No files beyond the bundle: a CDK manifest's templates are not read.
class BundleOnly final : public LoaderAccess {
 public:
  LoadedFile* read_json(const std::string&) override { return nullptr; }
  void require(std::string, std::string) override {}
};

InputFormat* recognise(Inputs& inputs, const LoadedFile& file, bool parsed) {
  for (const auto& format : inputs.formats) {
    if (parsed ? format->claims_tree(file.json) : format->claims_text(file.buffer.text()))
      return format.get();
  }
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  Inputs inputs;
  inputs.formats = all_input_formats();
  BundleOnly loader;
  const std::string no_stack;
  for (const fuzz::Part& part : fuzz::split_bundle(text, "export.json", 64)) {
    auto& file = *inputs.files.emplace_back(std::make_unique<LoadedFile>());
    file.buffer = SourceBuffer::from_string(part.text);
    file.file = inputs.sources.add(part.path, file.buffer.text());
    fuzz::consume(export_context(part.path).account);
    InputFormat* format = recognise(inputs, file, false);
    if (!format) {
      if (const Status parsed = file.json.parse(file.buffer); !parsed) {
        diagnostics.error({file.file, parsed.error().location.offset}, parsed.error().message);
        continue;
      }
      format = recognise(inputs, file, true);
    }
    if (format) format->add({file, part.path, no_stack}, loader, diagnostics);
  }
  for (const auto& format : inputs.formats) format->finish_loading(diagnostics);
  model::Model model;
  build_model(inputs, model, diagnostics, /*timings=*/false);
  fuzz::analyze_and_report({&inputs.sources, &model, &diagnostics, {}, analysis::NfsProfile::V3});
  return 0;
}
