#!/usr/bin/env python3
"""robust.py - the plugin must never break or change a build.

For every input, each way of compiling it is run plain and with the plugin, and:
  * no internal compiler error, and no failure that plain gcc does not have;
  * the object file is byte-identical with and without the plugin (-c output,
    -gno-record-gcc-switches when -g is used);
  * the plugin run twice gives the same diagnostics in the same order (ASLR makes
    any order that depends on pointer values show), and the same under make -j as
    under make -j1 (the torture suite is also built by a generated Makefile).

Suites:
  torture  bench/torture/*.c, *.cc (weird but valid C and C++; a line
           "flags: ..." in a file adds compile flags) and huge_init.c, which
           bench/torture/gen_huge_init.py writes into OUT/torture-generated/, at
           -O0, -O2 and -O3 -g, with the default rules and with
           -fplugin-arg-memrules-all
  csmith   N random programs from csmith (seeds 1..N; Debian packages csmith and
           libcsmith-dev, headers in /usr/include/csmith), -O2 -w (every 10th also -O0)
  random   N random allocation-heavy programs from bench/synth.py (seeds 1..N), at
           -O0 and -O2 with every rule on: csmith never calls malloc, these do
  ci       the CI slice (ctest robustness): the torture suite, 5 csmith seeds and
           20 random programs, and zlib from the corpus (bench/measure.py
           --no-analyzer --stability) when the corpus is there; a part whose
           input is missing is skipped with the reason printed

usage: robust.py SUITE... [--plugin SO] [--cc gcc] [--cxx g++] [--csmith-count N]
                 [--random-count N] [--quick] [--jobs N] [--out DIR] [--json FILE]
Exit status: 0 clean, 1 on any ICE, plugin-only failure, object difference or
unstable output, 77 when nothing could run (ctest SKIP_RETURN_CODE).
"""
import argparse
import concurrent.futures
import filecmp
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
sys.path.insert(0, os.path.join(BENCH, "torture"))
from synth import gen_random  # noqa: E402
from gen_huge_init import huge_init  # noqa: E402
from measure import fingerprint  # noqa: E402

CSMITH_INC = "/usr/include/csmith"
SKIP = 77


def log(*a):
    print("[robust]", *a, file=sys.stderr, flush=True)


def run(cmd, err_path, cwd=None):
    with open(err_path, "wb") as err:
        rc = subprocess.call(cmd, stdout=err, stderr=err, cwd=cwd,
                             env=dict(os.environ, LC_ALL="C"))
    return rc


def read(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except OSError:
        return ""


class Case:
    """One input compiled one way: plain, plugin, plugin again."""

    def __init__(self, suite, name, src, cc, flags, plugin_flags, workdir):
        self.suite, self.name, self.src, self.cc = suite, name, src, cc
        self.flags, self.plugin_flags, self.workdir = flags, plugin_flags, workdir


def check_case(case):
    """Returns a dict with the verdict for one case."""
    os.makedirs(case.workdir, exist_ok=True)
    base = os.path.join(case.workdir, "x")
    res = {"suite": case.suite, "name": case.name, "src": case.src,
           "cmd": [case.cc] + case.flags + case.plugin_flags + ["-c", case.src]}
    rc0 = run([case.cc] + case.flags + ["-c", case.src, "-o", base + ".plain.o"],
              base + ".plain.err")
    rc1 = run([case.cc] + case.flags + case.plugin_flags +
              ["-c", case.src, "-o", base + ".plugin.o"], base + ".plugin.err")
    rc2 = run([case.cc] + case.flags + case.plugin_flags +
              ["-c", case.src, "-o", base + ".plugin2.o"], base + ".plugin2.err")
    e1, e2 = read(base + ".plugin.err"), read(base + ".plugin2.err")
    res["warnings"] = len(re.findall(r"\[memrules-[a-z0-9-]+\]", e1))
    res["ice"] = "internal compiler error" in e1 + e2 or rc1 < 0 or rc2 < 0 or \
        rc1 == 4 or rc2 == 4
    res["plainfail"] = rc0 != 0
    res["pluginfail"] = rc0 == 0 and (rc1 != 0 or rc2 != 0)
    res["objdiff"] = False
    if rc0 == 0 and rc1 == 0 and rc2 == 0:
        res["objdiff"] = not (filecmp.cmp(base + ".plain.o", base + ".plugin.o", shallow=False)
                              and filecmp.cmp(base + ".plain.o", base + ".plugin2.o",
                                              shallow=False))
    res["unstable"] = e1 != e2
    if res["ice"] or res["pluginfail"]:
        res["stderr"] = (e1 or e2)[-3000:]
    bad = res["ice"] or res["pluginfail"] or res["objdiff"] or res["unstable"]
    if not bad:
        shutil.rmtree(case.workdir, ignore_errors=True)
    else:
        res["workdir"] = case.workdir
    return res


def source_flags(path):
    m = re.search(r"flags:\s*(.*?)\s*(\*/)?\s*$", read(path), re.M)
    return m.group(1).split() if m else []


def torture_files(opts):
    """bench/torture/*.c, *.cc and the generated ones (written into OUT, not the source
    tree), in the order of their names."""
    gen = os.path.join(opts.out, "torture-generated")
    os.makedirs(gen, exist_ok=True)
    generated = os.path.join(gen, "huge_init.c")
    with open(generated, "w") as f:
        f.write(huge_init())
    files = [f for f in glob.glob(os.path.join(BENCH, "torture", "*.c")) +
             glob.glob(os.path.join(BENCH, "torture", "*.cc"))
             if os.path.basename(f) != "huge_init.c"] + [generated]
    return sorted(files, key=os.path.basename)


def torture_cases(opts, work):
    files = torture_files(opts)
    levels = [["-O0"], ["-O2"], ["-O3", "-g", "-gno-record-gcc-switches"]]
    modes = [("default", []), ("all", ["-fplugin-arg-memrules-all"])]
    combos = [(lv, m) for lv in levels for m in modes]
    if opts.ci or opts.quick:  # -O0 with the default rules, -O2 with all of them
        combos = [(levels[0], modes[0]), (levels[1], modes[1])]
    cases = []
    for f in files:
        cc = opts.cxx if f.endswith(".cc") else opts.cc
        for lv, (mode, extra) in combos:
            name = "%s %s %s" % (os.path.basename(f), " ".join(lv), mode)
            cases.append(Case("torture", name, f, cc, lv + source_flags(f),
                              ["-fplugin=" + opts.plugin] + extra,
                              os.path.join(work, "torture", "%d" % len(cases))))
    return cases


def csmith_available():
    if not shutil.which("csmith"):
        return "csmith is not installed (apt-get install csmith libcsmith-dev)"
    if not os.path.exists(os.path.join(CSMITH_INC, "csmith.h")):
        return "csmith's headers are missing (apt-get install libcsmith-dev)"
    return None


def csmith_cases(opts, work, count):
    gen = os.path.join(opts.out, "csmith-programs")
    os.makedirs(gen, exist_ok=True)
    cases = []
    for seed in range(1, count + 1):
        src = os.path.join(gen, "csmith-%d.c" % seed)
        if not os.path.exists(src):
            with open(src + ".tmp", "w") as f:
                subprocess.check_call(["csmith", "--seed", str(seed)], stdout=f)
            os.rename(src + ".tmp", src)
        levels = [["-O2"]] + ([["-O0"]] if seed % 10 == 0 else [])
        for lv in levels:
            cases.append(Case("csmith", "seed %d %s" % (seed, lv[0]), src, opts.cc,
                              lv + ["-w", "-I" + CSMITH_INC],
                              ["-fplugin=" + opts.plugin],
                              os.path.join(work, "csmith", "%d%s" % (seed, lv[0]))))
    return cases


def random_cases(opts, work, count):
    gen = os.path.join(opts.out, "random-programs")
    os.makedirs(gen, exist_ok=True)
    cases = []
    for seed in range(1, count + 1):
        src = os.path.join(gen, "random-%d.c" % seed)
        with open(src, "w") as f:
            f.write(gen_random(seed))
        for lv in ("-O0", "-O2"):
            cases.append(Case("random", "seed %d %s" % (seed, lv), src, opts.cc, [lv],
                              ["-fplugin=" + opts.plugin, "-fplugin-arg-memrules-all"],
                              os.path.join(work, "random", "%d%s" % (seed, lv))))
    return cases


def make_j_check(opts, work):
    """The torture files built by make -jN and make -j1 with the plugin: the same
    objects and, file by file, the same diagnostics."""
    files = torture_files(opts)
    res = {"suite": "make-j", "files": len(files), "ok": True, "detail": [],
           "jobs": max(opts.jobs, 2)}
    if not shutil.which("make"):
        res["skipped"] = "make is not installed"
        return res
    dirs = []
    jn = max(opts.jobs, 2)
    for j in (jn, 1):
        d = os.path.join(work, "make-j%d" % j)
        os.makedirs(d, exist_ok=True)
        rules, objs = [], []
        for f in files:
            cc = opts.cxx if f.endswith(".cc") else opts.cc
            o = os.path.basename(f) + ".o"
            objs.append(o)
            fl = " ".join(["-O2"] + source_flags(f) + ["-fplugin=" + opts.plugin])
            rules.append("%s: %s\n\t%s %s -c $< -o $@ 2> $@.err\n" % (o, f, cc, fl))
        with open(os.path.join(d, "Makefile"), "w") as mk:
            mk.write("all: %s\n%s" % (" ".join(objs), "".join(rules)))
        rc = subprocess.call(["make", "-s", "-j%d" % j, "-C", d],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if rc != 0:
            res["ok"] = False
            res["detail"].append("make -j%d failed (%s)" % (j, d))
        dirs.append(d)
    for f in files:
        o = os.path.basename(f) + ".o"
        for suffix in ("", ".err"):
            a, b = (os.path.join(d, o + suffix) for d in dirs)
            if not (os.path.exists(a) and os.path.exists(b)
                    and filecmp.cmp(a, b, shallow=False)):
                res["ok"] = False
                res["detail"].append("%s%s differs between make -j%d and -j1" % (
                    o, suffix, jn))
    if res["ok"]:
        for d in dirs:
            shutil.rmtree(d, ignore_errors=True)
    return res


def run_cases(suite, cases, opts):
    t0 = time.monotonic()
    results = []
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        for i, r in enumerate(pool.map(check_case, cases)):
            results.append(r)
            bad = [k for k in ("ice", "pluginfail", "objdiff", "unstable") if r[k]]
            if bad:
                log("%s %s: %s (%s)" % (suite, r["name"], " ".join(bad).upper(),
                                        r.get("workdir")))
            if (i + 1) % 200 == 0:
                log("%s: %d/%d" % (suite, i + 1, len(cases)))
    s = {"suite": suite, "inputs": len({r["src"] for r in results}),
         "compiles": len(results) * 3, "cases": len(results),
         "seconds": round(time.monotonic() - t0, 1)}
    for k in ("ice", "pluginfail", "objdiff", "unstable", "plainfail"):
        s[k] = sum(1 for r in results if r[k])
    s["warnings"] = sum(r["warnings"] for r in results)
    s["failures"] = [r for r in results if r["ice"] or r["pluginfail"] or r["objdiff"]
                     or r["unstable"]]
    s["plainfail_cases"] = [r["name"] for r in results if r["plainfail"]][:20]
    log("%s: %d inputs, %d cases (%d compiles) in %.0fs: ICE %d, plugin-only failures %d,"
        " objdiff %d, unstable %d, plain failures %d, memrules warnings %d" % (
            suite, s["inputs"], s["cases"], s["compiles"], s["seconds"], s["ice"],
            s["pluginfail"], s["objdiff"], s["unstable"], s["plainfail"], s["warnings"]))
    return s


def corpus_zlib(opts, work):
    corpus = os.environ.get("MEMRULES_CORPUS", "/var/tmp/memrules-corpus")
    db = os.path.join(corpus, "zlib", "compile_commands.json")
    if not os.path.exists(db):
        return {"suite": "corpus-zlib", "skipped":
                "no zlib corpus at %s (bench/realcode.sh --prepare-only --projects zlib)"
                % db}
    out = os.path.join(work, "corpus")
    cmd = [sys.executable, os.path.join(BENCH, "measure.py"), "--plugin", opts.plugin,
           "--cc", opts.cc,
           "--projects", "zlib", "--no-analyzer", "--stability", "--out", out,
           "--jobs", str(opts.jobs)]
    t0 = time.monotonic()
    rc = subprocess.call(cmd)
    try:
        with open(os.path.join(out, "corpus.json")) as f:
            o = json.load(f)["overall"]
    except (OSError, ValueError, KeyError):
        return {"suite": "corpus-zlib", "error": "measure.py failed (exit %d)" % rc,
                "ice": 1, "pluginfail": 0, "objdiff": 0, "unstable": 0}
    s = {"suite": "corpus-zlib", "inputs": o["tus"], "cases": o["tus"],
         "compiles": o["tus"] * 3, "seconds": round(time.monotonic() - t0, 1),
         "ice": o["ice"], "pluginfail": o["pluginfail"], "objdiff": o["objdiff"],
         "unstable": o.get("stderr_unstable", 0), "plainfail": o["plainfail"],
         "warnings": o.get("memrules_warnings", 0)}
    if any(s[k] for k in ("ice", "pluginfail", "objdiff", "unstable")):
        s["results"] = out
    return s


def main():
    p = argparse.ArgumentParser(usage=__doc__.split("usage: ")[1])
    p.add_argument("suites", nargs="+", choices=["torture", "csmith", "random", "ci"])
    p.add_argument("--plugin", default=os.path.join(BENCH, "..", "build", "memrules.so"))
    p.add_argument("--cc", default="gcc")
    p.add_argument("--cxx")
    p.add_argument("--csmith-count", type=int, default=1000, help="csmith programs")
    p.add_argument("--random-count", type=int, default=500, help="random programs")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--quick", action="store_true",
                   help="torture: -O0 default rules and -O2 all rules only (as ci)")
    p.add_argument("--out", default=os.path.join(BENCH, "results", "robust"))
    p.add_argument("--json", help="default: OUT/robust.json")
    opts = p.parse_args()
    opts.plugin = os.path.abspath(opts.plugin)
    if not opts.cxx:
        opts.cxx = re.sub(r"gcc", "g++", opts.cc)
    opts.ci = "ci" in opts.suites
    if not os.path.exists(opts.plugin):
        print("robust.py: no plugin at %s" % opts.plugin, file=sys.stderr)
        return 2
    if os.path.basename(opts.plugin) != "memrules.so":
        print("robust.py: the plugin file must be named memrules.so (GCC names the "
              "plugin after its file, and -fplugin-arg-memrules-* needs that name)",
              file=sys.stderr)
        return 2
    opts.out = os.path.abspath(opts.out)
    os.makedirs(opts.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="work-", dir=opts.out)
    suites = []
    ran = 0
    t0 = time.monotonic()
    wanted = ["torture", "csmith", "random", "corpus-zlib"] if opts.ci else opts.suites
    for suite in wanted:
        if suite == "torture":
            suites.append(run_cases("torture", torture_cases(opts, work), opts))
            mj = make_j_check(opts, work)
            suites.append(mj)
            ran += 1
            log("make -j%d vs -j1 over the torture files: %s" % (
                max(opts.jobs, 2), mj.get("skipped") or ("same objects and diagnostics" if mj["ok"]
                                                 else "; ".join(mj["detail"]))))
        elif suite == "csmith":
            why = csmith_available()
            if why:
                log("csmith: SKIPPED:", why)
                suites.append({"suite": "csmith", "skipped": why})
                continue
            n = 5 if opts.ci else opts.csmith_count
            suites.append(run_cases("csmith", csmith_cases(opts, work, n), opts))
            ran += 1
        elif suite == "random":
            n = 20 if opts.ci else opts.random_count
            suites.append(run_cases("random", random_cases(opts, work, n), opts))
            ran += 1
        elif suite == "corpus-zlib":
            s = corpus_zlib(opts, work)
            suites.append(s)
            if "skipped" in s:
                log("corpus-zlib: SKIPPED:", s["skipped"])
            else:
                ran += 1
                log("corpus-zlib: %d TUs: ICE %d, plugin-only failures %d, objdiff %d, "
                    "unstable %d" % (s["inputs"], s["ice"], s["pluginfail"], s["objdiff"],
                                     s["unstable"]))
    bad = any(s.get(k) for s in suites for k in ("ice", "pluginfail", "objdiff", "unstable")) \
        or any(s.get("ok") is False for s in suites)
    result = {"plugin": opts.plugin, "plugin_sha256": fingerprint(opts.plugin),
              "cc": opts.cc, "cxx": opts.cxx, "ci": opts.ci,
              "seconds": round(time.monotonic() - t0, 1), "suites": suites,
              "clean": not bad}
    path = opts.json or os.path.join(opts.out, "robust.json")
    if opts.json or not opts.ci:
        with open(path, "w") as f:
            json.dump(result, f, indent=1)
        log("wrote", path)
    if not bad:
        shutil.rmtree(work, ignore_errors=True)
    else:
        log("failing cases kept in", work)
    if ran == 0:
        log("SKIPPED: nothing could run")
        return SKIP
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
