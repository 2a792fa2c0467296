#include "linter/cli/rules_command.h"

#include <filesystem>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "linter/cli/terminal.h"
#include "linter/core/file_io.h"
#include "linter/output/json_writer.h"
#include "linter/output/terminal_markdown.h"
#include "rules/rule_codes.h"
#include "rules/rule_docs.h"

namespace reachlint::cli {

namespace {

int write_docs(const std::string& dir, std::FILE* err) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::filesystem::path folder(dir);
  std::vector<std::pair<std::string, std::string>> pages;
  for (const rules::RuleInfo* rule : rules::all_rules())
    pages.emplace_back((folder / fmt::format("{}.md", rule->code)).string(),
                       rules::rule_page(*rule));
  pages.emplace_back((folder / "README.md").string(), rules::rule_index_page());
  for (const auto& [path, page] : pages) {
    if (const Status written = write_text_file(path, page); !written) {
      fmt::print(err, "reachlint: error: {}\n", written.error().message);
      return 2;
    }
  }
  return 0;
}

std::string_view documentation(const rules::RuleInfo& rule) {
  std::string_view body = rule.documentation;
  while (!body.empty() && body.front() == '\n') body.remove_prefix(1);
  return body;
}

// [{"code", "name", "level", "summary", "docs"}]: docs is the Markdown of the rule's page.
std::string catalogue_json(const std::vector<const rules::RuleInfo*>& chosen) {
  std::string out;
  output::JsonWriter json(out);
  json.begin_array();
  for (const rules::RuleInfo* rule : chosen) {
    json.begin_object()
        .field("code", rule->code)
        .field("name", rule->name)
        .field("level", rules::level_name(rule->level))
        .field("summary", rule->summary)
        .field("docs", documentation(*rule))
        .end_object();
  }
  json.end_array();
  return out + "\n";
}

std::string catalogue_text(const std::vector<const rules::RuleInfo*>& chosen) {
  std::string out;
  for (const rules::RuleInfo* rule : chosen) {
    out += fmt::format("{}  {:<8} {:<32} {}\n", rule->code, rules::level_name(rule->level),
                       rule->name, rule->summary);
  }
  return out;
}

}  // namespace

int run_rules_command(const Options& options, const Streams& streams) {
  if (!options.write_docs.empty()) return write_docs(options.write_docs, streams.err);
  const auto all = rules::all_rules();
  const std::vector<const rules::RuleInfo*> chosen =
      options.rule_code.empty() ? std::vector<const rules::RuleInfo*>(all.begin(), all.end())
                                : rules::rules_matching(options.rule_code);
  if (chosen.empty()) {
    fmt::print(streams.err, "reachlint: error: {}\nTry 'reachlint rules' for the catalogue.\n",
               rules::unknown_code_message(options.rule_code));
    return 2;
  }
  if (options.format == "json") {
    fmt::print(streams.out, "{}", catalogue_json(chosen));
    return 0;
  }
  // One rule named: its page; a family or nothing named: the catalogue's lines.
  const bool page = !options.rule_code.empty() && chosen.size() == 1;
  const bool bold = use_color(options.color, streams.out_is_terminal, options.environment.no_color,
                              options.environment.term_dumb);
  const std::string text =
      page ? output::markdown_for_terminal(rules::rule_page(*chosen.front()), bold)
           : catalogue_text(chosen);
  if (should_page(streams.out_is_terminal, streams.out_rows, text)) {
    write_paged(text, options.environment.pager, streams.out);
  } else {
    fmt::print(streams.out, "{}", text);
  }
  return 0;
}

}  // namespace reachlint::cli
