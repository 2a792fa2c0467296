#include "linter/ingest/account/account_format.h"

#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "linter/core/whole_file.h"
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
}

namespace {

std::string folder_of(const SourceMap& sources, uint32_t file) {
  const std::string folder =
      std::filesystem::path(sources.path(file)).parent_path().generic_string();
  return folder.empty() ? "." : folder;
}

}  // namespace

void AccountExportFormat::set_aside(const BrokenInputs& inputs, Diagnostics& diagnostics) {
  const SourceMap& sources = inputs.sources;
  std::set<uint32_t> mine;
  for (const ExportJob& job : jobs_) mine.insert(job.file);
  std::map<std::string, uint32_t> broken_in;  // folder -> its first broken file
  for (const uint32_t file : inputs.files) {
    if (mine.count(file) || !inputs.recognised.count(file))
      broken_in.try_emplace(folder_of(sources, file), file);
  }
  std::vector<ExportJob> kept;
  std::map<std::string, size_t> left_out;  // folder -> export files left out
  for (const ExportJob& job : jobs_) {
    const std::string folder = folder_of(sources, job.file);
    if (broken_in.count(folder)) {
      ++left_out[folder];
    } else {
      kept.push_back(job);
    }
  }
  for (const auto& [folder, count] : left_out) {
    diagnostics.notice(whole_file(broken_in[folder]),
                       fmt::format("the account export in {}/ is not checked: without this file "
                                   "it is incomplete ({} export file{} left out)",
                                   folder, count, count == 1 ? "" : "s"));
  }
  std::set<std::string> folders;
  for (const auto& entry : left_out) folders.insert(entry.first);
  if (folders == left_out_) return;  // records_ already hold exactly the files kept
  left_out_ = std::move(folders);
  records_ = ExportRecords{};
  Diagnostics again;  // said when the files were first read
  read_exports(kept, records_, again);
}

void AccountExportFormat::build(ModelBuild& build) {
  build_model_from_exports(records_, build);
}

}  // namespace reachlint
