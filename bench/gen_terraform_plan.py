#!/usr/bin/env python3
"""A large Terraform plan for timing the plan reader: fixtures/RL102-tf-good/plan.json copied
into COPIES child modules (module.copy0 ... module.copyN-1), with their resource_changes and
configuration, so that every id known only after apply is linked through references as in the
fixture.   bench/gen_terraform_plan.py COPIES > plan.json"""
import copy
import json
import os
import sys


def prefixed(module, resources):
    out = []
    for resource in resources:
        resource = copy.deepcopy(resource)
        resource["address"] = f"{module}.{resource['address']}"
        out.append(resource)
    return out


def main():
    copies = int(sys.argv[1])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    with open(os.path.join(root, "fixtures/RL102-tf-good/plan.json")) as f:
        plan = json.load(f)
    planned = plan["planned_values"]["root_module"]["resources"]
    changes = plan["resource_changes"]
    config = plan["configuration"]["root_module"]
    plan["planned_values"]["root_module"] = {"resources": [], "child_modules": []}
    plan["resource_changes"] = []
    calls = {}
    for i in range(copies):
        module = f"module.copy{i}"
        plan["planned_values"]["root_module"]["child_modules"].append(
            {"address": module, "resources": prefixed(module, planned)})
        for change in prefixed(module, changes):
            change["module_address"] = module
            plan["resource_changes"].append(change)
        calls[f"copy{i}"] = {"source": "./copy", "module": {"resources": config["resources"]}}
    plan["configuration"]["root_module"] = {"module_calls": calls}
    plan.pop("relevant_attributes", None)
    json.dump(plan, sys.stdout, indent=1)


main()
