#include <fmt/format.h>

#include "rules/port_messages.h"
#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Evaluates the network ACL of every subnet on the path, in both directions: the client's subnet,
the transit gateway attachment subnets on both sides, and the file system's preferred and standby
subnets. Requests must pass on the protocol's ports; replies must pass to the client's source
ports. Linux NFS clients bind a reserved source port (665-1023) by default, so replies go to those.
ACLs around a transit gateway apply as AWS documents: toward the gateway, the sender's subnet
checks outbound and the attachment subnet inbound; from the gateway, the attachment subnet checks
outbound and the receiver's subnet inbound, and nothing is checked when they are the same subnet.

## Why is this bad?
Network ACLs are stateless: a reply is a new packet that must be allowed on its own, and the
first matching rule (lowest number) decides. A common outbound rule that allows only the ephemeral
ports 1024-65535 drops every reply to an NFS client's reserved port. Missing TCP 2049 (or its
replies) means no NFS at all (error); other ports break NFSv3 only (warning).

## Example
```json
"FsxAclRepliesTcp": {
  "Type": "AWS::EC2::NetworkAclEntry",
  "Properties": {
    "NetworkAclId": {"Ref": "FsxAcl"}, "RuleNumber": 100, "Egress": true, "RuleAction": "allow",
    "Protocol": 6, "CidrBlock": "10.1.0.0/16", "PortRange": {"From": 1024, "To": 65535}
  }
}
```

## Use instead
Allow the requests on the protocol's ports and the replies to the client's reserved ports as well,
for TCP and UDP, in every ACL on the path, the attachment subnets' ACLs in both directions. For the
replies: `"PortRange": {"From": 600, "To": 65535}` (or all ports to the client CIDR).

## References
- [Control subnet traffic with network access control lists](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html)
- [Network ACLs for transit gateways](https://docs.aws.amazon.com/vpc/latest/tgw/tgw-nacls.html)
- [Managing file system access with Amazon VPC (FSx for OpenZFS)](https://docs.aws.amazon.com/fsx/latest/OpenZFSGuide/limit-access-security-groups.html)
)md";

void check(const RuleContext& context, FindingSink& sink) {
  for_each_failed_hop(context, [&](const analysis::FileSystemAnalysis& a,
                                   const analysis::Trace& trace, const analysis::Hop& hop) {
    if (hop.kind != analysis::HopKind::NetworkAcl || hop.cause != analysis::Cause::PortsBlocked)
      return;
    const model::Origin& acl = context.model.origin(hop.resource);
    const model::Origin& subject = hop_subject(context.model, hop);
    const std::string_view fs = context.model.file_systems[a.file_system].origin.name;
    const std::string ports = blocked_ports(hop);
    const std::string rule = hop.decided_by && !hop.decided_by->implicit
                                 ? fmt::format(" (rule {})", hop.decided_by->name)
                                 : " (no rule allows them)";
    sink.report(
        {hop.essential ? Level::Error : Level::Warning,
         fmt::format("{} on {}{}{}: {}", hop.decision, ports, rule,
                     hop.standby ? ", once the file system fails over to its standby subnet" : "",
                     port_consequence(hop)),
         a.file_system, &subject,
         fmt::format("{}|{}|{}|{}|{}", fs, acl.name, hop.egress ? "out" : "in",
                     hop.direction == analysis::Direction::Forward ? "request" : "reply", ports),
         &trace, &hop, hop.client_words});
  });
}

}  // namespace

extern const RuleInfo kRL302 = {
    "RL302",
    "network-acl-blocks-protocol",
    Level::Error,
    "A network ACL on the path denies the protocol's ports or the return traffic",
    "reachability,network-acl,nfs",
    "6.5",
    kDocumentation,
    check};

}  // namespace reachlint::rules
