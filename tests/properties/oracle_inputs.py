"""What the fix oracle's transformers (fixers.py) read and write: the CIDRs and ports of a
finding's message, a fixture's templates and export records by id, and the routes they add."""

import ipaddress
import json
import re

CIDR_TEXT = r"\d+\.\d+\.\d+\.\d+/\d+"
PICKED = re.compile(r"a /28 that AWS picks in (" + CIDR_TEXT + ")")


def destination(text):
    """A message's destination: a CIDR, or the VPC CIDR AWS picks an unset range in."""
    picked = PICKED.search(text)
    if picked:
        return picked.group(1)
    found = re.search(CIDR_TEXT, text)
    return found.group(0) if found else None


def port_ranges(text):
    """'TCP 111, 2049, 20001-20003; UDP 111' -> [("tcp", 111, 111), ...]."""
    out = []
    for proto, ports in re.findall(r"\b(TCP|UDP) ([0-9, -]+?)(?=;|:| \(|$|,? once)", text):
        for part in ports.split(","):
            part = part.strip()
            if not part:
                continue
            low, _, high = part.partition("-")
            out.append((proto.lower(), int(low), int(high or low)))
    return out


# ---------------------------------------------------------------------------------------------
# Templates.

def ref(value):
    """The logical id a value names through Ref or Fn::GetAtt, else None."""
    if isinstance(value, dict) and len(value) == 1:
        if isinstance(value.get("Ref"), str):
            return value["Ref"]
        att = value.get("Fn::GetAtt")
        if isinstance(att, list) and att:
            return att[0]
        if isinstance(att, str):
            return att.split(".")[0]
    return None


class Template:
    def __init__(self, fixture):
        self.fixture = fixture
        self.trees = [tree for _, tree in fixture.templates()]

    def find(self, name):
        for tree in self.trees:
            if name in tree["Resources"]:
                return tree["Resources"][name]
        return None

    def props(self, name):
        resource = self.find(name)
        return resource.setdefault("Properties", {}) if resource else None

    def of_type(self, *types):
        return [(n, r) for tree in self.trees for n, r in tree["Resources"].items()
                if isinstance(r, dict) and r.get("Type") in types]

    def add(self, name, resource, near=None):
        tree = self.trees[0]
        if near is not None:
            tree = next((t for t in self.trees if near in t["Resources"]), tree)
        tree["Resources"][name] = resource

    def vpc_of(self, name):
        props = self.props(name) or {}
        if "VpcId" in props:
            return ref(props["VpcId"])
        if "SubnetId" in props:
            return self.vpc_of(ref(props["SubnetId"]))
        if "SubnetIds" in props and props["SubnetIds"]:
            return self.vpc_of(ref(props["SubnetIds"][0]))
        return None

    def attachment_of(self, vpc):
        for name, resource in self.of_type("AWS::EC2::TransitGatewayAttachment",
                                           "AWS::EC2::TransitGatewayVpcAttachment"):
            if ref(resource["Properties"].get("VpcId")) == vpc:
                return name
        return None

    def vpc_cidr(self, vpc):
        cidr = (self.props(vpc) or {}).get("CidrBlock")
        return cidr if isinstance(cidr, str) else None

    def file_system(self, name):
        resource = self.find(name)
        return resource if resource and resource.get("Type") == "AWS::FSx::FileSystem" else None

    def fs_config(self, name):
        props = self.props(name) or {}  # None: not a template resource (a Terraform plan)
        for key in ("OpenZFSConfiguration", "OntapConfiguration", "WindowsConfiguration"):
            if key in props:
                return props[key]
        return None

    def subnets_of(self, vpc):
        return [n for n, r in self.of_type("AWS::EC2::Subnet")
                if ref(r["Properties"].get("VpcId")) == vpc]

    def zone_key(self, subnet):
        return json.dumps((self.props(subnet) or {}).get("AvailabilityZone"), sort_keys=True)

    def table_of(self, subnet):
        for _, r in self.of_type("AWS::EC2::SubnetRouteTableAssociation"):
            if ref(r["Properties"].get("SubnetId")) == subnet:
                return ref(r["Properties"].get("RouteTableId"))
        return None


# ---------------------------------------------------------------------------------------------
# Account exports.

class Export:
    def __init__(self, fixture):
        self.fixture = fixture

    def records(self, key):
        out = []
        for _, tree in self.fixture.exports():
            if isinstance(tree.get(key), list):
                out.extend(tree[key])
        return out

    def by_id(self, key, id_key, value):
        return next((r for r in self.records(key) if r.get(id_key) == value), None)

    def table(self, table_id):
        return self.by_id("RouteTables", "RouteTableId", table_id)

    def attachment_of(self, vpc):
        att = self.by_id("TransitGatewayVpcAttachments", "VpcId", vpc)
        if att:
            return att
        return None

    def vpc_cidr(self, vpc):
        record = self.by_id("Vpcs", "VpcId", vpc)
        return record.get("CidrBlock") if record else None

    def file_system(self, fs_id):
        return self.by_id("FileSystems", "FileSystemId", fs_id)

    def fs_vpc(self, fs_id):
        fs = self.file_system(fs_id)
        return fs.get("VpcId") if fs else None

    def tgw_routes(self, tgw_table):
        for path, tree in self.fixture.exports():
            if "search-transit-gateway-routes" in path and tgw_table in path:
                return tree.setdefault("Routes", [])
        return None

    def client_subnet(self, client):
        """The subnet record of a client: an instance's subnet, or the subnet itself."""
        subnet = client
        for reservation in self.records("Reservations"):
            for instance in reservation.get("Instances", []):
                if instance.get("InstanceId") == client:
                    subnet = instance.get("SubnetId")
        return self.by_id("Subnets", "SubnetId", subnet)

    def client_cidr(self, client):
        """A client's CIDR: itself, its instance's subnet, or its subnet."""
        if client and re.fullmatch(CIDR_TEXT, client):
            return client
        record = self.client_subnet(client)
        return record.get("CidrBlock") if record else None


def free_range(fixture, vpc_cidr):
    """A /28 inside the VPC CIDR that no other CIDR or address of the fixture overlaps."""
    vpc = ipaddress.ip_network(vpc_cidr)
    used = []
    for value in fixture.files.values():
        text = value if isinstance(value, str) else json.dumps(value)
        for cidr in re.findall(r"\d+\.\d+\.\d+\.\d+(?:/\d+)?", text):
            try:
                net = ipaddress.ip_network(cidr, strict=False)
            except ValueError:
                continue
            if net != vpc and not net.supernet_of(vpc) and net.overlaps(vpc):
                used.append(net)
    for candidate in reversed(list(vpc.subnets(new_prefix=28))):
        if not any(candidate.overlaps(u) for u in used):
            return candidate
    return None


def tgw_route(tgw, attachment, table, destination_cidr):
    return {"Type": "AWS::EC2::Route", "DependsOn": attachment, "Properties": {
        "RouteTableId": {"Ref": table}, "DestinationCidrBlock": destination_cidr,
        "TransitGatewayId": tgw}}


def tgw_static_route(table_id, destination_cidr, attachment):
    return {"Type": "AWS::EC2::TransitGatewayRoute", "Properties": {
        "TransitGatewayRouteTableId": table_id, "DestinationCidrBlock": destination_cidr,
        "TransitGatewayAttachmentId": {"Ref": attachment}}}


def export_route(destination_cidr, tgw):
    return {"DestinationCidrBlock": destination_cidr, "TransitGatewayId": tgw,
            "Origin": "CreateRoute", "State": "active"}
