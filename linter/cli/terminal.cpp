#include "linter/cli/terminal.h"

#include <sys/wait.h>

#include <algorithm>
#include <csignal>

namespace reachlint::cli {

bool use_color(ColorChoice choice, bool is_terminal, bool no_color, bool term_dumb) {
  switch (choice) {
    case ColorChoice::Always:
      return true;
    case ColorChoice::Never:
      return false;
    case ColorChoice::Auto:
      return is_terminal && !no_color && !term_dumb;
  }
  return false;
}

bool should_page(bool out_is_terminal, size_t rows, std::string_view text) {
  if (!out_is_terminal || rows == 0) return false;
  // The prompt after the text takes a line too.
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) >= rows;
}

void write_paged(std::string_view text, const std::optional<std::string>& pager, std::FILE* out) {
  const std::string command = pager.value_or("less -R");
  std::fflush(out);  // what was written before comes first
  std::FILE* pipe = command.empty() ? nullptr : popen(command.c_str(), "w");
  if (!pipe) {
    std::fwrite(text.data(), 1, text.size(), out);
    return;
  }
  // A pager quit early (q in less) closes the pipe: that is not an error to die of.
  void (*previous)(int) = std::signal(SIGPIPE, SIG_IGN);
  std::fwrite(text.data(), 1, text.size(), pipe);
  const int status = pclose(pipe);
  std::signal(SIGPIPE, previous);
  // 127: the shell found no such command; the text must not be lost for want of a pager.
  if (status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == 127))
    std::fwrite(text.data(), 1, text.size(), out);
}

}  // namespace reachlint::cli
