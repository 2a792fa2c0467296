#include "linter/ingest/terraform/plan_sources.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "linter/ingest/terraform/hcl_blocks.h"

namespace reachlint::terraform {

namespace {

namespace fs = std::filesystem;

std::string normal(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  while (text.size() > 1 && text.ends_with('/')) text.pop_back();
  return text.empty() ? "." : text;
}

// Terraform's own test: a source starting with ./ or ../ is a directory of this configuration.
bool is_local_source(std::string_view source) {
  return source.starts_with("./") || source.starts_with("../");
}

// The .tf files of `dir`, in the order Terraform merges them: by name, override files last.
std::vector<std::string> tf_files(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    // Not only regular files: one that cannot be read (a dangling link) is said so.
    if (name.ends_with(".tf") && !name.starts_with(".") && !it->is_directory(ec))
      names.push_back(name);
  }
  const auto is_override = [](const std::string& name) {
    return name == "override.tf" || name.ends_with("_override.tf");
  };
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    return std::pair(is_override(a), a) < std::pair(is_override(b), b);
  });
  return names;
}

// `terraform init`'s record of where it installed each module call ("net.sub" -> its directory,
// relative to the root module): registry and remote modules are found there.
std::unordered_map<std::string, std::string> installed_modules(const std::string& root) {
  std::unordered_map<std::string, std::string> out;
  SourceBuffer buffer;
  constexpr size_t kMaxBytes = size_t{16} << 20;
  if (!buffer.load(normal(fs::path(root) / ".terraform/modules/modules.json"), kMaxBytes))
    return out;
  JsonDocument json;
  if (!json.parse(buffer) || !json.root().is_object()) return out;
  const JsonNode* modules = json.find(json.root(), "Modules");
  if (!modules || !modules->is_array()) return out;
  for (const JsonNode* module : json.elements(*modules)) {
    if (!module->is_object()) continue;
    const JsonNode* key = json.find(*module, "Key");
    const JsonNode* dir = json.find(*module, "Dir");
    if (key && key->is_string() && dir && dir->is_string() && !key->text.empty())
      out.emplace(std::string(key->text), normal(fs::path(root) / std::string(dir->text)));
  }
  return out;
}

// `root` and the directories below it that hold .tf files, by path: not hidden ones
// (.terraform, .git), not node_modules, and within bounds, as a repository may be large.
std::vector<std::string> directories_under(const std::string& root) {
  constexpr int kMaxDepth = 8;
  constexpr size_t kMaxDirectories = 10000;
  std::vector<std::string> out{root};
  std::error_code ec;
  size_t seen = 0;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end && seen < kMaxDirectories; it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    ++seen;
    const std::string name = it->path().filename().string();
    if (name.starts_with(".") || name == "node_modules" || it.depth() >= kMaxDepth) {
      it.disable_recursion_pending();
      if (name.starts_with(".") || name == "node_modules") continue;
    }
    if (!tf_files(it->path().string()).empty()) out.push_back(normal(it->path()));
  }
  std::sort(out.begin() + 1, out.end());
  return out;
}

class Locator {
 public:
  Locator(Plan& plan, LoaderAccess& loader, ConfigurationFiles& files)
      : plan_(plan), loader_(loader), files_(files) {}

  void locate(const std::string& plan_path) {
    const std::optional<std::string> root = root_directory(plan_path);
    if (!root) return;
    installed_ = installed_modules(*root);
    std::unordered_map<std::string, std::optional<std::string>> directories;  // by module
    for (PlanResource& resource : plan_.resources()) {
      auto [known, inserted] = directories.try_emplace(resource.config_module);
      if (inserted) known->second = module_directory(*root, resource.config_module);
      const std::optional<std::string>& dir = known->second;
      if (!dir) continue;
      const ConfigurationFiles::Module& files = read(*dir);
      const auto found = files.blocks.find(key_in_module(resource));
      if (found == files.blocks.end()) continue;
      resource.source = found->second.where;
      resource.source_attributes = found->second.attributes;
    }
  }

 private:
  // "aws_subnet.a" of "module.net.aws_subnet.a"; data sources keep their "data." prefix.
  static std::string key_in_module(const PlanResource& resource) {
    if (resource.config_module.empty()) return resource.config_address;
    return resource.config_address.substr(
        std::min(resource.config_address.size(), resource.config_module.size() + 1));
  }

  // The plan's directory when its .tf files declare one of the plan's root resources or module
  // calls; else the directory under --srcroot that declares most of them (a tie: the one named
  // as the plan's stack, envs/prod for prod's plan, then the first by path).
  std::optional<std::string> root_directory(const std::string& plan_path) {
    std::set<std::string> keys;  // "aws_vpc.a", "module.net"
    for (const PlanResource& resource : plan_.resources()) {
      keys.insert(resource.config_module.empty()
                      ? resource.config_address
                      : resource.config_module.substr(0, resource.config_module.find('.', 7)));
    }
    const std::string own = normal(fs::path(plan_path).parent_path());
    if (declared(own, keys) > 0) return own;
    if (loader_.source_root().empty()) return std::nullopt;
    std::optional<std::string> best;
    std::pair<size_t, bool> best_score{0, false};
    for (const std::string& dir : directories_under(normal(loader_.source_root()))) {
      const std::pair<size_t, bool> score{declared(dir, keys),
                                          fs::path(dir).filename().string() == plan_.stack_name()};
      if (score.first > 0 && score > best_score) {
        best = dir;
        best_score = score;
      }
    }
    return best;
  }

  size_t declared(const std::string& dir, const std::set<std::string>& keys) {
    const ConfigurationFiles::Module& files = read(dir);
    return static_cast<size_t>(std::count_if(keys.begin(), keys.end(), [&](const std::string& key) {
      return files.blocks.count(key) > 0;
    }));
  }

  // The directory of module "module.a.module.b" (no instance keys), or nullopt when a call on
  // the way has a source that is neither local nor installed.
  std::optional<std::string> module_directory(const std::string& root, const std::string& module) {
    std::string dir = root;
    std::string prefix;
    std::string key;  // modules.json's: "a.b"
    size_t at = 0;
    while (at < module.size()) {
      const size_t name_start = module.find('.', at) + 1;  // past "module."
      const size_t end = std::min(module.find(".module.", name_start), module.size());
      const std::string name = module.substr(name_start, end - name_start);
      prefix = module.substr(0, end);
      key += (key.empty() ? "" : ".") + name;
      std::string_view source = plan_.module_source(prefix);
      if (source.empty()) {
        const ConfigurationFiles::Module& files = read(dir);
        const auto call = files.calls.find(name);
        if (call != files.calls.end()) source = call->second;
      }
      if (is_local_source(source)) {
        dir = normal(fs::path(dir) / std::string(source));
      } else if (const auto installed = installed_.find(key); installed != installed_.end()) {
        dir = installed->second;
      } else {
        return std::nullopt;
      }
      at = end + 1;
    }
    return dir;
  }

  const ConfigurationFiles::Module& read(const std::string& dir) {
    return files_.read(dir, loader_);
  }

  Plan& plan_;
  LoaderAccess& loader_;
  ConfigurationFiles& files_;
  std::unordered_map<std::string, std::string> installed_;
};

void add_block(ConfigurationFiles::Module& files, const HclBlock& block, uint32_t file) {
  std::string key;
  if (block.type == "resource" && block.labels.size() == 2) {
    key = fmt::format("{}.{}", block.labels[0], block.labels[1]);
  } else if (block.type == "data" && block.labels.size() == 2) {
    key = fmt::format("data.{}.{}", block.labels[0], block.labels[1]);
  } else if (block.type == "module" && block.labels.size() == 1) {
    key = fmt::format("module.{}", block.labels[0]);
    files.calls.try_emplace(std::string(block.labels[0]), block.source);
  } else {
    return;
  }
  ConfigurationFiles::Block out{{file, block.offset}, {}};
  for (const auto& [name, offset] : block.attributes)
    out.attributes.emplace_back(name, Location{file, offset});
  files.blocks.try_emplace(std::move(key), std::move(out));  // the first one declared counts
}

}  // namespace

const ConfigurationFiles::Module& ConfigurationFiles::read(const std::string& dir,
                                                           LoaderAccess& loader) {
  const auto [it, inserted] = modules_.try_emplace(dir);
  if (!inserted) return it->second;
  Module& files = it->second;
  for (const std::string& name : tf_files(dir)) {
    const SourceText* text = loader.read_source(normal(fs::path(dir) / name));
    if (!text) continue;  // a notice said why
    for (const HclBlock& block : scan_hcl_blocks(text->text)) add_block(files, block, text->file);
  }
  return files;
}

void locate_in_configuration(Plan& plan, const std::string& plan_path, LoaderAccess& loader,
                             ConfigurationFiles& files) {
  Locator(plan, loader, files).locate(plan_path);
}

}  // namespace reachlint::terraform
