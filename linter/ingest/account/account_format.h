// Account exports as an input format: the JSON the AWS CLI writes for describe-* and friends, one
// command per file, recognised by its top-level key (DESIGN §1). Files are streamed into records
// (export_reader.h), read together once all are known (export_batch.h), and linked into the
// model by physical id (export_model_builder.h).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "linter/ingest/account/export_batch.h"
#include "linter/ingest/account/export_records.h"
#include "linter/ingest/common/input_format.h"

namespace reachlint {

class AccountExportFormat final : public InputFormat {
 public:
  Layer layer() const override { return Layer::Deployed; }
  std::string_view names() const override { return "AWS CLI export"; }
  bool claims_text(std::string_view text) const override;
  bool claims_tree(const JsonDocument& json) const override;
  bool lists_whole_directories() const override { return true; }
  void add(const InputFile& file, LoaderAccess& loader, Diagnostics& diagnostics) override;
  void finish_loading(Diagnostics& diagnostics) override;
  // An account export with a file that cannot be read is incomplete (a listing lost): the files
  // of its folder are left out, and a notice at the broken file says so. A broken file another
  // format took (a template beside the export) loses no listing.
  void set_aside(const BrokenInputs& inputs, Diagnostics& diagnostics) override;
  void build(ModelBuild& build) override;

  // Every export read, before linking.
  const ExportRecords& records() const { return records_; }

 private:
  std::vector<ExportJob> jobs_;  // every export file; records_ hold those not left out
  ExportRecords records_;
  std::set<std::string> left_out_;  // folders whose files records_ do not hold
};

}  // namespace reachlint
