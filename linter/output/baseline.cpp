#include "linter/output/baseline.h"

#include <set>

#include <fmt/format.h>
#include <simdjson.h>

#include "linter/core/file_io.h"

namespace reachlint::output {

namespace dom = simdjson::dom;

namespace {

std::string text_of(dom::element element, const char* key) {
  std::string_view value;
  return element[key].get_string().get(value) == simdjson::SUCCESS ? std::string(value)
                                                                   : std::string();
}

// The reachlint fingerprint of a result, or empty.
std::string fingerprint_of(dom::element result) {
  dom::object prints;
  if (result["partialFingerprints"].get_object().get(prints) != simdjson::SUCCESS) return {};
  std::string_view value;
  if (prints["reachlintIdentity/v1"].get_string().get(value) != simdjson::SUCCESS) return {};
  return std::string(value);
}

void read_location(dom::element result, AbsentResult& out) {
  dom::element physical;
  if (result["locations"].at(0)["physicalLocation"].get(physical) != simdjson::SUCCESS) return;
  out.uri = text_of(physical["artifactLocation"], "uri");
  int64_t number = 0;
  if (physical["region"]["startLine"].get_int64().get(number) == simdjson::SUCCESS)
    out.line = number;
  if (physical["region"]["startColumn"].get_int64().get(number) == simdjson::SUCCESS)
    out.column = number;
}

}  // namespace

Result<Baseline> load_baseline(const std::string& path) {
  Result<std::string> read = read_text_file(path);
  if (!read) return Error{.message = fmt::format("the baseline: {}", read.error().message)};
  const simdjson::padded_string text(*read);
  dom::parser parser;
  dom::element root;
  dom::array runs;
  if (parser.parse(text).get(root) != simdjson::SUCCESS ||
      root["runs"].get_array().get(runs) != simdjson::SUCCESS) {
    return Error{.message = fmt::format("{}: not a SARIF file", path)};
  }
  Baseline baseline;
  for (dom::element run : runs) {
    dom::array results;
    if (run["results"].get_array().get(results) != simdjson::SUCCESS) continue;
    for (dom::element result : results) {
      if (text_of(result, "baselineState") == "absent") continue;  // gone already in that run
      Baseline::Entry entry;
      entry.fingerprint = fingerprint_of(result);
      if (entry.fingerprint.empty()) continue;
      entry.result.rule = text_of(result, "ruleId");
      entry.result.level = text_of(result, "level");
      entry.result.message = text_of(result["message"], "text");
      entry.result.fingerprint = entry.fingerprint;
      read_location(result, entry.result);
      baseline.entries.push_back(std::move(entry));
    }
  }
  return baseline;
}

std::vector<AbsentResult> compare_with_baseline(std::vector<rules::Finding>& findings,
                                                const Baseline& baseline) {
  std::set<std::string> known;
  for (const Baseline::Entry& entry : baseline.entries) known.insert(entry.fingerprint);
  std::set<std::string> seen;
  for (rules::Finding& finding : findings) {
    const std::string print = rules::fingerprint(finding);
    finding.baseline_state = known.count(print) ? "unchanged" : "new";
    seen.insert(print);
  }
  std::vector<AbsentResult> absent;
  std::set<std::string> reported;
  for (const Baseline::Entry& entry : baseline.entries) {
    if (!seen.count(entry.fingerprint) && reported.insert(entry.fingerprint).second)
      absent.push_back(entry.result);
  }
  return absent;
}

}  // namespace reachlint::output
