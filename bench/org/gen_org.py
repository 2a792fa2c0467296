#!/usr/bin/env python3
"""Writes an organisation-scale AWS account export for reachlint's benchmarks and tests.

The export is what `aws ec2 describe-*`, `aws ec2 search-transit-gateway-routes`,
`aws ec2 get-transit-gateway-route-table-{associations,propagations}`,
`aws ec2 get-managed-prefix-list-entries` and `aws fsx describe-{file-systems,
storage-virtual-machines}` print (awscli v1 style: 4-space indentation, key order as in
shared/corpus/describe/), one command per file, in Batfish's multi-account layout:

    OUT/accounts/<12-digit account>/<region>/ec2-describe-vpcs.json
                                             ...
                                             ec2-search-transit-gateway-routes.<tgw-rtb-id>.json
    OUT/expected-verdicts.json      the planted defects (and expected notices), the only
                                    findings a correct linter makes

At --scale 1 (the default): 5,000 VPCs attached to 3 transit gateways (one per region, owned by a
network account and shared with the others), 20,000 subnets and about as many route tables (some
shared by several subnets) plus every VPC's main table, about 200,000 VPC routes (an S3 gateway
endpoint's in every table), 200 FSx for OpenZFS / ONTAP MULTI_AZ_1 file systems in "storage"
VPCs, 10,000 security groups, a few thousand instances, network ACLs, VPC peering connections,
NAT gateways, VPC endpoints, an inspection VPC per region, some unattached default VPCs; about
165 MB over 20 accounts and 3 regions. --scale 0.01 is a small version of the same organisation
for tests.

Every file system has intended clients (its security group admits their VPC or subnet CIDRs,
their route tables send its VPC CIDR or endpoint range to the transit gateway) and every pair is
fully reachable, both ways, before and after a failover, except the defects planted on purpose
(see README.md and expected-verdicts.json). The same arguments give the same bytes.

usage: gen_org.py -o OUT [--scale S] [--seed N] [--defect-repeats K] [--prefix-lists MODE]
                  [--tgw-enis] [--force] [--quiet]
"""

import argparse
import json
import os
import random
import shutil
import sys
import time

# ----------------------------------------------------------------------------------------------
# Constants

REGIONS = [
    # name, share of VPCs, (AZ name, AZ id) x3, CIDR pools in allocation order,
    # AWS-managed prefix lists (S3, DynamoDB), an AMI
    ("us-east-1", 0.5,
     [("us-east-1a", "use1-az4"), ("us-east-1b", "use1-az6"), ("us-east-1c", "use1-az1")],
     ["10.0.0.0/9"], ("pl-63a5400a", "pl-02cd2c6b"), "ami-0c02fb55956c7d316"),
    ("eu-west-1", 0.3,
     [("eu-west-1a", "euw1-az3"), ("eu-west-1b", "euw1-az1"), ("eu-west-1c", "euw1-az2")],
     ["10.128.0.0/10", "172.16.0.0/13"], ("pl-6da54004", "pl-6fa54006"), "ami-0d71ea30463e0ff8d"),
    ("ap-northeast-1", 0.2,
     [("ap-northeast-1a", "apne1-az4"), ("ap-northeast-1c", "apne1-az1"),
      ("ap-northeast-1d", "apne1-az2")],
     ["172.24.0.0/14", "172.28.0.0/15", "172.30.0.0/16", "10.192.0.0/10"],
     ("pl-61a54008", "pl-78a54011"), "ami-0bba69335379e17f8"),
]

OPENZFS_PORTS = {"tcp": [(111, 111), (2049, 2049), (20001, 20003)],
                 "udp": [(111, 111), (2049, 2049), (20001, 20003)]}
ONTAP_PORTS = {"tcp": [(111, 111), (635, 635), (2049, 2049), (4045, 4046)],
               "udp": [(111, 111), (635, 635), (2049, 2049), (4045, 4046), (4049, 4049)]}
PORT_ROLE = {111: "portmapper", 635: "mountd", 2049: "NFS", 4045: "NLM/NSM", 4049: "rquotad",
             20001: "mountd/nsm/nlm"}

EPOCH_2023 = 1672531200
INSTANCE_TYPES = ["t3.micro", "t3.medium", "m6i.large", "m6i.xlarge", "c6i.2xlarge", "r6i.large",
                  "m7g.large", "c7g.xlarge"]

# The network account's corporate-networks prefix list (on-premises ranges behind the transit
# gateway), in every region: its entries never overlap a VPC.
CORPORATE = [("192.168.0.0/17", "data centre 1"), ("192.168.128.0/18", "data centre 2"),
             ("192.168.192.0/20", "client VPN")]

# The planted defects, in the order they are assigned. Each is repeated --defect-repeats times.
DEFECT_KINDS = ["RL101", "RL102-route", "RL102-tgw-blackhole", "RL103", "RL106", "RL201",
                "RL301-tcp2049", "RL301-udp", "RL302", "RL202", "RL102-prefix-list",
                "notice-inspection"]
# Client VPCs that a defect needs for itself (they are clients of that one file system only).
DEDICATED_CLIENT = {"RL101": 1, "RL102-route": 1, "RL102-tgw-blackhole": 1, "RL201": 1,
                    "RL102-prefix-list": 1, "notice-inspection": 1}


# ----------------------------------------------------------------------------------------------
# Addresses

def is_ontap_default_range(rng_):
    return rng_[0] >> 16 == (198 << 8 | 19)


def ip_str(n):
    return f"{n >> 24}.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def parse_cidr(text):
    addr, plen = text.split("/")
    a, b, c, d = (int(x) for x in addr.split("."))
    return (a << 24) | (b << 16) | (c << 8) | d, int(plen)


def cidr_str(base, plen):
    return f"{ip_str(base)}/{plen}"


def block_size(plen):
    return 1 << (32 - plen)


def iso(ts):
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(ts))


class CidrPool:
    """Hands out aligned, non-overlapping blocks from a region's pools, in order, leaving the
    occasional unused block behind (a decommissioned VPC: a realistic blackhole destination)."""

    def __init__(self, pools, rng):
        self.pools = [parse_cidr(p) for p in pools]
        self.index = 0
        self.cursor = self.pools[0][0]
        self.rng = rng
        self.gaps = []

    def alloc(self, plen):
        size = block_size(plen)
        while self.index < len(self.pools):
            base, pool_plen = self.pools[self.index]
            end = base + block_size(pool_plen)
            start = (self.cursor + size - 1) // size * size
            if start + size <= end:
                if self.rng.random() < 0.03 and start + 2 * size <= end:
                    self.gaps.append((start, plen))
                    start += size
                self.cursor = start + size
                return start
            self.index += 1
            if self.index < len(self.pools):
                self.cursor = self.pools[self.index][0]
        raise SystemExit("gen_org.py: the region's CIDR pools are exhausted; lower --scale")


# ----------------------------------------------------------------------------------------------
# The model: small mutable records, filled in by the builder, turned into JSON by the writers.

class Account:
    __slots__ = ("id", "role", "regions")

    def __init__(self, id_, role, regions):
        self.id, self.role, self.regions = id_, role, regions


class Region:
    __slots__ = ("name", "weight", "azs", "pool", "pl_s3", "pl_ddb", "ami", "tgw", "vpcs",
                 "dhcp", "default_vpcs", "corp_pl")

    def __init__(self, name, weight, azs, pool, pls, ami):
        self.name, self.weight, self.azs, self.pool, self.ami = name, weight, azs, pool, ami
        self.pl_s3, self.pl_ddb = pls
        self.tgw = None
        self.vpcs = []
        self.dhcp = {}
        self.default_vpcs = []


class Vpc:
    __slots__ = ("id", "account", "region", "base", "plen", "role", "env", "layout", "name",
                 "subnets", "main_rtb", "default_nacl", "default_sg", "sgs", "attachment",
                 "created", "cidr_assoc", "egress", "igw", "nat", "vpce_s3", "vpce_ddb",
                 "peer_routes", "summaries", "fs_routes", "fss", "clients", "client_of",
                 "pcx_routes", "nacls", "is_default", "dedicated", "admin_sg", "overlap_of",
                 "tgw_omit_az", "index", "victim", "fs_return", "rl106_table", "endpoints",
                 "nat_gw", "appliances", "broad")

    def __init__(self):
        self.subnets, self.sgs, self.peer_routes, self.summaries = [], [], [], []
        self.fs_routes, self.fss, self.clients, self.client_of = [], [], [], []
        self.pcx_routes, self.nacls = [], []
        self.attachment = self.nat = self.igw = self.vpce_s3 = self.vpce_ddb = None
        self.nat_gw = None
        self.endpoints = []
        self.appliances = {}  # AZ -> the route target that sends traffic through inspection
        self.broad = False  # its file systems admit all of 10.0.0.0/8 on the NFS ports
        self.admin_sg = self.overlap_of = self.tgw_omit_az = None
        self.victim = self.fs_return = self.rl106_table = None
        self.is_default = False
        self.dedicated = None
        self.env = None

    @property
    def cidr(self):
        return cidr_str(self.base, self.plen)


class Subnet:
    __slots__ = ("id", "vpc", "base", "plen", "az", "kind", "rtb", "nacl", "nacl_assoc",
                 "next_ip", "enis", "name", "attached", "default_for_az")

    def __init__(self):
        self.enis = []
        self.attached = False
        self.default_for_az = False

    @property
    def cidr(self):
        return cidr_str(self.base, self.plen)

    def take_ip(self):
        ip = self.base + self.next_ip
        self.next_ip += 1
        if self.next_ip >= block_size(self.plen) - 1:
            raise SystemExit(f"gen_org.py: subnet {self.cidr} is full")
        return ip


class RouteTable:
    __slots__ = ("id", "vpc", "main", "subnet", "assoc_id", "routes", "name", "shared")

    def __init__(self):
        self.routes = []
        self.subnet = None
        self.shared = []  # (subnet, association id) of further subnets that use the table


class Nacl:
    __slots__ = ("id", "vpc", "default", "kind", "subnets", "name")

    def __init__(self):
        self.subnets = []


class SecurityGroup:
    __slots__ = ("id", "vpc", "name", "description", "ingress", "egress", "open_egress", "tags")

    def __init__(self):
        self.ingress, self.egress, self.tags = [], [], []
        self.open_egress = True


class Eni:
    __slots__ = ("id", "subnet", "kind", "groups", "ip", "extra_ips", "description", "instance",
                 "attach_id", "attach_time", "mac", "tags", "requester")

    def __init__(self):
        self.groups, self.extra_ips, self.tags = [], [], []
        self.instance = None


class Instance:
    __slots__ = ("id", "subnet", "eni", "groups", "type", "launch", "name", "reservation",
                 "client_token", "volume", "appliance")


class Endpoint:
    """A VPC endpoint: a gateway endpoint (S3, DynamoDB; the target of its service's prefix-list
    route in every route table of the VPC) or a Gateway Load Balancer endpoint (in a subnet, the
    target of CIDR routes)."""
    __slots__ = ("id", "vpc", "type", "service", "created", "subnet", "eni")


class NatGateway:
    __slots__ = ("id", "vpc", "subnet", "eni", "created", "allocation", "association",
                 "public_ip")


class PrefixList:
    """A customer-managed prefix list: the network account's corporate-networks list in each
    region (shared with the organisation through AWS RAM) or an account's own list."""
    __slots__ = ("id", "account", "region", "name", "entries", "max_entries", "version",
                 "shared")


class Tgw:
    __slots__ = ("id", "region", "account", "asn", "rtbs", "created", "attachments")

    def __init__(self):
        self.rtbs, self.attachments = [], []


class TgwRtb:
    __slots__ = ("id", "tgw", "name", "default", "assoc", "prop", "static", "created")

    def __init__(self):
        self.assoc, self.prop, self.static = [], [], []


class Attachment:
    __slots__ = ("id", "tgw", "vpc", "subnets", "rtb", "created", "propagated", "appliance")


class Peering:
    __slots__ = ("id", "requester", "accepter", "name")


class FileSystem:
    __slots__ = ("id", "type", "vpc", "preferred", "standby", "enis", "sg", "range", "floating",
                 "rtbs", "svm", "created", "capacity", "throughput", "defect", "name",
                 "volume", "kms", "svm_uuid")


# ----------------------------------------------------------------------------------------------
# The builder

class Org:
    def __init__(self, scale, seed, repeats, prefix_lists="all", instances=2000):
        self.prefix_list_mode = prefix_lists
        self.instances_target = instances
        self.rng = random.Random(seed)
        self.scale = scale
        self.repeats = repeats
        self.used_ids = set()
        self.verdicts = []
        self.regions = [Region(n, w, azs, CidrPool(pools, self.rng), pls, ami)
                        for n, w, azs, pools, pls, ami in REGIONS]
        self.accounts = []
        self.vpcs = []
        self.fss = []
        self.instances = []
        self.peerings = []
        self.enis = []
        self.sg_count = 0
        self.prefix_lists = []
        self.planted_count = {}

    # ---- ids and small helpers

    def exports_prefix_lists(self, account):
        """Whether the account's export has describe-managed-prefix-lists and
        get-managed-prefix-list-entries (--prefix-lists some: every second account, the network
        account not among them)."""
        if self.prefix_list_mode == "some":
            return self.accounts.index(account) % 2 == 1
        return self.prefix_list_mode == "all"

    def new_id(self, prefix):
        while True:
            value = f"{prefix}-0{self.rng.getrandbits(64):016x}"
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def short_id(self, prefix):
        while True:
            value = f"{prefix}-{self.rng.getrandbits(32):08x}"
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def aws_managed_eni(self, sn, kind, description):
        """An interface AWS creates in subnet `sn` for its own service (a NAT gateway, an endpoint)."""
        e = Eni()
        e.id = self.new_id("eni")
        e.subnet = sn
        e.kind = kind
        e.ip = sn.take_ip()
        e.description = description
        e.mac = self.mac()
        e.requester = "amazon-aws"
        sn.enis.append(e)
        self.enis.append(e)
        return e

    def mac(self):
        b = self.rng.getrandbits(40)
        return "02:" + ":".join(f"{(b >> s) & 255:02x}" for s in (32, 24, 16, 8, 0))

    def uuid(self):
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def when(self, lo=0, hi=900 * 86400):
        return EPOCH_2023 + self.rng.randrange(lo, hi)

    # ---- the plan

    def build(self):
        s = self.scale
        rng = self.rng
        n_accounts = max(4, round(20 * s ** 0.5))
        self.make_accounts(n_accounts)
        n_vpcs = max(self.minimum_vpcs(), round(5000 * s))
        n_fs = max(self.planted_fs_count() + 3, round(200 * s))
        shared_per_region = 2 if s >= 0.1 else 1

        # Planted defects and storage VPCs per region; a tiny --scale grows until each region
        # keeps at least 3 ordinary spokes to be clients.
        while True:
            plan = self.plan(n_vpcs, n_fs, shared_per_region)
            if plan is not None:
                break
            n_vpcs += max(5, n_vpcs // 10)
        counts, restricted, isolated, planted, plain_groups, plain_regions = plan

        # VPC roles per region.
        for ri, region in enumerate(self.regions):
            roles = []
            roles += [("shared", "egress"), ("shared", "inspection")]
            roles += [("shared", "dns")] * (shared_per_region - 1)
            for (kind, r) in planted:
                if r != ri:
                    continue
                if kind == "RL202":
                    roles.append(("overlap", kind))
                else:
                    roles.append(("storage", kind))
                    if kind in DEDICATED_CLIENT:
                        roles.append(("dedicated", kind))
            for k, r in zip(plain_groups, plain_regions):
                if r == ri:
                    roles.append(("storage", k))
            roles += [("restricted", None)] * restricted[ri]
            roles += [("isolated", None)] * isolated[ri]
            # Overlap pairs take one VPC from the count here and add a second one later.
            pairs = sum(1 for role, _ in roles if role == "overlap")
            while len(roles) + pairs < counts[ri]:
                roles.append(("spoke", None))
            rng.shuffle(roles)
            # Shared VPCs first (they are the oldest), the rest in shuffled order.
            roles.sort(key=lambda x: x[0] != "shared")
            for role, detail in roles:
                self.make_vpc(region, role, detail)

        for region in self.regions:
            self.make_tgw(region)
        for region in self.regions:
            self.make_overlaps(region)
        for region in self.regions:
            self.make_attachments(region)
        inspected = 0
        for ri, region in enumerate(self.regions):
            for v in region.vpcs:
                if v.layout == "inspection":
                    self.make_appliances(v, "appliance" if ri == 1 else "gwlb")
                elif v.layout == "inspected-2az":
                    self.make_appliances(v, "appliance" if inspected % 2 else "gwlb")
                    inspected += 1
        self.make_default_vpcs()
        # A few storage VPCs admit the whole organisation (10.0.0.0/8) on the NFS ports, and
        # route it back to the transit gateway: every subnet routed there is a (broad) client.
        plain = [v for v in self.vpcs if v.role == "storage" and not isinstance(v.dedicated, str)]
        for v in rng.sample(plain, min(len(plain), max(1, round(len(plain) * 0.02)))):
            v.broad = True
        for region in self.regions:
            self.make_storage(region)
        self.make_peerings()
        self.make_noise_routes()
        self.make_security_groups()
        self.make_instances()
        self.make_nacls()
        self.make_tgw_routes()
        self.finish_routes()

    def plan(self, n_vpcs, n_fs, shared_per_region):
        rng = self.rng
        # VPCs per region by share.
        counts = [round(n_vpcs * r.weight) for r in self.regions]
        counts[0] += n_vpcs - sum(counts)

        # Planted defects: each to the region with the largest share of VPCs still free.
        restricted = [max(1, round(c * 0.01)) for c in counts]
        isolated = [max(1, round(c * 0.03)) for c in counts]
        free = [c - shared_per_region - 1 - r - i
                for c, r, i in zip(counts, restricted, isolated)]
        planted = []
        for kind in DEFECT_KINDS:
            for _ in range(self.repeats):
                cost = 2 if kind == "RL202" else 1 + DEDICATED_CLIENT.get(kind, 0)
                r = max(range(len(self.regions)), key=lambda i: (free[i] / counts[i], -i))
                free[r] -= cost
                planted.append((kind, r))
        # Storage VPCs for the other file systems: 1 to 3 file systems each.
        n_plain_fs = n_fs - sum(1 for k, _ in planted if k != "RL202")
        plain_groups = []
        while n_plain_fs > 0:
            k = min(n_plain_fs, rng.choice([1, 1, 2, 2, 2, 3]))
            plain_groups.append(k)
            n_plain_fs -= k
        plain_regions = []
        for _ in plain_groups:
            r = max(range(len(self.regions)),
                    key=lambda i: (free[i] / max(1, counts[i]) + rng.random() * 0.05, -i))
            free[r] -= 1
            plain_regions.append(r)
        if min(free) < 3:
            return None
        return counts, restricted, isolated, planted, plain_groups, plain_regions

    def planted_fs_count(self):
        return sum(1 for k in DEFECT_KINDS if k != "RL202") * self.repeats

    def minimum_vpcs(self):
        per = 0
        for k in DEFECT_KINDS:
            per += 2 if k == "RL202" else 1 + DEDICATED_CLIENT.get(k, 0)
        return per * self.repeats + len(self.regions) * (1 + 1 + 1 + 1 + 3 + 1) + 4

    def make_accounts(self, n):
        rng = self.rng
        used = set()

        def account_id():
            while True:
                v = f"{rng.randrange(10**11, 10**12):012d}"
                if v not in used:
                    used.add(v)
                    return v
        names = [r.name for r in self.regions]
        self.accounts.append(Account(account_id(), "network", list(range(len(names)))))
        for i in range(1, n):
            role = "storage" if i in (1, 2) else "workload"
            if role == "storage" or rng.random() < 0.4:
                regions = list(range(len(names)))
            else:
                regions = sorted(rng.sample(range(len(names)), 2))
            self.accounts.append(Account(account_id(), role, regions))
        for r_index, region in enumerate(self.regions):
            for account in self.accounts:
                if r_index in account.regions:
                    region.dhcp[account.id] = self.new_id("dopt")
        for region in self.regions:
            region.corp_pl = self.add_prefix_list(self.accounts[0], region,
                                                  "corporate-networks", CORPORATE, shared=True)

    def add_prefix_list(self, account, region, name, entries, shared=False):
        p = PrefixList()
        p.id = self.new_id("pl")
        p.account, p.region, p.name, p.entries, p.shared = account, region, name, entries, shared
        p.max_entries = 20 if shared else 10
        p.version = self.rng.randrange(1, 12)
        self.prefix_lists.append(p)
        return p

    def pick_account(self, region_index, role):
        rng = self.rng
        if role == "shared":
            return self.accounts[0]
        candidates = [a for a in self.accounts[1:] if region_index in a.regions]
        if role == "storage":
            storage = [a for a in candidates if a.role == "storage"]
            if storage and rng.random() < 0.8:
                return rng.choice(storage)
        workload = [a for a in candidates if a.role == "workload"] or candidates
        return rng.choice(workload)

    # ---- VPCs and subnets

    def layout_for(self, role, detail):
        rng = self.rng
        if role == "shared":
            return {"egress": "egress", "inspection": "inspection"}.get(detail, "tgw-2az")
        if role == "storage":
            if detail in ("RL106", "RL302"):
                return "storage-dedicated"
            return rng.choice(["storage-shared", "storage-shared", "storage-dedicated"])
        if role == "dedicated":
            if detail in ("RL101", "RL102-route", "RL102-prefix-list"):
                return "public-2az"
            if detail == "notice-inspection":
                return "inspected-2az"
            if detail == "RL201":
                return "shared-3az"
        return rng.choices(["tgw-2az", "shared-3az", "public-2az", "tgw-3az"],
                           weights=[42, 32, 23, 3])[0]

    def make_vpc(self, region, role, detail, base=None, plen=None, layout=None):
        rng = self.rng
        ri = self.regions.index(region)
        v = Vpc()
        v.index = len(self.vpcs)
        v.region = region
        v.role = role
        v.dedicated = detail if role in ("dedicated", "storage", "overlap") else None
        v.account = self.pick_account(ri, role)
        if role in ("spoke", "dedicated"):
            v.env = rng.choice(["prod", "nonprod"])
        elif role in ("restricted", "isolated"):
            v.env = role
        elif role == "overlap":
            v.env = "isolated"  # sandboxes
        elif role == "storage":
            v.env = "storage"
        else:
            v.env = "shared"
        v.layout = layout or self.layout_for(role, detail)
        if plen is None:
            plen = 20 if role in ("storage", "shared") or rng.random() < 0.3 else 21
        if base is None:
            base = region.pool.alloc(plen)
        v.base, v.plen = base, plen
        v.id = self.new_id("vpc")
        v.cidr_assoc = self.new_id("vpc-cidr-assoc")
        v.created = self.when(0, 200 * 86400) if role == "shared" else self.when(
            200 * 86400, 800 * 86400)
        prefix = {"shared": "net", "storage": "storage", "restricted": "partner",
                  "overlap": "sandbox", "isolated": "isolated"}.get(role, v.env)
        if v.layout == "inspection":
            prefix = "inspection"
        v.name = f"{prefix}-{region.name}-{len(region.vpcs):04d}"
        self.make_subnets(v)
        self.make_main_table(v)
        self.make_default_nacl(v)
        v.default_sg = self.make_sg(v, "default", "default VPC security group")
        region.vpcs.append(v)
        self.vpcs.append(v)
        return v

    def make_subnets(self, v):
        rng = self.rng
        n_azs = len(v.region.azs)
        if v.layout in ("shared-3az", "tgw-3az", "storage-shared", "storage-dedicated",
                        "inspection"):
            azs = list(range(n_azs))
        else:
            azs = sorted(rng.sample(range(n_azs), 2))
        if v.layout == "tgw-2az":
            plan = [("app", a, 24) for a in azs] + [("tgw", a, 26) for a in azs]
        elif v.layout == "tgw-3az":
            plan = [("app", a, 24) for a in azs] + [("tgw", a, 26) for a in azs]
        elif v.layout == "shared-3az":
            plan = [("app", a, 24) for a in azs] + [("data", azs[0], 25)]
        elif v.layout == "public-2az":
            plan = [("pub", a, 26) for a in azs] + [("app", a, 24) for a in azs]
        elif v.layout == "egress":
            plan = [("pub", a, 26) for a in azs] + [("tgw", a, 26) for a in azs]
        elif v.layout == "inspected-2az":
            plan = [("app", a, 24) for a in azs] + [("tgw", a, 26) for a in azs] + \
                [("fw", a, 26) for a in azs]
        elif v.layout == "inspection":
            # /28 attachment subnets (AWS's advice) and the appliances' subnets.
            plan = [("tgw", a, 28) for a in azs] + [("fw", a, 26) for a in azs]
        elif v.layout == "storage-shared":
            plan = [("fsx", a, 24) for a in azs] + [("mgmt", azs[0], 25)]
        elif v.layout == "storage-dedicated":
            plan = [("fsx", a, 24) for a in azs] + [("tgw", a, 26) for a in azs]
        else:
            raise AssertionError(v.layout)
        blocks = block_size(v.plen) // 256
        # Storage VPCs keep their last /24 for endpoint ranges; the /25 and /26 subnets share
        # the last /24 before that; the /24 subnets come first.
        usable = blocks - 1 if v.role == "storage" else blocks
        small_block = v.base + (usable - 1) * 256
        small_next = 0
        cursor = 0 if rng.random() < 0.7 else 1
        for kind, az, plen in plan:
            if plen == 24:
                assert cursor < usable - 1, "VPC too small for its layout"
                base = v.base + cursor * 256
                cursor += 1
            else:
                size = block_size(plen)
                off = (small_next + size - 1) // size * size
                assert off + size <= 256
                base = small_block + off
                small_next = off + size
            sn = Subnet()
            sn.id = self.new_id("subnet")
            sn.vpc = v
            sn.base, sn.plen = base, plen
            sn.az = az
            sn.kind = kind
            sn.next_ip = 4 + (rng.randrange(0, 8) if plen <= 24 else 0)
            sn.name = f"{v.name}-{kind}-{v.region.azs[az][0][-1]}"
            v.subnets.append(sn)
            rt = RouteTable()
            rt.id = self.new_id("rtb")
            rt.vpc = v
            rt.main = False
            rt.subnet = sn
            rt.assoc_id = self.new_id("rtbassoc")
            rt.name = f"{sn.name}-rtb"
            sn.rtb = rt
        # Sanity: no two subnets overlap, every subnet inside the VPC.
        spans = sorted((sn.base, sn.base + block_size(sn.plen)) for sn in v.subnets)
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            assert a1 <= b0, (v.name, spans)
        assert spans[0][0] >= v.base and spans[-1][1] <= v.base + block_size(v.plen)
        if v.layout in ("public-2az", "egress"):
            v.igw = self.new_id("igw")
            self.make_nat(v)
        self.make_gateway_endpoints(v)

    def make_nat(self, v):
        """A public NAT gateway in the first public subnet, with its interface and address."""
        rng = self.rng
        sn = [x for x in v.subnets if x.kind == "pub"][0]
        n = NatGateway()
        n.id = v.nat = self.new_id("nat")
        n.vpc, n.subnet = v, sn
        n.created = v.created + rng.randrange(3600, 86400)
        n.allocation = self.new_id("eipalloc")
        n.association = self.new_id("eipassoc")
        n.public_ip = f"{rng.choice([3, 18, 34, 44, 52, 54])}.{rng.randrange(256)}." \
                      f"{rng.randrange(256)}.{rng.randrange(1, 255)}"
        n.eni = self.aws_managed_eni(sn, "nat", f"Interface for NAT Gateway {n.id}")
        v.nat_gw = n

    def make_gateway_endpoints(self, v):
        """An S3 gateway endpoint in every VPC, a DynamoDB one in some."""
        region = v.region.name
        v.vpce_s3 = self.add_endpoint(v, "Gateway", f"com.amazonaws.{region}.s3").id
        if self.rng.random() < 0.3:
            v.vpce_ddb = self.add_endpoint(v, "Gateway", f"com.amazonaws.{region}.dynamodb").id

    def add_endpoint(self, v, kind, service, subnet=None):
        ep = Endpoint()
        ep.id = self.new_id("vpce")
        ep.vpc, ep.type, ep.service, ep.subnet, ep.eni = v, kind, service, subnet, None
        ep.created = v.created + self.rng.randrange(3600, 30 * 86400)
        v.endpoints.append(ep)
        return ep

    def endpoint_routes(self, v):
        """The gateway endpoints' prefix-list routes, in every route table of the VPC."""
        out = [("pl", v.region.pl_s3, "vpce", v.vpce_s3, "active")]
        if v.vpce_ddb:
            out.append(("pl", v.region.pl_ddb, "vpce", v.vpce_ddb, "active"))
        return out

    def make_main_table(self, v):
        rt = RouteTable()
        rt.id = self.new_id("rtb")
        rt.vpc = v
        rt.main = True
        rt.assoc_id = self.new_id("rtbassoc")
        rt.name = None
        v.main_rtb = rt

    def make_default_nacl(self, v):
        n = Nacl()
        n.id = self.new_id("acl")
        n.vpc = v
        n.default = True
        n.kind = "default"
        n.name = None
        v.default_nacl = n
        v.nacls.append(n)
        for sn in v.subnets:
            sn.nacl = n
            sn.nacl_assoc = self.new_id("aclassoc")

    def make_sg(self, v, name, description, tags=True):
        g = SecurityGroup()
        g.id = self.new_id("sg")
        g.vpc = v
        g.name = name
        g.description = description
        if name == "default":
            g.ingress.append({"proto": "-1", "groups": [(v.account.id, None)]})
            g.tags = []
        elif tags:
            g.tags = [("Name", f"{v.name}-{name}")]
        g.egress.append({"proto": "-1", "cidrs": [("0.0.0.0/0", None)]})
        v.sgs.append(g)
        self.sg_count += 1
        return g

    def make_default_vpcs(self):
        """The default VPC (172.31.0.0/16) that some accounts never deleted: not attached to any
        transit gateway, so the identical CIDRs connect nothing and must not be flagged."""
        rng = self.rng
        for ri, region in enumerate(self.regions):
            for account in self.accounts:
                if ri not in account.regions or rng.random() > 0.3:
                    continue
                v = Vpc()
                v.index = len(self.vpcs)
                v.region = region
                v.role = "default"
                v.is_default = True
                v.account = account
                v.env = None
                v.layout = "default"
                v.base, v.plen = parse_cidr("172.31.0.0/16")
                v.id = self.new_id("vpc")
                v.cidr_assoc = self.new_id("vpc-cidr-assoc")
                v.created = EPOCH_2023 - 400 * 86400
                v.name = None
                v.igw = self.new_id("igw")
                self.make_gateway_endpoints(v)
                for az in range(len(region.azs)):
                    sn = Subnet()
                    sn.id = self.new_id("subnet")
                    sn.vpc = v
                    sn.base, sn.plen = v.base + az * 4096, 20
                    sn.az = az
                    sn.kind = "default"
                    sn.next_ip = 4
                    sn.name = None
                    sn.rtb = None
                    sn.default_for_az = True
                    v.subnets.append(sn)
                self.make_main_table(v)
                v.main_rtb.routes = [("cidr", v.cidr, "local", "local", "active"),
                                     ("cidr", "0.0.0.0/0", "igw", v.igw, "active")] + \
                    self.endpoint_routes(v)
                self.make_default_nacl(v)
                v.default_sg = self.make_sg(v, "default", "default VPC security group")
                region.vpcs.append(v)
                region.default_vpcs.append(v)
                self.vpcs.append(v)

    # ---- transit gateways

    def make_tgw(self, region):
        t = Tgw()
        t.id = self.new_id("tgw")
        t.region = region
        t.account = self.accounts[0]
        t.asn = 64512 + self.regions.index(region)
        t.created = EPOCH_2023 + 3 * 86400
        for name in ["shared", "storage", "prod", "nonprod", "restricted", "isolated",
                     "inspection"]:
            rt = TgwRtb()
            rt.id = self.new_id("tgw-rtb")
            rt.tgw = t
            rt.name = name
            rt.default = name == "shared"
            rt.created = t.created + 3600 * (1 + len(t.rtbs))
            t.rtbs.append(rt)
        region.tgw = t

    def rtb(self, region, name):
        for rt in region.tgw.rtbs:
            if rt.name == name:
                return rt
        raise KeyError(name)

    def make_overlaps(self, region):
        """RL202: a sandbox VPC and a later one with the same CIDR on the same transit gateway.
        The later one's CIDR is not propagated (AWS does not propagate an overlapping VPC)."""
        firsts = [v for v in region.vpcs if v.role == "overlap"]
        for first in firsts:
            second = self.make_vpc(region, "overlap", None, base=first.base, plen=first.plen,
                                   layout="tgw-2az" if first.layout != "tgw-2az" else "shared-3az")
            second.created = max(second.created, first.created + 30 * 86400)
            second.overlap_of = first
            first.dedicated = second.dedicated = "RL202"
            self.verdict("RL202", "warning", None, second.id, first.id,
                         f"VPC {second.id} ({second.cidr}, attached {iso(second.created)}) and "
                         f"VPC {first.id} ({first.cidr}) are attached to the same transit "
                         f"gateway {region.tgw.id} with the same CIDR; the later one's CIDR is "
                         f"not propagated, it is unreachable through the transit gateway")

    def make_attachments(self, region):
        rng = self.rng
        t = region.tgw
        for v in region.vpcs:
            if v.is_default:
                continue
            a = Attachment()
            a.id = self.new_id("tgw-attach")
            a.tgw = t
            a.vpc = v
            by_az = {}
            for sn in v.subnets:
                if sn.kind == "tgw":
                    by_az[sn.az] = sn
            for sn in v.subnets:
                if sn.kind in ("app", "fsx") and sn.az not in by_az and not any(
                        x.kind == "tgw" for x in v.subnets):
                    by_az[sn.az] = sn
            a.subnets = [by_az[az] for az in sorted(by_az)]
            a.created = v.created + rng.randrange(3600, 5 * 86400)
            a.appliance = v.layout in ("egress", "inspection")
            a.propagated = v.overlap_of is None
            rtb_name = "inspection" if v.layout == "inspection" else v.env
            if v.dedicated == "RL102-tgw-blackhole" and v.role == "dedicated":
                rtb_name = "restricted"
            a.rtb = self.rtb(region, rtb_name)
            a.rtb.assoc.append(a)
            v.attachment = a
            t.attachments.append(a)
            for sn in a.subnets:
                sn.attached = True
            # Propagation: every VPC into the shared (default), storage and inspection tables;
            # spokes into their environment's table; storage and shared VPCs everywhere, but
            # only shared ones into the isolated table; isolated VPCs only into the shared and
            # inspection tables (they reach shared services and the internet, nothing else).
            targets = ["shared", "storage", "inspection"]
            if v.env in ("storage", "shared"):
                targets += ["prod", "nonprod", "restricted"]
                if v.env == "shared":
                    targets.append("isolated")
            elif v.env in ("prod", "nonprod"):
                targets.append(v.env)
            elif v.env == "isolated":
                targets = ["shared", "inspection"]
            for name in targets:
                self.rtb(region, name).prop.append(a)

    # ---- inspection

    def make_appliances(self, v, kind, subnet_kind="fw"):
        """What the VPC's traffic is inspected by, one per AZ in the `subnet_kind` subnets: a
        Gateway Load Balancer endpoint (kind "gwlb") or a firewall instance (kind "appliance"),
        recorded in v.appliances as the route target to use in that AZ."""
        rng = self.rng
        region = v.region.name
        service = f"com.amazonaws.vpce.{region}.vpce-svc-0{rng.getrandbits(64):016x}"
        fw_sg = None
        if kind == "appliance":
            fw_sg = self.make_sg(v, "firewall", "Inspection appliances")
            fw_sg.ingress.append({"proto": "-1", "cidrs": [("10.0.0.0/8", "inspected traffic"),
                                                           ("172.16.0.0/12", None)]})
        for sn in v.subnets:
            if sn.kind != subnet_kind:
                continue
            if kind == "gwlb":
                ep = self.add_endpoint(v, "GatewayLoadBalancer", service, subnet=sn)
                ep.eni = self.aws_managed_eni(sn, "gwlbe", f"VPC Endpoint Interface {ep.id}")
                v.appliances[sn.az] = ("vpce", ep.id)
            else:
                i = self.make_instance(sn, [fw_sg], f"{v.name}-firewall-{sn.name[-1]}")
                i.appliance = True
                i.type = rng.choice(["c6in.xlarge", "c6in.2xlarge"])
                v.appliances[sn.az] = ("appliance", (i.id, v.account.id, i.eni.id))

    # ---- storage VPCs, file systems and their clients

    def make_storage(self, region):
        rng = self.rng
        spokes = [v for v in region.vpcs if v.role == "spoke"]
        dedicated = {}
        for v in region.vpcs:
            if v.role == "dedicated":
                dedicated.setdefault(v.dedicated, []).append(v)
        for s in [v for v in region.vpcs if v.role == "storage"]:
            kind = s.dedicated
            planted = isinstance(kind, str)
            n_fs = 1 if planted else kind
            # Clients: a handful of spokes, each admitted by its VPC CIDR (all its subnets) or by
            # one subnet's CIDR (that subnet only).
            k = min(len(spokes), rng.randint(3, 6))
            chosen = rng.sample(spokes, k)
            clients = []
            for c in chosen:
                mode = "vpc" if rng.random() < 0.75 else "subnet"
                clients.append(self.client_record(c, s, mode))
            if planted and kind in DEDICATED_CLIENT:
                c = dedicated[kind].pop()
                mode = "vpc" if kind in ("RL102-tgw-blackhole", "RL201") else "subnet"
                clients.append(self.client_record(c, s, mode, defect=kind))
            s.clients = clients
            for i in range(n_fs):
                if planted:
                    # Alternate the types over the planted defects; RL101 as in the corpus.
                    zfs = kind == "RL101" or (DEFECT_KINDS.index(kind) + len(self.fss)) % 2 == 0
                else:
                    zfs = rng.random() < 0.55
                self.make_fs(s, "OPENZFS" if zfs else "ONTAP", i, planted)
            if not planted and s.layout == "storage-shared" and rng.random() < 0.7:
                s.admin_sg = self.make_sg(s, "storage-admin", "Backup and admin hosts")
            self.plant(s)

    def client_record(self, c, s, mode, defect=None):
        rng = self.rng
        if mode == "subnet":
            # The admitted subnet: an app subnet; it gets an instance so it is a client even
            # when it also hosts the transit gateway attachment.
            candidates = [sn for sn in c.subnets if sn.kind == "app"] or c.subnets
            sn = rng.choice(candidates)
            rec = {"vpc": c, "mode": mode, "subnet": sn, "cidr": sn.cidr, "defect": defect}
        else:
            rec = {"vpc": c, "mode": mode, "subnet": None, "cidr": c.cidr, "defect": defect}
        c.client_of.append((s, rec))
        return rec

    def make_fs(self, s, fs_type, index, planted):
        rng = self.rng
        f = FileSystem()
        f.id = self.new_id("fs")
        f.type = fs_type
        f.vpc = s
        fsx = [sn for sn in s.subnets if sn.kind == "fsx"]
        pref, standby = rng.sample(fsx, 2)
        f.preferred, f.standby = pref, standby
        f.created = s.created + rng.randrange(86400, 60 * 86400)
        f.defect = s.dedicated if planted else None
        f.name = f"{s.name}-{'zfs' if fs_type == 'OPENZFS' else 'ontap'}-{index + 1}"
        # Endpoint range: OpenZFS a /28 in the VPC's last /24 (outside every subnet); ONTAP a
        # /26 there (the console's default size), or a 198.19.x range (the API default).
        last24 = s.base + block_size(s.plen) - 256
        n_zfs = sum(1 for x in s.fss if x.type == "OPENZFS")
        n_ontap = sum(1 for x in s.fss
                      if x.type == "ONTAP" and not is_ontap_default_range(x.range))
        if fs_type == "OPENZFS":
            base = last24 + 256 - 16 * (n_zfs + 1)
            f.range = (base, 28)
            f.floating = [base + rng.randrange(1, 15)]
        else:
            if not planted and rng.random() < 0.5:
                n = len([x for x in self.fss if is_ontap_default_range(x.range)])
                base = parse_cidr("198.19.0.0/16")[0] + 32 * (n + 1)
                f.range = (base, 27)
                a, b = rng.sample(range(2, 30), 2)
            else:
                base = last24 + 64 * n_ontap
                f.range = (base, 26)
                a, b = rng.sample(range(2, 62), 2)
            f.floating = [base + a, base + b]  # file-system management, SVM (NFS/SMB/mgmt)
        f.sg = self.make_sg(s, f"fsx-{'openzfs' if fs_type == 'OPENZFS' else 'ontap'}-"
                               f"{f.name.rsplit('-', 1)[1]}-sg",
                            f"Clients of FSx file system {f.name}")
        f.enis = []
        for role, sn in (("preferred", pref), ("standby", standby)):
            e = Eni()
            e.id = self.new_id("eni")
            e.subnet = sn
            e.kind = "fsx"
            e.groups = [f.sg]
            e.ip = sn.take_ip()
            if fs_type == "ONTAP":
                e.extra_ips = [sn.take_ip()]
            e.description = f"ENI for FSx {'OpenZFS' if fs_type == 'OPENZFS' else 'ONTAP'} " \
                            f"file system {f.id} ({role} file server)"
            e.mac = self.mac()
            e.tags = []
            e.requester = "AROAJ5HOZKFA3LSIVXQPE:FSx"
            sn.enis.append(e)
            f.enis.append(e)
            self.enis.append(e)
        f.capacity = rng.choice([64, 128, 256, 512, 1024, 2048]) if fs_type == "OPENZFS" else \
            rng.choice([1024, 2048, 4096, 10240])
        f.throughput = rng.choice([160, 320, 640, 1280]) if fs_type == "OPENZFS" else \
            rng.choice([128, 256, 512, 1024])
        f.volume = self.new_id("fsvol")
        f.svm = self.new_id("svm") if fs_type == "ONTAP" else None
        f.svm_uuid = self.uuid()
        f.kms = self.uuid()
        s.fss.append(f)
        self.fss.append(f)
        return f

    def plant(self, s):
        """Routes, rules and tables of a storage VPC and its clients, with its planted defect."""
        rng = self.rng
        kind = s.dedicated if isinstance(s.dedicated, str) else None
        f0 = s.fss[0]
        region = s.region
        normal = [c for c in s.clients if c["defect"] is None]
        # Client side routes (the storage side: storage_routes, once every defect is known).
        for rec in s.clients:
            c = rec["vpc"]
            if rec["defect"] == "RL101":
                pcx = self.make_peering(c, s, "fsx-access")
                rec["pcx"] = pcx
                c.fs_routes.append((rec["subnet"], s.cidr, "pcx", pcx.id))
                rec["subnet"].rtb.name += "-fsx-via-peering"
                continue
            if rec["defect"] in ("RL102-route", "notice-inspection"):
                # Never added; or the default route through the VPC's inspection appliance.
                continue
            if rec["defect"] == "RL102-prefix-list":
                # The storage networks as the client's own customer-managed list; the list
                # misses this storage VPC every second time it is planted.
                n = self.planted_count.get(rec["defect"], 0)
                self.planted_count[rec["defect"]] = n + 1
                gap = region.pool.gaps[0] if region.pool.gaps else parse_cidr("192.168.255.0/24")
                entries = [(cidr_str(*gap), "decommissioned storage network")]
                rec["complete"] = n % 2 == 1
                if rec["complete"]:
                    entries.insert(0, (s.cidr, s.name))
                rec["pl"] = self.add_prefix_list(c.account, region, "storage-networks", entries)
                c.fs_routes.append((rec["subnet"], rec["pl"].id, "tgw", region.tgw.id))
                continue
            targets = [rec["subnet"]] if rec["mode"] == "subnet" else None
            c.fs_routes.append((targets, s.cidr, "tgw", region.tgw.id))
            for f in s.fss:
                if is_ontap_default_range(f.range):
                    c.fs_routes.append((targets, cidr_str(*f.range), "tgw", region.tgw.id))

        # The file system's security group: NFS ports from every client CIDR, grouped by port
        # as the CLI prints them; the storage admin group where there is one.
        for f in s.fss:
            ports = OPENZFS_PORTS if f.type == "OPENZFS" else ONTAP_PORTS
            for proto in ("tcp", "udp"):
                for lo, hi in ports[proto]:
                    cidrs = [(rec["cidr"], f"{PORT_ROLE[lo]} {proto} from {rec['vpc'].name}")
                             for rec in s.clients]
                    if s.broad:
                        cidrs.append(("10.0.0.0/8", f"{PORT_ROLE[lo]} {proto} from the "
                                                    f"organisation"))
                    perm = {"proto": proto, "from": lo, "to": hi, "cidrs": cidrs}
                    if s.admin_sg is not None and not is_ontap_default_range(f.range):
                        perm["groups"] = [(s.account.id, s.admin_sg.id)]
                    f.sg.ingress.append(perm)
            if f.type == "ONTAP":
                f.sg.ingress.append({"proto": "tcp", "from": 443, "to": 443,
                                     "groups": [(s.account.id, (s.admin_sg or f.sg).id)]})
                f.sg.ingress.append({"proto": "icmp", "from": -1, "to": -1,
                                     "cidrs": [(s.cidr, "ping from the storage VPC")]})

        return_cidrs = []
        for rec in s.clients:
            target = ("pcx", rec["pcx"].id) if rec.get("pcx") else ("tgw", region.tgw.id)
            return_cidrs.append((rec, rec["vpc"].cidr, target))
        s.fs_return = return_cidrs

        # The defect itself.
        if kind is None:
            return
        fs = f0
        if kind == "RL101":
            rec = [c for c in s.clients if c["defect"] == kind][0]
            self.verdict("RL101", "error", fs, rec["subnet"].rtb.id, rec["subnet"].id,
                         f"route table {rec['subnet'].rtb.id} of client subnet {rec['subnet'].id} "
                         f"({rec['subnet'].cidr}) sends {s.cidr} (the VPC of {fs.id}) to VPC "
                         f"peering connection {rec['pcx'].id}; the Multi-AZ floating endpoint "
                         f"{ip_str(fs.floating[0])} is not reachable over peering")
        elif kind == "RL102-route":
            rec = [c for c in s.clients if c["defect"] == kind][0]
            self.verdict("RL102", "error", fs, rec["subnet"].rtb.id, rec["subnet"].id,
                         f"the security group of {fs.id} admits client subnet {rec['subnet'].id} "
                         f"({rec['subnet'].cidr}), but its route table {rec['subnet'].rtb.id} has "
                         f"no route to {s.cidr} (only local, the VPC endpoints and 0.0.0.0/0 to "
                         f"a NAT gateway)")
        elif kind == "RL102-tgw-blackhole":
            rec = [c for c in s.clients if c["defect"] == kind][0]
            rt = self.rtb(region, "restricted")
            rt.static.append((s.cidr, None))
            self.verdict("RL102", "error", fs, rt.id, rec["vpc"].id,
                         f"client VPC {rec['vpc'].id} ({rec['vpc'].cidr}) is associated with "
                         f"transit gateway route table {rt.id}, which has a static blackhole "
                         f"route for {s.cidr} (the VPC of {fs.id}); static beats the propagated "
                         f"route")
        elif kind == "RL103":
            rec = rng.choice(normal)
            s.victim = rec
            self.verdict("RL103", "error", fs, fs.standby.rtb.id,
                         rec["subnet"].id if rec["mode"] == "subnet" else rec["vpc"].id,
                         f"route table {fs.standby.rtb.id} of the standby subnet {fs.standby.id} "
                         f"has no route back to client {rec['vpc'].id} ({rec['vpc'].cidr}); "
                         f"replies fail after a failover")
        elif kind == "RL106":
            # The attachment subnet in an AZ where a client runs loses its endpoint route.
            az, client_sn = self.client_subnet_for_entry(s)
            tgw_sn = [sn for sn in s.subnets if sn.kind == "tgw" and sn.az == az][0]
            s.rl106_table = tgw_sn.rtb
            self.verdict("RL106", "error", fs, tgw_sn.rtb.id, client_sn.id,
                         f"transit gateway attachment subnet {tgw_sn.id} "
                         f"({region.azs[az][0]}) uses route table {tgw_sn.rtb.id}, which is not "
                         f"in RouteTableIds of {fs.id} and has no route to "
                         f"{ip_str(fs.floating[0])}/32; clients in {region.azs[az][0]} such as "
                         f"{client_sn.id} enter there")
        elif kind == "RL201":
            rec = [c for c in s.clients if c["defect"] == kind][0]
            c = rec["vpc"]
            omit = [sn for sn in c.subnets if sn.kind == "app"][-1]
            c.tgw_omit_az = omit.az
            a = c.attachment
            a.subnets = [sn for sn in a.subnets if sn is not omit]
            omit.attached = False
            self.verdict("RL201", "error", fs, a.id, omit.id,
                         f"client subnet {omit.id} ({region.azs[omit.az][0]}) of VPC {c.id} "
                         f"routes {s.cidr} to the transit gateway, but the VPC's attachment has "
                         f"no subnet in {region.azs[omit.az][0]}")
            rec["omit"] = omit
        elif kind in ("RL301-tcp2049", "RL301-udp"):
            rec = rng.choice(normal)
            s.victim = rec
            # Rebuild the file system's group without the victim's rules.
            f = fs
            f.sg.ingress = []
            ports = OPENZFS_PORTS if f.type == "OPENZFS" else ONTAP_PORTS
            for proto in ("tcp", "udp"):
                for lo, hi in ports[proto]:
                    drop = (kind == "RL301-tcp2049" and proto == "tcp" and lo == 2049) or \
                           (kind == "RL301-udp" and proto == "udp")
                    cidrs = [(r["cidr"], f"{PORT_ROLE[lo]} {proto} from {r['vpc'].name}")
                             for r in s.clients if not (drop and r is rec)]
                    f.sg.ingress.append({"proto": proto, "from": lo, "to": hi, "cidrs": cidrs})
            if f.type == "ONTAP":
                f.sg.ingress.append({"proto": "icmp", "from": -1, "to": -1,
                                     "cidrs": [(s.cidr, "ping from the storage VPC")]})
            if kind == "RL301-tcp2049":
                self.verdict("RL301", "error", fs, f.sg.id, rec["cidr"],
                             f"security group {f.sg.id} of {fs.id} admits client "
                             f"{rec['vpc'].id} ({rec['cidr']}) on every NFS port except TCP "
                             f"2049: no NFS at all")
            else:
                udp = ", ".join(f"{lo}" if lo == hi else f"{lo}-{hi}"
                                for lo, hi in ports["udp"])
                self.verdict("RL301", "warning", fs, f.sg.id, rec["cidr"],
                             f"security group {f.sg.id} of {fs.id} admits client "
                             f"{rec['vpc'].id} ({rec['cidr']}) on TCP only, not UDP {udp}: "
                             f"NFSv3 fails, NFSv4.x over TCP works")
        elif kind == "RL102-prefix-list":
            rec = [c for c in s.clients if c["defect"] == kind][0]
            table = rec["subnet"].rtb.id
            pl = rec["pl"]
            if not self.exports_prefix_lists(rec["vpc"].account):
                self.verdict(None, "notice", fs, table, rec["subnet"].id,
                             f"route table {table} of client subnet {rec['subnet'].id} sends "
                             f"customer-managed prefix list {pl.id} to the transit gateway; the "
                             f"export of account {rec['vpc'].account.id} lacks its entries, so "
                             f"whether it covers {s.cidr} is not known")
            elif not rec["complete"]:
                self.verdict("RL102", "error", fs, table, rec["subnet"].id,
                             f"route table {table} of client subnet {rec['subnet'].id} sends "
                             f"customer-managed prefix list {pl.id} to the transit gateway, but "
                             f"the list does not hold {s.cidr} (the VPC of {fs.id}); the rest "
                             f"goes to a NAT gateway")
        elif kind == "notice-inspection":
            rec = [c for c in s.clients if c["defect"] == kind][0]
            c, sn = rec["vpc"], rec["subnet"]
            target = c.appliances[sn.az]
            what = "Gateway Load Balancer endpoint" if target[0] == "vpce" else "firewall"
            self.verdict(None, "notice", fs, sn.rtb.id, sn.id,
                         f"route table {sn.rtb.id} of client subnet {sn.id} sends 0.0.0.0/0, and "
                         f"so {s.cidr} (the VPC of {fs.id}), through the {what} of its AZ: what "
                         f"comes after an appliance is outside a static model")
        elif kind == "RL302":
            n = Nacl()
            n.id = self.new_id("acl")
            n.vpc = s
            n.default = False
            n.kind = "ephemeral-out"
            n.name = f"{s.name}-fsx-nacl"
            s.nacls.append(n)
            fs.preferred.nacl = n
            fs.preferred.nacl_assoc = self.new_id("aclassoc")
            self.verdict("RL302", "error", fs, n.id, None,
                         f"network ACL {n.id} on the preferred subnet {fs.preferred.id} of "
                         f"{fs.id} allows outbound traffic only to ports 1024-65535; NFS replies "
                         f"to the clients' reserved source ports (665-1023) are dropped")

    def client_subnet_for_entry(self, s):
        """A client subnet of `s` (it gets an instance) and its AZ: where RL106 breaks the entry."""
        for rec in sorted(s.clients, key=lambda r: r["vpc"].index):
            if rec["defect"] is not None or rec["mode"] != "vpc":
                continue
            for sn in rec["vpc"].subnets:
                if sn.kind == "app":
                    rec.setdefault("force_instance", []).append(sn)
                    return sn.az, sn
        # No vpc-mode client: use a subnet-mode one.
        rec = [r for r in s.clients if r["defect"] is None][0]
        rec.setdefault("force_instance", []).append(rec["subnet"])
        return rec["subnet"].az, rec["subnet"]

    def verdict(self, rule, level, fs, resource, client, why):
        self.verdicts.append({"rule": rule, "level": level,
                              "filesystem": fs.id if fs else None, "resource": resource,
                              "client": client, "why": why})

    def make_peering(self, a, b, purpose):
        p = Peering()
        p.id = self.new_id("pcx")
        p.requester, p.accepter = a, b
        p.name = f"pcx-{a.name}-{b.name}-{purpose}"
        self.peerings.append(p)
        return p

    # ---- noise: peerings, routes to other VPCs, summaries

    def eligible_peer(self, v):
        return v.role in ("spoke", "shared", "restricted") and not v.is_default

    def make_peerings(self):
        """Peering between ordinary VPCs (never a storage VPC, so no file system is involved)."""
        rng = self.rng
        pool = [v for v in self.vpcs if v.role == "spoke" and not v.client_of]
        n = max(2, round(60 * self.scale))
        pairs = set()
        for _ in range(n * 3):
            if len(pairs) >= n or len(pool) < 2:
                break
            a, b = rng.sample(pool, 2)
            key = (min(a.index, b.index), max(a.index, b.index))
            if key in pairs:
                continue
            pairs.add(key)
            p = self.make_peering(a, b, "app")
            a.pcx_routes.append((b.cidr, p.id))
            b.pcx_routes.append((a.cidr, p.id))

    def make_noise_routes(self):
        rng = self.rng
        for region in self.regions:
            peers = [v for v in region.vpcs if self.eligible_peer(v)]
            shared = [v for v in region.vpcs if v.role == "shared"]
            for v in region.vpcs:
                if v.is_default:
                    continue
                if v.role == "storage":
                    v.peer_routes = [x.cidr for x in shared
                                     if x.layout not in ("egress", "inspection")]
                    continue
                if v.layout == "inspection":
                    continue
                m = rng.randrange(15)
                chosen = rng.sample(peers, min(m, len(peers)))
                v.peer_routes = [x.cidr for x in chosen if x is not v]
                s = []
                if rng.random() < 0.85:
                    s.append("10.0.0.0/8")
                if rng.random() < 0.6:
                    s.append("172.16.0.0/12")
                if rng.random() < 0.3:
                    s.append("192.168.0.0/16")
                v.summaries = s

    # ---- security groups and instances

    def make_security_groups(self):
        rng = self.rng
        target = round(10000 * self.scale)
        spokes = [v for v in self.vpcs if not v.is_default and v.role != "storage"]
        # A group every client VPC's hosts use for NFS.
        for v in spokes:
            if v.client_of:
                g = self.make_sg(v, "nfs-client", "NFS clients")
                g.ingress.append({"proto": "tcp", "from": 22, "to": 22,
                                  "pls": [(v.region.corp_pl.id,
                                           "SSH from the corporate network")]})
        kinds = ["web", "app", "db", "bastion", "endpoints", "monitoring", "batch", "nfs"]
        while self.sg_count < target:
            v = rng.choice(spokes)
            kind = rng.choice(kinds)
            names = {g.name for g in v.sgs}
            if kind in names:
                kind = f"{kind}-{len(v.sgs)}"
            self.noise_sg(v, kind)

    def noise_sg(self, v, kind):
        rng = self.rng
        base = kind.split("-")[0]
        g = self.make_sg(v, kind, {
            "web": "Load balancer and web tier", "app": "Application tier",
            "db": "Database tier", "bastion": "Bastion hosts", "endpoints":
            "Interface VPC endpoints", "monitoring": "Metrics scraping",
            "batch": "Batch workers", "nfs": "Self-managed NFS servers"}[base])
        others = [x for x in v.sgs if x is not g and x.name != "default"]
        if base == "web":
            g.ingress.append({"proto": "tcp", "from": 443, "to": 443,
                              "cidrs": [("0.0.0.0/0", None)]})
            g.ingress.append({"proto": "tcp", "from": 80, "to": 80,
                              "pls": [(v.region.corp_pl.id,
                                       "HTTP from the corporate network")]})
        elif base == "app":
            src = rng.choice(others) if others else None
            perm = {"proto": "tcp", "from": 8080, "to": 8080}
            if src:
                perm["groups"] = [(v.account.id, src.id)]
            else:
                perm["cidrs"] = [(v.cidr, "VPC")]
            g.ingress.append(perm)
        elif base == "db":
            src = rng.choice(others) if others else None
            port = rng.choice([5432, 3306, 6379])
            perm = {"proto": "tcp", "from": port, "to": port}
            if src:
                perm["groups"] = [(v.account.id, src.id)]
            else:
                perm["cidrs"] = [(v.cidr, None)]
            g.ingress.append(perm)
            # Locked-down egress: only HTTPS to S3. Never on a host that mounts a file system.
            g.egress = [{"proto": "tcp", "from": 443, "to": 443,
                         "pls": [(v.region.pl_s3, None)]}]
            g.open_egress = False
        elif base == "bastion":
            g.ingress.append({"proto": "tcp", "from": 22, "to": 22,
                              "pls": [(v.region.corp_pl.id, None)]})
        elif base == "endpoints":
            g.ingress.append({"proto": "tcp", "from": 443, "to": 443,
                              "cidrs": [(v.cidr, "HTTPS from the VPC")]})
        elif base == "monitoring":
            g.ingress.append({"proto": "tcp", "from": 9100, "to": 9100,
                              "cidrs": [("10.0.0.0/8", "node exporter")]})
            g.ingress.append({"proto": "icmp", "from": -1, "to": -1,
                              "cidrs": [("10.0.0.0/8", None)]})
        elif base == "nfs":
            # A broad rule on the NFS ports, on a group that no file system uses.
            for proto in ("tcp", "udp"):
                for port in (111, 2049):
                    g.ingress.append({"proto": proto, "from": port, "to": port,
                                      "cidrs": [("10.0.0.0/8", "NFS from the organisation")]})
        else:
            g.ingress.append({"proto": "-1", "groups": [(v.account.id, g.id)]})
        return g

    def make_instance(self, sn, groups, name):
        rng = self.rng
        i = Instance()
        i.id = self.new_id("i")
        i.subnet = sn
        i.groups = groups
        i.type = rng.choice(INSTANCE_TYPES)
        i.launch = self.when(400 * 86400, 1000 * 86400)
        i.name = name
        i.client_token = self.uuid()
        i.volume = self.new_id("vol")
        i.appliance = False
        e = Eni()
        e.id = self.new_id("eni")
        e.subnet = sn
        e.kind = "instance"
        e.groups = groups
        e.ip = sn.take_ip()
        e.description = ""
        e.instance = i
        e.attach_id = self.new_id("eni-attach")
        e.attach_time = i.launch
        e.mac = self.mac()
        e.tags = []
        e.requester = None
        sn.enis.append(e)
        self.enis.append(e)
        i.eni = e
        self.instances.append(i)
        return i

    def make_instances(self):
        rng = self.rng
        target = max(20, round(self.instances_target * self.scale))
        # Clients first: every client VPC gets a host or two, every admitted subnet one.
        for v in self.vpcs:
            if not v.client_of:
                continue
            nfs = [g for g in v.sgs if g.name == "nfs-client"][0]
            open_groups = [g for g in v.sgs if g.open_egress and g.name not in
                           ("default", "nfs-client")]
            hosts = []
            for s, rec in v.client_of:
                if rec["mode"] == "subnet":
                    hosts.append(rec["subnet"])
                hosts += rec.get("force_instance", [])
                if rec.get("omit") is not None:
                    hosts.append(rec["omit"])
            if not hosts or rng.random() < 0.6:
                app = [sn for sn in v.subnets if sn.kind in ("app", "data")]
                hosts.append(rng.choice(app))
            seen = []
            for sn in hosts:
                if sn in seen:
                    continue
                seen.append(sn)
                groups = [nfs] + ([rng.choice(open_groups)] if open_groups and
                                  rng.random() < 0.5 else [])
                self.make_instance(sn, groups, f"{v.name}-nfs-client")
        # Admin hosts in storage VPCs (in-VPC clients through the security group reference).
        for v in self.vpcs:
            if v.role == "storage" and v.admin_sg is not None:
                sn = [x for x in v.subnets if x.kind == "mgmt"][0]
                self.make_instance(sn, [v.admin_sg], f"{v.name}-backup")
        # Everything else: workload hosts in VPCs that are nobody's client.
        others = [v for v in self.vpcs if v.role in ("spoke", "shared", "restricted", "isolated")
                  and not v.client_of]
        while len(self.instances) < target and others:
            v = rng.choice(others)
            subnets = [sn for sn in v.subnets if sn.kind in ("app", "data", "pub")]
            if not subnets:
                continue
            sn = rng.choice(subnets)
            groups = [g for g in v.sgs if g.name != "default"]
            groups = rng.sample(groups, min(len(groups), rng.choice([1, 1, 2]))) or [v.default_sg]
            self.make_instance(sn, groups, f"{v.name}-{groups[0].name.split('-')[0]}")

    # ---- network ACLs

    def make_nacls(self):
        """Custom ACLs on app subnets of some VPCs: 'internal' (open to the private ranges and
        198.19.0.0/16, where ONTAP endpoints may live) in client VPCs, 'strict' elsewhere."""
        rng = self.rng
        for v in self.vpcs:
            if v.is_default or v.role in ("storage", "shared") or v.dedicated:
                continue
            if rng.random() > 0.1:
                continue
            n = Nacl()
            n.id = self.new_id("acl")
            n.vpc = v
            n.default = False
            n.kind = "internal" if (v.client_of or rng.random() < 0.5) else "strict"
            n.name = f"{v.name}-{n.kind}-nacl"
            v.nacls.append(n)
            for sn in v.subnets:
                if sn.kind in ("app", "data") and not sn.attached:
                    sn.nacl = n
            if not any(sn.nacl is n for sn in v.subnets):
                v.nacls.remove(n)

    # ---- transit gateway routes

    def make_tgw_routes(self):
        rng = self.rng
        for region in self.regions:
            egress = [v for v in region.vpcs if v.layout == "egress"][0]
            inspection = [v for v in region.vpcs if v.layout == "inspection"][0]
            for rt in region.tgw.rtbs:
                # Spokes go out (and to anything not propagated) through the inspection VPC,
                # partners straight through the egress VPC, the inspection VPC after inspection.
                if rt.name in ("prod", "nonprod"):
                    rt.static.append(("0.0.0.0/0", inspection.attachment))
                elif rt.name in ("restricted", "inspection", "isolated"):
                    rt.static.append(("0.0.0.0/0", egress.attachment))
                if rt.name in ("prod", "nonprod", "restricted"):
                    rt.static.append(("192.168.0.0/16", None))
                    for gap in rng.sample(region.pool.gaps, min(2, len(region.pool.gaps))):
                        rt.static.append((cidr_str(*gap), None))
                if rt.name == "isolated":
                    # Isolated VPCs reach no private network through the egress VPC.
                    for cidr in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"):
                        rt.static.append((cidr, None))
                if rt.name in ("prod", "nonprod", "restricted", "inspection"):
                    for f in self.fss:
                        if f.vpc.region is region and is_ontap_default_range(f.range):
                            rt.static.append((cidr_str(*f.range), f.vpc.attachment))

    # ---- VPC routes, assembled

    def finish_routes(self):
        rng = self.rng
        for v in self.vpcs:
            if v.is_default:
                continue
            v.main_rtb.routes = [("cidr", v.cidr, "local", "local", "active")]
            if v.igw and rng.random() < 0.3:
                v.main_rtb.routes.append(("cidr", "0.0.0.0/0", "igw", v.igw, "active"))
            v.main_rtb.routes += self.endpoint_routes(v)
            if v.role == "storage":
                self.storage_routes(v)
                self.share_tables(v)
                continue
            tgw = v.region.tgw.id
            # Which of this VPC's subnets are clients admitted by subnet CIDR with a planted
            # defect: their tables must not reach the file system by any other way.
            planted_tables = set()
            for s, rec in v.client_of:
                if rec["defect"] in ("RL101", "RL102-route", "RL102-prefix-list"):
                    planted_tables.add(rec["subnet"].rtb.id)
            gaps = v.region.pool.gaps
            # On-premises networks through the transit gateway, by the shared corporate list.
            corp = v.role in ("spoke", "restricted") and rng.random() < 0.4
            for sn in v.subnets:
                rt = sn.rtb
                routes = [("cidr", v.cidr, "local", "local", "active")]
                planted = rt.id in planted_tables
                if v.layout == "inspection":
                    # From the transit gateway to the appliance in the AZ, and back.
                    if sn.kind == "tgw":
                        routes.append(("cidr", "0.0.0.0/0") + v.appliances[sn.az] + ("active",))
                    else:
                        routes.append(("cidr", "0.0.0.0/0", "tgw", tgw, "active"))
                    rt.routes = routes + self.endpoint_routes(v)
                    continue
                if v.layout == "inspected-2az":
                    # Everything leaves the app subnets through the appliance of their AZ.
                    if sn.kind == "app":
                        routes.append(("cidr", "0.0.0.0/0") + v.appliances[sn.az] + ("active",))
                    elif sn.kind == "fw":
                        routes.append(("cidr", "0.0.0.0/0", "tgw", tgw, "active"))
                    rt.routes = routes + self.endpoint_routes(v)
                    continue
                if v.layout == "egress":
                    if sn.kind == "pub":
                        routes.append(("cidr", "0.0.0.0/0", "igw", v.igw, "active"))
                        routes.append(("cidr", "10.0.0.0/8", "tgw", tgw, "active"))
                        routes.append(("cidr", "172.16.0.0/12", "tgw", tgw, "active"))
                        routes.append(("cidr", "192.168.0.0/16", "tgw", tgw, "active"))
                    else:
                        routes.append(("cidr", "0.0.0.0/0", "nat", v.nat, "active"))
                elif sn.kind == "pub":
                    routes.append(("cidr", "0.0.0.0/0", "igw", v.igw, "active"))
                elif v.nat:
                    routes.append(("cidr", "0.0.0.0/0", "nat", v.nat, "active"))
                elif not planted:
                    routes.append(("cidr", "0.0.0.0/0", "tgw", tgw, "active"))
                routes += self.endpoint_routes(v)
                if not planted and v.layout != "egress":
                    for s in v.summaries:
                        routes.append(("cidr", s, "tgw", tgw, "active"))
                if corp and not planted:
                    routes.append(("pl", v.region.corp_pl.id, "tgw", tgw, "active"))
                for cidr in v.peer_routes:
                    routes.append(("cidr", cidr, "tgw", tgw, "active"))
                for cidr, pcx in v.pcx_routes:
                    routes.append(("cidr", cidr, "pcx", pcx, "active"))
                for targets, cidr, kind, target in v.fs_routes:
                    if targets is None or sn in (targets if isinstance(targets, list)
                                                 else [targets]):
                        dest_kind = "pl" if cidr.startswith("pl-") else "cidr"
                        routes.append((dest_kind, cidr, kind, target, "active"))
                if rng.random() < 0.1:
                    # A route to a decommissioned network whose target is gone.
                    if gaps and rng.random() < 0.6:
                        dest = cidr_str(*rng.choice(gaps))
                    else:
                        dest = f"192.168.{rng.randrange(256)}.0/24"
                    kind = rng.choice(["pcx", "nat", "eni"])
                    routes.append(("cidr", dest, kind, self.new_id(
                        {"pcx": "pcx", "nat": "nat", "eni": "eni"}[kind]), "blackhole"))
                rt.routes = routes
            self.share_tables(v)

    def share_tables(self, v):
        """In half the VPCs that allow it, subnets whose tables hold the same routes share one
        table: public subnets one, the others one (a storage VPC's file-system, attachment and
        management subnets alike). Not where a table is planted or a subnet is a client by its
        own CIDR: there each subnet keeps its own."""
        planted = isinstance(v.dedicated, str) or v.role == "dedicated"
        by_cidr = any(rec["mode"] == "subnet" for _, rec in v.client_of)
        if planted or by_cidr or self.rng.random() < 0.5:
            return
        first = {}
        for sn in v.subnets:
            key = (sn.kind == "pub", tuple(sn.rtb.routes))
            rt = first.setdefault(key, sn.rtb)
            if rt is sn.rtb:
                continue
            rt.shared.append((sn, sn.rtb.assoc_id))
            sn.rtb = rt
        for rt in first.values():
            if rt.shared:
                kinds = {rt.subnet.kind} | {sn.kind for sn, _ in rt.shared}
                rt.name = f"{v.name}-{kinds.pop() if len(kinds) == 1 else 'private'}-rtb"
        for f in v.fss:
            f.rtbs = [rt.id for rt in vpc_tables(v)
                      if not rt.main and rt is not v.rl106_table]
            # The preferred and standby subnets' tables first, as FSx lists them.
            lead = [f.preferred.rtb.id, f.standby.rtb.id]
            f.rtbs = list(dict.fromkeys(lead + f.rtbs))

    def storage_routes(self, s):
        tgw = s.region.tgw.id
        victim = getattr(s, "victim", None) if s.dedicated == "RL103" else None
        rl106 = getattr(s, "rl106_table", None)
        for sn in s.subnets:
            rt = sn.rtb
            routes = [("cidr", s.cidr, "local", "local", "active")]
            if rt is not rl106:
                for f in s.fss:
                    for ip in f.floating:
                        routes.append(("cidr", f"{ip_str(ip)}/32", "eni", f.enis[0].id, "active"))
            routes += self.endpoint_routes(s)
            for cidr in s.peer_routes:
                routes.append(("cidr", cidr, "tgw", tgw, "active"))
            if s.broad:
                routes.append(("cidr", "10.0.0.0/8", "tgw", tgw, "active"))
            for rec, cidr, (kind, target) in s.fs_return:
                if victim is rec and sn is s.fss[0].standby:
                    continue
                routes.append(("cidr", cidr, kind, target, "active"))
            rt.routes = routes
        for f in s.fss:
            f.rtbs = list(dict.fromkeys([f.preferred.rtb.id, f.standby.rtb.id] + [
                sn.rtb.id for sn in s.subnets
                if sn not in (f.preferred, f.standby) and sn.rtb is not rl106]))


# ----------------------------------------------------------------------------------------------
# JSON, in the shapes the AWS CLI prints (key order as in shared/corpus/describe/)

def tags(pairs):
    return [{"Key": k, "Value": v} for k, v in pairs]


def name_tags(name, extra=()):
    return tags(([("Name", name)] if name else []) + list(extra))


def vpc_json(v):
    return {
        "OwnerId": v.account.id,
        "InstanceTenancy": "default",
        "Ipv6CidrBlockAssociationSet": [],
        "CidrBlockAssociationSet": [{
            "AssociationId": v.cidr_assoc,
            "CidrBlock": v.cidr,
            "CidrBlockState": {"State": "associated"},
        }],
        "IsDefault": v.is_default,
        "Tags": name_tags(v.name, [("env", v.env)] if v.env else []),
        "VpcId": v.id,
        "State": "available",
        "CidrBlock": v.cidr,
        "DhcpOptionsId": v.region.dhcp[v.account.id],
    }


def subnet_json(sn):
    v = sn.vpc
    region = v.region
    az_name, az_id = region.azs[sn.az]
    return {
        "AvailabilityZoneId": az_id,
        "OwnerId": v.account.id,
        "AssignIpv6AddressOnCreation": False,
        "Ipv6CidrBlockAssociationSet": [],
        "Tags": name_tags(sn.name),
        "SubnetArn": f"arn:aws:ec2:{region.name}:{v.account.id}:subnet/{sn.id}",
        "Ipv6Native": False,
        "PrivateDnsNameOptionsOnLaunch": {
            "HostnameType": "ip-name",
            "EnableResourceNameDnsARecord": False,
            "EnableResourceNameDnsAAAARecord": False,
        },
        "SubnetId": sn.id,
        "State": "available",
        "VpcId": v.id,
        "CidrBlock": sn.cidr,
        "AvailableIpAddressCount": block_size(sn.plen) - 5 - len(sn.enis),
        "AvailabilityZone": az_name,
        "DefaultForAz": sn.default_for_az,
        "MapPublicIpOnLaunch": sn.kind in ("pub", "default"),
    }


def route_json(r):
    kind, dest, target_kind, target, state = r
    out = {"DestinationPrefixListId": dest} if kind == "pl" else {"DestinationCidrBlock": dest}
    origin = "CreateRouteTable" if target_kind == "local" else "CreateRoute"
    if target_kind == "appliance":
        out["InstanceId"], out["InstanceOwnerId"], out["NetworkInterfaceId"] = target
        out["Origin"] = origin
        out["State"] = state
        return out
    if target_kind == "pcx":
        out["Origin"] = origin
        out["State"] = state
        out["VpcPeeringConnectionId"] = target
        return out
    key = {"local": "GatewayId", "igw": "GatewayId", "vpce": "GatewayId",
           "nat": "NatGatewayId", "tgw": "TransitGatewayId",
           "eni": "NetworkInterfaceId"}[target_kind]
    out[key] = target
    out["Origin"] = origin
    out["State"] = state
    return out


def route_table_json(rt):
    v = rt.vpc
    if rt.main:
        assocs = [{"Main": True, "RouteTableAssociationId": rt.assoc_id, "RouteTableId": rt.id,
                   "AssociationState": {"State": "associated"}}]
    else:
        assocs = [{"Main": False, "RouteTableAssociationId": assoc_id, "RouteTableId": rt.id,
                   "SubnetId": sn.id, "AssociationState": {"State": "associated"}}
                  for sn, assoc_id in [(rt.subnet, rt.assoc_id)] + rt.shared]
    return {
        "Associations": assocs,
        "RouteTableId": rt.id,
        "Routes": [route_json(r) for r in rt.routes],
        "Tags": name_tags(rt.name),
        "VpcId": v.id,
        "OwnerId": v.account.id,
    }


def nacl_entry(number, protocol, action, egress, cidr, ports=None):
    e = {"CidrBlock": cidr, "Egress": egress}
    if ports:
        e["PortRange"] = {"From": ports[0], "To": ports[1]}
    e["Protocol"] = protocol
    e["RuleAction"] = action
    e["RuleNumber"] = number
    return e


def nacl_entries(n):
    v = n.vpc
    out = []
    for egress in (True, False):
        if n.kind == "default":
            rules = [(100, "-1", "allow", "0.0.0.0/0", None)]
        elif n.kind == "internal":
            rules = [(100, "-1", "allow", "10.0.0.0/8", None),
                     (110, "-1", "allow", "172.16.0.0/12", None),
                     (120, "-1", "allow", "198.19.0.0/16", None),
                     (200, "6", "allow", "0.0.0.0/0", (443, 443)),
                     (210, "6", "allow", "0.0.0.0/0", (1024, 65535))]
        elif n.kind == "strict":
            rules = [(100, "6", "allow", v.cidr, (443, 443)),
                     (110, "6", "allow", "0.0.0.0/0", (1024, 65535))]
            if egress:
                rules = [(100, "6", "allow", "0.0.0.0/0", (443, 443)),
                         (110, "6", "allow", "0.0.0.0/0", (1024, 65535))]
        elif n.kind == "ephemeral-out":
            if egress:
                rules = [(100, "6", "allow", "0.0.0.0/0", (1024, 65535)),
                         (110, "17", "allow", "0.0.0.0/0", (1024, 65535))]
            else:
                rules = [(100, "-1", "allow", "0.0.0.0/0", None)]
        else:
            raise AssertionError(n.kind)
        for number, proto, action, cidr, ports in rules:
            out.append(nacl_entry(number, proto, action, egress, cidr, ports))
        out.append(nacl_entry(32767, "-1", "deny", egress, "0.0.0.0/0"))
    return out


def nacl_json(n):
    v = n.vpc
    return {
        "Associations": [{"NetworkAclAssociationId": sn.nacl_assoc, "NetworkAclId": n.id,
                          "SubnetId": sn.id} for sn in v.subnets if sn.nacl is n],
        "Entries": nacl_entries(n),
        "IsDefault": n.default,
        "NetworkAclId": n.id,
        "Tags": name_tags(n.name),
        "VpcId": v.id,
        "OwnerId": v.account.id,
    }


def permission_json(p):
    out = {"IpProtocol": p["proto"]}
    if p["proto"] != "-1":
        out["FromPort"] = p["from"]
        out["ToPort"] = p["to"]
    out["UserIdGroupPairs"] = [{"UserId": u, "GroupId": g} for u, g in p.get("groups", [])]
    ranges = []
    for cidr, desc in p.get("cidrs", []):
        ranges.append({"Description": desc, "CidrIp": cidr} if desc else {"CidrIp": cidr})
    out["IpRanges"] = ranges
    out["Ipv6Ranges"] = []
    out["PrefixListIds"] = [{"Description": d, "PrefixListId": pl} if d else
                            {"PrefixListId": pl} for pl, d in p.get("pls", [])]
    return out


def sg_json(g):
    v = g.vpc
    ingress = []
    for p in g.ingress:
        if p["proto"] == "-1" and p.get("groups") and p["groups"][0][1] is None:
            p = dict(p, groups=[(p["groups"][0][0], g.id)])  # the default group's self reference
        ingress.append(permission_json(p))
    return {
        "GroupId": g.id,
        "IpPermissionsEgress": [permission_json(p) for p in g.egress],
        "Tags": tags(g.tags),
        "VpcId": v.id,
        "SecurityGroupArn": f"arn:aws:ec2:{v.region.name}:{v.account.id}:security-group/{g.id}",
        "OwnerId": v.account.id,
        "GroupName": g.name,
        "Description": g.description,
        "IpPermissions": ingress,
    }


def dns_name(ip, region):
    host = "ip-" + ip_str(ip).replace(".", "-")
    return f"{host}.ec2.internal" if region == "us-east-1" else f"{host}.{region}.compute.internal"


def eni_json(e):
    sn = e.subnet
    v = sn.vpc
    region = v.region.name
    out = {}
    if e.kind == "instance":
        out["Attachment"] = {
            "AttachTime": iso(e.attach_time),
            "AttachmentId": e.attach_id,
            "DeleteOnTermination": True,
            "DeviceIndex": 0,
            "NetworkCardIndex": 0,
            "InstanceId": e.instance.id,
            "InstanceOwnerId": v.account.id,
            "Status": "attached",
        }
    elif e.kind == "tgw":
        out["Attachment"] = {
            "AttachTime": iso(e.attach_time),
            "AttachmentId": e.attach_id,
            "DeleteOnTermination": False,
            "DeviceIndex": 1,
            "NetworkCardIndex": 0,
            "InstanceOwnerId": "amazon-aws",
            "Status": "attached",
        }
    out["AvailabilityZone"] = v.region.azs[sn.az][0]
    out["Description"] = e.description
    out["Groups"] = [{"GroupId": g.id, "GroupName": g.name} for g in e.groups]
    out["InterfaceType"] = {"tgw": "transit_gateway", "nat": "nat_gateway",
                            "gwlbe": "gateway_load_balancer_endpoint"}.get(e.kind, "interface")
    out["Ipv6Addresses"] = []
    out["MacAddress"] = e.mac
    out["NetworkInterfaceId"] = e.id
    out["OwnerId"] = v.account.id
    out["PrivateDnsName"] = dns_name(e.ip, region)
    out["PrivateIpAddress"] = ip_str(e.ip)
    ips = [{"Primary": True, "PrivateDnsName": dns_name(e.ip, region),
            "PrivateIpAddress": ip_str(e.ip)}]
    for ip in e.extra_ips:
        ips.append({"Primary": False, "PrivateDnsName": dns_name(ip, region),
                    "PrivateIpAddress": ip_str(ip)})
    out["PrivateIpAddresses"] = ips
    if e.requester:
        out["RequesterId"] = e.requester
    out["RequesterManaged"] = e.kind != "instance"
    out["SourceDestCheck"] = e.kind == "instance" and not (e.instance and e.instance.appliance)
    out["Status"] = "in-use"
    out["SubnetId"] = sn.id
    out["TagSet"] = tags(e.tags)
    out["VpcId"] = v.id
    return out


def instance_json(i):
    e = i.eni
    sn = i.subnet
    v = sn.vpc
    region = v.region
    groups = [{"GroupId": g.id, "GroupName": g.name} for g in i.groups]
    return {
        "Architecture": "arm64" if i.type[2:3] == "g" else "x86_64",
        "BlockDeviceMappings": [{
            "DeviceName": "/dev/xvda",
            "Ebs": {"AttachTime": iso(i.launch), "DeleteOnTermination": True,
                    "Status": "attached", "VolumeId": i.volume},
        }],
        "ClientToken": i.client_token,
        "EbsOptimized": True,
        "Hypervisor": "xen",
        "NetworkInterfaces": [{
            "Attachment": {
                "AttachTime": iso(i.launch),
                "AttachmentId": e.attach_id,
                "DeleteOnTermination": True,
                "DeviceIndex": 0,
                "Status": "attached",
                "NetworkCardIndex": 0,
            },
            "Description": "",
            "Groups": groups,
            "Ipv6Addresses": [],
            "MacAddress": e.mac,
            "NetworkInterfaceId": e.id,
            "OwnerId": v.account.id,
            "PrivateDnsName": dns_name(e.ip, region.name),
            "PrivateIpAddress": ip_str(e.ip),
            "PrivateIpAddresses": [{"Primary": True,
                                    "PrivateDnsName": dns_name(e.ip, region.name),
                                    "PrivateIpAddress": ip_str(e.ip)}],
            "SourceDestCheck": not i.appliance,
            "Status": "in-use",
            "SubnetId": sn.id,
            "VpcId": v.id,
            "InterfaceType": "interface",
        }],
        "RootDeviceName": "/dev/xvda",
        "RootDeviceType": "ebs",
        "SecurityGroups": groups,
        "SourceDestCheck": not i.appliance,
        "Tags": tags([("Name", i.name)]),
        "VirtualizationType": "hvm",
        "HibernationOptions": {"Configured": False},
        "MetadataOptions": {
            "State": "applied",
            "HttpTokens": "required",
            "HttpPutResponseHopLimit": 2,
            "HttpEndpoint": "enabled",
            "HttpProtocolIpv6": "disabled",
            "InstanceMetadataTags": "disabled",
        },
        "InstanceId": i.id,
        "ImageId": region.ami,
        "State": {"Code": 16, "Name": "running"},
        "PrivateDnsName": dns_name(e.ip, region.name),
        "StateTransitionReason": "",
        "AmiLaunchIndex": 0,
        "ProductCodes": [],
        "InstanceType": i.type,
        "LaunchTime": iso(i.launch),
        "Placement": {"GroupName": "", "Tenancy": "default",
                      "AvailabilityZone": region.azs[sn.az][0]},
        "Monitoring": {"State": "disabled"},
        "SubnetId": sn.id,
        "VpcId": v.id,
        "PrivateIpAddress": ip_str(e.ip),
    }


def vpc_tables(v):
    """The VPC's route tables, the main one first, each once (a table may serve several
    subnets)."""
    out = [v.main_rtb]
    seen = {v.main_rtb.id}
    for sn in v.subnets:
        if sn.rtb is not None and sn.rtb.id not in seen:
            seen.add(sn.rtb.id)
            out.append(sn.rtb)
    return out


GATEWAY_POLICY = ('{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*",'
                  '"Action":"*","Resource":"*"}]}')


def endpoint_json(ep):
    v = ep.vpc
    gateway = ep.type == "Gateway"
    out = {"VpcEndpointId": ep.id, "VpcEndpointType": ep.type, "VpcId": v.id,
           "ServiceName": ep.service, "State": "available"}
    if gateway:
        out["PolicyDocument"] = GATEWAY_POLICY
    out["RouteTableIds"] = [rt.id for rt in vpc_tables(v)] if gateway else []
    out["SubnetIds"] = [] if gateway else [ep.subnet.id]
    out["Groups"] = []
    out["IpAddressType"] = "ipv4"
    out["PrivateDnsEnabled"] = False
    out["RequesterManaged"] = False
    out["NetworkInterfaceIds"] = [] if gateway else [ep.eni.id]
    out["DnsEntries"] = []
    out["CreationTimestamp"] = iso(ep.created)
    out["Tags"] = []
    out["OwnerId"] = v.account.id
    return out


def nat_json(n):
    v = n.vpc
    return {
        "CreateTime": iso(n.created),
        "NatGatewayAddresses": [{
            "AllocationId": n.allocation,
            "NetworkInterfaceId": n.eni.id,
            "PrivateIp": ip_str(n.eni.ip),
            "PublicIp": n.public_ip,
            "AssociationId": n.association,
            "IsPrimary": True,
            "Status": "succeeded",
        }],
        "NatGatewayId": n.id,
        "State": "available",
        "SubnetId": n.subnet.id,
        "VpcId": v.id,
        "Tags": name_tags(f"{v.name}-nat" if v.name else None),
        "ConnectivityType": "public",
    }


def peering_json(p):
    def info(v):
        return {
            "CidrBlock": v.cidr,
            "CidrBlockSet": [{"CidrBlock": v.cidr}],
            "OwnerId": v.account.id,
            "PeeringOptions": {
                "AllowDnsResolutionFromRemoteVpc": False,
                "AllowEgressFromLocalClassicLinkToRemoteVpc": False,
                "AllowEgressFromLocalVpcToRemoteClassicLink": False,
            },
            "VpcId": v.id,
            "Region": v.region.name,
        }
    return {
        "AccepterVpcInfo": info(p.accepter),
        "RequesterVpcInfo": info(p.requester),
        "Status": {"Code": "active", "Message": "Active"},
        "Tags": tags([("Name", p.name)]),
        "VpcPeeringConnectionId": p.id,
    }


def tgw_json(t):
    shared = [rt for rt in t.rtbs if rt.default][0]
    region = t.region.name
    return {
        "TransitGatewayId": t.id,
        "TransitGatewayArn": f"arn:aws:ec2:{region}:{t.account.id}:transit-gateway/{t.id}",
        "State": "available",
        "OwnerId": t.account.id,
        "Description": f"Organisation hub {region}",
        "CreationTime": iso(t.created),
        "Options": {
            "AmazonSideAsn": t.asn,
            "TransitGatewayCidrBlocks": [],
            "AutoAcceptSharedAttachments": "enable",
            "DefaultRouteTableAssociation": "enable",
            "AssociationDefaultRouteTableId": shared.id,
            "DefaultRouteTablePropagation": "enable",
            "PropagationDefaultRouteTableId": shared.id,
            "VpnEcmpSupport": "enable",
            "DnsSupport": "enable",
            "SecurityGroupReferencingSupport": "disable",
            "MulticastSupport": "disable",
        },
        "Tags": tags([("Name", f"tgw-hub-{region}")]),
    }


def attachment_json(a):
    return {
        "TransitGatewayAttachmentId": a.id,
        "TransitGatewayId": a.tgw.id,
        "TransitGatewayOwnerId": a.tgw.account.id,
        "ResourceOwnerId": a.vpc.account.id,
        "ResourceType": "vpc",
        "ResourceId": a.vpc.id,
        "State": "available",
        "Association": {"TransitGatewayRouteTableId": a.rtb.id, "State": "associated"},
        "CreationTime": iso(a.created),
        "Tags": tags([("Name", f"{a.vpc.name}-attach")]),
    }


def vpc_attachment_json(a):
    return {
        "TransitGatewayAttachmentId": a.id,
        "TransitGatewayId": a.tgw.id,
        "VpcId": a.vpc.id,
        "VpcOwnerId": a.vpc.account.id,
        "State": "available",
        "SubnetIds": [sn.id for sn in a.subnets],
        "CreationTime": iso(a.created),
        "Options": {
            "DnsSupport": "enable",
            "SecurityGroupReferencingSupport": "enable",
            "Ipv6Support": "disable",
            "ApplianceModeSupport": "enable" if a.appliance else "disable",
        },
        "Tags": tags([("Name", f"{a.vpc.name}-attach")]),
    }


def tgw_rtb_json(rt):
    return {
        "TransitGatewayRouteTableId": rt.id,
        "TransitGatewayId": rt.tgw.id,
        "State": "available",
        "DefaultAssociationRouteTable": rt.default,
        "DefaultPropagationRouteTable": rt.default,
        "CreationTime": iso(rt.created),
        "Tags": tags([("Name", f"tgw-rtb-{rt.name}")]),
    }


def tgw_routes_json(rt):
    routes = []
    for a in rt.prop:
        if a.propagated:
            routes.append((a.vpc.base, a.vpc.plen, 1, {
                "DestinationCidrBlock": a.vpc.cidr,
                "TransitGatewayAttachments": [{"ResourceId": a.vpc.id,
                                               "TransitGatewayAttachmentId": a.id,
                                               "ResourceType": "vpc"}],
                "Type": "propagated",
                "State": "active",
            }))
    for cidr, a in rt.static:
        base, plen = parse_cidr(cidr)
        if a is None:
            body = {"DestinationCidrBlock": cidr, "TransitGatewayAttachments": [],
                    "Type": "static", "State": "blackhole"}
        else:
            body = {"DestinationCidrBlock": cidr,
                    "TransitGatewayAttachments": [{"ResourceId": a.vpc.id,
                                                   "TransitGatewayAttachmentId": a.id,
                                                   "ResourceType": "vpc"}],
                    "Type": "static", "State": "active"}
        routes.append((base, plen, 0, body))
    routes.sort(key=lambda r: (r[0], r[1], r[2]))
    # A static route hides a propagated one for the same CIDR: keep the static one only.
    out = []
    seen = set()
    for base, plen, _, body in routes:
        if (base, plen) in seen:
            continue
        seen.add((base, plen))
        out.append(body)
    return {"Routes": out, "AdditionalRoutesAvailable": False}


def fs_json(f):
    s = f.vpc
    region = s.region.name
    acct = s.account.id
    common = {
        "OwnerId": acct,
        "CreationTime": float(f.created) + (f.created % 1000) / 1000.0,
        "FileSystemId": f.id,
        "FileSystemType": f.type,
        "Lifecycle": "AVAILABLE",
        "StorageCapacity": f.capacity,
        "StorageType": "SSD",
        "VpcId": s.id,
        "SubnetIds": [f.preferred.id, f.standby.id],
        "NetworkInterfaceIds": [e.id for e in f.enis],
    }
    if f.type == "OPENZFS":
        common["DNSName"] = f"{f.id}.fsx.{region}.amazonaws.com"
    common["KmsKeyId"] = f"arn:aws:kms:{region}:{acct}:key/{f.kms}"
    common["ResourceARN"] = f"arn:aws:fsx:{region}:{acct}:file-system/{f.id}"
    common["Tags"] = tags([("Name", f.name)])
    if f.type == "OPENZFS":
        common["OpenZFSConfiguration"] = {
            "AutomaticBackupRetentionDays": 7,
            "CopyTagsToBackups": False,
            "CopyTagsToVolumes": False,
            "DailyAutomaticBackupStartTime": "05:00",
            "DeploymentType": "MULTI_AZ_1",
            "ThroughputCapacity": f.throughput,
            "WeeklyMaintenanceStartTime": "6:17:00",
            "DiskIopsConfiguration": {"Mode": "AUTOMATIC", "Iops": 3 * f.capacity},
            "RootVolumeId": f.volume,
            "PreferredSubnetId": f.preferred.id,
            "EndpointIpAddressRange": cidr_str(*f.range),
            "RouteTableIds": f.rtbs,
            "EndpointIpAddress": ip_str(f.floating[0]),
        }
    else:
        common["OntapConfiguration"] = {
            "AutomaticBackupRetentionDays": 7,
            "DailyAutomaticBackupStartTime": "05:00",
            "DeploymentType": "MULTI_AZ_1",
            "EndpointIpAddressRange": cidr_str(*f.range),
            "Endpoints": {
                "Intercluster": {
                    "DNSName": f"intercluster.{f.id}.fsx.{region}.amazonaws.com",
                    "IpAddresses": [ip_str(e.ip) for e in f.enis],
                },
                "Management": {
                    "DNSName": f"management.{f.id}.fsx.{region}.amazonaws.com",
                    "IpAddresses": [ip_str(f.floating[0])],
                },
            },
            "DiskIopsConfiguration": {"Mode": "AUTOMATIC", "Iops": 3 * f.capacity},
            "PreferredSubnetId": f.preferred.id,
            "RouteTableIds": f.rtbs,
            "ThroughputCapacity": f.throughput,
            "WeeklyMaintenanceStartTime": "6:17:00",
            "HAPairs": 1,
            "ThroughputCapacityPerHAPair": f.throughput,
        }
    return common


def svm_json(f):
    region = f.vpc.region.name
    acct = f.vpc.account.id
    dns = f"{f.svm}.{f.id}.fsx.{region}.amazonaws.com"
    floating = [ip_str(f.floating[1])]
    return {
        "CreationTime": float(f.created + 3600),
        "Endpoints": {
            "Iscsi": {"DNSName": f"iscsi.{dns}", "IpAddresses": [ip_str(e.extra_ips[0])
                                                                for e in f.enis]},
            "Management": {"DNSName": dns, "IpAddresses": floating},
            "Nfs": {"DNSName": dns, "IpAddresses": floating},
            "Smb": {"DNSName": dns, "IpAddresses": floating},
        },
        "FileSystemId": f.id,
        "Lifecycle": "CREATED",
        "Name": "svm1",
        "ResourceARN": f"arn:aws:fsx:{region}:{acct}:storage-virtual-machine/{f.id}/{f.svm}",
        "StorageVirtualMachineId": f.svm,
        "Subtype": "DEFAULT",
        "UUID": f.svm_uuid,
        "Tags": [],
        "RootVolumeSecurityStyle": "UNIX",
    }


def visible_prefix_lists(org, region, account):
    """The customer-managed lists an account sees in a region: its own and those shared with it."""
    return [p for p in org.prefix_lists
            if p.region is region and (p.shared or p.account is account)]


def prefix_lists_json(org, region, account):
    out = [
        {"PrefixListId": region.pl_s3, "AddressFamily": "IPv4", "State": "create-complete",
         "PrefixListArn": f"arn:aws:ec2:{region.name}:aws:prefix-list/{region.pl_s3}",
         "PrefixListName": f"com.amazonaws.{region.name}.s3", "Tags": [], "OwnerId": "AWS"},
        {"PrefixListId": region.pl_ddb, "AddressFamily": "IPv4", "State": "create-complete",
         "PrefixListArn": f"arn:aws:ec2:{region.name}:aws:prefix-list/{region.pl_ddb}",
         "PrefixListName": f"com.amazonaws.{region.name}.dynamodb", "Tags": [],
         "OwnerId": "AWS"},
    ]
    for p in visible_prefix_lists(org, region, account):
        owner = p.account.id
        out.append({"PrefixListId": p.id, "AddressFamily": "IPv4", "State": "create-complete",
                    "PrefixListArn": f"arn:aws:ec2:{region.name}:{owner}:prefix-list/{p.id}",
                    "PrefixListName": p.name, "MaxEntries": p.max_entries, "Version": p.version,
                    "Tags": tags([("Name", p.name)]), "OwnerId": owner})
    return {"PrefixLists": out}


# ----------------------------------------------------------------------------------------------
# Writing

def add_tgw_enis(org):
    """The transit gateway's interface in each attachment subnet (requester-managed)."""
    for v in org.vpcs:
        a = v.attachment
        if a is None:
            continue
        for sn in a.subnets:
            e = Eni()
            e.id = org.new_id("eni")
            e.subnet = sn
            e.kind = "tgw"
            e.groups = []
            e.ip = sn.take_ip()
            e.description = f"Network Interface for Transit Gateway Attachment {a.id}"
            e.attach_id = org.new_id("ela-attach")
            e.attach_time = a.created
            e.mac = org.mac()
            e.requester = "amazon-aws"
            sn.enis.append(e)
            org.enis.append(e)


def dump(path, obj):
    text = json.dumps(obj, indent=4) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text)


def write(org, out):
    stats = {"files": 0, "bytes": 0}

    def put(directory, name, obj):
        stats["files"] += 1
        stats["bytes"] += dump(os.path.join(directory, name), obj)

    for ri, region in enumerate(org.regions):
        for account in org.accounts:
            if ri not in account.regions:
                continue
            d = os.path.join(out, "accounts", account.id, region.name)
            os.makedirs(d, exist_ok=True)
            vpcs = [v for v in region.vpcs if v.account is account]
            subnets = [sn for v in vpcs for sn in v.subnets]
            put(d, "ec2-describe-vpcs.json", {"Vpcs": [vpc_json(v) for v in vpcs]})
            put(d, "ec2-describe-subnets.json", {"Subnets": [subnet_json(sn) for sn in subnets]})
            put(d, "ec2-describe-route-tables.json",
                {"RouteTables": [route_table_json(rt) for v in vpcs for rt in vpc_tables(v)]})
            put(d, "ec2-describe-security-groups.json",
                {"SecurityGroups": [sg_json(g) for v in vpcs for g in v.sgs]})
            put(d, "ec2-describe-network-acls.json",
                {"NetworkAcls": [nacl_json(n) for v in vpcs for n in v.nacls]})
            put(d, "ec2-describe-network-interfaces.json",
                {"NetworkInterfaces": [eni_json(e) for sn in subnets for e in sn.enis]})
            reservations = []
            batch = []
            for sn in subnets:
                for e in sn.enis:
                    if e.kind == "instance":
                        batch.append(e.instance)
            i = 0
            while i < len(batch):
                k = 1 + (int(batch[i].id[-1], 16) % 3)
                group = [x for x in batch[i:i + k] if x.subnet.vpc is batch[i].subnet.vpc]
                reservations.append({
                    "ReservationId": "r-" + group[0].id[2:],
                    "OwnerId": account.id,
                    "Groups": [],
                    "Instances": [instance_json(x) for x in group],
                })
                i += len(group)
            put(d, "ec2-describe-instances.json", {"Reservations": reservations})
            put(d, "ec2-describe-vpc-endpoints.json",
                {"VpcEndpoints": [endpoint_json(ep) for v in vpcs for ep in v.endpoints]})
            put(d, "ec2-describe-nat-gateways.json",
                {"NatGateways": [nat_json(v.nat_gw) for v in vpcs if v.nat_gw]})
            pcx = [p for p in org.peerings
                   if p.requester.account is account and p.requester.region is region]
            put(d, "ec2-describe-vpc-peering-connections.json",
                {"VpcPeeringConnections": [peering_json(p) for p in pcx]})
            if org.exports_prefix_lists(account):
                put(d, "ec2-describe-managed-prefix-lists.json",
                    prefix_lists_json(org, region, account))
                for p in visible_prefix_lists(org, region, account):
                    put(d, f"ec2-get-managed-prefix-list-entries.{p.id}.json",
                        {"Entries": [{"Cidr": c, "Description": desc} for c, desc in p.entries]})
            mine = [v.attachment for v in vpcs if v.attachment is not None]
            put(d, "ec2-describe-transit-gateway-vpc-attachments.json",
                {"TransitGatewayVpcAttachments": [vpc_attachment_json(a) for a in mine]})
            t = region.tgw
            owner = t.account is account
            put(d, "ec2-describe-transit-gateways.json",
                {"TransitGateways": [tgw_json(t)] if owner else []})
            put(d, "ec2-describe-transit-gateway-attachments.json",
                {"TransitGatewayAttachments": [attachment_json(a) for a in t.attachments]
                 if owner else []})
            put(d, "ec2-describe-transit-gateway-route-tables.json",
                {"TransitGatewayRouteTables": [tgw_rtb_json(rt) for rt in t.rtbs]
                 if owner else []})
            if owner:
                for rt in t.rtbs:
                    put(d, f"ec2-search-transit-gateway-routes.{rt.id}.json", tgw_routes_json(rt))
                    put(d, f"ec2-get-transit-gateway-route-table-associations.{rt.id}.json",
                        {"Associations": [{"TransitGatewayAttachmentId": a.id,
                                           "ResourceId": a.vpc.id, "ResourceType": "vpc",
                                           "State": "associated"} for a in rt.assoc]})
                    put(d, f"ec2-get-transit-gateway-route-table-propagations.{rt.id}.json",
                        {"TransitGatewayRouteTablePropagations": [
                            {"TransitGatewayAttachmentId": a.id, "ResourceId": a.vpc.id,
                             "ResourceType": "vpc", "State": "enabled"} for a in rt.prop]})
            fss = [f for f in org.fss if f.vpc.account is account and f.vpc.region is region]
            put(d, "fsx-describe-file-systems.json", {"FileSystems": [fs_json(f) for f in fss]})
            put(d, "fsx-describe-storage-virtual-machines.json",
                {"StorageVirtualMachines": [svm_json(f) for f in fss if f.type == "ONTAP"]})
    verdicts = sorted(org.verdicts, key=lambda x: (x["rule"] or "", x["level"],
                                                   x["filesystem"] or "", x["resource"]))
    with open(os.path.join(out, "expected-verdicts.json"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write(json.dumps(verdicts, indent=2) + "\n")
    return stats


def check(org):
    """Internal consistency: what the verdicts assume about the export."""
    cidrs = {}
    for v in org.vpcs:
        if v.is_default or v.overlap_of is not None:
            continue
        cidrs.setdefault((v.region.name, v.base, v.plen), []).append(v)
    for key, vs in cidrs.items():
        assert len(vs) == 1, key
    by_region = {}
    for v in org.vpcs:
        if v.is_default or v.overlap_of is not None:
            continue
        by_region.setdefault(v.region.name, []).append((v.base, v.base + block_size(v.plen)))
    for spans in by_region.values():
        spans.sort()
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            assert a1 <= b0, "overlapping VPC CIDRs"
    for f in org.fss:
        s = f.vpc
        base, plen = f.range
        for sn in s.subnets:
            assert sn.base + block_size(sn.plen) <= base or base + block_size(plen) <= sn.base
        for ip in f.floating:
            assert base <= ip < base + block_size(plen)
    ranges = sorted((f.range[0], f.range[0] + block_size(f.range[1])) for f in org.fss
                    if f.vpc.region is not None)
    for (a0, a1), (b0, b1) in zip(ranges, ranges[1:]):
        assert a1 <= b0, "overlapping endpoint ranges"
    for v in org.vpcs:
        a = v.attachment
        if a is None:
            continue
        azs = {sn.az for sn in a.subnets}
        if v.tgw_omit_az is None:
            assert azs == {sn.az for sn in v.subnets}, v.name


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-o", "--out", required=True, help="output directory")
    p.add_argument("--scale", type=float, default=1.0,
                   help="size relative to the benchmark organisation (default 1: 5,000 VPCs)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--defect-repeats", type=int, default=None,
                   help="how many times each defect is planted (default 3, 1 below --scale 0.1)")
    p.add_argument("--tgw-enis", action="store_true",
                   help="also list the transit gateway's requester-managed interface in every "
                        "attachment subnet (about 12,500 more network interfaces, +18 MB)")
    p.add_argument("--prefix-lists", choices=["all", "some", "none"], default="all",
                   help="which accounts' exports hold describe-managed-prefix-lists and "
                        "get-managed-prefix-list-entries: all (default), some (every second "
                        "account, not the network account) or none")
    p.add_argument("--force", action="store_true",
                   help="replace OUT/accounts and OUT/expected-verdicts.json if present")
    p.add_argument("-q", "--quiet", action="store_true")
    args = p.parse_args(argv)
    if args.scale <= 0:
        p.error("--scale must be positive")
    repeats = args.defect_repeats or (3 if args.scale >= 0.1 else 1)
    out = args.out
    existing = [x for x in ("accounts", "expected-verdicts.json")
                if os.path.exists(os.path.join(out, x))]
    if existing:
        if not args.force:
            p.error(f"{out} already holds {', '.join(existing)} (use --force to replace)")
        shutil.rmtree(os.path.join(out, "accounts"), ignore_errors=True)
        if os.path.exists(os.path.join(out, "expected-verdicts.json")):
            os.remove(os.path.join(out, "expected-verdicts.json"))
    os.makedirs(out, exist_ok=True)

    started = time.time()
    org = Org(args.scale, args.seed, repeats, args.prefix_lists)
    org.build()
    if args.tgw_enis:
        add_tgw_enis(org)
    check(org)
    stats = write(org, out)
    elapsed = time.time() - started
    if not args.quiet:
        real = [v for v in org.vpcs if not v.is_default]
        n_subnets = sum(len(v.subnets) for v in org.vpcs)
        n_tables = sum(len(vpc_tables(v)) for v in org.vpcs)
        n_routes = sum(len(rt.routes) for v in org.vpcs for rt in vpc_tables(v))
        n_shared = sum(1 for v in org.vpcs for rt in vpc_tables(v) if rt.shared)
        n_tgw_routes = sum(len(tgw_routes_json(rt)["Routes"]) for r in org.regions
                           for rt in r.tgw.rtbs)
        counts = {}
        for x in org.verdicts:
            key = f"{x['rule'] or ''} {x['level']}".strip()
            counts[key] = counts.get(key, 0) + 1
        print(f"wrote {out}: {stats['files']} files, {stats['bytes']:,} bytes "
              f"({stats['bytes'] / 1e6:.1f} MB) in {elapsed:.1f} s")
        print(f"  {len(org.accounts)} accounts, {len(org.regions)} regions, "
              f"{len(real)} VPCs attached to {len(org.regions)} transit gateways "
              f"(+{len(org.vpcs) - len(real)} unattached default VPCs), "
              f"{n_subnets} subnets, {n_tables} route tables ({n_shared} shared by several "
              f"subnets), {n_routes} routes")
        print(f"  {sum(len(r.tgw.attachments) for r in org.regions)} TGW attachments, "
              f"{sum(len(r.tgw.rtbs) for r in org.regions)} TGW route tables, "
              f"{n_tgw_routes} TGW routes, {len(org.peerings)} peering connections")
        print(f"  {len(org.fss)} file systems "
              f"({sum(1 for f in org.fss if f.type == 'OPENZFS')} OpenZFS, "
              f"{sum(1 for f in org.fss if f.type == 'ONTAP')} ONTAP) in "
              f"{sum(1 for v in org.vpcs if v.role == 'storage')} storage VPCs, "
              f"{org.sg_count} security groups, {len(org.instances)} instances, "
              f"{len(org.enis)} network interfaces, "
              f"{sum(len(v.nacls) for v in org.vpcs)} network ACLs")
        print(f"  expected verdicts ({len(org.verdicts)}): " +
              ", ".join(f"{k} x{n}" for k, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
