// Readers for the transit gateway commands: describe-transit-gateways, -attachments,
// -vpc-attachments, -route-tables, search-transit-gateway-routes, the route table association
// and propagation listings, and Batfish's wrappers of the last three.
#include "linter/ingest/account/export_parser.h"
#include "linter/ingest/common/aws_keys.h"

namespace reachlint {

namespace {

constexpr error_code kOk = simdjson::SUCCESS;

bool enabled(std::string_view value, bool absent_means) {
  return value.empty() ? absent_means : value == "enable";
}

}  // namespace

error_code read_transit_gateway(ExportParser& p, od::value element) {
  TransitGatewayRecord r;
  r.origin = p.begin_element(element);
  std::string_view association, propagation, referencing;
  REACHLINT_TRY(p.nested_object(
      element, "a transit gateway", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kTransitGatewayId) return p.text(v, key, r.id);
        if (key == aws_keys::kState) return p.text(v, key, r.state);
        if (key != aws_keys::kOptions) return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value inner) -> error_code {
          if (k == aws_keys::kDefaultRouteTableAssociation) return p.text(inner, k, association);
          if (k == aws_keys::kDefaultRouteTablePropagation) return p.text(inner, k, propagation);
          if (k == aws_keys::kAssociationDefaultRouteTableId)
            return p.text(inner, k, r.association_default);
          if (k == aws_keys::kPropagationDefaultRouteTableId)
            return p.text(inner, k, r.propagation_default);
          if (k == aws_keys::kSecurityGroupReferencingSupport) return p.text(inner, k, referencing);
          return kOk;
        });
      }));
  r.default_association = enabled(association, true);
  r.default_propagation = enabled(propagation, true);
  r.sg_referencing = enabled(referencing, false);
  p.require(r.origin.location, {{aws_keys::kTransitGatewayId, r.id}});
  if (p.end_element("transit gateway", r.id)) p.records().transit_gateways.push_back(std::move(r));
  return kOk;
}

error_code read_tgw_attachment(ExportParser& p, od::value element) {
  TgwAttachmentRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "an attachment", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kTransitGatewayAttachmentId) return p.text(v, key, r.id);
        if (key == aws_keys::kTransitGatewayId) return p.text(v, key, r.tgw);
        if (key == aws_keys::kResourceType) return p.text(v, key, r.resource_type);
        if (key == aws_keys::kResourceId) return p.text(v, key, r.resource);
        if (key == aws_keys::kState) return p.text(v, key, r.state);
        if (key != aws_keys::kAssociation) return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value inner) -> error_code {
          if (k == aws_keys::kTransitGatewayRouteTableId)
            return p.text(inner, k, r.association_table);
          if (k == aws_keys::kState) return p.text(inner, k, r.association_state);
          return kOk;
        });
      }));
  p.require(r.origin.location,
            {{aws_keys::kTransitGatewayAttachmentId, r.id}, {aws_keys::kTransitGatewayId, r.tgw}});
  if (p.end_element("transit gateway attachment", r.id))
    p.records().tgw_attachments.push_back(std::move(r));
  return kOk;
}

error_code read_tgw_vpc_attachment(ExportParser& p, od::value element) {
  TgwVpcAttachmentRecord r;
  r.origin = p.begin_element(element);
  std::string_view referencing;
  REACHLINT_TRY(p.nested_object(
      element, "a VPC attachment", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kTransitGatewayAttachmentId) return p.text(v, key, r.id);
        if (key == aws_keys::kTransitGatewayId) return p.text(v, key, r.tgw);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kState) return p.text(v, key, r.state);
        if (key == aws_keys::kSubnetIds) return p.texts(v, key, r.subnets);
        if (key != aws_keys::kOptions) return kOk;
        return p.nested_object(v, key, [&](std::string_view k, od::value inner) -> error_code {
          return k == aws_keys::kSecurityGroupReferencingSupport ? p.text(inner, k, referencing)
                                                                 : kOk;
        });
      }));
  r.sg_referencing = enabled(referencing, true);
  if (r.id.empty() || r.tgw.empty() || r.vpc.empty()) {
    p.problem(r.origin.location, "it needs TransitGatewayAttachmentId, TransitGatewayId and VpcId");
  }
  if (p.end_element("VPC attachment", r.id))
    p.records().tgw_vpc_attachments.push_back(std::move(r));
  return kOk;
}

error_code read_tgw_route_table(ExportParser& p, od::value element) {
  TgwRouteTableRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(element, "a TGW route table",
                                [&](std::string_view key, od::value v) -> error_code {
                                  if (key == aws_keys::kTransitGatewayRouteTableId)
                                    return p.text(v, key, r.id);
                                  if (key == aws_keys::kTransitGatewayId)
                                    return p.text(v, key, r.tgw);
                                  if (key == aws_keys::kState) return p.text(v, key, r.state);
                                  return kOk;
                                }));
  p.require(r.origin.location,
            {{aws_keys::kTransitGatewayRouteTableId, r.id}, {aws_keys::kTransitGatewayId, r.tgw}});
  if (p.end_element("transit gateway route table", r.id))
    p.records().tgw_route_tables.push_back(std::move(r));
  return kOk;
}

namespace {

// The listing the current element belongs to: one per file and table.
template <typename Listing>
Listing& listing_for(std::vector<Listing>& listings, const RecordOrigin& origin,
                     std::string_view table) {
  if (listings.empty() || listings.back().origin.location.file != origin.location.file ||
      listings.back().table != table) {
    Listing listing;
    listing.origin = origin;
    listing.table = table;
    listings.push_back(listing);
  }
  return listings.back();
}

error_code read_route_into(ExportParser& p, od::value element, TgwRouteListing& listing) {
  TgwRouteRecord route;
  route.location = p.location(element);
  bool readable = true;
  REACHLINT_TRY(p.read_part(
      "a transit gateway route",
      [&] {
        return p.nested_object(
            element, "a route", [&](std::string_view key, od::value v) -> error_code {
              if (key == aws_keys::kDestinationCidrBlock) return p.text(v, key, route.destination);
              if (key == aws_keys::kPrefixListId) return p.text(v, key, route.prefix_list);
              if (key == aws_keys::kType) return p.text(v, key, route.type);
              if (key == aws_keys::kState) return p.text(v, key, route.state);
              if (key != aws_keys::kTransitGatewayAttachments) return kOk;
              return p.nested_list(v, key, [&](od::value attachment) {
                return p.nested_object(attachment, key,
                                       [&](std::string_view k, od::value inner) -> error_code {
                                         if (k != aws_keys::kTransitGatewayAttachmentId) return kOk;
                                         std::string_view id;
                                         REACHLINT_TRY(p.text(inner, k, id));
                                         if (!id.empty()) route.attachments.push_back(id);
                                         return kOk;
                                       });
              });
            });
      },
      readable));
  if (!readable || (route.destination.empty() && route.prefix_list.empty())) {
    if (readable) p.note(route.location, "a transit gateway route: it has no destination");
    route.state = "unreadable";
  }
  listing.routes.push_back(route);
  return kOk;
}

error_code read_link_into(ExportParser& p, od::value element, TgwTableLinks& links) {
  TgwTableLinkRecord link;
  link.location = p.location(element);
  p.begin_element(element);
  REACHLINT_TRY(p.nested_object(element, "an association or propagation",
                                [&](std::string_view key, od::value v) -> error_code {
                                  if (key == aws_keys::kTransitGatewayAttachmentId)
                                    return p.text(v, key, link.attachment);
                                  if (key == aws_keys::kResourceId)
                                    return p.text(v, key, link.resource);
                                  if (key == aws_keys::kResourceType)
                                    return p.text(v, key, link.resource_type);
                                  if (key == aws_keys::kState) return p.text(v, key, link.state);
                                  return kOk;
                                }));
  if (link.attachment.empty()) p.problem(link.location, "it has no TransitGatewayAttachmentId");
  if (p.end_element(links.propagations ? "propagation" : "association", link.attachment))
    links.links.push_back(link);
  return kOk;
}

}  // namespace

error_code read_tgw_route(ExportParser& p, od::value element) {
  TgwRouteListing& listing = listing_for(p.records().tgw_route_listings, p.origin(element),
                                         p.intern(p.context().route_table));
  return read_route_into(p, element, listing);
}

error_code read_tgw_association(ExportParser& p, od::value element) {
  TgwTableLinks& links = listing_for(p.records().tgw_table_links, p.origin(element),
                                     p.intern(p.context().route_table));
  return read_link_into(p, element, links);
}

error_code read_tgw_propagation(ExportParser& p, od::value element) {
  auto& all = p.records().tgw_table_links;
  const RecordOrigin origin = p.origin(element);
  const std::string_view table = p.intern(p.context().route_table);
  if (all.empty() || !all.back().propagations ||
      all.back().origin.location.file != origin.location.file) {
    TgwTableLinks links;
    links.origin = origin;
    links.table = table;
    links.propagations = true;
    all.push_back(links);
  }
  return read_link_into(p, element, all.back());
}

// Batfish: {"TransitGatewayStaticRoutes": [{"TransitGatewayRouteTableId": ..., "Routes": [...]}]}
error_code read_tgw_static_routes_wrapper(ExportParser& p, od::value element) {
  TgwRouteListing listing;
  listing.origin = p.begin_element(element);
  listing.static_only = true;
  REACHLINT_TRY(p.nested_object(
      element, "a route listing", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kTransitGatewayRouteTableId) return p.text(v, key, listing.table);
        if (key != aws_keys::kRoutes) return kOk;
        return p.nested_list(v, key,
                             [&](od::value route) { return read_route_into(p, route, listing); });
      }));
  if (listing.table.empty())
    p.problem(listing.origin.location, "it has no TransitGatewayRouteTableId");
  if (p.end_element("route listing", listing.table))
    p.records().tgw_route_listings.push_back(std::move(listing));
  return kOk;
}

// Batfish: {"TransitGatewayPropagations": [{"TransitGatewayRouteTableId": ...,
//            "TransitGatewayRouteTablePropagations": [...]}]}
error_code read_tgw_propagations_wrapper(ExportParser& p, od::value element) {
  TgwTableLinks links;
  links.origin = p.begin_element(element);
  links.propagations = true;
  std::vector<TgwTableLinkRecord> found;
  REACHLINT_TRY(p.nested_object(
      element, "a propagation listing", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kTransitGatewayRouteTableId) return p.text(v, key, links.table);
        if (key != aws_keys::kTransitGatewayRouteTablePropagations) return kOk;
        return p.nested_list(v, key, [&](od::value item) {
          TgwTableLinkRecord link;
          link.location = p.location(item);
          REACHLINT_TRY(
              p.nested_object(item, key, [&](std::string_view k, od::value inner) -> error_code {
                if (k == aws_keys::kTransitGatewayAttachmentId)
                  return p.text(inner, k, link.attachment);
                if (k == aws_keys::kResourceId) return p.text(inner, k, link.resource);
                if (k == aws_keys::kState) return p.text(inner, k, link.state);
                return kOk;
              }));
          if (!link.attachment.empty()) found.push_back(link);
          return kOk;
        });
      }));
  links.links = std::move(found);
  if (links.table.empty()) p.problem(links.origin.location, "it has no TransitGatewayRouteTableId");
  if (p.end_element("propagation listing", links.table))
    p.records().tgw_table_links.push_back(std::move(links));
  return kOk;
}

}  // namespace reachlint
