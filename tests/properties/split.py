"""A template split into two stacks: the network (every resource whose references reach no FSx
resource) and the rest (file systems, their security groups, whatever refers to them), joined by
CloudFormation exports (Fn::ImportValue) or by CDK's Fn::GetStackOutput in a cloud assembly."""

import os
import re

from props import walk
from transforms import SUB_VAR, top_level_templates


def references(node):
    """The logical ids a resource names: Ref, Fn::GetAtt, ${...} in Fn::Sub, DependsOn."""
    found = set()

    def visit(item):
        if not isinstance(item, dict):
            return
        if isinstance(item.get("Ref"), str) and len(item) == 1:
            found.add(item["Ref"])
        att = item.get("Fn::GetAtt")
        if isinstance(att, list) and att and isinstance(att[0], str):
            found.add(att[0])
        elif isinstance(att, str):
            found.add(att.split(".")[0])
        sub = item.get("Fn::Sub")
        text = sub if isinstance(sub, str) else sub[0] if isinstance(sub, list) and sub and \
            isinstance(sub[0], str) else ""
        found.update(m.group(1) for m in SUB_VAR.finditer(text))
        depends = item.get("DependsOn")
        if isinstance(depends, str):
            found.add(depends)
        elif isinstance(depends, list):
            found.update(d for d in depends if isinstance(d, str))
    walk(node, visit)
    return found


def network_part(resources):
    """The resources whose transitive references reach no AWS::FSx:: resource, FSx ones excluded."""
    graph = {name: references(body) & resources.keys() for name, body in resources.items()}
    fsx = {n for n, body in resources.items()
           if isinstance(body, dict) and str(body.get("Type", "")).startswith("AWS::FSx::")}
    reaches = {}

    def reaches_fsx(name, seen=()):
        if name in reaches:
            return reaches[name]
        if name in fsx:
            return True
        if name in seen:
            return False
        result = any(reaches_fsx(dep, seen + (name,)) for dep in graph[name])
        reaches[name] = result
        return result
    return {n for n in resources if not reaches_fsx(n)}


class Importer:
    """Rewrites the second stack's references to network resources into imports."""

    def __init__(self, network, imported):
        self.network = network
        self.imported = imported  # (output name, value) -> import node
        self.outputs = {}

    def output(self, name, attribute, value):
        key = "Split" + name + (re.sub(r"[^A-Za-z0-9]", "", attribute) if attribute else "")
        self.outputs[key] = value
        return self.imported(key)

    def rewrite(self, node):
        if isinstance(node, list):
            return [self.rewrite(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("Ref")
        if len(node) == 1 and isinstance(ref, str) and ref in self.network:
            return self.output(ref, "", {"Ref": ref})
        att = node.get("Fn::GetAtt")
        if len(node) == 1 and att is not None:
            name, attribute = (att[0], att[1]) if isinstance(att, list) else att.split(".", 1)
            if name in self.network:
                return self.output(name, attribute, {"Fn::GetAtt": [name, attribute]})
        if len(node) == 1 and "Fn::Sub" in node:
            return {"Fn::Sub": self.rewrite_sub(node["Fn::Sub"])}
        out = {}
        for key, value in node.items():
            if key == "DependsOn":
                kept = [d for d in ([value] if isinstance(value, str) else value)
                        if d not in self.network]
                if kept:
                    out[key] = kept
                continue
            out[key] = self.rewrite(value)
        return out

    def rewrite_sub(self, sub):
        text, variables = (sub, {}) if isinstance(sub, str) else (sub[0], dict(sub[1]))
        variables = {k: self.rewrite(v) for k, v in variables.items()}

        def swap(m):
            name, attribute = m.group(1), m.group(2).lstrip(".")
            if name not in self.network or name in variables:
                return m.group(0)
            var = f"Split{len(variables)}Var"
            value = {"Fn::GetAtt": [name, attribute]} if attribute else {"Ref": name}
            variables[var] = self.output(name, attribute, value)
            return "${" + var + "}"
        text = SUB_VAR.sub(swap, text)
        return [text, variables] if variables else text


def split_template(tree, imported):
    resources = tree["Resources"]
    network = network_part(resources)
    if not network or network == set(resources):
        return None
    shared = {k: v for k, v in tree.items() if k in ("AWSTemplateFormatVersion", "Parameters",
                                                      "Conditions", "Mappings")}
    importer = Importer(network, imported)
    second = dict(shared, Resources={n: importer.rewrite(b) for n, b in resources.items()
                                     if n not in network})
    first = dict(shared, Resources={n: b for n, b in resources.items() if n in network})
    if "Transform" in tree:  # one stack keeps it: its notice is about the template, said once
        second["Transform"] = tree["Transform"]
    return first, second, importer.outputs


def applies(fixture):
    templates = top_level_templates(fixture)
    if len(fixture.templates()) != 1 or len(templates) != 1 or fixture.exports():
        return None
    if fixture.config is not None and "parameters" in fixture.config:
        return None
    path, tree = templates[0]
    if any(isinstance(b, dict) and b.get("Type") == "AWS::CloudFormation::Stack"
           for b in tree["Resources"].values()):
        return None
    return path, tree


def split_importvalue(fixture):
    found = applies(fixture)
    if found is None:
        return None
    path, tree = found
    parts = split_template(tree, lambda key: {"Fn::ImportValue": "split-" + key})
    if parts is None:
        return None
    first, second, outputs = parts
    first["Outputs"] = {k: {"Value": v, "Export": {"Name": "split-" + k}}
                        for k, v in outputs.items()}
    out = fixture.copy()
    del out.files[path]
    stem = os.path.splitext(path)[0]
    out.files[stem + "-network.json"] = first
    out.files[stem + "-fsx.json"] = second
    return out, {}


def split_getstackoutput(fixture):
    found = applies(fixture)
    if found is None:
        return None
    path, tree = found
    parts = split_template(tree, lambda key: {"Fn::GetStackOutput": {
        "StackName": "Split-Network", "Region": {"Ref": "AWS::Region"}, "OutputName": key}})
    if parts is None:
        return None
    first, second, outputs = parts
    first["Outputs"] = {k: {"Value": v} for k, v in outputs.items()}
    out = fixture.copy()
    del out.files[path]
    stack = {"type": "aws:cloudformation:stack",
             "environment": "aws://unknown-account/unknown-region"}
    out.files["cdk.out/manifest.json"] = {"version": "55.0.0", "artifacts": {
        "Split-Network": dict(stack, properties={"templateFile": "Split-Network.template.json"},
                              displayName="Split-Network"),
        "Split-Fsx": dict(stack, properties={"templateFile": "Split-Fsx.template.json"},
                          dependencies=["Split-Network"], displayName="Split-Fsx")}}
    out.files["cdk.out/Split-Network.template.json"] = first
    out.files["cdk.out/Split-Fsx.template.json"] = second
    out.files["cdk.out/cdk.out"] = '{"version":"55.0.0"}'
    return out, {}
