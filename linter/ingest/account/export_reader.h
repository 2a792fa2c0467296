// Reads one AWS CLI export file (describe-* and friends) with simdjson On-Demand, in one pass,
// into records. The file is recognised by its top-level key, never by its name.
#pragma once

#include <string>
#include <string_view>

#include <simdjson.h>

#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/ingest/account/export_context.h"
#include "linter/ingest/account/export_records.h"

namespace reachlint {

// Whether `key` is the top-level key of an AWS CLI output reachlint reads (DESIGN §1): the one
// table of them, used to recognise exports and to read them.
bool is_export_key(std::string_view key);

// Whether `text` starts (after whitespace) with an object whose first key is an export key.
bool starts_like_export(std::string_view text);

// Reads export files one after another. Its parser is reused from file to file (its buffers grow
// to the largest one): allocating them for every file is slow. One reader per thread.
class ExportReader {
 public:
  // Reads the export in `source`. A file that is not JSON or has the wrong shape at a known key
  // is an input error; an element that cannot be used is skipped with a located notice.
  void read(const SourceBuffer& source, uint32_t file, const ExportContext& context,
            ExportRecords& records, Diagnostics& diagnostics);

 private:
  simdjson::ondemand::parser parser_;
};

}  // namespace reachlint
