// The progress line: drawn on its terminal with the phase and counts, erased at the end; nothing
// at all when it has no terminal.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>
#include <thread>

#include "linter/core/progress.h"

namespace {

std::string contents(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text += static_cast<char>(c);
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(progress)

BOOST_AUTO_TEST_CASE(the_line_names_the_phase_and_its_counts) {
  reachlint::Progress progress(nullptr);
  progress.phase("analysing file systems", 10);
  progress.advance(3);
  // Off: nothing is counted, the line says only what it would say.
  BOOST_TEST(progress.line() == "reachlint: analysing file systems 0/10");
}

BOOST_AUTO_TEST_CASE(a_long_run_draws_the_line_and_erases_it) {
  std::FILE* terminal = std::tmpfile();
  BOOST_TEST_REQUIRE(terminal != nullptr);
  {
    reachlint::Progress progress(terminal, std::chrono::milliseconds(0));
    progress.phase("analysing file systems", 10);
    progress.advance(3);
    BOOST_TEST(progress.line() == "reachlint: analysing file systems 3/10");
    // The drawing thread draws within its first redraw period; wait for it, however slow.
    for (int i = 0; i < 500 && contents(terminal).find("3/10") == std::string::npos; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    progress.finish();
  }
  const std::string drawn = contents(terminal);
  BOOST_TEST(drawn.find("\r\033[Kreachlint: analysing file systems 3/10") != std::string::npos);
  BOOST_TEST(drawn.ends_with("\r\033[K"));
  std::fclose(terminal);
}

BOOST_AUTO_TEST_CASE(a_short_run_draws_nothing) {
  std::FILE* terminal = std::tmpfile();
  BOOST_TEST_REQUIRE(terminal != nullptr);
  {
    reachlint::Progress progress(terminal, std::chrono::seconds(60));
    progress.phase("reading inputs");
  }
  BOOST_TEST(contents(terminal).empty());
  std::fclose(terminal);
}

BOOST_AUTO_TEST_SUITE_END()
