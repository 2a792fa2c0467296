// CloudFormation's own syntax: template sections, the keys inside them and the intrinsic
// functions. The names of resource properties are AWS's (linter/ingest/common/aws_keys.h).
#pragma once

#include <string_view>

namespace reachlint::template_keys {

// Sections and the keys of their entries (resources, parameters, outputs, stack outputs).
inline constexpr std::string_view kCommaDelimitedList = "CommaDelimitedList";
inline constexpr std::string_view kCondition = "Condition";
inline constexpr std::string_view kConditions = "Conditions";
inline constexpr std::string_view kDefault = "Default";
inline constexpr std::string_view kDefaultValue = "DefaultValue";
inline constexpr std::string_view kExport = "Export";
inline constexpr std::string_view kMappings = "Mappings";
inline constexpr std::string_view kMetadata = "Metadata";
inline constexpr std::string_view kName = "Name";
inline constexpr std::string_view kOutputName = "OutputName";
inline constexpr std::string_view kOutputs = "Outputs";
inline constexpr std::string_view kParameters = "Parameters";
inline constexpr std::string_view kProperties = "Properties";
inline constexpr std::string_view kResources = "Resources";
inline constexpr std::string_view kStackName = "StackName";
inline constexpr std::string_view kType = "Type";
inline constexpr std::string_view kValue = "Value";

// Intrinsic functions.
inline constexpr std::string_view kFnAnd = "Fn::And";
inline constexpr std::string_view kFnCidr = "Fn::Cidr";
inline constexpr std::string_view kFnEquals = "Fn::Equals";
inline constexpr std::string_view kFnFindInMap = "Fn::FindInMap";
inline constexpr std::string_view kFnGetAZs = "Fn::GetAZs";
inline constexpr std::string_view kFnGetAtt = "Fn::GetAtt";
inline constexpr std::string_view kFnGetStackOutput = "Fn::GetStackOutput";
inline constexpr std::string_view kFnIf = "Fn::If";
inline constexpr std::string_view kFnImportValue = "Fn::ImportValue";
inline constexpr std::string_view kFnJoin = "Fn::Join";
inline constexpr std::string_view kFnNot = "Fn::Not";
inline constexpr std::string_view kFnOr = "Fn::Or";
inline constexpr std::string_view kFnSelect = "Fn::Select";
inline constexpr std::string_view kFnSplit = "Fn::Split";
inline constexpr std::string_view kFnSub = "Fn::Sub";
inline constexpr std::string_view kRef = "Ref";

}  // namespace reachlint::template_keys
