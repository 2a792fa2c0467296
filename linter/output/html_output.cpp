// `-f html`: one self-contained file to mail or attach to a ticket. Nothing is loaded from
// anywhere (no scripts, style sheets, fonts or images: the style is inline, the paths are inline
// SVG); sections fold with <details>, so that 200 file systems and 20,000 clients stay readable;
// everything from the inputs is escaped; the same inputs give the same bytes.
#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "linter/output/html_clients.h"
#include "linter/output/html_findings.h"
#include "linter/output/html_style.h"
#include "linter/output/html_summary.h"
#include "linter/output/html_text.h"
#include "linter/output/notice_summary.h"
#include "linter/output/report.h"
#include "rules/rule.h"

namespace reachlint::output {

namespace {

using html::append_escaped;

// Notices listed under each kind; the rest are counted (`--notices` lists every one).
constexpr size_t kNoticesPerKind = 200;

class HtmlWriter {
 public:
  HtmlWriter(const RunReport& report, std::string& out) : report_(report), out_(out) {
    for (size_t i = 0; i < report.findings.size(); ++i) {
      const rules::Finding& finding = report.findings[i];
      by_file_system_[finding.file_system].push_back(i);
    }
    if (report.analyses) {
      for (const analysis::FileSystemAnalysis& a : *report.analyses) {
        if (!a.in_shard || !a.checked) continue;
        html::ClientTally tally = html::tally_clients(a);
        for (size_t v = 0; v < html::kClientVerdicts; ++v) all_clients_.count[v] += tally.count[v];
        all_clients_.total += tally.total;
        tallies_.emplace(a.file_system, std::move(tally));
      }
    }
  }

  void write() {
    write_head();
    out_ += "<main>";
    if (!report_.errors.empty()) {
      write_errors();
    } else {
      html::write_summary(report_, all_clients_, out_);
      write_file_systems();
      write_network();
      write_notices();
      write_rules();
    }
    out_ += "</main>";
    out_ += fmt::format(
        "<footer>Written by reachlint {} from the inputs alone: no credentials, no network. "
        "<code>reachlint rules CODE</code> prints a rule's documentation.</footer>\n",
        REACHLINT_VERSION);
    out_ += "</body>\n</html>\n";
  }

 private:
  void write_head() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>reachlint report: ";
    append_escaped(out_, report_.errors.empty() ? html::verdict_line(report_)
                                                : "the inputs could not be read");
    out_ += "</title>\n<style>";
    out_ += html::kStyle;
    out_ += "</style>\n</head>\n<body>\n<header><h1>reachlint report</h1><p class=\"verdict\">";
    append_escaped(
        out_, report_.errors.empty()
                  ? html::verdict_line(report_)
                  : fmt::format("{} input errors: nothing was checked", report_.errors.size()));
    out_ += "</p></header>\n";
    if (report_.errors.empty()) {
      out_ += "<nav><a href=\"#summary\">Summary</a><a href=\"#file-systems\">File systems</a>";
      if (by_file_system_.count(model::kNone)) out_ += "<a href=\"#network\">Network</a>";
      out_ += "<a href=\"#notices\">Notices</a><a href=\"#rules\">Rules</a></nav>\n";
    }
  }

  void write_errors() {
    out_ += "<section id=\"errors\"><h2>Input errors</h2><ul>";
    for (const InputError& error : report_.errors) {
      out_ += "<li><span class=\"loc\">";
      append_escaped(out_, location_prefix(*report_.sources, error.location));
      out_ += "</span> ";
      append_escaped(out_, error.message);
      out_ += "</li>";
    }
    out_ += "</ul></section>\n";
  }

  // File systems with findings first, then those not checked, then the rest; each in model order.
  std::vector<const analysis::FileSystemAnalysis*> file_system_order() const {
    std::vector<const analysis::FileSystemAnalysis*> order[3];
    for (const analysis::FileSystemAnalysis& a : *report_.analyses) {
      if (!a.in_shard) continue;
      const int rank = has_active(a.file_system) ? 0 : !a.checked ? 1 : 2;
      order[rank].push_back(&a);
    }
    for (int rank = 1; rank < 3; ++rank)
      order[0].insert(order[0].end(), order[rank].begin(), order[rank].end());
    return order[0];
  }

  bool has_active(model::Index file_system) const {
    const auto found = by_file_system_.find(file_system);
    if (found == by_file_system_.end()) return false;
    for (const size_t i : found->second) {
      if (report_.findings[i].active()) return true;
    }
    return false;
  }

  void write_file_systems() {
    out_ += "<section id=\"file-systems\"><h2>File systems</h2>";
    out_ +=
        "<p class=\"legend\"><span class=\"pass\"><i></i>passes</span>"
        "<span class=\"fail\"><i></i>broken</span><span class=\"unknown\"><i></i>not known "
        "statically</span><span class=\"muted\">Each finding's path: the hops of its first "
        "client's walk, request and reply; the finding's own hop has a thick border.</span></p>";
    if (!report_.analyses || report_.analyses->empty())
      out_ += "<p>The inputs hold no file system.</p>";
    if (report_.analyses) {
      for (const analysis::FileSystemAnalysis* a : file_system_order()) write_file_system(*a);
    }
    out_ += "</section>\n";
  }

  void write_badges(const std::vector<size_t>& findings) {
    std::array<size_t, 3> levels{};
    size_t set_aside = 0;
    for (const size_t i : findings) {
      const rules::Finding& finding = report_.findings[i];
      if (finding.active()) {
        ++levels[static_cast<size_t>(finding.level)];
      } else {
        ++set_aside;
      }
    }
    static constexpr std::string_view kCss[] = {"fail", "warning", ""};
    static constexpr std::string_view kWord[] = {"error", "warning", "note"};
    for (size_t l = 0; l < 3; ++l) {
      if (levels[l] == 0) continue;
      out_ += fmt::format("<span class=\"badge {}\">{} {}{}</span>", kCss[l], levels[l], kWord[l],
                          levels[l] == 1 ? "" : "s");
    }
    if (set_aside) out_ += fmt::format("<span class=\"badge\">{} set aside</span>", set_aside);
  }

  void write_file_system(const analysis::FileSystemAnalysis& a) {
    const model::FileSystem& fs = report_.model->file_systems[a.file_system];
    static const std::vector<size_t> kNoFindings;
    const auto found = by_file_system_.find(a.file_system);
    const std::vector<size_t>& findings =
        found == by_file_system_.end() ? kNoFindings : found->second;
    out_ += fmt::format("<details class=\"fs\" id=\"fs-{}\"{}><summary><span class=\"name\">",
                        a.file_system, has_active(a.file_system) ? " open" : "");
    append_escaped(out_, fs.origin.name);
    out_ += "</span> <span class=\"muted\">";
    append_escaped(out_, scope_of(fs.origin));
    out_ += "</span>";
    write_badges(findings);
    if (!a.checked) {
      out_ += "<span class=\"badge unknown\">not checked</span>";
    } else {
      const html::ClientTally& tally = tallies_.at(a.file_system);
      if (findings.empty() && tally.count[0] == 0)
        out_ += "<span class=\"badge pass\">no problems</span>";
      out_ += " <span class=\"muted\">&middot; " + html::client_counts(tally) + "</span>";
    }
    out_ += "</summary><div>";
    write_file_system_facts(a, fs);
    if (a.checked) {
      out_ += "<h4>Clients</h4>";
      out_ += html::client_table(tallies_.at(a.file_system), client_names_left_);
    }
    write_findings(findings);
    out_ += "</div></details>\n";
  }

  void write_file_system_facts(const analysis::FileSystemAnalysis& a, const model::FileSystem& fs) {
    out_ += "<p>";
    append_escaped(out_, analysis::type_name(fs.type));
    if (fs.deployment_type.known()) {
      out_ += " ";
      append_escaped(out_, *fs.deployment_type);
    }
    if (a.checked) {
      out_ += ", served on ";
      append_escaped(out_, a.endpoint.description);
    } else {
      out_ += ". Not checked: ";
      append_escaped(out_, a.needs.empty() ? "reachlint checks NFS on FSx for OpenZFS and ONTAP"
                                           : a.endpoint.why);
    }
    out_ += ". <span class=\"loc\">";
    append_escaped(out_, location_prefix(*report_.sources, fs.origin.location));
    out_ += "</span></p>";
  }

  // Active findings in the open, the ones set aside (suppressed, known to the baseline) folded.
  void write_findings(const std::vector<size_t>& findings) {
    std::vector<size_t> set_aside;
    for (const size_t i : findings) {
      if (report_.findings[i].active()) {
        html::write_finding(report_, report_.findings[i], i + 1, out_);
      } else {
        set_aside.push_back(i);
      }
    }
    if (set_aside.empty()) return;
    out_ += fmt::format(
        "<details><summary>{} set aside: suppressed or unchanged since the baseline</summary>",
        set_aside.size());
    for (const size_t i : set_aside) html::write_finding(report_, report_.findings[i], i + 1, out_);
    out_ += "</details>";
  }

  void write_network() {
    const auto found = by_file_system_.find(model::kNone);
    if (found == by_file_system_.end()) return;
    out_ +=
        "<section id=\"network\"><h2>The network</h2><p>Findings about no one file "
        "system.</p>";
    write_findings(found->second);
    out_ += "</section>\n";
  }

  void write_notices() {
    const std::vector<NoticeKind> kinds = notice_kinds(report_.notices);
    if (kinds.empty()) {
      out_ +=
          "<section id=\"notices\"><h2>Notices (0)</h2><p>None: everything on the paths "
          "was evaluated, and every input was read.</p></section>\n";
      return;
    }
    out_ += fmt::format("<section id=\"notices\"><h2>Notices ({} in {} kind{})</h2>",
                        html::grouped(report_.notices.size()), kinds.size(),
                        kinds.size() == 1 ? "" : "s");
    out_ +=
        "<p>What could not be evaluated statically, or was not read, and why: nothing is "
        "reported about it.</p>";
    std::unordered_map<std::string, std::vector<const Notice*>> by_kind;
    for (const Notice& notice : report_.notices)
      by_kind[notice_kind(notice.message)].push_back(&notice);
    for (const NoticeKind& kind : kinds) {
      const std::vector<const Notice*>& notices = by_kind.at(kind.kind);
      out_ += fmt::format("<details class=\"kind\"><summary><b>{}</b> &times; ",
                          html::grouped(kind.count));
      append_escaped(out_, kind.kind);
      out_ += "</summary><ul class=\"notices\">";
      for (size_t i = 0; i < std::min(notices.size(), kNoticesPerKind); ++i) {
        out_ += "<li><span class=\"loc\">";
        append_escaped(out_, location_prefix(*report_.sources, notices[i]->location));
        out_ += "</span> ";
        append_escaped(out_, notices[i]->message);
        out_ += "</li>";
      }
      if (notices.size() > kNoticesPerKind) {
        out_ +=
            fmt::format("<li>and {} more: <code>reachlint --notices</code> lists every one</li>",
                        notices.size() - kNoticesPerKind);
      }
      out_ += "</ul></details>";
    }
    out_ += "</section>\n";
  }

  // The documentation of every rule that found something, once.
  void write_rules() {
    out_ += "<section id=\"rules\"><h2>Rules</h2>";
    bool any = false;
    for (const rules::RuleInfo* rule : rules::all_rules()) {
      const bool found = std::any_of(report_.findings.begin(), report_.findings.end(),
                                     [&](const rules::Finding& f) { return f.rule == rule; });
      if (!found) continue;
      any = true;
      out_ += fmt::format("<article class=\"rule\" id=\"rule-{0}\"><h3>{0} {1} {2}</h3><p>",
                          rule->code, rule->name, html::level_label(rule->level));
      append_escaped(out_, rule->summary);
      out_ += ".</p>";
      out_ += html::markdown(rule->documentation, 4);
      out_ += "</article>\n";
    }
    if (!any) out_ += "<p>No rule found anything; <code>reachlint rules</code> lists them all.</p>";
    out_ += "</section>\n";
  }

  std::string_view scope_of(const model::Origin& origin) const {
    return origin.stack < report_.model->stacks.size()
               ? std::string_view(report_.model->stacks[origin.stack])
               : std::string_view();
  }

  const RunReport& report_;
  std::string& out_;
  std::map<model::Index, std::vector<size_t>> by_file_system_;  // finding indexes
  std::map<model::Index, html::ClientTally> tallies_;
  html::ClientTally all_clients_;
  size_t client_names_left_ = html::kClientIdsNamed;
};

}  // namespace

std::string format_html(const RunReport& report) {
  std::string out;
  HtmlWriter(report, out).write();
  return out;
}

}  // namespace reachlint::output
