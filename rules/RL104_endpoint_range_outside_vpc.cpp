#include <fmt/format.h>

#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Finds Multi-AZ file systems whose endpoint range lies outside their VPC's CIDRs, reached by
clients through a transit gateway whose route table has no route sending that range to the file
system's VPC attachment.

## Why is this bad?
A VPC attachment propagates only its VPC's CIDRs into transit gateway route tables. An endpoint
range outside them, such as the `198.19.0.0/16` range FSx for ONTAP picks by default when created
through the API or CloudFormation, is not covered: the transit gateway drops the request. AWS:
"Add a route to Transit Gateway that routes traffic destined for this IP address range to your
file system's VPC."

## Example
`EndpointIpAddressRange` is `10.9.0.0/28`, the file system's VPC is `10.0.0.0/16`, and the client's
transit gateway route table holds only the propagated VPC CIDRs.

## Use instead
Add a static route for the endpoint range to the file system's VPC attachment in every transit
gateway route table that clients use (or choose a range inside the VPC CIDR that overlaps no subnet).
A template cannot add routes to a transit gateway's default route table: declare an
`AWS::EC2::TransitGatewayRouteTable`, associate the attachments with it (and propagate them into
it), and set the gateway's `DefaultRouteTableAssociation` and `DefaultRouteTablePropagation` to
`disable`:
```json
"FsxEndpointRoute": {
  "Type": "AWS::EC2::TransitGatewayRoute",
  "Properties": {
    "TransitGatewayRouteTableId": {"Ref": "TgwRouteTable"},
    "DestinationCidrBlock": "10.9.0.0/28",
    "TransitGatewayAttachmentId": {"Ref": "FsxVpcAttachment"}
  }
}
```

## References
- [Accessing your data within the AWS Cloud (FSx for OpenZFS)](https://docs.aws.amazon.com/fsx/latest/OpenZFSGuide/access-within-aws.html)
- [Configure routing to access Multi-AZ file systems from on-premises (FSx for ONTAP)](https://docs.aws.amazon.com/fsx/latest/ONTAPGuide/configure-routing-maz-on-prem.html)
)md";

void check(const RuleContext& context, FindingSink& sink) {
  for_each_failed_hop(context, [&](const analysis::FileSystemAnalysis& a,
                                   const analysis::Trace& trace, const analysis::Hop& hop) {
    if (hop.cause != analysis::Cause::RangeNeedsStaticRoute) return;
    const model::Origin& subject = context.model.origin(hop.resource);
    const model::FileSystem& file_system = context.model.file_systems[a.file_system];
    const std::string_view fs = file_system.origin.name;
    // The static route to add is for the whole range, whichever address of it the endpoint uses.
    const std::string range =
        file_system.endpoint_range.known()
            ? fmt::format("the endpoint range {} of {}", file_system.endpoint_range->str(), fs)
            : fmt::format("the endpoint range of {} ({})", fs, a.endpoint.description);
    // A template's default table has no CloudFormation attribute (AWS-FACTS §4.2): no route can
    // be added to it, so the advice says how to get a table that can hold one.
    const std::string_view explicit_table =
        subject.implicit ? " (a template cannot add routes to the transit gateway's default route "
                           "table: create a route table, associate the attachments with it and "
                           "turn the gateway's default association and propagation off)"
                         : "";
    sink.report(
        {Level::Error,
         fmt::format("{} lies outside its VPC's CIDRs and transit gateway route table {} has no "
                     "static route sending it to the file system's VPC attachment{}",
                     range, subject.name, explicit_table),
         a.file_system, &subject, fmt::format("{}|{}", fs, subject.name), &trace, &hop});
  });
}

}  // namespace

extern const RuleInfo kRL104 = {"RL104",
                                "endpoint-range-outside-vpc",
                                Level::Error,
                                "The endpoint range lies outside the VPC CIDRs and no TGW static "
                                "route sends it to the file system's VPC attachment",
                                "reachability,routing,transit-gateway",
                                "7.0",
                                kDocumentation,
                                check};

}  // namespace reachlint::rules
