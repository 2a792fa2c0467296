#!/usr/bin/env python3
"""Writes a large CloudFormation template shaped like `cdk synth` output, for bench/run.sh.

The template has exactly --resources resources (default 5000) and is the same, byte for byte,
for the same arguments (--seed picks the variations). Its shape follows the corpus templates
under shared/corpus/cdk/ (CDK's logical ids with an 8-hex-digit hash, Ref/Fn::GetAtt links,
Fn::Select/Fn::GetAZs availability zones, one-space indentation):

- one transit gateway, with CDK's custom resource provider (an IAM role and a Lambda function)
  that restricts each VPC's default security group;
- a handful (--file-systems, default 4, independent of the size) of FSx VPCs, each with two
  subnets, their route tables, associations and a 10.0.0.0/8 route to the transit gateway, a
  TGW attachment, a security group with NFS ingress rules inline, and an FSx for OpenZFS
  MULTI_AZ_1 file system with RouteTableIds, SecurityGroupIds, SubnetIds and PreferredSubnetId;
- as many client VPCs as fit, each with two or three subnets (route table, association, and a
  route to one FSx VPC's CIDR through the transit gateway), a TGW attachment, a security group
  with inline ingress and egress, a network ACL with its subnet associations and entries, and
  one or two instances with their IAM role and instance profile;
- the rest, to reach the exact count, as extra network ACL entries.

A few client VPCs carry faults that reachlint reports (a TGW attachment that misses an AZ, a
network ACL without the return ports), so the output paths are exercised too. The number of file
systems stays fixed as the template grows: the work per file system is then proportional to the
number of resources, which is what the linearity check of docs/performance.md measures.

usage: gen_template.py [--resources N] [--seed S] [--file-systems F] [-o FILE]
"""

import argparse
import hashlib
import json
import random
import sys

STACK = "ReachlintBenchStack"
AMI_PARAMETER = "SsmParameterValueawsserviceamiamazonlinuxlatestal2023amikernel61x8664C96584B6F00A464EAD1953AFF4B05118Parameter"
NFS_PORTS = [(111, 111), (2049, 2049), (20001, 20003)]


def logical_id(path):
    """CDK's logical id: the path's components without non-alphanumerics, and 8 hex digits of hash."""
    human = "".join(ch for ch in path.replace("/", "") if ch.isalnum())
    return human + hashlib.md5(path.encode()).hexdigest()[:8].upper()


def ref(name):
    return {"Ref": name}


def group_id(name):
    return {"Fn::GetAtt": [name, "GroupId"]}


def az(index):
    return {"Fn::Select": [index, {"Fn::GetAZs": ""}]}


def tags(path, extra=()):
    return list(extra) + [{"Key": "Name", "Value": f"{STACK}/{path}"}]


def vpc_cidr(index):
    """A /20 per VPC inside 10.0.0.0/8: 4096 VPCs at most."""
    if index >= 4096:
        raise SystemExit("gen_template.py: too many VPCs for 10.0.0.0/8 (at most 4096)")
    return f"10.{index >> 4}.{(index & 15) << 4}.0/20"


def subnet_cidr(index, k):
    return f"10.{index >> 4}.{((index & 15) << 4) + k}.0/24"


class Template:
    def __init__(self):
        self.resources = {}

    def add(self, name, rtype, properties, **extra):
        if name in self.resources:
            raise SystemExit(f"gen_template.py: duplicate logical id {name}")
        resource = {"Type": rtype, "Properties": properties}
        resource.update(extra)
        self.resources[name] = resource
        return name


def add_provider(t):
    """CDK's Custom::VpcRestrictDefaultSG provider, shared by every VPC of the stack."""
    role = "CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0"
    handler = "CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E"
    t.add(role, "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                           "Principal": {"Service": "lambda.amazonaws.com"}}],
        },
        "ManagedPolicyArns": [
            {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}],
    })
    t.add(handler, "AWS::Lambda::Function", {
        "Code": {"S3Bucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"},
                 "S3Key": "f178182c7c3aac6ad18bdaae53a2d38f72b2cf690d17b9efa635c7ce37f77d71.zip"},
        "Timeout": 900,
        "MemorySize": 128,
        "Handler": "__entrypoint__.handler",
        "Role": {"Fn::GetAtt": [role, "Arn"]},
        "Runtime": "nodejs24.x",
        "Description": "Lambda function for removing all inbound/outbound rules from the VPC default security group",
    }, DependsOn=[role], Metadata={
        "aws:asset:path": "asset.f178182c7c3aac6ad18bdaae53a2d38f72b2cf690d17b9efa635c7ce37f77d71",
        "aws:asset:property": "Code"})
    return handler


def add_vpc(t, name, index, handler):
    """The VPC and CDK's default-security-group restriction; returns the VPC's logical id."""
    vpc = t.add(logical_id(f"{name}/Resource"), "AWS::EC2::VPC", {
        "CidrBlock": vpc_cidr(index),
        "EnableDnsHostnames": True,
        "EnableDnsSupport": True,
        "InstanceTenancy": "default",
        "Tags": tags(name),
    })
    t.add(logical_id(f"{name}/RestrictDefaultSecurityGroupCustomResource/Default"), "Custom::VpcRestrictDefaultSG", {
        "ServiceToken": {"Fn::GetAtt": [handler, "Arn"]},
        "DefaultSecurityGroupId": {"Fn::GetAtt": [vpc, "DefaultSecurityGroup"]},
        "Account": ref("AWS::AccountId"),
    }, UpdateReplacePolicy="Delete", DeletionPolicy="Delete")
    return vpc


def add_subnets(t, name, index, vpc, count):
    """Isolated subnets, one per AZ, with their route tables; returns [(subnet, route table)]."""
    out = []
    for k in range(count):
        path = f"{name}/PrivateSubnet{k + 1}"
        subnet = t.add(logical_id(f"{path}/Subnet"), "AWS::EC2::Subnet", {
            "AvailabilityZone": az(k),
            "CidrBlock": subnet_cidr(index, k),
            "MapPublicIpOnLaunch": False,
            "Tags": tags(path, [{"Key": "aws-cdk:subnet-name", "Value": "Private"},
                                {"Key": "aws-cdk:subnet-type", "Value": "Isolated"}]),
            "VpcId": ref(vpc),
        })
        table = t.add(logical_id(f"{path}/RouteTable"), "AWS::EC2::RouteTable", {
            "Tags": tags(path),
            "VpcId": ref(vpc),
        })
        t.add(logical_id(f"{path}/RouteTableAssociation"), "AWS::EC2::SubnetRouteTableAssociation", {
            "RouteTableId": ref(table),
            "SubnetId": ref(subnet),
        })
        out.append((subnet, table))
    return out


def add_attachment(t, name, vpc, subnets, tgw):
    return t.add(logical_id(f"{name}/TgwAttachment"), "AWS::EC2::TransitGatewayAttachment", {
        "SubnetIds": [ref(s) for s in subnets],
        "Tags": tags(f"{name}/TgwAttachment"),
        "TransitGatewayId": ref(tgw),
        "VpcId": ref(vpc),
    })


def add_routes(t, name, pairs, destination, tgw, attachment, label):
    for k, (_, table) in enumerate(pairs):
        t.add(logical_id(f"{name}/PrivateSubnet{k + 1}/{label}"), "AWS::EC2::Route", {
            "DestinationCidrBlock": destination,
            "RouteTableId": ref(table),
            "TransitGatewayId": ref(tgw),
        }, DependsOn=[attachment])


def add_file_system_vpc(t, f, tgw, handler):
    """VPC number f (a /20 at the start of 10.0.0.0/8) with one FSx for OpenZFS Multi-AZ file system."""
    name = f"FsxVpc{f + 1}"
    vpc = add_vpc(t, name, f, handler)
    pairs = add_subnets(t, name, f, vpc, 2)
    attachment = add_attachment(t, name, vpc, [s for s, _ in pairs], tgw)
    add_routes(t, name, pairs, "10.0.0.0/8", tgw, attachment, "ToClientsViaTgw")
    ingress = []
    for protocol in ("tcp", "udp"):
        for low, high in NFS_PORTS:
            ingress.append({"CidrIp": "10.0.0.0/8", "Description": f"NFS {protocol.upper()} {low}-{high} from clients",
                            "FromPort": low, "IpProtocol": protocol, "ToPort": high})
    sg = t.add(logical_id(f"{name}/FsxSg/Resource"), "AWS::EC2::SecurityGroup", {
        "GroupDescription": f"Security group for FSx for OpenZFS Multi-AZ {f + 1}",
        "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default",
                                 "IpProtocol": "-1"}],
        "SecurityGroupIngress": ingress,
        "VpcId": ref(vpc),
    })
    t.add(f"FileSystem{f + 1}", "AWS::FSx::FileSystem", {
        "FileSystemType": "OPENZFS",
        "OpenZFSConfiguration": {
            "DeploymentType": "MULTI_AZ_1",
            "PreferredSubnetId": ref(pairs[0][0]),
            "RootVolumeConfiguration": {"NfsExports": [{"ClientConfigurations": [
                {"Clients": "*", "Options": ["rw", "crossmnt", "no_root_squash"]}]}]},
            "RouteTableIds": [ref(table) for _, table in pairs],
            "ThroughputCapacity": 160,
        },
        "SecurityGroupIds": [group_id(sg)],
        "StorageCapacity": 64,
        "SubnetIds": [ref(s) for s, _ in pairs],
    })


def client_vpc_size(subnets, instances):
    # VPC, restriction, 3 per subnet, route per subnet, attachment, SG, NACL, association per
    # subnet, 6 NACL entries, 3 per instance (instance, role, profile).
    return 2 + 3 * subnets + subnets + 1 + 1 + 1 + subnets + 6 + 3 * instances


def add_client_vpc(t, c, index, fs_count, tgw, handler, rng):
    name = f"ClientVpc{c + 1}"
    subnet_count = rng.choice((2, 2, 3))
    instance_count = rng.choice((1, 1, 2))
    vpc = add_vpc(t, name, index, handler)
    pairs = add_subnets(t, name, index, vpc, subnet_count)
    subnets = [s for s, _ in pairs]
    # Fault: about one VPC in 25 attaches to the transit gateway without its last AZ (RL201).
    attached = subnets[:-1] if rng.random() < 0.04 else subnets
    attachment = add_attachment(t, name, vpc, attached, tgw)
    target = c % fs_count
    add_routes(t, name, pairs, vpc_cidr(target), tgw, attachment, f"ToFsxVpc{target + 1}ViaTgw")

    sg = t.add(logical_id(f"{name}/InstanceSg/Resource"), "AWS::EC2::SecurityGroup", {
        "GroupDescription": f"{STACK}/{name}/InstanceSg",
        "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default",
                                 "IpProtocol": "-1"}],
        "SecurityGroupIngress": [
            {"CidrIp": vpc_cidr(index), "Description": "SSH from the VPC", "FromPort": 22, "IpProtocol": "tcp",
             "ToPort": 22},
            {"CidrIp": "10.0.0.0/8", "Description": "ICMP from the network", "FromPort": -1, "IpProtocol": "icmp",
             "ToPort": -1},
        ],
        "VpcId": ref(vpc),
    })

    acl = t.add(logical_id(f"{name}/Nacl/Resource"), "AWS::EC2::NetworkAcl", {
        "Tags": tags(f"{name}/Nacl"),
        "VpcId": ref(vpc),
    })
    for k, subnet in enumerate(subnets):
        t.add(logical_id(f"{name}/Nacl/DefaultAssociation{name}PrivateSubnet{k + 1}"),
              "AWS::EC2::SubnetNetworkAclAssociation", {"NetworkAclId": ref(acl), "SubnetId": ref(subnet)})
    # Fault: about one VPC in 25 lets in only TCP on the unprivileged ports from the network,
    # which drops NFS replies to the reserved ports that NFS clients use, and all of UDP (RL302).
    inbound = ("IngressFromNetwork", False, -1, 100, None)
    if rng.random() < 0.04:
        inbound = ("IngressFromNetworkTcp", False, 6, 100, (1024, 65535))
    entries = [
        ("EgressToNetwork", True, -1, 100, None, "10.0.0.0/8"),
        inbound + ("10.0.0.0/8",),
        ("EgressHttps", True, 6, 110, (443, 443), "0.0.0.0/0"),
        ("IngressHttpsReplies", False, 6, 110, (1024, 65535), "0.0.0.0/0"),
        ("IngressDenySsh", False, 6, 90, (22, 22), "0.0.0.0/0"),
        ("EgressDenySmtp", True, 6, 90, (25, 25), "0.0.0.0/0"),
    ]
    for label, egress, protocol, number, ports, cidr in entries:
        properties = {
            "CidrBlock": cidr,
            "Egress": egress,
            "NetworkAclId": ref(acl),
            "Protocol": protocol,
            "RuleAction": "deny" if "Deny" in label else "allow",
            "RuleNumber": number,
        }
        if ports:
            properties["PortRange"] = {"From": ports[0], "To": ports[1]}
        t.add(logical_id(f"{name}/Nacl/{label}"), "AWS::EC2::NetworkAclEntry", properties)

    for i in range(instance_count):
        path = f"{name}/Instance{i + 1}"
        role = t.add(logical_id(f"{path}/InstanceRole/Resource"), "AWS::IAM::Role", {
            "AssumeRolePolicyDocument": {"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                                                        "Principal": {"Service": "ec2.amazonaws.com"}}],
                                         "Version": "2012-10-17"},
            "ManagedPolicyArns": [{"Fn::Join": ["", ["arn:", ref("AWS::Partition"),
                                                     ":iam::aws:policy/AmazonSSMManagedInstanceCore"]]}],
            "Tags": tags(path),
        })
        profile = t.add(logical_id(f"{path}/InstanceProfile"), "AWS::IAM::InstanceProfile", {
            "Roles": [ref(role)],
        })
        k = rng.randrange(subnet_count)
        t.add(logical_id(f"{path}/Resource"), "AWS::EC2::Instance", {
            "AvailabilityZone": az(k),
            "IamInstanceProfile": ref(profile),
            "ImageId": ref(AMI_PARAMETER),
            "InstanceType": rng.choice(("t3.micro", "t3.small", "m7i.large", "c7i.xlarge")),
            "SecurityGroupIds": [group_id(sg)],
            "SubnetId": ref(subnets[k]),
            "Tags": tags(path),
            "UserData": {"Fn::Base64": "#!/bin/bash\ndnf install -y nfs-utils\n"},
        }, DependsOn=[role])
    return acl


def generate(resources, seed, fs_count):
    rng = random.Random(seed)
    t = Template()
    tgw = t.add("Tgw", "AWS::EC2::TransitGateway", {
        "AutoAcceptSharedAttachments": "disable",
        "DefaultRouteTableAssociation": "enable",
        "DefaultRouteTablePropagation": "enable",
        "Description": "Hub between the FSx VPCs and the client VPCs",
        "DnsSupport": "enable",
        "Tags": [{"Key": "Name", "Value": f"{STACK}/Tgw"}],
    })
    handler = add_provider(t)
    for f in range(fs_count):
        add_file_system_vpc(t, f, tgw, handler)
    if len(t.resources) > resources:
        raise SystemExit(f"gen_template.py: {fs_count} file systems need {len(t.resources)} resources "
                         f"at least; asked for {resources}")

    acls = []
    c = 0
    largest = client_vpc_size(3, 2)
    while resources - len(t.resources) >= largest:
        acls.append(add_client_vpc(t, c, fs_count + c, fs_count, tgw, handler, rng))
        c += 1

    # Fill up to the exact count with RDP deny entries spread over the client NACLs.
    extra = 0
    while len(t.resources) < resources:
        if not acls:
            raise SystemExit("gen_template.py: too few resources for one client VPC")
        acl = acls[extra % len(acls)]
        t.add(f"{acl[:-8]}DenyRdp{extra + 1}", "AWS::EC2::NetworkAclEntry", {
            "CidrBlock": "0.0.0.0/0",
            "Egress": False,
            "NetworkAclId": ref(acl),
            "PortRange": {"From": 3389, "To": 3389},
            "Protocol": 6,
            "RuleAction": "deny",
            "RuleNumber": 200 + extra // len(acls),
        })
        extra += 1

    return {
        "Resources": t.resources,
        "Parameters": {
            AMI_PARAMETER: {
                "Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
                "Default": "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64",
            },
            "BootstrapVersion": {
                "Type": "AWS::SSM::Parameter::Value<String>",
                "Default": "/cdk-bootstrap/hnb659fds/version",
                "Description": "Version of the CDK Bootstrap resources in this environment, automatically "
                               "retrieved from SSM Parameter Store. [cdk:skip]",
            },
        },
        "Rules": {
            "CheckBootstrapVersion": {
                "Assertions": [{
                    "Assert": {"Fn::Not": [{"Fn::Contains": [["1", "2", "3", "4", "5"], ref("BootstrapVersion")]}]},
                    "AssertDescription": "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' "
                                         "with a recent version of the CDK CLI.",
                }],
            },
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=5000, help="number of resources (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the variations (default 1)")
    parser.add_argument("--file-systems", type=int, default=4,
                        help="number of FSx file systems, independent of --resources (default 4)")
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    args = parser.parse_args()
    if args.file_systems < 1:
        parser.error("--file-systems must be at least 1")
    document = generate(args.resources, args.seed, args.file_systems)
    text = json.dumps(document, indent=1) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)


if __name__ == "__main__":
    main()
