#include "linter/ingest/cloudformation/nested_stacks.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unordered_map>

#include <fmt/format.h>

#include "linter/ingest/cloudformation/template_keys.h"

namespace reachlint {

namespace fs = std::filesystem;

namespace {

// Beyond this many stacks a fan-out of nested templates (each nesting two of the next) is not
// unfolded further: a bound on work, far above what one deployment holds.
constexpr size_t kMaxStacks = 10000;
constexpr uint32_t kNotFound = UINT32_MAX;

std::string display_path(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

std::string beside(const std::string& parent_path, std::string_view relative) {
  return display_path(fs::path(parent_path).parent_path() / fs::path(std::string(relative)));
}

bool is_file(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// One file, however it is spelled.
std::string file_key(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

bool is_remote(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://") || url.starts_with("s3://");
}

// The last segment of an S3 URL's path, without its query (?versionId=...).
std::string_view url_file_name(std::string_view url) {
  url = url.substr(0, url.find('?'));
  return url.substr(url.rfind('/') + 1);
}

const JsonNode* cdk_asset_path(const Template& tmpl, const JsonMember& resource) {
  const JsonNode* metadata = tmpl.json->find(*resource.value, template_keys::kMetadata);
  const JsonNode* asset = metadata && metadata->is_object()
                              ? tmpl.json->find(*metadata, template_keys::kCdkAssetPath)
                              : nullptr;
  return asset && asset->is_string() ? asset : nullptr;
}

std::string unchecked(std::string_view logical_id) {
  return fmt::format("its resources are not checked and the outputs {} passes on are unknown",
                     logical_id);
}

// A path relative to the parent. A CDK asset missing from the assembly is an error; a local
// TemplateURL that names no file a notice: only `aws cloudformation package` reads local paths
// (CloudFormation takes S3 URLs), so it may be a placeholder. An absolute path is not followed:
// a template in a pull request must not make a CI run read the runner's files.
NestedReference locate_local(const Template& tmpl, NestedReference ref, std::string_view relative,
                             bool cdk_asset, Diagnostics& diagnostics) {
  const std::string_view id = ref.resource->key;
  if (fs::path(std::string(relative)).is_absolute()) {
    diagnostics.notice(ref.at, fmt::format("could not evaluate nested stack {}: its template {} "
                                           "is an absolute path, which is not followed; {}",
                                           id, relative, unchecked(id)));
    return ref;
  }
  const std::string path = beside(tmpl.path, relative);
  if (is_file(path)) {
    ref.path = path;
  } else if (cdk_asset) {
    diagnostics.error(
        ref.at, fmt::format("nested stack {}: its template {} is not in the assembly", id, path));
  } else {
    diagnostics.notice(ref.at, fmt::format("could not evaluate nested stack {}: its template {} "
                                           "does not exist; {}",
                                           id, path, unchecked(id)));
  }
  return ref;
}

// A TemplateURL: a path beside the parent (as `aws cloudformation package` reads it), or an
// S3 URL, used when a file of that name lies beside the parent.
NestedReference locate_by_url(const Template& tmpl, const JsonMember& resource,
                              Diagnostics& diagnostics) {
  NestedReference ref{&resource, {}, tmpl.at(resource.key_offset)};
  const JsonNode* props = tmpl.properties(resource);
  const JsonNode* url = props ? tmpl.json->find(*props, template_keys::kTemplateURL) : nullptr;
  if (url) ref.at = tmpl.at(url->offset);
  if (!url || !url->is_string()) {
    diagnostics.notice(ref.at, fmt::format("could not evaluate nested stack {}: its TemplateURL "
                                           "is not a literal path or URL; {}",
                                           resource.key, unchecked(resource.key)));
    return ref;
  }
  if (!is_remote(url->text)) return locate_local(tmpl, ref, url->text, false, diagnostics);
  const std::string_view name = url_file_name(url->text);
  const std::string path = name.empty() ? std::string() : beside(tmpl.path, name);
  if (!path.empty() && is_file(path)) {
    ref.path = path;
  } else {
    diagnostics.notice(ref.at, fmt::format("could not evaluate nested stack {}: its template {} "
                                           "is not beside this one; {}",
                                           resource.key, url->text, unchecked(resource.key)));
  }
  return ref;
}

NestedReference locate_child(const Template& tmpl, const JsonMember& resource,
                             Diagnostics& diagnostics) {
  const JsonNode* asset = cdk_asset_path(tmpl, resource);
  if (!asset) return locate_by_url(tmpl, resource, diagnostics);
  return locate_local(tmpl, {&resource, {}, tmpl.at(asset->offset)}, asset->text, true,
                      diagnostics);
}

// CloudFormation refuses a nested stack passed a parameter its template does not declare. Only
// literal keys are checked: Parameters computed by a function are known at deploy time.
void check_passed_names(const Template& parent, const JsonMember& resource, const Template& child,
                        Diagnostics& diagnostics) {
  const JsonNode* props = parent.properties(resource);
  const JsonNode* passed = props ? parent.json->find(*props, template_keys::kParameters) : nullptr;
  if (!passed || !passed->is_object()) return;
  const auto members = parent.json->members(*passed);
  if (members.size() == 1 && (members[0].key == template_keys::kRef ||
                              members[0].key.starts_with(template_keys::kFnPrefix)))
    return;
  for (const JsonMember& member : members) {
    if (child.parameters.contains(member.key)) continue;
    diagnostics.error(parent.at(member.key_offset),
                      fmt::format("nested stack {} is passed parameter '{}', which its template "
                                  "{} does not declare",
                                  resource.key, member.key, child.path));
  }
}

// Unfolds the files' nesting into stacks, depth first.
class NestingLinker {
 public:
  NestingLinker(std::vector<Template> files, TemplateSet& stacks, Diagnostics& diagnostics)
      : files_(std::move(files)), stacks_(stacks), diagnostics_(diagnostics) {
    find_child_files();
  }

  void run() {
    for (uint32_t file = 0; file < files_.size(); ++file) {
      if (!is_child_[file]) instantiate(file, Template::kNoParent, nullptr);
    }
    // What is left is nested only in itself: a cycle, reported from its first file.
    for (uint32_t file = 0; file < files_.size(); ++file) {
      if (!visited_[file]) instantiate(file, Template::kNoParent, nullptr);
    }
  }

 private:
  void find_child_files() {
    std::unordered_map<std::string, uint32_t> by_key;
    for (uint32_t file = 0; file < files_.size(); ++file)
      by_key.try_emplace(file_key(files_[file].path), file);
    is_child_.assign(files_.size(), false);
    visited_.assign(files_.size(), false);
    child_file_.resize(files_.size());
    for (uint32_t file = 0; file < files_.size(); ++file) {
      for (const NestedReference& ref : files_[file].nested) {
        const auto found = ref.path.empty() ? by_key.end() : by_key.find(file_key(ref.path));
        const uint32_t child = found == by_key.end() ? kNotFound : found->second;
        if (child != kNotFound) is_child_[child] = true;
        child_file_[file].push_back(child);
      }
    }
  }

  uint32_t instantiate(uint32_t file, uint32_t parent, const JsonMember* resource) {
    const auto index = static_cast<uint32_t>(stacks_.templates.size());
    stacks_.templates.push_back(files_[file]);
    Template& stack = stacks_.templates.back();
    stack.parent = parent;
    stack.stack_resource = resource;
    if (resource) {
      stack.stack_name = fmt::format("{}/{}", stacks_.templates[parent].stack_name, resource->key);
      check_passed_names(stacks_.templates[parent], *resource, files_[file], diagnostics_);
    }
    visited_[file] = true;
    path_.push_back(file);
    for (size_t r = 0; r < child_file_[file].size(); ++r) {
      const uint32_t child = child_file_[file][r];
      if (child == kNotFound) continue;
      const NestedReference& ref = files_[file].nested[r];
      if (std::find(path_.begin(), path_.end(), child) != path_.end()) {
        diagnostics_.error(
            ref.at, fmt::format("nested stack {}: its template {} is this template or one "
                                "it is nested in; CloudFormation would nest them without end",
                                ref.resource->key, ref.path));
        continue;
      }
      if (stacks_.templates.size() >= kMaxStacks) {
        diagnostics_.notice(
            ref.at, fmt::format("could not evaluate nested stack {}: more than "
                                "{} stacks in all; {}",
                                ref.resource->key, kMaxStacks, unchecked(ref.resource->key)));
        continue;
      }
      const uint32_t nested = instantiate(child, index, ref.resource);
      stacks_.templates[index].children[ref.resource->key] = nested;
    }
    path_.pop_back();
    return index;
  }

  std::vector<Template> files_;
  TemplateSet& stacks_;
  Diagnostics& diagnostics_;
  std::vector<bool> is_child_;
  std::vector<bool> visited_;
  std::vector<std::vector<uint32_t>> child_file_;  // per file, per NestedReference
  std::vector<uint32_t> path_;                     // the files from the root to this one
};

}  // namespace

void find_nested_templates(Template& tmpl, LoaderAccess& loader, Diagnostics& diagnostics) {
  for (const JsonMember* resource : tmpl.resources) {
    if (tmpl.resource_type(*resource) != template_keys::kStackType) continue;
    NestedReference ref = locate_child(tmpl, *resource, diagnostics);
    // Named, so that a child without Resources is read as a template all the same.
    if (!ref.path.empty())
      loader.require(ref.path, fmt::format("{}/{}", tmpl.stack_name, resource->key));
    tmpl.nested.push_back(std::move(ref));
  }
}

void link_nested_stacks(TemplateSet& templates, Diagnostics& diagnostics) {
  std::vector<Template> files = std::move(templates.templates);
  templates.templates.clear();
  NestingLinker(std::move(files), templates, diagnostics).run();
}

}  // namespace reachlint
