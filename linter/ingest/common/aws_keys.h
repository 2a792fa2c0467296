// The AWS field names reachlint reads, in one place.
//
// The EC2 and FSx APIs name a field the same way in the AWS CLI's describe-* output and in the
// CloudFormation properties of the matching resource (VpcId, SubnetId, CidrBlock, RouteTableIds).
// The readers of both (account/export_reader*.cpp, cloudformation/template_*_resources.cpp and
// the Fn::GetAtt attributes in cloudformation/evaluator.cpp) compare keys against these constants
// rather than spelling them out, so that there is one place to see which fields reachlint
// understands and to fix a misspelt one. A constant is the name with a k in front, spelt exactly
// as AWS spells it. Template syntax (Resources, Properties, Fn::GetAtt) is in
// cloudformation/template_keys.h.
#pragma once

#include <string_view>

namespace reachlint::aws_keys {

// Top-level lists of the describe-* outputs: an export file is recognised and read by these.
// Some are also fields of an element (a route table's Routes, an instance's SecurityGroups).
inline constexpr std::string_view kAssociations = "Associations";
inline constexpr std::string_view kEntries = "Entries";
inline constexpr std::string_view kFileSystems = "FileSystems";
inline constexpr std::string_view kNetworkAcls = "NetworkAcls";
inline constexpr std::string_view kNetworkInterfaces = "NetworkInterfaces";
inline constexpr std::string_view kPrefixLists = "PrefixLists";
inline constexpr std::string_view kReservations = "Reservations";
inline constexpr std::string_view kRouteTables = "RouteTables";
inline constexpr std::string_view kRoutes = "Routes";
inline constexpr std::string_view kSecurityGroups = "SecurityGroups";
inline constexpr std::string_view kStorageVirtualMachines = "StorageVirtualMachines";
inline constexpr std::string_view kSubnets = "Subnets";
inline constexpr std::string_view kNatGateways = "NatGateways";
inline constexpr std::string_view kTransitGatewayAttachments = "TransitGatewayAttachments";
inline constexpr std::string_view kTransitGatewayPropagations = "TransitGatewayPropagations";
inline constexpr std::string_view kTransitGatewayRouteTablePropagations =
    "TransitGatewayRouteTablePropagations";
inline constexpr std::string_view kTransitGatewayRouteTables = "TransitGatewayRouteTables";
inline constexpr std::string_view kTransitGatewayStaticRoutes = "TransitGatewayStaticRoutes";
inline constexpr std::string_view kTransitGatewayVpcAttachments = "TransitGatewayVpcAttachments";
inline constexpr std::string_view kTransitGateways = "TransitGateways";
inline constexpr std::string_view kVpcEndpoints = "VpcEndpoints";
inline constexpr std::string_view kVpcPeeringConnections = "VpcPeeringConnections";
inline constexpr std::string_view kVpcs = "Vpcs";
inline constexpr std::string_view kVpnGateways = "VpnGateways";

// Printed by the CLI beside the list (paging, status): skipped.
inline constexpr std::string_view kAdditionalRoutesAvailable = "AdditionalRoutesAvailable";
inline constexpr std::string_view kNextToken = "NextToken";
inline constexpr std::string_view kResponseMetadata = "ResponseMetadata";

// Fields of many resources.
inline constexpr std::string_view kCidrBlock = "CidrBlock";
inline constexpr std::string_view kOwnerId = "OwnerId";
inline constexpr std::string_view kRouteTableIds = "RouteTableIds";
inline constexpr std::string_view kSecurityGroupIds = "SecurityGroupIds";
inline constexpr std::string_view kState = "State";
inline constexpr std::string_view kStatus = "Status";
inline constexpr std::string_view kSubnetIds = "SubnetIds";

// VPC (and AWS::EC2::VPCCidrBlock).
inline constexpr std::string_view kCidrBlockAssociationSet = "CidrBlockAssociationSet";
inline constexpr std::string_view kCidrBlockState = "CidrBlockState";
inline constexpr std::string_view kIpv4IpamPoolId = "Ipv4IpamPoolId";
inline constexpr std::string_view kVpcId = "VpcId";

// Subnet.
inline constexpr std::string_view kAvailabilityZone = "AvailabilityZone";
inline constexpr std::string_view kAvailabilityZoneId = "AvailabilityZoneId";
inline constexpr std::string_view kSubnetId = "SubnetId";

// Route table, its routes and associations. Route targets that name a resource of their own
// (InstanceId, TransitGatewayId, ...) are with that resource.
inline constexpr std::string_view kAssociationState = "AssociationState";
inline constexpr std::string_view kCarrierGatewayId = "CarrierGatewayId";
inline constexpr std::string_view kCoreNetworkArn = "CoreNetworkArn";
inline constexpr std::string_view kDestinationCidrBlock = "DestinationCidrBlock";
inline constexpr std::string_view kDestinationIpv6CidrBlock = "DestinationIpv6CidrBlock";
inline constexpr std::string_view kDestinationPrefixListId = "DestinationPrefixListId";
inline constexpr std::string_view kEgressOnlyInternetGatewayId = "EgressOnlyInternetGatewayId";
inline constexpr std::string_view kGatewayId = "GatewayId";
inline constexpr std::string_view kLocalGatewayId = "LocalGatewayId";
inline constexpr std::string_view kMain = "Main";
inline constexpr std::string_view kNatGatewayId = "NatGatewayId";
inline constexpr std::string_view kOdbNetworkArn = "OdbNetworkArn";
inline constexpr std::string_view kOrigin = "Origin";
inline constexpr std::string_view kPropagatingVgws = "PropagatingVgws";
inline constexpr std::string_view kRouteTableId = "RouteTableId";
inline constexpr std::string_view kVpcEndpointId = "VpcEndpointId";

// NAT gateway (describe-nat-gateways, AWS::EC2::NatGateway).
inline constexpr std::string_view kConnectivityType = "ConnectivityType";
inline constexpr std::string_view kNatGatewayAddresses = "NatGatewayAddresses";
inline constexpr std::string_view kPrivateIp = "PrivateIp";

// VPC endpoint (describe-vpc-endpoints, AWS::EC2::VPCEndpoint).
inline constexpr std::string_view kServiceName = "ServiceName";
inline constexpr std::string_view kVpcEndpointType = "VpcEndpointType";

// Network ACL and its entries.
inline constexpr std::string_view kEgress = "Egress";
inline constexpr std::string_view kFrom = "From";
inline constexpr std::string_view kIpv6CidrBlock = "Ipv6CidrBlock";
inline constexpr std::string_view kIsDefault = "IsDefault";
inline constexpr std::string_view kNetworkAclId = "NetworkAclId";
inline constexpr std::string_view kPortRange = "PortRange";
inline constexpr std::string_view kProtocol = "Protocol";
inline constexpr std::string_view kRuleAction = "RuleAction";
inline constexpr std::string_view kRuleNumber = "RuleNumber";
inline constexpr std::string_view kTo = "To";

// VPC peering connection.
inline constexpr std::string_view kAccepterVpcInfo = "AccepterVpcInfo";
inline constexpr std::string_view kCidrBlockSet = "CidrBlockSet";
inline constexpr std::string_view kCode = "Code";
inline constexpr std::string_view kPeerVpcId = "PeerVpcId";
inline constexpr std::string_view kRegion = "Region";
inline constexpr std::string_view kRequesterVpcInfo = "RequesterVpcInfo";
inline constexpr std::string_view kVpcPeeringConnectionId = "VpcPeeringConnectionId";

// VPN gateway.
inline constexpr std::string_view kVpcAttachments = "VpcAttachments";
inline constexpr std::string_view kVpnGatewayId = "VpnGatewayId";

// Prefix list.
inline constexpr std::string_view kAddressFamily = "AddressFamily";
inline constexpr std::string_view kCidr = "Cidr";
inline constexpr std::string_view kCidrs = "Cidrs";
inline constexpr std::string_view kPrefixListId = "PrefixListId";
inline constexpr std::string_view kPrefixListName = "PrefixListName";

// Security group and its rules.
inline constexpr std::string_view kCidrIp = "CidrIp";
inline constexpr std::string_view kCidrIpv6 = "CidrIpv6";
inline constexpr std::string_view kDefaultSecurityGroupId = "DefaultSecurityGroupId";
inline constexpr std::string_view kDestinationSecurityGroupId = "DestinationSecurityGroupId";
inline constexpr std::string_view kFromPort = "FromPort";
inline constexpr std::string_view kGroupId = "GroupId";
inline constexpr std::string_view kGroupName = "GroupName";
inline constexpr std::string_view kIpPermissions = "IpPermissions";
inline constexpr std::string_view kIpPermissionsEgress = "IpPermissionsEgress";
inline constexpr std::string_view kIpProtocol = "IpProtocol";
inline constexpr std::string_view kIpRanges = "IpRanges";
inline constexpr std::string_view kPrefixListIds = "PrefixListIds";
inline constexpr std::string_view kSecurityGroupEgress = "SecurityGroupEgress";
inline constexpr std::string_view kSecurityGroupIngress = "SecurityGroupIngress";
inline constexpr std::string_view kSourcePrefixListId = "SourcePrefixListId";
inline constexpr std::string_view kSourceSecurityGroupId = "SourceSecurityGroupId";
inline constexpr std::string_view kSourceSecurityGroupName = "SourceSecurityGroupName";
inline constexpr std::string_view kToPort = "ToPort";
inline constexpr std::string_view kUserIdGroupPairs = "UserIdGroupPairs";

// Instance and network interface.
inline constexpr std::string_view kAttachment = "Attachment";
inline constexpr std::string_view kDeviceIndex = "DeviceIndex";
inline constexpr std::string_view kGroupSet = "GroupSet";
inline constexpr std::string_view kGroups = "Groups";
inline constexpr std::string_view kInstanceId = "InstanceId";
inline constexpr std::string_view kInstances = "Instances";
inline constexpr std::string_view kName = "Name";
inline constexpr std::string_view kNetworkInterfaceId = "NetworkInterfaceId";
inline constexpr std::string_view kPrivateIpAddress = "PrivateIpAddress";

// FSx file system and storage virtual machine.
inline constexpr std::string_view kDeploymentType = "DeploymentType";
inline constexpr std::string_view kEndpointIpAddress = "EndpointIpAddress";
inline constexpr std::string_view kEndpointIpAddressRange = "EndpointIpAddressRange";
inline constexpr std::string_view kEndpoints = "Endpoints";
inline constexpr std::string_view kFileSystemId = "FileSystemId";
inline constexpr std::string_view kFileSystemType = "FileSystemType";
inline constexpr std::string_view kIpAddresses = "IpAddresses";
inline constexpr std::string_view kLifecycle = "Lifecycle";
inline constexpr std::string_view kLustreConfiguration = "LustreConfiguration";
inline constexpr std::string_view kNetworkInterfaceIds = "NetworkInterfaceIds";
inline constexpr std::string_view kNfs = "Nfs";
inline constexpr std::string_view kOntapConfiguration = "OntapConfiguration";
inline constexpr std::string_view kOpenZFSConfiguration = "OpenZFSConfiguration";
inline constexpr std::string_view kPreferredSubnetId = "PreferredSubnetId";
inline constexpr std::string_view kStorageVirtualMachineId = "StorageVirtualMachineId";
inline constexpr std::string_view kWindowsConfiguration = "WindowsConfiguration";

// Transit gateway, its attachments, route tables and routes.
inline constexpr std::string_view kAssociation = "Association";
inline constexpr std::string_view kAssociationDefaultRouteTableId =
    "AssociationDefaultRouteTableId";
inline constexpr std::string_view kBlackhole = "Blackhole";
inline constexpr std::string_view kDefaultRouteTableAssociation = "DefaultRouteTableAssociation";
inline constexpr std::string_view kDefaultRouteTablePropagation = "DefaultRouteTablePropagation";
inline constexpr std::string_view kOptions = "Options";
inline constexpr std::string_view kPropagationDefaultRouteTableId =
    "PropagationDefaultRouteTableId";
inline constexpr std::string_view kResourceId = "ResourceId";
inline constexpr std::string_view kResourceType = "ResourceType";
inline constexpr std::string_view kSecurityGroupReferencingSupport =
    "SecurityGroupReferencingSupport";
inline constexpr std::string_view kTransitGatewayAttachmentId = "TransitGatewayAttachmentId";
inline constexpr std::string_view kTransitGatewayId = "TransitGatewayId";
inline constexpr std::string_view kTransitGatewayRouteTableId = "TransitGatewayRouteTableId";
inline constexpr std::string_view kType = "Type";

}  // namespace reachlint::aws_keys
