#include <fmt/format.h>

#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Follows the request from each intended client toward the file system's endpoint and reports every
hop that has no route, whose longest match is a blackhole, or whose longest match leads somewhere
else: the client subnet's route table, the transit gateway attachment and its association, the
transit gateway route table, and the route table of the subnet where the packet enters the file
system's VPC.

## Why is this bad?
Without a route the packet is dropped at that hop and NFS mounts time out. Route tables are
evaluated by longest prefix match; in a transit gateway route table a static route beats a
propagated one, and a blackhole route drops. A VPC route pointing at a transit gateway only works
when the VPC has an attachment to that transit gateway.

## Example
The client subnet's route table has only its `local` route, so nothing sends `10.0.0.0/16` (the
file system's VPC, where its endpoint lives) anywhere:
```json
"ClientRouteTable": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "ClientVpc"}}}
```

## Use instead
Add a route for the file system's VPC CIDR (or its endpoint range) through the transit gateway,
attach both VPCs to the transit gateway, and make sure the attachment's route table (the default
one, or the one it is associated with) has a route to the file system's VPC attachment:
```json
"ClientToFsxViaTgw": {
  "Type": "AWS::EC2::Route",
  "DependsOn": "ClientAttachment",
  "Properties": {
    "RouteTableId": {"Ref": "ClientRouteTable"},
    "DestinationCidrBlock": "10.0.0.0/16",
    "TransitGatewayId": {"Ref": "Tgw"}
  }
}
```

## References
- [Route priority](https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html)
- [How AWS Transit Gateway works](https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html)
- [Amazon VPC attachments in AWS Transit Gateway](https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html)
)md";

bool is_forward_routing_failure(const analysis::Hop& hop) {
  using analysis::Cause;
  if (hop.direction != analysis::Direction::Forward) return false;
  switch (hop.cause) {
    case Cause::NoRoute:
    case Cause::Blackhole:
    case Cause::WrongTarget:
    case Cause::NoAttachment:
    case Cause::NoAssociation:
      return true;
    default:
      return false;
  }
}

void check(const RuleContext& context, FindingSink& sink) {
  for_each_failed_hop(context, [&](const analysis::FileSystemAnalysis& a,
                                   const analysis::Trace& trace, const analysis::Hop& hop) {
    if (!is_forward_routing_failure(hop)) return;
    const model::Origin& subject = hop_subject(context.model, hop);
    const std::string_view fs = context.model.file_systems[a.file_system].origin.name;
    sink.report({Level::Error, fmt::format("no route to file system {}: {}", fs, hop.decision),
                 a.file_system, &subject, fmt::format("{}|{}|{}", fs, subject.name, hop.decision),
                 &trace, &hop});
  });
}

}  // namespace

extern const RuleInfo kRL102 = {"RL102",
                                "no-forward-route",
                                Level::Error,
                                "A hop on the way to the endpoint has no route, or its longest "
                                "match is a blackhole or the wrong target",
                                "reachability,routing",
                                "7.0",
                                kDocumentation,
                                check};

}  // namespace reachlint::rules
