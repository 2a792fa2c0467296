#!/usr/bin/env bash
# Organisation-scale benchmark (issue 3, DESIGN §8): reachlint on a generated whole-organisation
# export against the ingest limit, one simdjson On-Demand pass over the same files mmap'd that
# touches every value (bench/ondemand_walk), run interleaved in one go; plus peak memory.
#
#   bench/org/run.sh
#
# Environment:
#   RUNS=15          counted runs of each command (after WARMUP=3)
#   SCALE=1          gen_org.py --scale (1: 5,000 VPCs, about 154 MB)
#   ORG_DIR=         where the export is generated (default: BUILD_DIR/org-SCALE); reused if present
#   BUILD_DIR=build-bench, REACHLINT_MARCH=, SKIP_DEPS=1, BENCH_CPU=   as for bench/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
runs=${RUNS:-15}
warmup=${WARMUP:-3}
scale=${SCALE:-1}
build=${BUILD_DIR:-$root/build-bench}
case $build in /*) ;; *) build=$root/$build ;; esac
org=${ORG_DIR:-$build/org-$scale}

[ "${SKIP_DEPS:-0}" = 1 ] || ./scripts/install-deps.sh
cmake_args=(-S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=OFF)
[ -n "${REACHLINT_MARCH+set}" ] && cmake_args+=("-DREACHLINT_MARCH=$REACHLINT_MARCH")
mkdir -p "$build"
{ cmake "${cmake_args[@]}" && cmake --build "$build" -j"$(nproc)" --target reachlint ondemand_walk proc_bench; } \
  >"$build/bench-build.log" 2>&1 || { tail -n 40 "$build/bench-build.log" >&2; exit 2; }

if [ ! -f "$org/expected-verdicts.json" ]; then
  python3 bench/org/gen_org.py -q -o "$org" --scale "$scale"
fi
mapfile -t files < <(find -L "$org/accounts" -name '*.json' | LC_ALL=C sort)
bytes=$(cat "${files[@]}" | wc -c)
pin=()
[ -n "${BENCH_CPU:-}" ] && pin=(--cpu "$BENCH_CPU")

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# source $(git describe --always --dirty 2>/dev/null || echo '?'); ${#files[@]} files, $bytes bytes (gen_org.py --scale $scale)"
echo "# medians of $runs interleaved runs after $warmup warm-up runs, whole process, ms; peak RSS in MiB"
# Declared clients: one instance per file system (the n-th instance by id for the n-th file
# system by id), as a team declares the clients of its own file system.
declared=$build/declared-clients.toml
ids() {  # FILE_NAME KEY PREFIX: the sorted ids of that key in those files
  find -L "$org/accounts" -name "$1" -print0 | xargs -0 cat |
    grep -oE "\"$2\": *\"$3-[0-9a-f]+\"" | grep -oE "$3-[0-9a-f]+" | LC_ALL=C sort -u
}
paste <(ids ec2-describe-instances.json InstanceId i) <(ids fsx-describe-file-systems.json FileSystemId fs) |
  awk -F'\t' '$2 != "" { printf "[[client]]\ninstance = \"%s\"\nfilesystems = [\"%s\"]\n", $1, $2 }' >"$declared"
# reachlint exits 1: the export holds planted defects. Audit mode: no clients declared, every
# client found from the export (the way an offline audit runs).
"$build/bench/proc_bench" -n "$runs" -w "$warmup" -x 0,1 --tsv "${pin[@]}" -l baseline -l audit \
  -l declared "$build/bench/ondemand_walk" "${files[@]}" ::: "$build/reachlint" -q --no-config \
  "$org/accounts" ::: "$build/reachlint" -q --config "$declared" "$org/accounts" |
  awk -F'\t' -v bytes="$bytes" '
    { med[$1] = $4; low[$1] = $3; rss[$1] = $8 }
    END {
      printf "| command | median ms | min ms | peak RSS MiB | ratio | memory / input |\n|---|---:|---:|---:|---:|---:|\n"
      printf "| ondemand_walk (ingest limit) | %.0f | %.0f | %.0f | 1 | %.2f |\n", med["baseline"], low["baseline"], rss["baseline"] / 1024, rss["baseline"] * 1024 / bytes
      printf "| reachlint -q (audit mode) | %.0f | %.0f | %.0f | %.2f | %.2f |\n", med["audit"], low["audit"], rss["audit"] / 1024, med["audit"] / med["baseline"], rss["audit"] * 1024 / bytes
      printf "| reachlint -q, a declared client per file system | %.0f | %.0f | %.0f | %.2f | %.2f |\n", med["declared"], low["declared"], rss["declared"] / 1024, med["declared"] / med["baseline"], rss["declared"] * 1024 / bytes
      printf "\ntargets: audit mode 2x the ingest limit, declared clients 1.5x; peak memory 2x the input\n"
    }'
echo
echo "verdicts: $(python3 bench/org/check_org.py --reachlint "$build/reachlint" "$org" >/dev/null 2>&1 && echo 'exactly the planted defects' || echo 'MISMATCH (python3 bench/org/check_org.py --reachlint '"$build/reachlint $org"')')"
