// Everything a command needs before analysis: configuration, inputs, the model, the declared
// clients and the selected rules. Errors found on the way are collected, not thrown.
#pragma once

#include <string>
#include <vector>

#include "linter/analysis/declared_clients.h"
#include "linter/analysis/protocols.h"
#include "linter/cli/config.h"
#include "linter/cli/options.h"
#include "linter/core/diagnostics.h"
#include "linter/ingest/common/inputs.h"
#include "linter/model/model.h"
#include "rules/rule.h"

namespace reachlint::cli {

struct Pipeline {
  Diagnostics diagnostics;
  Inputs inputs;
  std::string config_text;
  Config config;
  model::Model model;
  analysis::DeclaredClients declared;
  analysis::NfsProfile nfs = analysis::NfsProfile::V3;
  std::vector<const rules::RuleInfo*> rules;

  // Returns false on a usage error (set in `usage_error`); input errors stay in `diagnostics`.
  bool prepare(const Options& options, std::string& usage_error);
};

// "[subnet=|instance=|cidr=|resource=]ID[@FS,...]"
bool parse_client_spec(const std::string& text, analysis::ClientSpec& spec, std::string& error);

// The rules left by select (codes or prefixes; empty: all) and ignore.
bool select_rules(const std::vector<std::string>& select, const std::vector<std::string>& ignore,
                  std::vector<const rules::RuleInfo*>& selected, std::string& error);

}  // namespace reachlint::cli
