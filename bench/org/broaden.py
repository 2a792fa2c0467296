#!/usr/bin/env python3
"""The worst audit of docs/performance.md: every NFS rule of every security group of an export
written by gen_org.py also admits 10.0.0.0/8, so every subnet of every connected VPC becomes a
broad candidate client of every file system.

    python3 bench/org/broaden.py /tmp/org /tmp/org-broad   # copies /tmp/org, then broadens it
"""
import glob
import json
import os
import shutil
import sys


def broaden(root):
    """Adds 10.0.0.0/8 to each ingress rule whose port range holds 2049; returns how many."""
    added = 0
    for path in sorted(glob.glob(os.path.join(root, "accounts", "*", "*", "ec2-describe-security-groups.json"))):
        with open(path) as f:
            data = json.load(f)
        changed = False
        for group in data["SecurityGroups"]:
            for rule in group.get("IpPermissions", []):
                low, high = rule.get("FromPort"), rule.get("ToPort")
                if low is None or high is None or not low <= 2049 <= high:
                    continue
                ranges = rule.setdefault("IpRanges", [])
                if any(r.get("CidrIp") == "10.0.0.0/8" for r in ranges):
                    continue
                ranges.append({"CidrIp": "10.0.0.0/8"})
                added += 1
                changed = True
        if changed:
            with open(path, "w") as f:
                json.dump(data, f)
    return added


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    source, target = argv[1], argv[2]
    if os.path.exists(target):
        print(f"broaden.py: {target} exists", file=sys.stderr)
        return 2
    shutil.copytree(source, target)
    print(f"{broaden(target)} rules now also admit 10.0.0.0/8", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
