// The conventions of the ecosystem (issue 14, item 4): rule codes in any case and as prefixes,
// `rules` for terminals and programs, --color and NO_COLOR/TERM=dumb, standard input, -f github,
// the summary line beside -o, and --verbose.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <simdjson.h>
#include <boost/test/unit_test.hpp>

#include "linter/cli/run.h"
#include "linter/cli/terminal.h"
#include "linter/output/report.h"
#include "linter/output/terminal_markdown.h"
#include "rules/rule.h"
#include "rules/rule_docs.h"
#include "support.h"

using reachlint::test::fixture;
using reachlint::test::read_file;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;
using reachlint::test::write_file;
namespace cli = reachlint::cli;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A run as main() makes it, with the terminal, the environment and standard input chosen.
struct Setting {
  cli::Environment environment;
  bool out_is_terminal = false;
  size_t out_rows = 0;
  std::string standard_input;
};

class MemoryFile {
 public:
  MemoryFile() : file_(open_memstream(&buffer_, &size_)) {}
  ~MemoryFile() {
    std::fclose(file_);
    std::free(buffer_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::FILE* file() const { return file_; }
  std::string text() {
    std::fflush(file_);
    return {buffer_, size_};
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  std::FILE* file_;
};

reachlint::test::CliResult run_in(const Setting& setting, const std::vector<std::string>& args) {
  std::vector<const char*> argv{"reachlint"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  MemoryFile out;
  MemoryFile err;
  std::string input = setting.standard_input;
  std::FILE* in =
      input.empty() ? std::fopen("/dev/null", "r") : fmemopen(input.data(), input.size(), "r");
  cli::Streams streams{out.file(), err.file(), setting.out_is_terminal, false,
                       nullptr,    in,         setting.out_rows};
  cli::Environment environment = setting.environment;
  environment.today = "2026-06-01";
  reachlint::test::CliResult result;
  result.exit = cli::run_main(static_cast<int>(argv.size()), argv.data(), environment, streams);
  std::fclose(in);
  result.out = out.text();
  result.err = err.text();
  return result;
}

const std::string kSeed = "corpus-seed-as-is/template.json";

}  // namespace

BOOST_AUTO_TEST_SUITE(conventions)

BOOST_AUTO_TEST_CASE(rule_codes_in_any_case_and_as_prefixes_on_the_command_line) {
  const std::string seed = fixture(kSeed);
  // The seed has an RL301 warning and an RL102 error.
  const auto rl3 = run_cli({"--no-config", "--select", "rl3", seed});
  BOOST_TEST(rl3.exit == 0, rl3.err);
  BOOST_TEST(has(rl3.out, "[RL301]"));
  BOOST_TEST(!has(rl3.out, "[RL102]"));
  const auto ignored = run_cli({"--no-config", "--select", "Rl1", "--ignore", "rl102", seed});
  BOOST_TEST(ignored.exit == 0, ignored.out);
  BOOST_TEST(!has(ignored.out, "[RL"));
  const auto typo = run_cli({"--no-config", "--select", "RL310", seed});
  BOOST_TEST(typo.exit == 2);
  BOOST_TEST(has(typo.err,
                 "'RL310' matches no rule code (RL101 to RL302; a prefix such as RL1 "
                 "names a family); did you mean 'RL301'?"),
             typo.err);
  const auto name = run_cli({"--no-config", "--ignore", "no-return-route", seed});
  BOOST_TEST(name.exit == 2);
  BOOST_TEST(has(name.err, "did you mean 'RL103'?"), name.err);
  BOOST_TEST(!has(run_cli({"--no-config", "--select", "RL9", seed}).err, "did you mean"));
}

BOOST_AUTO_TEST_CASE(rule_codes_in_any_case_and_as_prefixes_in_the_configuration) {
  const ScratchDir scratch;
  const std::string seed = fixture(kSeed);
  const auto with = [&](const std::string& toml, std::vector<std::string> args) {
    write_file(scratch.path("c.toml"), toml);
    args.insert(args.begin(), {"--config", "c.toml"});
    args.push_back(seed);
    return run_cli(args, scratch.dir().string());
  };
  // select in the configuration: a lower-case prefix.
  const auto selected = with("[rules]\nselect = [\"rl3\"]\n", {});
  BOOST_TEST(selected.exit == 0, selected.err);
  BOOST_TEST(has(selected.out, "[RL301]"));
  BOOST_TEST(!has(selected.out, "[RL102]"));
  const auto unknown = with("[rules]\nignore = [\"RL1\", \"rl9\"]\n", {});
  BOOST_TEST(unknown.exit == 2);
  BOOST_TEST(has(unknown.err, "c.toml:2:18: error: 'rl9' matches no rule code"), unknown.err);
  // A family's level, and a longer key that wins over it whichever comes first.
  BOOST_TEST(with("[rules.levels]\nrl3 = \"error\"\n", {"--select", "RL301"}).exit == 1);
  BOOST_TEST(
      with("[rules.levels]\nrl3 = \"error\"\nrl301 = \"warning\"\n", {"--select", "RL301"}).exit ==
      0);
  BOOST_TEST(
      with("[rules.levels]\nRL301 = \"warning\"\nRL3 = \"error\"\n", {"--select", "RL301"}).exit ==
      0);
  // A suppression by family, in lower case.
  const auto suppressed = with("[[suppress]]\nrule = \"rl3\"\nreason = \"NFSv4 only\"\n",
                               {"--select", "RL301", "--fail-level", "warning"});
  BOOST_TEST(suppressed.exit == 0, suppressed.out);
  BOOST_TEST(has(suppressed.out, "1 suppressed"), suppressed.out);
  const auto typo = with("[[suppress]]\nrule = \"RL31\"\nreason = \"x\"\n", {});
  BOOST_TEST(typo.exit == 2);
  BOOST_TEST(has(typo.err, "c.toml:2:8: error: 'RL31' matches no rule code"), typo.err);
}

BOOST_AUTO_TEST_CASE(inline_suppressions_take_codes_in_any_case) {
  const ScratchDir scratch;
  const std::string original = read_file(fixture("suppress-inline-template/template.json"));
  const std::string written = "\"rule\": \"RL101\",";
  BOOST_REQUIRE(has(original, written));
  std::string lower = original;
  lower.replace(lower.find(written), written.size(), "\"rule\": \"rl1\",");
  write_file(scratch.path("lower.json"), lower);
  const auto kept = run_cli({"--no-config", "--select", "RL101", scratch.path("lower.json")});
  BOOST_TEST(kept.exit == 0, kept.out);
  BOOST_TEST(has(kept.out, "1 suppressed"), kept.out);
  std::string typo = original;
  typo.replace(typo.find(written), written.size(), "\"rule\": \"RL110\",");
  write_file(scratch.path("typo.json"), typo);
  const auto notice = run_cli({"--no-config", "--select", "RL101", scratch.path("typo.json")});
  BOOST_TEST(notice.exit == 1, notice.out);
  BOOST_TEST(has(notice.out,
                 "the suppression for ClientRouteToFsxViaPeering is ignored: 'RL110' "
                 "matches no rule code"),
             notice.out);
  BOOST_TEST(has(notice.out, "did you mean 'RL101'?"), notice.out);
}

BOOST_AUTO_TEST_CASE(rules_pages_for_a_terminal_families_and_json) {
  const auto page = run_cli({"rules", "rl106"});
  BOOST_TEST(page.exit == 0);
  BOOST_TEST(page.out.find("RL106: route-table-not-associated\n") == 0u, page.out);
  BOOST_TEST(!has(page.out, "<!--"));
  BOOST_TEST(!has(page.out, "```"));
  BOOST_TEST(!has(page.out, "\n#"));
  BOOST_TEST(has(page.out, "\nUse instead\n"));
  BOOST_TEST(has(page.out, "Default level: error."));
  // Every line of the page's code blocks, indented.
  bool in_code = false;
  size_t code_lines = 0;
  for (const std::string& line : reachlint::test::lines_of(
           reachlint::rules::rule_page(*reachlint::rules::find_rule("RL106")))) {
    if (line.starts_with("```")) {
      in_code = !in_code;
    } else if (in_code && !line.empty()) {
      ++code_lines;
      BOOST_TEST(has(page.out, "\n    " + line + "\n"), line);
    }
  }
  BOOST_TEST(code_lines > 0u);
  BOOST_TEST(!has(page.out, "\033["));  // not a terminal
  const auto bold = run_cli({"rules", "RL106", "--color", "always"});
  BOOST_TEST(bold.out.find("\033[1mRL106: route-table-not-associated\033[0m\n") == 0u);

  const auto family = run_cli({"rules", "rl1"});
  BOOST_TEST(family.exit == 0);
  BOOST_TEST(reachlint::test::lines_of(family.out).size() == 6u, family.out);
  BOOST_TEST(family.out.find("RL101  error") == 0u, family.out);

  const auto typo = run_cli({"rules", "RL16"});
  BOOST_TEST(typo.exit == 2);
  BOOST_TEST(has(typo.err, "'RL16' matches no rule code"), typo.err);
  BOOST_TEST(has(typo.err, "did you mean 'RL106'?"), typo.err);
  BOOST_TEST(run_cli({"rules", "-f", "sarif"}).exit == 2);

  const auto json = run_cli({"rules", "-f", "json"});
  BOOST_TEST(json.exit == 0);
  simdjson::dom::parser parser;
  simdjson::dom::array list;
  BOOST_REQUIRE(parser.parse(json.out).get(list) == simdjson::SUCCESS);
  BOOST_TEST(list.size() == reachlint::rules::all_rules().size());
  size_t index = 0;
  for (simdjson::dom::element rule : list) {
    const reachlint::rules::RuleInfo& info = *reachlint::rules::all_rules()[index++];
    BOOST_TEST(std::string_view(rule["code"]) == info.code);
    BOOST_TEST(std::string_view(rule["name"]) == info.name);
    BOOST_TEST(std::string_view(rule["level"]) == reachlint::rules::level_name(info.level));
    BOOST_TEST(std::string_view(rule["summary"]) == info.summary);
    BOOST_TEST(std::string_view(rule["docs"]).starts_with("## What it does"));
  }
  const auto one = run_cli({"rules", "Rl202", "-f", "json"});
  BOOST_REQUIRE(parser.parse(one.out).get(list) == simdjson::SUCCESS);
  BOOST_TEST(list.size() == 1u);
}

BOOST_AUTO_TEST_CASE(markdown_for_a_terminal) {
  const std::string markdown =
      "<!-- generated -->\n# Title\nSome **strong** words, a [link](https://x.test/a) and "
      "RouteTableIds[0].\n<!-- a\nlong comment -->\n## Example\n```json\n{\"a\": 1}\n\n```\n"
      "after\n";
  BOOST_TEST(reachlint::output::markdown_for_terminal(markdown, false) ==
             "Title\nSome strong words, a link <https://x.test/a> and RouteTableIds[0].\n"
             "Example\n    {\"a\": 1}\n\nafter\n");
  BOOST_TEST(reachlint::output::markdown_for_terminal("# T\n**a** b\n", true) ==
             "\033[1mT\033[0m\n\033[1ma\033[0m b\n");
}

BOOST_AUTO_TEST_CASE(a_long_page_goes_through_the_pager_on_a_terminal) {
  BOOST_TEST(!cli::should_page(false, 5, "1\n2\n3\n4\n5\n6\n"));
  BOOST_TEST(!cli::should_page(true, 0, "1\n2\n3\n4\n5\n6\n"));
  BOOST_TEST(!cli::should_page(true, 50, "1\n2\n3\n4\n5\n6\n"));
  BOOST_TEST(cli::should_page(true, 5, "1\n2\n3\n4\n5\n6\n"));
  const ScratchDir scratch;
  Setting terminal;
  terminal.out_is_terminal = true;
  terminal.out_rows = 10;
  terminal.environment.pager = "cat > '" + scratch.path("paged") + "'";
  const auto paged = run_in(terminal, {"rules", "RL101"});
  BOOST_TEST(paged.exit == 0);
  BOOST_TEST(paged.out.empty(), paged.out);
  BOOST_TEST(read_file(scratch.path("paged")).find("\033[1mRL101: multiaz") == 0u);
  terminal.out_rows = 500;  // fits: no pager
  BOOST_TEST(run_in(terminal, {"rules", "RL101"}).out.find("\033[1mRL101") == 0u);
  terminal.out_rows = 10;
  terminal.environment.pager = "exec 2>/dev/null; no-such-pager-anywhere";  // text not lost
  BOOST_TEST(run_in(terminal, {"rules", "RL101"}).out.find("\033[1mRL101") == 0u);
}

BOOST_AUTO_TEST_CASE(color_follows_the_choice_the_terminal_and_the_environment) {
  using cli::ColorChoice;
  // use_color(choice, is_terminal, NO_COLOR set, TERM=dumb)
  BOOST_TEST(cli::use_color(ColorChoice::Auto, true, false, false));
  BOOST_TEST(!cli::use_color(ColorChoice::Auto, false, false, false));
  BOOST_TEST(!cli::use_color(ColorChoice::Auto, true, true, false));
  BOOST_TEST(!cli::use_color(ColorChoice::Auto, true, false, true));
  BOOST_TEST(cli::use_color(ColorChoice::Always, false, true, true));
  BOOST_TEST(!cli::use_color(ColorChoice::Never, true, false, false));

  const std::string seed = fixture(kSeed);
  const auto coloured = [&](const Setting& setting, std::vector<std::string> args) {
    args.insert(args.begin(), "--no-config");
    args.push_back(seed);
    return has(run_in(setting, args).out, "\033[");
  };
  Setting terminal;
  terminal.out_is_terminal = true;
  BOOST_TEST(coloured(terminal, {}));
  BOOST_TEST(!coloured(terminal, {"--no-color"}));
  BOOST_TEST(!coloured(terminal, {"--color", "never"}));
  BOOST_TEST(coloured(Setting{}, {"--color=always"}));
  BOOST_TEST(!coloured(Setting{}, {}));
  Setting no_color = terminal;
  no_color.environment.no_color = true;
  BOOST_TEST(!coloured(no_color, {}));
  BOOST_TEST(coloured(no_color, {"--color", "always"}));
  Setting dumb = terminal;
  dumb.environment.term_dumb = true;
  BOOST_TEST(!coloured(dumb, {"--color", "auto"}));
  const auto bad = run_cli({"--color", "sometimes", seed});
  BOOST_TEST(bad.exit == 2);
  BOOST_TEST(has(bad.err, "--color takes auto, always or never, not 'sometimes'"), bad.err);
}

BOOST_AUTO_TEST_CASE(standard_input_as_dash_with_a_name) {
  const std::string path = fixture(kSeed);
  Setting piped;
  piped.standard_input = read_file(path);
  const auto from_file = run_in(Setting{}, {"--no-config", path});
  const auto named = run_in(piped, {"--no-config", "--stdin-filename", path, "-"});
  BOOST_TEST(named.exit == 1);
  BOOST_TEST(named.out == from_file.out);  // the same report, the same locations
  const auto alone = run_in(piped, {"--no-config", "--stdin-filename", path});
  BOOST_TEST(alone.out == from_file.out);
  const auto anonymous = run_in(piped, {"--no-config", "-f", "json", "-"});
  BOOST_TEST(anonymous.exit == 1);
  BOOST_TEST(has(anonymous.out, "\"uri\": \"<stdin>\""), anonymous.out);
  // The buffer stands in for the file of that name in a directory read with it.
  const ScratchDir scratch;
  std::filesystem::create_directories(scratch.path("dir"));
  write_file(scratch.path("dir/template.json"), read_file(path));
  Setting empty_buffer;
  empty_buffer.standard_input = "{}";
  const auto buffer =
      run_in(empty_buffer, {"--no-config", "-v", "--stdin-filename",
                            scratch.path("dir/./template.json"), "-", scratch.path("dir")});
  BOOST_TEST(buffer.exit == 2);  // {} is no template: the file on disk was not read instead
  BOOST_TEST(has(buffer.err, "dir/template.json:1:1: error: not a CloudFormation template"));
  BOOST_TEST(has(buffer.err, "dir/template.json: standard input stands in for it"), buffer.err);
  // YAML, recognised by content and by the name.
  Setting yaml;
  yaml.standard_input = read_file(fixture("input-yaml/template.yaml"));
  const auto yaml_run = run_in(yaml, {"--no-config", "--stdin-filename", "t.yaml", "-"});
  BOOST_TEST(has(yaml_run.out, "t.yaml:20:3: warning:"), yaml_run.out + yaml_run.err);
  const auto by_content = run_in(yaml, {"--no-config", "-"});
  BOOST_TEST(has(by_content.out, "<stdin>:20:3: warning:"), by_content.out + by_content.err);
  // Nothing, or not an input: located errors.
  const auto empty = run_in(Setting{}, {"--no-config", "-"});
  BOOST_TEST(empty.exit == 2);
  BOOST_TEST(empty.err.find("<stdin>:1:1: error:") == 0u, empty.err);
  const auto other = run_in(piped, {"--no-config", "--stdin-filename", "x.json", path});
  BOOST_TEST(other.exit == 2);
  BOOST_TEST(has(other.err, "--stdin-filename names standard input: give - among the paths"));
}

BOOST_AUTO_TEST_CASE(github_annotations) {
  const auto run = run_cli(
      {"--no-config", "-f", "github", "--srcroot", reachlint::test::source_dir(), fixture(kSeed)});
  BOOST_TEST(run.exit == 1);
  const auto lines = reachlint::test::lines_of(run.out);
  BOOST_REQUIRE_MESSAGE(lines.size() == 3u, run.out);
  BOOST_TEST(lines[0].starts_with("::warning file=fixtures/corpus-seed-as-is/template.json,"
                                  "line=289,col=3,title=RL301::security group FsxSgF880B0AF"),
             lines[0]);
  BOOST_TEST(lines[1].starts_with("::error file=fixtures/corpus-seed-as-is/template.json,line=429,"
                                  "col=3,title=RL102::no route to file system FileSystem"),
             lines[1]);
  BOOST_TEST(lines[2] == "1 error, 1 warning in 1 file system checked (0 notices)");
  const auto quiet = run_cli({"--no-config", "-q", "-f", "github", fixture(kSeed)});
  BOOST_TEST(reachlint::test::lines_of(quiet.out).size() == 2u, quiet.out);
}

// A report over one file of `text`, for writing notices and errors into by hand.
struct OneFileReport {
  OneFileReport(const std::string& path, std::string text_) : text(std::move(text_)) {
    file = sources.add(path, text);
    report.sources = &sources;
  }
  std::string text;
  reachlint::SourceMap sources;
  uint32_t file = 0;
  reachlint::output::RunReport report;
};

BOOST_AUTO_TEST_CASE(github_escapes_messages_and_properties) {
  OneFileReport one("dir/a,b:c.json", "{}\n{}\n");
  const uint32_t file = one.file;
  reachlint::output::RunReport& report = one.report;
  report.notices.push_back({{file, 3}, "50% of\r\nthe, way: here"});
  const std::string out = reachlint::output::format_github(report, {"", false});
  BOOST_TEST(reachlint::test::lines_of(out).front() ==
             "::notice file=dir/a%2Cb%3Ac.json,line=2,col=1,title=reachlint notice::50%25 "
             "of%0D%0Athe, way: here");
  report.errors.push_back({{}, "no input at all"});
  BOOST_TEST(reachlint::output::format_github(report, {"", false}) ==
             "::error title=reachlint::no input at all\n");
}

BOOST_AUTO_TEST_CASE(github_counts_many_notices_by_kind) {
  OneFileReport one("a.json", "{}\n");
  const uint32_t file = one.file;
  reachlint::output::RunReport& report = one.report;
  for (int i = 0; i < 21; ++i)
    report.notices.push_back({{file, 0}, "could not evaluate route rtb-" + std::to_string(i)});
  report.notices.push_back({{file, 1}, "Transform AWS::Serverless is not expanded"});
  const auto lines = reachlint::test::lines_of(reachlint::output::format_github(report, {}));
  BOOST_REQUIRE_MESSAGE(lines.size() == 3u, lines.size());  // two kinds and the summary
  BOOST_TEST(lines[0].starts_with("::notice file=a.json,line=1,col=1,title=reachlint notices::21 "
                                  "notices of this kind (--notices lists each): could not "
                                  "evaluate route"),
             lines[0]);
  BOOST_TEST(lines[1].starts_with("::notice file=a.json,line=1,col=2,title=reachlint notices::1 "),
             lines[1]);
  reachlint::output::GithubOptions every;
  every.all_notices = true;
  BOOST_TEST(reachlint::test::lines_of(reachlint::output::format_github(report, every)).size() ==
             23u);
}

BOOST_AUTO_TEST_CASE(a_summary_line_when_the_report_goes_to_a_file) {
  const ScratchDir scratch;
  const auto written = run_cli({"--no-config", "-f", "sarif", "-o", "out.sarif", fixture(kSeed)},
                               scratch.dir().string());
  BOOST_TEST(written.exit == 1);
  BOOST_TEST(written.out.empty());
  BOOST_TEST(written.err ==
             "reachlint: 1 error, 1 warning in 1 file system checked (0 notices); report written "
             "to out.sarif\n");
  BOOST_TEST(has(read_file(scratch.path("out.sarif")), "\"ruleId\": \"RL102\""));
  const auto quiet =
      run_cli({"--no-config", "-q", "-o", "out.txt", fixture(kSeed)}, scratch.dir().string());
  BOOST_TEST(quiet.err.empty(), quiet.err);
  BOOST_TEST(run_cli({"--no-config", fixture(kSeed)}).err.empty());  // standard output: no line
}

BOOST_AUTO_TEST_CASE(verbose_lists_the_configuration_and_every_input) {
  const ScratchDir scratch;
  std::filesystem::create_directories(scratch.path("in/.git"));
  std::filesystem::create_directories(scratch.path("in/node_modules"));
  write_file(scratch.path("in/template.json"), read_file(fixture(kSeed)));
  write_file(scratch.path("in/README.md"), "# notes\n");
  write_file(scratch.path("in/other.json"), "{\"Name\": 1}\n");
  write_file(scratch.path("in/broken.json"), "{\"Name\": \n");
  write_file(scratch.path(".reachlint.toml"),
             "[rules]\nselect = [\"RL3\"]\n[rules.levels]\nrl301 = \"note\"\n");
  const auto run = run_cli({"--verbose", "in"}, scratch.dir().string());
  BOOST_TEST(run.exit == 0, run.err);
  const auto lines = reachlint::test::lines_of(run.err);
  const auto line = [&](const std::string& text) {
    return std::find(lines.begin(), lines.end(), text) != lines.end();
  };
  const std::string here = std::filesystem::canonical(scratch.dir()).string();
  BOOST_TEST(line("reachlint: configuration: " + here + "/.reachlint.toml (found upward from " +
                  here + ")"),
             run.err);
  BOOST_TEST(line("reachlint: rules: 2 of 10: RL301, RL302; select RL3 (configuration)"), run.err);
  BOOST_TEST(line("reachlint: level: RL301 = note (configuration)"), run.err);
  BOOST_TEST(line("reachlint: fail level error; format text; output standard output; colour auto"),
             run.err);
  BOOST_TEST(line("reachlint: read in/template.json: CloudFormation template"), run.err);
  BOOST_TEST(line("reachlint: skipped in/.git: hidden"), run.err);
  BOOST_TEST(line("reachlint: skipped in/node_modules: node_modules is not walked"), run.err);
  BOOST_TEST(line("reachlint: skipped in/README.md: not named .json, .template, .yaml or .yml"),
             run.err);
  BOOST_TEST(line("reachlint: skipped in/other.json: not a CloudFormation template, CDK assembly "
                  "manifest, AWS CLI export or Terraform plan"),
             run.err);
  BOOST_TEST(has(run.err, "reachlint: skipped in/broken.json: not JSON ("), run.err);
  const auto none = run_cli({"-v", "--no-config", fixture(kSeed)});
  BOOST_TEST(has(none.err, "reachlint: configuration: none (--no-config)\n"), none.err);
  const auto assembly = run_cli({"-v", "--no-config", "cdk.out"}, fixture("XSTACK-weak-bad"));
  BOOST_TEST(has(assembly.err, "reachlint: read cdk.out/manifest.json: CDK assembly manifest\n"),
             assembly.err);
  BOOST_TEST(run_cli({"--no-config", fixture(kSeed)}).err.empty());
}

BOOST_AUTO_TEST_SUITE_END()
