// The HTML report's one style sheet, written inline: the report is one file with nothing to load
// (system fonts only), that prints and reads the same mailed or attached to a ticket.
#pragma once

#include <string_view>

namespace reachlint::output::html {

inline constexpr std::string_view kStyle = R"css(
:root{--fail:#c62828;--fail-bg:#fdecea;--pass:#2e7d32;--pass-bg:#edf7ee;--unknown:#757575;
--unknown-bg:#f0f0f0;--warn:#b26a00;--note:#1565c0;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:#1f2328;margin:0;background:#fff}
header,main>section,nav,footer{max-width:1140px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;border-bottom:1px solid var(--line);padding-bottom:4px;margin:26px 0 10px}
h3{font-size:16px;margin:18px 0 8px}
h4{font-size:14px;margin:0 0 4px}
h5{font-size:13px;margin:10px 0 4px}
code,pre,.loc,.ids{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
pre{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:8px;overflow-x:auto}
a{color:#0550ae}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:6px 20px;z-index:1}
nav a{margin-right:16px}
.verdict{font-size:16px;margin:4px 0}
.muted,.loc,footer{color:var(--muted)}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:130px}
.card b{display:block;font-size:22px}
.card.fail b{color:var(--fail)}.card.warning b{color:var(--warn)}
table{border-collapse:collapse;margin:6px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.n{text-align:right}
table.clients td:nth-child(-n+2){white-space:nowrap}
details{margin:6px 0}
summary{cursor:pointer}
details.fs{border:1px solid var(--line);border-radius:8px;margin:10px 0}
details.fs>summary{padding:8px 12px;background:#f6f8fa;border-radius:8px}
details.fs[open]>summary{border-bottom:1px solid var(--line);border-radius:8px 8px 0 0}
details.fs>div{padding:6px 14px 10px}
.name{font-weight:600}
.badge{display:inline-block;border-radius:10px;padding:0 8px;margin-left:6px;font-size:12px;
border:1px solid var(--line)}
.badge.fail{background:var(--fail-bg);color:var(--fail);border-color:var(--fail)}
.badge.warning{color:var(--warn);border-color:var(--warn)}
.badge.pass{background:var(--pass-bg);color:var(--pass);border-color:var(--pass)}
.badge.unknown{background:var(--unknown-bg);color:var(--unknown)}
.fail{color:var(--fail)}.pass{color:var(--pass)}.unknown,.quiet{color:var(--unknown)}
.level{font-weight:600;text-transform:uppercase;font-size:11px;border-radius:4px;padding:1px 5px;color:#fff}
.level.error{background:var(--fail)}.level.warning{background:var(--warn)}.level.note{background:var(--note)}
article.finding{border-left:4px solid var(--fail);padding:6px 12px;margin:12px 0;background:#fcfcfd}
article.finding.warning{border-left-color:var(--warn)}article.finding.note{border-left-color:var(--note)}
article.set-aside{opacity:.75;border-left-color:var(--unknown)}
.msg{margin:4px 0}.loc{margin:2px 0 6px}
.fix{background:var(--pass-bg);border:1px solid #b7dfb9;border-radius:6px;padding:6px 10px;margin:6px 0}
.aside{color:var(--muted);font-style:italic}.new{color:var(--fail);font-weight:600}
svg.strip{display:block;max-width:100%;height:auto;margin:8px 0}
svg.strip rect{stroke-width:1.5}
svg.strip text{font-size:11.5px;text-anchor:middle;fill:#1f2328}
svg.strip text.sub{font-size:10px;fill:var(--muted)}
svg.strip .pass rect{fill:var(--pass-bg);stroke:var(--pass)}
svg.strip .fail rect{fill:var(--fail-bg);stroke:var(--fail)}
svg.strip .fail text{fill:var(--fail)}
svg.strip .own rect{stroke-width:3.5}
svg.strip .unknown rect{fill:var(--unknown-bg);stroke:var(--unknown);stroke-dasharray:4 3}
svg.strip .unknown text{fill:var(--unknown)}
svg.strip .flow{fill:none;stroke:#8c959f;stroke-width:1.5}
svg.strip .head{fill:#8c959f}
ol.hops{padding-left:26px;margin:4px 0}
ol.hops li{margin:3px 0;color:#1f2328}
ol.hops .v{font-weight:600;text-transform:uppercase;font-size:11px}
ol.hops li.pass .v{color:var(--pass)}ol.hops li.fail .v{color:var(--fail)}ol.hops li.unknown .v{color:var(--unknown)}
.legend span{margin-right:14px}
.legend i{display:inline-block;width:12px;height:12px;border:1.5px solid;border-radius:3px;vertical-align:-1px;margin-right:4px}
.legend .pass i{background:var(--pass-bg)}.legend .fail i{background:var(--fail-bg)}
.legend .unknown i{background:var(--unknown-bg);border-style:dashed}
.ids{margin:2px 0;word-break:break-all}
ul.notices li{margin:3px 0}
article.rule{border:1px solid var(--line);border-radius:8px;padding:4px 14px;margin:12px 0}
footer{padding:20px;font-size:12px}
@media print{nav{display:none}}
)css";

}  // namespace reachlint::output::html
