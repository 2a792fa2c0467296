#include <fmt/format.h>

#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Finds clients whose only way to a Multi-AZ FSx for OpenZFS or ONTAP file system is a VPC peering
connection, a virtual private gateway (Site-to-Site VPN) or Direct Connect.

## Why is this bad?
A Multi-AZ file system serves NFS (and SMB and ONTAP management) on a *floating* IP address in its
`EndpointIpAddressRange`. That address sits on no network interface: FSx writes a route for it into
the route tables named in `RouteTableIds`, pointing at the active file server. VPC peering, VPN and
Direct Connect do not route transitively, so packets for the floating IP never arrive. The mount
hangs with `mount.nfs: Connection timed out`. Only AWS Transit Gateway routes to floating IPs.
Single-AZ file systems serve on interface addresses inside their subnet and work over peering.

## Example
```json
"ClientToFsxViaPeering": {
  "Type": "AWS::EC2::Route",
  "Properties": {
    "RouteTableId": {"Ref": "ClientRouteTable"},
    "DestinationCidrBlock": "10.0.0.0/16",
    "VpcPeeringConnectionId": {"Ref": "VpcPeering"}
  }
}
```
with an `AWS::FSx::FileSystem` whose `OpenZFSConfiguration.DeploymentType` is `MULTI_AZ_1`.

## Use instead
Connect the client's VPC and the file system's VPC with a transit gateway: an attachment in each
VPC (with a subnet in every client Availability Zone), routes to the file system's VPC CIDR (or its
endpoint range) through the transit gateway, and the attachment subnets' route tables in
`RouteTableIds`. An endpoint range outside the VPC CIDR (ONTAP's default in 198.19.0.0/16) also
needs a static route to the file system's VPC attachment in the transit gateway route tables
(RL104). On-premises clients use Direct Connect or VPN *to the transit gateway*.

## References
- [Accessing your data within the AWS Cloud (FSx for OpenZFS)](https://docs.aws.amazon.com/fsx/latest/OpenZFSGuide/access-within-aws.html)
- [Accessing your FSx for ONTAP data](https://docs.aws.amazon.com/fsx/latest/ONTAPGuide/supported-fsx-clients.html)
- [How AWS Transit Gateway works](https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html)
)md";

void check(const RuleContext& context, FindingSink& sink) {
  for_each_failed_hop(context, [&](const analysis::FileSystemAnalysis& a,
                                   const analysis::Trace& trace, const analysis::Hop& hop) {
    if (hop.cause != analysis::Cause::NotTransitive) return;
    const model::Origin& subject = hop_subject(context.model, hop);
    const std::string_view fs = context.model.file_systems[a.file_system].origin.name;
    const bool outside =
        trace.client->subnet == model::kNone;  // on premises, or a VPC not exported
    const bool over_peering = hop.via.kind == model::TargetKind::Peering;
    std::string advice = over_peering || !outside
                             ? "connect the VPCs with a transit gateway"
                             : "attach the VPN or Direct Connect to a transit gateway that is "
                               "attached to the file system's VPC";
    // A range outside the VPC is not in the CIDR the transit gateway learns from the attachment:
    // the routes that take the place of the peering must name it (RL104 checks the static route).
    if (a.endpoint.inside_vpc == analysis::Inside::No)
      advice += fmt::format(
          ", route the endpoint range ({}) through it and add a static route for that range to "
          "the file system's VPC attachment in its transit gateway route tables",
          a.endpoint.description);
    sink.report({Level::Error,
                 fmt::format("{} reaches Multi-AZ file system {} only through {} (route {}); "
                             "peering, VPN and Direct Connect do not route to its floating IP: {}",
                             outside ? trace.client->id() : "the client", fs,
                             analysis::via_words(hop.via), subject.name, advice),
                 a.file_system, &subject, fmt::format("{}|{}", fs, subject.name), &trace, &hop});
  });
}

}  // namespace

extern const RuleInfo kRL101 = {"RL101",
                                "multiaz-endpoint-over-peering",
                                Level::Error,
                                "A client reaches a Multi-AZ file system's VPC only through VPC "
                                "peering, a VPN gateway or Direct Connect",
                                "reachability,fsx,multi-az,peering",
                                "7.5",
                                kDocumentation,
                                check};

}  // namespace reachlint::rules
