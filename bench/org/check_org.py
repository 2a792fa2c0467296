#!/usr/bin/env python3
"""Checks an export written by gen_org.py against its expected-verdicts.json.

A small, independent reading of DESIGN.md §3 (not reachlint's code): it loads the JSON files by
their top-level key, finds each Multi-AZ file system's intended clients (specific security-group
CIDR rules and security-group references, routes to the file system's VPC CIDR or endpoint range
through its transit gateway or a peering connection, and subnets routed there and admitted by a
broad rule), walks every pair forward (client route table, attachment AZ, TGW route table, entry
subnet's route table) and back from both file-system subnets, evaluates security groups and
network ACLs (replies to the NFS client's reserved ports 665-1023), and looks for endpoint-range
overlaps (RL105) and overlapping CIDRs on one transit gateway (RL202). Findings are compared as
(rule, level, filesystem, resource) with expected-verdicts.json; exit status 1 on any difference.

usage: check_org.py OUT        (the directory gen_org.py wrote)
"""

import glob
import json
import os
import re
import sys
import time

REPLY_PORTS = (665, 1023)
OPENZFS = [("tcp", 111, 111), ("tcp", 2049, 2049), ("tcp", 20001, 20003),
           ("udp", 111, 111), ("udp", 2049, 2049), ("udp", 20001, 20003)]
ONTAP = [("tcp", 111, 111), ("tcp", 635, 635), ("tcp", 2049, 2049), ("tcp", 4045, 4046),
         ("udp", 111, 111), ("udp", 635, 635), ("udp", 2049, 2049), ("udp", 4045, 4046),
         ("udp", 4049, 4049)]
PROTO = {"tcp": "6", "udp": "17"}


def parse(cidr):
    addr, _, plen = cidr.partition("/")
    a, b, c, d = (int(x) for x in addr.split("."))
    plen = int(plen) if plen else 32
    base = (a << 24) | (b << 16) | (c << 8) | d
    return base & (~((1 << (32 - plen)) - 1) & 0xFFFFFFFF), plen


def contains(outer, inner):
    ob, op = outer
    ib, ip = inner
    return op <= ip and (ib >> (32 - op) if op else 0) == (ob >> (32 - op) if op else 0)


def overlaps(a, b):
    return contains(a, b) or contains(b, a)


class Model:
    def __init__(self):
        self.vpcs, self.subnets, self.tables, self.sgs, self.nacl_of = {}, {}, {}, {}, {}
        self.nacls, self.enis, self.instances, self.attachments = {}, {}, {}, {}
        self.tgw_tables, self.peerings, self.fss, self.svms = {}, {}, {}, {}
        self.main_table, self.table_of = {}, {}
        self.tgw_rtb_assoc = {}

    def load(self, root):
        for path in sorted(glob.glob(os.path.join(root, "accounts", "*", "*", "*.json"))):
            with open(path) as f:
                doc = json.load(f)
            name = os.path.basename(path)
            m = re.search(r"\.(tgw-rtb-[0-9a-f]+)\.json$", name)
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
        for t in items:
            routes = []
            for r in t["Routes"]:
                if "DestinationCidrBlock" not in r:
                    continue  # prefix-list routes: S3/DynamoDB gateway endpoints
                target = None
                for key, kind in (("GatewayId", "gw"), ("TransitGatewayId", "tgw"),
                                  ("VpcPeeringConnectionId", "pcx"), ("NatGatewayId", "nat"),
                                  ("NetworkInterfaceId", "eni")):
                    if key in r:
                        target = (kind, r[key])
                if target == ("gw", "local"):
                    target = ("local", "local")
                routes.append((parse(r["DestinationCidrBlock"]), target, r["State"]))
            self.tables[t["RouteTableId"]] = {"vpc": t["VpcId"], "routes": routes}
            for a in t["Associations"]:
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
        self.tgw_tables[m.group(1)] = routes

    def on_FileSystems(self, items, _):
        for f in items:
            conf = f.get("OpenZFSConfiguration") or f.get("OntapConfiguration")
            ips = []
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

    def finish(self):
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


def lpm(routes, addr):
    best = None
    for dest, target, state in routes:
        if contains(dest, addr) and (best is None or dest[1] > best[0][1]):
            best = (dest, target, state)
    return best


def tgw_lpm(routes, addr):
    best = None
    for dest, kind, state, att in routes:
        if contains(dest, addr):
            if best is None or dest[1] > best[0][1] or (dest[1] == best[0][1] and
                                                        kind == "static"):
                best = (dest, kind, state, att)
    return best


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


class Checker:
    def __init__(self, m):
        self.m = m
        self.findings = {}
        self.pairs = {"specific": 0, "broad": 0}
        self.dest_index = {}
        for tid, t in m.tables.items():
            for dest, target, state in t["routes"]:
                if target and target[0] in ("tgw", "pcx"):
                    self.dest_index.setdefault(dest, []).append((tid, target))
        self.subnets_of_table = {}
        for sid, tid in m.table_of.items():
            self.subnets_of_table.setdefault(tid, []).append(sid)
        self.vpc_subnets = {}
        for sid, s in m.subnets.items():
            self.vpc_subnets.setdefault(s["vpc"], []).append(sid)
        self.instances_of_group = {}
        for iid, i in m.instances.items():
            for g in i["groups"]:
                self.instances_of_group.setdefault(g, []).append(iid)

    def report(self, rule, level, fs, resource, client, why):
        key = (rule, level, fs, resource)
        self.findings.setdefault(key, []).append((client, why))

    # ---- clients

    def clients(self, fs_id, fs, groups, needs, tgw, fs_att):
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
                    for v, rec in m.vpcs.items():
                        if any(contains(b, cidr) for b in rec["cidrs"]):
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
            return target[0] == "pcx" and vpc in m.peerings.get(target[1], ())

        for dest, uses in self.dest_index.items():
            overl = [b[1] for b in blocks if overlaps(b, dest)]
            if not overl or dest[1] < min(overl):
                continue
            for tid, target in uses:
                if m.tables[tid]["vpc"] != vpc and leads_here(target):
                    for sid in self.subnets_of_table.get(tid, []):
                        add_subnet(sid, "specific")
        # Broad: routed toward the endpoint and admitted by a rule containing the subnet.
        admit = []
        for gid in groups:
            for p in m.sgs[gid]["in"]:
                if p["IpProtocol"] == "-1" or (proto_match(p["IpProtocol"], "tcp") and
                                               p["FromPort"] <= 2049 <= p["ToPort"]):
                    admit += [parse(r["CidrIp"]) for r in p["IpRanges"]]
        for v, rec in m.vpcs.items():
            if v == vpc or not any(overlaps(a, b) for a in admit for b in rec["cidrs"]):
                continue
            for sid in self.vpc_subnets.get(v, []):
                s = m.subnets[sid]
                if not any(contains(a, s["cidr"]) for a in admit):
                    continue
                t = m.tables[m.table_of[sid]]
                if any(target and leads_here(target) and all(contains(dest, ip)
                                                             for ip in fs["ips"])
                       for dest, target, state in t["routes"]):
                    add_subnet(sid, "broad")
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
                self.clients(fs_id, fs, groups, needs, tgw, fs_att).items()):
            self.pairs[evidence] += 1
            self.check_pair(fs_id, fs, groups, needs, fs_subnets, fs_att_id, cid, sid, addr,
                            cgroups, evidence)

    def check_range(self, fs_id, fs):
        m = self.m
        rng = fs["range"]
        for sid in self.vpc_subnets[fs["vpc"]]:
            if overlaps(m.subnets[sid]["cidr"], rng):
                self.report("RL105", "error", fs_id, sid, None, "range overlaps subnet")
        for tid, t in m.tables.items():
            if t["vpc"] != fs["vpc"]:
                continue
            for dest, target, state in t["routes"]:
                if target[0] == "local" or dest[1] == 0 or not overlaps(dest, rng):
                    continue
                if target[0] == "eni" and dest[1] == 32 and dest in fs["ips"]:
                    continue
                self.report("RL105", "error", fs_id, f"{dest}", tid, "range overlaps a route")
        for other_id, other in m.fss.items():
            if other_id <= fs_id or not overlaps(other["range"], rng):
                continue
            if set(other["rtbs"]) & set(fs["rtbs"]):
                self.report("RL105", "warning", fs_id, other_id, None, "ranges overlap")

    def check_pair(self, fs_id, fs, groups, needs, fs_subnets, fs_att_id, cid, sid, addr,
                   cgroups, evidence):
        m = self.m
        s = m.subnets[sid]
        cvpc = s["vpc"]
        table = m.table_of[sid]
        for ip in fs["ips"]:
            if cvpc == fs["vpc"]:
                best = lpm(m.tables[table]["routes"], ip)
                if not (best and best[1][0] == "eni" and best[0][1] == 32):
                    self.report("RL106", "error", fs_id, table, cid, "in-VPC client table")
                continue
            best = lpm(m.tables[table]["routes"], ip)
            if best is None or best[2] != "active":
                self.report("RL102", "error", fs_id, table, cid, "no route / blackhole")
                continue
            kind = best[1][0]
            if kind == "pcx":
                self.report("RL101", "error", fs_id, table, cid, "peering")
                continue
            if kind != "tgw" or best[1][1] != m.attachments[fs_att_id]["tgw"]:
                self.report("RL102", "error", fs_id, table, cid, f"wrong target {best[1]}")
                continue
            catt_id = m.vpcs[cvpc]["attachment"]
            catt = m.attachments.get(catt_id)
            if catt is None or catt["tgw"] != best[1][1]:
                self.report("RL102", "error", fs_id, table, cid, "VPC not attached")
                continue
            if s["az"] not in {m.subnets[x]["az"] for x in catt["subnets"]}:
                self.report("RL201", "error", fs_id, catt_id, cid, "client AZ not attached")
            rtb = catt["rtb"]
            tbest = tgw_lpm(m.tgw_tables[rtb], ip)
            if tbest is None or tbest[2] != "active" or tbest[3] != fs_att_id:
                self.report("RL102", "error", fs_id, rtb, cid, f"TGW route {tbest}")
                continue
            fs_att = m.attachments[fs_att_id]
            entry = [x for x in fs_att["subnets"] if m.subnets[x]["az"] == s["az"]] or \
                fs_att["subnets"]
            for e_sid in entry:
                et = m.table_of[e_sid]
                ebest = lpm(m.tables[et]["routes"], ip)
                if not (ebest and ebest[1][0] == "eni" and ebest[0][1] == 32):
                    self.report("RL106", "error", fs_id, et, cid, "entry table lacks /32")
            # NACLs of the client's and the attachments' subnets.
        # Return from both file-system subnets.
        for f_sid in fs_subnets:
            ft = m.table_of[f_sid]
            best = lpm(m.tables[ft]["routes"], addr)
            if cvpc == fs["vpc"]:
                if best is None or best[1][0] != "local":
                    self.report("RL103", "error", fs_id, ft, cid, "in-VPC return")
                continue
            if best is None or best[2] != "active" or best[1][0] not in ("tgw", "pcx"):
                self.report("RL103", "error", fs_id, ft, cid, f"return via {best}")
                continue
            if best[1][0] == "pcx":
                if cvpc not in m.peerings.get(best[1][1], ()):
                    self.report("RL103", "error", fs_id, ft, cid, "return via foreign pcx")
                continue
            fs_att = m.attachments[fs_att_id]
            tbest = tgw_lpm(m.tgw_tables[fs_att["rtb"]], addr)
            if tbest is None or tbest[2] != "active" or \
                    tbest[3] != m.vpcs[cvpc]["attachment"]:
                self.report("RL103", "error", fs_id, fs_att["rtb"], cid, f"TGW return {tbest}")
        # Security groups: the file system's ingress, the client's egress.
        missing = [(p, lo, hi) for p, lo, hi in needs
                   if not sg_allows(m, groups, "in", addr, p, lo, hi, cgroups or ())]
        if missing:
            essential = any(p == "tcp" and lo <= 2049 <= hi for p, lo, hi in missing)
            self.report("RL301", "error" if essential else "warning", fs_id, groups[0], cid,
                        f"ingress misses {missing}")
        if cgroups:
            for ip in fs["ips"]:
                missing = [(p, lo, hi) for p, lo, hi in needs
                           if not sg_allows(m, cgroups, "out", (ip[0], 32), p, lo, hi)]
                if missing:
                    essential = any(p == "tcp" and lo <= 2049 <= hi for p, lo, hi in missing)
                    self.report("RL301", "error" if essential else "warning", fs_id, cgroups[0],
                                cid, f"egress misses {missing}")
        # Network ACLs along the path, both directions.
        path = [(sid, addr, "client")]
        if cvpc != fs["vpc"] and m.vpcs[cvpc]["attachment"] in m.attachments:
            catt = m.attachments[m.vpcs[cvpc]["attachment"]]
            path += [(x, addr, "attachment") for x in catt["subnets"]
                     if m.subnets[x]["az"] == s["az"]]
            fs_att = m.attachments[fs_att_id]
            path += [(x, addr, "attachment") for x in fs_att["subnets"]
                     if m.subnets[x]["az"] == s["az"]]
        path += [(x, addr, "fs") for x in fs_subnets]
        for ip in fs["ips"]:
            for psid, peer_addr, role in path:
                blocked = []
                nid = m.nacl_of[psid]
                for p, lo, hi in needs:
                    if role == "client":
                        ok = nacl_allows(m, psid, True, (ip[0], 32), p, lo, hi) and \
                            nacl_allows(m, psid, False, (ip[0], 32), p, *REPLY_PORTS)
                    elif role == "fs":
                        ok = nacl_allows(m, psid, False, peer_addr, p, lo, hi) and \
                            nacl_allows(m, psid, True, peer_addr, p, *REPLY_PORTS)
                    else:
                        ok = all(nacl_allows(m, psid, eg, peer, p, a, b)
                                 for eg in (True, False)
                                 for peer in (peer_addr, (ip[0], 32))
                                 for a, b in ((lo, hi), REPLY_PORTS))
                    if not ok:
                        blocked.append((p, lo, hi))
                if blocked:
                    essential = any(p == "tcp" and lo <= 2049 <= hi for p, lo, hi in blocked)
                    self.report("RL302", "error" if essential else "warning", fs_id, nid, cid,
                                f"{role} {blocked}")

    # ---- transit gateway overlaps

    def check_overlaps(self):
        m = self.m
        by_tgw = {}
        for aid, a in m.attachments.items():
            by_tgw.setdefault(a["tgw"], []).append((a["created"], aid, a["vpc"]))
        for items in by_tgw.values():
            items.sort()
            for i, (_, _, v1) in enumerate(items):
                for _, _, v2 in items[i + 1:]:
                    if any(overlaps(a, b) for a in m.vpcs[v1]["cidrs"]
                           for b in m.vpcs[v2]["cidrs"]):
                        self.report("RL202", "warning", None, v2, v1, "overlap on one TGW")


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root = argv[1]
    started = time.time()
    m = Model()
    m.load(root)
    m.finish()
    loaded = time.time()
    c = Checker(m)
    for fs_id in sorted(m.fss):
        c.check_fs(fs_id)
    c.check_overlaps()
    with open(os.path.join(root, "expected-verdicts.json")) as f:
        expected = json.load(f)
    want = {(x["rule"], x["level"], x["filesystem"], x["resource"]) for x in expected}
    got = set(c.findings)
    ok = want == got
    for key in sorted(want - got, key=str):
        print("missing   ", key)
    for key in sorted(got - want, key=str):
        print("unexpected", key, c.findings[key][:3])
    print(f"{'OK' if ok else 'MISMATCH'}: {len(got & want)}/{len(want)} expected verdicts found, "
          f"{len(got - want)} unexpected; {len(m.fss)} file systems, "
          f"{c.pairs['specific']} client pairs walked ({c.pairs['broad']} broad), "
          f"{len(m.vpcs)} VPCs, "
          f"{len(m.tables)} route tables (load {loaded - started:.1f} s, "
          f"check {time.time() - loaded:.1f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
