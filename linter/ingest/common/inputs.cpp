#include "linter/ingest/common/inputs.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "linter/core/utf16.h"
#include "linter/core/whole_file.h"
#include "linter/ingest/common/tgw_route_targets.h"
#include "linter/model/finalize.h"

namespace reachlint {

namespace fs = std::filesystem;

namespace {

struct Candidate {
  std::string path;
  bool required = false;             // given explicitly or listed by a manifest: must be an input
  std::string stack_name;            // from a CDK manifest; otherwise derived from the file name
  InputFormat* listed_by = nullptr;  // the format whose file listed it (a CDK manifest's)
  bool standard_input = false;       // `-`: LoadOptions::standard_input, named `path`
};

std::string display_path(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

bool is_walked_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".json" || ext == ".template";
}

bool is_yaml_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// As git decides: a NUL byte in the first 8000 bytes. No JSON or YAML input holds one, and saying
// "binary" beats a parse error about the first odd byte.
bool is_binary(std::string_view text) {
  return text.substr(0, 8000).find('\0') != std::string_view::npos;
}

// Other AWS CLI outputs (NatGateways, Addresses ...) are named as such: a user exporting whole
// accounts meets many of them, and they are valid inputs that hold nothing reachlint checks.
struct UnknownInput {
  std::string reason;
  bool aws_cli_output = false;
};

// "a, b or c": what the formats read, for a file none of them recognises.
std::string format_names(const Inputs& inputs) {
  std::string names;
  for (size_t i = 0; i < inputs.formats.size(); ++i) {
    if (i > 0) names += i + 1 == inputs.formats.size() ? " or " : ", ";
    names += inputs.formats[i]->names();
  }
  return names;
}

UnknownInput unknown_input(const JsonDocument& json, const Inputs& inputs) {
  const JsonNode& root = json.root();
  if (root.is_object() && root.count >= 1) {
    const JsonMember& first = json.members(root)[0];
    const bool cli_like = !first.key.empty() &&
                          std::isupper(static_cast<unsigned char>(first.key[0])) &&
                          first.value->is_array();
    if (cli_like)
      return {fmt::format("AWS CLI output '{}' is not used by reachlint", first.key), true};
  }
  return {fmt::format("not a {}", format_names(inputs)), false};
}

class Loader final : public LoaderAccess {
 public:
  Loader(const LoadOptions& options, Inputs& inputs, Diagnostics& diagnostics)
      : options_(options), inputs_(inputs), diagnostics_(diagnostics) {}

  LoadedFile* read_json(const std::string& path) override {
    LoadedFile* file = read_file(path);
    if (!file || !parse_tree(*file)) return nullptr;
    if (adding_) note(path, true, std::string(adding_->kind(*file)));
    return file;
  }

  const SourceText* read_source(const std::string& raw_path) override {
    const std::string path = display_path(raw_path);
    const auto [it, inserted] = source_texts_.try_emplace(path);
    if (!inserted) return it->second ? &*it->second : nullptr;
    SourceBuffer buffer;
    if (const Status loaded = buffer.load(path, options_.max_input_bytes); !loaded) {
      diagnostics_.notice(whole_file(inputs_.sources.add(path, {})),
                          fmt::format("{}; what is written in it is located in its input instead",
                                      loaded.error().message));
      return nullptr;
    }
    inputs_.source_texts.push_back(std::move(buffer));
    const std::string_view text = inputs_.source_texts.back().text();
    note(path, false, "read for the locations of an input");
    it->second = SourceText{inputs_.sources.add(path, text), text};
    return &*it->second;
  }

  std::string_view source_root() const override { return options_.source_root; }

  void require(std::string path, std::string stack_name) override {
    queue_.push_back({std::move(path), true, std::move(stack_name), adding_});
  }

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
    for (const auto& format : inputs_.formats) format->finish_loading(diagnostics_);
    report_skipped_beside_exports();
  }

 private:
  // Registers an input so that errors about it can be located; returns its id.
  uint32_t register_file(const std::string& path, std::string_view text) {
    const uint32_t id = inputs_.sources.add(path, text);
    inputs_.input_files.insert(id);
    return id;
  }

  // About a path as a whole (it cannot be opened): located by its path alone.
  void path_error(const std::string& path, std::string message) {
    diagnostics_.error(whole_file(register_file(path, {})), std::move(message));
  }

  // --verbose: what became of a path, and why.
  void note(const std::string& path, bool read, std::string what) {
    if (options_.record) inputs_.record.push_back({path, read, std::move(what)});
  }

  std::string standard_input_name() const {
    return options_.standard_input ? display_path(options_.standard_input->name) : std::string();
  }

  void discover(const std::string& raw_path) {
    if (raw_path == "-" && options_.standard_input) {
      queue_.push_back({standard_input_name(), true, {}, nullptr, true});
      return;
    }
    const std::string path = display_path(raw_path);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      const bool dangling = fs::is_symlink(fs::symlink_status(path, ec));
      if (dangling && options_.skip_unrecognised) {
        register_file(path, {});  // counted among the inputs met
        ++inputs_.skipped;        // not a file of any format: skipped without a word, as asked
        return;
      }
      path_error(path, fmt::format("cannot open: {}{}", std::strerror(ENOENT),
                                   dangling ? " (a symbolic link to nothing)" : ""));
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
    for (const auto& format : inputs_.formats) {
      adding_ = format.get();
      const bool taken = format->take_directory(dir, *this, diagnostics_);
      adding_ = nullptr;
      if (taken) return;
    }
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
      const std::string path = display_path(entry.path());
      if (name.starts_with(".") || name == "node_modules") {
        note(path, false, name == "node_modules" ? "node_modules is not walked" : "hidden");
        continue;
      }
      if (entry.is_directory(ec)) {
        walk_directory(path);
      } else if (!entry.is_regular_file(ec) &&
                 (is_walked_file(entry.path()) || is_yaml_file(entry.path()))) {
        // A FIFO, socket or dangling link met on the way is not an input: say so (unless asked
        // not to), go on.
        ++inputs_.skipped;
        const uint32_t file = register_file(path, {});
        note(path, false, "not a regular file");
        if (!options_.skip_unrecognised)
          diagnostics_.notice(whole_file(file), "skipped: not a regular file");
      } else if (is_walked_file(entry.path()) || is_yaml_file(entry.path())) {
        queue_.push_back({path, false, {}});  // YAML: reported only if it reads like a template
      } else {
        note(path, false, "not named .json, .template, .yaml or .yml");
      }
    }
  }

  bool is_parameter_file(const std::string& path) const {
    if (inputs_.parameter_files.empty()) return false;
    std::error_code ec;
    return inputs_.parameter_files.count(fs::weakly_canonical(path, ec).string()) > 0;
  }

  // Reads a file once; nullptr when it was already read or cannot be (then it is reported).
  LoadedFile* read_file(const std::string& path, bool standard_input = false) {
    if (!seen_.insert(path).second) return nullptr;
    auto file = std::make_unique<LoadedFile>();
    if (standard_input) {
      const std::string_view text = options_.standard_input->text;
      if (text.size() > options_.max_input_bytes) {
        path_error(path, fmt::format("standard input is {} bytes, over the input size limit of "
                                     "{} bytes (--max-input-size)",
                                     text.size(), options_.max_input_bytes));
        return nullptr;
      }
      file->buffer = SourceBuffer::from_string(text);
    } else if (const Status loaded = file->buffer.load(path, options_.max_input_bytes); !loaded) {
      path_error(path, loaded.error().message);
      return nullptr;
    }
    // What Windows PowerShell's `>` writes (terraform show -json tfplan > plan.json).
    if (auto utf8 = utf16_to_utf8(file->buffer.text()))
      file->buffer = SourceBuffer::from_string(*utf8);
    file->file = register_file(path, file->buffer.text());
    // Kept even when it does not parse: the source map points into its buffer.
    inputs_.files.push_back(std::move(file));
    return inputs_.files.back().get();
  }

  bool parse_tree(LoadedFile& file) {
    const Status parsed = file.json.parse(file.buffer);
    if (parsed) return true;
    last_parse_error_ = {{file.file, parsed.error().location.offset}, parsed.error().message};
    return false;
  }

  void hand_over(InputFormat& format, LoadedFile& file, const Candidate& candidate) {
    if (format.lists_whole_directories())
      listing_directories_.insert(fs::path(candidate.path).parent_path().string());
    note(candidate.path, true, std::string(format.kind(file)));
    ++inputs_.read;
    inputs_.recognised.insert(file.file);
    adding_ = &format;
    format.add({file, candidate.path, candidate.stack_name}, *this, diagnostics_);
    adding_ = nullptr;
  }

  // The first format whose test accepts the file, in the order of inputs_.formats.
  template <typename Test>
  InputFormat* recognise(Test test) const {
    for (const auto& format : inputs_.formats) {
      if (test(*format)) return format.get();
    }
    return nullptr;
  }

  void load(const Candidate& candidate) {
    last_parse_error_ = {};
    if (!candidate.standard_input && is_parameter_file(candidate.path)) {
      note(candidate.path, false, "a parameter file (--parameters), read for its values");
      return;
    }
    // An editor's unsaved buffer stands in for the file it will be saved as.
    if (!candidate.standard_input && candidate.path == standard_input_name())
      return note(candidate.path, false, "standard input stands in for it (--stdin-filename)");
    if (seen_.count(candidate.path)) return note(candidate.path, false, "named again: read once");
    LoadedFile* file = read_file(candidate.path, candidate.standard_input);
    if (!file) return;
    const std::string_view text = file->buffer.text();
    if (is_utf16(text)) {  // read_file made UTF-8 of any UTF-16 whose bytes pair up
      last_parse_error_ = {whole_file(file->file), "UTF-16 text with an odd number of bytes"};
      return report_unreadable(candidate);
    }
    if (is_binary(text)) {
      last_parse_error_ = {whole_file(file->file),
                           fmt::format("binary file, not a {}", format_names(inputs_))};
      return report_unreadable(candidate);
    }
    if (InputFormat* format = recognise([&](const InputFormat& f) { return f.claims_text(text); }))
      return hand_over(*format, *file, candidate);
    if (!parse_tree(*file)) {
      if (load_yaml(*file, candidate)) return;
      return report_unreadable(candidate);
    }
    if (InputFormat* format =
            recognise([&](const InputFormat& f) { return f.claims_tree(file->json); }))
      return hand_over(*format, *file, candidate);
    // What a manifest lists is that format's to read, whatever it holds (a stack template without
    // `Resources`): the format says what is wrong with it, if anything.
    if (candidate.listed_by && file->json.root().is_object())
      return hand_over(*candidate.listed_by, *file, candidate);
    skip(candidate, *file, unknown_input(file->json, inputs_));
  }

  // A file named .yaml/.yml, or one that reads like a YAML input of a format, once it is known
  // not to be JSON. True when it is dealt with: handed to a format, an error reported, or YAML
  // that is no input skipped (silently unless it was asked for: YAML is mostly other tools').
  bool load_yaml(LoadedFile& file, const Candidate& candidate) {
    const std::string_view text = file.buffer.text();
    const bool template_like =
        recognise([&](const InputFormat& f) { return f.resembles_yaml(text); }) != nullptr;
    if (!is_yaml_file(candidate.path) && !template_like) return false;
    if (template_like) inputs_.recognised.insert(file.file);
    const bool asked = candidate.required && !options_.skip_unrecognised;
    if (const Status parsed = file.json.parse_yaml(file.buffer); !parsed) {
      if (asked || template_like) {
        diagnostics_.error({file.file, parsed.error().location.offset}, parsed.error().message);
      } else {
        ++inputs_.skipped;
      }
      note(candidate.path, false, fmt::format("not YAML either ({})", parsed.error().message));
      return true;
    }
    if (InputFormat* format = recognise(
            [&](const InputFormat& f) { return f.reads_yaml() && f.claims_tree(file.json); })) {
      hand_over(*format, file, candidate);
      return true;
    }
    if (asked) {
      diagnostics_.error({file.file, file.json.root().offset},
                         "not a CloudFormation template: a YAML template has a Resources mapping");
    } else {
      ++inputs_.skipped;
    }
    note(candidate.path, false, "YAML without a Resources mapping: not a template");
    return true;
  }

  // A file that is not JSON: an error when it was asked for or reads like a template (a broken
  // template must not pass silently); a notice for other files met while walking a directory.
  void report_unreadable(const Candidate& candidate) {
    if (last_parse_error_.message.empty()) return;  // already reported, or a duplicate path
    note(candidate.path, false, fmt::format("not JSON ({})", last_parse_error_.message));
    const std::string_view text = inputs_.files.back()->buffer.text();
    const bool known_shape =
        recognise([&](const InputFormat& f) { return f.resembles_json(text); }) != nullptr;
    if (known_shape) inputs_.recognised.insert(last_parse_error_.location.file);
    if (options_.skip_unrecognised && !known_shape) {
      ++inputs_.skipped;
      return;
    }
    if (candidate.required || known_shape) {
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
      if (listing_directories_.count(directory)) {
        diagnostics_.error(error.location,
                           fmt::format("not JSON, beside an account export: {}", error.message));
      } else {
        ++inputs_.skipped;
        diagnostics_.notice(error.location, fmt::format("skipped: not JSON ({})", error.message));
      }
    }
  }

  void skip(const Candidate& candidate, const LoadedFile& file, const UnknownInput& input) {
    const Location at{file.file, file.json.root().offset};
    note(candidate.path, false, input.reason);
    if (options_.skip_unrecognised) {
      ++inputs_.skipped;
      return;
    }
    if (candidate.required && !input.aws_cli_output) {
      diagnostics_.error(at, input.reason);
    } else {
      ++inputs_.skipped;
      diagnostics_.notice(at, fmt::format("skipped: {}", input.reason));
    }
  }

  const LoadOptions& options_;
  Inputs& inputs_;
  Diagnostics& diagnostics_;
  std::deque<Candidate> queue_;
  InputFormat* adding_ = nullptr;  // the format reading a file now: what it requires is its own
  std::set<std::string> seen_;
  InputError last_parse_error_;
  std::vector<std::pair<InputError, std::string>> not_json_;  // with its directory
  std::set<std::string> listing_directories_;  // of formats that list whole directories
  std::set<std::string> walked_directories_;   // canonical paths
  std::map<std::string, std::optional<SourceText>> source_texts_;  // by display path
};

}  // namespace

void load_inputs(const std::vector<std::string>& paths, const LoadOptions& options, Inputs& inputs,
                 Diagnostics& diagnostics) {
  Loader(options, inputs, diagnostics).run(paths);
}

namespace {

// The inputs among the locations of `errors` that are not in `known` yet.
std::set<uint32_t> newly_broken(const Inputs& inputs, const std::vector<InputError>& errors,
                                const std::set<uint32_t>& known) {
  std::set<uint32_t> broken;
  for (const InputError& error : errors) {
    if (inputs.is_input(error.location) && !known.count(error.location.file))
      broken.insert(error.location.file);
  }
  return broken;
}

// One build of the model without the inputs in `broken`.
void build_once(Inputs& inputs, const std::set<uint32_t>& broken, model::Model& model,
                Diagnostics& diagnostics, bool timings) {
  model = model::Model{};
  inputs.suppressions.clear();
  const BrokenInputs set_aside{inputs.sources, broken, inputs.recognised};
  for (const auto& format : inputs.formats) format->set_aside(set_aside, diagnostics);
  model::WrittenOut written_out;
  ModelBuild build{inputs.sources,    model,       written_out, inputs.suppressions,
                   inputs.parameters, diagnostics, timings};
  for (const InputFormat::Layer layer :
       {InputFormat::Layer::Deployed, InputFormat::Layer::Planned}) {
    for (const auto& format : inputs.formats) {
      if (format->layer() == layer) format->build(build);
    }
  }
  model::finalize(model, written_out);
  reject_routes_to_other_gateways(
      model, [&](Location at) { return inputs.is_input(at); }, diagnostics);
}

}  // namespace

// A file whose errors show only while the model is built (an undefined Ref) is found in one
// build and left out of the next; the notices are the last build's, the errors every build's.
void build_model(Inputs& inputs, model::Model& model, Diagnostics& diagnostics, bool timings) {
  std::set<uint32_t> broken = newly_broken(inputs, diagnostics.errors(), {});
  Diagnostics earlier;  // the errors of builds done again
  while (true) {
    Diagnostics round;
    build_once(inputs, broken, model, round, timings);
    const std::set<uint32_t> more = newly_broken(inputs, round.errors(), broken);
    if (more.empty()) {
      diagnostics.append(std::move(earlier));
      diagnostics.append(std::move(round));
      return;
    }
    for (const InputError& error : round.errors()) earlier.error(error.location, error.message);
    broken.insert(more.begin(), more.end());
  }
}

}  // namespace reachlint
