#include "linter/analysis/client_index.h"

#include <algorithm>

#include "linter/core/parallel.h"

namespace reachlint::analysis {

using model::Index;

bool is_transport(model::TargetKind kind) {
  return kind == model::TargetKind::TransitGateway || kind == model::TargetKind::Peering ||
         kind == model::TargetKind::VpnGateway;
}

ClientIndex ClientIndex::build(const model::Model& model) {
  ClientIndex index;
  index.subnets_of_route_table.resize(model.route_tables.size());
  index.subnets_of_vpc.resize(model.vpcs.size());
  index.instances_of_subnet.resize(model.subnets.size());
  index.instances_of_group.resize(model.security_groups.size());
  index.peerings_of_vpc.resize(model.vpcs.size());
  index.tgws_of_vpc.resize(model.vpcs.size());
  index.vpc_attachments_of_vpc.resize(model.vpcs.size());
  index.hosts_attachment.assign(model.subnets.size(), false);
  for (Index s = 0; s < model.subnets.size(); ++s) {
    const Index table = model.subnets[s].route_table;
    if (model::is_known_index(table)) index.subnets_of_route_table[table].push_back(s);
    if (model::is_known_index(model.subnets[s].vpc))
      index.subnets_of_vpc[model.subnets[s].vpc].push_back(s);
  }
  for (Index i = 0; i < model.instances.size(); ++i) {
    const model::Instance& instance = model.instances[i];
    if (instance.subnet.known()) index.instances_of_subnet[*instance.subnet].push_back(i);
    for (const auto& group : instance.groups) {
      if (group.known()) index.instances_of_group[*group].push_back(i);
    }
  }
  for (Index a = 0; a < model.tgw_attachments.size(); ++a) {
    const model::TgwAttachment& attachment = model.tgw_attachments[a];
    if (attachment.kind == model::AttachmentKind::Vpc) {
      index.vpc_attachment_.emplace(key(attachment.tgw, attachment.vpc), a);  // the first stays
      if (model::is_known_index(attachment.vpc))
        index.vpc_attachments_of_vpc[attachment.vpc].push_back(a);
    }
    if (model::is_known_index(attachment.tgw) && model::is_known_index(attachment.vpc)) {
      auto& tgws = index.tgws_of_vpc[attachment.vpc];
      if (std::find(tgws.begin(), tgws.end(), attachment.tgw) == tgws.end())
        tgws.push_back(attachment.tgw);
    }
    for (const auto& subnet : attachment.subnets) {
      if (subnet.known()) index.hosts_attachment[*subnet] = true;
    }
  }
  for (Index p = 0; p < model.peerings.size(); ++p) {
    for (const Index vpc : {model.peerings[p].requester_vpc, model.peerings[p].accepter_vpc}) {
      if (model::is_known_index(vpc)) index.peerings_of_vpc[vpc].push_back(p);
    }
  }
  for (Index v = 0; v < model.vpcs.size(); ++v) {
    for (const auto& block : model.vpcs[v].cidrs) {
      if (block.known()) index.vpc_blocks.add(*block, v);
    }
  }
  index.vpc_blocks.sort();
  index.model_ = &model;
  return index;
}

namespace {

// The transport routes of tables [first, end), in table order.
CidrIndex<ClientIndex::RouteRef> transport_routes_of(const model::Model& model, Index first,
                                                     Index end) {
  size_t routes_in_range = 0;
  for (Index t = first; t < end; ++t) routes_in_range += model.route_tables[t].routes.size();
  CidrIndex<ClientIndex::RouteRef> out;
  out.reserve(routes_in_range);  // most routes of an organisation lead to a transit gateway
  for (Index t = first; t < end; ++t) {
    const auto& routes = model.route_tables[t].routes;
    for (uint32_t r = 0; r < routes.size(); ++r) {
      if (!is_transport(routes[r].target.kind)) continue;
      model::for_each_destination(model, routes[r], [&](const Cidr& destination) {
        out.add(destination, {t, r});
      });
    }
  }
  return out;
}

}  // namespace

const CidrIndex<ClientIndex::RouteRef>& ClientIndex::transport_routes() const {
  std::call_once(lazy_->built, [this] {
    // The first file systems' discovery waits for this index (an organisation has hundreds of
    // thousands of routes), so the tables are read in parts at once; joined in table order, the
    // routes of one prefix stay in the order of their tables.
    const model::Model& model = *model_;
    constexpr size_t kTablesPerThread = 4096;
    const size_t tables = model.route_tables.size();
    const size_t parts = workers_for(tables, kTablesPerThread);
    std::vector<CidrIndex<RouteRef>> routes_of_part(parts);
    parallel_for(parts, parts, [&](size_t part) {
      routes_of_part[part] = transport_routes_of(model, static_cast<Index>(tables * part / parts),
                                                 static_cast<Index>(tables * (part + 1) / parts));
    });
    for (CidrIndex<RouteRef>& part : routes_of_part)
      lazy_->transport_routes.append(std::move(part));
    lazy_->transport_routes.sort();
  });
  return lazy_->transport_routes;
}

std::optional<Index> ClientIndex::vpc_attachment(Index tgw, Index vpc) const {
  const auto found = vpc_attachment_.find(key(tgw, vpc));
  if (found == vpc_attachment_.end()) return std::nullopt;
  return found->second;
}

}  // namespace reachlint::analysis
