"""The fix oracle's transformers: one per rule, each applying to a fixture the fix that a finding's
message and its rule page (docs/rules/) give, read from the message itself. A fixer returns the
fixed Fixture, or None when it cannot apply the advice to that input (counted as not covered)."""

import ipaddress
import json
import re

from oracle_inputs import (CIDR_TEXT, Export, Template, destination, export_route, free_range,
                           port_ranges, ref, tgw_route, tgw_static_route)


# ---------------------------------------------------------------------------------------------
# RL101: replace peering (or a VGW) by a transit gateway: an attachment in each VPC with a subnet
# in every zone, the routes of the peering sent through the transit gateway instead.

def fix_rl101(fixture, finding):
    m = re.search(r"only through (?:peering connection|VPN gateway) (\S+) \(route (\S+)\)",
                  finding["message"])
    if not m or "connect the VPCs with a transit gateway" not in finding["message"]:
        return None  # on-premises clients: a VPN attachment to a transit gateway, not transformed
    out = fixture.copy()
    via, route = m.group(1), m.group(2)
    if route.startswith("rtb-"):
        return export_transit_gateway(out, finding, via, route.split(":")[0])
    return template_transit_gateway(out, finding, via, route)


def template_transit_gateway(out, finding, via, route):
    t = Template(out)
    fs = finding["filesystem"]
    if not t.find(route) or not t.file_system(fs):
        return None
    client_vpc = t.vpc_of(ref(t.props(route)["RouteTableId"]))
    fs_vpc = t.vpc_of(fs)
    if client_vpc is None or fs_vpc is None:
        return None
    build_gateway(t, (client_vpc, fs_vpc), near=route)
    reroute_through_gateway(t, via, client_vpc, fs_vpc)
    add_replies(t, fs, fs_vpc, t.vpc_cidr(client_vpc), near=route)
    outside = re.search(r"route the endpoint range \((.+?)\) through it and add a static route",
                        finding["message"])
    if outside:
        out = route_outside_range(out, destination(outside.group(1)), route, fs_vpc)
    return out


def build_gateway(t, vpcs, near):
    """OracleTgw, with an attachment in each VPC (one subnet per zone)."""
    t.add("OracleTgw", {"Type": "AWS::EC2::TransitGateway", "Properties": {}}, near=near)
    for vpc in vpcs:
        t.add(f"OracleAttachment{vpc}", {"Type": "AWS::EC2::TransitGatewayAttachment",
                                          "Properties": {
                                              "TransitGatewayId": {"Ref": "OracleTgw"},
                                              "VpcId": {"Ref": vpc},
                                              "SubnetIds": one_subnet_per_zone(t, vpc)}},
              near=near)


def add_replies(t, fs, fs_vpc, client_cidr, near):
    """Every file system subnet's table without a transit gateway route gets one back to the
    client's VPC CIDR."""
    for subnet in [ref(s) for s in t.props(fs).get("SubnetIds", [])]:
        table = t.table_of(subnet)
        if table and not any(ref(r["Properties"].get("RouteTableId")) == table and
                             r["Properties"].get("TransitGatewayId") for _, r in
                             t.of_type("AWS::EC2::Route")):
            t.add(f"OracleReturn{table}", tgw_route({"Ref": "OracleTgw"},
                                                    f"OracleAttachment{fs_vpc}", table,
                                                    client_cidr), near=near)


def connect_without_gateway(out, finding, table, dest):
    """RL102 where the client's VPC has no transit gateway at all: the page's advice from the
    start, a gateway attaching both VPCs, the route through it and the replies back."""
    t = Template(out)
    fs = finding["filesystem"]
    client_vpc, fs_vpc = t.vpc_of(table), t.vpc_of(fs) if t.file_system(fs) else None
    if client_vpc is None or fs_vpc is None or client_vpc == fs_vpc or \
            t.of_type("AWS::EC2::TransitGateway"):
        return None
    build_gateway(t, (client_vpc, fs_vpc), near=table)
    t.add("OracleForwardRoute", tgw_route({"Ref": "OracleTgw"}, f"OracleAttachment{client_vpc}",
                                          table, dest), near=table)
    add_replies(t, fs, fs_vpc, t.vpc_cidr(client_vpc), near=table)
    return out


def reroute_through_gateway(t, via, client_vpc, fs_vpc):
    """The client's routes through the peering or VPN gateway, and the file system's replies
    through whatever peering or VPN gateway they took, sent to the transit gateway instead."""
    key = "VpcPeeringConnectionId" if (t.find(via) or {}).get("Type") == \
        "AWS::EC2::VPCPeeringConnection" else "GatewayId"
    client_cidr = t.vpc_cidr(client_vpc)
    for _, resource in t.of_type("AWS::EC2::Route"):
        props = resource["Properties"]
        vpc = t.vpc_of(ref(props.get("RouteTableId")))
        replies = vpc == fs_vpc and props.get("DestinationCidrBlock") == client_cidr
        if (ref(props.get(key)) == via and vpc == client_vpc) or replies:
            for old in ("VpcPeeringConnectionId", "GatewayId"):
                props.pop(old, None)
            props["TransitGatewayId"] = {"Ref": "OracleTgw"}
            resource["DependsOn"] = f"OracleAttachment{vpc}"


ORACLE_TGW, ORACLE_TABLE = "tgw-0fa11ba5e0000c0de", "tgw-rtb-0fa11ba5e0000c0de"


def export_transit_gateway(fixture, finding, via, client_table):
    """RL101 on an export: a transit gateway with its default route table, an attachment per
    VPC (one subnet per zone) associated with it and propagating into it, and the peering
    routes of both VPCs sent through it instead."""
    e = Export(fixture)
    fs_vpc, table = e.fs_vpc(finding["filesystem"]), e.table(client_table)
    if not fs_vpc or not table or not via.startswith("pcx-"):
        return None
    vpcs = [table["VpcId"], fs_vpc]
    lists = {key: tree[key] for _, tree in fixture.exports() for key in tree
             if isinstance(tree[key], list)}
    needed = ("TransitGateways", "TransitGatewayAttachments", "TransitGatewayVpcAttachments",
              "TransitGatewayRouteTables")
    if any(key not in lists for key in needed):
        return None
    lists["TransitGateways"].append({
        "TransitGatewayId": ORACLE_TGW, "State": "available", "Options": {
            "DefaultRouteTableAssociation": "enable", "DefaultRouteTablePropagation": "enable",
            "AssociationDefaultRouteTableId": ORACLE_TABLE,
            "PropagationDefaultRouteTableId": ORACLE_TABLE}})
    lists["TransitGatewayRouteTables"].append({
        "TransitGatewayRouteTableId": ORACLE_TABLE, "TransitGatewayId": ORACLE_TGW,
        "State": "available", "DefaultAssociationRouteTable": True,
        "DefaultPropagationRouteTable": True})
    links = [export_attachment(e, lists, vpc, f"tgw-attach-0fa11ba5e0000c0d{index}")
             for index, vpc in enumerate(vpcs)]
    write_gateway_table(fixture, e, links)
    for record in e.records("RouteTables"):
        for route in record.get("Routes", []):
            if record.get("VpcId") in vpcs and route.get("VpcPeeringConnectionId") == via:
                del route["VpcPeeringConnectionId"]
                route["TransitGatewayId"] = ORACLE_TGW
    return fixture


def export_attachment(e, lists, vpc, attachment):
    """The VPC's attachment (one subnet per zone), associated with the gateway's table."""
    zones = {}
    for subnet in e.records("Subnets"):
        if subnet.get("VpcId") == vpc:
            zones.setdefault(subnet.get("AvailabilityZone"), subnet["SubnetId"])
    lists["TransitGatewayVpcAttachments"].append({
        "TransitGatewayAttachmentId": attachment, "TransitGatewayId": ORACLE_TGW,
        "VpcId": vpc, "State": "available", "SubnetIds": list(zones.values())})
    lists["TransitGatewayAttachments"].append({
        "TransitGatewayAttachmentId": attachment, "TransitGatewayId": ORACLE_TGW,
        "ResourceType": "vpc", "ResourceId": vpc, "State": "available",
        "Association": {"TransitGatewayRouteTableId": ORACLE_TABLE, "State": "associated"}})
    return {"TransitGatewayAttachmentId": attachment, "ResourceId": vpc, "ResourceType": "vpc"}


def write_gateway_table(fixture, e, links):
    """The gateway table's files: each attachment associated, propagating its VPC CIDR."""
    prefix = "export/" if any(p.startswith("export/") for p in fixture.files) else ""
    stem = f"{prefix}ec2-%s.{ORACLE_TABLE}.json"
    fixture.files[stem % "search-transit-gateway-routes"] = {"Routes": [
        {"DestinationCidrBlock": e.vpc_cidr(link["ResourceId"]), "Type": "propagated",
         "State": "active", "TransitGatewayAttachments": [dict(link)]} for link in links]}
    fixture.files[stem % "get-transit-gateway-route-table-associations"] = {
        "Associations": [dict(link, State="associated") for link in links]}
    fixture.files[stem % "get-transit-gateway-route-table-propagations"] = {
        "TransitGatewayRouteTablePropagations": [dict(link, State="enabled") for link in links]}


def route_outside_range(fixture, dest, route, fs_vpc):
    """A range outside the VPC: the client's table routes it to the transit gateway, and a
    route table of the gateway (explicit: a template cannot add to the default one) sends it
    to the file system's attachment."""
    t = Template(fixture)
    table = ref(t.props(route)["RouteTableId"])
    t.add("OracleRangeRoute", tgw_route({"Ref": "OracleTgw"}, f"OracleAttachment{t.vpc_of(table)}",
                                        table, dest), near=route)
    out = associate(fixture, f"OracleAttachment{fs_vpc}", every=True)
    t = Template(out)
    t.props("OracleTgw").update({"DefaultRouteTableAssociation": "disable",
                                 "DefaultRouteTablePropagation": "disable"})
    t.add("OracleRangeTgwRoute", tgw_static_route({"Ref": "OracleTgwRouteTable"}, dest,
                                                  f"OracleAttachment{fs_vpc}"), near=route)
    return out


# ---------------------------------------------------------------------------------------------
# RL102: add the missing route through the transit gateway; a blackhole sends to the file system's
# VPC attachment instead.

def fix_rl102(fixture, finding):
    message = finding["message"]
    missing = re.search(r": (\S+) has no route to (.+?) \(client", message)
    retarget = re.search(r": (\S+): (" + CIDR_TEXT + r") \(static\) -> (?:blackhole|\S+, not to)",
                         message)
    wrong = re.search(r": " + CIDR_TEXT + r" -> .+?, (?:not toward|which does not connect to) the "
                      r"file system's VPC", message)
    no_attachment = re.search(r": (\S+) routes to transit gateway (\S+), but VPC (\S+) has no "
                              r"attachment to it", message)
    unassociated = re.search(r": (\S+) is associated with no transit gateway route table", message)
    floating = re.search(r"route table (rtb-\S+) sends (\S+) to a blackhole: the interface",
                         message)
    if missing:
        return add_forward_route(fixture, finding, missing.group(1), destination(missing.group(2)))
    if retarget:
        return unblackhole(fixture, finding, retarget.group(1), retarget.group(2))
    if wrong:
        return route_to_file_system(fixture, finding)
    if no_attachment:
        return attach_vpc(fixture, no_attachment.group(2), no_attachment.group(3))
    if unassociated:
        return associate(fixture, unassociated.group(1))
    if floating:
        return list_export_table(fixture.copy(), floating.group(1), floating.group(2),
                                 finding["filesystem"])
    return None


def route_to_file_system(fixture, finding):
    """A route whose longest match leads elsewhere: a route for the file system's endpoint range
    (or its VPC CIDR while the range is unset) through the transit gateway, in the same table."""
    resource, fs = finding["resource"], finding["filesystem"]
    if resource.startswith("rtb-"):
        e = Export(fixture)
        record = e.file_system(fs) or {}
        config = record.get("OpenZFSConfiguration") or record.get("OntapConfiguration") or {}
        dest = config.get("EndpointIpAddressRange") or e.vpc_cidr(record.get("VpcId"))
        return add_forward_route(fixture, finding, resource.split(":")[0], dest) if dest else None
    t = Template(fixture)
    props, config = t.props(resource), t.fs_config(fs)
    if props is None or config is None:
        return None
    dest = config.get("EndpointIpAddressRange") or t.vpc_cidr(t.vpc_of(fs))
    if not isinstance(dest, str):
        return None
    return add_forward_route(fixture, finding, ref(props.get("RouteTableId")), dest)


def one_subnet_per_zone(t, vpc):
    zones = {}
    for subnet in t.subnets_of(vpc):
        zones.setdefault(t.zone_key(subnet), subnet)
    return [{"Ref": s} for s in zones.values()]


def attach_vpc(fixture, tgw, vpc):
    out = fixture.copy()
    t = Template(out)
    if not t.find(tgw) or not t.find(vpc):
        return None
    t.add("OracleAttachment", {"Type": "AWS::EC2::TransitGatewayAttachment", "Properties": {
        "TransitGatewayId": {"Ref": tgw}, "VpcId": {"Ref": vpc},
        "SubnetIds": one_subnet_per_zone(t, vpc)}}, near=tgw)
    return out


def associate(fixture, attachment, every=False):
    """A transit gateway route table: the unassociated attachments associated with it, every
    attachment of the gateway propagating its routes into it."""
    out = fixture.copy()
    t = Template(out)
    props = t.props(attachment)
    if props is None:
        return None
    tgw = ref(props.get("TransitGatewayId"))
    attachments = [n for n, r in t.of_type("AWS::EC2::TransitGatewayAttachment",
                                           "AWS::EC2::TransitGatewayVpcAttachment")
                   if ref(r["Properties"].get("TransitGatewayId")) == tgw]
    associated = {ref(r["Properties"].get("TransitGatewayAttachmentId")) for _, r in
                  t.of_type("AWS::EC2::TransitGatewayRouteTableAssociation")}
    t.add("OracleTgwRouteTable", {"Type": "AWS::EC2::TransitGatewayRouteTable",
                                  "Properties": {"TransitGatewayId": {"Ref": tgw}}},
          near=attachment)
    for name in attachments:
        link = {"TransitGatewayAttachmentId": {"Ref": name},
                "TransitGatewayRouteTableId": {"Ref": "OracleTgwRouteTable"}}
        if every or name not in associated:
            t.add(f"OracleAssociation{name}", {
                "Type": "AWS::EC2::TransitGatewayRouteTableAssociation", "Properties": link},
                near=attachment)
        t.add(f"OraclePropagation{name}", {
            "Type": "AWS::EC2::TransitGatewayRouteTablePropagation", "Properties": dict(link)},
            near=attachment)
    return out


def add_forward_route(fixture, finding, table, dest):
    out = fixture.copy()
    if table.startswith("rtb-"):
        e = Export(out)
        record = e.table(table)
        attachment = e.attachment_of(record["VpcId"]) if record else None
        if not attachment:
            return None
        record["Routes"] = [r for r in record["Routes"] if r.get("DestinationCidrBlock") != dest]
        record["Routes"].append(export_route(dest, attachment["TransitGatewayId"]))
        return out
    if table.startswith("tgw-rtb-"):
        e = Export(out)
        routes = e.tgw_routes(table)
        target = toward_file_system(e, table, finding["filesystem"])
        if routes is None or not target:
            return None
        routes.append({"DestinationCidrBlock": dest, "Type": "static", "State": "active",
                       "TransitGatewayAttachments": [target]})
        return out
    t = Template(out)
    if (t.find(table) or {}).get("Type") != "AWS::EC2::RouteTable":
        return None
    attachment = t.attachment_of(t.vpc_of(table))
    if not attachment:
        return connect_without_gateway(out, finding, table, dest)
    tgw = t.props(attachment)["TransitGatewayId"]
    same = [n for n, r in t.of_type("AWS::EC2::Route")
            if ref(r["Properties"].get("RouteTableId")) == table and
            r["Properties"].get("DestinationCidrBlock") == dest]
    for tree in t.trees:  # a route for the same destination is replaced, as AWS requires
        for name in same:
            tree["Resources"].pop(name, None)
    t.add("OracleForwardRoute", tgw_route(tgw, attachment, table, dest), near=table)
    return out


def toward_file_system(e, table, fs):
    """The attachment of the table's own transit gateway that leads to the file system: its VPC
    attachment, or the peering attachment to the gateway the file system's VPC is attached to
    (a route cannot name another gateway's attachment)."""
    fs_attachment = e.attachment_of(e.fs_vpc(fs))
    record = e.by_id("TransitGatewayRouteTables", "TransitGatewayRouteTableId", table)
    if not fs_attachment or not record:
        return None
    if fs_attachment["TransitGatewayId"] == record["TransitGatewayId"]:
        return {"ResourceId": fs_attachment["VpcId"], "ResourceType": "vpc",
                "TransitGatewayAttachmentId": fs_attachment["TransitGatewayAttachmentId"]}
    for attachment in e.records("TransitGatewayAttachments"):
        if attachment.get("TransitGatewayId") == record["TransitGatewayId"] and \
                attachment.get("ResourceType") == "peering":
            return {"ResourceId": attachment.get("ResourceId"), "ResourceType": "peering",
                    "TransitGatewayAttachmentId": attachment["TransitGatewayAttachmentId"]}
    return None


def unblackhole(fixture, finding, table, dest):
    out = fixture.copy()
    resource = finding["resource"]
    if resource.startswith("tgw-rtb-"):
        e = Export(out)
        target = toward_file_system(e, resource.split(":")[0], finding["filesystem"])
        routes = e.tgw_routes(resource.split(":")[0])
        if not target or routes is None:
            return None
        for route in routes:
            if route.get("DestinationCidrBlock") == dest and route.get("State") == "blackhole":
                route["State"] = "active"
                route["TransitGatewayAttachments"] = [target]
        return out
    t = Template(out)
    props = t.props(resource)
    fs = t.props(finding["filesystem"])
    if props is None or fs is None:
        return None
    attachment = t.attachment_of(t.vpc_of(finding["filesystem"]))
    if not attachment:
        return None
    props.pop("Blackhole", None)
    props["TransitGatewayAttachmentId"] = {"Ref": attachment}
    return out


# ---------------------------------------------------------------------------------------------
# RL103: the route back to the client through the transit gateway, in the file system subnet's
# route table.

def fix_rl103(fixture, finding):
    m = re.search(r"cannot return: (\S+) \(of the (?:preferred|standby) subnet", finding["message"])
    tgw_table = re.search(r"cannot return: (\S+) has no route back to the client",
                          finding["message"])
    if tgw_table:
        return tgw_return_route(fixture, finding, tgw_table.group(1))
    if not m:
        return None
    table = m.group(1)
    out = fixture.copy()
    if table.startswith("rtb-"):
        e = Export(out)
        record = e.table(table)
        cidr = e.client_cidr(finding["client"])
        attachment = e.attachment_of(record["VpcId"]) if record else None
        if not attachment or not cidr:
            return None
        record["Routes"].append(export_route(cidr, attachment["TransitGatewayId"]))
        return out
    t = Template(out)
    client = finding["client"]
    cidr = t.vpc_cidr(t.vpc_of(client)) if t.find(client) else None
    attachment = t.attachment_of(t.vpc_of(table))
    if not cidr or not attachment:
        return None
    t.add("OracleReturnRoute", tgw_route(t.props(attachment)["TransitGatewayId"], attachment,
                                         table, cidr), near=table)
    return out


def tgw_return_route(fixture, finding, table):
    """A static route back to the client's VPC attachment in the transit gateway route table."""
    out = fixture.copy()
    if table.startswith("tgw-rtb-"):
        e = Export(out)
        subnet = e.client_subnet(finding["client"]) or {}
        attachment = e.attachment_of(subnet.get("VpcId"))
        routes = e.tgw_routes(table)
        if not attachment or routes is None:
            return None
        routes.append({"DestinationCidrBlock": e.vpc_cidr(subnet["VpcId"]), "Type": "static",
                       "State": "active", "TransitGatewayAttachments": [{
                           "ResourceId": subnet["VpcId"], "ResourceType": "vpc",
                           "TransitGatewayAttachmentId": attachment["TransitGatewayAttachmentId"]}]})
        return out
    t = Template(out)
    client_vpc = t.vpc_of(finding["client"]) if t.find(finding["client"] or "") else None
    attachment = t.attachment_of(client_vpc)
    if (t.find(table) or {}).get("Type") != "AWS::EC2::TransitGatewayRouteTable" or not attachment:
        return None
    t.add("OracleTgwReturnRoute", tgw_static_route({"Ref": table}, t.vpc_cidr(client_vpc),
                                                   attachment), near=table)
    return out


# ---------------------------------------------------------------------------------------------
# RL104: a static route for the endpoint range to the file system's VPC attachment in the transit
# gateway route table the message names.

def fix_rl104(fixture, finding):
    m = re.search(r"the endpoint range (?:(\S+) )?of (\S+) (?:\((.+?)\) )?lies outside .* transit "
                  r"gateway route table (\S+) has no static route", finding["message"])
    if not m:
        return None
    dest, fs, table = destination(m.group(1) or m.group(3)), m.group(2), m.group(4)
    out = fixture.copy()
    if table.startswith("tgw-rtb-"):
        return add_forward_route(out, finding, table, dest)
    t = Template(out)
    attachment = t.attachment_of(t.vpc_of(fs))
    default = re.fullmatch(r"(\w+)\.DefaultRouteTable", table)
    if default and attachment:
        # A template cannot add a route to the implicit default table (AWS-FACTS §4.2): the same
        # table made explicit, every attachment associated and propagating, defaults off.
        out = associate(out, attachment, every=True)
        t = Template(out)
        t.props(default.group(1)).update({"DefaultRouteTableAssociation": "disable",
                                          "DefaultRouteTablePropagation": "disable"})
        table = "OracleTgwRouteTable"
    if not attachment or not t.find(table):
        return None
    table_id = {"Ref": table}
    t.add("OracleEndpointRoute", tgw_static_route(table_id, dest, attachment), near=table)
    return out


# ---------------------------------------------------------------------------------------------
# RL105: an unused /28 inside the VPC CIDR that overlaps no subnet and no routed CIDR.

def fix_rl105(fixture, finding):
    m = re.search(r"EndpointIpAddressRange (" + CIDR_TEXT + r") of (\S+) overlaps",
                  finding["message"])
    if not m:
        return None
    old, fs = m.groups()
    out = fixture.copy()
    if fs.startswith("fs-"):
        e = Export(out)
        record = e.file_system(fs)
        cidr = e.vpc_cidr(record["VpcId"]) if record else None
        new = free_range(out, cidr) if cidr else None
        config = (record or {}).get("OpenZFSConfiguration") or (record or {}).get(
            "OntapConfiguration")
        if new is None or config is None:
            return None
        return renumber_endpoint(out, config, old, new)
    t = Template(out)
    config = t.fs_config(fs)
    cidr = t.vpc_cidr(t.vpc_of(fs))
    new = free_range(out, cidr) if cidr else None
    if config is None or new is None:
        return None
    config["EndpointIpAddressRange"] = str(new)
    return out


def renumber_endpoint(fixture, config, old, new):
    """An export's file system moved to a new range: FSx's routes and addresses move with it."""
    old_net = ipaddress.ip_network(old)
    config["EndpointIpAddressRange"] = str(new)
    addresses = {}
    for key in ("EndpointIpAddress",):
        if key in config:
            offset = int(ipaddress.ip_address(config[key])) - int(old_net.network_address)
            addresses[config[key]] = str(new.network_address + offset)
    for path, tree in fixture.exports():
        text = json.dumps(tree)
        for before, after in addresses.items():
            text = text.replace(f'"{before}/32"', f'"{after}/32"').replace(f'"{before}"',
                                                                           f'"{after}"')
        fixture.files[path] = json.loads(text)
    return fixture


# ---------------------------------------------------------------------------------------------
# RL106: list the route table in RouteTableIds (in an export, FSx then writes the floating-IP route
# into it, as it does in the tables already listed).

def fix_rl106(fixture, finding):
    message = finding["message"]
    listed = re.search(r"route table (\S+) (?:of transit gateway attachment subnet .*? )?is not in "
                       r"RouteTableIds", message)
    export = re.search(r"route table (rtb-\S+) (?:of transit gateway attachment subnet .*? )?"
                       r"(?:has no|holds a) route for (\S+) to a file server of (fs-[0-9a-f]+)", message)
    out = fixture.copy()
    if listed and t_has(out, finding["filesystem"]):
        t = Template(out)
        config = t.fs_config(finding["filesystem"])
        if config is None:
            return None
        tables = config.get("RouteTableIds")
        if tables is None:
            # Omitted: FSx used the main route table; listing keeps the file system subnets' ones.
            subnets = [ref(s) for s in t.props(finding["filesystem"]).get("SubnetIds", [])]
            tables = [{"Ref": x} for x in dict.fromkeys(t.table_of(s) for s in subnets) if x]
            config["RouteTableIds"] = tables
        if not isinstance(tables, list):
            return None  # a parameter's list: the fix goes into the parameter file
        # A table of the exported account is named by its id, one of the template by Ref.
        table = listed.group(1)
        tables.append(table if table.startswith("rtb-") else {"Ref": table})
        return out
    if export:
        return list_export_table(out, export.group(1), export.group(2), export.group(3))
    return None


def t_has(fixture, name):
    return Template(fixture).file_system(name) is not None


def list_export_table(fixture, table, address, fs_id):
    e = Export(fixture)
    fs = e.file_system(fs_id)
    record = e.table(table)
    config = (fs or {}).get("OpenZFSConfiguration") or (fs or {}).get("OntapConfiguration")
    if record is None or config is None:
        return None
    tables = config.setdefault("RouteTableIds", [])
    if table not in tables:
        tables.append(table)
    written = None
    for other in tables:
        other_record = e.table(other)
        for route in (other_record or {}).get("Routes", []):
            if route.get("DestinationCidrBlock") == address and route.get("State") == "active":
                written = route
    if written is None:
        return None
    record["Routes"] = [r for r in record["Routes"] if r.get("DestinationCidrBlock") != address]
    record["Routes"].append(dict(written))
    return fixture


# ---------------------------------------------------------------------------------------------
# RL201: give the attachment a subnet in the zone the message names.

def fix_rl201(fixture, finding):
    m = re.search(r"^(\S+) has no subnet in the Availability Zone of (?:the (?:preferred|standby) "
                  r"subnet )?(\S+):", finding["message"])
    if not m:
        return None
    attachment, subnet = m.groups()
    out = fixture.copy()
    if attachment.startswith("tgw-attach-"):
        e = Export(out)
        record = e.by_id("TransitGatewayVpcAttachments", "TransitGatewayAttachmentId", attachment)
        if record is None:
            return None
        record["SubnetIds"].append(subnet)
        return out
    t = Template(out)
    props = t.props(attachment)
    if props is None:
        return None
    props["SubnetIds"].append({"Ref": subnet})
    return out


# ---------------------------------------------------------------------------------------------
# RL202: give the second VPC its own address space: every address inside its CIDR moves, by the
# same offset, to an unused block of the same size.

ADDRESS = re.compile(r"(?<![\d.])\d+\.\d+\.\d+\.\d+(?:/\d+)?(?![\d.])")


def fix_rl202(fixture, finding):
    m = re.search(r"VPCs (\S+) \((" + CIDR_TEXT + r")\) and (\S+) \((" + CIDR_TEXT + r")\) are "
                  r"connected", finding["message"])
    if not m:
        return None
    vpc, old = m.group(3), ipaddress.ip_network(m.group(4))
    text_of_all = json.dumps(fixture.files)
    free = next((n for n in range(20, 31) if f'"172.{n}.' not in text_of_all), None)
    if free is None:
        return None
    new = next(ipaddress.ip_network(f"172.{free}.0.0/16").subnets(
        new_prefix=max(old.prefixlen, 16)))
    move = mover(old, new, vpc_subnets(fixture, vpc))
    out = fixture.copy()
    if not vpc.startswith("vpc-"):
        for path, value in list(out.files.items()):
            text = value if isinstance(value, str) else json.dumps(value)
            moved = ADDRESS.sub(move, text)
            out.files[path] = moved if isinstance(value, str) else json.loads(moved)
        return out
    # Other VPCs may reuse the same subnet CIDRs: only the VPC's own records move, and elsewhere
    # only its CIDR (routes toward it).
    def visit(node):
        if isinstance(node, dict):
            if node.get("VpcId") == vpc or any(
                    isinstance(a, dict) and a.get("ResourceId") == vpc
                    for a in node.get("TransitGatewayAttachments", [])):
                return json.loads(ADDRESS.sub(move, json.dumps(node)))
            return {k: visit(v) for k, v in node.items()}
        if isinstance(node, list):
            return [visit(v) for v in node]
        return str(new) if node == str(old) else node
    for path, tree in out.exports():
        out.files[path] = visit(tree)
    return out


def vpc_subnets(fixture, vpc):
    if vpc.startswith("vpc-"):
        cidrs = [r["CidrBlock"] for r in Export(fixture).records("Subnets")
                 if r.get("VpcId") == vpc]
    else:
        t = Template(fixture)
        cidrs = [t.props(n).get("CidrBlock") for n in t.subnets_of(vpc)]
    return [ipaddress.ip_network(c) for c in cidrs if isinstance(c, str)]


def mover(old, new, subnets):
    """A re.sub callback: the VPC's CIDR, and every address or block inside one of its subnets,
    shifted from the old block to the new one."""
    shift = int(new.network_address) - int(old.network_address)

    def move(match):
        text = match.group(0)
        address, _, length = text.partition("/")
        ip = ipaddress.ip_address(address)
        inside = any(ip in sub and (not length or int(length) >= sub.prefixlen) for sub in subnets)
        if text != str(old) and not inside:
            return text
        return str(ipaddress.ip_address(int(ip) + shift)) + ("/" + length if length else "")
    return move


# ---------------------------------------------------------------------------------------------
# RL301: open the ports the message lists, to or from the CIDR it names.

# A list of CIDRs as a finding that speaks for several clients writes them: "A", "A and B",
# "A, B and C"; "A, B, C and 2 more" names too few to fix.
CIDR_LIST = CIDR_TEXT + r"(?:(?:, |; | and )" + CIDR_TEXT + r")*(?: and \d+ more)?"


def cidr_list(text):
    if re.search(r" and \d+ more$", text):
        return None
    return re.findall(CIDR_TEXT, text)


def fix_rl301(fixture, finding):
    message = finding["message"]
    ingress = re.search(r"security group (\S+) of \S+ does not admit (" + CIDR_LIST + r").*? on "
                        r"(.*?): NF", message)
    egress = re.search(r"security group (\S+) of the client does not allow egress to (.+?) on "
                       r"(.*?): NF", message)
    m = ingress or egress
    if not m:
        return None
    group, ports = m.group(1), port_ranges(m.group(3))
    cidrs = cidr_list(m.group(2)) if ingress else [destination(m.group(2))]
    if not ports or not cidrs or None in cidrs:
        return None
    out = fixture.copy()
    if group.startswith("sg-"):
        record = Export(out).by_id("SecurityGroups", "GroupId", group)
        if record is None:
            return None
        key = "IpPermissions" if ingress else "IpPermissionsEgress"
        record.setdefault(key, []).extend(
            {"IpProtocol": p, "FromPort": lo, "ToPort": hi, "IpRanges": [{"CidrIp": cidr}],
             "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}
            for p, lo, hi in ports for cidr in cidrs)
        return out
    props = Template(out).props(group)
    if props is None:
        return None
    key = "SecurityGroupIngress" if ingress else "SecurityGroupEgress"
    field = "CidrIp" if ingress else "CidrIp"
    props.setdefault(key, []).extend(
        {"IpProtocol": p, "FromPort": lo, "ToPort": hi, field: cidr}
        for p, lo, hi in ports for cidr in cidrs)
    return out


# ---------------------------------------------------------------------------------------------
# RL302: allow entries, numbered before every other, for the ports and direction the message names.

def fix_rl302(fixture, finding):
    m = re.search(r"network ACL (\S+) of subnets? .+? denies (inbound|outbound) "
                  r"(?:requests|replies) (?:to|from) (" + CIDR_LIST + r") on (.*?) "
                  r"\((?:no rule allows them|rule \S+)\)", finding["message"])
    if not m:
        return None
    acl, direction, cidrs, ports = m.groups()
    egress = direction == "outbound"
    cidrs = cidr_list(cidrs)
    entries = [(cidr, proto, lo, hi) for cidr in cidrs or [] for proto, lo, hi in port_ranges(ports)]
    if not entries:
        return None
    out = fixture.copy()
    if acl.startswith("acl-"):
        record = Export(out).by_id("NetworkAcls", "NetworkAclId", acl)
        if record is None:
            return None
        numbers = [e["RuleNumber"] for e in record["Entries"] if e.get("Egress") == egress]
        first = min(numbers, default=100)
        if first <= len(entries):
            return None
        for index, (cidr, proto, lo, hi) in enumerate(entries):
            record["Entries"].append({"CidrBlock": cidr, "Egress": egress, "RuleAction": "allow",
                                      "Protocol": "6" if proto == "tcp" else "17",
                                      "PortRange": {"From": lo, "To": hi},
                                      "RuleNumber": first - len(entries) + index})
        return out
    t = Template(out)
    if (t.find(acl) or {}).get("Type") != "AWS::EC2::NetworkAcl":
        return None
    numbers = [r["Properties"].get("RuleNumber") for _, r in t.of_type("AWS::EC2::NetworkAclEntry")
               if ref(r["Properties"].get("NetworkAclId")) == acl and
               bool(r["Properties"].get("Egress", False)) == egress]
    numbers = [n for n in numbers if isinstance(n, int)]
    first = min(numbers, default=100)
    if first <= len(entries):
        return None
    for index, (cidr, proto, lo, hi) in enumerate(entries):
        t.add(f"OracleAclEntry{index}", {"Type": "AWS::EC2::NetworkAclEntry", "Properties": {
            "NetworkAclId": {"Ref": acl}, "RuleNumber": first - len(entries) + index,
            "Protocol": 6 if proto == "tcp" else 17, "RuleAction": "allow", "Egress": egress,
            "CidrBlock": cidr, "PortRange": {"From": lo, "To": hi}}}, near=acl)
    return out


FIXERS = {"RL101": fix_rl101, "RL102": fix_rl102, "RL103": fix_rl103, "RL104": fix_rl104,
          "RL105": fix_rl105, "RL106": fix_rl106, "RL201": fix_rl201, "RL202": fix_rl202,
          "RL301": fix_rl301, "RL302": fix_rl302}
