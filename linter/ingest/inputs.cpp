#include "linter/ingest/inputs.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "linter/ingest/export_batch.h"
#include "linter/ingest/export_context.h"
#include "linter/ingest/export_reader.h"
#include "linter/ingest/input_kind.h"

namespace reachlint {

namespace fs = std::filesystem;

namespace {

struct Candidate {
  std::string path;
  bool required = false;   // given explicitly or listed by a manifest: must be an input
  std::string stack_name;  // from a CDK manifest; otherwise derived from the file name
};

std::string display_path(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

std::string stack_name_from_file(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (const std::string_view suffix : {".json", ".template"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix))
      name.resize(name.size() - suffix.size());
  }
  return name;
}

bool is_walked_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".json" || ext == ".template";
}

bool is_yaml_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// Other AWS CLI outputs (NatGateways, Addresses ...) are named as such: a user exporting whole
// accounts meets many of them, and they are valid inputs that hold nothing reachlint checks.
struct UnknownInput {
  std::string reason;
  bool aws_cli_output = false;
};

UnknownInput unknown_input(const JsonDocument& json) {
  const JsonNode& root = json.root();
  if (root.is_object() && root.count >= 1) {
    const JsonMember& first = json.members(root)[0];
    const bool cli_like = !first.key.empty() &&
                          std::isupper(static_cast<unsigned char>(first.key[0])) &&
                          first.value->is_array();
    if (cli_like)
      return {fmt::format("AWS CLI output '{}' is not used by reachlint", first.key), true};
  }
  return {"not a CloudFormation template, CDK assembly manifest or AWS CLI export", false};
}

class Loader {
 public:
  Loader(const LoadOptions& options, Inputs& inputs, Diagnostics& diagnostics)
      : options_(options), inputs_(inputs), diagnostics_(diagnostics) {}

  void run(std::vector<std::string> paths) {
    std::sort(paths.begin(), paths.end());
    for (const std::string& path : paths) discover(path);
    std::sort(queue_.begin(), queue_.end(),
              [](const Candidate& a, const Candidate& b) { return a.path < b.path; });
    while (!queue_.empty()) {
      Candidate next = std::move(queue_.front());
      queue_.pop_front();
      load(next);
    }
    read_exports(export_jobs_, inputs_.exports, diagnostics_);
    report_skipped_beside_exports();
  }

 private:
  // Registers a file so that errors about it can be located; returns its id.
  uint32_t register_file(const std::string& path, std::string_view text) {
    return inputs_.sources.add(path, text);
  }

  void path_error(const std::string& path, std::string message) {
    diagnostics_.error({register_file(path, {}), 0}, std::move(message));
  }

  void discover(const std::string& raw_path) {
    const std::string path = display_path(raw_path);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      path_error(path, "no such file or directory");
    } else if (fs::is_directory(status)) {
      const size_t before = queue_.size() + inputs_.files.size();
      walk_directory(path);
      if (queue_.size() + inputs_.files.size() == before) {
        path_error(path, "no CloudFormation template or CDK assembly found in this directory");
      }
    } else {
      queue_.push_back({path, true, {}});
    }
  }

  void walk_directory(const std::string& dir) {
    std::error_code ec;
    // A symbolic link back up the tree would make the walk endless: each directory once.
    const fs::path real = fs::canonical(dir, ec);
    if (!ec && !walked_directories_.insert(real.string()).second) return;
    if (try_assembly(dir)) return;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(*it);
    if (ec) {
      path_error(dir, fmt::format("cannot read directory: {}", ec.message()));
      return;
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(".") || name == "node_modules") continue;
      const std::string path = display_path(entry.path());
      if (entry.is_directory(ec)) {
        walk_directory(path);
      } else if (!entry.is_regular_file(ec) &&
                 (is_walked_file(entry.path()) || is_yaml_file(entry.path()))) {
        // A FIFO, socket or dangling link met on the way is not an input: say so, go on.
        diagnostics_.notice({register_file(path, {}), 0}, "skipped: not a regular file");
      } else if (is_walked_file(entry.path()) || is_yaml_file(entry.path())) {
        queue_.push_back({path, false, {}});  // YAML: reported only if it reads like a template
      }
    }
  }

  // A directory with a CDK manifest is read as an assembly: only the templates it lists count.
  bool try_assembly(const std::string& dir) {
    const std::string manifest = display_path(fs::path(dir) / "manifest.json");
    std::error_code ec;
    if (!fs::is_regular_file(manifest, ec)) return false;
    LoadedFile* file = read_json(manifest);
    if (!file || classify_input(file->json) != InputKind::CdkManifest) return false;
    read_assembly(dir, *file);
    return true;
  }

  void read_assembly(const std::string& dir, const LoadedFile& manifest) {
    const JsonDocument& json = manifest.json;
    const JsonNode* artifacts = json.find(json.root(), "artifacts");
    if (!artifacts || !artifacts->is_object()) return;
    for (const JsonMember& artifact : json.members(*artifacts)) {
      const JsonNode* type = json.find(*artifact.value, "type");
      const JsonNode* properties = json.find(*artifact.value, "properties");
      if (!type || !type->is_string() || !properties || !properties->is_object()) continue;
      if (type->text == "aws:cloudformation:stack") {
        const JsonNode* file = json.find(*properties, "templateFile");
        const JsonNode* stack = json.find(*properties, "stackName");
        if (!file || !file->is_string()) {
          diagnostics_.error({manifest.file, artifact.key_offset},
                             fmt::format("stack artifact '{}' has no templateFile", artifact.key));
          continue;
        }
        const std::string name(stack && stack->is_string() ? stack->text : artifact.key);
        queue_.push_back({display_path(fs::path(dir) / std::string(file->text)), true, name});
      } else if (type->text == "cdk:cloud-assembly") {
        const JsonNode* nested = json.find(*properties, "directoryName");
        if (!nested || !nested->is_string()) continue;
        const std::string nested_dir = display_path(fs::path(dir) / std::string(nested->text));
        if (!try_assembly(nested_dir)) {
          diagnostics_.error({manifest.file, artifact.key_offset},
                             fmt::format("nested assembly '{}' has no manifest.json", nested_dir));
        }
      }
    }
  }

  // Reads a file once; nullptr when it was already read or cannot be (then it is reported).
  LoadedFile* read_file(const std::string& path) {
    if (!seen_.insert(path).second) return nullptr;
    auto file = std::make_unique<LoadedFile>();
    std::string error;
    if (!file->buffer.load(path, options_.max_input_bytes, error)) {
      path_error(path, error);
      return nullptr;
    }
    file->file = register_file(path, file->buffer.text());
    // Kept even when it does not parse: the source map points into its buffer.
    inputs_.files.push_back(std::move(file));
    return inputs_.files.back().get();
  }

  bool parse_tree(LoadedFile& file) {
    uint32_t offset = 0;
    std::string error;
    if (file.json.parse(file.buffer, offset, error)) return true;
    last_parse_error_ = {{file.file, offset}, error};
    return false;
  }

  LoadedFile* read_json(const std::string& path) {
    LoadedFile* file = read_file(path);
    return file && parse_tree(*file) ? file : nullptr;
  }

  // Exports are read together once every file is known (export_batch.h).
  void read_account_export(const LoadedFile& file, const std::string& path) {
    export_directories_.insert(fs::path(path).parent_path().string());
    export_jobs_.push_back({&file.buffer, file.file, export_context(path)});
  }

  void load(const Candidate& candidate) {
    last_parse_error_ = {};
    LoadedFile* file = read_file(candidate.path);
    if (!file) return;
    // Exports can be large: they are streamed into records, never built into a tree.
    if (starts_like_export(file->buffer.text())) return read_account_export(*file, candidate.path);
    if (!parse_tree(*file)) {
      if (load_yaml(*file, candidate)) return;
      return report_unreadable(candidate);
    }
    switch (classify_input(file->json)) {
      case InputKind::Template:
        add_template(*file, candidate);
        return;
      case InputKind::CdkManifest:
        read_assembly(display_path(fs::path(candidate.path).parent_path()), *file);
        return;
      case InputKind::AccountExport:
        file->json = JsonDocument{};
        read_account_export(*file, candidate.path);
        return;
      case InputKind::Unknown:
        skip(candidate, *file, unknown_input(file->json));
        return;
    }
  }

  // A file named .yaml/.yml, or one that reads like a YAML template, once it is known not to be
  // JSON. True when it is dealt with: a template added, an error reported, or YAML that is not a
  // template skipped (silently unless it was asked for: YAML is mostly other tools' files).
  bool load_yaml(LoadedFile& file, const Candidate& candidate) {
    const std::string_view text = file.buffer.text();
    const bool template_like = looks_like_yaml_template(text);
    if (!is_yaml_file(candidate.path) && !template_like) return false;
    uint32_t offset = 0;
    std::string error;
    const bool asked = candidate.required && !options_.skip_unrecognised;
    if (!file.json.parse_yaml(file.buffer, offset, error)) {
      if (asked || template_like) diagnostics_.error({file.file, offset}, error);
      return true;
    }
    if (classify_input(file.json) == InputKind::Template) {
      add_template(file, candidate);
    } else if (asked) {
      diagnostics_.error({file.file, file.json.root().offset},
                         "not a CloudFormation template: a YAML template has a Resources mapping");
    }
    return true;
  }

  // A file that is not JSON: an error when it was asked for or reads like a template (a broken
  // template must not pass silently); a notice for other files met while walking a directory.
  void report_unreadable(const Candidate& candidate) {
    if (last_parse_error_.message.empty()) return;  // already reported, or a duplicate path
    const std::string_view text = inputs_.files.back()->buffer.text();
    if (options_.skip_unrecognised && !looks_like_json_template(text)) return;
    if (candidate.required || looks_like_json_template(text)) {
      diagnostics_.error(last_parse_error_.location, last_parse_error_.message);
    } else {
      not_json_.push_back({last_parse_error_, fs::path(candidate.path).parent_path().string()});
    }
  }

  // A file that is not JSON beside an account export is a listing lost (say, the CLI's error text
  // saved in its place): without it the export is incomplete, so it is an error. Elsewhere it is
  // someone else's file, skipped with a notice.
  void report_skipped_beside_exports() {
    for (const auto& [error, directory] : not_json_) {
      if (export_directories_.count(directory))
        diagnostics_.error(error.location,
                           fmt::format("not JSON, beside an account export: {}", error.message));
      else
        diagnostics_.notice(error.location, fmt::format("skipped: not JSON ({})", error.message));
    }
  }

  void skip(const Candidate& candidate, const LoadedFile& file, const UnknownInput& input) {
    const Location at{file.file, file.json.root().offset};
    if (options_.skip_unrecognised) return;
    if (candidate.required && !input.aws_cli_output)
      diagnostics_.error(at, input.reason);
    else
      diagnostics_.notice(at, fmt::format("skipped: {}", input.reason));
  }

  void add_template(const LoadedFile& file, const Candidate& candidate) {
    Template tmpl;
    tmpl.file = file.file;
    tmpl.json = &file.json;
    tmpl.stack_name =
        candidate.stack_name.empty() ? stack_name_from_file(candidate.path) : candidate.stack_name;
    if (index_template(tmpl, diagnostics_)) inputs_.templates.templates.push_back(std::move(tmpl));
  }

  const LoadOptions& options_;
  Inputs& inputs_;
  Diagnostics& diagnostics_;
  std::deque<Candidate> queue_;
  std::set<std::string> seen_;
  InputError last_parse_error_;
  std::vector<std::pair<InputError, std::string>> not_json_;  // with its directory
  std::set<std::string> export_directories_;
  std::set<std::string> walked_directories_;  // canonical paths
  std::vector<ExportJob> export_jobs_;
};

}  // namespace

void load_inputs(const std::vector<std::string>& paths, const LoadOptions& options, Inputs& inputs,
                 Diagnostics& diagnostics) {
  Loader(options, inputs, diagnostics).run(paths);
}

}  // namespace reachlint
