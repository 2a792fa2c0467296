"""The metamorphic transforms: each takes a Fixture, changes it in a way that must not change the
verdict, and returns (fixture, mapping) with mapping new id -> old id for the findings' resources,
or None where the transform does not apply to that fixture."""

import hashlib
import ipaddress
import json
import os
import re

from props import is_intrinsic, walk

# ---------------------------------------------------------------------------------------------
# Renaming logical ids (templates) and physical ids (every file, file names and configuration).

SUB_VAR = re.compile(r"\$\{([A-Za-z0-9]+)((?:\.[A-Za-z0-9.]+)?)\}")


def logical_names(fixture):
    names = set()
    for _, tree in fixture.templates():
        names.update(tree["Resources"].keys())
    # Reverse the sort order, so that whatever the engine orders by name is ordered differently.
    return {old: f"Zq{index:03d}" for index, old in enumerate(sorted(names, reverse=True))}


def rename_sub(text, names, own_vars=()):
    def swap(m):
        if m.group(1) in names and m.group(1) not in own_vars:
            return "${" + names[m.group(1)] + m.group(2) + "}"
        return m.group(0)
    return SUB_VAR.sub(swap, text)


def rename_in_template(tree, names):
    tree["Resources"] = {names.get(k, k): v for k, v in tree["Resources"].items()}

    def visit(node):
        if not isinstance(node, dict):
            return
        if isinstance(node.get("Ref"), str) and len(node) == 1:
            node["Ref"] = names.get(node["Ref"], node["Ref"])
        att = node.get("Fn::GetAtt")
        if isinstance(att, list) and att and isinstance(att[0], str):
            att[0] = names.get(att[0], att[0])
        elif isinstance(att, str):
            head, _, rest = att.partition(".")
            node["Fn::GetAtt"] = names.get(head, head) + ("." + rest if rest else "")
        sub = node.get("Fn::Sub")
        if isinstance(sub, str):
            node["Fn::Sub"] = rename_sub(sub, names)
        elif isinstance(sub, list) and sub and isinstance(sub[0], str):
            own = sub[1].keys() if len(sub) > 1 and isinstance(sub[1], dict) else ()
            sub[0] = rename_sub(sub[0], names, own)
        depends = node.get("DependsOn")
        if isinstance(depends, str):
            node["DependsOn"] = names.get(depends, depends)
        elif isinstance(depends, list):
            node["DependsOn"] = [names.get(d, d) if isinstance(d, str) else d for d in depends]
    walk(tree, visit)


def rename_logical(fixture):
    names = logical_names(fixture)
    if not names:
        return None
    out = fixture.copy()
    for path, tree in out.templates():
        rename_in_template(tree, names)
    if out.config is not None:
        out.config = re.sub(r'"([^"\n]*)"', lambda m: '"' + rename_pattern(m.group(1), names) + '"',
                            out.config)
    return out, {new: old for old, new in names.items()}


def rename_pattern(text, names):
    """A configuration string: a logical id renamed; an re2 resource pattern (suppressions,
    filesystems = [...]) replaced by the alternation of the new names of the ids it matched."""
    if text in names:
        return names[text]
    try:
        matched = [new for old, new in sorted(names.items()) if re.fullmatch(text, old)]
    except re.error:
        matched = []
    return "(?:" + "|".join(matched) + ")" if matched else text


# Network resource ids (not ami-...: an image id names no network resource).
PHYSICAL = re.compile(r"\b((?!ami-)(?:[a-z]+-)+)([0-9a-f]{8}|[0-9a-f]{17})\b")


def new_hex(old_hex):
    digest = hashlib.sha256(("renamed " + old_hex).encode()).hexdigest()
    # Physical ids start with a digit 0 in the long form; keep the first character's class.
    return digest[:len(old_hex)]


def rename_physical(fixture):
    mapping = {}

    def swap(m):
        new = m.group(1) + new_hex(m.group(2))
        mapping[new] = m.group(0)
        return new

    out = fixture.copy()
    files = {}
    for path, value in out.files.items():
        text = value if isinstance(value, str) else json.dumps(value)
        renamed = PHYSICAL.sub(swap, text)
        files[PHYSICAL.sub(swap, path)] = renamed if isinstance(value, str) else json.loads(renamed)
    out.files = files
    if out.config is not None:
        out.config = PHYSICAL.sub(swap, out.config)
    if not mapping:
        return None
    return out, mapping


# ---------------------------------------------------------------------------------------------
# Reordering: every object's keys and every list of records reversed, the inputs given reversed.

def reverse_tree(node):
    """Keys reversed everywhere; lists of records (not intrinsics' argument lists) reversed."""
    if isinstance(node, dict):
        return {k: reverse_tree(node[k]) for k in reversed(list(node.keys()))}
    if isinstance(node, list):
        items = [reverse_tree(v) for v in node]
        records = items and all(isinstance(v, dict) and not is_intrinsic(v) for v in node)
        return list(reversed(items)) if records else items
    return node


def reorder(fixture):
    out = fixture.copy()
    touched = False
    for path, value in list(out.files.items()):
        if isinstance(value, str) or os.path.basename(path) == "manifest.json":
            continue
        out.files[path] = reverse_tree(value)
        touched = True
    out.reverse_inputs = True
    return (out, {}) if touched else None


# ---------------------------------------------------------------------------------------------
# An unrelated VPC: its own CIDR, two subnets, a route table and a default route to an internet
# gateway; nothing routes to it, nothing admits it.

CIDR = re.compile(r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/\d{1,2}\b")
CANDIDATES = ["172.31.0.0/16", "192.168.0.0/16", "100.70.0.0/16", "10.250.0.0/16", "10.99.0.0/16"]


def free_cidr(fixture):
    used = []
    for value in list(fixture.files.values()) + [fixture.config or ""]:
        text = value if isinstance(value, str) else json.dumps(value)
        for cidr in CIDR.findall(text):
            try:
                net = ipaddress.ip_network(cidr, strict=False)
            except ValueError:
                continue
            if net.prefixlen > 0:
                used.append(net)
    for candidate in CANDIDATES:
        net = ipaddress.ip_network(candidate)
        if not any(net.overlaps(u) for u in used):
            return net
    return None


def unrelated_template_resources(net):
    subnets = list(net.subnets(new_prefix=24))
    vpc = {"Ref": "UnrelatedVpc"}
    res = {
        "UnrelatedVpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": str(net)}},
        "UnrelatedIgw": {"Type": "AWS::EC2::InternetGateway", "Properties": {}},
        "UnrelatedIgwAttachment": {"Type": "AWS::EC2::VPCGatewayAttachment", "Properties": {
            "VpcId": vpc, "InternetGatewayId": {"Ref": "UnrelatedIgw"}}},
        "UnrelatedRouteTable": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": vpc}},
        "UnrelatedDefaultRoute": {"Type": "AWS::EC2::Route", "DependsOn": "UnrelatedIgwAttachment",
                                  "Properties": {"RouteTableId": {"Ref": "UnrelatedRouteTable"},
                                                 "DestinationCidrBlock": "0.0.0.0/0",
                                                 "GatewayId": {"Ref": "UnrelatedIgw"}}},
    }
    for index, letter in enumerate("AB"):
        res[f"UnrelatedSubnet{letter}"] = {"Type": "AWS::EC2::Subnet", "Properties": {
            "VpcId": vpc, "CidrBlock": str(subnets[index]),
            "AvailabilityZone": {"Fn::Select": [index, {"Fn::GetAZs": ""}]}}}
        res[f"UnrelatedSubnet{letter}Association"] = {
            "Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {
                "SubnetId": {"Ref": f"UnrelatedSubnet{letter}"},
                "RouteTableId": {"Ref": "UnrelatedRouteTable"}}}
    return res


def records(fixture, key):
    """The first export file's list under key, with the file's path."""
    for path, tree in fixture.exports():
        if isinstance(tree.get(key), list):
            return path, tree[key]
    return None, None


def unrelated_export_records(fixture, net):
    _, vpcs = records(fixture, "Vpcs")
    _, subnets = records(fixture, "Subnets")
    _, tables = records(fixture, "RouteTables")
    if not vpcs or not subnets or tables is None:
        return False
    owner = vpcs[0].get("OwnerId", "111122223333")
    zones = sorted({s["AvailabilityZone"] for s in subnets if "AvailabilityZone" in s})
    if not zones:
        return False
    vpc_id, igw, table = "vpc-0a1b2c3d4e5f60718", "igw-0a1b2c3d4e5f60718", "rtb-0a1b2c3d4e5f60718"
    vpcs.append({"CidrBlock": str(net), "State": "available", "VpcId": vpc_id, "OwnerId": owner,
                 "IsDefault": False, "CidrBlockAssociationSet": [
                     {"AssociationId": "vpc-cidr-assoc-0a1b2c3d4e5f60718", "CidrBlock": str(net),
                      "CidrBlockState": {"State": "associated"}}]})
    associations = [{"Main": True, "RouteTableAssociationId": "rtbassoc-0a1b2c3d4e5f60700",
                     "RouteTableId": table, "AssociationState": {"State": "associated"}}]
    for index, cidr in enumerate(list(net.subnets(new_prefix=24))[:2]):
        subnet_id = f"subnet-0a1b2c3d4e5f6071{index}"
        subnets.append({"AvailabilityZone": zones[index % len(zones)], "CidrBlock": str(cidr),
                        "State": "available", "SubnetId": subnet_id, "VpcId": vpc_id,
                        "OwnerId": owner, "AvailableIpAddressCount": 251})
        associations.append({"Main": False, "RouteTableAssociationId":
                             f"rtbassoc-0a1b2c3d4e5f6071{index}", "RouteTableId": table,
                             "SubnetId": subnet_id, "AssociationState": {"State": "associated"}})
    tables.append({"Associations": associations, "RouteTableId": table, "VpcId": vpc_id,
                   "OwnerId": owner, "PropagatingVgws": [], "Tags": [], "Routes": [
                       {"DestinationCidrBlock": str(net), "GatewayId": "local",
                        "Origin": "CreateRouteTable", "State": "active"},
                       {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": igw,
                        "Origin": "CreateRoute", "State": "active"}]})
    return True


def top_level_templates(fixture):
    return [(p, t) for p, t in fixture.templates() if os.sep not in p]


def unrelated_vpc(fixture):
    net = free_cidr(fixture)
    if net is None:
        return None
    out = fixture.copy()
    templates = out.templates()
    if templates:
        templates[0][1]["Resources"].update(unrelated_template_resources(net))
        return out, {}
    if unrelated_export_records(out, net):
        return out, {}
    return None


# ---------------------------------------------------------------------------------------------
# An S3 gateway endpoint on every route table: AWS::EC2::VPCEndpoint per VPC in templates, the
# prefix-list route describe-route-tables prints in exports.

S3_LIST = "pl-63a5400a"


def s3_endpoint(fixture):
    out = fixture.copy()
    touched = False
    for _, tree in out.templates():
        by_vpc = {}
        for name, resource in tree["Resources"].items():
            # A conditional table may not exist: the endpoint lists the tables that always do.
            if isinstance(resource, dict) and resource.get("Type") == "AWS::EC2::RouteTable" \
                    and "Condition" not in resource:
                vpc = (resource.get("Properties") or {}).get("VpcId")
                if vpc is not None:
                    by_vpc.setdefault(json.dumps(vpc, sort_keys=True), (vpc, []))[1].append(name)
        for index, (vpc, tables) in enumerate(by_vpc.values()):
            tree["Resources"][f"S3GatewayEndpoint{index}"] = {
                "Type": "AWS::EC2::VPCEndpoint", "Properties": {
                    "ServiceName": {"Fn::Sub": "com.amazonaws.${AWS::Region}.s3"},
                    "VpcEndpointType": "Gateway", "VpcId": vpc,
                    "RouteTableIds": [{"Ref": t} for t in tables]}}
            touched = True
    for _, tree in out.exports():
        tables = tree.get("RouteTables")
        for table in tables if isinstance(tables, list) else []:
            endpoint = "vpce-" + hashlib.sha256(str(table.get("VpcId")).encode()).hexdigest()[:17]
            table.setdefault("Routes", []).append({
                "DestinationPrefixListId": S3_LIST, "GatewayId": endpoint,
                "Origin": "CreateRoute", "State": "active"})
            touched = True
    return (out, {}) if touched else None


# ---------------------------------------------------------------------------------------------
# A template rewritten as YAML, intrinsics in their short forms (!Ref, !GetAtt, !Sub, ...).

SHORT = {"Ref": "!Ref", "Condition": "!Condition"}
for _fn in ("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select",
            "Split", "Sub", "If", "Equals", "Not", "And", "Or"):
    SHORT["Fn::" + _fn] = "!" + _fn


def yaml_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


def yaml_node(value, indent):
    """Lines of a block node at this indent, and the text that follows 'key:' on its own line."""
    pad = " " * indent
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in SHORT:
        fn, arg = next(iter(value.items()))
        tag = SHORT[fn]
        if fn == "Fn::GetAtt" and isinstance(arg, list) and len(arg) == 2 and \
                all(isinstance(a, str) for a in arg):
            return f" {tag} {arg[0]}.{arg[1]}", []
        if not is_intrinsic(arg):
            inline, lines = yaml_node(arg, indent)
            return f" {tag}{inline}", lines
        # YAML allows one tag per node (!ImportValue !Sub is invalid): the outer function keeps
        # its long form, as CloudFormation's documentation advises.
    if isinstance(value, dict):
        if not value:
            return " {}", []
        lines = []
        for key, item in value.items():
            inline, sub = yaml_node(item, indent + 2)
            lines.append(f"{pad}{json.dumps(key, ensure_ascii=False)}:{inline}")
            lines.extend(sub)
        return "", lines
    if isinstance(value, list):
        if not value:
            return " []", []
        lines = []
        for item in value:
            inline, sub = yaml_node(item, indent + 2)
            if inline == "" and sub:
                # A mapping or sequence item: its first line goes after the dash.
                lines.append(f"{pad}- {sub[0].lstrip()}")
                lines.extend(sub[1:])
            else:
                lines.append(f"{pad}-{inline}")
                lines.extend(sub)
        return "", lines
    return " " + yaml_scalar(value), []


def to_yaml(tree):
    _, lines = yaml_node(tree, 0)
    return "\n".join(lines) + "\n"


def yaml_rewrite(fixture):
    out = fixture.copy()
    touched = False
    for path, tree in top_level_templates(out):
        if any(isinstance(r, dict) and r.get("Type") == "AWS::CloudFormation::Stack"
               for r in tree["Resources"].values()):
            continue
        del out.files[path]
        out.files[path[:-len(".json")] + ".yaml" if path.endswith(".json") else path + ".yaml"] = \
            to_yaml(tree)
        touched = True
    return (out, {}) if touched else None
