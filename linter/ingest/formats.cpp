#include "linter/ingest/formats.h"

#include "linter/ingest/account/account_format.h"
#include "linter/ingest/cloudformation/cloudformation_format.h"
#include "linter/ingest/terraform/terraform_format.h"

namespace reachlint {

std::vector<std::unique_ptr<InputFormat>> all_input_formats() {
  std::vector<std::unique_ptr<InputFormat>> formats;
  formats.push_back(std::make_unique<CloudFormationFormat>());
  formats.push_back(std::make_unique<AccountExportFormat>());
  formats.push_back(std::make_unique<TerraformFormat>());
  return formats;
}

}  // namespace reachlint
