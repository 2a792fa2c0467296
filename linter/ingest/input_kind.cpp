#include "linter/ingest/input_kind.h"

#include <string_view>

namespace reachlint {

namespace {

// The top-level keys of the AWS CLI commands whose output reachlint reads (DESIGN §1).
constexpr std::string_view kExportKeys[] = {"Vpcs",
                                            "Subnets",
                                            "RouteTables",
                                            "SecurityGroups",
                                            "NetworkAcls",
                                            "NetworkInterfaces",
                                            "Reservations",
                                            "VpcPeeringConnections",
                                            "TransitGateways",
                                            "TransitGatewayAttachments",
                                            "TransitGatewayVpcAttachments",
                                            "TransitGatewayRouteTables",
                                            "Routes",
                                            "Associations",
                                            "TransitGatewayRouteTablePropagations",
                                            "FileSystems",
                                            "StorageVirtualMachines",
                                            "PrefixLists",
                                            "TransitGatewayStaticRoutes",
                                            "TransitGatewayPropagations",
                                            "VpnGateways",
                                            "ManagedPrefixLists"};

}  // namespace

InputKind classify_input(const JsonDocument& json) {
  const JsonNode& root = json.root();
  if (!root.is_object()) return InputKind::Unknown;
  if (json.find(root, "Resources") || json.find(root, "AWSTemplateFormatVersion"))
    return InputKind::Template;
  const JsonNode* artifacts = json.find(root, "artifacts");
  const JsonNode* version = json.find(root, "version");
  if (artifacts && artifacts->is_object() && version && version->is_string())
    return InputKind::CdkManifest;
  for (const JsonMember& member : json.members(root)) {
    for (const std::string_view key : kExportKeys) {
      if (member.key == key) return InputKind::AccountExport;
    }
  }
  return InputKind::Unknown;
}

}  // namespace reachlint
