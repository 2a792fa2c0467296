#!/usr/bin/env python3
"""Summarises `llvm-cov export` JSON of the fuzz harnesses (scripts/fuzz-coverage.sh).

    fuzz-coverage-summary.py EXPORT.json BUILD_DIR

BUILD_DIR is where the harnesses were compiled (a file name relative to it, as a compiler run
through ccache with CCACHE_BASEDIR records it, is taken from there); the summaries go there too.

Writes BUILD_DIR/areas.md (lines, branches, regions, functions per area: the Markdown table of
docs/fuzzing.md), BUILD_DIR/files.md (the same per file) and BUILD_DIR/uncovered.txt (per file of
the parsers and the evaluator: the functions no input runs, and the branch directions never
taken inside functions that do run), and prints areas.md.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

# Areas, in report order: (name, path prefixes under the checkout). A file belongs to the first
# area that matches; the evaluator is taken out of the CloudFormation reader before it.
AREAS = [
    ("parsers: JSON, YAML, inputs", ["linter/ingest/common/", "linter/ingest/formats"]),
    ("parsers: account exports", ["linter/ingest/account/"]),
    (
        "evaluator (intrinsic functions)",
        [
            "linter/ingest/cloudformation/evaluator",
            "linter/ingest/cloudformation/intrinsic_functions",
            "linter/ingest/cloudformation/value",
        ],
    ),
    ("parsers: CloudFormation, cdk.out", ["linter/ingest/cloudformation/"]),
    ("parsers: Terraform plans", ["linter/ingest/terraform/"]),
    ("parsers: CIDR", ["linter/core/cidr"]),
    ("parsers: configuration, command line", ["linter/cli/config", "linter/cli/toml_guard",
                                              "linter/cli/options"]),
    ("model", ["linter/model/"]),
    ("analysis", ["linter/analysis/"]),
    ("rules", ["rules/"]),
    ("output", ["linter/output/"]),
    ("CLI and core (rest)", ["linter/cli/", "linter/core/", "linter/"]),
]
# The areas whose uncovered functions and branches are listed.
DETAILED = {name for name, _ in AREAS if name.startswith(("parsers", "evaluator"))}


def area_of(path):
    for name, prefixes in AREAS:
        if any(path.startswith(p) for p in prefixes):
            return name
    return None


def percent(covered, count):
    return f"{100.0 * covered / count:.1f}" if count else "—"


def add(total, summary):
    for kind in ("lines", "branches", "regions", "functions"):
        total[kind][0] += summary[kind]["covered"]
        total[kind][1] += summary[kind]["count"]


def empty():
    return {k: [0, 0] for k in ("lines", "branches", "regions", "functions")}


def row(name, total):
    cells = [name]
    for kind in ("lines", "branches", "regions", "functions"):
        covered, count = total[kind]
        cells.append(f"{percent(covered, count)} ({covered}/{count})")
    return "| " + " | ".join(cells) + " |"


HEADER = "| {} | lines % | branches % | regions % | functions % |\n|---|---|---|---|---|"


def demangle(names):
    if not names:
        return {}
    try:
        out = subprocess.run(["llvm-cxxfilt-14"], input="\n".join(names), capture_output=True,
                             text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return {n: n for n in names}
    return dict(zip(names, out))


def short(name):
    """A demangled name without namespaces and parameters: enough to find it in its file."""
    name = re.sub(r"^[\w.-]+\.(cpp|h):", "", name)  # a function of internal linkage: its file
    name = name.replace("(anonymous namespace)::", "").replace("reachlint::", "")
    name = name.replace("[abi:cxx11]", "")
    lambda_ = "::$_" in name or "{lambda" in name
    name = name.split("(", 1)[0]
    return f"lambda in {name}" if lambda_ else name


def main():
    export, out_dir = sys.argv[1], Path(sys.argv[2])
    root = str(Path(__file__).resolve().parent.parent) + "/"
    with open(export, encoding="utf-8") as f:
        data = json.load(f)["data"][0]

    def relative(path):
        """The path under the checkout, or None."""
        path = os.path.normpath(os.path.join(out_dir, path))
        return path[len(root):] if path.startswith(root) else None

    files = {}
    for f in data["files"]:
        rel = relative(f["filename"])
        if rel and area_of(rel):
            files[rel] = f

    totals = {name: empty() for name, _ in AREAS}
    file_rows = []
    for rel in sorted(files):
        add(totals[area_of(rel)], files[rel]["summary"])
        total = empty()
        add(total, files[rel]["summary"])
        file_rows.append((area_of(rel), row(f"`{rel}`", total)))

    areas_md = [HEADER.format("area")]
    areas_md += [row(name, totals[name]) for name, _ in AREAS if totals[name]["lines"][1]]
    (out_dir / "areas.md").write_text("\n".join(areas_md) + "\n")
    files_md = []
    for name, _ in AREAS:
        rows = [r for a, r in file_rows if a == name]
        if rows:
            files_md += [f"\n### {name}\n", HEADER.format("file")] + rows
    (out_dir / "files.md").write_text("\n".join(files_md).lstrip() + "\n")

    # Functions by file: (first line, last line, mangled name, execution count), summed over the
    # harnesses and instantiations that share a name.
    functions = {}
    for fn in data["functions"]:
        rel = relative(fn["filenames"][0])
        if rel not in files:
            continue
        region = fn["regions"][0]
        key = (rel, fn["name"])
        first, last, count = functions.get(key, (region[0], region[2], 0))
        functions[key] = (min(first, region[0]), max(last, region[2]), count + fn["count"])
    names = demangle(sorted({name for _, name in functions}))

    lines = []
    for rel in sorted(files):
        if area_of(rel) not in DETAILED:
            continue
        mine = sorted((first, last, names[name], count)
                      for (path, name), (first, last, count) in functions.items() if path == rel)
        never_run = sorted({(first, short(name)) for first, _, name, count in mine if count == 0})

        def enclosing(line):
            inside = [(last - first, name) for first, last, name, count in mine
                      if first <= line <= last and count > 0]
            return short(min(inside)[1]) if inside else None

        # A template's branch comes once per instantiation: a direction is never taken only
        # when no instantiation takes it.
        directions = {}
        for b in files[rel]["branches"]:
            counts = directions.setdefault((b[0], b[1]), [0, 0])
            counts[0] += b[4]
            counts[1] += b[5]
        never_taken = []
        for (line, col), (taken, not_taken) in sorted(directions.items()):
            if (taken == 0) == (not_taken == 0):
                continue  # both directions taken, or the condition never evaluated
            function = enclosing(line)
            if function:
                side = "true" if taken == 0 else "false"
                never_taken.append(f"{line}:{col} {side} ({function})")
        if not never_run and not never_taken:
            continue
        s = files[rel]["summary"]
        lines.append(f"{rel}: lines {percent(s['lines']['covered'], s['lines']['count'])}%, "
                     f"branches {percent(s['branches']['covered'], s['branches']['count'])}%")
        for first, name in never_run:
            lines.append(f"  never run: {first}: {name}")
        for entry in never_taken:
            lines.append(f"  never taken: {entry}")
    (out_dir / "uncovered.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(areas_md))


if __name__ == "__main__":
    main()
