#include <fmt/format.h>

#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Checks that a transit gateway VPC attachment has a subnet in every Availability Zone that traffic
leaves from: the zone of each client on the client side, and the zones of the preferred and the
standby file server on the file system side.

## Why is this bad?
"Only resources that reside in Availability Zones where there is a transit gateway attachment can
reach the transit gateway", and a VPC route to a transit gateway forwards traffic "only when the
transit gateway has an attachment in a subnet in the same Availability Zone". A client in a zone
the attachment does not cover cannot mount at all (error). On the file system side, a missing
preferred zone breaks every reply (error); a missing standby zone breaks them after a failover
(warning).

## Example
```json
"ClientAttachment": {
  "Type": "AWS::EC2::TransitGatewayAttachment",
  "Properties": {
    "TransitGatewayId": {"Ref": "Tgw"},
    "VpcId": {"Ref": "ClientVpc"},
    "SubnetIds": [{"Ref": "ClientSubnetAz1"}]
  }
}
```
while an instance runs in `ClientSubnetAz2`.

## Use instead
Give the attachment one subnet in every zone where clients or file servers run (a small dedicated
/28 per zone is the recommended design):
`"SubnetIds": [{"Ref": "ClientSubnetAz1"}, {"Ref": "ClientSubnetAz2"}]`.

## References
- [How AWS Transit Gateway works: Availability Zones](https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html)
- [Amazon VPC attachments in AWS Transit Gateway](https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html)
- [Transit gateway design best practices](https://docs.aws.amazon.com/vpc/latest/tgw/tgw-best-design-practices.html)
)md";

void check(const RuleContext& context, FindingSink& sink) {
  for_each_failed_hop(context, [&](const analysis::FileSystemAnalysis& a,
                                   const analysis::Trace& trace, const analysis::Hop& hop) {
    if (hop.cause != analysis::Cause::AttachmentMissingZone) return;
    const model::Origin& attachment = context.model.origin(hop.resource);
    const std::string_view fs = context.model.file_systems[a.file_system].origin.name;
    const bool warning = hop.direction == analysis::Direction::Return && !hop.essential;
    sink.report({warning ? Level::Warning : Level::Error, hop.decision, a.file_system, &attachment,
                 fmt::format("{}|{}", fs, hop.decision), &trace, &hop});
  });
}

}  // namespace

extern const RuleInfo kRL201 = {"RL201",
                                "tgw-attachment-missing-az",
                                Level::Error,
                                "A client's AZ has no subnet in its VPC's TGW attachment (warning: "
                                "the FSx-side attachment misses the standby AZ)",
                                "reachability,transit-gateway,availability-zone",
                                "6.0",
                                kDocumentation,
                                check};

}  // namespace reachlint::rules
