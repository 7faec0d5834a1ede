#!/usr/bin/env python3
"""test_integration.py - memrules as a CI gate: what the dg testsuite cannot check
(exit statuses, diagnostic kinds, the plugin's own argument errors, SARIF files,
builds). Each group is one ctest test (CMakeLists.txt):

  args          every bad -fplugin-arg-memrules-... is an error naming what is
                accepted; help lists every rule of rules.def; version
  werror        -Werror, -Wno-error, error=, werror=, #pragma memrules error/warn,
                -w, and what does not work (-Wno-error=..., #pragma GCC diagnostic)
  pragmas       kinds under -Werror; a main file's pragma does not reach its headers
  sarif         logs of C and C++ files validated against the SARIF 2.1.0 schema;
                %p, directory form, atomic writes, unwritable path
  make          testsuite/integration/make-project built with make -j2: one valid
                merged log; the merge removes duplicates
  noplugin      files using the pragmas build without the plugin under -Wall -Werror
                (C and C++), through include/memrules.h or #ifdef __MEMRULES__
  preprocessed  __MEMRULES__ with -save-temps, .i input and -E
  lto           the plugin loads at an -flto link (weak front-end symbols); the
                whole program at the link: cross-file double free and use after
                free, notes in the right files, -O0/-O2, -flto-partition=none, WHOPR
                with lto-wpa (default, one, 1to1), a note without it, identical
                programs, nothing without -flto
  ccache        a real ccache: hits replay warnings, a changed plugin is a miss when
                named by path, not by its short name; hits write no SARIF log
  memory        the memory cap (memory=MIB) on a generated function with a huge
                switch: stopped like the work budget stops it (findings so far
                kept, its summary unknown to callers), the other functions of the
                file analysed as usual

Usage: test_integration.py GROUP --plugin memrules.so [--cc gcc] [--cxx g++]
       [--merge tools/memrules-sarif-merge] [--schema testsuite/sarif/...json]
The last line is "N passed, N failed"; the exit status is 1 if a check failed.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import gccdiag  # noqa: E402  (testsuite/gccdiag.py)
ENV = dict(os.environ, LC_ALL="C", LANG="C")
results = {"passed": 0, "failed": 0}

DOUBLE_FREE = """#include <stdlib.h>
void f (void)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p);
  free (p);
}
"""


def check(ok, what, detail=""):
    results["passed" if ok else "failed"] += 1
    print("%s: %s" % ("PASS" if ok else "FAIL", what))
    if not ok and detail:
        for line in str(detail).strip().splitlines()[:25]:
            print("    " + line)
    return ok


def run(cmd, cwd=None, env=None):
    p = subprocess.run(cmd, cwd=cwd, env=env or ENV, capture_output=True, text=True,
                       errors="replace", stdin=subprocess.DEVNULL, timeout=300)
    return p.returncode, p.stdout + p.stderr


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def compile_diags(args, opts, src, cwd):
    """Compile with the plugin: (rc, memrules diagnostics as gccdiag.parse gives them,
    the output)."""
    cmd = [args.cc if src.endswith(".c") else args.cxx, "-c", "-o", os.devnull,
           "-fplugin=" + args.plugin, gccdiag.PLAIN_OUTPUT] + opts + [src]
    rc, out = run(cmd, cwd=cwd)
    diags, _ = gccdiag.parse(out)
    return rc, [d for d in diags if "[memrules-" in d.get("message", "")], out


def rules_def():
    """The slugs, CERT ids, CWEs of rules.def."""
    text = open(os.path.join(ROOT, "plugin/core/rules.def")).read()
    return re.findall(r'MR_RULE\s*\(\s*\w+\s*,\s*"([^"]+)"\s*,\s*"([^"]+)"\s*,\s*(\d+)',
                      text)


# ---------------------------------------------------------------- groups

def test_args(args, tmp):
    src = write(tmp, "ok.c", "int x;\n")
    bad = [
        ("bogus", "unknown option '-fplugin-arg-memrules-bogus'", "valid options for"),
        ("disable=nosuch", "unrecognized argument 'nosuch' in option "
         "'-fplugin-arg-memrules-disable=nosuch'", "valid arguments to "
         "'-fplugin-arg-memrules-disable=' are: all double-free"),
        ("enable=double-free,,leak", "unrecognized argument '' in option", "valid arguments"),
        ("error=use-after-fre", "unrecognized argument 'use-after-fre'", "valid arguments"),
        ("disable", "missing argument to '-fplugin-arg-memrules-disable='", "valid arguments"),
        ("enable=", "missing argument to '-fplugin-arg-memrules-enable='", "valid arguments"),
        ("error", "missing argument to '-fplugin-arg-memrules-error='", "valid arguments"),
        ("budget=0", "argument to '-fplugin-arg-memrules-budget' should be a positive "
         "integer", None),
        ("budget=-5", "should be a positive integer", None),
        ("budget=12k", "should be a positive integer", None),
        ("budget=99999999999999999999999", "should be a positive integer", None),
        ("budget", "missing argument to '-fplugin-arg-memrules-budget='", None),
        ("states=5000", "at most 4096", None),
        ("memory=-1", "argument to '-fplugin-arg-memrules-memory' should be a non-negative "
         "integer, at most 1048576", None),
        ("memory=2G", "should be a non-negative integer", None),
        ("memory=1048577", "at most 1048576", None),
        ("memory", "missing argument to '-fplugin-arg-memrules-memory='", None),
        ("werror=maybe", "unrecognized argument in option '-fplugin-arg-memrules-werror=maybe'",
         "valid arguments to '-fplugin-arg-memrules-werror=' are: no yes"),
        ("werror", "missing argument to '-fplugin-arg-memrules-werror='", None),
        ("infer=all", "unrecognized argument in option '-fplugin-arg-memrules-infer=all'",
         "valid arguments to '-fplugin-arg-memrules-infer=' are: none bodies names"),
        ("infer", "missing argument to '-fplugin-arg-memrules-infer='",
         "valid arguments to '-fplugin-arg-memrules-infer=' are: none bodies names"),
        ("exclude=", "missing argument to '-fplugin-arg-memrules-exclude='", None),
        ("exclude=a::b", "empty pattern in option '-fplugin-arg-memrules-exclude=a::b'",
         "takes globs separated by ':'"),
        ("sarif=", "missing argument to '-fplugin-arg-memrules-sarif='", "takes a file"),
        ("sarif=out-%d.sarif", "unrecognized escape '%d'", "accepts '%p'"),
        ("help=yes", "option '-fplugin-arg-memrules-help=yes' takes no argument", None),
        ("all=1", "takes no argument", None),
        ("version=2", "takes no argument", None),
        ("dump-ir=1", "takes no argument", None),
    ]
    for arg, message, note in bad:
        rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                       "-fplugin-arg-memrules-" + arg, src])
        ok = rc != 0 and "error: " in out and message in out and (not note or note in out)
        check(ok, "bad argument %s: exit %d, %r" % (arg, rc, message), out)
    # An argument before -fplugin= is GCC's own error.
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin-arg-memrules-help",
                   "-fplugin=" + args.plugin, src])
    check(rc != 0 and "should be specified before" in out,
          "an argument before -fplugin= is refused by GCC", out)
    # Good arguments, repeated and combined.
    good = ["disable=all", "enable=double-free,use-after-free", "all", "error=all",
            "werror=no", "werror=yes", "exclude=*/third_party/*:*.pb.c", "sarif=%s/x-%%p.sarif"
            % tmp, "budget=1000", "states=1", "memory=0", "memory=64", "dump-ir", "infer=none", "infer=names",
            "infer=bodies", "lto-wpa"]
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin]
                  + ["-fplugin-arg-memrules-" + g for g in good] + [src])
    check(rc == 0, "every good argument at once is accepted", out)
    # help lists every rule of rules.def with its CERT ids, CWE and default.
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-help", src])
    missing = [slug for slug, cert, cwe in rules_def()
               if not re.search(r"^\s+%s\s+%s\s+CWE-%s\s+(on|off)\s+\S" %
                                (re.escape(slug), re.escape(cert), cwe), out, re.M)]
    check(rc == 0 and not missing and "exclude=GLOB" in out and "sarif=PATH" in out
          and "infer=none|bodies|names" in out and "memory=MIB" in out,
          "help lists every rule of rules.def (slug, CERT, CWE, default, description)"
          " and every argument", "missing: %s\n%s" % (missing, out))
    rc, out2 = run([args.cc, "-fplugin=" + args.plugin, "-v", "--help"])
    check("Help for the loaded plugins" in out2 and "double-free" in out2,
          "gcc -v --help shows the plugin's help", out2[-2000:])
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-version", src])
    check(rc == 0 and re.search(r"memrules \d+\.\d+\.\d+ \(built for GCC \d+\.\d+\)", out),
          "version prints the version and the GCC it was built for", out)
    rc, out = run([args.cc, "-v", "-c", "-o", os.devnull, "-fplugin=" + args.plugin, src])
    check(re.search(r"Versions of loaded plugins:\n memrules: \d", out),
          "gcc -v lists the plugin's version", out[-800:])


def test_werror(args, tmp):
    src = write(tmp, "df.c", DOUBLE_FREE)
    cases = [
        ([], 0, "warning", "no option: a warning"),
        (["-Werror"], 1, "error", "-Werror: an error, the compile fails"),
        (["-Werror", "-Wno-error"], 0, "warning", "-Werror -Wno-error: a warning"),
        (["-fplugin-arg-memrules-error=double-free"], 1, "error",
         "error=double-free alone: an error, the compile fails"),
        (["-fplugin-arg-memrules-error=all"], 1, "error", "error=all: an error"),
        (["-fplugin-arg-memrules-error=use-after-free"], 0, "warning",
         "error= of another rule: still a warning"),
        (["-Werror", "-fplugin-arg-memrules-werror=no"], 0, "warning",
         "-Werror with werror=no: a warning"),
        (["-fplugin-arg-memrules-werror=yes"], 1, "error", "werror=yes: an error"),
        (["-Werror", "-fplugin-arg-memrules-werror=no",
          "-fplugin-arg-memrules-error=double-free"], 1, "error",
         "werror=no does not undo error="),
        (["-w", "-fplugin-arg-memrules-error=double-free"], 0, None,
         "-w silences memrules, error= included"),
        (["-fplugin-arg-memrules-disable=double-free", "-Werror"], 0, None,
         "a disabled rule never fails the build"),
    ]
    for opts, want_rc, kind, what in cases:
        rc, diags, out = compile_diags(args, opts, src, tmp)
        kinds = [d["kind"] for d in diags]
        ok = rc == want_rc and (kinds == [kind] if kind else kinds == [])
        check(ok, "%s (exit %d, kinds %s)" % (what, rc, kinds), out)
    # With plain text output, error= says which warnings became errors.
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-error=double-free", src])
    check(rc == 1 and "error: double-'free' of 'p'" in out
          and "some warnings being treated as errors" in out,
          "error= prints an error and 'some warnings being treated as errors'", out)
    # What does not work, as documented: option 0 has no -W name.
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin, "-Werror",
                   "-Wno-error=memrules", src])
    check(rc != 0 and "-Wno-error=memrules" in out,
          "-Wno-error=memrules is rejected by GCC (documented)", out)
    src2 = write(tmp, "gccdiag.c", "#pragma GCC diagnostic ignored \"-Wall\"\n" + DOUBLE_FREE)
    rc, diags, out = compile_diags(args, [], src2, tmp)
    check(len(diags) == 1, "#pragma GCC diagnostic does not silence memrules (documented)",
          out)


def test_pragmas(args, tmp):
    pragma_src = """#include <stdlib.h>
#pragma memrules %s "double-free"
""" + DOUBLE_FREE.replace("#include <stdlib.h>\n", "")
    cases = [("error", [], 1, "error"), ("error", ["-fplugin-arg-memrules-werror=no"], 1,
                                         "error"),
             ("warn", ["-Werror"], 0, "warning"),
             ("warn", ["-fplugin-arg-memrules-error=double-free"], 0, "warning"),
             ("ignore", ["-Werror"], 0, None)]
    for verb, opts, want_rc, kind in cases:
        for ext in (".c", ".cc"):
            text = pragma_src % verb
            if ext == ".cc":
                text = text.replace("char *p = malloc", "char *p = (char *) malloc")
            src = write(tmp, "pragma-%s%s" % (verb, ext), text)
            rc, diags, out = compile_diags(args, opts, src, tmp)
            kinds = [d["kind"] for d in diags]
            check(rc == want_rc and kinds == ([kind] if kind else []),
                  "#pragma memrules %s %s %s: exit %d, kinds %s" % (verb, ext, opts, rc, kinds),
                  out)
    # A main file's pragma does not reach the headers it includes.
    write(tmp, "hdr.h", DOUBLE_FREE.replace("void f", "static inline void h"))
    src = write(tmp, "main-scope.c", '#pragma memrules ignore "all"\n#include "hdr.h"\n'
                "void g (void) { h (); }\n")
    rc, diags, out = compile_diags(args, [], src, tmp)
    files = [os.path.basename(d["locations"][0]["caret"]["file"]) for d in diags]
    check(files == ["hdr.h"], "a pragma of the main file does not apply to its headers",
          out)
    # Malformed pragmas are -Wpragmas warnings: -Wno-pragmas hides them, -Werror fails.
    src = write(tmp, "bad-pragma.c", "#pragma memrules frob\nint x;\n")
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin, src])
    check(rc == 0 and "[memrules-pragma] [-Wpragmas]" in out,
          "a malformed pragma is a -Wpragmas warning", out)
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-Wno-pragmas", src])
    check(rc == 0 and "memrules" not in out, "-Wno-pragmas silences it", out)
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin, "-Werror",
                   src])
    check(rc == 1 and "-Werror=pragmas" in out, "-Werror makes it an error", out)


def validate(args, path):
    """Validate a SARIF file against the shipped schema; returns (ok, log or error)."""
    import jsonschema
    with open(args.schema) as f:
        schema = json.load(f)
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(log),
                    key=lambda e: list(e.path))
    if errors:
        return False, "\n".join("%s: %s" % (list(e.path), e.message) for e in errors[:10])
    return True, log


def test_sarif(args, tmp):
    out_file = os.path.join(tmp, "c.sarif")
    src = os.path.join(ROOT, "testsuite/sarif/several.c")
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-sarif=" + out_file, src])
    check(rc == 0 and os.path.isfile(out_file), "sarif=FILE writes the log", out)
    ok, log = validate(args, out_file)
    if not check(ok, "several.c's log is valid SARIF 2.1.0 (official schema)", log):
        return
    run0 = log["runs"][0]
    res = run0["results"]
    check([r["ruleId"] for r in res] == ["double-free", "use-after-free", "use-after-free"],
          "three results with their rule ids", json.dumps(res, indent=1)[:3000])
    check(all(r["level"] == "warning" for r in res), "levels are warnings")
    first = res[0]
    loc = first["locations"][0]["physicalLocation"]
    check(urllib.parse.unquote(loc["artifactLocation"]["uri"]) == "file://" + src
          and loc["region"]["startLine"] == 16 and loc["region"]["startColumn"] == 5,
          "the result's location is the second free (file URI, line, column)", loc)
    rel = first.get("relatedLocations", [])
    check(len(rel) == 1 and rel[0]["physicalLocation"]["region"]["startLine"] == 14
          and rel[0]["message"]["text"] == "first 'free' here",
          "the note is a related location with its message", rel)
    steps = first["codeFlows"][0]["threadFlows"][0]["locations"]
    check([s["location"]["physicalLocation"]["region"]["startLine"] for s in steps]
          == [14, 16], "the codeFlow goes from the first free to the second", steps)
    check(first["message"]["text"].startswith("double-'free' of 'p' (MEM31-C)"),
          "the message is GCC's", first["message"])
    slugs = [r["id"] for r in run0["tool"]["driver"]["rules"]]
    check(slugs == [s for s, _, _ in rules_def()], "rules: every rule of rules.def, in order",
          slugs)
    df = run0["tool"]["driver"]["rules"][0]
    targets = [(x["target"]["toolComponent"]["name"], x["target"]["id"])
               for x in df["relationships"]]
    check(("CWE", "415") in targets and ("CERT", "MEM31-C") in targets
          and df["properties"]["cert"] == "MEM31-C, MEM51-CPP"
          and "double-free" in df["help"]["text"],
          "a rule carries its CERT ids, CWE taxon and help", df)
    taxa = {t["name"]: [x["id"] for x in t["taxa"]] for t in run0["taxonomies"]}
    check("415" in taxa.get("CWE", []) and "MEM30-C" in taxa.get("CERT", []),
          "taxonomies CWE and CERT list the taxa", taxa)
    check(res[2]["message"]["text"].startswith("use after 'free' of 's->buf'"),
          "names in messages are kept", res[2]["message"])
    # C++, and -Werror: the level follows what GCC printed.
    out_cc = os.path.join(tmp, "cc.sarif")
    rc, out = run([args.cxx, "-c", "-o", os.devnull, "-fplugin=" + args.plugin, "-Werror",
                   "-fplugin-arg-memrules-sarif=" + out_cc,
                   os.path.join(ROOT, "testsuite/sarif/several.cc")])
    ok, log = validate(args, out_cc)
    check(rc == 1 and ok and [r["level"] for r in log["runs"][0]["results"]]
          == ["error", "error"], "C++ under -Werror: valid, levels are errors", log)
    gcc_sarif(args, tmp, src)
    # A static function GCC drops at -O2 is analysed in a child process: its result
    # reaches the log too.
    dropped = os.path.join(tmp, "dropped.sarif")
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin, "-O2",
                   "-fplugin-arg-memrules-sarif=" + dropped,
                   os.path.join(ROOT, "testsuite/sarif/unused-static.c")])
    ok, log = validate(args, dropped)
    res = log["runs"][0]["results"] if ok else []
    check(rc == 0 and ok and [r["ruleId"] for r in res] == ["double-free"]
          and res[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 12
          and len(res[0].get("relatedLocations", [])) == 1,
          "a dropped static function's finding is in the log, with its note", log)
    # A file with no finding still gets a (valid, empty) log.
    empty = os.path.join(tmp, "empty.sarif")
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-sarif=" + empty, write(tmp, "clean.c", "int x;\n")])
    ok, log = validate(args, empty)
    check(rc == 0 and ok and log["runs"][0]["results"] == [],
          "a clean file gets a valid log with no results", log)
    # %p: one file per process; a directory: one per translation unit, stable name.
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-sarif=" + os.path.join(tmp, "pid-%p.sarif"), src])
    check(len(glob.glob(os.path.join(tmp, "pid-[0-9]*.sarif"))) == 1,
          "%p is replaced by the process id", os.listdir(tmp))
    d = os.path.join(tmp, "logs", "nested") + "/"
    for _ in range(2):
        rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                       "-fplugin-arg-memrules-sarif=" + d, src])
    names = os.listdir(d)
    check(rc == 0 and len(names) == 1 and re.fullmatch(r"several\.c-[0-9a-f]{16}\.sarif",
                                                      names[0]),
          "a directory (created) gets one file per translation unit, replaced on rebuild",
          names)
    check(not [n for n in os.listdir(tmp) if ".tmp" in n], "no temporary file is left")
    # An unwritable place is an error, not a silent loss.
    os.makedirs(os.path.join(tmp, "ro"), exist_ok=True)
    os.chmod(os.path.join(tmp, "ro"), 0o500)
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-sarif=" + os.path.join(tmp, "ro", "x.sarif"), src])
    os.chmod(os.path.join(tmp, "ro"), 0o700)
    if os.geteuid() == 0:
        check(True, "unwritable SARIF path (skipped: root can write anywhere)")
    else:
        check(rc == 1 and "cannot write SARIF log" in out, "an unwritable path is an error",
              out)
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-sarif=" + os.path.join(src, "x.sarif"), src])
    check(rc == 1 and "cannot write SARIF log" in out,
          "a path under a regular file is an error", out)


def gcc_major(cc):
    rc, out = run([cc, "-dumpversion"])
    return int(out.strip().split(".")[0]) if rc == 0 else 0


def gcc_sarif(args, tmp, src):
    """GCC 13 and later write SARIF themselves (-fdiagnostics-format=sarif-file): the
    findings are in it with their CWE, and sarif= still writes memrules' own log."""
    major = gcc_major(args.cc)
    if major < 13:
        check(True, "GCC's own SARIF output (skipped: GCC %d has none; GCC 13 does)" % major)
        return
    d = os.path.join(tmp, "gccsarif")
    os.makedirs(d, exist_ok=True)
    ours = os.path.join(d, "ours.sarif")
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fdiagnostics-format=sarif-file", "-fplugin-arg-memrules-sarif=" + ours,
                   src], cwd=d)
    mine = glob.glob(os.path.join(d, "several.c*.sarif"))
    if not check(rc == 0 and len(mine) == 1, "-fdiagnostics-format=sarif-file writes GCC's log",
                 out + repr(os.listdir(d))):
        return
    with open(mine[0], encoding="utf-8") as f:
        log = json.load(f)
    run0 = log["runs"][0]
    res = [r for r in run0["results"] if "[memrules-" in r["message"]["text"]]
    check(len(res) == 3 and "[memrules-double-free]" in res[0]["message"]["text"]
          and res[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 16,
          "GCC's log carries the three findings, at their lines", json.dumps(res)[:2000])
    cwes = [x["id"] for r in res for x in r.get("taxa", [])]
    check(cwes[:1] == ["415"] and "416" in cwes, "GCC's log gives each finding its CWE",
          json.dumps([r.get("taxa") for r in res]))
    ok, log = validate(args, ours)
    check(ok and len(log["runs"][0]["results"]) == 3,
          "sarif= writes memrules' log next to GCC's", log)


def test_make(args, tmp):
    proj = os.path.join(tmp, "make-project")
    shutil.copytree(os.path.join(HERE, "make-project"), proj)
    rc, out = run(["make", "-j2", "PLUGIN=" + args.plugin, "MERGE=" + args.merge,
                   "CC=" + args.cc], cwd=proj)
    check(rc == 0, "make -j2 builds the project with the plugin", out)
    logs = glob.glob(os.path.join(proj, "sarif", "*.sarif"))
    check(len(logs) == 4, "one log per translation unit", logs)
    merged = os.path.join(proj, "memrules.sarif")
    ok, log = validate(args, merged) if os.path.isfile(merged) else (False, "missing")
    if not check(ok, "the merged log is valid SARIF 2.1.0", log):
        return
    check(len(log["runs"]) == 1, "one run in the merged log")
    got = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                 for r in log["runs"][0]["results"])
    check(got == [("double-free", "main.c"), ("use-after-free", "buffer.c"),
                  ("use-after-free", "list.c")],
          "the merged log has the three findings, URIs relative to --srcroot", got)
    # The same finding from several translation units (a header) is kept once.
    hdr = os.path.join(tmp, "dup")
    os.makedirs(hdr)
    write(hdr, "h.h", DOUBLE_FREE.replace("void f", "static inline void h"))
    for name in ("a.c", "b.c"):
        src = write(hdr, name, '#include "h.h"\nvoid %s (void) { h (); }\n' % name[0])
        run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
             "-fplugin-arg-memrules-sarif=" + hdr + "/logs/", src], cwd=hdr)
    rc, out = run([sys.executable, args.merge, "-o", os.path.join(hdr, "all.sarif"),
                   os.path.join(hdr, "logs")])
    ok, log = validate(args, os.path.join(hdr, "all.sarif"))
    check(rc == 0 and ok and len(log["runs"][0]["results"]) == 1,
          "a header's finding seen by two translation units is merged into one", out)
    rc, out = run([sys.executable, args.merge, write(tmp, "junk.sarif", "{not json")])
    check(rc == 1 and "not a JSON file" in out, "the merge refuses a corrupt input", out)


PORTABLE = r"""/* Builds with and without the plugin, under -Wall -Werror.  */
#include <stdlib.h>
#include "memrules.h"

MEMRULES_PUSH
MEMRULES_IGNORE ("leak", "double-free")
MEMRULES_WARN ("use-after-free")
MEMRULES_ERROR ("free-nonheap")

#ifdef __MEMRULES__
#pragma memrules ignore "null-deref-alloc"
#endif

int
f (void)
{
  char *p = (char *) malloc (4);
  MEMRULES_IGNORE ("uninit-read")
  if (!p)
    return 1;
  p[0] = 1;
  free (p);
  return 0;
}

MEMRULES_POP
"""


def test_noplugin(args, tmp):
    write(tmp, "memrules.h", open(os.path.join(ROOT, "include/memrules.h")).read())
    src = write(tmp, "portable.c", PORTABLE)
    for compiler, std in ((args.cc, "-std=c99"), (args.cc, "-std=gnu17"),
                          (args.cxx, "-std=c++11")):
        lang = ["-x", "c++"] if compiler == args.cxx else []
        flags = ["-Wall", "-Wextra", "-Werror", "-pedantic", std] + lang
        rc, out = run([compiler, "-c", "-o", os.devnull, "-I", tmp] + flags + [src])
        check(rc == 0, "%s %s: the pragma file builds without the plugin" % (compiler, std),
              out)
        rc, out = run([compiler, "-c", "-o", os.devnull, "-I", tmp, "-fplugin=" + args.plugin]
                      + flags + [src])
        check(rc == 0 and "memrules" not in out,
              "%s %s: and with it, silently" % (compiler, std), out)
    # Proof that the test means something: a bare pragma fails such a build.
    bare = write(tmp, "bare.c", '#pragma memrules ignore "leak"\nint x;\n')
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-Wall", "-Werror", bare])
    check(rc == 1 and "unknown-pragmas" in out,
          "a bare #pragma memrules fails -Wall -Werror without the plugin", out)
    # The testsuite's file using memrules.h builds without the plugin too (-Wall would
    # add GCC's own -Wuse-after-free on its deliberate bugs, hence -Wno-use-after-free).
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-Wall", "-Werror", "-Wno-use-after-free",
                   os.path.join(ROOT, "testsuite/pragmas/memrules-h.c")])
    check(rc == 1 and "__MEMRULES__ is defined" in out,
          "without the plugin __MEMRULES__ is undefined (memrules-h.c's #error fires)", out)


def test_preprocessed(args, tmp):
    src = write(tmp, "m.c", "#ifdef __MEMRULES__\nint memrules_was_defined;\n#endif\n"
                + '#pragma memrules ignore "leak"\n' + DOUBLE_FREE)
    rc, out = run([args.cc, "-dM", "-E", "-fplugin=" + args.plugin, src])
    check(rc == 0 and "#define __MEMRULES__ 1" in out, "__MEMRULES__ is 1 with the plugin",
          out[-500:])
    rc, out = run([args.cc, "-dM", "-E", src])
    check(rc == 0 and "__MEMRULES__" not in out, "and undefined without it")
    rc, out = run([args.cc, "-c", "-save-temps", "-fplugin=" + args.plugin, src], cwd=tmp)
    check(rc == 0 and "double-'free'" in out and "invalid flag" not in out,
          "-save-temps works and still reports", out)
    rc, out = run([args.cc, "-E", "-o", "m.i", "-fplugin=" + args.plugin, src], cwd=tmp)
    pre = open(os.path.join(tmp, "m.i")).read()
    check(rc == 0 and "memrules_was_defined" in pre and '#pragma memrules ignore "leak"' in pre,
          "-E keeps the pragma and sees __MEMRULES__", pre[-300:])
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin, "m.i"], cwd=tmp)
    check(rc == 0 and "double-'free'" in out, "a .i file compiles with the plugin", out)
    srcxx = write(tmp, "mxx.cc", open(src).read().replace("= malloc", "= (char *) malloc"))
    rc, out = run([args.cxx, "-c", "-save-temps", "-fplugin=" + args.plugin, srcxx], cwd=tmp)
    check(rc == 0 and "invalid flag" not in out, "-save-temps works in C++", out)


LTO_HELPERS = """#include <stdlib.h>
#include <string.h>

void release (char *p)
{
  free (p);
}

int first_byte (const char *s)
{
  return s[0];
}

void keep_copy (char *p)
{
  char *q = malloc (8);
  if (!q)
    return;
  memcpy (q, p, 1);
  free (q);
}

/* util.c has a static function of the same name: lto1 renames both.  */
static __attribute__ ((noinline)) int pick (const char *s, int i)
{
  return s[i];
}

int pick_h (const char *s)
{
  return pick (s, 1) + pick (s, 2);
}
"""

LTO_UTIL = """void release (char *p);

void dispose (char *p)
{
  release (p);
}

static __attribute__ ((noinline)) int pick (const char *s, int i)
{
  return s[i] == 'u';
}

int pick_u (const char *s)
{
  return pick (s, 3) + pick (s, 4);
}
"""

LTO_MAIN = """#include <stdlib.h>

void release (char *p);
void dispose (char *p);
int first_byte (const char *s);
void keep_copy (char *p);

int double_free (void)
{
  char *p = malloc (16);
  if (!p)
    return 1;
  release (p);
  free (p);
  return 0;
}

int use_after_free (void)
{
  char *s = malloc (16);
  if (!s)
    return 1;
  s[0] = 0;
  dispose (s);
  return first_byte (s);
}

int silent (void)
{
  char *t = malloc (16);
  if (!t)
    return 1;
  t[0] = 0;
  keep_copy (t);
  free (t);
  return 0;
}

int local (void)
{
  char *u = malloc (16);
  if (!u)
    return 1;
  free (u);
  free (u);
  return 0;
}

int main (void)
{
  return double_free () + use_after_free () + silent () + local ();
}
"""

DIAG = re.compile(r"^([^:\s]+):(\d+):\d+: (warning|error|note): (.*)$")


def diagnostics(out):
    """[(file, line, kind, message)] of GCC's text output, notes included."""
    return [(m.group(1), int(m.group(2)), m.group(3), m.group(4))
            for m in map(DIAG.match, out.splitlines()) if m]


def test_lto(args, tmp):
    a = write(tmp, "a.c", "#include <stdlib.h>\nvoid release (char *p) { free (p); }\n")
    b = write(tmp, "b.c", '#include <stdlib.h>\nvoid release (char *p);\n'
              '#pragma memrules ignore "leak"\nint main (void) { char *p = malloc (4);'
              ' if (!p) return 1; release (p); return 0; }\n')
    plug = ["-fplugin=" + args.plugin, "-fplugin-arg-memrules-sarif=" + tmp + "/logs/"]
    rc, out = run([args.cc, "-flto", "-O2", "-c", a, b] + plug, cwd=tmp)
    check(rc == 0, "-flto compile with the plugin", out)
    rc, out = run([args.cc, "-flto", "-O2", "-o", "prog", "a.o", "b.o"] + plug, cwd=tmp)
    check(rc == 0 and os.path.isfile(os.path.join(tmp, "prog")),
          "the plugin loads in lto1 at the -flto link", out)
    check(sorted(n.split("-")[0] for n in os.listdir(tmp + "/logs")) == ["a.c", "b.c"],
          "lto1 writes no SARIF log of its own", os.listdir(tmp + "/logs"))
    check(out.count("note: memrules: no whole-program analysis at this link: it needs "
                    "'-flto-partition=none'") == 1 and "warning" not in out,
          "a WHOPR link without lto-wpa: one note that says what to do, no analysis",
          out)
    rc, out = run([args.cc, "-flto", "-O2", "-shared", "-fPIC", "-o", "one.so", a]
                  + plug[:1], cwd=tmp)
    check(rc == 0 and "memrules" not in out,
          "compile and link of one file with -flto: no note (nothing across files)", out)
    lto_whole_program(args, tmp)


def lto_whole_program(args, tmp):
    """Three files: helpers.c frees (release) and reads (first_byte) its argument,
    util.c passes its argument on to release (dispose), main.c frees again and reads
    after them (docs/integration.md, "Whole program with -flto")."""
    d = os.path.join(tmp, "whole")
    os.makedirs(d)
    write(d, "helpers.c", LTO_HELPERS)
    write(d, "util.c", LTO_UTIL)
    write(d, "main.c", LTO_MAIN)
    srcs = ["helpers.c", "util.c", "main.c"]  # relative: the diagnostics say main.c:14
    objs = ["helpers.o", "util.o", "main.o"]
    plug = ["-fplugin=" + args.plugin]
    expected = [
        ("main.c", 14, "warning", "double-'free' of 'p' (MEM31-C) [memrules-double-free]"),
        ("main.c", 13, "note", "first 'free' here, in 'release'"),
        ("helpers.c", 6, "note", "'release' frees it here"),
        ("main.c", 25, "warning", "use after 'free' of 's' (MEM30-C) [memrules-use-after-free]"),
        ("main.c", 24, "note", "freed here, in 'dispose'"),
        ("util.c", 5, "note", "'dispose' frees it here"),
    ]
    local = [("main.c", 45, "warning", "double-'free' of 'u' (MEM31-C) [memrules-double-free]"),
             ("main.c", 44, "note", "first 'free' here")]

    def strip(diags):
        # The CWE metadata and GCC's quotes vary with the locale and version.
        return [(f, l, k, m.replace("\u2018", "'").replace("\u2019", "'")
                 .replace(" [CWE-415]", "").replace(" [CWE-416]", "").replace(" [-Werror]", ""))
                for f, l, k, m in diags]

    for opt in ("-O0", "-O2"):
        rc, out = run([args.cc, "-flto", opt, "-c"] + srcs + plug, cwd=d)
        check(rc == 0 and strip(diagnostics(out)) == local,
              "%s -flto compile: only main.c's own double free" % opt, out)
        wpa = "-fplugin-arg-memrules-lto-wpa"
        for part in (["-flto-partition=none"], [wpa], ["-flto-partition=one", wpa],
                     ["-flto-partition=1to1", wpa]):
            mode = " ".join(part) if part[0] != wpa else "WHOPR " + wpa
            prog = "prog" + "".join(p for p in part if p != wpa)
            rc, out = run([args.cc, "-flto", opt] + plug + part + ["-o", prog] + objs, cwd=d)
            got = strip(diagnostics(out))
            check(rc == 0 and got == expected,
                  "%s %s link: the cross-file double free and use after free, with notes "
                  "at the call and in the callee's file, nothing else" % (opt, mode),
                  "\n".join(map(str, got)) + "\n" + out)
        # none: guaranteed.  1to1 with lto-wpa: true of this program (WPA puts back
        # what reading a body clears; same-named statics in two files).
        for part in (["-flto-partition=none"], ["-flto-partition=1to1"]):
            rc, out = run([args.cc, "-flto", opt] + part + ["-o", "plain"] + objs, cwd=d)
            same = rc == 0 and open(os.path.join(d, "plain"), "rb").read() == \
                open(os.path.join(d, "prog" + "".join(part)), "rb").read()
            check(same, "%s %s: the program linked with the plugin is byte-identical"
                  % (opt, part[0]))

    none = ["-flto-partition=none"]
    rc, out = run([args.cc, "-flto", "-O2", "-Werror", "-o", "prog"] + none + objs + plug,
                  cwd=d)
    check(rc != 0 and "error: double-" in out and "error: use after" in out,
          "-Werror at the link: the findings are errors and the link fails", out)
    rc, out = run([args.cc, "-flto", "-O2", "-o", "prog"] + none + objs + plug
                  + ["-fplugin-arg-memrules-disable=double-free"], cwd=d)
    got = [g[3] for g in strip(diagnostics(out)) if g[2] == "warning"]
    check(rc == 0 and len(got) == 1 and "use-after-free" in got[0],
          "disable= at the link applies to the link's findings", out)
    rc, out = run([args.cc, "-flto", "-O2", "-o", "prog"] + objs, cwd=d)
    check(rc == 0 and "memrules" not in out, "a link without the plugin analyses nothing", out)

    # Pragmas at the link: lto1 reads them from the caller's source file.
    shutil.copy(os.path.join(ROOT, "include", "memrules.h"), d)
    write(d, "prag.c", '''#include <stdlib.h>
#include "memrules.h"
void release (char *p);
#pragma memrules push
#pragma memrules ignore "double-free"
int f1 (void) { char *p = malloc (4); if (!p) return 1; release (p); free (p); return 0; }
#pragma memrules pop
int f2 (void) { char *p = malloc (4); if (!p) return 1; release (p); free (p); return 0; }
MEMRULES_PUSH
MEMRULES_IGNORE ("use-after-free", "leak")
int f3 (void) { char *p = malloc (4); if (!p) return 1; release (p); return p[0]; }
MEMRULES_POP
#pragma memrules error "use-after-free"
int f4 (void) { char *p = malloc (4); if (!p) return 1; release (p); return p[0]; }
''')
    rc, out = run([args.cc, "-flto", "-O2", "-fPIC", "-c", "prag.c"] + plug, cwd=d)
    rc, out = run([args.cc, "-flto", "-O2", "-shared", "-fPIC", "-o", "prag.so", "helpers.o",
                   "prag.o"] + none + plug, cwd=d)
    got = [(f, l, k) for f, l, k, m in diagnostics(out) if k != "note"]
    check(rc != 0 and got == [("prag.c", 8, "warning"), ("prag.c", 14, "error")],
          "pragmas at the link: ignore, push/pop, MEMRULES_* and error apply", out)

    # Without -flto each file is analysed alone: no cross-file finding.
    rc, out = run([args.cc, "-O2", "-c"] + srcs + plug, cwd=d)
    check(rc == 0 and strip(diagnostics(out)) == local,
          "without -flto: only main.c's own double free at compile time", out)
    rc, out = run([args.cc, "-O2", "-o", "prog"] + objs + plug, cwd=d)
    check(rc == 0 and "memrules" not in out, "without -flto: nothing at the link", out)

    # A helper in an object compiled without -flto is a declaration to lto1.
    rc, out = run([args.cc, "-O2", "-c", srcs[0]], cwd=d)
    run([args.cc, "-flto", "-O2", "-c"] + srcs[1:], cwd=d)
    rc, out = run([args.cc, "-flto", "-O2", "-o", "prog"] + none + objs + plug, cwd=d)
    check(rc == 0 and "memrules" not in out,
          "release in a -fno-lto object: no finding, no crash", out)


def test_ccache(args, tmp):
    """What a real ccache does with the plugin (docs/integration.md, "ccache")."""
    ccache = shutil.which("ccache")
    if not ccache:
        check(True, "ccache is not installed: skipped (apt-get install ccache)")
        return
    plugdir = os.path.join(tmp, "plugin")
    os.makedirs(plugdir)
    plugin = os.path.join(plugdir, "memrules.so")
    shutil.copy(args.plugin, plugin)
    src = write(tmp, "t.c", DOUBLE_FREE)
    env = dict(ENV, CCACHE_DIR=os.path.join(tmp, "cache"))
    env.pop("CCACHE_DISABLE", None)

    def cc(opts, extra_env=None):
        before = stats()
        rc, out = run([ccache, args.cc, "-c", "-o", "t.o"] + opts + [src], cwd=tmp,
                      env=dict(env, **(extra_env or {})))
        after = stats()
        hit = sum(after.get(k, 0) - before.get(k, 0)
                  for k in ("direct_cache_hit", "preprocessed_cache_hit"))
        return rc, out, hit > 0

    def stats():
        rc, out = run([ccache, "--print-stats"], env=env)
        return {k: int(v) for k, v in (l.split("\t") for l in out.splitlines()
                                       if "\t" in l and l.split("\t")[1].isdigit())}

    full = ["-fplugin=" + plugin]
    rc, out, hit = cc(full)
    check(rc == 0 and not hit and "memrules-double-free" in out, "first compile: a miss")
    rc, out, hit = cc(full)
    check(hit and "memrules-double-free" in out,
          "second compile: a hit, and the warning is replayed", out)
    with open(plugin, "ab") as f:
        f.write(b"\0")
    rc, out, hit = cc(full)
    check(not hit, "a changed plugin named by its path is a miss (ccache hashes it)")
    rc, out, hit = cc(full + ["-fplugin-arg-memrules-disable=leak"])
    check(not hit, "other plugin arguments are a miss")
    short = ["-iplugindir=" + plugdir, "-fplugin=memrules"]
    cc(short)
    with open(plugin, "ab") as f:
        f.write(b"\0")
    rc, out, hit = cc(short)
    check(hit, "by its short name, a changed plugin is still a hit (stale: documented)")
    with open(plugin, "ab") as f:
        f.write(b"\0")
    rc, out, hit = cc(short, {"CCACHE_EXTRAFILES": plugin})
    check(not hit, "CCACHE_EXTRAFILES=<plugin> makes it a miss")
    logs = os.path.join(tmp, "logs")
    sarif = full + ["-fplugin-arg-memrules-sarif=" + logs + "/"]
    cc(sarif)
    shutil.rmtree(logs)
    rc, out, hit = cc(sarif)
    check(hit and not os.path.isdir(logs), "a hit writes no SARIF log (documented)")
    rc, out, hit = cc(sarif, {"CCACHE_RECACHE": "1"})
    check(not hit and len(os.listdir(logs)) == 1, "CCACHE_RECACHE=1 writes it")


def huge_switch(npointers, ncases):
    """A function whose switch fans one big state (npointers allocations) out to
    ncases blocks; it frees its argument on every path and has a double free before
    the switch.  Generated here: the file is too big to keep in the repository."""
    out = ["#include <stdlib.h>\n",
           "void big (char *arg, int sel)\n{\n",
           "  char *d = malloc (8);\n  free (d);\n  free (d);\n"]
    out += ["  char *p%d = malloc (%d);\n" % (i, i + 1) for i in range(npointers)]
    out.append("  switch (sel)\n    {\n")
    for i in range(ncases):
        j = i % npointers
        out.append("    case %d: free (p%d); p%d = 0; break;\n" % (i, j, j))
    out.append("    }\n")
    out += ["  free (p%d);\n" % i for i in range(npointers)]
    out.append("  free (arg);\n}\n")
    return "".join(out)


MEMORY_REST = """
void caller (char *q, int s)
{
  big (q, s);
  free (q);
}

void normal (void)
{
  char *p = malloc (4);
  free (p);
  free (p);
}
"""


def test_memory(args, tmp):
    src = write(tmp, "huge.c", huge_switch(60, 3000) + MEMORY_REST)
    lines = open(src).read().splitlines()

    def line_of(text, start=0):
        return next(i + 1 for i, l in enumerate(lines) if i >= start and text in l)

    big_df = line_of("  free (d);", line_of("  free (d);"))
    caller_df = line_of("  free (q);")
    normal_df = line_of("  free (p);", line_of("  free (p);", line_of("void normal")))

    def found(opts):
        rc, diags, out = compile_diags(args, ["-O0"] + opts, src, tmp)
        return rc, sorted((d["locations"][0]["caret"]["line"], d["message"].split(" [")[0])
                          for d in diags), out

    rc, full, out = found([])
    check(rc == 0 and [l for l, _ in full] == [big_df, caller_df, normal_df],
          "default cap: big is analysed to the end (its double free, and the caller's "
          "double free through its summary), normal's double free", out)
    rc, capped, out = found(["-fplugin-arg-memrules-memory=1"])
    check(rc == 0 and [l for l, _ in capped] == [big_df, normal_df],
          "memory=1: big stops at the switch, its double free before it kept; its "
          "summary is unknown to the caller; normal still warns", out)
    rc, nocap, out = found(["-fplugin-arg-memrules-memory=0"])
    check(rc == 0 and nocap == full, "memory=0: no cap, as the default here", out)
    # The same function stopped by the work budget reports the same: the cap stops
    # the analysis as the budget does.
    rc, budget, out = found(["-fplugin-arg-memrules-budget=20000"])
    check(rc == 0 and budget == capped,
          "a memory stop reports what a work-budget stop reports (%s / %s)"
          % (capped, budget), out)


GROUPS = {"args": test_args, "werror": test_werror, "pragmas": test_pragmas,
          "sarif": test_sarif, "make": test_make, "noplugin": test_noplugin,
          "preprocessed": test_preprocessed, "lto": test_lto, "ccache": test_ccache,
          "memory": test_memory}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("group", choices=sorted(GROUPS) + ["all"])
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--merge", default=os.path.join(ROOT, "tools/memrules-sarif-merge"))
    ap.add_argument("--schema", default=os.path.join(ROOT,
                                                     "testsuite/sarif/sarif-schema-2.1.0.json"))
    args = ap.parse_args()
    try:
        import jsonschema  # noqa: F401  (Debian's python3-jsonschema)
    except ImportError:
        if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") \
                and os.path.exists("/usr/bin/python3"):
            os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
        if args.group in ("sarif", "make", "all"):
            sys.exit("test_integration.py: python3 jsonschema is missing "
                     "(apt-get install python3-jsonschema)")
    args.plugin = os.path.abspath(args.plugin)
    args.merge = os.path.abspath(args.merge)
    for name in sorted(GROUPS) if args.group == "all" else [args.group]:
        with tempfile.TemporaryDirectory(prefix="memrules-%s-" % name) as tmp:
            GROUPS[name](args, tmp)
    print("%d passed, %d failed" % (results["passed"], results["failed"]))
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
