#include "linter/ingest/account/export_context.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

namespace reachlint {

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool is_hex_id_char(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// The first "<prefix><hex digits>" in `name`, e.g. tgw-rtb-0123abcd.
std::string find_id(std::string_view name, std::string_view prefix) {
  const size_t at = name.find(prefix);
  if (at == std::string_view::npos) return {};
  size_t end = at + prefix.size();
  while (end < name.size() && is_hex_id_char(name[end])) ++end;
  return end > at + prefix.size() ? std::string(name.substr(at, end - at)) : std::string{};
}

}  // namespace

// us-east-1, ap-northeast-1, us-gov-west-1, eu-central-2 ...
bool looks_like_region(std::string_view text) {
  size_t dashes = 0;
  for (const char c : text) {
    if (c == '-')
      ++dashes;
    else if (!std::islower(static_cast<unsigned char>(c)) &&
             !std::isdigit(static_cast<unsigned char>(c)))
      return false;
  }
  const size_t last = text.rfind('-');
  return dashes >= 2 && text.size() >= 9 && last != std::string_view::npos &&
         all_digits(text.substr(last + 1)) && std::islower(static_cast<unsigned char>(text[0]));
}

ExportContext export_context(const std::string& path) {
  ExportContext context;
  const std::filesystem::path p(path);
  std::vector<std::string> parts;
  for (const auto& part : p.parent_path()) parts.push_back(part.string());
  for (size_t i = 0; i < parts.size(); ++i) {
    if (looks_like_region(parts[i])) context.region = parts[i];
    if (parts[i] == "accounts" && i + 1 < parts.size() && all_digits(parts[i + 1]))
      context.account = parts[i + 1];
  }
  const std::string stem = p.stem().string();
  if (context.region.empty()) {
    // Older Batfish recordings: Vpcs-us-west-2.json
    for (size_t dash = stem.find('-'); dash != std::string::npos; dash = stem.find('-', dash + 1)) {
      if (looks_like_region(stem.substr(dash + 1))) {
        context.region = stem.substr(dash + 1);
        break;
      }
    }
  }
  const std::string name = p.filename().string();
  context.route_table = find_id(name, "tgw-rtb-");
  context.prefix_list = find_id(name, "pl-");
  return context;
}

}  // namespace reachlint
