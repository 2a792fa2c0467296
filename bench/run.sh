#!/usr/bin/env bash
# Whole-process benchmark of reachlint against the simdjson On-Demand baseline (docs/performance.md).
#
#   bench/run.sh
#
# Builds reachlint, bench/ondemand_walk and bench/proc_bench in Release into build-bench/,
# generates CDK-shaped templates of 1,000 to 10,000 resources (bench/gen_template.py), then for
# each input times `ondemand_walk FILE` and `reachlint -q FILE` interleaved, RUNS times each after
# WARMUP runs, and prints a Markdown table of the medians. For the seed template it also times
# cfn-lint, when it is installed, a few times.
#
# Environment:
#   RUNS=200           counted runs per command and input
#   WARMUP=20          warm-up runs per command and input
#   CFN_LINT=1         0 skips cfn-lint
#   CFN_LINT_RUNS=3    counted cfn-lint runs (one warm-up run comes first)
#   BENCH_CPU=         a CPU number to pin the runs to (default: not pinned)
#   BUILD_DIR=build-bench   where to build and write the templates and results.tsv
#   REACHLINT_MARCH=   passed to CMake when set (default: the project's default, native)
#   SKIP_DEPS=1        do not run scripts/install-deps.sh
#   CORPUS=            folder of the corpus templates (default: ../shared/corpus/cdk, then
#                      /work/shared/corpus/cdk); missing templates are skipped
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-200}
warmup=${WARMUP:-20}
build=${BUILD_DIR:-$root/build-bench}
case $build in /*) ;; *) build=$root/$build ;; esac

if [ "${SKIP_DEPS:-0}" != 1 ] && [ -x scripts/install-deps.sh ]; then
  ./scripts/install-deps.sh
fi
command -v python3 >/dev/null || { echo "bench/run.sh: python3 is needed to generate templates" >&2; exit 2; }

cmake_args=(-S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=OFF)
[ -n "${REACHLINT_MARCH+set}" ] && cmake_args+=("-DREACHLINT_MARCH=$REACHLINT_MARCH")
mkdir -p "$build"
if ! { cmake "${cmake_args[@]}" && cmake --build "$build" -j"$(nproc)" --target reachlint ondemand_walk proc_bench; } \
  >"$build/bench-build.log" 2>&1; then
  tail -n 40 "$build/bench-build.log" >&2
  echo "bench/run.sh: the build failed (log: $build/bench-build.log)" >&2
  exit 2
fi

reachlint=$build/reachlint
baseline=$build/bench/ondemand_walk
timer=$build/bench/proc_bench
pin=()
[ -n "${BENCH_CPU:-}" ] && pin=(--cpu "$BENCH_CPU")

# Inputs: the shared corpus templates, then the generated ones.
corpus=${CORPUS:-}
if [ -z "$corpus" ]; then
  for candidate in "$root/../shared/corpus/cdk" /work/shared/corpus/cdk; do
    if [ -d "$candidate" ]; then corpus=$candidate; break; fi
  done
fi
inputs=()
labels=()
for name in seed-as-is tgw-ok peering; do
  file=$corpus/$name.template.json
  if [ -n "$corpus" ] && [ -f "$file" ]; then
    inputs+=("$file"); labels+=("$name")
  else
    echo "bench/run.sh: no corpus template $name, skipped" >&2
  fi
done
mkdir -p "$build/templates"
for n in 1000 2500 5000 10000; do
  file=$build/templates/generated-$n.json
  python3 bench/gen_template.py --resources "$n" --seed 1 -o "$file"
  inputs+=("$file"); labels+=("generated-$n")
done

resources() {
  python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["Resources"]))' "$1"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $cpu, $(nproc) CPUs, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# source $(git -C "$root" describe --always --dirty 2>/dev/null || echo '(not a git checkout)'); $("$reachlint" --version 2>/dev/null | head -n 1)"
echo "# $(grep -E '^CMAKE_CXX_COMPILER:|^CMAKE_BUILD_TYPE:|^REACHLINT_MARCH:' "$build/CMakeCache.txt" | sed 's/:[A-Z]*=/=/' | tr '\n' ' ')"
echo "# medians of $runs runs after $warmup warm-up runs, whole process (spawn to exit), in ms"
echo "# baseline: one mmap + simdjson On-Demand walk over every value (bench/ondemand_walk)"
echo
printf '| %-16s | %9s | %9s | %13s | %14s | %5s | %14s |\n' \
  input bytes resources "baseline (ms)" "reachlint (ms)" ratio "us/resource"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' ------------------ ----------: ----------: --------------: \
  ---------------: ------: ---------------:
results=$build/results.tsv
printf 'input\tbytes\tresources\tbaseline_median_ms\treachlint_median_ms\tbaseline_min_ms\treachlint_min_ms\n' >"$results"
for i in "${!inputs[@]}"; do
  file=${inputs[$i]}
  label=${labels[$i]}
  bytes=$(stat -c %s "$file")
  count=$(resources "$file")
  # reachlint exits 1 when it finds something: that is a completed run.
  out=$("$timer" -n "$runs" -w "$warmup" -x 0,1 --tsv "${pin[@]}" -l baseline -l reachlint \
    "$baseline" "$file" ::: "$reachlint" -q "$file")
  # proc_bench --tsv: label, runs, min, median, mean, max, cpu median.
  printf '%s\n' "$out" | awk -F'\t' -v l="$label" -v b="$bytes" -v n="$count" '
    { min[$1] = $3; med[$1] = $4 }
    END { printf "%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\n", l, b, n, med["baseline"], med["reachlint"],
                 min["baseline"], min["reachlint"] }' >>"$results"
  tail -n 1 "$results" | awk -F'\t' '{
    printf "| %-16s | %9d | %9d | %13.3f | %14.3f | %5.2f | %14.2f |\n", $1, $2, $3, $4, $5, $5 / $4, 1000 * $5 / $3 }'
done
echo

# Linearity: what each added resource costs between consecutive generated sizes.
awk -F'\t' '
  NR > 1 { n[$1] = $3; base[$1] = $4; tool[$1] = $5 }
  END {
    split("1000 2500 5000 10000", sizes, " ")
    line = "marginal cost per added resource, reachlint / baseline (us):"
    for (i = 1; i < 4; i++) {
      a = "generated-" sizes[i]; b = "generated-" sizes[i + 1]
      if (!(a in tool) || !(b in tool)) continue
      d = n[b] - n[a]
      line = line sprintf("  %s->%s %.2f / %.2f", sizes[i], sizes[i + 1],
                          1000 * (tool[b] - tool[a]) / d, 1000 * (base[b] - base[a]) / d)
    }
    print line
  }' "$results"

# The floor: a process that does nothing (dynamically linked /bin/true).
"$timer" -n "$runs" -w "$warmup" --tsv "${pin[@]}" -l "empty process (/bin/true)" /bin/true |
  awk -F'\t' '{ printf "%s: median %.3f ms, min %.3f ms\n", $1, $4, $3 }'

if [ "${CFN_LINT:-1}" != 0 ] && [ -n "$corpus" ] && [ -f "$corpus/seed-as-is.template.json" ]; then
  cfn=$(command -v cfn-lint || true)
  # A pyenv shim is a shell script that starts pyenv first: time the real entry point.
  if [ -n "$cfn" ] && command -v pyenv >/dev/null && [[ $cfn == */shims/* ]]; then
    cfn=$(pyenv which cfn-lint 2>/dev/null || echo "$cfn")
  fi
  if [ -z "$cfn" ]; then
    echo "cfn-lint: not installed, skipped (CFN_LINT=0 to silence this)"
  else
    # cfn-lint's exit status is a bit mask of the levels it found (2 error, 4 warning, 8 info).
    "$timer" -n "${CFN_LINT_RUNS:-3}" -w 1 -x "$(seq -s, 0 31)" --tsv -l cfn-lint \
      "$cfn" "$corpus/seed-as-is.template.json" |
      awk -F'\t' -v v="$("$cfn" --version 2>/dev/null)" \
        '{ printf "%s on seed-as-is: median %.0f ms, min %.0f ms, max %.0f ms (%d runs)\n", v, $4, $3, $6, $2 }'
  fi
fi
