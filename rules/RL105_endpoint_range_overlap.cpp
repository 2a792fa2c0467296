#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Checks the `EndpointIpAddressRange` written for a Multi-AZ file system against the subnets of its
VPC and the CIDRs its VPC routes elsewhere (error), and against the ranges of other file systems
that share its route tables (warning).

## Why is this bad?
FSx manages the routes to its floating IPs only when the range "does not overlap with the CIDR
range of any subnets". An overlap with a subnet breaks routing inside the VPC; an overlap with a
network routed through a transit gateway, peering or VPN makes addresses ambiguous for the clients
there. AWS's documentation disagrees on whether two file systems on the same route tables may share
a range (the API reference allows it, the ONTAP guide forbids it), so that case is a warning.

## Example
```json
"OpenZFSConfiguration": {
  "DeploymentType": "MULTI_AZ_1",
  "EndpointIpAddressRange": "10.0.1.0/28"
}
```
where subnet `10.0.1.0/24` is in the same VPC.

## Use instead
Pick an unused range inside the VPC CIDR that overlaps no subnet, for example the last /28 of a
block no subnet uses: `"EndpointIpAddressRange": "10.0.255.224/28"`. The range cannot be changed
after creation: the file system is replaced.

## References
- [Accessing your data within the AWS Cloud (FSx for OpenZFS)](https://docs.aws.amazon.com/fsx/latest/OpenZFSGuide/access-within-aws.html)
- [Accessing your FSx for ONTAP data](https://docs.aws.amazon.com/fsx/latest/ONTAPGuide/supported-fsx-clients.html)
)md";

// FSx writes routes for its own endpoint addresses; they are not a conflict.
bool is_endpoint_route(const model::Route& route, Cidr range) {
  return route.target.kind == model::TargetKind::NetworkInterface && route.destination.known() &&
         range.contains(*route.destination);
}

// The subnets and route tables of each VPC, asked once per file system.
struct ByVpc {
  std::vector<std::vector<model::Index>> subnets, route_tables;
  explicit ByVpc(const model::Model& model)
      : subnets(model.vpcs.size()), route_tables(model.vpcs.size()) {
    for (model::Index s = 0; s < model.subnets.size(); ++s) {
      if (model::is_known_index(model.subnets[s].vpc)) subnets[model.subnets[s].vpc].push_back(s);
    }
    for (model::Index t = 0; t < model.route_tables.size(); ++t) {
      const model::Index vpc = model.route_tables[t].vpc;
      if (model::is_known_index(vpc)) route_tables[vpc].push_back(t);
    }
  }
};

void check_subnets(const RuleContext& context, const ByVpc& by_vpc,
                   const analysis::FileSystemAnalysis& a, Cidr range, FindingSink& sink) {
  const model::FileSystem& fs = context.model.file_systems[a.file_system];
  for (const model::Index s : by_vpc.subnets[fs.vpc]) {
    const model::Subnet& subnet = context.model.subnets[s];
    if (!subnet.cidr.known() || !subnet.cidr->overlaps(range)) continue;
    sink.report({Level::Error,
                 fmt::format("EndpointIpAddressRange {} of {} overlaps subnet {} ({}): FSx manages "
                             "its routes only for "
                             "a range that overlaps no subnet",
                             range.str(), fs.origin.name, subnet.origin.name, subnet.cidr->str()),
                 a.file_system, &fs.endpoint_range_origin,
                 fmt::format("{}|subnet|{}", fs.origin.name, subnet.origin.name)});
  }
}

// A route that contains the file system's own VPC (0.0.0.0/0, a 10.0.0.0/8 summary toward a
// transit gateway) names no particular network: FSx's /32 routes are more specific than it.
bool is_summary_of(const Cidr& destination, const model::Vpc& vpc) {
  return std::any_of(vpc.cidrs.begin(), vpc.cidrs.end(), [&](const auto& block) {
    return block.known() && destination.contains(*block);
  });
}

// One finding per overlapping destination and target, naming every table that routes it.
void check_routes(const RuleContext& context, const ByVpc& by_vpc,
                  const analysis::FileSystemAnalysis& a, Cidr range, FindingSink& sink) {
  const model::FileSystem& fs = context.model.file_systems[a.file_system];
  std::map<std::pair<Cidr, std::string>, std::vector<std::string>> tables_by_route;
  for (const model::Index t : by_vpc.route_tables[fs.vpc]) {
    const model::RouteTable& table = context.model.route_tables[t];
    for (const model::Route& route : table.routes) {
      if (route.target.kind == model::TargetKind::Local || !route.destination.known()) continue;
      if (!route.destination->overlaps(range) || is_endpoint_route(route, range) ||
          is_summary_of(*route.destination, context.model.vpcs[fs.vpc]))
        continue;
      tables_by_route[{*route.destination, std::string(route.target.id)}].push_back(
          std::string(table.origin.name));
    }
  }
  for (const auto& [route, tables] : tables_by_route) {
    sink.report(
        {Level::Error,
         fmt::format("EndpointIpAddressRange {} of {} overlaps {}, which {} {} {} to {}",
                     range.str(), fs.origin.name, route.first.str(),
                     tables.size() == 1 ? "route table" : "route tables", fmt::join(tables, ", "),
                     tables.size() == 1 ? "sends" : "send", route.second),
         a.file_system, &fs.endpoint_range_origin,
         fmt::format("{}|route|{}|{}", fs.origin.name, route.first.str(), route.second)});
  }
}

bool shares_a_route_table(const model::FileSystem& a, const model::FileSystem& b) {
  return std::any_of(a.route_tables.begin(), a.route_tables.end(), [&](const auto& table) {
    return table.known() &&
           std::any_of(b.route_tables.begin(), b.route_tables.end(),
                       [&](const auto& other) { return other.known() && *other == *table; });
  });
}

// Each overlapping pair is reported once, on the file system with the wider range (then the
// lower range, then the name, then the input order): which one names the other must not depend
// on the order of the resources in the inputs, nor (unless the ranges are equal) on their names.
bool reports_pair(const model::FileSystem& fs, model::Index index, const model::FileSystem& them,
                  model::Index other) {
  const Cidr& mine = *fs.endpoint_range;
  const Cidr& theirs = *them.endpoint_range;
  return std::tuple(mine.length(), mine.address(), fs.origin.name, index) <
         std::tuple(theirs.length(), theirs.address(), them.origin.name, other);
}

void check_other_file_systems(const RuleContext& context, const analysis::FileSystemAnalysis& a,
                              Cidr range, FindingSink& sink) {
  const model::FileSystem& fs = context.model.file_systems[a.file_system];
  for (model::Index other = 0; other < context.model.file_systems.size(); ++other) {
    const model::FileSystem& them = context.model.file_systems[other];
    if (other == a.file_system || !them.floating_endpoint || !them.endpoint_range.known()) continue;
    if (!reports_pair(fs, a.file_system, them, other)) continue;
    if (!them.endpoint_range->overlaps(range) || !shares_a_route_table(fs, them)) continue;
    sink.report(
        {Level::Warning,
         fmt::format("EndpointIpAddressRange {} of {} overlaps the range {} of {}, which uses the "
                     "same route tables",
                     range.str(), fs.origin.name, them.endpoint_range->str(), them.origin.name),
         a.file_system, &fs.endpoint_range_origin,
         fmt::format("{}|fs|{}", fs.origin.name, them.origin.name)});
  }
}

void check(const RuleContext& context, FindingSink& sink) {
  const ByVpc by_vpc(context.model);
  for (const analysis::FileSystemAnalysis& a : context.analyses) {
    if (!a.in_shard) continue;
    const model::FileSystem& fs = context.model.file_systems[a.file_system];
    if (!fs.floating_endpoint || !fs.endpoint_range.known() || !model::is_known_index(fs.vpc))
      continue;
    check_subnets(context, by_vpc, a, *fs.endpoint_range, sink);
    check_routes(context, by_vpc, a, *fs.endpoint_range, sink);
    check_other_file_systems(context, a, *fs.endpoint_range, sink);
  }
}

}  // namespace

extern const RuleInfo kRL105 = {"RL105",
                                "endpoint-range-overlap",
                                Level::Error,
                                "The endpoint range overlaps a subnet of its VPC or a CIDR routed "
                                "from it (warning: another file system on the same route tables)",
                                "reachability,routing,fsx",
                                "6.5",
                                kDocumentation,
                                check};

}  // namespace reachlint::rules
