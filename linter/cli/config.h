// .reachlint.toml (DESIGN §7): rule selection, declared clients, protocol profile.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "linter/analysis/declared_clients.h"
#include "linter/analysis/protocols.h"
#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/core/suppression_spec.h"

namespace reachlint::cli {

struct Config {
  std::string path;  // empty when no file was read
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> ignore;
  std::map<std::string, std::string, std::less<>>
      levels;  // [rules.levels]: code -> error|warning|note
  std::vector<analysis::ClientSpec> clients;
  std::optional<analysis::NfsProfile> nfs;
  std::vector<SuppressionSpec> suppressions;  // [[suppress]]
  struct ParameterSpec {
    std::string spec;  // as --parameters takes it; a file is relative to the configuration
    Location at;
  };
  std::vector<ParameterSpec> parameters;  // parameters = [...]
};

// The nearest .reachlint.toml from `start` upward, or empty.
std::string find_config(const std::string& start);

// Reads `path`; problems are input errors located in the file, which joins `sources` (its text
// is kept in `text`, which must outlive `sources`).
Config load_config(const std::string& path, std::string& text, SourceMap& sources,
                   Diagnostics& diagnostics);

}  // namespace reachlint::cli
