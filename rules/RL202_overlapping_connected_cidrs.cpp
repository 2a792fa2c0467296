#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "rules/rule.h"

namespace reachlint::rules {

namespace {

constexpr std::string_view kDocumentation = R"md(
## What it does
Finds VPCs with overlapping IPv4 CIDRs that are connected to each other: attached to the same
transit gateway, or joined by a VPC peering connection.

## Why is this bad?
Routing between VPCs with identical or overlapping CIDRs is not supported: a transit gateway does
not propagate the overlapping routes of the VPC attached later, and a peering connection cannot
route a CIDR that both sides use. Clients in one VPC then cannot reach a file system (or anything
else) in the other at the overlapping addresses, and which side wins depends on attachment order.

## Example
Two VPCs, both `10.20.0.0/16`, attached to the same transit gateway.

## Use instead
Give every connected VPC its own address space (AWS IPAM can allocate non-overlapping CIDRs), or
keep the overlapping VPCs on separate transit gateway route tables that never route to each other.

## References
- [Amazon VPC attachments in AWS Transit Gateway: overlapping CIDRs](https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html)
- [How AWS Transit Gateway works](https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html)
- [VPC peering limitations](https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html)
)md";

struct Block {
  Cidr cidr;
  model::Index vpc;
  const model::Origin* via;  // the attachment or peering connection that joins this VPC
};

// Reports each overlapping pair of distinct VPCs among `blocks` once.
void report_overlaps(const RuleContext& context, std::vector<Block> blocks,
                     std::string_view connection, FindingSink& sink) {
  std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) {
    return std::tie(a.cidr, a.vpc) < std::tie(b.cidr, b.vpc);
  });
  std::set<std::pair<model::Index, model::Index>> reported;
  for (size_t i = 0; i < blocks.size(); ++i) {
    // Sorted by address then length: every block that overlaps blocks[i] and comes later starts
    // inside it.
    for (size_t j = i + 1; j < blocks.size() && blocks[i].cidr.contains(blocks[j].cidr.address());
         ++j) {
      if (blocks[i].vpc == blocks[j].vpc) continue;
      const auto pair = std::minmax(blocks[i].vpc, blocks[j].vpc);
      if (!reported.insert(pair).second) continue;
      const model::Vpc& a = context.model.vpcs[blocks[i].vpc];
      const model::Vpc& b = context.model.vpcs[blocks[j].vpc];
      sink.report(
          {Level::Warning,
           fmt::format(
               "VPCs {} ({}) and {} ({}) are connected by {} with overlapping CIDRs: traffic "
               "between the overlapping addresses cannot be routed",
               a.origin.name, blocks[i].cidr.str(), b.origin.name, blocks[j].cidr.str(),
               connection),
           model::kNone, blocks[j].via,
           fmt::format("{}|{}|{}", connection, a.origin.name, b.origin.name)});
    }
  }
}

void add_vpc_blocks(const model::Model& model, model::Index vpc, const model::Origin* via,
                    std::vector<Block>& out) {
  if (!model::is_known_index(vpc)) return;
  for (const auto& block : model.vpcs[vpc].cidrs) {
    if (block.known()) out.push_back({*block, vpc, via});
  }
}

void check(const RuleContext& context, FindingSink& sink) {
  const model::Model& model = context.model;
  for (model::Index t = 0; t < model.transit_gateways.size(); ++t) {
    std::vector<Block> blocks;
    for (const model::TgwAttachment& attachment : model.tgw_attachments) {
      if (attachment.tgw == t && attachment.kind == model::AttachmentKind::Vpc) {
        add_vpc_blocks(model, attachment.vpc, &attachment.origin, blocks);
      }
    }
    report_overlaps(context, std::move(blocks),
                    fmt::format("transit gateway {}", model.transit_gateways[t].origin.name), sink);
  }
  for (const model::Peering& peering : model.peerings) {
    std::vector<Block> blocks;
    add_vpc_blocks(model, peering.requester_vpc, &peering.origin, blocks);
    add_vpc_blocks(model, peering.accepter_vpc, &peering.origin, blocks);
    report_overlaps(context, std::move(blocks),
                    fmt::format("peering connection {}", peering.origin.name), sink);
  }
}

}  // namespace

extern const RuleInfo kRL202 = {"RL202",
                                "overlapping-connected-cidrs",
                                Level::Warning,
                                "VPCs connected through a TGW or peering have overlapping CIDRs",
                                "reachability,routing,transit-gateway,peering",
                                "4.0",
                                kDocumentation,
                                check};

}  // namespace reachlint::rules
