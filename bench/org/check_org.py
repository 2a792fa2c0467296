#!/usr/bin/env python3
"""Checks an export written by gen_org.py against its expected-verdicts.json, twice.

1. The model check: a small, independent reading of DESIGN.md §3 and AWS-FACTS §5 (not
   reachlint's code) that validates the generator. It loads the JSON files by their top-level key,
   finds each Multi-AZ file system's intended clients (specific security-group CIDR rules and
   security-group references, CIDR routes to the file system's VPC CIDR or endpoint range through
   its transit gateway or a peering connection, and subnets routed there and admitted by a broad
   rule), walks every pair forward (client route table, attachment AZ, TGW route table, entry
   subnet's route table) and back from both file-system subnets, evaluates security groups and
   network ACLs (replies to the NFS client's reserved ports 665-1023), and looks for endpoint-range
   overlaps (RL105) and overlapping CIDRs on one transit gateway (RL202). Route targets outside a
   static model (appliance interfaces and instances, Gateway Load Balancer endpoints, private NAT
   gateways, Cloud WAN) and customer-managed prefix lists whose entries are not exported, where
   they could change the route chosen, make the hop unknown: a notice, not a finding. Clients
   admitted only by a broad rule count only for a reply that cannot return (README "Who is a
   client").
2. The reachlint check: reachlint's `--format json` report on OUT/accounts (run here, or read from
   --reachlint-json FILE), its findings and notices.

Findings are compared as (rule, level, filesystem, resource) with expected-verdicts.json, notices
(entries with level "notice") by the route table they name; exit status 1 on any difference.

usage: check_org.py [--reachlint BIN | --reachlint-json FILE | --no-reachlint] [--skip-model] OUT
"""

import argparse
import bisect
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time

REPLY_PORTS = (665, 1023)
OPENZFS = [("tcp", 111, 111), ("tcp", 2049, 2049), ("tcp", 20001, 20003),
           ("udp", 111, 111), ("udp", 2049, 2049), ("udp", 20001, 20003)]
ONTAP = [("tcp", 111, 111), ("tcp", 635, 635), ("tcp", 2049, 2049), ("tcp", 4045, 4046),
         ("udp", 111, 111), ("udp", 635, 635), ("udp", 2049, 2049), ("udp", 4045, 4046),
         ("udp", 4049, 4049)]
PROTO = {"tcp": "6", "udp": "17"}
MASKS = [(~((1 << (32 - p)) - 1)) & 0xFFFFFFFF for p in range(33)]

# Route targets: what a packet for a private FSx endpoint meets there (AWS-FACTS §5.1).
TARGET_KEYS = (("GatewayId", "gw"), ("InstanceId", "instance"), ("NatGatewayId", "nat"),
               ("TransitGatewayId", "tgw"), ("LocalGatewayId", "lgw"),
               ("CarrierGatewayId", "cagw"), ("NetworkInterfaceId", "eni"),
               ("VpcPeeringConnectionId", "pcx"), ("CoreNetworkArn", "cwan"),
               ("EgressOnlyInternetGatewayId", "eigw"))
APPLIANCE = {"eni": "network interface", "instance": "instance",
             "gwlbe": "Gateway Load Balancer endpoint", "nat-private": "private NAT gateway",
             "cwan": "Cloud WAN core network"}


def parse(cidr):
    addr, _, plen = cidr.partition("/")
    a, b, c, d = (int(x) for x in addr.split("."))
    plen = int(plen) if plen else 32
    return ((a << 24) | (b << 16) | (c << 8) | d) & MASKS[plen], plen


def show(block):
    base, plen = block
    return f"{base >> 24}.{(base >> 16) & 255}.{(base >> 8) & 255}.{base & 255}/{plen}"


def contains(outer, inner):
    return outer[1] <= inner[1] and (inner[0] & MASKS[outer[1]]) == outer[0]


def overlaps(a, b):
    return contains(a, b) or contains(b, a)


class Model:
    def __init__(self):
        self.vpcs, self.subnets, self.tables, self.sgs, self.nacl_of = {}, {}, {}, {}, {}
        self.nacls, self.enis, self.instances, self.attachments = {}, {}, {}, {}
        self.tgw_tables, self.peerings, self.fss, self.svms = {}, {}, {}, {}
        self.main_table, self.table_of = {}, {}
        self.prefix_lists, self.pl_entries, self.endpoints, self.nats = {}, {}, {}, {}
        self.raw_tables = []
        self.files = 0

    def load(self, root):
        for path in sorted(glob.glob(os.path.join(root, "accounts", "*", "*", "*.json"))):
            with open(path) as f:
                doc = json.load(f)
            self.files += 1
            m = re.search(r"\.((?:tgw-rtb|pl)-[0-9a-f]+)\.json$", os.path.basename(path))
            for key, value in doc.items():
                getattr(self, "on_" + key, lambda v, m=None: None)(value, m)

    def on_Vpcs(self, items, _):
        for v in items:
            cidrs = [parse(a["CidrBlock"]) for a in v["CidrBlockAssociationSet"]
                     if a["CidrBlockState"]["State"] == "associated"]
            self.vpcs[v["VpcId"]] = {"cidrs": cidrs, "owner": v["OwnerId"], "attachment": None}

    def on_Subnets(self, items, _):
        for s in items:
            self.subnets[s["SubnetId"]] = {"vpc": s["VpcId"], "cidr": parse(s["CidrBlock"]),
                                           "az": s["AvailabilityZone"], "instances": [],
                                           "attached": False}

    def on_RouteTables(self, items, _):
        # Routes are resolved in finish(), once every prefix list and endpoint is known.
        for t in items:
            self.raw_tables.append(t)
            for a in t["Associations"]:
                if a.get("AssociationState", {}).get("State", "associated") != "associated":
                    continue
                if a.get("Main"):
                    self.main_table[t["VpcId"]] = t["RouteTableId"]
                elif a.get("SubnetId"):
                    self.table_of[a["SubnetId"]] = t["RouteTableId"]

    def on_SecurityGroups(self, items, _):
        for g in items:
            self.sgs[g["GroupId"]] = {"vpc": g["VpcId"], "in": g["IpPermissions"],
                                      "out": g["IpPermissionsEgress"]}

    def on_NetworkAcls(self, items, _):
        for n in items:
            entries = sorted(n["Entries"], key=lambda e: e["RuleNumber"])
            self.nacls[n["NetworkAclId"]] = entries
            for a in n["Associations"]:
                assert a["SubnetId"] not in self.nacl_of, "subnet with two network ACLs"
                self.nacl_of[a["SubnetId"]] = n["NetworkAclId"]

    def on_NetworkInterfaces(self, items, _):
        for e in items:
            self.enis[e["NetworkInterfaceId"]] = {
                "subnet": e["SubnetId"], "groups": [g["GroupId"] for g in e["Groups"]],
                "ip": parse(e["PrivateIpAddress"])}

    def on_Reservations(self, items, _):
        for r in items:
            for i in r["Instances"]:
                self.instances[i["InstanceId"]] = {
                    "subnet": i["SubnetId"], "groups": [g["GroupId"] for g in i["SecurityGroups"]],
                    "ip": parse(i["PrivateIpAddress"])}

    def on_VpcPeeringConnections(self, items, _):
        for p in items:
            if p["Status"]["Code"] == "active":
                self.peerings[p["VpcPeeringConnectionId"]] = (p["RequesterVpcInfo"]["VpcId"],
                                                             p["AccepterVpcInfo"]["VpcId"])

    def on_PrefixLists(self, items, _):
        for p in items:
            self.prefix_lists.setdefault(p["PrefixListId"], {
                "aws": p["OwnerId"] == "AWS" or p["PrefixListName"].startswith("com.amazonaws."),
                "name": p["PrefixListName"]})

    def on_Entries(self, items, m):
        self.pl_entries[m.group(1)] = [parse(e["Cidr"]) for e in items]

    def on_VpcEndpoints(self, items, _):
        for e in items:
            self.endpoints[e["VpcEndpointId"]] = e["VpcEndpointType"]

    def on_NatGateways(self, items, _):
        for n in items:
            self.nats[n["NatGatewayId"]] = n.get("ConnectivityType", "public")

    def on_TransitGatewayAttachments(self, items, _):
        for a in items:
            rec = self.attachments.setdefault(a["TransitGatewayAttachmentId"], {})
            rec.update(tgw=a["TransitGatewayId"], vpc=a["ResourceId"],
                       rtb=a.get("Association", {}).get("TransitGatewayRouteTableId"),
                       created=a["CreationTime"])

    def on_TransitGatewayVpcAttachments(self, items, _):
        for a in items:
            rec = self.attachments.setdefault(a["TransitGatewayAttachmentId"], {})
            rec.update(tgw=a["TransitGatewayId"], vpc=a["VpcId"], subnets=a["SubnetIds"])

    def on_Routes(self, items, m):
        routes = []
        for r in items:
            atts = [x["TransitGatewayAttachmentId"] for x in r["TransitGatewayAttachments"]]
            routes.append((parse(r["DestinationCidrBlock"]), r["Type"], r["State"],
                           atts[0] if atts else None))
        self.tgw_tables[m.group(1)] = RouteIndex(
            [(dest, kind != "static", (att, state)) for dest, kind, state, att in routes], [])

    def on_FileSystems(self, items, _):
        for f in items:
            conf = f.get("OpenZFSConfiguration") or f.get("OntapConfiguration")
            if "OpenZFSConfiguration" in f:
                ips = [conf["EndpointIpAddress"]]
            else:
                ips = list(conf["Endpoints"]["Management"]["IpAddresses"])
            self.fss[f["FileSystemId"]] = {
                "type": f["FileSystemType"], "vpc": f["VpcId"], "subnets": f["SubnetIds"],
                "preferred": conf["PreferredSubnetId"], "enis": f["NetworkInterfaceIds"],
                "range": parse(conf["EndpointIpAddressRange"]),
                "ips": [parse(x) for x in ips], "rtbs": conf["RouteTableIds"],
                "deployment": conf["DeploymentType"]}

    def on_StorageVirtualMachines(self, items, _):
        for s in items:
            self.svms.setdefault(s["FileSystemId"], []).extend(
                s["Endpoints"]["Nfs"]["IpAddresses"])

    def target_of(self, r):
        kind, tid = None, None
        for key, k in TARGET_KEYS:
            if key in r:
                kind, tid = k, r[key]
        if kind == "gw":
            if tid == "local":
                kind = "local"
            elif tid.startswith("vgw-"):
                kind = "vgw"
            elif tid.startswith("igw-"):
                kind = "igw"
            elif tid.startswith("vpce-"):
                # A gateway endpoint takes its service's prefix-list route only; an endpoint on a
                # CIDR route is a Gateway Load Balancer endpoint (AWS-FACTS §5.1).
                listed = self.endpoints.get(tid)
                gateway = listed == "Gateway" if listed else "DestinationPrefixListId" in r
                kind = "gwe" if gateway else "gwlbe"
        elif kind == "nat" and self.nats.get(tid) == "private":
            kind = "nat-private"
        return kind, tid

    def resolve_routes(self, t):
        """A table's routes as a RouteIndex: CIDR routes and the entries of prefix lists that are
        known; customer prefix lists whose entries are not in the export are 'unknown' routes."""
        known, unknown = [], []
        for r in t["Routes"]:
            if r.get("State", "active") not in ("active", "blackhole"):
                continue
            target = self.target_of(r) + (r.get("State", "active"),)
            if "DestinationCidrBlock" in r:
                known.append((parse(r["DestinationCidrBlock"]), False, target))
                continue
            pl = r.get("DestinationPrefixListId")
            if pl is None:
                continue  # IPv6
            info = self.prefix_lists.get(pl)
            if target[0] == "gwe" or (info and info["aws"]):
                continue  # an AWS service's public ranges: never a private endpoint
            if info and pl in self.pl_entries:
                known += [(e, True, target) for e in self.pl_entries[pl]]
            else:
                unknown.append((f"{t['RouteTableId']}:{pl}", target))
        return RouteIndex(known, unknown)

    def finish(self):
        for t in self.raw_tables:
            self.tables[t["RouteTableId"]] = {"vpc": t["VpcId"], "index": self.resolve_routes(t),
                                              "routes": t["Routes"]}
        self.raw_tables = []
        for fs_id, ips in self.svms.items():
            for ip in ips:
                if parse(ip) not in self.fss[fs_id]["ips"]:
                    self.fss[fs_id]["ips"].append(parse(ip))
        for sid, s in self.subnets.items():
            if sid not in self.table_of:
                self.table_of[sid] = self.main_table.get(s["vpc"])
            assert sid in self.nacl_of, f"subnet {sid} has no network ACL"
        for iid, i in self.instances.items():
            self.subnets[i["subnet"]]["instances"].append(iid)
        for aid, a in self.attachments.items():
            assert "subnets" in a and "rtb" in a, f"attachment {aid} seen from one side only"
            self.vpcs[a["vpc"]]["attachment"] = aid
            for s in a["subnets"]:
                self.subnets[s]["attached"] = True


class RouteIndex:
    """Longest-prefix match over (destination, lower priority, target) routes: static routes beat
    prefix-list (VPC) or propagated (TGW) ones of the same length, the first of equals wins."""

    def __init__(self, routes, unknown):
        self.exact = {}
        for dest, low, target in routes:
            have = self.exact.get(dest)
            if have is None or (have[1] and not low):
                self.exact[dest] = (dest, low, target)
        self.lengths = sorted({d[1] for d in self.exact}, reverse=True)
        self.unknown = unknown

    def lookup(self, block):
        """(route, None) or (None, why) when a route whose prefixes are unknown could decide."""
        best = None
        for plen in self.lengths:
            if plen <= block[1]:
                best = self.exact.get((block[0] & MASKS[plen], plen))
                if best:
                    break
        for name, target in self.unknown:
            final = best is not None and best[0][1] == 32 and not best[1]
            if not final and (best is None or best[2] != target):
                return None, f"the prefix list of route {name} is not known statically"
        return best, None


def proto_match(rule_proto, proto):
    return rule_proto in ("-1", proto, PROTO[proto])


def sg_allows(m, groups, direction, peer, proto, lo, hi, peer_groups=()):
    """True if the groups let (proto, lo..hi) from/to `peer` (a CIDR tuple)."""
    for gid in groups:
        for p in m.sgs[gid][direction]:
            if not proto_match(p["IpProtocol"], proto):
                continue
            if p["IpProtocol"] != "-1" and not (p["FromPort"] <= lo and hi <= p["ToPort"]):
                continue
            if any(contains(parse(r["CidrIp"]), peer) for r in p["IpRanges"]):
                return True
            if any(x["GroupId"] in peer_groups for x in p["UserIdGroupPairs"]):
                return True
            for x in p.get("PrefixListIds", []):
                entries = m.pl_entries.get(x["PrefixListId"]) or []
                if any(contains(e, peer) for e in entries):
                    return True
    return False


def nacl_allows(m, subnet, egress, peer, proto, lo, hi):
    """First match wins, per port: True if every port in lo..hi is allowed."""
    remaining = [(lo, hi)]
    for e in m.nacls[m.nacl_of[subnet]]:
        if e["Egress"] != egress or not proto_match(e["Protocol"], proto):
            continue
        if not contains(parse(e["CidrBlock"]), peer):
            continue
        a, b = (e["PortRange"]["From"], e["PortRange"]["To"]) if "PortRange" in e else (0, 65535)
        rest = []
        for x, y in remaining:
            if b < x or y < a:
                rest.append((x, y))
                continue
            if e["RuleAction"] != "allow":
                return False
            if x < a:
                rest.append((x, a - 1))
            if b < y:
                rest.append((b + 1, y))
        remaining = rest
        if not remaining:
            return True
    return False


class BlockIndex:
    """CIDR blocks -> values: those containing a block (one lookup per shorter length) and those
    inside it (a range of the sorted bases)."""

    def __init__(self, items):
        self.exact = {}
        for block, value in items:
            self.exact.setdefault(block, []).append(value)
        self.sorted = sorted(self.exact)
        self.bases = [b[0] for b in self.sorted]

    def containing(self, block):
        for plen in range(block[1] + 1):
            key = (block[0] & MASKS[plen], plen)
            if key in self.exact:
                yield key, self.exact[key]

    def inside(self, block):
        end = block[0] + (1 << (32 - block[1]))
        i = bisect.bisect_left(self.bases, block[0])
        while i < len(self.sorted) and self.bases[i] < end:
            key = self.sorted[i]
            if key[1] > block[1]:
                yield key, self.exact[key]
            i += 1

    def overlapping(self, block):
        yield from self.containing(block)
        yield from self.inside(block)


class Checker:
    def __init__(self, m):
        self.m = m
        self.findings = {}
        self.notices = {}  # route table -> {file system: why}
        self.pairs = {"specific": 0, "broad": 0}
        dests = []
        for tid, t in m.tables.items():
            for r in t["routes"]:
                if "DestinationCidrBlock" not in r or r.get("State") != "active":
                    continue
                target = m.target_of(r)
                if target[0] in ("tgw", "pcx"):
                    dests.append((parse(r["DestinationCidrBlock"]), (tid, target)))
        self.dest_index = BlockIndex(dests)
        self.vpc_index = BlockIndex([(b, v) for v, rec in m.vpcs.items() for b in rec["cidrs"]])
        self.subnets_of_table = {}
        for sid, tid in m.table_of.items():
            self.subnets_of_table.setdefault(tid, []).append(sid)
        self.vpc_subnets = {}
        for sid, s in m.subnets.items():
            self.vpc_subnets.setdefault(s["vpc"], []).append(sid)
        self.vpc_tables = {}
        for tid, t in m.tables.items():
            self.vpc_tables.setdefault(t["vpc"], []).append(tid)
        self.instances_of_group = {}
        for iid, i in m.instances.items():
            for g in i["groups"]:
                self.instances_of_group.setdefault(g, []).append(iid)
        self.tgws_of_vpc = {}
        for a in m.attachments.values():
            self.tgws_of_vpc.setdefault(a["vpc"], set()).add(a["tgw"])
        self.peers_of_vpc = {}
        for a, b in m.peerings.values():
            self.peers_of_vpc.setdefault(a, set()).add(b)
            self.peers_of_vpc.setdefault(b, set()).add(a)

    def report(self, rule, level, fs, resource, client, why):
        key = (rule, level, fs, resource)
        self.findings.setdefault(key, []).append((client, why))

    # ---- clients

    def clients(self, fs_id, fs, groups, needs, tgw):
        m = self.m
        vpc = fs["vpc"]
        blocks = m.vpcs[vpc]["cidrs"] + [fs["range"]]
        out = {}

        def add_subnet(sid, evidence):
            s = m.subnets[sid]
            if not s["instances"] and (sid in fs["subnets"] or s["attached"]):
                return
            if s["instances"]:
                for iid in s["instances"]:
                    i = m.instances[iid]
                    out.setdefault(iid, (sid, i["ip"], i["groups"], evidence))
            else:
                out.setdefault(sid, (sid, s["cidr"], None, evidence))

        def concerns_nfs(p):
            if p["IpProtocol"] == "-1":
                return True
            return any(proto_match(p["IpProtocol"], pr) and p["FromPort"] <= hi and
                       lo <= p["ToPort"] for pr, lo, hi in needs)

        for gid in groups:
            for p in m.sgs[gid]["in"]:
                if not concerns_nfs(p):
                    continue
                for r in p["IpRanges"]:
                    cidr = parse(r["CidrIp"])
                    for _, vs in self.vpc_index.containing(cidr):
                        for v in vs:
                            for sid in self.vpc_subnets.get(v, []):
                                if overlaps(m.subnets[sid]["cidr"], cidr):
                                    add_subnet(sid, "specific")
                for x in p["UserIdGroupPairs"]:
                    for iid in self.instances_of_group.get(x["GroupId"], []):
                        i = m.instances[iid]
                        out.setdefault(iid, (i["subnet"], i["ip"], i["groups"], "specific"))

        def leads_here(target):
            if target[0] == "tgw":
                return target[1] == tgw
            if target[0] == "vgw":
                return True
            return target[0] == "pcx" and vpc in m.peerings.get(target[1], ())

        # CIDR routes to the VPC or the endpoint range, not to a supernet of every block.
        tables = set()
        for block in blocks:
            for dest, uses in self.dest_index.overlapping(block):
                overl = [b[1] for b in blocks if overlaps(b, dest)]
                if dest[1] < min(overl):
                    continue
                for tid, target in uses:
                    if m.tables[tid]["vpc"] != vpc and leads_here(target):
                        tables.add(tid)
        for tid in sorted(tables):
            for sid in self.subnets_of_table.get(tid, []):
                add_subnet(sid, "specific")
        # Broad: routed toward the endpoint and admitted by a rule containing the subnet.
        admit = []
        for gid in groups:
            for p in m.sgs[gid]["in"]:
                if p["IpProtocol"] == "-1" or (proto_match(p["IpProtocol"], "tcp") and
                                               p["FromPort"] <= 2049 <= p["ToPort"]):
                    admit += [parse(r["CidrIp"]) for r in p["IpRanges"]]
        connected = set()
        for a in admit:
            for _, vs in self.vpc_index.overlapping(a):
                connected.update(v for v in vs if v != vpc and (
                    self.tgws_of_vpc.get(v, set()) & self.tgws_of_vpc.get(vpc, set()) or
                    v in self.peers_of_vpc.get(vpc, ())))
        for v in sorted(connected):
            for sid in self.vpc_subnets.get(v, []):
                s = m.subnets[sid]
                if not any(contains(a, s["cidr"]) for a in admit):
                    continue
                t = m.tables[m.table_of[sid]]
                for r in t["routes"]:
                    if "DestinationCidrBlock" not in r:
                        continue
                    dest = parse(r["DestinationCidrBlock"])
                    if leads_here(m.target_of(r)) and all(contains(dest, ip) for ip in fs["ips"]):
                        add_subnet(sid, "broad")
                        break
        return out

    # ---- one file system

    def check_fs(self, fs_id):
        m = self.m
        fs = m.fss[fs_id]
        if not fs["deployment"].startswith("MULTI_AZ"):
            return
        vpc = fs["vpc"]
        fs_att_id = m.vpcs[vpc]["attachment"]
        fs_att = m.attachments.get(fs_att_id)
        tgw = fs_att["tgw"] if fs_att else None
        groups = []
        for e in fs["enis"]:
            for g in m.enis[e]["groups"]:
                if g not in groups:
                    groups.append(g)
        needs = OPENZFS if fs["type"] == "OPENZFS" else ONTAP
        standby = [s for s in fs["subnets"] if s != fs["preferred"]][0]
        fs_subnets = [fs["preferred"], standby]
        # FS-side attachment must cover both file-server AZs.
        if fs_att:
            att_azs = {m.subnets[s]["az"] for s in fs_att["subnets"]}
            for s, level in ((fs["preferred"], "error"), (standby, "warning")):
                if m.subnets[s]["az"] not in att_azs:
                    self.report("RL201", level, fs_id, fs_att_id, None, "fs side AZ")
        self.check_range(fs_id, fs)
        for cid, (sid, addr, cgroups, evidence) in sorted(
                self.clients(fs_id, fs, groups, needs, tgw).items()):
            self.pairs[evidence] += 1
            pair = Pair(self, fs_id, fs, groups, needs, fs_subnets, fs_att_id, cid, sid, addr,
                        cgroups)
            pair.check()
            # A client admitted by a broad rule only: a reply that cannot return, when the
            # request arrives (every forward hop passes).
            broad = evidence == "broad"
            forward_ok = not pair.forward_notices and not any(
                d == "forward" for d, *_ in pair.findings)
            for direction, rule, level, resource, why in pair.findings:
                if not broad or (direction == "return" and forward_ok):
                    self.report(rule, level, fs_id, resource, cid, why)
            for table, why in pair.forward_notices + pair.return_notices:
                self.notices.setdefault(table, {}).setdefault(fs_id, why)

    def check_range(self, fs_id, fs):
        m = self.m
        rng = fs["range"]
        vpc_blocks = m.vpcs[fs["vpc"]]["cidrs"]
        for sid in self.vpc_subnets[fs["vpc"]]:
            if overlaps(m.subnets[sid]["cidr"], rng):
                self.report("RL105", "error", fs_id, sid, None, "range overlaps subnet")
        for tid in self.vpc_tables.get(fs["vpc"], []):
            for r in m.tables[tid]["routes"]:
                if "DestinationCidrBlock" not in r:
                    continue
                dest = parse(r["DestinationCidrBlock"])
                target = m.target_of(r)
                if target[0] == "local" or not overlaps(dest, rng):
                    continue
                if any(contains(dest, b) for b in vpc_blocks):
                    continue  # a summary (0.0.0.0/0, 10.0.0.0/8) of the VPC itself
                if target[0] == "eni" and dest[1] == 32 and dest in fs["ips"]:
                    continue
                self.report("RL105", "error", fs_id, show(dest), tid, "range overlaps a route")
        for other_id, other in m.fss.items():
            if other_id <= fs_id or not overlaps(other["range"], rng):
                continue
            if set(other["rtbs"]) & set(fs["rtbs"]):
                self.report("RL105", "warning", fs_id, other_id, None, "ranges overlap")

    # ---- transit gateway overlaps

    def check_overlaps(self):
        m = self.m
        by_tgw = {}
        for aid, a in m.attachments.items():
            for b in m.vpcs[a["vpc"]]["cidrs"]:
                by_tgw.setdefault(a["tgw"], []).append((b[0], b[0] + (1 << (32 - b[1])),
                                                        a["created"], aid, a["vpc"]))
        for items in by_tgw.values():
            items.sort()
            active = []
            for start, end, created, aid, v in items:
                active = [x for x in active if x[1] > start]
                for _, _, c2, a2, v2 in active:
                    if v2 == v:
                        continue
                    self.report("RL202", "warning", None, pair_key(v, v2), None,
                                "overlap on one TGW")
                active.append((start, end, created, aid, v))


class Pair:
    """One client and one file system: the findings (direction, rule, level, resource, why) and
    the notices (route table, why) of the walk forward and back."""

    def __init__(self, checker, fs_id, fs, groups, needs, fs_subnets, fs_att_id, cid, sid, addr,
                 cgroups):
        self.c, self.m = checker, checker.m
        self.fs_id, self.fs, self.groups, self.needs = fs_id, fs, groups, needs
        self.fs_subnets, self.fs_att_id = fs_subnets, fs_att_id
        self.cid, self.sid, self.addr, self.cgroups = cid, sid, addr, cgroups
        self.findings, self.forward_notices, self.return_notices = [], [], []

    def fail(self, direction, rule, level, resource, why):
        self.findings.append((direction, rule, level, resource, why))

    def lookup(self, table, block, notices):
        """The route a table chooses for a block; False when that is not known statically."""
        best, why = self.m.tables[table]["index"].lookup(block)
        if why:
            notices.append((table, why))
            return False
        return best

    def check(self):
        m = self.m
        s = m.subnets[self.sid]
        cvpc = s["vpc"]
        table = m.table_of[self.sid]
        fs = self.fs
        for ip in fs["ips"]:
            best = self.lookup(table, ip, self.forward_notices)
            if best is False:
                continue
            if cvpc == fs["vpc"]:
                if not (best and best[2][0] == "eni" and best[0][1] == 32):
                    self.fail("forward", "RL106", "error", table, "in-VPC client table")
                continue
            self.forward(s, cvpc, table, ip, best)
        self.returns(cvpc)
        self.security_groups()
        self.network_acls(s, cvpc)

    def forward(self, s, cvpc, table, ip, best):
        m = self.m
        if best is None or best[2][2] != "active":
            self.fail("forward", "RL102", "error", table, "no route / blackhole")
            return
        kind = best[2][0]
        if kind in APPLIANCE:
            self.forward_notices.append((table, f"{show(best[0])} -> {APPLIANCE[kind]}"))
            return
        if kind in ("pcx", "vgw"):
            self.fail("forward", "RL101", "error", table, "peering")
            return
        fs_att = m.attachments[self.fs_att_id]
        if kind != "tgw" or best[2][1] != fs_att["tgw"]:
            self.fail("forward", "RL102", "error", table, f"wrong target {best[2]}")
            return
        catt_id = m.vpcs[cvpc]["attachment"]
        catt = m.attachments.get(catt_id)
        if catt is None or catt["tgw"] != best[2][1]:
            self.fail("forward", "RL102", "error", table, "VPC not attached")
            return
        if s["az"] not in {m.subnets[x]["az"] for x in catt["subnets"]}:
            self.fail("forward", "RL201", "error", catt_id, "client AZ not attached")
        rtb = catt["rtb"]
        tbest, _ = m.tgw_tables[rtb].lookup(ip)
        if tbest is None or tbest[2] != (self.fs_att_id, "active"):
            self.fail("forward", "RL102", "error", rtb, f"TGW route {tbest}")
            return
        entry = [x for x in fs_att["subnets"] if m.subnets[x]["az"] == s["az"]] or \
            fs_att["subnets"]
        for e_sid in entry:
            et = m.table_of[e_sid]
            ebest = self.lookup(et, ip, self.forward_notices)
            if ebest is False:
                continue
            if not (ebest and ebest[2][0] == "eni" and ebest[0][1] == 32):
                self.fail("forward", "RL106", "error", et, "entry table lacks /32")

    def returns(self, cvpc):
        """Back from both file-system subnets."""
        m = self.m
        fs = self.fs
        for f_sid in self.fs_subnets:
            ft = m.table_of[f_sid]
            best = self.lookup(ft, self.addr, self.return_notices)
            if best is False:
                continue
            if cvpc == fs["vpc"]:
                if best is None or best[2][0] != "local":
                    self.fail("return", "RL103", "error", ft, "in-VPC return")
                continue
            if best is None or best[2][2] != "active":
                self.fail("return", "RL103", "error", ft, f"return via {best}")
                continue
            kind = best[2][0]
            if kind in APPLIANCE:
                self.return_notices.append((ft, f"{show(best[0])} -> {APPLIANCE[kind]}"))
                continue
            if kind == "pcx":
                if cvpc not in m.peerings.get(best[2][1], ()):
                    self.fail("return", "RL103", "error", ft, "return via foreign pcx")
                continue
            if kind != "tgw":
                self.fail("return", "RL103", "error", ft, f"return via {best}")
                continue
            fs_att = m.attachments[self.fs_att_id]
            tbest, _ = m.tgw_tables[fs_att["rtb"]].lookup(self.addr)
            if tbest is None or tbest[2] != (m.vpcs[cvpc]["attachment"], "active"):
                self.fail("return", "RL103", "error", fs_att["rtb"], f"TGW return {tbest}")

    def security_groups(self):
        """The file system's ingress, the client's egress."""
        m = self.m
        missing = [(p, lo, hi) for p, lo, hi in self.needs
                   if not sg_allows(m, self.groups, "in", self.addr, p, lo, hi,
                                    self.cgroups or ())]
        if missing:
            essential = any(p == "tcp" and lo <= 2049 <= hi for p, lo, hi in missing)
            self.fail("forward", "RL301", "error" if essential else "warning", self.groups[0],
                      f"ingress misses {missing}")
        if self.cgroups:
            for ip in self.fs["ips"]:
                missing = [(p, lo, hi) for p, lo, hi in self.needs
                           if not sg_allows(m, self.cgroups, "out", (ip[0], 32), p, lo, hi)]
                if missing:
                    essential = any(p == "tcp" and lo <= 2049 <= hi for p, lo, hi in missing)
                    self.fail("forward", "RL301", "error" if essential else "warning",
                              self.cgroups[0], f"egress misses {missing}")

    def network_acls(self, s, cvpc):
        """Network ACLs along the path, both directions."""
        m = self.m
        fs = self.fs
        path = [(self.sid, "client")]
        if cvpc != fs["vpc"] and m.vpcs[cvpc]["attachment"] in m.attachments:
            catt = m.attachments[m.vpcs[cvpc]["attachment"]]
            path += [(x, "attachment") for x in catt["subnets"]
                     if m.subnets[x]["az"] == s["az"]]
            fs_att = m.attachments[self.fs_att_id]
            path += [(x, "attachment") for x in fs_att["subnets"]
                     if m.subnets[x]["az"] == s["az"]]
        path += [(x, "fs") for x in self.fs_subnets]
        addr = self.addr
        for ip in fs["ips"]:
            for psid, role in path:
                blocked = []
                nid = m.nacl_of[psid]
                for p, lo, hi in self.needs:
                    if role == "client":
                        ok = nacl_allows(m, psid, True, (ip[0], 32), p, lo, hi) and \
                            nacl_allows(m, psid, False, (ip[0], 32), p, *REPLY_PORTS)
                    elif role == "fs":
                        ok = nacl_allows(m, psid, False, addr, p, lo, hi) and \
                            nacl_allows(m, psid, True, addr, p, *REPLY_PORTS)
                    else:
                        ok = all(nacl_allows(m, psid, eg, peer, p, a, b)
                                 for eg in (True, False)
                                 for peer in (addr, (ip[0], 32))
                                 for a, b in ((lo, hi), REPLY_PORTS))
                    if not ok:
                        blocked.append((p, lo, hi))
                if blocked:
                    essential = any(p == "tcp" and lo <= 2049 <= hi for p, lo, hi in blocked)
                    self.fail("forward", "RL302", "error" if essential else "warning", nid,
                              f"{role} {blocked}")


# ----------------------------------------------------------------------------------------------
# Comparison with expected-verdicts.json

NOTICE = re.compile(r"could not evaluate (\S+) on the path from (\S+) to (\S+): (.*)$", re.S)


def pair_key(a, b):
    """RL202 is compared by the two VPCs it names: which one a finding is placed at is the
    linter's choice (expected-verdicts.json names the later one as `resource`)."""
    return "|".join(sorted([a, b]))


def expected_key(x):
    resource = pair_key(x["resource"], x["client"]) if x["rule"] == "RL202" else x["resource"]
    return x["rule"], x["level"], x["filesystem"], resource


def compare(label, expected, findings, notices, extra=()):
    """Prints the differences; findings: {(rule, level, fs, resource): [why...]}, notices:
    {route table: {fs: why}}; extra: messages that are wrong in themselves (unparsed notices,
    errors). Returns True when everything is exactly as expected."""
    want = {expected_key(x) for x in expected if x["level"] != "notice"}
    want_notices = {x["resource"]: x["filesystem"] for x in expected if x["level"] == "notice"}
    got = set(findings)
    ok = want == got and not extra
    for key in sorted(want - got, key=str):
        print(f"{label}: missing    ", key)
    for key in sorted(got - want, key=str):
        print(f"{label}: unexpected ", key, str(findings[key][:3])[:300])
    for table, fs in sorted(want_notices.items()):
        if table not in notices:
            print(f"{label}: missing     notice at {table} ({fs})")
            ok = False
        elif fs is not None and fs not in notices[table]:
            print(f"{label}: notice at {table} names {sorted(notices[table])}, not {fs}")
            ok = False
    for table in sorted(set(notices) - set(want_notices)):
        print(f"{label}: unexpected  notice at {table}: {notices[table]}")
        ok = False
    for message in extra:
        print(f"{label}: unexpected  {message}")
    print(f"{label}: {'OK' if ok else 'MISMATCH'}: {len(got & want)}/{len(want)} expected "
          f"verdicts found, {len(got - want)} unexpected; "
          f"{len(set(notices) & set(want_notices))}/{len(want_notices)} expected notices, "
          f"{len(set(notices) - set(want_notices)) + len(extra)} unexpected")
    return ok


def reachlint_verdicts(doc):
    """reachlint's JSON report as (findings, notices, extra) for compare()."""
    findings, notices, extra = {}, {}, []
    for f in doc.get("findings", []):
        # A route is named "rtb-...:destination"; the table is the resource.
        resource = re.split(r"[: ]", f["resource"], maxsplit=1)[0]
        if f["rule"] == "RL202":
            resource = pair_key(*re.findall(r"\bvpc-[0-9a-f]+", f["message"])[:2])
        key = (f["rule"], f["level"], f["filesystem"], resource)
        findings.setdefault(key, []).append(f.get("client") or f.get("clients"))
    for n in doc.get("notices", []):
        match = NOTICE.match(n["message"])
        if match:
            notices.setdefault(match.group(1), {})[match.group(3)] = match.group(4)
        else:
            extra.append(f"notice: {n['message']}")
    extra += [f"error: {e['message']}" for e in doc.get("errors", [])]
    return findings, notices, extra


def find_reachlint():
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in (os.environ.get("REACHLINT"),
                      os.path.join(here, "..", "..", "build", "reachlint"),
                      shutil.which("reachlint")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def run_reachlint(binary, root):
    started = time.time()
    try:
        proc = subprocess.run([binary, "--no-config", "-q", "-f", "json",
                               os.path.join(root, "accounts")], capture_output=True, text=True)
    except OSError as e:
        print(f"check_org.py: cannot run {binary}: {e.strerror}", file=sys.stderr)
        sys.exit(2)
    elapsed = time.time() - started
    if proc.returncode not in (0, 1):
        print(f"check_org.py: {binary} exited {proc.returncode}: {proc.stderr.strip()}",
              file=sys.stderr)
        sys.exit(2)
    return json.loads(proc.stdout), elapsed


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", help="the directory gen_org.py wrote")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--reachlint", metavar="BIN",
                     help="the reachlint to run (default: $REACHLINT, build/reachlint of this "
                          "repository, then reachlint on PATH)")
    src.add_argument("--reachlint-json", metavar="FILE",
                     help="reachlint's `--format json` report on OUT/accounts, instead of "
                          "running reachlint")
    src.add_argument("--no-reachlint", action="store_true", help="the model check only")
    p.add_argument("--skip-model", action="store_true",
                   help="the reachlint check only (the model check takes longer)")
    args = p.parse_args(argv[1:])
    root = args.out
    with open(os.path.join(root, "expected-verdicts.json")) as f:
        expected = json.load(f)
    ok = True
    started = time.time()
    m = Model()
    m.load(root)
    m.finish()
    loaded = time.time()
    if not args.skip_model:
        c = Checker(m)
        for fs_id in sorted(m.fss):
            c.check_fs(fs_id)
        c.check_overlaps()
        ok &= compare("model", expected, c.findings, c.notices)
        print(f"model: {len(m.fss)} file systems, "
              f"{c.pairs['specific'] + c.pairs['broad']} client pairs walked "
              f"({c.pairs['broad']} broad), {len(m.vpcs)} VPCs, {len(m.tables)} route tables "
              f"(load {loaded - started:.1f} s, check {time.time() - loaded:.1f} s)")
    if not args.no_reachlint:
        if args.reachlint_json:
            with open(args.reachlint_json) as f:
                doc = json.load(f)
            how = args.reachlint_json
        else:
            binary = args.reachlint or find_reachlint()
            if binary is None:
                print("check_org.py: no reachlint found: build it, or give --reachlint BIN, "
                      "--reachlint-json FILE or --no-reachlint", file=sys.stderr)
                return 2
            doc, elapsed = run_reachlint(binary, root)
            how = f"{binary}, {elapsed:.2f} s"
        findings, notices, extra = reachlint_verdicts(doc)
        ok &= compare("reachlint", expected, findings, notices, extra)
        print(f"reachlint: {len(doc.get('findings', []))} findings, "
              f"{len(doc.get('notices', []))} notices ({how})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
