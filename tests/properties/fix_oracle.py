#!/usr/bin/env python3
"""The fix oracle (issue 15, item 2): for each finding of the fixtures (the rule fixtures
fixtures/RLxxx-* and every other one with a finding), apply the fix its message and rule page
give (fixers.py, one transformer per rule), run every rule on the result and check that the
finding is gone and that no new error appeared. Advice that does not work is a bug in the rule.
docs/testing.md lists what each transformer does.

    REACHLINT=build/reachlint python3 tests/properties/fix_oracle.py [--fixture NAME] [-v]
"""

import argparse
import re
import sys
from collections import Counter

# Run from the source tree: leave no __pycache__ in it.
sys.dont_write_bytecode = True

import fixers
import props

# The fewest findings each rule's fixer must cover (docs/testing.md has the counts).
FLOORS = {"RL101": 10, "RL102": 22, "RL103": 10, "RL104": 5, "RL105": 6, "RL106": 12,
          "RL201": 6, "RL202": 2, "RL301": 14, "RL302": 9}

# (rule, fixture) -> why the advice, applied as written, does not clear the finding or brings a
# new error: kept here and in docs/testing.md until the rule or its advice is fixed. A listed case
# that passes fails the test.
CROSS_REGION = ("the client's VPC is in another region, which one transit gateway cannot attach: "
                "the fix is a gateway per region joined by a transit gateway peering attachment; "
                "RL101's message does not say so (the model keeps no region for a peering) and "
                "the transformer builds a single gateway")
KNOWN_FAILURES = {
    ("RL101", "dump-cross-region-peering-one-side rtb-a519c0bb8a4f2c27a:10.1.0.0/16"):
        CROSS_REGION,
    ("RL101", "dump-cross-region-peering-one-side-declared rtb-a519c0bb8a4f2c27a:10.1.0.0/16"):
        CROSS_REGION,
    ("RL102", "client-ids-repeat ClientRouteTable"):
        "the transformers find template resources by logical id in the first template that has "
        "it: they add the route to team-a's ClientRouteTable, not to team-b's that the finding "
        "is located in",
}


def all_rules(fixture):
    whole = fixture.copy()
    whole.rules = ",".join(props.ALL_RULES)
    return whole


def key(finding):
    return (finding["rule"], finding["level"], finding.get("resource"))


def errors(verdict):
    return Counter({k: n for k, n in verdict["findings"].items() if k[1] == "error" and not k[3]})


def check_fix(fixture, finding, before, tally, not_covered, verbose):
    rule = finding["rule"]
    fixed = fixers.FIXERS[rule](fixture, finding)
    label = f"{fixture.name}: {finding['level']} {finding.get('resource')}"
    if fixed is None:
        not_covered.append(f"{rule} {label}")
        return
    after = props.verdict(props.run(all_rules(fixed)))
    wanted = (rule, finding["level"], finding.get("resource"), None)
    problems = []
    if after["exit"] == 2 or after["error"]:
        problems.append("the fixed input does not load")
    if after["findings"][wanted] >= before["findings"][wanted]:
        problems.append("the finding is still there")
    new = errors(after) - errors(before)
    if new:
        problems.append("new errors: " + ", ".join(f"{k[0]} {k[2]}" for k in new))
    detail = "; ".join(problems) + f"\n  message: {finding['message']}\n--- after the fix\n" + \
        props.describe(after)
    if verbose:
        print(f"fix-oracle: {rule} {label}: {'ok' if not problems else problems}")
    tally.record(rule, f"{fixture.name} {finding.get('resource')}", not problems, detail,
                 KNOWN_FAILURES)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixture", action="append")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    tally = props.Tally()
    not_covered = []
    # The rule fixtures first, then every other fixture with a finding (corpus, dumps, intrinsics).
    names = args.fixture or sorted(props.fixture_names(),
                                   key=lambda n: (not re.match(r"RL\d{3}-", n), n))
    for name in names:
        fixture = props.load_fixture(name)
        _, report, _ = props.run(fixture)
        findings = [f for f in report.get("findings", []) if not f.get("suppressed")]
        if not findings:
            continue
        before = props.verdict(props.run(all_rules(fixture)))
        for finding in findings:
            check_fix(fixture, finding, before, tally, not_covered, args.verbose)
    for line in not_covered:
        print(f"fix-oracle: not covered (no transformer applies): {line}")
    return tally.finish({r: (0 if args.fixture else n) for r, n in FLOORS.items()}, "fix-oracle")


if __name__ == "__main__":
    sys.exit(main())
