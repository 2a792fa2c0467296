// Clients declared on the command line (--client) or in the configuration ([[client]]): they
// replace discovery for the file systems they are meant for.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linter/analysis/clients.h"
#include "linter/core/diagnostics.h"
#include "linter/model/model.h"

namespace reachlint::analysis {

// What a client id names: a logical or physical id names every resource of that id, in any stack;
// STACK/ID (the stack, or an export's account/region, as SARIF's logical locations write it) names
// that stack's only. Ids hold no '/', stack names may: the last '/' divides them.
std::vector<model::EntityRef> find_client_id(const model::Model& model, std::string_view value);
// Whether a spec names a CIDR rather than an id.
bool names_cidr(std::string_view kind, std::string_view value);

struct ClientSpec {
  std::string kind;  // "subnet", "instance", "cidr", "resource", or empty to detect
  std::string value;
  std::vector<std::string> filesystems;  // ids, logical ids or re2 patterns; empty: all
  Location location;                     // in the configuration file, when from there
};

class DeclaredClients {
 public:
  DeclaredClients();
  ~DeclaredClients();
  DeclaredClients(DeclaredClients&&) noexcept;
  DeclaredClients& operator=(DeclaredClients&&) noexcept;

  // Resolves the specs against the model; what matches nothing is an input error.
  static DeclaredClients resolve(const model::Model& model, const std::vector<ClientSpec>& specs,
                                 Diagnostics& diagnostics);
  bool empty() const;
  // The declared client groups meant for `fs`.
  std::vector<ClientGroup> for_file_system(const model::Model& model,
                                           const model::FileSystem& fs) const;

 private:
  struct Entry;
  std::vector<std::unique_ptr<Entry>> entries_;
};

}  // namespace reachlint::analysis
