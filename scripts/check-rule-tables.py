#!/usr/bin/env python3
"""check-rule-tables.py — the rule tables of the docs agree with plugin/core/rules.def.

rules.def is the one place a rule is declared; the plugin's enum, diagnostic tags, help
text and SARIF metadata are generated from it by the C preprocessor.  The docs cannot be:
they carry hand-written prose next to each rule.  So this script (ctest docs/rule-tables)
checks them instead, and when one disagrees it prints the table as it should read, ready
to paste (the prose of the rows it already has is kept):

  README.md            "Rules that work today": slug, CERT, CWE, default, in rules.def order
  testsuite/README.md  "Layout": one `slug/` row per rule, its CERT ids, "(off)" when off by
                       default, and the folder exists
  docs/rules.md        the CERT catalogue names each rule under each of its CERT ids, says
                       "off" for the rules off by default, and a "## slug" section per rule,
                       in rules.def order
  -fplugin-arg-memrules-help (with --plugin): lists every rule with its row's fields

Only the first six arguments of an MR_RULE row are read (ENUM, "slug", "CERT ids", CWE,
default-on, "description"): columns added after them do not concern the docs tables.

  scripts/check-rule-tables.py [--root DIR] [--plugin memrules.so --cc gcc]
Exit 0 when everything agrees, 1 otherwise (each disagreement said on stderr).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import namedtuple

Rule = namedtuple("Rule", "enum slug cert cwe on description")


# ---- rules.def --------------------------------------------------------------------------

def strip_c_comments(text):
    """Drop /* */ and // comments, leaving string literals alone."""
    return re.sub(r'"(?:\\.|[^"\\])*"|/\*.*?\*/|//[^\n]*',
                  lambda m: m.group(0) if m.group(0).startswith('"') else " ",
                  text, flags=re.S)


def macro_arguments(text, start):
    """The top-level arguments of the call whose '(' is at text[start]."""
    args, depth, cur, i = [], 0, "", start
    while i < len(text):
        c = text[i]
        if c == '"':
            end = re.compile(r'"(?:\\.|[^"\\])*"').match(text, i).end()
            cur += text[i:end]
            i = end
            continue
        if c == "(":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c == ")":
            depth -= 1
            if depth == 0:
                args.append(cur.strip())
                return args
        elif c == "," and depth == 1:
            args.append(cur.strip())
            cur = ""
            i += 1
            continue
        cur += c
        i += 1
    raise ValueError("unterminated MR_RULE row")


def c_string(token):
    """The value of one or more adjacent C string literals."""
    parts = re.findall(r'"((?:\\.|[^"\\])*)"', token)
    if not parts:
        raise ValueError("expected a string, got %r" % token)
    return "".join(parts).replace('\\"', '"').replace("\\\\", "\\")


def read_rules(path):
    text = strip_c_comments(open(path, encoding="utf-8").read())
    rules = []
    for m in re.finditer(r"\bMR_RULE\s*\(", text):
        a = macro_arguments(text, m.end() - 1)
        if len(a) < 6:
            raise ValueError("%s: MR_RULE row with %d arguments: %r" % (path, len(a), a))
        rules.append(Rule(a[0], c_string(a[1]), c_string(a[2]), int(a[3], 0),
                          int(a[4], 0) != 0, c_string(a[5])))
    if not rules:
        raise ValueError("%s: no MR_RULE row" % path)
    return rules


def cert_ids(cert):
    return [c.strip() for c in re.split(r"[,/]", cert) if c.strip()]


# ---- markdown tables --------------------------------------------------------------------

def table_after(lines, header_re):
    """(first line index, rows as lists of cells) of the first table whose header line
    matches header_re."""
    for i, line in enumerate(lines):
        if re.match(header_re, line):
            rows, j = [], i + 2
            while j < len(lines) and lines[j].startswith("|"):
                rows.append((j, [c.strip() for c in lines[j].strip().strip("|").split(" | ")]))
                j += 1
            return i, rows
    return None, []


def slug_of_cell(cell):
    m = re.fullmatch(r"`([a-z0-9-]+)/?`", cell)
    return m.group(1) if m else None


class Checker:
    def __init__(self, root, rules):
        self.root, self.rules, self.failures = root, rules, 0

    def fail(self, where, what, paste=None):
        self.failures += 1
        print("%s: %s" % (where, what), file=sys.stderr)
        if paste:
            print("  the table as rules.def has it (paste it over the old one):\n",
                  file=sys.stderr)
            print("\n".join(paste) + "\n", file=sys.stderr)

    def lines(self, rel):
        return open(os.path.join(self.root, rel), encoding="utf-8").read().split("\n")

    def readme(self):
        rel = "README.md"
        header = "| slug | CERT | CWE | default | fires on |"
        at, rows = table_after(self.lines(rel), re.escape(header))
        if at is None:
            return self.fail(rel, "no table headed %r" % header)
        prose = {slug_of_cell(r[0]): r[4] for _, r in rows if len(r) == 5}
        want = ["| `%s` | %s | %d | %s | %s |" % (r.slug, r.cert, r.cwe,
                                                    "on" if r.on else "off",
                                                    prose.get(r.slug) or r.description)
                for r in self.rules]
        have = ["| " + " | ".join(cells) + " |" for _, cells in rows]
        if have != want:
            differ = [w.split(" | ")[0][2:] for w in want if w not in have]
            self.fail("%s:%d" % (rel, at + 1),
                      "the rule table differs from rules.def (%s)"
                      % (", ".join(differ) or "order or extra rows"),
                      [header, "| --- | --- | --- | --- | --- |"] + want)

    def testsuite_readme(self):
        rel = "testsuite/README.md"
        header = "| folder | rule | CERT | what is there |"
        at, rows = table_after(self.lines(rel), re.escape(header))
        if at is None:
            return self.fail(rel, "no table headed %r" % header)
        slugs = {r.slug for r in self.rules}
        rule_rows = [(n, c) for n, c in rows if slug_of_cell(c[0]) in slugs]
        prose = {slug_of_cell(c[0]): c[3] for _, c in rule_rows if len(c) == 4}
        want = ["| `%s/` | %s%s | %s | %s |" % (r.slug, r.slug, "" if r.on else " (off)",
                                                r.cert, prose.get(r.slug) or r.description)
                for r in self.rules]
        have = ["| " + " | ".join(c) + " |" for _, c in rule_rows]
        contiguous = [n for n, _ in rule_rows] == list(
            range(rule_rows[0][0], rule_rows[0][0] + len(rule_rows))) if rule_rows else True
        if have != want or not contiguous:
            self.fail("%s:%d" % (rel, at + 1),
                      "the rule rows of the layout table differ from rules.def "
                      "(one `slug/` row per rule, in rules.def order, first)",
                      want)
        for r in self.rules:
            if not os.path.isdir(os.path.join(self.root, "testsuite", r.slug)):
                self.fail(rel, "rule %s has no folder testsuite/%s/" % (r.slug, r.slug))

    def rules_md(self):
        rel = "docs/rules.md"
        lines = self.lines(rel)
        at, rows = table_after(lines, r"\| CERT \| title \| memrules \|")
        if at is None:
            return self.fail(rel, "no CERT catalogue table (| CERT | title | memrules |)")
        by_cert = {}
        for n, cells in rows:
            for cid in cert_ids(cells[0]):
                by_cert[cid] = (n, cells[-1])
        for r in self.rules:
            for cid in cert_ids(r.cert):
                if cid not in by_cert:
                    self.fail(rel, "the catalogue has no row for %s (rule %s)" % (cid, r.slug))
                    continue
                n, text = by_cert[cid]
                mark = "**`%s`**" % r.slug
                if mark not in text:
                    self.fail("%s:%d" % (rel, n + 1),
                              "the %s row does not name %s (rules.def: %s)" % (cid, mark, r.cert))
                    continue
                # What the row says of this rule: from its name to the next rule named.
                said = re.split(r"\*\*`", text.split(mark, 1)[1])[0]
                if not r.on and "off" not in said:
                    self.fail("%s:%d" % (rel, n + 1),
                              "the %s row does not say %s is off by default" % (cid, r.slug))
                if r.on and "off by default" in said:
                    self.fail("%s:%d" % (rel, n + 1),
                              "the %s row says %s is off by default; rules.def: on"
                              % (cid, r.slug))
        sections = [m.group(1) for m in (re.fullmatch(r"## ([a-z0-9-]+)", l) for l in lines)
                    if m and m.group(1) in {r.slug for r in self.rules}]
        want = [r.slug for r in self.rules]
        if sections != want:
            missing = [s for s in want if s not in sections]
            self.fail(rel, "the per-rule sections (## slug) are not one per rule in rules.def "
                      "order: %s" % ("missing " + ", ".join(missing) if missing else
                                     "order " + ", ".join(sections)))

    def help_text(self, plugin, cc):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "empty.c")
            open(src, "w").write("int memrules_help;\n")
            p = subprocess.run([cc, "-fplugin=" + plugin, "-fplugin-arg-memrules-help",
                                "-c", src, "-o", os.path.join(tmp, "empty.o")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               universal_newlines=True)
        out = p.stdout.split("\n")
        start = next((i for i, l in enumerate(out) if l.startswith("Rules")), None)
        if p.returncode != 0 or start is None:
            return self.fail("-fplugin-arg-memrules-help", "no rule list (exit %d):\n%s"
                             % (p.returncode, p.stdout))
        listed = []
        for l in out[start + 1:]:
            m = re.match(r"  (\S+)\s+(.*?)\s+CWE-(\d+)\s+(on|off)\s+(.*)$", l)
            if not m:
                break
            listed.append(Rule(None, m.group(1), m.group(2), int(m.group(3)),
                               m.group(4) == "on", m.group(5)))
        want = [r._replace(enum=None) for r in self.rules]
        if listed != want:
            self.fail("-fplugin-arg-memrules-help",
                      "its rule list differs from rules.def:\n  %s" % "\n  ".join(
                          "%s %s CWE-%d %s %s" % (r.slug, r.cert, r.cwe,
                                                  "on" if r.on else "off", r.description)
                          for r in listed))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=os.path.dirname(here), help="the source tree")
    ap.add_argument("--plugin", help="memrules.so, to check -fplugin-arg-memrules-help too")
    ap.add_argument("--cc", default="gcc", help="the gcc that loads --plugin")
    opts = ap.parse_args()
    rules = read_rules(os.path.join(opts.root, "plugin", "core", "rules.def"))
    c = Checker(opts.root, rules)
    c.readme()
    c.testsuite_readme()
    c.rules_md()
    if opts.plugin:
        c.help_text(opts.plugin, opts.cc)
    if c.failures:
        print("%d disagreement(s) with plugin/core/rules.def" % c.failures, file=sys.stderr)
        return 1
    print("rule tables agree with plugin/core/rules.def (%d rules)" % len(rules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
