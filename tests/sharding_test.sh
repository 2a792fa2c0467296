#!/usr/bin/env bash
# The sharding examples of docs/sharding.md, run as their engines would run them: the reachlint
# command lines of docs/examples/sharding-github-actions.yml (one per matrix job, SHARD and SHARDS
# set as the workflow sets them) and of docs/examples/sharding-indexed-job.yaml (one per pod,
# JOB_COMPLETION_INDEX 0..N-1), on a generated organisation; then `reachlint merge-sarif`. The
# merged log must hold exactly the results (by fingerprint) and notifications of one unsharded run,
# and every file system must be in exactly one shard.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
: "${REACHLINT:?the reachlint binary to test}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$REACHLINT" "$work/bin/reachlint"
export PATH="$work/bin:$PATH"
fail() { echo "sharding_test: $*" >&2; exit 1; }

python3 "$root/bench/org/gen_org.py" -q -o "$work/org" --scale 0.05
mkdir -p "$work/repo/export"
ln -s "$work/org/accounts" "$work/repo/export/accounts"
# The unsharded run, from where the jobs run (SARIF uris are relative to the working directory).
(cd "$work/repo" && reachlint check -f sarif -o "$work/whole.sarif" --category audit export/accounts) ||
  [ $? -eq 1 ]

# The commands as the examples write them.
gh_check=$(grep -E '^ +reachlint check --shard' "$root/docs/examples/sharding-github-actions.yml" | sed 's/^ *//')
gh_merge=$(grep -E '^ +reachlint merge-sarif' "$root/docs/examples/sharding-github-actions.yml" | sed 's/^ *//')
k8s_check=$(grep -E '^ +- reachlint check --shard' "$root/docs/examples/sharding-indexed-job.yaml" | sed 's/^ *- //')
k8s_merge=$(grep -E '^#   reachlint merge-sarif' "$root/docs/examples/sharding-indexed-job.yaml" | sed 's/^#   //')
[ -n "$gh_check" ] && [ -n "$gh_merge" ] && [ -n "$k8s_check" ] && [ -n "$k8s_merge" ] ||
  fail "the examples no longer hold the commands this test runs"

compare() {  # MERGED_SARIF LABEL
  python3 - "$work/whole.sarif" "$1" "$2" <<'PY'
import json, sys
whole, merged, label = (json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3])
def prints(log):
    return sorted(r["partialFingerprints"]["reachlintIdentity/v1"] for r in log["runs"][0]["results"])
def notes(log):  # artifact indexes are numbered per log: compared by the uri they resolve to
    run = log["runs"][0]
    out = []
    for n in run["invocations"][0]["toolExecutionNotifications"]:
        for loc in n.get("locations", []):
            art = loc["physicalLocation"]["artifactLocation"]
            if "index" in art:
                assert run["artifacts"][art.pop("index")]["location"]["uri"] == art["uri"], art
        out.append(json.dumps(n, sort_keys=True))
    return sorted(out)
def resolved(log):  # every index points at what the result names
    run = log["runs"][0]
    for r in run["results"]:
        loc = r["locations"][0]
        art = loc["physicalLocation"]["artifactLocation"]
        assert run["artifacts"][art["index"]]["location"]["uri"] == art["uri"], art
        logical = loc["logicalLocations"][0]
        assert run["logicalLocations"][logical["index"]]["fullyQualifiedName"] == logical["fullyQualifiedName"]
    return True
assert prints(whole) == prints(merged), f"{label}: the merged results differ from the unsharded run's"
assert notes(whole) == notes(merged), f"{label}: the merged notifications differ"
assert resolved(merged)
assert merged["runs"][0]["automationDetails"] == whole["runs"][0]["automationDetails"]
print(f"{label}: {len(prints(merged))} results and {len(notes(merged))} notifications, as one run")
PY
}

# GitHub Actions: four matrix jobs in their own workspaces, then the upload job.
for shard in 1 2 3 4; do
  mkdir -p "$work/gh-$shard" && cp -r "$work/repo/export" "$work/gh-$shard/"
  (cd "$work/gh-$shard" && SHARD=$shard SHARDS=4 bash -euo pipefail -c "status=0; $gh_check || status=\$?; test \$status -le 1")
done
mkdir -p "$work/gh-upload"
cp "$work"/gh-*/reachlint-*.sarif "$work/gh-upload/"
(cd "$work/gh-upload" && bash -euo pipefail -c "$gh_merge")
compare "$work/gh-upload/reachlint.sarif" "GitHub Actions matrix"

# Kubernetes Indexed Job: four pods, /export and /results mounted.
mkdir -p "$work/results"
for index in 0 1 2 3; do
  command=${k8s_check//\/export/$work/repo/export}
  command=${command//\/results/$work/results}
  (cd "$work/repo" && JOB_COMPLETION_INDEX=$index SHARDS=4 sh -c "$command")
done
merge=${k8s_merge//\/results/$work/results}
sh -c "$merge"
compare "$work/results/reachlint.sarif" "Kubernetes Indexed Job"

# Each file system's findings in exactly one shard, the same run after run.
for shard in 1 2 3 4; do
  for run in a b; do
    reachlint check -f json --shard "$shard/4" "$work/repo/export/accounts" >"$work/$run-$shard.json" || [ $? -eq 1 ]
  done
  cmp -s "$work/a-$shard.json" "$work/b-$shard.json" || fail "shard $shard differs from one run to the next"
done
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def systems(path):
    return {f["filesystem"] for f in json.load(open(path))["findings"] if f.get("filesystem")}
shards = [systems(f"{work}/a-{k}.json") for k in (1, 2, 3, 4)]
for i in range(4):
    for j in range(i + 1, 4):
        assert not (shards[i] & shards[j]), f"shards {i+1} and {j+1} share a file system"
print("file systems with findings per shard:", [len(s) for s in shards])
PY
