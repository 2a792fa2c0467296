#!/usr/bin/env python3
"""The HTML report (`-f html -o report.html`) as a browser reads it.

For each input: the document parses with balanced tags and only the elements the report writes;
it refers to nothing outside itself (no src, no <link>, <script> or <img>, no url() or @import in
the style; in attributes, the only absolute URLs are the rule pages' reference links, <a href>, which a
reader follows and nothing loads; text may quote an input's URL); every finding of the same run's JSON is there with its rule,
location and message, and its path drawn with one box per hop in the hop's verdict; the notices
and findings are counted as the JSON counts them; text from the inputs is escaped. The input that
fails still writes a report that says why. REACHLINT names the binary.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REACHLINT = os.environ["REACHLINT"]
FIXTURES = os.path.join(ROOT, "fixtures")

ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "section", "footer",
    "h1", "h2", "h3", "h4", "h5", "p", "a", "b", "i", "em", "strong", "code", "pre", "span", "div",
    "br", "ul", "ol", "li", "table", "tr", "th", "td", "details", "summary", "article",
    "svg", "g", "title", "rect", "text", "path",
}
VOID = {"meta", "br"}
LEVEL_NAMES = ("error", "warning", "note")


class Report(html.parser.HTMLParser):
    """The parts of the report the checks read, and every structural problem found."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.ids = set()
        self.text = []
        self.style = []
        self.articles = []  # per finding: {"classes", "text": [...], "hops": [verdict, ...]}
        self.details = []   # the class of every <details>
        self.doctype = False

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if tag == "article" and self.articles and self.articles[-1]["open"] == len(self.stack):
            self.articles[-1]["open"] = None

    def handle_data(self, data):
        self.text.append(data)
        if self.stack and self.stack[-1] == "style":
            self.style.append(data)
        article = self._open_article()
        if article is not None:
            article["text"].append(data)

    def _open_article(self):
        return self.articles[-1] if self.articles and self.articles[-1]["open"] is not None else None

    def _element(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in ALLOWED:
            self.problems.append(f"unexpected element <{tag}>")
        for name, value in attrs:
            if name in ("src", "srcset", "style", "background", "poster", "data") or name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>: a reference or script")
            if name == "href" and not (value.startswith("#") or (tag == "a" and re.match(r"https?://", value))):
                self.problems.append(f"<{tag} href={value!r}>: a reference to load")
        if "id" in attributes:
            if attributes["id"] in self.ids:
                self.problems.append(f"duplicate id {attributes['id']}")
            self.ids.add(attributes["id"])
        classes = (attributes.get("class") or "").split()
        if tag == "details":
            self.details.append(classes)
        if tag == "article" and "finding" in classes:
            self.articles.append({"classes": classes, "text": [], "hops": [], "open": len(self.stack)})
        if tag == "g" and "hop" in classes and self._open_article() is not None:
            self._open_article()["hops"].append(classes[1])


def parse(document):
    report = Report()
    report.feed(document)
    report.close()
    if not report.doctype:
        report.problems.append("no <!DOCTYPE html>")
    if report.stack:
        report.problems.append(f"unclosed: {report.stack}")
    style = "".join(report.style)
    if "url(" in style or "@import" in style:
        report.problems.append("the style loads something")
    for match in re.finditer(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]", document):
        before = document[: match.start()]
        in_tag = before.rfind("<") > before.rfind(">")  # text quoting an input's URL loads nothing
        if in_tag and not before.endswith('href="'):
            report.problems.append(f"an absolute URL in an attribute other than <a href>: {document[match.start():match.start() + 60]!r}")
    report.all_text = "".join(report.text)
    return report


def run(args, cwd=FIXTURES):
    return subprocess.run([REACHLINT, *args], cwd=cwd, capture_output=True, text=True)


class Failures:
    def __init__(self):
        self.count = 0
        self.checks = 0

    def check(self, condition, what):
        self.checks += 1
        if not condition:
            self.count += 1
            print(f"FAIL: {what}", file=sys.stderr)


def active(finding):
    return "suppressed" not in finding and finding.get("baselineState") != "unchanged"


def check_report(failures, name, args, cwd=FIXTURES, expected_exit=None, must_show=()):
    """Runs the JSON and the HTML report of the same inputs and checks one against the other."""
    work = tempfile.mkdtemp()
    try:
        out = os.path.join(work, "report.html")
        html_run = run(["-f", "html", "-o", out, *args], cwd)
        json_run = run(["-f", "json", *args], cwd)
        failures.check(html_run.returncode == json_run.returncode,
                       f"{name}: exit {html_run.returncode} with html, {json_run.returncode} with json: {html_run.stderr}")
        if expected_exit is not None:
            failures.check(html_run.returncode == expected_exit, f"{name}: exit {html_run.returncode}, not {expected_exit}")
        with open(out, encoding="utf-8") as file:
            document = file.read()
        with open(out, "rb") as file:
            failures.check(file.read() == run(["-f", "html", *args], cwd).stdout.encode(),
                           f"{name}: -o FILE and standard output differ")
        report = parse(document)
        for problem in report.problems[:10]:
            failures.check(False, f"{name}: {problem}")
        result = json.loads(json_run.stdout)
        findings = result["findings"]
        failures.check(len(report.articles) == len(findings),
                       f"{name}: {len(report.articles)} finding articles for {len(findings)} findings")
        texts = ["".join(article["text"]) for article in report.articles]
        for finding in findings:
            where = finding["location"]
            at = f"{where['uri']}:{where['line']}:{where['column']}" if where else "reachlint"
            verdicts = [step["verdict"] for step in finding["path"]]
            matches = [a for a, text in zip(report.articles, texts)
                       if finding["rule"] in text and at in text and finding["message"] in text
                       and finding["level"] in a["classes"]]
            failures.check(len(matches) >= 1, f"{name}: {finding['rule']} at {at} ({finding['message'][:80]}) is missing")
            failures.check(any(m["hops"] == verdicts for m in matches),
                           f"{name}: {finding['rule']} at {at}: the strip's hops are not {verdicts}")
            failures.check(any(("set-aside" in m["classes"]) != active(finding) for m in matches),
                           f"{name}: {finding['rule']} at {at}: set aside or not as the JSON says")
        errors = sum(1 for f in findings if active(f) and f["level"] == "error")
        failures.check(re.search(rf"\b{errors:,} error" if errors else r"No problems|warning|note", report.all_text) is not None,
                       f"{name}: the verdict does not count {errors} errors")
        notices = result["notices"]
        failures.check(f"Notices ({len(notices):,}{' in' if notices else ')'}" in report.all_text, f"{name}: not {len(notices)} notices")
        for notice in notices:
            failures.check(notice["message"] in report.all_text, f"{name}: notice {notice['message'][:80]} is missing")
        for text in must_show:
            failures.check(text in report.all_text, f"{name}: {text!r} is not shown")
        return report, result, document
    finally:
        shutil.rmtree(work)


def main():
    failures = Failures()
    check_report(failures, "RL103-cdk-bad", ["--no-config", "RL103-cdk-bad/template.json"], expected_exit=1,
                 must_show=["Fix:", "FsxVpcPrivateSubnet2RouteTableC6A545C9", "1 client: 1 broken", "1 file read"])
    check_report(failures, "dump-every-broken-hop", ["--no-config", "dump-every-broken-hop/export"], expected_exit=1)
    check_report(failures, "suppress-config", ["--config", "suppress-config/reachlint.toml", "suppress-config/template.json"],
                 must_show=["Suppressed by the configuration: accepted until the transit gateway migration (CHG-1234)"])
    check_report(failures, "corpus-seed-as-is", ["--no-config", "corpus-seed-as-is/template.json"], expected_exit=1,
                 must_show=["Why is this bad?", "What it does"])
    report, _, _ = check_report(failures, "good", ["--no-config", "RL103-cdk-good/template.json"], expected_exit=0,
                                must_show=["No problems", "no problems"])
    failures.check("No rule found anything" in report.all_text, "good: the rules section says no rule fired")

    # Every fixture's page parses, whatever its inputs hold (bad inputs included).
    for fixture in sorted(os.listdir(FIXTURES)):
        if not os.path.isdir(os.path.join(FIXTURES, fixture)):
            continue
        config = os.path.join(fixture, "reachlint.toml")
        args = ["--config", config] if os.path.exists(os.path.join(FIXTURES, config)) else ["--no-config"]
        page = run([*args, "-f", "html", fixture])
        failures.check(page.returncode in (0, 1, 2) and page.stdout.startswith("<!DOCTYPE html>"),
                       f"{fixture}: exit {page.returncode}: {page.stderr[:200]}")
        for problem in parse(page.stdout).problems[:3]:
            failures.check(False, f"{fixture}: {problem}")

    work = tempfile.mkdtemp()
    try:
        # A baseline: the findings it holds are unchanged, set aside and folded.
        baseline = os.path.join(work, "base.sarif")
        run(["--no-config", "-q", "--write-baseline", baseline, "RL103-cdk-bad/template.json"])
        report, result, _ = check_report(failures, "baseline", ["--no-config", "--baseline", baseline, "RL103-cdk-bad/template.json"],
                                         expected_exit=0, must_show=["Unchanged since the baseline."])
        failures.check(all(f.get("baselineState") == "unchanged" for f in result["findings"]), "baseline: every finding unchanged")
        _, result, _ = check_report(failures, "fixed", ["--no-config", "--baseline", baseline, "RL103-cdk-good/template.json"],
                                    expected_exit=0, must_show=["Fixed since the baseline (2)"])
        failures.check(len(result.get("absent", [])) == 2, "fixed: the JSON's absent results")

        # What the inputs say is text, never markup: a directory named like an element.
        hostile = os.path.join(work, "<img src=x onerror=alert(1)>&\"'")
        os.makedirs(hostile)
        shutil.copy(os.path.join(FIXTURES, "RL103-cdk-bad/template.json"), hostile)
        relative = os.path.relpath(os.path.join(hostile, "template.json"), work)
        _, _, document = check_report(failures, "escaping", ["--no-config", relative], cwd=work, expected_exit=1,
                                      must_show=[relative + ":50:3"])
        failures.check("<img" not in document, "escaping: a path became an element")

        # Input errors: the report still says what could not be read, and where.
        out = os.path.join(work, "errors.html")
        failed = run(["--no-config", "-f", "html", "-o", out, "input-truncated"])
        failures.check(failed.returncode == 2, f"input errors: exit {failed.returncode}, not 2")
        with open(out, encoding="utf-8") as file:
            report = parse(file.read())
        failures.check(not report.problems, f"input errors: {report.problems[:3]}")
        failures.check("Input errors" in report.all_text and "input-truncated/" in report.all_text,
                       "input errors: the report does not list them")

        # An organisation (bench/org, small): every file system a section that folds, clients counted.
        org = os.path.join(work, "org")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/org/gen_org.py"), "-q", "-o", org, "--scale", "0.01"], check=True)
        report, result, document = check_report(failures, "organisation", ["--no-config", os.path.join(org, "accounts")],
                                                 expected_exit=1, must_show=["reach it both ways", "broad evidence"])
        file_systems = sum(1 for classes in report.details if "fs" in classes)
        failures.check(file_systems == 14, f"organisation: {file_systems} file system sections, not 14")
        # The summary's count first, then each file system's.
        clients = [int(n.replace(",", "")) for n in re.findall(r"([\d,]+) clients?: <span", document)]
        failures.check(len(clients) > 1 and clients[0] == sum(clients[1:]) > 100,
                       f"organisation: clients counted {clients}")
        failures.check(len(document) < 200_000 + 10_000 * len(result["findings"]),
                       f"organisation: {len(document)} bytes for {len(result['findings'])} findings")
    finally:
        shutil.rmtree(work)

    print(f"{failures.checks - failures.count} passed, {failures.count} failed")
    return 1 if failures.count else 0


if __name__ == "__main__":
    sys.exit(main())
