#!/usr/bin/env python3
"""run_testsuite.py - compile memrules' annotated test cases with the real plugin
and check the diagnostics against the annotations, DejaGnu (GCC dg) style.

Usage:
  python3 testsuite/run_testsuite.py --plugin build/memrules.so
      [--cc gcc] [--cxx g++] [-j N] [--opt -O0 --opt -O2] [-v] [files or dirs...]

With no files, every *.c, *.cc and *.cpp under the subfolders of testsuite/ is run.
Each file is compiled once per --opt (default -O0 and -O2); .c with --cc, .cc/.cpp
with --cxx:
  CC -c -o /dev/null -fplugin=PLUGIN -fdiagnostics-plain-output OPT [dg-options] FILE
A memrules diagnostic is a warning (or, under -Werror, an error) whose message contains
"[memrules-"; its notes are the notes GCC prints after it (gccdiag.py reads GCC's text
output, the same on every GCC version). GCC's own warnings are ignored.

Annotation grammar (in a comment; the directive applies to the line it is written on):
  { dg-warning "RE" }                  a memrules warning on this line matching RE
  { dg-message "RE" }                  a note of a memrules warning on this line matching RE
  { dg-bogus "RE" }                    no memrules warning on this line matches RE
  { dg-warning "RE" "comment" { target *-*-* } LINE }
                                       LINE is .+N, .-N, . or an absolute line number
  { dg-warning "RE" "comment" { xfail *-*-* } [LINE] }
                                       known gap: missing is XFAIL, found is XPASS
                                       (neither is a failure); for dg-bogus an xfail
                                       marks a known false alarm
  { dg-options "FLAGS" }               extra flags, after OPT (dg-additional-options too);
                                       ${srcdir} stands for the test file's folder
  { dg-prune-output "RE" }             ignore memrules warnings whose message matches RE
  { dg-do compile }                    accepted and ignored
A selector word is a target triplet glob (*-*-*), or "c" / "c++" for the file's language.
RE is a Python regular expression (re.search), written between double quotes; only \\"
is unescaped, every other backslash reaches the regex as written (so \\( is a literal
parenthesis).

A test is one file at one -O level. It fails on: an expected warning or note that is
missing, a memrules warning no dg-warning accounts for, a dg-bogus match, a compiler
error, an ICE, output that is not a diagnostic, or a non-zero exit status (allowed only when
dg-options has -Werror and a dg-warning is expected). The last line printed is
"N passed, N failed" (", N skipped" is added when C++ files are skipped for lack of a
C++ compiler). The exit status is 1 if any test failed.
"""

import argparse
import concurrent.futures
import fnmatch
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gccdiag  # noqa: E402  (testsuite/gccdiag.py)
LANG_OF_EXT = {".c": "c", ".cc": "c++", ".cpp": "c++"}
TIMEOUT_SECONDS = 120
# Lines other than diagnostics the driver prints in a normal run (under -Werror).
BENIGN_OUTPUT = re.compile(r"^(cc1(plus)?: )?(some |all )?warnings being treated as errors$")
# What GCC prints when it (or the plugin inside it) crashes.
CRASH_OUTPUT = re.compile(r"internal compiler error|Please submit a full bug report|"
                          r"^during \w+ pass: |terminated program cc1", re.M)


class AnnotationError(Exception):
    """A malformed dg directive; the file's tests fail with this message."""


# ---------------------------------------------------------------- annotations

def tcl_words(text, pos):
    """Parse the Tcl-like list that starts with '{' at text[pos].

    Returns (words, end): words are strings for "quoted" and bare words, lists for
    nested {braced} groups; end is the index just after the closing '}'.
    """
    assert text[pos] == "{"
    words, i = [], pos + 1
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            raise AnnotationError("unterminated '{'")
        c = text[i]
        if c == "}":
            return words, i + 1
        if c == "{":
            inner, i = tcl_words(text, i)
            words.append(inner)
        elif c == '"':
            j, buf = i + 1, []
            while j < len(text) and text[j] != '"':
                if text[j] == "\\" and text[j + 1:j + 2] == '"':
                    j += 1                      # \" is the only escape we undo
                buf.append(text[j])
                j += 1
            if j >= len(text):
                raise AnnotationError("unterminated string")
            words.append("".join(buf))
            i = j + 1
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in "{}":
                j += 1
            words.append(text[i:j])
            i = j


def string_arg(word):
    """A directive's string argument: "quoted" or a bare word, not a {list}."""
    if not isinstance(word, str):
        raise AnnotationError("expected a \"quoted string\", got a {list}")
    return word


def selector_matches(words, lang, triplet):
    """True if any word of a dg selector ('*-*-*', 'x86_64-*-*', 'c', 'c++') applies."""
    for w in words:
        if not isinstance(w, str):
            raise AnnotationError("nested selector expressions are not supported")
        if w in ("c", "c++"):
            if w == lang:
                return True
        elif fnmatch.fnmatchcase(triplet, w):
            return True
    return False


def resolve_line(spec, here):
    """'.', '.+N', '.-N' or an absolute number -> a line number."""
    m = re.fullmatch(r"\.(?:([+-])(\d+))?", spec)
    if m:
        if not m.group(1):
            return here
        return here + int(m.group(2)) * (1 if m.group(1) == "+" else -1)
    if spec.isdigit():
        return int(spec)
    raise AnnotationError("bad line specification %r" % spec)


def parse_annotations(path, lang, triplet):
    """Read a test file's dg directives.

    Returns (expectations, options, prune): expectations are dicts with keys
    kind ('warning', 'message', 'bogus'), regex, line and xfail; options is a list
    of extra flags; prune a list of compiled regexes.
    """
    expectations, options, prune = [], [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for lineno, text in enumerate(lines, 1):
        for m in re.finditer(r"\{\s*dg-", text):
            where = "%s:%d" % (os.path.basename(path), lineno)
            try:
                words, _ = tcl_words(text, m.start())
                where += ": " + words[0]
                parse_directive(words, lineno, lang, triplet, expectations, options, prune)
            except AnnotationError as e:
                raise AnnotationError("%s: %s" % (where, e))
    return expectations, options, prune


def parse_directive(words, lineno, lang, triplet, expectations, options, prune):
    """Add one directive, { dg-NAME ARGS... }, to the lists it belongs in."""
    name, args = words[0], words[1:]
    if name == "dg-do":
        return
    if not args:
        raise AnnotationError("needs a \"quoted string\"")
    if name in ("dg-options", "dg-additional-options"):
        if len(args) < 2 or (isinstance(args[1], list)
                             and selector_matches(args[1][1:], lang, triplet)):
            options += shlex.split(string_arg(args[0]))
        return
    if name == "dg-prune-output":
        prune.append(compile_regex(string_arg(args[0])))
        return
    if name not in ("dg-warning", "dg-message", "dg-bogus"):
        raise AnnotationError("unknown directive")
    if len(args) > 4:
        raise AnnotationError("too many fields")
    exp = {"kind": name[3:], "regex": compile_regex(string_arg(args[0])),
           "line": lineno, "xfail": False}
    if len(args) >= 3:                          # args[1] is the comment
        sel = args[2]
        if not isinstance(sel, list) or not sel or sel[0] not in ("target", "xfail"):
            raise AnnotationError("the selector must be { target ... } or { xfail ... }")
        applies = selector_matches(sel[1:], lang, triplet)
        if sel[0] == "target" and not applies:
            return
        exp["xfail"] = sel[0] == "xfail" and applies
    if len(args) == 4:
        exp["line"] = resolve_line(string_arg(args[3]), lineno)
    expectations.append(exp)


def compile_regex(pattern):
    try:
        return re.compile(pattern)
    except re.error as e:
        raise AnnotationError("bad regex %r: %s" % (pattern, e))


# ---------------------------------------------------------------- compiler output

def caret(diag):
    """(file, line) of a diagnostic (gccdiag.parse)'s primary location, or (None, 0)."""
    for loc in diag.get("locations") or []:
        c = loc.get("caret")
        if c:
            return c.get("file"), c.get("line", 0)
    return None, 0


def memrules_findings(diagnostics):
    """Pick out memrules warnings with their notes, and any compiler errors.

    Returns (findings, errors): findings are dicts {file, line, message, notes},
    notes a list of (file, line, message); errors are messages of error/ICE
    diagnostics that are not memrules warnings turned into errors by -Werror.
    """
    findings, errors, last = [], [], None
    for d in diagnostics:
        kind, msg = d.get("kind", ""), d.get("message", "")
        if "[memrules-" in msg and kind in ("warning", "error"):
            f, line = caret(d)
            last = {"file": f, "line": line, "message": msg, "notes": []}
            for child in d.get("children") or []:
                if child.get("kind") == "note":
                    last["notes"].append(caret(child) + (child.get("message", ""),))
            findings.append(last)
        elif kind == "note" and last is not None:
            # A note outside an auto_diagnostic_group comes as the next top-level
            # entry instead of a child; it still belongs to the warning before it.
            last["notes"].append(caret(d) + (msg,))
        else:
            last = None
            if kind not in ("warning", "note", "remark"):
                f, line = caret(d)
                where = " (%s:%d)" % (os.path.basename(f), line) if f else ""
                errors.append("%s: %s%s" % (kind, msg, where))
    return findings, errors


# ---------------------------------------------------------------- one test

def run_test(job):
    """Compile one file at one -O level and check it. Returns a result dict."""
    path, opt, args, triplet = job
    lang = LANG_OF_EXT[os.path.splitext(path)[1]]
    result = {"path": path, "opt": opt, "status": "PASS", "reasons": [],
              "xfail": 0, "xpass": 0, "xfail_list": [], "xpass_list": [], "command": None}
    compiler = args.cc if lang == "c" else args.cxx
    if not shutil.which(compiler):
        result.update(status="SKIP", reasons=["no compiler %r" % compiler])
        return result
    try:
        expectations, options, prune = parse_annotations(path, lang, triplet)
        # ${srcdir} in dg-options is the test file's folder (as in DejaGnu).
        srcdir = os.path.dirname(os.path.abspath(path))
        options = [o.replace("${srcdir}", srcdir) for o in options]
    except (AnnotationError, OSError, UnicodeDecodeError) as e:
        result.update(status="FAIL", reasons=[str(e)])
        return result

    cmd = [compiler, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
           gccdiag.PLAIN_OUTPUT, opt] + options + [path]
    result["command"] = " ".join(shlex.quote(c) for c in cmd)
    env = dict(os.environ, LC_ALL="C", LANG="C")   # plain ASCII quotes in messages
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, errors="replace", env=env, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        result.update(status="FAIL", reasons=["compiler timed out after %ds" % TIMEOUT_SECONDS])
        return result
    reasons = result["reasons"]

    # Crashes, compiler errors and stray output.
    diagnostics, other = gccdiag.parse(proc.stderr)
    findings, errors = memrules_findings(diagnostics)
    reasons += ["compiler " + e for e in errors]
    other = [o for o in other if not BENIGN_OUTPUT.match(o)]
    werror_ok = "-Werror" in options and any(e["kind"] == "warning" for e in expectations)
    if CRASH_OUTPUT.search(proc.stderr) or proc.returncode < 0:
        # An ICE prints a backtrace after its message: report the crash and
        # nothing else.
        first = other[0] if other else "killed by signal %d" % -proc.returncode
        result.update(status="FAIL", reasons=reasons + [
            "internal compiler error (exit status %d): %s" % (proc.returncode, first)])
        return result
    reasons += ["unexpected compiler output: " + o for o in other][:5]
    if proc.returncode != 0 and not (werror_ok and proc.returncode == 1):
        reasons.append("compiler exit status %d" % proc.returncode)
    if errors:                                  # the file did not compile
        result.update(status="FAIL")
        return result

    # Only the test file's own warnings are matched; others are all unexpected.
    me = os.path.realpath(path)
    name = os.path.basename(path)
    ours = [w for w in findings if not any(p.search(w["message"]) for p in prune)]
    mine = [w for w in ours if w["file"] and os.path.realpath(w["file"]) == me]
    for w in ours:
        if w not in mine:
            reasons.append("%s:%d: unexpected warning in another file: %s"
                           % (w["file"], w["line"], w["message"]))
    notes = [(line, msg) for w in mine for (f, line, msg) in w["notes"]
             if f and os.path.realpath(f) == me]

    def on_line(line):
        return "; ".join(repr(w["message"]) for w in mine if w["line"] == line) or "nothing"

    accounted = set()                           # indices into mine
    for e in sorted(expectations, key=lambda e: e["line"]):
        where = "%s:%d" % (name, e["line"])
        if e["kind"] == "message":
            hit = any(line == e["line"] and e["regex"].search(msg) for line, msg in notes)
        else:
            hits = [i for i, w in enumerate(mine)
                    if w["line"] == e["line"] and e["regex"].search(w["message"])]
            accounted.update(hits)
            hit = bool(hits)
        pattern = e["regex"].pattern
        if e["kind"] == "bogus":
            if hit and e["xfail"]:
                result["xfail"] += 1
                result["xfail_list"].append('%s: dg-bogus "%s"' % (where, pattern))
            elif hit:
                reasons.append('%s: dg-bogus "%s" matched: %s' % (where, pattern, on_line(e["line"])))
            elif e["xfail"]:
                result["xpass"] += 1
                result["xpass_list"].append('%s: dg-bogus "%s" (known false alarm is gone)'
                                            % (where, pattern))
        elif hit and e["xfail"]:
            result["xpass"] += 1
            result["xpass_list"].append('%s: dg-%s "%s"' % (where, e["kind"], pattern))
        elif not hit and e["xfail"]:
            result["xfail"] += 1
            result["xfail_list"].append('%s: dg-%s "%s"' % (where, e["kind"], pattern))
        elif not hit and e["kind"] == "warning":
            reasons.append('%s: expected warning "%s", got %s' % (where, pattern, on_line(e["line"])))
            # What was found instead is shown here; do not report it twice.
            accounted.update(i for i, w in enumerate(mine) if w["line"] == e["line"])
        elif not hit:
            got = "; ".join(repr(m) for line, m in notes if line == e["line"]) or "nothing"
            reasons.append('%s: expected note "%s", got %s' % (where, pattern, got))
    for i, w in enumerate(mine):
        if i not in accounted:
            reasons.append("%s:%d: unexpected warning: %s" % (name, w["line"], w["message"]))
    if reasons:
        result["status"] = "FAIL"
    return result


# ---------------------------------------------------------------- driver

def collect(paths):
    """Test files named on the command line, or every test under testsuite/*/."""
    if not paths:
        paths = [os.path.join(HERE, d) for d in sorted(os.listdir(HERE))
                 if os.path.isdir(os.path.join(HERE, d)) and not d.startswith((".", "_"))]
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names)
                          if os.path.splitext(n)[1] in LANG_OF_EXT]
        elif os.path.splitext(p)[1] in LANG_OF_EXT:
            files.append(p)
        else:
            sys.exit("run_testsuite.py: %s: not a test file or directory" % p)
    return [os.path.abspath(f) for f in files]


def display(path):
    rel = os.path.relpath(path, HERE)
    return path if rel.startswith("..") else rel


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plugin", required=True, help="path to memrules.so")
    ap.add_argument("--cc", default="gcc", help="C compiler (default gcc)")
    ap.add_argument("--cxx", default="g++", help="C++ compiler (default g++)")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, help="parallel jobs")
    ap.add_argument("--opt", action="append", help="optimization level; repeatable "
                    "(default: -O0 and -O2)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also list XFAILs and the command of every test")
    ap.add_argument("paths", nargs="*", help="test files or directories")
    argv = sys.argv[1:]
    for i in range(len(argv) - 1):              # let "--opt -O2" through argparse
        if argv[i] == "--opt":
            argv[i:i + 2] = ["--opt=" + argv[i + 1], ""]
    args = ap.parse_args([a for a in argv if a != ""])
    if not os.path.isfile(args.plugin):
        sys.exit("run_testsuite.py: plugin %s not found (build it first)" % args.plugin)
    args.plugin = os.path.abspath(args.plugin)
    opts = args.opt or ["-O0", "-O2"]
    files = collect(args.paths)
    try:
        triplet = subprocess.run([args.cc, "-dumpmachine"], capture_output=True,
                                 text=True).stdout.strip()
    except OSError:
        sys.exit("run_testsuite.py: cannot run C compiler %r" % args.cc)

    jobs = [(f, o, args, triplet) for f in files for o in opts]
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    xfail = xpass = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for r in pool.map(run_test, jobs):      # results come back in file order
            counts[r["status"]] += 1
            xfail += r["xfail"]
            xpass += r["xpass"]
            extra = " (%d xfail)" % r["xfail"] if r["xfail"] else ""
            print("%s: %s %s%s" % (r["status"], display(r["path"]), r["opt"], extra))
            for reason in r["reasons"]:
                print("    " + reason)
            for x in r["xpass_list"]:
                print("    XPASS " + x)
            for x in r["xfail_list"] if args.verbose else []:
                print("    XFAIL " + x)
            if r["command"] and (r["status"] == "FAIL" or args.verbose):
                print("    command: " + r["command"])
            sys.stdout.flush()

    print("\n=== memrules testsuite: %d files x %s ===" % (len(files), " ".join(opts)))
    print("expected failures (XFAIL): %d, unexpected passes (XPASS): %d" % (xfail, xpass))
    last = "%d passed, %d failed" % (counts["PASS"], counts["FAIL"])
    if counts["SKIP"]:
        last += ", %d skipped" % counts["SKIP"]
    print(last)
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
