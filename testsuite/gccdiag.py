"""gccdiag.py - GCC's diagnostics read from its plain text output, the same way on
every GCC version the plugin supports.

The tests once read -fdiagnostics-format=json, which GCC 15 deprecated and GCC 16
removed; SARIF output appeared only in GCC 13. The one format every version prints
alike is text, made regular by -fdiagnostics-plain-output (GCC 11 and later: no
caret lines, colours, URLs or line-number margins):

    FILE:LINE:COL: KIND: MESSAGE         a diagnostic at a location
    PROG: KIND: MESSAGE                  one without (cc1: warning: ...)
    FILE: In function 'f':               context lines, skipped: "In file included
    In file included from FILE:LINE:     from", "    from FILE:LINE", "In member
                                         function ...," "    inlined from ..."

A diagnostic whose location comes from a macro expansion is printed where the macro
spells the token, followed by notes "in definition of macro" and "in expansion of
macro" out to the line the user wrote. Such a diagnostic is put back at that line,
the last "in expansion of macro" note's (where the JSON format put it: GCC's
expand_location), and those notes are dropped.

parse() returns them as the JSON format described them: dicts with "kind",
"message", "locations": [{"caret": {"file", "line", "column"}}] (empty for a
diagnostic without a location) and "children": the notes that follow a warning or
error, which GCC prints right after it (auto_diagnostic_group).
"""

import re

# The flag that makes GCC's text output parseable by parse().
PLAIN_OUTPUT = "-fdiagnostics-plain-output"

KINDS = r"warning|error|note|fatal error|internal compiler error|sorry, unimplemented"
AT_LOCATION = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?:(?P<col>\d+):)? "
                         r"(?P<kind>" + KINDS + r"): (?P<msg>.*)$")
NO_LOCATION = re.compile(r"^(?P<prog>[\w.+-]+): (?P<kind>" + KINDS + r"): (?P<msg>.*)$")
CONTEXT = re.compile(r"^((In |At top level:)|[^:\s][^:]*: (In |At top level:)|"
                     r"\s+(from|inlined from) )")
MACRO_UNWINDING = re.compile(r"^in (expansion|definition) of macro ")


def parse(stderr):
    """Split GCC's stderr into (diagnostics, other lines)."""
    diagnostics, other, last, prev = [], [], None, None
    for raw in stderr.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        m = AT_LOCATION.match(line)
        if m:
            caret = {"file": m.group("file"), "line": int(m.group("line")),
                     "column": int(m.group("col") or 0)}
            d = {"kind": m.group("kind"), "message": m.group("msg"),
                 "locations": [{"caret": caret}], "children": []}
        else:
            m = NO_LOCATION.match(line)
            if m:
                d = {"kind": m.group("kind"), "message": m.group("msg"),
                     "locations": [], "children": []}
            elif CONTEXT.match(line):
                continue
            else:
                other.append(line.strip())
                continue
        if d["kind"] == "note" and prev is not None and MACRO_UNWINDING.match(d["message"]):
            if d["message"].startswith("in expansion") and d["locations"]:
                prev["locations"] = d["locations"]
            continue
        prev = d
        if d["kind"] == "note" and last is not None:
            last["children"].append(d)
            continue
        diagnostics.append(d)
        last = d if d["kind"] != "note" else None
    return diagnostics, other
