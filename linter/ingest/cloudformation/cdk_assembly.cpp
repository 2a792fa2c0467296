#include "linter/ingest/cloudformation/cdk_assembly.h"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "linter/ingest/cloudformation/template_keys.h"

namespace reachlint {

namespace fs = std::filesystem;

namespace {

std::string display_path(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

}  // namespace

bool is_cdk_manifest(const JsonDocument& json) {
  const JsonNode& root = json.root();
  if (!root.is_object()) return false;
  const JsonNode* artifacts = json.find(root, template_keys::cdk::kArtifacts);
  const JsonNode* version = json.find(root, template_keys::cdk::kVersion);
  return artifacts && artifacts->is_object() && version && version->is_string();
}

bool read_assembly_directory(const std::string& dir, LoaderAccess& loader,
                             Diagnostics& diagnostics) {
  const std::string manifest = display_path(fs::path(dir) / "manifest.json");
  std::error_code ec;
  if (!fs::is_regular_file(manifest, ec)) return false;
  const LoadedFile* file = loader.read_json(manifest);
  if (!file || !is_cdk_manifest(file->json)) return false;
  read_assembly(dir, *file, loader, diagnostics);
  return true;
}

void read_assembly(const std::string& dir, const LoadedFile& manifest, LoaderAccess& loader,
                   Diagnostics& diagnostics) {
  const JsonDocument& json = manifest.json;
  const JsonNode* artifacts = json.find(json.root(), template_keys::cdk::kArtifacts);
  if (!artifacts || !artifacts->is_object()) return;
  for (const JsonMember& artifact : json.members(*artifacts)) {
    const JsonNode* type = json.find(*artifact.value, template_keys::cdk::kType);
    const JsonNode* properties = json.find(*artifact.value, template_keys::cdk::kProperties);
    if (!type || !type->is_string() || !properties || !properties->is_object()) continue;
    if (type->text == "aws:cloudformation:stack") {
      const JsonNode* file = json.find(*properties, template_keys::cdk::kTemplateFile);
      const JsonNode* stack = json.find(*properties, template_keys::cdk::kStackName);
      if (!file || !file->is_string()) {
        diagnostics.error({manifest.file, artifact.key_offset},
                          fmt::format("stack artifact '{}' has no templateFile", artifact.key));
        continue;
      }
      const std::string name(stack && stack->is_string() ? stack->text : artifact.key);
      loader.require(display_path(fs::path(dir) / std::string(file->text)), name);
    } else if (type->text == "cdk:cloud-assembly") {
      const JsonNode* nested = json.find(*properties, template_keys::cdk::kDirectoryName);
      if (!nested || !nested->is_string()) continue;
      const std::string nested_dir = display_path(fs::path(dir) / std::string(nested->text));
      if (!read_assembly_directory(nested_dir, loader, diagnostics)) {
        diagnostics.error({manifest.file, artifact.key_offset},
                          fmt::format("nested assembly '{}' has no manifest.json", nested_dir));
      }
    }
  }
}

}  // namespace reachlint
