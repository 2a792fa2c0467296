"""Shared by the property tests (metamorphic.py, fix_oracle.py): fixtures as trees of files, runs of
the built reachlint on them exactly as tests/fixtures_test.cpp runs them, and the verdict compared
between runs: the multiset of (rule, level, resource) findings, the exit code and whether an input
error was printed. Messages and locations are not compared: a rename or a reorder changes them.

Standard library only (CI has python3 and no PyPI)."""

import copy
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "fixtures")
NOT_INPUTS = {"expected.json", "README.md", "reachlint.toml", "fixture.toml"}
ALL_RULES = ["RL101", "RL102", "RL103", "RL104", "RL105", "RL106", "RL201", "RL202", "RL301",
             "RL302"]


def reachlint_binary():
    path = os.environ.get("REACHLINT")
    if not path or not os.access(path, os.X_OK):
        sys.exit("REACHLINT must name the built reachlint binary")
    return os.path.abspath(path)


class Fixture:
    """A fixture's files in memory: relative path -> parsed JSON (dict/list) or raw text."""

    def __init__(self, name, files, rules, config):
        self.name = name
        self.files = files
        self.rules = rules
        self.config = config  # reachlint.toml text, or None
        self.reverse_inputs = False  # give the inputs on the command line in reverse order

    def copy(self):
        out = Fixture(self.name, copy.deepcopy(self.files), self.rules, self.config)
        out.reverse_inputs = self.reverse_inputs
        return out

    def json_files(self):
        return [(p, v) for p, v in sorted(self.files.items()) if not isinstance(v, str)]

    def templates(self):
        """(path, tree) of every CloudFormation template (a top-level Resources object)."""
        return [(p, v) for p, v in self.json_files()
                if isinstance(v, dict) and isinstance(v.get("Resources"), dict)]

    def exports(self):
        """(path, tree) of every account export file (JSON: no template, no CDK manifest)."""
        return [(p, v) for p, v in self.json_files()
                if isinstance(v, dict) and "Resources" not in v and "artifacts" not in v
                and os.path.basename(p) != "tree.json" and not p.endswith(".assets.json")]

    def has_yaml(self):
        return any(p.endswith((".yaml", ".yml")) for p in self.files)


def selected_rules(directory, name):
    match = re.match(r"^(RL[0-9]{3})-", name)
    if match:
        return match.group(1)
    with open(os.path.join(directory, "fixture.toml"), "rb") as f:
        return ",".join(tomllib.load(f)["rules"]["select"])


def load_files(directory, under=""):
    """Every input file below directory (or only below its subfolder under), parsed where JSON."""
    files = {}
    for base, _, names in os.walk(os.path.join(directory, under)):
        for file in names:
            full = os.path.join(base, file)
            rel = os.path.relpath(full, directory)
            # A Terraform fixture's configuration (*.tf) is the source of its plan.json.
            if rel in NOT_INPUTS or file.startswith(".") or file.endswith(".tf"):
                continue
            with open(full, "rb") as f:
                data = f.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                files[rel] = data.decode("latin-1")
                continue
            if file.endswith(".json"):
                try:
                    files[rel] = json.loads(text)
                    continue
                except ValueError:
                    pass
            files[rel] = text
    return files


def load_fixture(name):
    directory = os.path.join(FIXTURES, name)
    files = load_files(directory)
    config = None
    if os.path.exists(os.path.join(directory, "reachlint.toml")):
        with open(os.path.join(directory, "reachlint.toml")) as f:
            config = f.read()
    return Fixture(name, files, selected_rules(directory, name), config)


def expected_exit(name):
    with open(os.path.join(FIXTURES, name, "expected.json")) as f:
        return json.load(f)["exit"]


def fixture_names():
    """Every fixture that runs cleanly: not an input-error fixture (exit 2), not cdk-app."""
    names = []
    for name in sorted(os.listdir(FIXTURES)):
        directory = os.path.join(FIXTURES, name)
        if not os.path.isdir(directory) or name == "cdk-app" or name.startswith("."):
            continue
        if expected_exit(name) == 2:
            continue
        names.append(name)
    return names


THIRD_PARTY = os.path.join(ROOT, "tests", "third-party")


def corpus_inputs():
    """Inputs nobody here wrote (tests/third-party): every Batfish account snapshot (an
    aws_configs folder) and every cfn-lint JSON template, as fixtures that run every rule."""
    found = []
    for base, dirs, names in os.walk(THIRD_PARTY):
        dirs.sort()
        rel = os.path.relpath(base, THIRD_PARTY)
        if "aws_configs" in dirs:
            found.append(Fixture("corpus:" + os.path.join(rel, "aws_configs"),
                                 load_files(base, "aws_configs"), ",".join(ALL_RULES), None))
        for file in sorted(names):
            if rel.startswith("cfn-lint") and file.endswith(".json"):
                with open(os.path.join(base, file), encoding="utf-8") as f:
                    try:
                        tree = json.load(f)
                    except ValueError:
                        continue  # cfn-lint's deliberately broken JSON: no transform applies
                found.append(Fixture("corpus:" + os.path.join(rel, file), {file: tree},
                                     ",".join(ALL_RULES), None))
    return found


def write_tree(fixture, directory):
    for rel, value in fixture.files.items():
        full = os.path.join(directory, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(value if isinstance(value, str) else json.dumps(value, indent=1))
    if fixture.config is not None:
        with open(os.path.join(directory, "reachlint.toml"), "w") as f:
            f.write(fixture.config)


def run(fixture, extra_args=()):
    """Runs reachlint on the fixture as the fixtures test does; returns (exit, report, stderr)."""
    with tempfile.TemporaryDirectory(prefix="reachlint-props-") as directory:
        write_tree(fixture, directory)
        inputs = sorted({rel.split(os.sep)[0] for rel in fixture.files},
                        reverse=fixture.reverse_inputs)
        args = [reachlint_binary(), "--format", "json"]
        args += ["--config", "reachlint.toml"] if fixture.config is not None else ["--no-config"]
        args += ["--select", fixture.rules] + list(extra_args) + inputs
        proc = subprocess.run(args, cwd=directory, capture_output=True, text=True, timeout=60)
    report = {"findings": [], "notices": []}
    if proc.stdout.strip():
        try:
            report = json.loads(proc.stdout)
        except ValueError:
            pass
    return proc.returncode, report, proc.stderr


ID_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")


def map_resource(resource, mapping):
    """A finding's resource with every id token renamed by mapping (new -> old, say)."""
    if not mapping or resource is None:
        return resource
    if resource in mapping:
        return mapping[resource]
    return ID_TOKEN.sub(lambda m: mapping.get(m.group(0), m.group(0)), resource)


def verdict(result, mapping=None, subject=None):
    """What must not change: exit code, an error printed or not, the (rule, level, resource)s.
    subject(finding), when given, names the resource a finding is compared by instead."""
    code, report, stderr = result
    findings = Counter()
    for finding in report.get("findings", []):
        suppressed = (finding.get("suppressed") or {}).get("kind")
        resource = (subject(finding) if subject else None) or finding.get("resource")
        resource = map_resource(resource, mapping)
        findings[(finding["rule"], finding["level"], resource, suppressed)] += 1
    return {"exit": code, "error": bool(stderr.strip()), "findings": findings,
            "notices": len(report.get("notices", []))}


def describe(v):
    lines = [f"exit {v['exit']}, error printed: {v['error']}, notices: {v['notices']}"]
    for (rule, level, resource, suppressed), count in sorted(v["findings"].items(),
                                                              key=lambda kv: str(kv[0])):
        lines.append(f"  {rule} {level} {resource}" + (f" [{suppressed}]" if suppressed else "")
                     + (f" x{count}" if count > 1 else ""))
    return "\n".join(lines)


def walk(tree, visit):
    """Calls visit(node) on every dict and list of a JSON tree, parents first."""
    visit(tree)
    if isinstance(tree, dict):
        for value in list(tree.values()):
            walk(value, visit)
    elif isinstance(tree, list):
        for value in list(tree):
            walk(value, visit)


def is_intrinsic(node):
    """A CloudFormation function call: {"Ref": …}, {"Condition": …} or {"Fn::…": …}."""
    if not isinstance(node, dict) or len(node) != 1:
        return False
    key = next(iter(node))
    return key in ("Ref", "Condition") or key.startswith("Fn::")


class Tally:
    """Counts what each property covered and which cases failed, and prints the summary lines."""

    def __init__(self):
        self.covered = Counter()
        self.failures = []
        self.floor_failures = 0
        self.known = []

    def record(self, prop, name, ok, detail, known_failures):
        self.covered[prop] += 1
        if ok:
            if (prop, name) in known_failures:
                self.failures.append(f"{prop} {name}: listed as a known failure but passes now: "
                                     "remove it from the list")
            return
        if (prop, name) in known_failures:
            self.known.append(f"{prop} {name}: {known_failures[(prop, name)]}")
            return
        self.failures.append(f"{prop} {name}:\n{detail}")

    def finish(self, floors, label):
        for prop in sorted(floors):
            print(f"{label}: {prop}: {self.covered[prop]} cases (floor {floors[prop]})")
            if self.covered[prop] < floors[prop]:
                self.floor_failures += 1
                self.failures.append(f"{prop}: covered {self.covered[prop]} cases, fewer than the "
                                     f"floor {floors[prop]}: a fixture change made it test less")
        for line in self.known:
            print(f"{label}: known failure: {line}")
        for line in self.failures:
            print(f"{label}: FAIL: {line}", file=sys.stderr)
        failed, known = len(self.failures), len(self.known)
        passed = sum(self.covered.values()) - known - (failed - self.floor_failures)
        print(f"{label}: {passed} passed, {failed} failed" + (f", {known} skipped" if known else ""))
        return 1 if failed else 0
