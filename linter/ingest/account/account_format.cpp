#include "linter/ingest/account/account_format.h"

#include "linter/ingest/account/export_context.h"
#include "linter/ingest/account/export_model_builder.h"
#include "linter/ingest/account/export_reader.h"

namespace reachlint {

bool AccountExportFormat::claims_text(std::string_view text) const {
  return starts_like_export(text);
}

bool AccountExportFormat::claims_tree(const JsonDocument& json) const {
  const JsonNode& root = json.root();
  if (!root.is_object()) return false;
  for (const JsonMember& member : json.members(root)) {
    if (is_export_key(member.key)) return true;
  }
  return false;
}

void AccountExportFormat::add(const InputFile& file, LoaderAccess&, Diagnostics&) {
  // Exports can be large: they are streamed into records, never kept as a tree.
  file.loaded.json = JsonDocument{};
  jobs_.push_back({&file.loaded.buffer, file.loaded.file, export_context(file.path)});
}

void AccountExportFormat::finish_loading(Diagnostics& diagnostics) {
  read_exports(jobs_, records_, diagnostics);
  jobs_.clear();
}

void AccountExportFormat::build(ModelBuild& build) {
  build_model_from_exports(records_, build);
}

}  // namespace reachlint
