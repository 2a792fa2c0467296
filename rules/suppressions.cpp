#include "rules/suppressions.h"

#include <chrono>

#include <fmt/format.h>
#include <re2/re2.h>

#include "rules/rule.h"
#include "rules/rule_codes.h"

namespace reachlint::rules {

std::string today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{days};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

namespace {

bool same_rule(const SuppressionSpec& spec, const Finding& finding) {
  return code_matches(finding.rule->code, spec.rule);
}

// In a template, a suppression sits on the resource the finding is about, or on its file system.
bool matches_in_source(const SuppressionSpec& spec, const Finding& finding,
                       const model::Model& model) {
  if (finding.subject == spec.resource && finding.stack == spec.stack) return true;
  if (finding.file_system == model::kNone) return false;
  const model::Origin& fs = model.file_systems[finding.file_system].origin;
  return fs.name == spec.resource && fs.stack == spec.stack;
}

bool matches_external(const RE2& pattern, const Finding& finding) {
  return RE2::FullMatch(finding.subject, pattern) ||
         (!finding.filesystem.empty() && RE2::FullMatch(finding.filesystem, pattern));
}

}  // namespace

void apply_suppressions(std::vector<Finding>& findings, const std::vector<SuppressionSpec>& specs,
                        const model::Model& model, const std::string& today,
                        Diagnostics& diagnostics) {
  for (const SuppressionSpec& spec : specs) {
    const std::string where =
        spec.kind == SuppressionSpec::Kind::InSource ? spec.resource : spec.resource;
    if (rules_matching(spec.rule).empty()) {  // written in a template: a notice, not a stop
      diagnostics.notice(spec.location, fmt::format("the suppression for {} is ignored: {}", where,
                                                    unknown_code_message(spec.rule)));
      continue;
    }
    if (spec.expires && *spec.expires < today) {
      diagnostics.notice(
          spec.location,
          fmt::format("the suppression of {} for {} expired on {}: it no longer applies", spec.rule,
                      where, *spec.expires));
      continue;
    }
    const RE2 pattern(spec.kind == SuppressionSpec::Kind::External ? spec.resource : ".*",
                      RE2::Quiet);
    bool used = false;
    for (Finding& finding : findings) {
      if (!same_rule(spec, finding)) continue;
      const bool hit = spec.kind == SuppressionSpec::Kind::InSource
                           ? matches_in_source(spec, finding, model)
                           : matches_external(pattern, finding);
      if (!hit) continue;
      used = true;
      if (!finding.suppression) {
        finding.suppression = SuppressionInfo{spec.kind == SuppressionSpec::Kind::InSource,
                                              spec.reason, spec.location};
      }
    }
    if (!used) {
      diagnostics.notice(
          spec.location,
          fmt::format("the suppression of {} for {} matches no finding", spec.rule, where));
    }
  }
}

}  // namespace reachlint::rules
