#include <fmt/format.h>

#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Finds route tables that carry traffic to a Multi-AZ file system's floating endpoint but are not in
its `RouteTableIds`: the table of the transit gateway attachment subnet where clients' traffic
enters the file system's VPC, and the tables of client subnets in the file system's own VPC.
When `RouteTableIds` is omitted, FSx uses only the VPC's main route table, which subnets created by
the CDK `ec2.Vpc` construct never use.

At warning level, two hazards that do not break today's clients:
- the table of a transit gateway attachment subnet in a zone today's clients do not enter by
  (a client subnet added in that zone, or traffic the gateway sends from a zone the attachment
  lacks, would enter there);
- in an account export, a table that holds the floating-IP route but is not in `RouteTableIds`
  (a route copied by hand, a table taken off the list): FSx does not rewrite it on a failover.

## Why is this bad?
FSx writes the route to the floating IP (`/32 -> active file server`) only into the route tables
in `RouteTableIds`. A packet for the floating IP that is looked up in any other table matches the
VPC's `local` route, reaches no interface and is dropped. AWS: "each of the Transit Gateway's
attachments must be created in a subnet whose route table is associated with your file system".

## Example
```json
"OpenZFSConfiguration": {
  "DeploymentType": "MULTI_AZ_1",
  "RouteTableIds": [{"Ref": "PrivateSubnet1RouteTable"}, {"Ref": "PrivateSubnet2RouteTable"}]
}
```
while the transit gateway attachment uses `TgwSubnet1` and `TgwSubnet2`, whose tables are not listed.

## Use instead
List every route table used by client subnets in the VPC and by the transit gateway attachment
subnets. `RouteTableIds` can be changed without interruption.
```json
"RouteTableIds": [{"Ref": "PrivateSubnet1RouteTable"}, {"Ref": "PrivateSubnet2RouteTable"},
                  {"Ref": "TgwSubnet1RouteTable"}, {"Ref": "TgwSubnet2RouteTable"}]
```

## References
- [Accessing your data within the AWS Cloud (FSx for OpenZFS)](https://docs.aws.amazon.com/fsx/latest/OpenZFSGuide/access-within-aws.html)
- [Configure routing to access Multi-AZ file systems from on-premises (FSx for ONTAP)](https://docs.aws.amazon.com/fsx/latest/ONTAPGuide/configure-routing-maz-on-prem.html)
- [CreateFileSystemOpenZFSConfiguration.RouteTableIds](https://docs.aws.amazon.com/fsx/latest/APIReference/API_CreateFileSystemOpenZFSConfiguration.html)
)md";

void check(const RuleContext& context, FindingSink& sink) {
  for_each_failed_hop(context, [&](const analysis::FileSystemAnalysis& a,
                                   const analysis::Trace& trace, const analysis::Hop& hop) {
    if (hop.cause != analysis::Cause::NotInRouteTableIds) return;
    const model::FileSystem& fs = context.model.file_systems[a.file_system];
    const model::Origin& table = context.model.origin(hop.resource);
    // Templates: fix RouteTableIds (the hop points there); exports: the table lacks the route.
    const model::Origin& subject = hop.decided_by ? *hop.decided_by : fs.route_tables_origin;
    // Not essential: traffic works today, not in another zone or after a failover.
    sink.report({hop.essential ? Level::Error : Level::Warning, hop.decision, a.file_system,
                 &subject, fmt::format("{}|{}", fs.origin.name, table.name), &trace, &hop});
  });
}

}  // namespace

extern const RuleInfo kRL106 = {
    "RL106",
    "route-table-not-associated",
    Level::Error,
    "A route table used by an attachment subnet or an in-VPC client is not in RouteTableIds",
    "reachability,routing,fsx,multi-az",
    "7.0",
    kDocumentation,
    check};

}  // namespace reachlint::rules
