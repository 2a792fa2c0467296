#include "linter/output/html_hops.h"

#include <algorithm>

#include <fmt/format.h>

#include "linter/output/html_text.h"
#include "linter/output/report.h"

namespace reachlint::output::html {

namespace {

// rules::path_of joins what the walk assumed to the decision of a broken hop with these words.
constexpr std::string_view kAssumed = "; the walk goes on as if it were fixed: ";
constexpr std::string_view kReply = "reply: ";

// The strip's geometry, in pixels: six boxes fit a 1,100-pixel column.
constexpr size_t kPerRow = 6;
constexpr int kBoxWidth = 150;
constexpr int kBoxHeight = 44;
constexpr int kGapX = 26;
constexpr int kGapY = 26;
constexpr int kPad = 3;
constexpr size_t kNameChars = 20;
constexpr size_t kSubChars = 25;

std::string_view verdict_class(std::string_view verdict) {
  return verdict == "pass" || verdict == "fail" ? verdict : std::string_view("unknown");
}

// "AWS::EC2::RouteTable" -> "RouteTable"
std::string_view short_type(std::string_view type) {
  const size_t colons = type.rfind("::");
  return colons == std::string_view::npos ? type : type.substr(colons + 2);
}

int box_x(size_t i) {
  return kPad + static_cast<int>(i % kPerRow) * (kBoxWidth + kGapX);
}
int box_y(size_t i) {
  return kPad + static_cast<int>(i / kPerRow) * (kBoxHeight + kGapY);
}

// The arrows from hop i to hop i+1: along the row, or down and back to the next row's start.
void connect(size_t i, std::string& lines, std::string& heads) {
  const int x = box_x(i);
  const int y = box_y(i);
  if ((i + 1) % kPerRow != 0) {
    const int mid = y + kBoxHeight / 2;
    const int to = box_x(i + 1) - 1;
    lines += fmt::format("M{} {}H{}", x + kBoxWidth, mid, to);
    heads += fmt::format("M{} {}l-7 -4v8z", to, mid);
    return;
  }
  const int from_x = x + kBoxWidth / 2;
  const int to_x = box_x(i + 1) + kBoxWidth / 2;
  const int to_y = box_y(i + 1) - 1;
  lines += fmt::format("M{} {}v{}H{}V{}", from_x, y + kBoxHeight, kGapY / 2, to_x, to_y);
  heads += fmt::format("M{} {}l-4 -7h8z", to_x, to_y);
}

void write_box(const rules::PathStep& step, size_t i, bool own, std::string& out) {
  const bool reply = step.decision.starts_with(kReply);
  const std::string_view verdict = verdict_class(step.verdict);
  const int x = box_x(i);
  const int y = box_y(i);
  std::string sub = fmt::format("{}{}", i + 1, reply ? " \xC2\xB7 reply" : "");
  sub += step.via.empty() ? fmt::format(" \xC2\xB7 {}", short_type(step.type))
                          : fmt::format(" \xC2\xB7 via {}", step.via);
  out += fmt::format("<g class=\"hop {}{}\"><title>", verdict, own ? " own" : "");
  append_escaped(out, fmt::format("{} {}{}", verdict, step.resource,
                                  step.via.empty() ? "" : " via " + step.via));
  out += fmt::format(
      "</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\"/>"
      "<text x=\"{}\" y=\"{}\">",
      x, y, kBoxWidth, kBoxHeight, x + kBoxWidth / 2, y + 18);
  append_escaped(out, shorten(step.resource, kNameChars));
  out += fmt::format("</text><text class=\"sub\" x=\"{}\" y=\"{}\">", x + kBoxWidth / 2, y + 35);
  append_escaped(out, shorten(sub, kSubChars));
  out += "</text></g>";
}

}  // namespace

std::string_view assumed_fix(const rules::PathStep& step) {
  const size_t at = step.decision.find(kAssumed);
  return at == std::string::npos ? std::string_view()
                                 : std::string_view(step.decision).substr(at + kAssumed.size());
}

std::string_view decision_alone(const rules::PathStep& step) {
  std::string_view decision = step.decision;
  return decision.substr(0, decision.find(kAssumed));
}

std::string hop_strip(const std::vector<rules::PathStep>& path, Location finding_at) {
  if (path.empty()) return {};
  const size_t columns = std::min(path.size(), kPerRow);
  const size_t rows = (path.size() + kPerRow - 1) / kPerRow;
  const int width = 2 * kPad + static_cast<int>(columns) * (kBoxWidth + kGapX) - kGapX;
  const int height = 2 * kPad + static_cast<int>(rows) * (kBoxHeight + kGapY) - kGapY;
  std::string out = fmt::format(
      "<svg class=\"strip\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"the path, {2} hops\">",
      width, height, path.size());
  std::string lines;
  std::string heads;
  for (size_t i = 0; i + 1 < path.size(); ++i) connect(i, lines, heads);
  if (!lines.empty()) {
    out +=
        fmt::format("<path class=\"flow\" d=\"{}\"/><path class=\"head\" d=\"{}\"/>", lines, heads);
  }
  for (size_t i = 0; i < path.size(); ++i) {
    const bool own = path[i].verdict == "fail" && path[i].location == finding_at;
    write_box(path[i], i, own, out);
  }
  out += "</svg>";
  return out;
}

std::string hop_list(const SourceMap& sources, const std::vector<rules::PathStep>& path) {
  std::string out = "<ol class=\"hops\">";
  for (const rules::PathStep& step : path) {
    const std::string_view verdict = verdict_class(step.verdict);
    out += fmt::format("<li class=\"{}\"><span class=\"v\">{}</span> <b>", verdict, verdict);
    append_escaped(out, step.resource);
    out += "</b>";
    if (!step.via.empty()) {
      out += " via ";
      append_escaped(out, step.via);
    }
    out += " <span class=\"loc\">";
    append_escaped(out, location_prefix(sources, step.location));
    out += "</span><br>";
    append_escaped(out, step.decision);
    out += "</li>";
  }
  out += "</ol>";
  return out;
}

}  // namespace reachlint::output::html
