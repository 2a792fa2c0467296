#include "linter/ingest/account/export_reader.h"

#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "linter/ingest/account/export_parser.h"
#include "linter/ingest/common/aws_keys.h"
#include "linter/ingest/common/json_tree.h"

namespace reachlint {

std::string_view StringPool::intern(std::string_view text) {
  if (const auto found = index_.find(text); found != index_.end()) return *found;
  const std::string_view stored = storage_.emplace_back(text);
  index_.insert(stored);
  return stored;
}

bool ExportRecords::empty() const {
  return vpcs.empty() && subnets.empty() && route_tables.empty() && network_acls.empty() &&
         security_groups.empty() && interfaces.empty() && instances.empty() && peerings.empty() &&
         vpn_gateways.empty() && nat_gateways.empty() && vpc_endpoints.empty() &&
         prefix_lists.empty() && transit_gateways.empty() && tgw_attachments.empty() &&
         tgw_vpc_attachments.empty() && tgw_route_tables.empty() && tgw_route_listings.empty() &&
         tgw_table_links.empty() && file_systems.empty() && svms.empty();
}

namespace {

template <typename Record>
void move_after(std::vector<Record>& into, std::vector<Record>& from) {
  if (into.empty()) {
    into = std::move(from);
    return;
  }
  into.insert(into.end(), std::make_move_iterator(from.begin()),
              std::make_move_iterator(from.end()));
}

}  // namespace

void ExportRecords::append(ExportRecords&& other) {
  adopted_strings.push_back(std::move(other.strings));
  for (StringPool& pool : other.adopted_strings) adopted_strings.push_back(std::move(pool));
  move_after(vpcs, other.vpcs);
  move_after(subnets, other.subnets);
  move_after(route_tables, other.route_tables);
  move_after(network_acls, other.network_acls);
  move_after(security_groups, other.security_groups);
  move_after(interfaces, other.interfaces);
  move_after(instances, other.instances);
  move_after(peerings, other.peerings);
  move_after(vpn_gateways, other.vpn_gateways);
  move_after(nat_gateways, other.nat_gateways);
  move_after(vpc_endpoints, other.vpc_endpoints);
  move_after(prefix_lists, other.prefix_lists);
  move_after(prefix_list_entries, other.prefix_list_entries);
  move_after(transit_gateways, other.transit_gateways);
  move_after(tgw_attachments, other.tgw_attachments);
  move_after(tgw_vpc_attachments, other.tgw_vpc_attachments);
  move_after(tgw_route_tables, other.tgw_route_tables);
  move_after(tgw_route_listings, other.tgw_route_listings);
  move_after(tgw_table_links, other.tgw_table_links);
  move_after(file_systems, other.file_systems);
  move_after(svms, other.svms);
  move_after(file_texts, other.file_texts);
}

std::string_view ExportRecords::text_of(uint32_t file) const {
  for (const auto& [id, text] : file_texts) {
    if (id == file) return text;
  }
  return {};
}

Location ExportRecords::locate(std::string_view value, Location fallback) const {
  for (const auto& [file, text] : file_texts) {
    // Pointer order is only defined within one array: compare as integers.
    const auto begin = reinterpret_cast<uintptr_t>(text.data());
    const auto at = reinterpret_cast<uintptr_t>(value.data());
    if (file == fallback.file && at > begin && at <= begin + text.size())
      return {file, static_cast<uint32_t>(at - begin - 1)};
  }
  return fallback;
}

namespace {

using Reader = error_code (*)(ExportParser&, od::value);

// A top-level key: its reader, and whether the file name must give a route table or prefix list.
struct ListKind {
  std::string_view key;
  Reader reader;
  enum class Needs { Nothing, RouteTable, PrefixList } needs = Needs::Nothing;
};

constexpr ListKind kLists[] = {
    {aws_keys::kVpcs, read_vpc},
    {aws_keys::kSubnets, read_subnet},
    {aws_keys::kRouteTables, read_route_table},
    {aws_keys::kNetworkAcls, read_network_acl},
    {aws_keys::kSecurityGroups, read_security_group},
    {aws_keys::kNetworkInterfaces, read_interface},
    {aws_keys::kReservations, read_reservation},
    {aws_keys::kVpcPeeringConnections, read_peering},
    {aws_keys::kVpnGateways, read_vpn_gateway},
    {aws_keys::kNatGateways, read_nat_gateway},
    {aws_keys::kVpcEndpoints, read_vpc_endpoint},
    {aws_keys::kPrefixLists, read_prefix_list},
    {aws_keys::kEntries, read_prefix_list_entry, ListKind::Needs::PrefixList},
    {aws_keys::kTransitGateways, read_transit_gateway},
    {aws_keys::kTransitGatewayAttachments, read_tgw_attachment},
    {aws_keys::kTransitGatewayVpcAttachments, read_tgw_vpc_attachment},
    {aws_keys::kTransitGatewayRouteTables, read_tgw_route_table},
    {aws_keys::kRoutes, read_tgw_route, ListKind::Needs::RouteTable},
    {aws_keys::kAssociations, read_tgw_association, ListKind::Needs::RouteTable},
    {aws_keys::kTransitGatewayRouteTablePropagations, read_tgw_propagation,
     ListKind::Needs::RouteTable},
    {aws_keys::kTransitGatewayStaticRoutes, read_tgw_static_routes_wrapper},
    {aws_keys::kTransitGatewayPropagations, read_tgw_propagations_wrapper},
    {aws_keys::kFileSystems, read_file_system},
    {aws_keys::kStorageVirtualMachines, read_svm},
};

// Paging and status keys the CLI prints beside the list.
constexpr std::string_view kIgnoredKeys[] = {
    aws_keys::kNextToken, aws_keys::kAdditionalRoutesAvailable, aws_keys::kResponseMetadata};

const ListKind* find_list(std::string_view key) {
  for (const ListKind& kind : kLists) {
    if (kind.key == key) return &kind;
  }
  return nullptr;
}

}  // namespace

bool is_export_key(std::string_view key) {
  return find_list(key) != nullptr;
}

bool starts_like_export(std::string_view text) {
  size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const auto skip_space = [&] {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
      ++i;
  };
  skip_space();
  if (i >= text.size() || text[i] != '{') return false;
  ++i;
  skip_space();
  if (i >= text.size() || text[i] != '"') return false;
  const size_t end = text.find('"', i + 1);
  return end != std::string_view::npos && find_list(text.substr(i + 1, end - i - 1)) != nullptr;
}

ExportParser::ExportParser(const SourceBuffer& source, uint32_t file, const ExportContext& context,
                           ExportRecords& records, Diagnostics& diagnostics)
    : source_(source),
      file_(file),
      context_(context),
      records_(records),
      diagnostics_(diagnostics),
      account_(records.strings.intern(context.account)),
      region_(records.strings.intern(context.region)) {}

Location ExportParser::location(od::value& v) {
  const char* at = nullptr;
  if (v.current_location().get(at) != simdjson::SUCCESS)
    return {file_, static_cast<uint32_t>(source_.size())};
  return {file_, static_cast<uint32_t>(at - source_.data())};
}

RecordOrigin ExportParser::origin(od::value& v) {
  return {location(v), account_, region_, index_, list_};
}

RecordOrigin ExportParser::begin_element(od::value& v) {
  element_problem_.reset();
  RecordOrigin where = origin(v);
  element_location_ = where.location;
  return where;
}

void ExportParser::require(
    Location at, std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  std::vector<std::string_view> missing;
  for (const auto& [name, value] : fields) {
    if (value.empty()) missing.push_back(name);
  }
  if (!missing.empty()) problem(at, fmt::format("it has no {}", fmt::join(missing, " or ")));
}

void ExportParser::problem(Location at, std::string why) {
  if (!element_problem_) element_problem_ = InputError{at, std::move(why)};
}

bool ExportParser::end_element(std::string_view what, std::string_view id) {
  ++index_;
  if (!element_problem_) return true;
  diagnostics_.notice(element_problem_->location,
                      fmt::format("skipped {}{}{}: {}", what, id.empty() ? "" : " ", id,
                                  element_problem_->message));
  element_problem_.reset();
  return false;
}

void ExportParser::start_table_listing(std::string_view key, Location at) {
  RecordOrigin where{at, account_, region_, 0, key};
  const std::string_view table = intern(context_.route_table);
  if (key == aws_keys::kRoutes) {
    TgwRouteListing listing;
    listing.origin = where;
    listing.table = table;
    records_.tgw_route_listings.push_back(std::move(listing));
  } else {
    TgwTableLinks links;
    links.origin = where;
    links.table = table;
    links.propagations = key == aws_keys::kTransitGatewayRouteTablePropagations;
    records_.tgw_table_links.push_back(std::move(links));
  }
}

void ExportParser::note(Location at, std::string message) {
  diagnostics_.notice(at, fmt::format("could not read {}; it is treated as unknown", message));
}

error_code ExportParser::tolerate(od::value& v, std::string_view what, std::string_view expected,
                                  error_code error) {
  if (error != simdjson::INCORRECT_TYPE) return error;
  problem(location(v), fmt::format("{} must be {}", what, expected));
  return simdjson::SUCCESS;
}

error_code ExportParser::text(od::value v, std::string_view what, std::string_view& out) {
  od::json_type type;
  REACHLINT_TRY(v.type().get(type));
  if (type == od::json_type::null) return simdjson::SUCCESS;
  if (type != od::json_type::string) {
    problem(location(v), fmt::format("{} must be a string", what));
    return simdjson::SUCCESS;
  }
  // Ids and CIDRs have no escapes: they are used in place, in the mapped file, without a copy.
  std::string_view token = v.raw_json_token();
  while (!token.empty() && token.back() != '"') token.remove_suffix(1);
  if (token.size() >= 2 && token.find('\\') == std::string_view::npos) {
    out = token.substr(1, token.size() - 2);
    return simdjson::SUCCESS;
  }
  std::string_view unescaped;
  REACHLINT_TRY(v.get_string().get(unescaped));
  out = intern(unescaped);
  return simdjson::SUCCESS;
}

error_code ExportParser::number(od::value v, std::string_view what, std::optional<int64_t>& out) {
  od::json_type type;
  REACHLINT_TRY(v.type().get(type));
  if (type == od::json_type::number) {
    int64_t value = 0;
    if (v.get_int64().get(value) == simdjson::SUCCESS) {
      out = value;
      return simdjson::SUCCESS;
    }
  } else if (type == od::json_type::string) {
    std::string_view raw;
    REACHLINT_TRY(v.get_string().get(raw));
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (ec == std::errc{} && end == raw.data() + raw.size()) {
      out = value;
      return simdjson::SUCCESS;
    }
  } else if (type == od::json_type::null) {
    return simdjson::SUCCESS;
  }
  problem(location(v), fmt::format("{} must be an integer", what));
  return simdjson::SUCCESS;
}

error_code ExportParser::flag(od::value v, std::string_view what, bool& out) {
  od::json_type type;
  REACHLINT_TRY(v.type().get(type));
  if (type == od::json_type::boolean) return v.get_bool().get(out);
  if (type != od::json_type::null)
    problem(location(v), fmt::format("{} must be true or false", what));
  return simdjson::SUCCESS;
}

error_code ExportParser::texts(od::value v, std::string_view what,
                               std::vector<std::string_view>& out) {
  return nested_list(v, what, [&](od::value item) {
    std::string_view value;
    REACHLINT_TRY(text(item, what, value));
    if (!value.empty()) out.push_back(value);
    return simdjson::SUCCESS;
  });
}

error_code ExportParser::read_list(std::string_view key, od::value value) {
  for (const std::string_view ignored : kIgnoredKeys) {
    if (key == ignored) return simdjson::SUCCESS;
  }
  const ListKind* kind = find_list(key);
  if (!kind) {
    diagnostics_.notice(location(value),
                        fmt::format("unknown key '{}' in an AWS CLI export; skipped", key));
    return simdjson::SUCCESS;
  }
  if (kind->needs == ListKind::Needs::RouteTable && context_.route_table.empty()) {
    diagnostics_.notice(
        location(value),
        fmt::format("'{}' does not say which transit gateway route table it lists: put the "
                    "tgw-rtb- id in the file name; skipped",
                    key));
    return simdjson::SUCCESS;
  }
  if (kind->needs == ListKind::Needs::PrefixList && context_.prefix_list.empty()) {
    diagnostics_.notice(location(value),
                        "prefix list entries without the pl- id in the file name; skipped");
    return simdjson::SUCCESS;
  }
  list_ = kind->key;
  index_ = 0;
  const Location at = location(value);
  // An exported empty listing says "nothing", which is not the same as not exported.
  if (kind->needs == ListKind::Needs::RouteTable) start_table_listing(kind->key, at);
  const error_code error =
      each_element(value, [&](od::value element) { return kind->reader(*this, element); });
  if (error == simdjson::INCORRECT_TYPE) {
    diagnostics_.error(at, fmt::format("'{}' must be a list", key));
    return simdjson::SUCCESS;
  }
  return error;
}

// A fatal error ends the file. The tree parser, run again on the text, gives the most precise
// account of a syntax error; what it accepts was a shape error at `at`.
void ExportParser::fatal(error_code error, Location at) {
  JsonDocument tree;
  if (const Status parsed = tree.parse(source_); !parsed) {
    diagnostics_.error({file_, parsed.error().location.offset}, parsed.error().message);
  } else if (error == simdjson::INCORRECT_TYPE && !tree.root().is_object()) {
    diagnostics_.error({file_, tree.root().offset}, "an AWS CLI export must be a JSON object");
  } else {
    diagnostics_.error(at, describe_json_error(error));
  }
}

void ExportParser::run(od::parser& parser) {
  const size_t bom = source_.text().starts_with("\xEF\xBB\xBF") ? 3 : 0;
  od::document document;
  error_code error = parser
                         .iterate(source_.data() + bom, source_.size() - bom,
                                  source_.size() - bom + SourceBuffer::kPadding)
                         .get(document);
  // A document that failed to start (e.g. an unclosed string) has no position to ask about.
  const bool started = !error;
  od::object root;
  if (!error) error = document.get_object().get(root);
  if (!error) {
    for (auto field : root) {
      std::string_view key;
      if ((error = field.unescaped_key().get(key))) break;
      if ((error = read_list(key, field.value()))) break;
    }
  }
  if (!error) {
    const char* trailing = nullptr;
    if (document.current_location().get(trailing) == simdjson::SUCCESS &&
        trailing < source_.data() + source_.size()) {
      diagnostics_.error({file_, static_cast<uint32_t>(trailing - source_.data())},
                         "unexpected content after the end of the JSON value");
    }
    return;
  }
  const char* at = nullptr;
  const bool located = started && document.current_location().get(at) == simdjson::SUCCESS;
  fatal(error,
        {file_, located ? static_cast<uint32_t>(at - source_.data()) : element_location_.offset});
}

void ExportReader::read(const SourceBuffer& source, uint32_t file, const ExportContext& context,
                        ExportRecords& records, Diagnostics& diagnostics) {
  records.file_texts.emplace_back(file, source.text());
  ExportParser(source, file, context, records, diagnostics).run(parser_);
}

}  // namespace reachlint
