#include "linter/analysis/declared_clients.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <re2/re2.h>

#include "linter/core/result.h"

namespace reachlint::analysis {

using model::Index;

namespace {

// A filesystems pattern. An id written as it is (most are) is compared, not matched: an audit
// declares hundreds of clients, each asked about every file system.
class FileSystemPattern {
 public:
  explicit FileSystemPattern(const std::string& pattern) {
    const bool literal = std::all_of(pattern.begin(), pattern.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' ||
             c == '/';
    });
    if (literal) {
      literal_ = pattern;
    } else {
      re_ = std::make_unique<RE2>(pattern, RE2::Quiet);
    }
  }
  // Empty when the pattern is a valid re2 expression.
  std::string error() const { return re_ && !re_->ok() ? re_->error() : std::string(); }
  bool matches(std::string_view name) const {
    return re_ ? RE2::FullMatch(name, *re_) : name == literal_;
  }

 private:
  std::string literal_;
  std::unique_ptr<RE2> re_;
};

}  // namespace

struct DeclaredClients::Entry {
  std::vector<ClientGroup> groups;
  std::vector<FileSystemPattern> filesystems;
};

DeclaredClients::DeclaredClients() = default;
DeclaredClients::~DeclaredClients() = default;
DeclaredClients::DeclaredClients(DeclaredClients&&) noexcept = default;
DeclaredClients& DeclaredClients::operator=(DeclaredClients&&) noexcept = default;

namespace {

// "STACK/ID" names ID in STACK only: ids hold no '/', stack names may (the last one divides).
std::string_view id_of(std::string_view value) {
  const size_t slash = value.rfind('/');
  return slash == std::string_view::npos ? value : value.substr(slash + 1);
}

std::vector<model::EntityRef> in_stack_of(const model::Model& model, std::string_view value,
                                          std::vector<model::EntityRef> found) {
  const size_t slash = value.rfind('/');
  if (slash == std::string_view::npos) return found;
  const std::string_view stack = value.substr(0, slash);
  std::erase_if(found, [&](const model::EntityRef& ref) {
    const Index index = model.origin(ref).stack;
    return index >= model.stacks.size() || model.stacks[index] != stack;
  });
  return found;
}

}  // namespace

std::vector<model::EntityRef> find_client_id(const model::Model& model, std::string_view value) {
  return in_stack_of(model, value, model.find(id_of(value)));
}

bool names_cidr(std::string_view kind, std::string_view value) {
  if (kind == "cidr") return true;
  return kind.empty() && value.find('/') != std::string_view::npos &&
         Cidr::parse(value).has_value();
}

bool DeclaredClients::empty() const {
  return entries_.empty();
}

namespace {

std::vector<ClientGroup> resolve_cidr(const model::Model& model, Cidr cidr, const std::string& id) {
  std::vector<ClientGroup> out;
  for (Index s = 0; s < model.subnets.size(); ++s) {
    const auto& block = model.subnets[s].cidr;
    if (block.known() && block->contains(cidr))
      return {cidr_client(cidr, s, Evidence::Declared, id)};
  }
  for (Index s = 0; s < model.subnets.size(); ++s) {
    const auto& block = model.subnets[s].cidr;
    if (block.known() && cidr.contains(*block))
      out.push_back(cidr_client(*block, s, Evidence::Declared, id));
  }
  if (out.empty()) out.push_back(cidr_client(cidr, model::kNone, Evidence::Declared, id));
  return out;
}

Result<std::vector<ClientGroup>> resolve_entity(const model::Model& model, model::EntityRef ref,
                                                const std::string& id) {
  switch (ref.kind) {
    case model::Kind::Instance:
      if (!model.instances[ref.index].subnet.known())
        return Error{{},
                     fmt::format("instance {} has no subnet that can be evaluated statically", id)};
      return std::vector{instance_client(model, ref.index, Evidence::Declared, id)};
    case model::Kind::Subnet:
      if (!model.subnets[ref.index].cidr.known())
        return Error{{}, fmt::format("the CIDR of subnet {} cannot be evaluated statically", id)};
      return std::vector{bare_subnet_client(model, ref.index, Evidence::Declared, id)};
    case model::Kind::Vpc: {
      std::vector<ClientGroup> out;
      for (Index s = 0; s < model.subnets.size(); ++s) {
        if (model.subnets[s].vpc == ref.index && model.subnets[s].cidr.known()) {
          out.push_back(bare_subnet_client(model, s, Evidence::Declared, id));
        }
      }
      return out;
    }
    default:
      return Error{{},
                   fmt::format("'{}' is a {}; a client is a subnet, an instance, a VPC or a CIDR",
                               id, model.origin(ref).type)};
  }
}

// A filesystems pattern that names no file system would leave its client checked against
// nothing, and the run green: say so (a notice, as the inputs of one run may hold only some of
// the file systems a shared configuration names).
void note_unmatched_patterns(const model::Model& model, const ClientSpec& spec,
                             const std::vector<FileSystemPattern>& patterns,
                             Diagnostics& diagnostics) {
  for (size_t i = 0; i < patterns.size(); ++i) {
    const bool matched = std::any_of(
        model.file_systems.begin(), model.file_systems.end(),
        [&](const model::FileSystem& fs) { return patterns[i].matches(fs.origin.name); });
    if (!matched) {
      diagnostics.notice(spec.location,
                         fmt::format("client '{}': filesystems pattern '{}' matches no file "
                                     "system in the inputs",
                                     spec.value, spec.filesystems[i]));
    }
  }
}

bool kind_matches(const std::string& kind, model::Kind actual) {
  if (kind.empty() || kind == "resource") return true;
  return model::entity_info(actual).word == kind;
}

}  // namespace

DeclaredClients DeclaredClients::resolve(const model::Model& model,
                                         const std::vector<ClientSpec>& specs,
                                         Diagnostics& diagnostics) {
  DeclaredClients out;
  // One lookup for all the ids: an organisation's audit declares hundreds.
  std::vector<std::string_view> ids;
  ids.reserve(specs.size());
  for (const ClientSpec& spec : specs) {
    ids.push_back(names_cidr(spec.kind, spec.value) ? std::string_view() : id_of(spec.value));
  }
  std::vector<std::vector<model::EntityRef>> named = model.find_each(ids);
  for (size_t i = 0; i < specs.size(); ++i) {
    const ClientSpec& spec = specs[i];
    auto entry = std::make_unique<Entry>();
    std::string error;
    if (names_cidr(spec.kind, spec.value)) {
      const auto cidr = Cidr::parse(spec.value);
      if (!cidr) {
        error = fmt::format("client cidr '{}' is not a valid IPv4 CIDR", spec.value);
      } else {
        entry->groups = resolve_cidr(model, *cidr, spec.value);
      }
    } else {
      for (const model::EntityRef& ref : in_stack_of(model, spec.value, std::move(named[i]))) {
        if (!kind_matches(spec.kind, ref.kind)) continue;
        auto groups = resolve_entity(model, ref, spec.value);
        if (!groups) {
          error = groups.error().message;
          continue;
        }
        for (ClientGroup group : *groups) {  // a VPC's subnets are that VPC, of its stack
          for (ClientMember& member : group.members) {
            member.stack = model.origin(ref).stack;
          }
          entry->groups.push_back(std::move(group));
        }
      }
      if (entry->groups.empty() && error.empty()) {
        error = fmt::format(
            "client '{}' matches no {} in the inputs", spec.value,
            spec.kind.empty() || spec.kind == "resource" ? "subnet, instance or VPC" : spec.kind);
      }
    }
    for (const std::string& pattern : spec.filesystems) {
      FileSystemPattern& compiled = entry->filesystems.emplace_back(pattern);
      if (const std::string invalid = compiled.error(); !invalid.empty()) {
        error = fmt::format("filesystems pattern '{}' is not a valid re2 expression: {}", pattern,
                            invalid);
      }
    }
    if (!error.empty()) {
      diagnostics.error(spec.location, error);
      continue;
    }
    note_unmatched_patterns(model, spec, entry->filesystems, diagnostics);
    out.entries_.push_back(std::move(entry));
  }
  return out;
}

std::vector<ClientGroup> DeclaredClients::for_file_system(const model::Model&,
                                                          const model::FileSystem& fs) const {
  std::vector<ClientGroup> out;
  for (const auto& entry : entries_) {
    const bool wanted =
        entry->filesystems.empty() ||
        std::any_of(entry->filesystems.begin(), entry->filesystems.end(),
                    [&](const FileSystemPattern& p) { return p.matches(fs.origin.name); });
    if (wanted) out.insert(out.end(), entry->groups.begin(), entry->groups.end());
  }
  return out;
}

}  // namespace reachlint::analysis
