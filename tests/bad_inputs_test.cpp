// The bad-input contract (issue 5) for what fixtures cannot hold: files that are not regular
// files, links that loop, inputs past the size limit, nesting 200,000 deep, numbers that overflow.
// Each gives exit 2 with path:line:column (the path alone when it is about the whole file), or a
// located notice with the rest still checked.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

#include "support.h"

namespace fs = std::filesystem;
using reachlint::test::fixture;
using reachlint::test::read_file;
using reachlint::test::run_cli;
using reachlint::test::ScratchDir;
using reachlint::test::write_file;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string nested(const std::string& open, const std::string& close, int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_inputs)

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_not_waited_on) {
  const ScratchDir scratch;
  BOOST_TEST_REQUIRE(mkfifo(scratch.path("pipe.json").c_str(), 0600) == 0);
  const auto asked = run_cli({"--no-config", scratch.path("pipe.json")});
  BOOST_TEST(asked.exit == 2);
  BOOST_TEST(contains(asked.err, "pipe.json: error: not a regular file"), asked.err);
  // Met in a directory walk, it is skipped with a notice and the rest is checked.
  fs::copy_file(fixture("RL103-min-bad/template.json"), scratch.path("stack.json"));
  const auto walked = run_cli({"--no-config", scratch.dir().string()});
  BOOST_TEST(walked.exit == 1);
  BOOST_TEST(contains(walked.out, "pipe.json: notice: skipped: not a regular file"), walked.out);
  BOOST_TEST(contains(walked.out, "[RL103]"), walked.out);
}

BOOST_AUTO_TEST_CASE(links_that_loop_or_dangle) {
  const ScratchDir scratch;
  fs::copy_file(fixture("RL103-min-bad/template.json"), scratch.path("stack.json"));
  fs::create_directory_symlink(scratch.dir(), scratch.path("loop"));
  fs::create_symlink(scratch.path("gone.json"), scratch.path("dangling.json"));
  const auto walked = run_cli({"--no-config", "-f", "json", scratch.dir().string()});
  BOOST_TEST(walked.exit == 1, walked.err);
  BOOST_TEST(contains(walked.out, "skipped: not a regular file"), walked.out);
  const auto asked = run_cli({"--no-config", scratch.path("dangling.json")});
  BOOST_TEST(asked.exit == 2);
  BOOST_TEST(contains(asked.err, "dangling.json: error: cannot open: No such file or directory"),
             asked.err);
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_read) {
  if (geteuid() == 0) return;  // root reads every file: nothing to test
  const ScratchDir scratch;
  write_file(scratch.path("secret.json"), "{}");
  fs::permissions(scratch.path("secret.json"), fs::perms::none);
  const auto run = run_cli({"--no-config", scratch.path("secret.json")});
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(contains(run.err, "secret.json: error: cannot open: Permission denied"), run.err);
}

BOOST_AUTO_TEST_CASE(inputs_over_the_size_limit) {
  const std::string input = fixture("RL103-min-bad/template.json");
  const auto run = run_cli({"--no-config", "--max-input-size", "1000", input});
  BOOST_TEST(run.exit == 2);
  BOOST_TEST(contains(run.err, "template.json: error: file is "), run.err);
  BOOST_TEST(contains(run.err, "over the input size limit of 1000 bytes (--max-input-size)"),
             run.err);
  BOOST_TEST(run_cli({"--no-config", "--max-input-size", "0", input}).exit == 2);
}

BOOST_AUTO_TEST_CASE(nesting_200000_deep) {
  const ScratchDir scratch;
  write_file(scratch.path("template.json"), "{\"Resources\": " + nested("[", "]", 200000) + "}");
  const auto tmpl = run_cli({"--no-config", scratch.path("template.json")});
  BOOST_TEST(tmpl.exit == 2);
  BOOST_TEST(contains(tmpl.err, "template.json:1:"), tmpl.err);
  BOOST_TEST(contains(tmpl.err, "nesting is deeper than"), tmpl.err);
  // In an export, a deep value under a key reachlint does not read is skipped in one stride; the
  // record it sits in still gets its located notice.
  write_file(scratch.path("export.json"),
             "{\"Vpcs\": [{\"Tags\": " + nested("[", "]", 200000) + "}]}");
  const auto dump = run_cli({"--no-config", scratch.path("export.json")});
  BOOST_TEST(dump.exit == 0);
  BOOST_TEST(contains(dump.out, "export.json:1:11: notice: skipped VPC: it has no VpcId"),
             dump.out);
}

BOOST_AUTO_TEST_CASE(numbers_that_overflow) {
  const ScratchDir scratch;
  const std::string original = read_file(fixture("input-port-range/template.json"));
  for (const std::string number : {"99999999999999999999999", "1e400", "-9223372036854775809"}) {
    std::string text = original;
    text.replace(text.find("70000"), 5, number);
    write_file(scratch.path("template.json"), text);
    const auto run = run_cli({"--no-config", scratch.path("template.json")});
    BOOST_TEST(run.exit == 2, number);
    BOOST_TEST(contains(run.err, "template.json:93:61: error: "), number << ": " << run.err);
  }
}

BOOST_AUTO_TEST_SUITE_END()
