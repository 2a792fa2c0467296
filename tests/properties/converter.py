"""The cross-check between the two ingest paths: a template's topology written as the account
export `aws ec2 describe-*` would print once it is deployed (made-up physical ids, us-east-1,
the routes FSx writes for a Multi-AZ file system's floating IP), so that the template and the
export must get the same verdicts. Only templates made of the resource types and intrinsics
below are converted; anything else makes the property not apply."""

import hashlib
import ipaddress
import json
import re

from transforms import top_level_templates

REGION, ACCOUNT = "us-east-1", "123456789012"
ZONES = [REGION + z for z in "abcdef"]
PREFIX = {
    "AWS::EC2::VPC": "vpc", "AWS::EC2::Subnet": "subnet", "AWS::EC2::RouteTable": "rtb",
    "AWS::EC2::SecurityGroup": "sg", "AWS::EC2::Instance": "i",
    "AWS::EC2::TransitGateway": "tgw", "AWS::EC2::TransitGatewayAttachment": "tgw-attach",
    "AWS::EC2::TransitGatewayVpcAttachment": "tgw-attach",
    "AWS::EC2::TransitGatewayRouteTable": "tgw-rtb", "AWS::EC2::VPCPeeringConnection": "pcx",
    "AWS::EC2::InternetGateway": "igw", "AWS::EC2::NetworkAcl": "acl",
    "AWS::FSx::FileSystem": "fs",
}
LINKS = {"AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::Route",
         "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress",
         "AWS::EC2::TransitGatewayRouteTableAssociation",
         "AWS::EC2::TransitGatewayRouteTablePropagation", "AWS::EC2::TransitGatewayRoute",
         "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::NetworkAclEntry",
         "AWS::EC2::SubnetNetworkAclAssociation"}


class Unsupported(Exception):
    pass


def made_up(prefix, name):
    digest = hashlib.sha256(f"{prefix}/{name}".encode()).hexdigest()
    return f"{prefix}-{digest[:8]}" if prefix == "fs" else f"{prefix}-0{digest[:16]}"


class Converter:
    def __init__(self, tree):
        self.resources = tree["Resources"]
        self.parameters = tree.get("Parameters", {})
        if tree.get("Conditions") or tree.get("Transform"):
            raise Unsupported("conditions or transforms")
        self.ids = {}
        for name, body in self.resources.items():
            kind = body.get("Type")
            if kind in PREFIX:
                self.ids[name] = made_up(PREFIX[kind], name)
            elif kind not in LINKS:
                raise Unsupported(kind)
            if body.get("Condition"):
                raise Unsupported("conditional resource")

    def value(self, node):
        """A property evaluated the way CloudFormation would, with the made-up physical ids."""
        if isinstance(node, (str, int, float, bool)) or node is None:
            return node
        if isinstance(node, list):
            return [self.value(v) for v in node]
        if len(node) != 1:
            return {k: self.value(v) for k, v in node.items()}
        fn, arg = next(iter(node.items()))
        if fn == "Ref":
            if arg in self.ids:
                return self.ids[arg]
            if arg == "AWS::Region":
                return REGION
            if arg == "AWS::AccountId":
                return ACCOUNT
            if arg in self.parameters and "Default" in self.parameters[arg]:
                return self.parameters[arg]["Default"]
            raise Unsupported(f"Ref {arg}")
        if fn == "Fn::GetAtt":
            name, attribute = arg if isinstance(arg, list) else arg.split(".", 1)
            if attribute in ("GroupId", "Id", "VpcId") and name in self.ids:
                return self.ids[name]
            if attribute == "CidrBlock" and name in self.ids:
                return self.props(name)["CidrBlock"]
            raise Unsupported(f"GetAtt {attribute}")
        if fn == "Fn::GetAZs":
            return list(ZONES)
        if fn == "Fn::Select":
            return self.value(arg[1])[int(self.value(arg[0]))]
        if fn.startswith("Fn::") or fn == "Condition":
            raise Unsupported(fn)
        return {fn: self.value(arg)}

    def props(self, name):
        return self.resources[name].get("Properties", {})

    def prop(self, name, key, default=None):
        raw = self.props(name).get(key)
        return default if raw is None else self.value(raw)

    def of_type(self, *kinds):
        return [n for n, b in self.resources.items() if b.get("Type") in kinds]

    def name_of(self, physical):
        return next(n for n, i in self.ids.items() if i == physical)


def sg_rules(c, rules):
    out = []
    for rule in rules:
        protocol = str(rule.get("IpProtocol")).lower()
        entry = {"IpProtocol": protocol, "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": [],
                 "UserIdGroupPairs": []}
        if protocol not in ("-1", "all"):
            entry["FromPort"], entry["ToPort"] = int(rule["FromPort"]), int(rule["ToPort"])
        for key, field, item in (("CidrIp", "IpRanges", "CidrIp"),
                                 ("DestinationCidrIp", "IpRanges", "CidrIp"),
                                 ("SourceSecurityGroupId", "UserIdGroupPairs", "GroupId"),
                                 ("DestinationSecurityGroupId", "UserIdGroupPairs", "GroupId"),
                                 ("SourcePrefixListId", "PrefixListIds", "PrefixListId"),
                                 ("DestinationPrefixListId", "PrefixListIds", "PrefixListId")):
            if key in rule:
                entry[field].append({item: rule[key]})
        if not any(entry[f] for f in ("IpRanges", "PrefixListIds", "UserIdGroupPairs")):
            raise Unsupported("security group rule without a CIDR or group")
        out.append(entry)
    return out


def security_groups(c):
    groups = {}
    for name in c.of_type("AWS::EC2::SecurityGroup"):
        ingress = sg_rules(c, c.prop(name, "SecurityGroupIngress", []))
        egress_prop = c.prop(name, "SecurityGroupEgress")
        egress = sg_rules(c, egress_prop) if egress_prop is not None else [
            {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [],
             "PrefixListIds": [], "UserIdGroupPairs": []}]
        groups[c.ids[name]] = {"GroupId": c.ids[name], "GroupName": name, "Description": name,
                               "VpcId": c.prop(name, "VpcId"), "OwnerId": ACCOUNT,
                               "IpPermissions": ingress, "IpPermissionsEgress": egress}
    for kind, key in (("AWS::EC2::SecurityGroupIngress", "IpPermissions"),
                      ("AWS::EC2::SecurityGroupEgress", "IpPermissionsEgress")):
        for name in c.of_type(kind):
            rule = c.value(c.props(name))
            group = groups.get(rule.get("GroupId"))
            if group is None:
                raise Unsupported("rule for a group by name or outside the template")
            group[key].extend(sg_rules(c, [rule]))
    return list(groups.values())


def vpc_cidrs(c):
    return {c.ids[n]: c.prop(n, "CidrBlock") for n in c.of_type("AWS::EC2::VPC")}


def subnets(c):
    out = []
    for name in c.of_type("AWS::EC2::Subnet"):
        out.append({"SubnetId": c.ids[name], "VpcId": c.prop(name, "VpcId"),
                    "CidrBlock": c.prop(name, "CidrBlock"), "OwnerId": ACCOUNT,
                    "AvailabilityZone": c.prop(name, "AvailabilityZone", ZONES[0]),
                    "State": "available"})
    return out


def host(cidr, offset):
    return str(ipaddress.ip_network(cidr).network_address + offset)


class Account:
    """The export files, built from one template."""

    def __init__(self, c):
        self.c = c
        self.vpcs = vpc_cidrs(c)
        self.subnets = {s["SubnetId"]: s for s in subnets(c)}
        self.mapping = {}
        self.enis = []

    def main_table(self, vpc):
        return made_up("rtb", vpc + "/main")

    def route_tables(self, fs_routes):
        c = self.c
        tables = {}
        for vpc, cidr in self.vpcs.items():
            tables[self.main_table(vpc)] = {"VpcId": vpc, "Associations": [
                {"Main": True, "RouteTableId": self.main_table(vpc),
                 "RouteTableAssociationId": made_up("rtbassoc", vpc)}]}
        for name in c.of_type("AWS::EC2::RouteTable"):
            tables[c.ids[name]] = {"VpcId": c.prop(name, "VpcId"), "Associations": []}
        for name in c.of_type("AWS::EC2::SubnetRouteTableAssociation"):
            table = c.prop(name, "RouteTableId")
            tables[table]["Associations"].append({
                "Main": False, "RouteTableId": table, "SubnetId": c.prop(name, "SubnetId"),
                "RouteTableAssociationId": made_up("rtbassoc", name),
                "AssociationState": {"State": "associated"}})
        for table_id, table in tables.items():
            table["RouteTableId"] = table_id
            table["OwnerId"] = ACCOUNT
            table["Routes"] = [{"DestinationCidrBlock": self.vpcs[table["VpcId"]],
                                "GatewayId": "local", "Origin": "CreateRouteTable",
                                "State": "active"}]
        for name in c.of_type("AWS::EC2::Route"):
            props = c.value(c.props(name))
            if "DestinationCidrBlock" not in props:
                raise Unsupported("route without an IPv4 destination")
            route = {k: v for k, v in props.items() if k != "RouteTableId"}
            route.update({"Origin": "CreateRoute", "State": "active"})
            tables[props["RouteTableId"]]["Routes"].append(route)
            self.mapping[f"{props['RouteTableId']}:{props['DestinationCidrBlock']}"] = name
        for table_id, route in fs_routes:
            tables[table_id]["Routes"].append(route)
        return list(tables.values())

    def instances(self):
        c = self.c
        reservations = []
        for name in c.of_type("AWS::EC2::Instance"):
            props = c.value(c.props(name))
            if "NetworkInterfaces" in props or "SubnetId" not in props or \
                    not props.get("SecurityGroupIds"):
                raise Unsupported("instance without a subnet and group ids")
            subnet = self.subnets[props["SubnetId"]]
            address = props.get("PrivateIpAddress") or host(subnet["CidrBlock"], 10)
            groups = [{"GroupId": g} for g in props["SecurityGroupIds"]]
            eni = made_up("eni", name)
            interface = {"NetworkInterfaceId": eni, "SubnetId": subnet["SubnetId"],
                         "VpcId": subnet["VpcId"], "PrivateIpAddress": address, "Groups": groups,
                         "InterfaceType": "interface", "Status": "in-use",
                         "AvailabilityZone": subnet["AvailabilityZone"],
                         "Attachment": {"InstanceId": c.ids[name], "DeviceIndex": 0,
                                        "Status": "attached"}}
            self.enis.append(interface)
            reservations.append({"ReservationId": made_up("r", name), "OwnerId": ACCOUNT,
                                 "Instances": [{
                                     "InstanceId": c.ids[name], "SubnetId": subnet["SubnetId"],
                                     "VpcId": subnet["VpcId"], "PrivateIpAddress": address,
                                     "SecurityGroups": groups, "State": {"Name": "running"},
                                     "Placement": {"AvailabilityZone": subnet["AvailabilityZone"]},
                                     "NetworkInterfaces": [dict(interface)]}]})
        return reservations

    def file_systems(self):
        """describe-file-systems, the file servers' interfaces, and the routes FSx writes."""
        c = self.c
        records, routes = [], []
        for name in c.of_type("AWS::FSx::FileSystem"):
            props = c.value(c.props(name))
            kind = props.get("FileSystemType")
            key = {"OPENZFS": "OpenZFSConfiguration", "ONTAP": "OntapConfiguration"}.get(kind)
            config = props.get(key) if key else None
            if config is None or props.get("SecurityGroupIds") is None:
                raise Unsupported("file system type")
            fs_id = c.ids[name]
            subnet_ids = props["SubnetIds"]
            enis = []
            for index, subnet_id in enumerate(subnet_ids):
                subnet = self.subnets[subnet_id]
                eni = made_up("eni", f"{name}/{index}")
                enis.append(eni)
                self.enis.append({"NetworkInterfaceId": eni, "SubnetId": subnet_id,
                                  "VpcId": subnet["VpcId"], "InterfaceType": "interface",
                                  "PrivateIpAddress": host(subnet["CidrBlock"], 100),
                                  "Groups": [{"GroupId": g} for g in props["SecurityGroupIds"]],
                                  "AvailabilityZone": subnet["AvailabilityZone"],
                                  "Description": f"ENI for {fs_id}", "Status": "in-use"})
            vpc = self.subnets[subnet_ids[0]]["VpcId"]
            out_config = {"DeploymentType": config.get("DeploymentType")}
            if str(config.get("DeploymentType", "")).startswith("MULTI_AZ"):
                if "EndpointIpAddressRange" not in config:
                    raise Unsupported("a range AWS picks")
                preferred = config.get("PreferredSubnetId", subnet_ids[0])
                address = host(config["EndpointIpAddressRange"], 7)
                tables = config.get("RouteTableIds") or [self.main_table(vpc)]
                out_config.update({"EndpointIpAddressRange": config["EndpointIpAddressRange"],
                                   "EndpointIpAddress": address, "PreferredSubnetId": preferred,
                                   "RouteTableIds": tables})
                active = enis[subnet_ids.index(preferred)]
                routes += [(t, {"DestinationCidrBlock": address + "/32", "Origin": "CreateRoute",
                                "NetworkInterfaceId": active, "State": "active"}) for t in tables]
            records.append({"FileSystemId": fs_id, "FileSystemType": kind, "VpcId": vpc,
                            "Lifecycle": "AVAILABLE", "OwnerId": ACCOUNT, "SubnetIds": subnet_ids,
                            "NetworkInterfaceIds": enis, key: out_config})
        return records, routes

    def network_acls(self):
        c = self.c
        acls = {}
        for vpc in self.vpcs:
            acls[made_up("acl", vpc)] = {"VpcId": vpc, "IsDefault": True, "Entries": [
                {"CidrBlock": "0.0.0.0/0", "Egress": e, "Protocol": "-1", "RuleAction": "allow",
                 "RuleNumber": 100} for e in (True, False)]}
        for name in c.of_type("AWS::EC2::NetworkAcl"):
            acls[c.ids[name]] = {"VpcId": c.prop(name, "VpcId"), "IsDefault": False,
                                 "Entries": []}
        for name in c.of_type("AWS::EC2::NetworkAclEntry"):
            props = c.value(c.props(name))
            if "CidrBlock" not in props:
                raise Unsupported("IPv6 ACL entry")
            # describe-network-acls prints the action in lower case, whatever the template said.
            entry = {"CidrBlock": props["CidrBlock"], "Egress": bool(props.get("Egress", False)),
                     "Protocol": str(props["Protocol"]), "RuleAction": props["RuleAction"].lower(),
                     "RuleNumber": int(props["RuleNumber"])}
            direction = "egress" if entry["Egress"] else "ingress"
            self.mapping[f"{props['NetworkAclId']} {direction} rule {entry['RuleNumber']}"] = name
            for key in ("PortRange", "Icmp"):
                if key in props:
                    entry["PortRange" if key == "PortRange" else "IcmpTypeCode"] = props[key]
            acls[props["NetworkAclId"]]["Entries"].append(entry)
        explicit = {c.prop(n, "SubnetId"): c.prop(n, "NetworkAclId")
                    for n in c.of_type("AWS::EC2::SubnetNetworkAclAssociation")}
        for acl_id, acl in acls.items():
            acl["NetworkAclId"] = acl_id
            acl["OwnerId"] = ACCOUNT
            acl["Entries"] += [{"CidrBlock": "0.0.0.0/0", "Egress": e, "Protocol": "-1",
                                "RuleAction": "deny", "RuleNumber": 32767} for e in (True, False)]
            acl["Associations"] = [
                {"NetworkAclId": acl_id, "SubnetId": s, "NetworkAclAssociationId":
                 made_up("aclassoc", s)} for s, subnet in self.subnets.items()
                if explicit.get(s, made_up("acl", subnet["VpcId"])) == acl_id]
        return list(acls.values())

    def peerings(self):
        c = self.c
        out = []
        for name in c.of_type("AWS::EC2::VPCPeeringConnection"):
            props = c.value(c.props(name))
            if "PeerOwnerId" in props or "PeerRegion" in props:
                raise Unsupported("peering to another account or region")
            out.append({"VpcPeeringConnectionId": c.ids[name], "Status": {"Code": "active"},
                        "RequesterVpcInfo": self.vpc_info(props["VpcId"]),
                        "AccepterVpcInfo": self.vpc_info(props["PeerVpcId"])})
        return out

    def vpc_info(self, vpc):
        return {"VpcId": vpc, "CidrBlock": self.vpcs[vpc], "OwnerId": ACCOUNT, "Region": REGION,
                "CidrBlockSet": [{"CidrBlock": self.vpcs[vpc]}]}

    def transit_gateways(self, files):
        """describe-transit-gateways and the rest, one route, association and propagation file
        per gateway route table (the default one made explicit, as AWS creates it)."""
        tables, defaults = self.gateway_tables(files)
        associated, propagating = self.links()
        vpc_of = self.attachments(files, defaults, associated, propagating)
        routes = {t: [] for t in tables}
        for table, sources in propagating.items():
            routes[table] += [{"DestinationCidrBlock": self.vpcs[vpc_of[a]], "Type": "propagated",
                               "State": "active",
                               "TransitGatewayAttachments": [self.ref(a, vpc_of)]}
                              for a in sources]
        self.static_routes(routes, vpc_of)
        association_of = {r["TransitGatewayAttachmentId"]: r["Association"]
                          ["TransitGatewayRouteTableId"]
                          for r in files["export/ec2-describe-transit-gateway-attachments.json"]
                          ["TransitGatewayAttachments"] if "Association" in r}
        for table in tables:
            files[f"export/ec2-search-transit-gateway-routes.{table}.json"] = {
                "Routes": routes[table]}
            files[f"export/ec2-get-transit-gateway-route-table-associations.{table}.json"] = {
                "Associations": [{"TransitGatewayAttachmentId": a, "ResourceId": vpc_of[a],
                                  "ResourceType": "vpc", "State": "associated"}
                                 for a, t in association_of.items() if t == table]}
            files[f"export/ec2-get-transit-gateway-route-table-propagations.{table}.json"] = {
                "TransitGatewayRouteTablePropagations": [
                    {"TransitGatewayAttachmentId": a, "ResourceId": vpc_of[a],
                     "ResourceType": "vpc", "State": "enabled"}
                    for a in propagating.get(table, [])]}

    def gateway_tables(self, files):
        """The gateways with their options, and every gateway route table (default ones too)."""
        c = self.c
        gateways, tables, defaults = [], {}, {}
        for name in c.of_type("AWS::EC2::TransitGateway"):
            tgw = c.ids[name]
            assoc = c.prop(name, "DefaultRouteTableAssociation", "enable")
            prop = c.prop(name, "DefaultRouteTablePropagation", "enable")
            options = {"DefaultRouteTableAssociation": assoc,
                       "DefaultRouteTablePropagation": prop}
            if assoc == "enable" or prop == "enable":
                default = made_up("tgw-rtb", name + ".DefaultRouteTable")
                self.mapping[default] = name + ".DefaultRouteTable"
                tables[default] = {"TransitGatewayId": tgw,
                                   "DefaultAssociationRouteTable": assoc == "enable",
                                   "DefaultPropagationRouteTable": prop == "enable"}
                options["AssociationDefaultRouteTableId"] = default
                options["PropagationDefaultRouteTableId"] = default
                defaults[tgw] = (default if assoc == "enable" else None,
                                 default if prop == "enable" else None)
            if c.prop(name, "SecurityGroupReferencingSupport"):
                options["SecurityGroupReferencingSupport"] = \
                    c.prop(name, "SecurityGroupReferencingSupport")
            gateways.append({"TransitGatewayId": tgw, "State": "available", "OwnerId": ACCOUNT,
                             "Options": options})
        for name in c.of_type("AWS::EC2::TransitGatewayRouteTable"):
            tables[c.ids[name]] = {"TransitGatewayId": c.prop(name, "TransitGatewayId"),
                                   "DefaultAssociationRouteTable": False,
                                   "DefaultPropagationRouteTable": False}
        for table, info in tables.items():
            info.update({"TransitGatewayRouteTableId": table, "State": "available"})
        files["export/ec2-describe-transit-gateways.json"] = {"TransitGateways": gateways}
        files["export/ec2-describe-transit-gateway-route-tables.json"] = {
            "TransitGatewayRouteTables": list(tables.values())}
        return tables, defaults

    def links(self):
        """Explicit associations (attachment -> table) and propagations (table -> attachments)."""
        c = self.c
        associated = {c.prop(n, "TransitGatewayAttachmentId"):
                      c.prop(n, "TransitGatewayRouteTableId")
                      for n in c.of_type("AWS::EC2::TransitGatewayRouteTableAssociation")}
        propagating = {}
        for name in c.of_type("AWS::EC2::TransitGatewayRouteTablePropagation"):
            propagating.setdefault(c.prop(name, "TransitGatewayRouteTableId"), []).append(
                c.prop(name, "TransitGatewayAttachmentId"))
        return associated, propagating

    def attachments(self, files, defaults, associated, propagating):
        """The VPC attachments, each associated with its table (explicit, else the default one)
        and propagating into the default table where the gateway says so; attachment -> VPC."""
        c = self.c
        records, vpc_records, vpc_of = [], [], {}
        for name in c.of_type("AWS::EC2::TransitGatewayAttachment",
                              "AWS::EC2::TransitGatewayVpcAttachment"):
            props = c.value(c.props(name))
            attachment, tgw, vpc = c.ids[name], props["TransitGatewayId"], props["VpcId"]
            vpc_of[attachment] = vpc
            default_assoc, default_prop = defaults.get(tgw, (None, None))
            table = associated.get(attachment, default_assoc)
            if default_prop:
                propagating.setdefault(default_prop, []).append(attachment)
            vpc_records.append({"TransitGatewayAttachmentId": attachment, "TransitGatewayId": tgw,
                                "VpcId": vpc, "VpcOwnerId": ACCOUNT, "State": "available",
                                "SubnetIds": props["SubnetIds"],
                                "Options": props.get("Options", {})})
            record = {"TransitGatewayAttachmentId": attachment, "TransitGatewayId": tgw,
                      "ResourceType": "vpc", "ResourceId": vpc, "State": "available",
                      "ResourceOwnerId": ACCOUNT, "TransitGatewayOwnerId": ACCOUNT}
            if table:
                record["Association"] = {"TransitGatewayRouteTableId": table,
                                         "State": "associated"}
            records.append(record)
        files["export/ec2-describe-transit-gateway-attachments.json"] = {
            "TransitGatewayAttachments": records}
        files["export/ec2-describe-transit-gateway-vpc-attachments.json"] = {
            "TransitGatewayVpcAttachments": vpc_records}
        return vpc_of

    def static_routes(self, routes, vpc_of):
        c = self.c
        for name in c.of_type("AWS::EC2::TransitGatewayRoute"):
            props = c.value(c.props(name))
            table, dest = props["TransitGatewayRouteTableId"], props["DestinationCidrBlock"]
            route = {"DestinationCidrBlock": dest, "Type": "static", "State": "active"}
            if props.get("Blackhole") in (True, "true"):
                route["State"] = "blackhole"
            else:
                route["TransitGatewayAttachments"] = [
                    self.ref(props["TransitGatewayAttachmentId"], vpc_of)]
            routes[table].append(route)
            self.mapping[f"{table}:{dest}"] = name

    @staticmethod
    def ref(attachment, vpc_of):
        return {"TransitGatewayAttachmentId": attachment, "ResourceId": vpc_of.get(attachment),
                "ResourceType": "vpc"}


def convert(tree):
    """The export files (path -> tree) and the mapping physical -> logical for the findings."""
    c = Converter(tree)
    account = Account(c)
    files = {}
    fs_records, fs_routes = account.file_systems()
    files["export/fsx-describe-file-systems.json"] = {"FileSystems": fs_records}
    files["export/ec2-describe-vpcs.json"] = {"Vpcs": [
        {"VpcId": v, "CidrBlock": cidr, "State": "available", "OwnerId": ACCOUNT,
         "IsDefault": False, "CidrBlockAssociationSet": [
             {"CidrBlock": cidr, "CidrBlockState": {"State": "associated"},
              "AssociationId": made_up("vpc-cidr-assoc", v)}]}
        for v, cidr in account.vpcs.items()]}
    files["export/ec2-describe-subnets.json"] = {"Subnets": list(account.subnets.values())}
    files["export/ec2-describe-route-tables.json"] = {
        "RouteTables": account.route_tables(fs_routes)}
    files["export/ec2-describe-security-groups.json"] = {"SecurityGroups": security_groups(c)}
    files["export/ec2-describe-instances.json"] = {"Reservations": account.instances()}
    files["export/ec2-describe-network-interfaces.json"] = {"NetworkInterfaces": account.enis}
    files["export/ec2-describe-network-acls.json"] = {"NetworkAcls": account.network_acls()}
    files["export/ec2-describe-vpc-peering-connections.json"] = {
        "VpcPeeringConnections": account.peerings()}
    if c.of_type("AWS::EC2::TransitGateway"):
        account.transit_gateways(files)
    mapping = {physical: logical for logical, physical in c.ids.items()}
    mapping.update(account.mapping)
    return files, mapping


def template_as_export(fixture):
    templates = top_level_templates(fixture)
    if len(fixture.templates()) != 1 or len(templates) != 1 or fixture.exports():
        return None
    if fixture.config is not None and re.search(r"parameters|\[\[client|\[\[suppress",
                                                fixture.config):
        return None
    if '"reachlint"' in json.dumps(templates[0][1]):
        return None  # inline suppressions live in template metadata, which exports do not have
    path, tree = templates[0]
    try:
        files, mapping = convert(tree)
    except (Unsupported, KeyError, IndexError, TypeError, ValueError, StopIteration):
        return None
    out = fixture.copy()
    out.files = {p: v for p, v in out.files.items() if p != path}
    out.files.update(files)
    return out, mapping
