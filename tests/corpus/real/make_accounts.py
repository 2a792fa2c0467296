#!/usr/bin/env python3
"""Writes the two hand-made accounts the real corpus's templates are deployed into.

deploy-target/export: one VPC 10.0.0.0/16 (ap-northeast-1), subnets fsx-a 10.0.0.0/24 and
fsx-c 10.0.1.0/24 for the file system, clients-a 10.0.10.0/24 and clients-c 10.0.11.0/24, a
route table per zone (private-a, private-c) besides the unused main one, the default network
ACL (open), and a security group fsx-ontap admitting the ONTAP guide's inbound ports from the VPC.

hub-and-spoke/export: the same VPC, plus transit gateway attachment subnets tgw-a 10.0.20.0/28
and tgw-c 10.0.20.16/28 with their own route table (tgw-attach), and a client VPC 10.20.0.0/16
(app-a 10.20.1.0/24, app-c 10.20.2.0/24, attachment subnets app-tgw-a 10.20.20.0/28 and
app-tgw-c 10.20.20.16/28, one route table) joined by a transit gateway whose
default route table holds both VPCs' CIDRs by propagation; every VPC table routes the other
VPC's CIDR to the transit gateway; fsx-ontap also admits 10.20.0.0/16. This is the layout of the
ONTAP guide's "Configure routing to access Multi-AZ file systems" (AWS-FACTS §1.4, §5).

Run from this folder: python3 make_accounts.py. The output is the same on every run.
"""
import json
import os

OWNER = "123456789012"
REGION_ZONES = {"a": ("ap-northeast-1a", "apne1-az4"), "c": ("ap-northeast-1c", "apne1-az1")}
FSX_VPC, CLIENT_VPC = "vpc-0c0ffee000000a001", "vpc-0c0ffee000000b001"
TGW, TGW_RTB = "tgw-0c0ffee000000a001", "tgw-rtb-0c0ffee000000a001"
FSX_ATTACH, CLIENT_ATTACH = "tgw-attach-0c0ffee00000a001", "tgw-attach-0c0ffee00000b001"
NFS_PORTS = [(111, 111), (135, 135), (139, 139), (161, 162), (445, 445), (635, 635),
             (2049, 2049), (4045, 4046)]


def write(folder, name, document):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w") as out:
        out.write(json.dumps(document, indent=4) + "\n")


def tags(name):
    return [{"Key": "Name", "Value": name}]


def vpc(vpc_id, cidr, name):
    return {"CidrBlock": cidr, "DhcpOptionsId": "dopt-0c0ffee000000a001", "State": "available",
            "VpcId": vpc_id, "OwnerId": OWNER, "InstanceTenancy": "default",
            "CidrBlockAssociationSet": [{"AssociationId": "vpc-cidr-assoc-" + vpc_id[4:],
                                         "CidrBlock": cidr,
                                         "CidrBlockState": {"State": "associated"}}],
            "IsDefault": False, "Tags": tags(name)}


def subnet(subnet_id, vpc_id, cidr, zone, name):
    az, az_id = REGION_ZONES[zone]
    return {"AvailabilityZone": az, "AvailabilityZoneId": az_id, "AvailableIpAddressCount": 250,
            "CidrBlock": cidr, "DefaultForAz": False, "MapPublicIpOnLaunch": False,
            "State": "available", "SubnetId": subnet_id, "VpcId": vpc_id, "OwnerId": OWNER,
            "Ipv6CidrBlockAssociationSet": [], "Ipv6Native": False, "Tags": tags(name)}


def route_table(rtb_id, vpc_id, vpc_cidr, subnets, name, main=False, tgw_routes=()):
    associations = []
    if main:
        associations.append({"Main": True, "RouteTableAssociationId": "rtbassoc-" + rtb_id[4:],
                             "RouteTableId": rtb_id, "AssociationState": {"State": "associated"}})
    associations += [{"Main": False, "RouteTableAssociationId": "rtbassoc-" + s[7:],
                      "RouteTableId": rtb_id, "SubnetId": s,
                      "AssociationState": {"State": "associated"}} for s in subnets]
    routes = [{"DestinationCidrBlock": vpc_cidr, "GatewayId": "local",
               "Origin": "CreateRouteTable", "State": "active"}]
    routes += [{"DestinationCidrBlock": cidr, "TransitGatewayId": TGW, "Origin": "CreateRoute",
                "State": "active"} for cidr in tgw_routes]
    return {"Associations": associations, "PropagatingVgws": [], "RouteTableId": rtb_id,
            "Routes": routes, "Tags": tags(name), "VpcId": vpc_id, "OwnerId": OWNER}


def permission(protocol, low, high, cidrs):
    return {"IpProtocol": protocol, "FromPort": low, "ToPort": high,
            "IpRanges": [{"CidrIp": c} for c in cidrs], "Ipv6Ranges": [], "PrefixListIds": [],
            "UserIdGroupPairs": []}


def security_groups(client_cidrs):
    allow_all_out = [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                      "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}]
    ontap = [permission("icmp", -1, -1, client_cidrs)]
    for protocol in ("tcp", "udp"):
        ontap += [permission(protocol, low, high, client_cidrs) for low, high in NFS_PORTS]
    ontap += [permission("tcp", 22, 22, client_cidrs), permission("tcp", 443, 443, client_cidrs),
              permission("udp", 4049, 4049, client_cidrs)]
    default = {"Description": "default VPC security group", "GroupName": "default",
               "GroupId": "sg-0c0ffee000000d001", "VpcId": FSX_VPC, "OwnerId": OWNER,
               "IpPermissions": [{"IpProtocol": "-1", "IpRanges": [], "Ipv6Ranges": [],
                                  "PrefixListIds": [],
                                  "UserIdGroupPairs": [{"GroupId": "sg-0c0ffee000000d001",
                                                        "UserId": OWNER}]}],
               "IpPermissionsEgress": allow_all_out}
    fsx = {"Description": "FSx for ONTAP: the NFS, SMB and management ports (ONTAP User Guide)",
           "GroupName": "fsx-ontap", "GroupId": "sg-0c0ffee000000f001", "VpcId": FSX_VPC,
           "OwnerId": OWNER, "IpPermissions": ontap, "IpPermissionsEgress": allow_all_out}
    return {"SecurityGroups": [default, fsx]}


def open_acls(vpc_subnets):
    acls = []
    for index, (vpc_id, subnets) in enumerate(vpc_subnets):
        acl_id = "acl-0c0ffee000000%s001" % "ab"[index]
        entries = [{"CidrBlock": "0.0.0.0/0", "Egress": egress, "Protocol": "-1",
                    "RuleAction": action, "RuleNumber": number}
                   for egress in (True, False) for number, action in ((100, "allow"),
                                                                      (32767, "deny"))]
        acls.append({"Associations": [{"NetworkAclAssociationId": "aclassoc-" + s[7:],
                                       "NetworkAclId": acl_id, "SubnetId": s} for s in subnets],
                     "Entries": entries, "IsDefault": True, "NetworkAclId": acl_id, "Tags": [],
                     "VpcId": vpc_id, "OwnerId": OWNER})
    return {"NetworkAcls": acls}


FSX_SUBNETS = [("subnet-0c0ffee0000fa001", "10.0.0.0/24", "a", "fsx-a"),
               ("subnet-0c0ffee0000fb001", "10.0.1.0/24", "c", "fsx-c"),
               ("subnet-0c0ffee0000ca001", "10.0.10.0/24", "a", "clients-a"),
               ("subnet-0c0ffee0000cb001", "10.0.11.0/24", "c", "clients-c")]
TGW_SUBNETS = [("subnet-0c0ffee0000ea001", "10.0.20.0/28", "a", "tgw-a"),
               ("subnet-0c0ffee0000eb001", "10.0.20.16/28", "c", "tgw-c")]
APP_SUBNETS = [("subnet-0c0ffee0000da001", "10.20.1.0/24", "a", "app-a"),
               ("subnet-0c0ffee0000db001", "10.20.2.0/24", "c", "app-c")]
APP_TGW_SUBNETS = [("subnet-0c0ffee0000dc001", "10.20.20.0/28", "a", "app-tgw-a"),
                   ("subnet-0c0ffee0000dd001", "10.20.20.16/28", "c", "app-tgw-c")]


def fsx_vpc_tables(to_clients):
    routes = ("10.20.0.0/16",) if to_clients else ()
    return [route_table("rtb-0c0ffee0000000e01", FSX_VPC, "10.0.0.0/16", [], "main", main=True),
            route_table("rtb-0c0ffee000000a001", FSX_VPC, "10.0.0.0/16",
                        [FSX_SUBNETS[0][0], FSX_SUBNETS[2][0]], "private-a", tgw_routes=routes),
            route_table("rtb-0c0ffee000000c001", FSX_VPC, "10.0.0.0/16",
                        [FSX_SUBNETS[1][0], FSX_SUBNETS[3][0]], "private-c", tgw_routes=routes)]


def deploy_target(folder):
    write(folder, "ec2-describe-vpcs.json", {"Vpcs": [vpc(FSX_VPC, "10.0.0.0/16", "hpc")]})
    write(folder, "ec2-describe-subnets.json",
          {"Subnets": [subnet(s, FSX_VPC, c, z, n) for s, c, z, n in FSX_SUBNETS]})
    write(folder, "ec2-describe-route-tables.json", {"RouteTables": fsx_vpc_tables(False)})
    write(folder, "ec2-describe-security-groups.json", security_groups(["10.0.0.0/16"]))
    write(folder, "ec2-describe-network-acls.json",
          open_acls([(FSX_VPC, [s for s, *_ in FSX_SUBNETS])]))


def attachment(attach_id, vpc_id, subnets, name):
    return {"TransitGatewayAttachmentId": attach_id, "TransitGatewayId": TGW,
            "VpcId": vpc_id, "VpcOwnerId": OWNER, "State": "available", "SubnetIds": subnets,
            "Options": {"DnsSupport": "enable", "SecurityGroupReferencingSupport": "enable",
                        "Ipv6Support": "disable", "ApplianceModeSupport": "disable"},
            "Tags": tags(name)}


def tgw_files(folder):
    options = {"AmazonSideAsn": 64512, "TransitGatewayCidrBlocks": [],
               "AutoAcceptSharedAttachments": "disable", "DefaultRouteTableAssociation": "enable",
               "AssociationDefaultRouteTableId": TGW_RTB, "DefaultRouteTablePropagation": "enable",
               "PropagationDefaultRouteTableId": TGW_RTB, "VpnEcmpSupport": "enable",
               "DnsSupport": "enable", "MulticastSupport": "disable"}
    write(folder, "ec2-describe-transit-gateways.json",
          {"TransitGateways": [{"TransitGatewayId": TGW, "State": "available", "OwnerId": OWNER,
                                "Options": options, "Tags": tags("hub")}]})
    pairs = [(FSX_ATTACH, FSX_VPC, [s for s, *_ in TGW_SUBNETS], "fsx"),
             (CLIENT_ATTACH, CLIENT_VPC, [s for s, *_ in APP_TGW_SUBNETS], "apps")]
    write(folder, "ec2-describe-transit-gateway-vpc-attachments.json",
          {"TransitGatewayVpcAttachments": [attachment(*p) for p in pairs]})
    write(folder, "ec2-describe-transit-gateway-attachments.json",
          {"TransitGatewayAttachments": [
              {"TransitGatewayAttachmentId": a, "TransitGatewayId": TGW,
               "TransitGatewayOwnerId": OWNER, "ResourceOwnerId": OWNER, "ResourceType": "vpc",
               "ResourceId": v, "State": "available",
               "Association": {"TransitGatewayRouteTableId": TGW_RTB, "State": "associated"},
               "Tags": tags(n)} for a, v, _, n in pairs]})
    write(folder, "ec2-describe-transit-gateway-route-tables.json",
          {"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": TGW_RTB,
                                          "TransitGatewayId": TGW, "State": "available",
                                          "DefaultAssociationRouteTable": True,
                                          "DefaultPropagationRouteTable": True, "Tags": []}]})
    per_attachment = [{"TransitGatewayAttachmentId": a, "ResourceId": v, "ResourceType": "vpc",
                       "State": state} for a, v, _, _ in pairs for state in ("associated",)]
    write(folder, "ec2-get-transit-gateway-route-table-associations.%s.json" % TGW_RTB,
          {"Associations": per_attachment})
    write(folder, "ec2-get-transit-gateway-route-table-propagations.%s.json" % TGW_RTB,
          {"TransitGatewayRouteTablePropagations": [
              dict(p, State="enabled") for p in per_attachment]})
    write(folder, "ec2-search-transit-gateway-routes.%s.json" % TGW_RTB,
          {"Routes": [{"DestinationCidrBlock": cidr,
                       "TransitGatewayAttachments": [{"ResourceId": v,
                                                      "TransitGatewayAttachmentId": a,
                                                      "ResourceType": "vpc"}],
                       "Type": "propagated", "State": "active"}
                      for cidr, (a, v, _, _) in zip(("10.0.0.0/16", "10.20.0.0/16"), pairs)],
           "AdditionalRoutesAvailable": False})


def hub_and_spoke(folder):
    write(folder, "ec2-describe-vpcs.json", {"Vpcs": [vpc(FSX_VPC, "10.0.0.0/16", "hpc"),
                                                       vpc(CLIENT_VPC, "10.20.0.0/16", "apps")]})
    write(folder, "ec2-describe-subnets.json", {"Subnets": (
        [subnet(s, FSX_VPC, c, z, n) for s, c, z, n in FSX_SUBNETS + TGW_SUBNETS] +
        [subnet(s, CLIENT_VPC, c, z, n) for s, c, z, n in APP_SUBNETS + APP_TGW_SUBNETS])})
    tables = fsx_vpc_tables(True) + [
        route_table("rtb-0c0ffee000000f001", FSX_VPC, "10.0.0.0/16",
                    [s for s, *_ in TGW_SUBNETS], "tgw-attach", tgw_routes=("10.20.0.0/16",)),
        route_table("rtb-0c0ffee000000b0e1", CLIENT_VPC, "10.20.0.0/16", [], "main", main=True),
        route_table("rtb-0c0ffee000000b001", CLIENT_VPC, "10.20.0.0/16",
                    [s for s, *_ in APP_SUBNETS + APP_TGW_SUBNETS], "apps",
                    tgw_routes=("10.0.0.0/16",))]
    write(folder, "ec2-describe-route-tables.json", {"RouteTables": tables})
    write(folder, "ec2-describe-security-groups.json",
          security_groups(["10.0.0.0/16", "10.20.0.0/16"]))
    write(folder, "ec2-describe-network-acls.json", open_acls([
        (FSX_VPC, [s for s, *_ in FSX_SUBNETS + TGW_SUBNETS]),
        (CLIENT_VPC, [s for s, *_ in APP_SUBNETS + APP_TGW_SUBNETS])]))
    tgw_files(folder)


if __name__ == "__main__":
    deploy_target("deploy-target/export")
    hub_and_spoke("hub-and-spoke/export")
