// proc_bench: wall time of whole processes, for bench/run.sh.
//
//   proc_bench [options] CMD [ARGS...] [::: CMD [ARGS...]]...
//
// Each command is started with posix_spawn (no shell; stdin, stdout and stderr on /dev/null)
// and timed from just before the spawn to the return of wait4(), so a run includes exec,
// dynamic loading, static initializers, the work, exit and the kernel's teardown of the
// process: what a user or a pre-commit hook waits for. Several commands are run interleaved,
// round by round (A B C A B C ...), so that a drift of the machine's speed during the
// measurement hits them alike. Warm-up rounds come first and are not counted.
//
// Options:
//   -n N           counted runs of each command (default 200)
//   -w N           warm-up runs of each command (default 20)
//   -x CODES       comma-separated exit codes that count as success (default 0); any other
//                  exit, or a signal, stops the benchmark with status 2
//   --cpu N        pin the benchmark (and so the children) to CPU N
//   --tsv          print one tab-separated line per command: label, runs, min, median, mean,
//                  max, median user+sys (all in milliseconds), peak resident set (KiB);
//                  otherwise a readable table
//   -l LABEL       label of the next command (default: its argv joined by spaces); repeatable,
//                  in the order of the commands
//
// Exit status: 0 on success, 2 on a usage error or a run that failed.

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <numeric>
#include <set>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Command {
  std::string label;
  std::vector<std::string> argv;
  std::vector<double> wall_ms;
  std::vector<double> cpu_ms;  // user + system time of the child
  long max_rss_kb = 0;         // the largest peak resident set of a counted run
};

double now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double tv_ms(const timeval& tv) {
  return static_cast<double>(tv.tv_sec) * 1e3 + static_cast<double>(tv.tv_usec) / 1e3;
}

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "proc_bench: %s\n", message.c_str());
  std::exit(2);
}

// Runs `command` once; records its times unless `warm_up`.
void run_once(Command& command, const std::set<int>& ok_codes, bool warm_up) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (std::string& arg : command.argv) argv.push_back(arg.data());
  argv.push_back(nullptr);

  pid_t pid = 0;
  const double start = now_ms();
  const int spawn_error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  if (spawn_error != 0) die(command.argv[0] + ": " + std::strerror(spawn_error));
  int status = 0;
  rusage usage{};
  pid_t waited = 0;
  do {
    waited = wait4(pid, &status, 0, &usage);
  } while (waited < 0 && errno == EINTR);
  const double stop = now_ms();
  posix_spawn_file_actions_destroy(&actions);
  if (waited < 0) die(std::string("wait4: ") + std::strerror(errno));

  if (WIFSIGNALED(status))
    die(command.label + ": killed by signal " + std::to_string(WTERMSIG(status)));
  if (!WIFEXITED(status) || !ok_codes.count(WEXITSTATUS(status))) {
    die(command.label + ": exited with status " + std::to_string(WEXITSTATUS(status)) +
        " (use -x to accept it)");
  }
  if (warm_up) return;
  command.wall_ms.push_back(stop - start);
  command.cpu_ms.push_back(tv_ms(usage.ru_utime) + tv_ms(usage.ru_stime));
  command.max_rss_kb = std::max(command.max_rss_kb, usage.ru_maxrss);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

long parse_count(const char* text, const char* option) {
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < 0)
    die(std::string("bad value for ") + option + ": " + text);
  return value;
}

void usage() {
  std::fprintf(
      stderr,
      "usage: proc_bench [-n RUNS] [-w WARMUP] [-x CODES] [--cpu N] [--tsv] [-l LABEL]...\n"
      "                  CMD [ARGS...] [::: CMD [ARGS...]]...\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  long runs = 200;
  long warmups = 20;
  bool tsv = false;
  long cpu = -1;
  std::set<int> ok_codes{0};
  std::vector<std::string> labels;

  int i = 1;
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    if (arg == "-n") {
      runs = parse_count(value(), "-n");
    } else if (arg == "-w") {
      warmups = parse_count(value(), "-w");
    } else if (arg == "-x") {
      ok_codes.clear();
      std::string list = value();
      size_t pos = 0;
      while (pos <= list.size()) {
        const size_t comma = std::min(list.find(',', pos), list.size());
        ok_codes.insert(static_cast<int>(parse_count(list.substr(pos, comma - pos).c_str(), "-x")));
        pos = comma + 1;
      }
    } else if (arg == "--cpu") {
      cpu = parse_count(value(), "--cpu");
    } else if (arg == "--tsv") {
      tsv = true;
    } else if (arg == "-l") {
      labels.emplace_back(value());
    } else if (arg == "--") {
      ++i;
      break;
    } else if (!arg.empty() && arg[0] == '-') {
      usage();
    } else {
      break;
    }
  }
  if (runs < 1) die("-n must be at least 1");

  std::vector<Command> commands(1);
  for (; i < argc; ++i) {
    if (std::strcmp(argv[i], ":::") == 0) {
      commands.emplace_back();
    } else {
      commands.back().argv.emplace_back(argv[i]);
    }
  }
  for (size_t c = 0; c < commands.size(); ++c) {
    Command& command = commands[c];
    if (command.argv.empty()) usage();
    if (c < labels.size()) {
      command.label = labels[c];
    } else {
      for (const std::string& arg : command.argv)
        command.label += (command.label.empty() ? "" : " ") + arg;
    }
    // posix_spawn takes a path, not a name to look up in PATH: check it up front.
    if (access(command.argv[0].c_str(), X_OK) != 0)
      die(command.argv[0] + ": not an executable path");
  }

  if (cpu >= 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(static_cast<int>(cpu), &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
      die(std::string("--cpu: ") + std::strerror(errno));
  }

  for (long round = 0; round < warmups; ++round) {
    for (Command& command : commands) run_once(command, ok_codes, true);
  }
  for (long round = 0; round < runs; ++round) {
    for (Command& command : commands) run_once(command, ok_codes, false);
  }

  if (!tsv) {
    std::printf("%-40s %6s %9s %9s %9s %9s %9s %10s\n", "command", "runs", "min ms", "median",
                "mean", "max", "cpu med", "peak KiB");
  }
  for (const Command& command : commands) {
    const auto [lo, hi] = std::minmax_element(command.wall_ms.begin(), command.wall_ms.end());
    const double mean = std::accumulate(command.wall_ms.begin(), command.wall_ms.end(), 0.0) /
                        static_cast<double>(command.wall_ms.size());
    const double med = median(command.wall_ms);
    const double cpu_med = median(command.cpu_ms);
    if (tsv) {
      std::printf("%s\t%zu\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%ld\n", command.label.c_str(),
                  command.wall_ms.size(), *lo, med, mean, *hi, cpu_med, command.max_rss_kb);
    } else {
      std::printf("%-40s %6zu %9.3f %9.3f %9.3f %9.3f %9.3f %10ld\n", command.label.c_str(),
                  command.wall_ms.size(), *lo, med, mean, *hi, cpu_med, command.max_rss_kb);
    }
  }
  return 0;
}
