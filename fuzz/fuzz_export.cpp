// Account-export (AWS CLI dump) ingest, in memory: the input is a bundle (fuzz_common.h) whose
// header paths play the role of file paths (export_context: accounts/<id>/<region>/, tgw-rtb-…
// and pl-… in file names). Each file is read as load_inputs reads it: streamed by read_export
// when it starts like an export, otherwise parsed into a tree and classified (an export whose
// first key is not an export key, or a template deployed into the exported account). Then the
// records are linked (build_model_from_exports) and the model, analysis, rules and outputs run.
// A headerless input is one file named export.json.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

#include "fuzz_common.h"
#include "linter/ingest/export_context.h"
#include "linter/ingest/export_model_builder.h"
#include "linter/ingest/export_reader.h"
#include "linter/ingest/input_kind.h"
#include "linter/ingest/json_tree.h"
#include "linter/ingest/template.h"
#include "linter/ingest/template_model_builder.h"
#include "linter/model/finalize.h"

using namespace reachlint;

namespace {

struct File {
  SourceBuffer buffer;
  JsonDocument json;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  SourceMap sources;
  ExportRecords records;
  TemplateSet templates;
  std::deque<File> files;  // stable addresses: records, templates and the source map point in
  for (const fuzz::Part& part : fuzz::split_bundle(text, "export.json", 64)) {
    File& file = files.emplace_back();
    file.buffer = SourceBuffer::from_string(part.text);
    const uint32_t id = sources.add(part.path, file.buffer.text());
    const ExportContext context = export_context(part.path);
    fuzz::consume(context.account);
    if (starts_like_export(file.buffer.text())) {
      read_export(file.buffer, id, context, records, diagnostics);
      continue;
    }
    uint32_t offset = 0;
    std::string error;
    if (!file.json.parse(file.buffer, offset, error)) {
      diagnostics.error({id, offset}, error);
      continue;
    }
    switch (classify_input(file.json)) {
      case InputKind::AccountExport:
        file.json = JsonDocument{};
        read_export(file.buffer, id, context, records, diagnostics);
        break;
      case InputKind::Template: {
        Template tmpl;
        tmpl.file = id;
        tmpl.json = &file.json;
        tmpl.stack_name = "stack";
        if (index_template(tmpl, diagnostics)) templates.templates.push_back(std::move(tmpl));
        break;
      }
      case InputKind::CdkManifest:
      case InputKind::Unknown:
        break;
    }
  }
  model::Model model;
  build_model_from_exports(records, model, diagnostics);
  build_model_from_templates(templates, model, diagnostics);
  model::finalize(model);
  fuzz::analyze_and_report({&sources, &model, &diagnostics, {}, analysis::NfsProfile::V3});
  return 0;
}
