#include <fmt/format.h>

#include "rules/port_messages.h"
#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Checks that the file system's security groups admit each intended client on every port of the
protocol, and that the client's own security groups allow them outbound. For FSx for OpenZFS NFS
that is TCP and UDP 111, 2049 and 20001-20003; for FSx for ONTAP NFS, TCP and UDP 111, 635, 2049,
4045 and 4046, and UDP 4049 (AWS's tables). With `nfs = "v4"` under `[protocols]` only TCP 2049 is
required.

## Why is this bad?
Without TCP 2049 there is no NFS at all (error). Without the other ports NFSv3 fails (the mount
protocol, the lock manager and the status monitor live there) while NFSv4.x over TCP 2049 still
works (warning). Security groups are stateful: replies need no rule. A rule that references a
security group matches only across a transit gateway when security group referencing is enabled
on the transit gateway and on both attachments.

## Example
```json
"SecurityGroupIngress": [
  {"IpProtocol": "tcp", "FromPort": 111, "ToPort": 111, "CidrIp": "10.1.0.0/16"},
  {"IpProtocol": "tcp", "FromPort": 20001, "ToPort": 20003, "CidrIp": "10.1.0.0/16"}
]
```
(no TCP 2049).

## Use instead
Admit the clients' CIDR (or their security group) on every port of the protocol, TCP and UDP, in
the file system's security groups, and allow the same ports to the file system in the clients'
egress rules:
```json
"SecurityGroupIngress": [
  {"IpProtocol": "tcp", "FromPort": 111, "ToPort": 111, "CidrIp": "10.1.0.0/16"},
  {"IpProtocol": "udp", "FromPort": 111, "ToPort": 111, "CidrIp": "10.1.0.0/16"},
  {"IpProtocol": "tcp", "FromPort": 2049, "ToPort": 2049, "CidrIp": "10.1.0.0/16"},
  {"IpProtocol": "udp", "FromPort": 2049, "ToPort": 2049, "CidrIp": "10.1.0.0/16"},
  {"IpProtocol": "tcp", "FromPort": 20001, "ToPort": 20003, "CidrIp": "10.1.0.0/16"},
  {"IpProtocol": "udp", "FromPort": 20001, "ToPort": 20003, "CidrIp": "10.1.0.0/16"}
]
```

## References
- [Managing file system access with Amazon VPC (FSx for OpenZFS)](https://docs.aws.amazon.com/fsx/latest/OpenZFSGuide/limit-access-security-groups.html)
- [File System Access Control with Amazon VPC (FSx for ONTAP)](https://docs.aws.amazon.com/fsx/latest/ONTAPGuide/limit-access-security-groups.html)
- [Security group referencing across a transit gateway](https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html)
)md";

void check(const RuleContext& context, FindingSink& sink) {
  for_each_failed_hop(context, [&](const analysis::FileSystemAnalysis& a,
                                   const analysis::Trace& trace, const analysis::Hop& hop) {
    if (hop.kind != analysis::HopKind::SecurityGroup || hop.cause != analysis::Cause::PortsBlocked)
      return;
    const model::Origin& group = context.model.origin(hop.resource);
    const std::string_view fs = context.model.file_systems[a.file_system].origin.name;
    const std::string ports = blocked_ports(hop);
    sink.report(
        {hop.essential ? Level::Error : Level::Warning,
         fmt::format("{} on {}: {}", hop.decision, ports, port_consequence(hop)), a.file_system,
         &group,
         fmt::format("{}|{}|{}|{}", fs, group.name, hop.egress ? "egress" : "ingress", ports),
         &trace, &hop, hop.client_words});
  });
}

}  // namespace

extern const RuleInfo kRL301 = {"RL301",
                                "security-group-blocks-protocol",
                                Level::Error,
                                "The file system's security groups or the client's egress rules do "
                                "not pass every required port",
                                "reachability,security-group,nfs",
                                "6.5",
                                kDocumentation,
                                check};

}  // namespace reachlint::rules
