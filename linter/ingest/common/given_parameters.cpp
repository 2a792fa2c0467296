#include "linter/ingest/common/given_parameters.h"

#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "linter/core/whole_file.h"
#include "linter/ingest/common/inputs.h"

namespace reachlint {

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxParameterFileBytes = size_t{16} << 20;

// The scalar a parameter file gives: a string, or a number or boolean as written.
bool scalar_text(const JsonNode& node, std::string& out) {
  if (node.is_string() || node.is_number()) {
    out = std::string(node.text);
    return true;
  }
  if (node.kind == JsonKind::Bool) {
    out = node.boolean ? "true" : "false";
    return true;
  }
  return false;
}

class ParameterFile {
 public:
  ParameterFile(const LoadedFile& file, std::string stack, Inputs& inputs, Diagnostics& diagnostics)
      : file_(file), stack_(std::move(stack)), inputs_(inputs), diagnostics_(diagnostics) {}

  void read() {
    const JsonNode& root = file_.json.root();
    if (root.is_array()) return read_cloudformation_list(root);
    if (root.is_object()) {
      const JsonNode* parameters = file_.json.find(root, "Parameters");
      if (parameters && parameters->is_object()) return read_template_configuration(*parameters);
    }
    error(root,
          "a parameter file is a list of {\"ParameterKey\", \"ParameterValue\"} or an object "
          "with \"Parameters\" (a CodePipeline template configuration)");
  }

 private:
  // aws cloudformation create-stack --parameters file://…: [{"ParameterKey", "ParameterValue"}].
  void read_cloudformation_list(const JsonNode& list) {
    for (const JsonNode* entry : file_.json.elements(list)) {
      const JsonNode* key = entry->is_object() ? file_.json.find(*entry, "ParameterKey") : nullptr;
      const JsonNode* value =
          entry->is_object() ? file_.json.find(*entry, "ParameterValue") : nullptr;
      if (!key || !key->is_string()) {
        error(*entry, "each parameter needs a \"ParameterKey\" string");
        continue;
      }
      if (!value) {
        // UsePreviousValue: the deployed value, which the inputs do not hold.
        continue;
      }
      add(std::string(key->text), *value);
    }
  }

  // CodePipeline's template configuration: {"Parameters": {key: value}, "Tags", "StackPolicy"}.
  void read_template_configuration(const JsonNode& parameters) {
    for (const JsonMember& member : file_.json.members(parameters))
      add(std::string(member.key), *member.value);
  }

  void add(std::string key, const JsonNode& value) {
    std::string text;
    if (!scalar_text(value, text)) {
      error(value, fmt::format("the value of parameter '{}' must be a string", key));
      return;
    }
    inputs_.parameters.push_back(
        {std::move(key), std::move(text), stack_, {file_.file, value.offset}, {}});
  }

  void error(const JsonNode& node, std::string message) {
    diagnostics_.error({file_.file, node.offset}, std::move(message));
  }

  const LoadedFile& file_;
  std::string stack_;
  Inputs& inputs_;
  Diagnostics& diagnostics_;
};

void read_parameter_file(const std::string& path, std::string stack, Inputs& inputs,
                         Diagnostics& diagnostics) {
  std::error_code ec;
  inputs.parameter_files.insert(fs::weakly_canonical(path, ec).string());
  auto file = std::make_unique<LoadedFile>();
  const Status loaded = file->buffer.load(path, kMaxParameterFileBytes);
  file->file = inputs.sources.add(path, loaded ? file->buffer.text() : std::string_view{});
  if (!loaded) {
    diagnostics.error(whole_file(file->file), loaded.error().message);
    return;
  }
  if (const Status parsed = file->json.parse(file->buffer); !parsed) {
    diagnostics.error({file->file, parsed.error().location.offset}, parsed.error().message);
  } else {
    ParameterFile(*file, std::move(stack), inputs, diagnostics).read();
  }
  inputs.files.push_back(std::move(file));  // its buffer backs the source map's text
}

}  // namespace

void read_parameter_spec(const std::string& spec, const std::string& base_dir, Location spec_at,
                         Inputs& inputs, Diagnostics& diagnostics) {
  const size_t at_sign = spec.rfind('@');
  const std::string body = at_sign == std::string::npos ? spec : spec.substr(0, at_sign);
  const std::string stack = at_sign == std::string::npos ? "" : spec.substr(at_sign + 1);
  const std::string origin = fmt::format("--parameters {}", spec);
  const fs::path file =
      fs::path(body).is_absolute() || base_dir.empty() ? fs::path(body) : fs::path(base_dir) / body;
  std::error_code ec;
  const size_t equals = body.find('=');
  if (fs::is_regular_file(file, ec) || equals == std::string::npos) {
    if (!fs::exists(file, ec)) {
      diagnostics.error(spec_at, fmt::format("{}: no such parameter file, and not KEY=VALUE",
                                             spec_at.known() ? spec : origin));
      return;
    }
    return read_parameter_file(file.lexically_normal().generic_string(), stack, inputs,
                               diagnostics);
  }
  if (equals == 0) {
    diagnostics.error(spec_at, fmt::format("{}: the parameter key is empty", origin));
    return;
  }
  inputs.parameters.push_back(
      {body.substr(0, equals), body.substr(equals + 1), stack, spec_at, origin});
}

}  // namespace reachlint
