// The On-Demand reading machinery behind ExportReader, shared by the per-command readers
// (export_readers_*.cpp). Not for use outside ingest/.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "linter/core/diagnostics.h"
#include "linter/core/source.h"
#include "linter/ingest/account/export_context.h"
#include "linter/ingest/account/export_records.h"

namespace reachlint {

namespace od = simdjson::ondemand;
using simdjson::error_code;

// Returns a fatal error from the enclosing function. Nested uses (a lambda inside the argument)
// need distinct variable names, hence __COUNTER__.
#define REACHLINT_TRY_CONCAT2(a, b) a##b
#define REACHLINT_TRY_CONCAT(a, b) REACHLINT_TRY_CONCAT2(a, b)
#define REACHLINT_TRY_WITH(name, expression)               \
  do {                                                     \
    if (const error_code name = (expression)) return name; \
  } while (false)
#define REACHLINT_TRY(expression) \
  REACHLINT_TRY_WITH(REACHLINT_TRY_CONCAT(try_error_, __COUNTER__), expression)

class ExportParser {
 public:
  ExportParser(const SourceBuffer& source, uint32_t file, const ExportContext& context,
               ExportRecords& records, Diagnostics& diagnostics);

  // Reads the whole file with `parser`, which the caller reuses for its next file.
  void run(od::parser& parser);

  // ---- reading helpers; each returns a fatal error, or SUCCESS ----

  // Calls f(od::value element) for each element; INCORRECT_TYPE when `v` is not an array.
  template <typename F>
  error_code each_element(od::value v, F&& f) {
    od::array array;
    REACHLINT_TRY(v.get_array().get(array));
    for (auto element : array) {
      od::value item;
      REACHLINT_TRY(element.get(item));
      REACHLINT_TRY(f(item));
    }
    return simdjson::SUCCESS;
  }

  // Calls f(std::string_view key, od::value value) for each field; INCORRECT_TYPE when `v` is not
  // an object.
  template <typename F>
  error_code each_field(od::value v, F&& f) {
    od::object object;
    REACHLINT_TRY(v.get_object().get(object));
    for (auto field : object) {
      std::string_view key;
      REACHLINT_TRY(field.unescaped_key().get(key));
      REACHLINT_TRY(f(key, field.value()));
    }
    return simdjson::SUCCESS;
  }

  // An element's nested object or list: a wrong type is a problem of the element, not fatal.
  template <typename F>
  error_code nested_object(od::value v, std::string_view what, F&& f) {
    return tolerate(v, what, "an object", each_field(v, std::forward<F>(f)));
  }
  template <typename F>
  error_code nested_list(od::value v, std::string_view what, F&& f) {
    return tolerate(v, what, "a list", each_element(v, std::forward<F>(f)));
  }

  error_code text(od::value v, std::string_view what, std::string_view& out);
  error_code number(od::value v, std::string_view what, std::optional<int64_t>& out);
  error_code flag(od::value v, std::string_view what, bool& out);
  error_code texts(od::value v, std::string_view what, std::vector<std::string_view>& out);

  Location location(od::value& v);
  RecordOrigin origin(od::value& v);

  // ---- element bookkeeping ----

  // Starts an element of the current list; returns its origin.
  RecordOrigin begin_element(od::value& v);
  // A reason to skip the current element (the first one is kept).
  void problem(Location at, std::string why);
  // A problem naming the fields that are missing (empty), if any.
  void require(Location at,
               std::initializer_list<std::pair<std::string_view, std::string_view>> fields);
  // Whether the element read well; if not, says so in a notice.
  bool end_element(std::string_view what, std::string_view id);

  // Reads a part of the current element (a route, a rule, an entry) in its own scope: a problem
  // there does not drop the element; it gives a notice, and the part is returned as unreadable
  // (false) so that its owner treats it as unknown rather than absent.
  template <typename F>
  error_code read_part(std::string_view what, F&& f, bool& readable) {
    std::optional<InputError> outer = std::exchange(element_problem_, std::nullopt);
    const error_code error = f();
    std::optional<InputError> inner = std::exchange(element_problem_, std::move(outer));
    readable = !inner.has_value();
    if (inner) note(inner->location, std::string(what) + ": " + inner->message);
    return error;
  }
  void note(Location at, std::string message);

  const ExportContext& context() const { return context_; }
  ExportRecords& records() { return records_; }
  std::string_view intern(std::string_view text) { return records_.strings.intern(text); }

 private:
  error_code tolerate(od::value& v, std::string_view what, std::string_view expected,
                      error_code error);
  error_code read_list(std::string_view key, od::value value);
  void start_table_listing(std::string_view key, Location at);
  void fatal(error_code error, Location at);

  const SourceBuffer& source_;
  uint32_t file_;
  const ExportContext& context_;
  ExportRecords& records_;
  Diagnostics& diagnostics_;
  std::string_view list_;  // the top-level key being read
  uint32_t index_ = 0;     // the element's position in it
  std::optional<InputError> element_problem_;
  Location element_location_;
  std::string_view account_, region_;
};

// The per-command element readers (export_readers_*.cpp). Each reads one element of its list.
error_code read_vpc(ExportParser& p, od::value element);
error_code read_subnet(ExportParser& p, od::value element);
error_code read_route_table(ExportParser& p, od::value element);
error_code read_network_acl(ExportParser& p, od::value element);
error_code read_peering(ExportParser& p, od::value element);
error_code read_vpn_gateway(ExportParser& p, od::value element);
error_code read_nat_gateway(ExportParser& p, od::value element);
error_code read_vpc_endpoint(ExportParser& p, od::value element);
error_code read_prefix_list(ExportParser& p, od::value element);
error_code read_prefix_list_entry(ExportParser& p, od::value element);
error_code read_security_group(ExportParser& p, od::value element);
error_code read_interface(ExportParser& p, od::value element);
error_code read_reservation(ExportParser& p, od::value element);
error_code read_file_system(ExportParser& p, od::value element);
error_code read_svm(ExportParser& p, od::value element);
error_code read_transit_gateway(ExportParser& p, od::value element);
error_code read_tgw_attachment(ExportParser& p, od::value element);
error_code read_tgw_vpc_attachment(ExportParser& p, od::value element);
error_code read_tgw_route_table(ExportParser& p, od::value element);
error_code read_tgw_route(ExportParser& p, od::value element);
error_code read_tgw_association(ExportParser& p, od::value element);
error_code read_tgw_propagation(ExportParser& p, od::value element);
error_code read_tgw_static_routes_wrapper(ExportParser& p, od::value element);
error_code read_tgw_propagations_wrapper(ExportParser& p, od::value element);

}  // namespace reachlint
