#include <fmt/format.h>

#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Follows the reply from the file system back to each client once the request arrives, from the
preferred subnet *and* from the standby subnet (where the active file server runs after a
failover): the file system subnet's route table, the transit gateway attachment and the route
table it is associated with, and the route to the client's VPC attachment.

## Why is this bad?
The request arrives and the reply is dropped: the mount hangs exactly as if the server were down.
When only the standby subnet's table lacks the route, everything works until the first failover
(maintenance, an Availability Zone event) and then every client hangs.

## Example
The file system's subnet route tables have no route to the client VPC `10.1.0.0/16`, while the
client's table routes `10.0.0.0/16` to the transit gateway: requests arrive, replies do not return.

## Use instead
Add the route back to the client CIDR through the transit gateway in the route table of *every*
file system subnet, and make sure the transit gateway route table associated with the file
system's VPC attachment has a route (propagated or static) to the client's VPC attachment:
```json
"FsxStandbyToClients": {
  "Type": "AWS::EC2::Route",
  "Properties": {
    "RouteTableId": {"Ref": "FsxSubnet2RouteTable"},
    "DestinationCidrBlock": "10.1.0.0/16",
    "TransitGatewayId": {"Ref": "Tgw"}
  }
}
```

## References
- [Accessing your data within the AWS Cloud (FSx for OpenZFS)](https://docs.aws.amazon.com/fsx/latest/OpenZFSGuide/access-within-aws.html)
- [How AWS Transit Gateway works](https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html)
)md";

bool is_return_routing_failure(const analysis::Hop& hop) {
  using analysis::Cause;
  if (hop.direction != analysis::Direction::Return) return false;
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
    if (!is_return_routing_failure(hop)) return;
    const model::Origin& subject = hop_subject(context.model, hop);
    const std::string_view fs = context.model.file_systems[a.file_system].origin.name;
    sink.report({Level::Error,
                 fmt::format("replies from file system {} cannot return: {}", fs, hop.decision),
                 a.file_system, &subject, fmt::format("{}|{}|{}", fs, subject.name, hop.decision),
                 &trace, &hop});
  });
}

}  // namespace

extern const RuleInfo kRL103 = {
    "RL103",
    "no-return-route",
    Level::Error,
    "The reply from the preferred or the standby subnet cannot get back to the client",
    "reachability,routing,failover",
    "7.0",
    kDocumentation,
    check};

}  // namespace reachlint::rules
