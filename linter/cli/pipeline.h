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
#include "linter/core/progress.h"
#include "linter/core/result.h"
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

  // Fails on a usage error (the command line asks for what cannot be); input errors stay in
  // `diagnostics`.
  Status prepare(const Options& options, Progress* progress = nullptr);
  // An error outside the inputs (the configuration, a parameter file, a declared client) stops
  // the run; an input with an error is only set aside (build_model), and the run goes on.
  bool has_fatal_errors() const;

 private:
  void read_parameters(const Options& options);
  std::vector<analysis::ClientSpec> clients_left(std::vector<analysis::ClientSpec> specs);
};

// What `-` is called in messages without --stdin-filename.
inline constexpr std::string_view kStandardInputName = "<stdin>";

// "[subnet=|instance=|cidr=|resource=]ID[@FS,...]"
Result<analysis::ClientSpec> parse_client_spec(const std::string& text);

// The rules left by select (codes or prefixes; empty: all) and ignore.
Result<std::vector<const rules::RuleInfo*>> select_rules(const std::vector<std::string>& select,
                                                         const std::vector<std::string>& ignore);

}  // namespace reachlint::cli
