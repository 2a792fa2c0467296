#include "linter/output/sarif_merge.h"

#include <map>
#include <set>

#include <fmt/format.h>
#include <simdjson.h>

#include "linter/output/json_writer.h"

namespace reachlint::output {

namespace dom = simdjson::dom;

namespace {

// One input log, parsed, with how its indexes map into the merged run.
struct Shard {
  std::string path;
  dom::parser parser;
  dom::element run;
  std::vector<int64_t> artifact_to;  // its artifact index -> the merged one
  std::vector<int64_t> logical_to;   // its logical location index -> the merged one
};

std::string minified(dom::element element) {
  return simdjson::minify(element);
}

std::string text_at(dom::element element, std::string_view pointer) {
  std::string_view text;
  return element.at_pointer(pointer).get_string().get(text) == simdjson::SUCCESS ? std::string(text)
                                                                                 : std::string();
}

dom::array array_at(dom::element run, const char* key) {
  dom::array out;
  if (run[key].get_array().get(out) != simdjson::SUCCESS) return {};
  return out;
}

// Writes `element` as it is, but for the indexes into the run's artifacts and logical locations,
// which are renumbered into the merged run's. `context` says what the element is the value of.
void emit(JsonWriter& json, dom::element element, const Shard& shard, std::string_view context) {
  switch (element.type()) {
    case dom::element_type::ARRAY: {
      const dom::array items = element.get_array().value_unsafe();
      json.begin_array();
      for (dom::element child : items)
        emit(json, child, shard, context == "logicalLocations" ? "logicalLocation" : "");
      json.end_array();
      return;
    }
    case dom::element_type::OBJECT: {
      const dom::object fields = element.get_object().value_unsafe();
      json.begin_object();
      for (const dom::key_value_pair field : fields) {
        json.key(field.key);
        int64_t index = 0;
        const bool renumbered =
            field.value.get_int64().get(index) == simdjson::SUCCESS && index >= 0;
        if (renumbered && field.key == "index" && context == "artifactLocation" &&
            static_cast<size_t>(index) < shard.artifact_to.size()) {
          json.value(shard.artifact_to[static_cast<size_t>(index)]);
        } else if (renumbered && (field.key == "index" || field.key == "parentIndex") &&
                   context == "logicalLocation" &&
                   static_cast<size_t>(index) < shard.logical_to.size()) {
          json.value(shard.logical_to[static_cast<size_t>(index)]);
        } else {
          emit(json, field.value, shard, field.key);
        }
      }
      json.end_object();
      return;
    }
    case dom::element_type::STRING:
      json.value(std::string_view(element.get_string().value_unsafe()));
      return;
    case dom::element_type::BOOL:
      json.value(element.get_bool().value_unsafe());
      return;
    case dom::element_type::NULL_VALUE:
      json.null();
      return;
    default:  // numbers, as written
      json.raw(minified(element));
      return;
  }
}

Status parse(const SarifLog& log, Shard& shard) {
  shard.path = log.path;
  dom::element root;
  if (shard.parser.parse(log.text).get(root) != simdjson::SUCCESS)
    return Error{.message = fmt::format("{}: not JSON", log.path)};
  dom::array runs;
  if (text_at(root, "/version") != "2.1.0" ||
      root["runs"].get_array().get(runs) != simdjson::SUCCESS || runs.size() != 1)
    return Error{.message = fmt::format("{}: not a SARIF 2.1.0 log of one run", log.path)};
  if (runs.at(0).get(shard.run) != simdjson::SUCCESS || !shard.run.is_object())
    return Error{.message = fmt::format("{}: not a SARIF 2.1.0 log of one run", log.path)};
  return {};
}

// What must be the same for two logs to be shards of one run.
std::string run_identity(dom::element run) {
  dom::array rules;
  const size_t rule_count =
      run.at_pointer("/tool/driver/rules").get_array().get(rules) == simdjson::SUCCESS
          ? rules.size()
          : 0;
  return fmt::format("{} {} with {} rules, category '{}'", text_at(run, "/tool/driver/name"),
                     text_at(run, "/tool/driver/version"), rule_count,
                     text_at(run, "/automationDetails/id"));
}

class Merger {
 public:
  explicit Merger(std::vector<Shard>& shards) : shards_(shards) {}

  std::string write() {
    number_artifacts();
    number_logical_locations();
    std::string out;
    JsonWriter json(out);
    json.begin_object();
    json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        .field("version", "2.1.0");
    json.key("runs").begin_array().begin_object();
    const Shard& first = shards_.front();
    const dom::object run_fields = first.run.get_object().value_unsafe();
    for (const dom::key_value_pair field : run_fields) {
      if (field.key == "artifacts") {
        write_unique(json, "artifacts", artifacts_);
      } else if (field.key == "logicalLocations") {
        write_unique(json, "logicalLocations", logical_);
      } else if (field.key == "results") {
        write_results(json);
      } else if (field.key == "invocations") {
        write_invocation(json);
      } else {
        json.key(field.key);
        emit(json, field.value, first, field.key);
      }
    }
    json.end_object().end_array().end_object();
    out += '\n';
    return out;
  }

 private:
  struct Unique {
    const Shard* shard;
    dom::element element;
  };

  // Artifacts are the same file when their locations are.
  void number_artifacts() {
    std::map<std::string, int64_t> index_of;
    for (Shard& shard : shards_) {
      for (dom::element artifact : array_at(shard.run, "artifacts")) {
        const std::string identity = minified(artifact["location"].value_unsafe());
        const auto [it, inserted] =
            index_of.try_emplace(identity, static_cast<int64_t>(artifacts_.size()));
        if (inserted) artifacts_.push_back({&shard, artifact});
        shard.artifact_to.push_back(it->second);
      }
    }
  }

  // Logical locations are the same resource when their qualified names and kinds are.
  void number_logical_locations() {
    std::map<std::string, int64_t> index_of;
    for (Shard& shard : shards_) {
      for (dom::element logical : array_at(shard.run, "logicalLocations")) {
        const std::string identity = text_at(logical, "/fullyQualifiedName") + '\x1f' +
                                     text_at(logical, "/kind") + '\x1f' + text_at(logical, "/name");
        const auto [it, inserted] =
            index_of.try_emplace(identity, static_cast<int64_t>(logical_.size()));
        if (inserted) logical_.push_back({&shard, logical});
        shard.logical_to.push_back(it->second);
      }
    }
  }

  void write_unique(JsonWriter& json, std::string_view key, const std::vector<Unique>& entries) {
    json.key(key).begin_array();
    const std::string_view context = key == "logicalLocations" ? "logicalLocation" : "artifact";
    for (const Unique& entry : entries) emit(json, entry.element, *entry.shard, context);
    json.end_array();
  }

  void write_results(JsonWriter& json) {
    json.key("results").begin_array();
    for (const Shard& shard : shards_) {
      for (dom::element result : array_at(shard.run, "results")) emit(json, result, shard, "");
    }
    json.end_array();
  }

  // One invocation: successful when every shard's was; their notifications, each once.
  void write_invocation(JsonWriter& json) {
    bool successful = true;
    std::set<std::string> seen;
    std::vector<std::pair<const Shard*, dom::element>> notifications;
    for (const Shard& shard : shards_) {
      for (dom::element invocation : array_at(shard.run, "invocations")) {
        bool ok = false;
        if (invocation["executionSuccessful"].get_bool().get(ok) == simdjson::SUCCESS)
          successful = successful && ok;
        for (dom::element n : array_at(invocation, "toolExecutionNotifications")) {
          if (seen.insert(minified(n)).second) notifications.emplace_back(&shard, n);
        }
      }
    }
    json.key("invocations").begin_array().begin_object();
    json.field("executionSuccessful", successful);
    json.key("toolExecutionNotifications").begin_array();
    for (const auto& [shard, n] : notifications) emit(json, n, *shard, "");
    json.end_array();
    json.end_object().end_array();
  }

  std::vector<Shard>& shards_;
  std::vector<Unique> artifacts_;
  std::vector<Unique> logical_;
};

}  // namespace

Result<std::string> merge_sarif(const std::vector<SarifLog>& logs) {
  if (logs.empty()) return Error{.message = "merge-sarif needs one or more SARIF files"};
  std::vector<Shard> shards(logs.size());
  for (size_t i = 0; i < logs.size(); ++i) {
    if (Status parsed = parse(logs[i], shards[i]); !parsed) return parsed.error();
  }
  const std::string identity = run_identity(shards.front().run);
  for (const Shard& shard : shards) {
    if (run_identity(shard.run) != identity) {
      return Error{.message =
                       fmt::format("{}: not a shard of the same run as {} ({}, not {})", shard.path,
                                   shards.front().path, run_identity(shard.run), identity)};
    }
  }
  return Merger(shards).write();
}

}  // namespace reachlint::output
