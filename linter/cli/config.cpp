#include "linter/cli/config.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "linter/cli/options.h"
#include "linter/cli/toml_guard.h"
#include "linter/core/file_io.h"
#include "linter/core/whole_file.h"
#include "rules/rule.h"
#include "rules/rule_codes.h"

#include <re2/re2.h>

namespace reachlint::cli {

namespace fs = std::filesystem;

std::string find_config(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  while (!ec) {
    const fs::path candidate = dir / ".reachlint.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return {};
}

namespace {

class ConfigReader {
 public:
  ConfigReader(uint32_t file, std::string_view text, Diagnostics& diagnostics)
      : file_(file), text_(text), diagnostics_(diagnostics) {}

  void read(const toml::table& root, Config& config) {
    check_keys(root, {"rules", "client", "protocols", "suppress", "parameters"}, "top level");
    if (const toml::node* parameters = root.get("parameters")) read_parameters(*parameters, config);
    if (const toml::node* rules = root.get("rules")) read_rules(*rules, config);
    if (const toml::node* clients = root.get("client")) read_clients(*clients, config);
    if (const toml::node* protocols = root.get("protocols")) read_protocols(*protocols, config);
    if (const toml::node* suppressions = root.get("suppress"))
      read_suppressions(*suppressions, config);
  }

  Location at(const toml::source_region& region) const {
    uint32_t line = 1;
    uint32_t offset = 0;
    while (line < region.begin.line && offset < text_.size()) {
      if (text_[offset++] == '\n') ++line;
    }
    return {file_, offset + (region.begin.column > 0 ? region.begin.column - 1 : 0)};
  }

 private:
  void error(const toml::node& node, std::string message) {
    diagnostics_.error(at(node.source()), std::move(message));
  }

  void check_keys(const toml::table& table, const std::vector<std::string>& allowed,
                  std::string_view where) {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
      const std::string hint = closest(name, allowed);
      diagnostics_.error(at(key.source()),
                         hint.empty() ? fmt::format("unknown key '{}' in {}", name, where)
                                      : fmt::format("unknown key '{}' in {}; did you mean '{}'?",
                                                    name, where, hint));
    }
  }

  std::optional<std::vector<std::string>> strings(const toml::node& node, std::string_view what) {
    const toml::array* array = node.as_array();
    if (!array) {
      error(node, fmt::format("{} must be an array of strings", what));
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (const toml::node& item : *array) {
      if (!item.is_string()) {
        error(item, fmt::format("{} must be an array of strings", what));
        return std::nullopt;
      }
      out.push_back(std::string(*item.value<std::string_view>()));
    }
    return out;
  }

  void read_rules(const toml::node& node, Config& config) {
    const toml::table* table = node.as_table();
    if (!table) return error(node, "[rules] must be a table");
    check_keys(*table, {"select", "ignore", "levels"}, "[rules]");
    if (const toml::node* select = table->get("select"))
      config.select = rule_patterns(*select, "rules.select");
    if (const toml::node* ignore = table->get("ignore"))
      config.ignore = rule_patterns(*ignore, "rules.ignore").value_or(std::vector<std::string>{});
    if (const toml::node* levels = table->get("levels")) read_levels(*levels, config);
  }

  // A list of rule codes or prefixes, each checked where it is written.
  std::optional<std::vector<std::string>> rule_patterns(const toml::node& node,
                                                        std::string_view what) {
    std::optional<std::vector<std::string>> patterns = strings(node, what);
    if (!patterns) return patterns;
    const toml::array& items = *node.as_array();
    std::vector<std::string> known;
    for (size_t i = 0; i < patterns->size(); ++i) {
      if (known_rule((*patterns)[i], at(items[i].source()))) known.push_back((*patterns)[i]);
    }
    return known;
  }

  // [rules.levels] RL105 = "warning"; a prefix sets a family (rl1 = "warning"), and a longer
  // key wins over a shorter one whatever their order.
  void read_levels(const toml::node& node, Config& config) {
    const toml::table* table = node.as_table();
    if (!table) return error(node, "[rules.levels] must be a table of rule codes");
    std::map<std::string_view, size_t> set_by;  // code -> length of the key that set it
    for (const auto& [key, value] : *table) {
      const auto level = value.value<std::string_view>();
      if (!level || (*level != "error" && *level != "warning" && *level != "note")) {
        error(value,
              fmt::format("rules.levels.{} must be \"error\", \"warning\" or \"note\"", key.str()));
        continue;
      }
      if (!known_rule(key.str(), at(key.source()))) continue;
      for (const rules::RuleInfo* rule : rules::rules_matching(key.str())) {
        size_t& length = set_by[rule->code];
        if (length > key.str().size()) continue;
        length = key.str().size();
        config.levels[std::string(rule->code)] = std::string(*level);
      }
    }
  }

  // [[suppress]] rule = "RL105", resource = "fs-0abc.*", reason = "...", expires = 2027-01-31
  void read_suppressions(const toml::node& node, Config& config) {
    const toml::array* array = node.as_array();
    if (!array || !array->is_array_of_tables())
      return error(node, "suppressions must be [[suppress]] tables");
    for (const toml::node& entry : *array) read_suppression(*entry.as_table(), config);
  }

  void read_suppression(const toml::table& table, Config& config) {
    check_keys(table, {"rule", "resource", "reason", "expires"}, "[[suppress]]");
    SuppressionSpec spec;
    spec.kind = SuppressionSpec::Kind::External;
    spec.location = at(table.source());
    const auto text = [&](std::string_view key, bool required) -> std::optional<std::string> {
      const toml::node* value = table.get(key);
      if (!value) {
        if (required) error(table, fmt::format("a [[suppress]] needs {}", key));
        return std::nullopt;
      }
      if (const auto s = value->value<std::string_view>(); s && !s->empty()) return std::string(*s);
      error(*value, fmt::format("suppress.{} must be a non-empty string", key));
      return std::nullopt;
    };
    const auto rule = text("rule", true);
    const auto reason = text("reason", true);
    spec.resource = text("resource", false).value_or(".*");
    if (const toml::node* expires = table.get("expires")) {
      if (const auto date = expires->as_date()) {
        spec.expires =
            fmt::format("{:04}-{:02}-{:02}", date->get().year, date->get().month, date->get().day);
      } else if (const auto s = expires->value<std::string_view>(); s && is_date(*s)) {
        spec.expires = std::string(*s);
      } else {
        error(*expires, "suppress.expires must be a date: 2027-01-31");
      }
    }
    if (!rule || !reason || !known_rule(*rule, at(table.get("rule")->source()))) return;
    if (const RE2 pattern(spec.resource, RE2::Quiet); !pattern.ok()) {
      return error(
          *table.get("resource"),
          fmt::format("suppress.resource is not a valid re2 pattern: {}", pattern.error()));
    }
    spec.rule = rules::canonical_code(*rule);
    spec.reason = *reason;
    config.suppressions.push_back(std::move(spec));
  }

  static bool is_date(std::string_view s) {
    return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
           std::all_of(s.begin(), s.end(), [](char c) {
             return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
           });
  }

  // A rule code or prefix, in any case; else an error with a did-you-mean.
  bool known_rule(std::string_view code, Location where) {
    if (!rules::rules_matching(code).empty()) return true;
    diagnostics_.error(where, rules::unknown_code_message(code));
    return false;
  }

  // parameters = ["params.json", "Key=Value@Stack"]: the specs --parameters takes.
  void read_parameters(const toml::node& node, Config& config) {
    const toml::array* array = node.as_array();
    if (!array) return error(node, "parameters must be an array of strings");
    for (const toml::node& entry : *array) {
      if (!entry.is_string()) return error(entry, "parameters must be an array of strings");
      config.parameters.push_back(
          {std::string(*entry.value<std::string_view>()), at(entry.source())});
    }
  }

  void read_clients(const toml::node& node, Config& config) {
    const toml::array* array = node.as_array();
    if (!array || !array->is_array_of_tables())
      return error(node, "client entries must be [[client]] tables");
    for (const toml::node& entry : *array) read_client(*entry.as_table(), config);
  }

  void read_client(const toml::table& table, Config& config) {
    static const std::vector<std::string> kKinds = {"subnet", "instance", "cidr", "resource"};
    std::vector<std::string> allowed = kKinds;
    allowed.push_back("filesystems");
    check_keys(table, allowed, "[[client]]");
    analysis::ClientSpec spec;
    spec.location = at(table.source());
    for (const std::string& kind : kKinds) {
      const toml::node* value = table.get(kind);
      if (!value) continue;
      if (!value->is_string())
        return error(*value, fmt::format("client.{} must be a string", kind));
      if (!spec.kind.empty())
        return error(*value, "a [[client]] names one of subnet, instance, cidr or resource");
      spec.kind = kind;
      spec.value = std::string(*value->value<std::string_view>());
      spec.location = at(value->source());
    }
    if (spec.kind.empty())
      return error(table, "a [[client]] needs one of subnet, instance, cidr or resource");
    if (const toml::node* filesystems = table.get("filesystems")) {
      spec.filesystems =
          strings(*filesystems, "client.filesystems").value_or(std::vector<std::string>{});
    }
    config.clients.push_back(std::move(spec));
  }

  void read_protocols(const toml::node& node, Config& config) {
    const toml::table* table = node.as_table();
    if (!table) return error(node, "[protocols] must be a table");
    check_keys(*table, {"nfs"}, "[protocols]");
    const toml::node* nfs = table->get("nfs");
    if (!nfs) return;
    const auto value = nfs->value<std::string_view>();
    if (!value || (*value != "v3" && *value != "v4"))
      return error(*nfs, "protocols.nfs must be \"v3\" or \"v4\"");
    config.nfs = *value == "v4" ? analysis::NfsProfile::V4 : analysis::NfsProfile::V3;
  }

  uint32_t file_;
  std::string_view text_;
  Diagnostics& diagnostics_;
};

}  // namespace

Config load_config(const std::string& path, std::string& text, SourceMap& sources,
                   Diagnostics& diagnostics) {
  Config config;
  config.path = path;
  Result<std::string> read = read_text_file(path);
  if (!read) {
    diagnostics.error(whole_file(sources.add(path, {})),
                      fmt::format("the configuration file: {}", read.error().message));
    return config;
  }
  text = std::move(read).value();
  const uint32_t file = sources.add(path, text);
  if (const auto hazard = find_toml_hazard(text)) {
    diagnostics.error({file, static_cast<uint32_t>(hazard->offset)},
                      fmt::format("invalid TOML: {}", hazard->message));
    return config;
  }
  ConfigReader reader(file, text, diagnostics);
  toml::parse_result parsed = toml::parse(text, path);
  if (!parsed) {
    diagnostics.error(reader.at(parsed.error().source()),
                      fmt::format("invalid TOML: {}", parsed.error().description()));
    return config;
  }
  reader.read(parsed.table(), config);
  return config;
}

}  // namespace reachlint::cli
