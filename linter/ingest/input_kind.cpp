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

namespace {

bool has_line_starting_with(std::string_view text, std::string_view prefix) {
  size_t start = 0;
  while (start < text.size()) {
    if (text.substr(start, prefix.size()) == prefix) return true;
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return false;
}

}  // namespace

bool looks_like_yaml_template(std::string_view text) {
  return has_line_starting_with(text, "Resources:") ||
         has_line_starting_with(text, "AWSTemplateFormatVersion:");
}

bool looks_like_json_template(std::string_view text) {
  return text.find("\"Resources\"") != std::string_view::npos ||
         text.find("\"AWSTemplateFormatVersion\"") != std::string_view::npos;
}

}  // namespace reachlint
