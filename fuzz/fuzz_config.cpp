// Configuration parsing: the input is a .reachlint.toml. It goes through load_config (toml++ and
// the [rules] / [[client]] / [protocols] reader), the rule selection, and the resolution of the
// declared clients (ids, logical ids, re2 patterns) against a fixed model, then the analysis and
// rules with those clients, as `reachlint --config FILE template.json` would.
//
// load_config only reads a path (there is no entry point taking the text), so the input is
// written to a file in the scratch directory first.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "linter/cli/config.h"
#include "linter/cli/pipeline.h"
#include "linter/ingest/cloudformation/template.h"
#include "linter/ingest/cloudformation/template_model_builder.h"
#include "linter/ingest/common/json_tree.h"
#include "linter/model/finalize.h"

namespace fs = std::filesystem;
using namespace reachlint;

namespace {

// The seed scenario: a VPC pair over a transit gateway, an OpenZFS Multi-AZ file system, an
// instance: every kind of client a configuration can name exists in it.
constexpr const char* kTemplate = "corpus-seed-as-is/template.json";

struct World {
  std::string text;
  SourceBuffer buffer;
  JsonDocument json;
  TemplateSet templates;
  model::Model model;
  std::string config_path;
};

World* world = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  world = new World;
  world->text = fuzz::read_fixture(kTemplate);
  world->buffer = SourceBuffer::from_string(world->text);
  Diagnostics diagnostics;
  if (!world->json.parse(world->buffer)) std::abort();
  Template tmpl;
  tmpl.file = 0;
  tmpl.stack_name = "template";
  tmpl.json = &world->json;
  if (!index_template(tmpl, diagnostics)) std::abort();
  world->templates.templates.push_back(std::move(tmpl));
  build_model_from_templates(world->templates, world->model, diagnostics);
  model::finalize(world->model, {});
  if (diagnostics.has_errors()) std::abort();
  world->config_path = (fuzz::scratch_dir() / ".reachlint.toml").string();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(world->config_path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  SourceMap sources;
  sources.add("template.json", world->buffer.text());  // file 0, as the model's locations say
  Diagnostics diagnostics;
  std::string text;
  const cli::Config config = cli::load_config(world->config_path, text, sources, diagnostics);
  if (!cli::select_rules(config.select.value_or(std::vector<std::string>{}), config.ignore))
    return 0;  // a usage error: the run stops here
  fuzz::analyze_and_report({&sources, &world->model, &diagnostics, config.clients,
                            config.nfs.value_or(analysis::NfsProfile::V3)});
  return 0;
}
