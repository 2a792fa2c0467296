// CloudFormation's own template vocabulary, and the keys of the files that come with templates
// (a CDK cloud assembly's manifest, reachlint's entry in a resource's Metadata), in one place:
// the template readers compare keys against these rather than spelling them out. A constant is
// the name with a k in front (Fn::GetAtt is kFnGetAtt). The AWS property names that the EC2 and
// FSx APIs share (VpcId, CidrBlock) are in common/aws_keys.h.
#pragma once

#include <string_view>

namespace reachlint::template_keys {

// Template sections.
inline constexpr std::string_view kAWSTemplateFormatVersion = "AWSTemplateFormatVersion";
inline constexpr std::string_view kConditions = "Conditions";
inline constexpr std::string_view kMappings = "Mappings";
inline constexpr std::string_view kOutputs = "Outputs";
inline constexpr std::string_view kParameters = "Parameters";
inline constexpr std::string_view kResources = "Resources";
inline constexpr std::string_view kTransform = "Transform";

// Entries of a resource, a parameter and an output.
inline constexpr std::string_view kCondition = "Condition";
inline constexpr std::string_view kDefault = "Default";
// Parameter constraints, checked against given values.
inline constexpr std::string_view kAllowedValues = "AllowedValues";
inline constexpr std::string_view kAllowedPattern = "AllowedPattern";
inline constexpr std::string_view kMinLength = "MinLength";
inline constexpr std::string_view kMaxLength = "MaxLength";
inline constexpr std::string_view kMinValue = "MinValue";
inline constexpr std::string_view kMaxValue = "MaxValue";
inline constexpr std::string_view kExport = "Export";
inline constexpr std::string_view kMetadata = "Metadata";
inline constexpr std::string_view kName = "Name";
inline constexpr std::string_view kProperties = "Properties";
inline constexpr std::string_view kType = "Type";
inline constexpr std::string_view kValue = "Value";

// Intrinsic and condition functions (Condition, above, is one too).
inline constexpr std::string_view kFnAnd = "Fn::And";
inline constexpr std::string_view kFnCidr = "Fn::Cidr";
inline constexpr std::string_view kFnEquals = "Fn::Equals";
inline constexpr std::string_view kFnFindInMap = "Fn::FindInMap";
inline constexpr std::string_view kFnForEachPrefix = "Fn::ForEach::";
inline constexpr std::string_view kFnGetAZs = "Fn::GetAZs";
inline constexpr std::string_view kFnGetAtt = "Fn::GetAtt";
inline constexpr std::string_view kFnGetStackOutput = "Fn::GetStackOutput";
inline constexpr std::string_view kFnIf = "Fn::If";
inline constexpr std::string_view kFnImportValue = "Fn::ImportValue";
inline constexpr std::string_view kFnJoin = "Fn::Join";
inline constexpr std::string_view kFnNot = "Fn::Not";
inline constexpr std::string_view kFnOr = "Fn::Or";
inline constexpr std::string_view kFnPrefix = "Fn::";
inline constexpr std::string_view kFnSelect = "Fn::Select";
inline constexpr std::string_view kFnSplit = "Fn::Split";
inline constexpr std::string_view kFnSub = "Fn::Sub";
inline constexpr std::string_view kRef = "Ref";

// Arguments given by name: Fn::FindInMap's options, Fn::GetStackOutput's object.
inline constexpr std::string_view kDefaultValue = "DefaultValue";
inline constexpr std::string_view kOutputName = "OutputName";
inline constexpr std::string_view kStackName = "StackName";

// Fn::GetAtt attributes that are not also property names (those are in aws_keys.h). A VPC's
// implicit default security group and network ACL are named after their attribute.
inline constexpr std::string_view kCidrBlockAssociations = "CidrBlockAssociations";
inline constexpr std::string_view kDefaultNetworkAcl = "DefaultNetworkAcl";
inline constexpr std::string_view kDefaultSecurityGroup = "DefaultSecurityGroup";
inline constexpr std::string_view kId = "Id";
inline constexpr std::string_view kPrimaryPrivateIpAddress = "PrimaryPrivateIpAddress";
inline constexpr std::string_view kPrivateIp = "PrivateIp";
// A nested stack's outputs: Fn::GetAtt Child.Outputs.Name.
inline constexpr std::string_view kOutputsPrefix = "Outputs.";

// A nested stack: the resource type, where its template is, what it is passed.
inline constexpr std::string_view kStackType = "AWS::CloudFormation::Stack";
inline constexpr std::string_view kTemplateURL = "TemplateURL";
// CDK names a nested stack's template file in the assembly in the resource's Metadata.
inline constexpr std::string_view kCdkAssetPath = "aws:asset:path";

// reachlint's entry in a resource's Metadata: {"reachlint": {"suppress": [{"rule", "reason"}]}}.
inline constexpr std::string_view kReachlint = "reachlint";
inline constexpr std::string_view kReason = "reason";
inline constexpr std::string_view kRule = "rule";
inline constexpr std::string_view kSuppress = "suppress";

// A CDK cloud assembly's manifest.json.
namespace cdk {
inline constexpr std::string_view kArtifacts = "artifacts";
inline constexpr std::string_view kDirectoryName = "directoryName";
inline constexpr std::string_view kProperties = "properties";
inline constexpr std::string_view kStackName = "stackName";
inline constexpr std::string_view kTemplateFile = "templateFile";
inline constexpr std::string_view kType = "type";
inline constexpr std::string_view kVersion = "version";
}  // namespace cdk

}  // namespace reachlint::template_keys
