// Readers for describe-nat-gateways and describe-vpc-endpoints: what route targets named by id
// are, so that a route to them can be judged (AWS-FACTS §5.1).
#include "linter/ingest/account/export_parser.h"
#include "linter/ingest/common/aws_keys.h"

namespace reachlint {

namespace {

constexpr error_code kOk = simdjson::SUCCESS;

}  // namespace

error_code read_nat_gateway(ExportParser& p, od::value element) {
  NatGatewayRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(
      element, "a NAT gateway", [&](std::string_view key, od::value v) -> error_code {
        if (key == aws_keys::kNatGatewayId) return p.text(v, key, r.id);
        if (key == aws_keys::kSubnetId) return p.text(v, key, r.subnet);
        if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
        if (key == aws_keys::kState) return p.text(v, key, r.state);
        if (key == aws_keys::kConnectivityType) return p.text(v, key, r.connectivity);
        if (key != aws_keys::kNatGatewayAddresses) return kOk;
        return p.nested_list(v, key, [&](od::value address) {
          return p.nested_object(address, key,
                                 [&](std::string_view k, od::value inner) -> error_code {
                                   if (k == aws_keys::kPrivateIp && r.address.empty())
                                     return p.text(inner, k, r.address);
                                   return kOk;
                                 });
        });
      }));
  p.require(r.origin.location, {{aws_keys::kNatGatewayId, r.id}});
  if (p.end_element("NAT gateway", r.id)) p.records().nat_gateways.push_back(std::move(r));
  return kOk;
}

error_code read_vpc_endpoint(ExportParser& p, od::value element) {
  VpcEndpointRecord r;
  r.origin = p.begin_element(element);
  REACHLINT_TRY(p.nested_object(element, "a VPC endpoint",
                                [&](std::string_view key, od::value v) -> error_code {
                                  if (key == aws_keys::kVpcEndpointId) return p.text(v, key, r.id);
                                  if (key == aws_keys::kVpcEndpointType)
                                    return p.text(v, key, r.type);
                                  if (key == aws_keys::kVpcId) return p.text(v, key, r.vpc);
                                  if (key == aws_keys::kServiceName)
                                    return p.text(v, key, r.service);
                                  if (key == aws_keys::kState) return p.text(v, key, r.state);
                                  if (key == aws_keys::kRouteTableIds)
                                    return p.texts(v, key, r.route_tables);
                                  return kOk;
                                }));
  p.require(r.origin.location, {{aws_keys::kVpcEndpointId, r.id}});
  if (p.end_element("VPC endpoint", r.id)) p.records().vpc_endpoints.push_back(std::move(r));
  return kOk;
}

}  // namespace reachlint
