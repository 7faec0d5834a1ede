#!/usr/bin/env python3
"""measure.py - the corpus benchmark: compile-time cost, memory, warnings, objects.

Every C translation unit (TU) recorded in a project's compile_commands.json
(bench/realcode.sh --prepare-only records them) is compiled again, as
bench/replay.py rewrites its command (-O2, -gno-record-gcc-switches, plain
diagnostics, no -Werror), several ways, one unit after the other so that machine
noise hits every way alike:

  plain     gcc -O2
  plugin    gcc -O2 -fplugin=PLUGIN            (default rules)
  before    gcc -O2 -fplugin=BEFORE            (--before SO: an earlier build of the
            plugin, e.g. to show a refactor costs nothing; timed like plugin)
  analyzer  gcc -O2 -fanalyzer                 (--no-analyzer: skipped)
  plugin2   the plugin again: same diagnostics in the same order, same object
            (--stability; not timed)
  probe     the probe plugin (--probe SO, bench/probe/build.sh): per-function
            analysis time, work units and budget flags (not timed)

The order of the timed ways rotates from unit to unit.  CPU time is the child's
user+sys and peak RSS its ru_maxrss (os.wait4: the gcc driver and what it waited
for, i.e. cc1 and as); with --repeat N each timed way runs N times and the
minimum is kept (-fanalyzer: --analyzer-repeat, default 1).

Output (OUT/): corpus.json (summary per project and overall, per-unit records)
and OUT/<project>/<way>/NNNN.{o,err}.  bench/report.py renders the markdown.

usage: measure.py --plugin SO [--before SO] [--probe SO] [--cc gcc] [--corpus DIR] [--projects "a b"]
                  [--quick] [--repeat N] [--analyzer-repeat N] [--jobs N] [--no-analyzer]
                  [--stability] [--timeout S] [--analyzer-mem GIB] [--out DIR]
"""
import argparse
import concurrent.futures
import filecmp
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replay  # noqa: E402  (units, replay_argv)

PROJECTS = ["zlib", "lua5.4", "sqlite3", "curl", "jq"]
# --quick: whole small projects, under two minutes on 2 cores with -fanalyzer.
QUICK = {"zlib": None, "jq": ["src/jv_parse.c", "src/jv_print.c", "src/jv_alloc.c",
                              "src/jv_dtoa.c", "src/util.c", "src/jv_file.c"]}
TIMED = ["plain", "plugin", "before", "analyzer"]


def timed_ways(opts):
    """The timed ways of this run, in TIMED's order."""
    return [w for w in TIMED if w in ("plain", "plugin")
            or (w == "before" and opts.before) or (w == "analyzer" and opts.analyzer)]

MEMRULES_RE = re.compile(r"\[memrules-([a-z0-9-]+)\]")
ANALYZER_RE = re.compile(r"\[-Wanalyzer-([a-z0-9-]+)\]")
WARN_LINE_RE = re.compile(r"^(.+?):(\d+):(\d+): (?:warning|error): (.*)$")


def log(*a):
    print("[measure]", *a, file=sys.stderr, flush=True)


def fingerprint(path):
    """sha256 (12 hex digits) of a plugin file: which build a result is from."""
    import hashlib
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()[:12]
    except OSError:
        return None


def run_rusage(cmd, cwd, err_path, env=None, timeout=0):
    """Runs cmd; returns dict(rc, user, sys, cpu, maxrss_kb, wall, timeout)."""
    start = time.monotonic()
    with open(err_path, "wb") as err:
        p = subprocess.Popen(cmd, cwd=cwd, stdout=err, stderr=err,
                             env=env, start_new_session=True)
        timer = None
        timed_out = []
        if timeout:
            def kill():
                timed_out.append(1)
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            timer = threading.Timer(timeout, kill)
            timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if timer:
            timer.cancel()
    return {"rc": p.returncode, "user": ru.ru_utime, "sys": ru.ru_stime,
            "cpu": ru.ru_utime + ru.ru_stime, "maxrss_kb": ru.ru_maxrss,
            "wall": time.monotonic() - start, "timeout": bool(timed_out)}


def count_lines(path):
    """(physical lines, non-blank lines) of a file."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return 0, 0
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return len(lines), sum(1 for l in lines if l.strip())


def parse_warnings(err_path, directory, regex):
    """[(key, rule)] for each warning line of err_path matching regex."""
    out = []
    try:
        with open(err_path, errors="replace") as f:
            for line in f:
                m = regex.search(line)
                if not m or ": note: " in line:
                    continue
                w = WARN_LINE_RE.match(line.rstrip("\n"))
                if w:
                    path = os.path.normpath(os.path.join(directory, w.group(1)))
                    key = "%s:%s:%s: %s" % (path, w.group(2), w.group(3), w.group(4))
                else:
                    key = line.strip()
                out.append((key, m.group(1)))
    except OSError:
        pass
    return out


def is_ice(run, err_path):
    if run["rc"] < 0 and not run["timeout"]:
        return True  # killed by a signal
    try:
        with open(err_path, errors="replace") as f:
            return "internal compiler error" in f.read()
    except OSError:
        return False


class Project:
    def __init__(self, name, corpus, out, quick):
        self.name = name
        self.root = os.path.join(corpus, name)
        db_path = os.path.join(self.root, "compile_commands.json")
        with open(db_path) as f:
            units = list(replay.units(json.load(f)))
        if quick and QUICK.get(name) is not None:
            want = {os.path.join(self.root, s) for s in QUICK[name]}
            units = [u for u in units if os.path.normpath(
                os.path.join(u[0], u[1])) in want]
        self.units = units
        self.out = os.path.join(out, name)


def unit_commands(proj, n, unit, ways, opts):
    """{way: (argv, env)} for one TU."""
    directory, src, args = unit
    idx = "%04d" % n
    orig = next((a for a in args if os.path.normpath(
        os.path.join(directory, a)) == os.path.normpath(
            os.path.join(directory, src))), src)
    env = dict(os.environ, LC_ALL="C")
    env.pop("MEMRULES_PROBE", None)
    extra = {"plain": [], "plugin": ["-fplugin=" + opts.plugin] + opts.plugin_args,
             "analyzer": ["-fanalyzer"]}
    extra["plugin2"] = extra["plugin"]
    if opts.before:
        extra["before"] = ["-fplugin=" + opts.before] + opts.plugin_args
    if opts.probe:
        extra["probe"] = ["-fplugin=" + opts.probe] + opts.plugin_args
    cmds = {}
    for w in ways:
        obj = os.path.join(proj.out, w, idx + ".o")
        e = env
        if w == "probe":
            e = dict(env, MEMRULES_PROBE=os.path.join(proj.out, w, idx + ".tsv"))
        argv = replay.replay_argv(args, orig, obj, extra[w])
        if opts.cc:
            argv[0] = opts.cc
        cmds[w] = (argv, e)
    return idx, cmds


def measure_unit(proj, n, unit, opts):
    directory, src, _ = unit
    ways = timed_ways(opts)
    extras = (["plugin2"] if opts.stability else []) + (["probe"] if opts.probe else [])
    idx, cmds = unit_commands(proj, n, unit, ways + extras, opts)
    rot = n % len(ways)
    runs = {}
    for r in range(opts.repeat):
        order = ways[(rot + r) % len(ways):] + ways[:(rot + r) % len(ways)]
        for w in order:
            if w == "analyzer" and r >= opts.analyzer_repeat:
                continue
            err = os.path.join(proj.out, w, idx + (".err" if r == 0 else ".err.%d" % r))
            cmd, env = cmds[w]
            t = 0
            if w == "analyzer":
                # -fanalyzer can need tens of GB (sqlite3.c): bound it, and report
                # such a unit as incomplete rather than let the OOM killer choose.
                t = opts.timeout
                if opts.analyzer_mem:
                    cmd = ["prlimit", "--as=%d" % int(opts.analyzer_mem * 2**30),
                           "--"] + cmd
            run = run_rusage(cmd, directory, err, env, t)
            if w in runs:  # keep the minimum of the timed quantities
                for k in ("cpu", "user", "sys", "wall", "maxrss_kb"):
                    runs[w][k] = min(runs[w][k], run[k])
            else:
                run["ice"] = is_ice(run, err)
                runs[w] = run
            if r:
                os.unlink(err)
    for w in extras:
        err = os.path.join(proj.out, w, idx + ".err")
        cmd, env = cmds[w]
        if w == "probe":
            try:
                os.unlink(env["MEMRULES_PROBE"])
            except OSError:
                pass
        run = run_rusage(cmd, directory, err, env)
        run["ice"] = is_ice(run, err)
        runs[w] = run
    rec = {"idx": idx, "src": os.path.normpath(os.path.join(directory, src)),
           "dir": directory, "runs": runs}
    rec["rel"] = os.path.join(proj.name, os.path.relpath(rec["src"], proj.root))
    o = {w: os.path.join(proj.out, w, idx + ".o") for w in runs}
    plain_ok = runs["plain"]["rc"] == 0
    rec["plainfail"] = not plain_ok
    # A plugin way that fails (or ICEs) where plain gcc succeeds is the plugin's fault.
    pw = [w for w in ("plugin", "plugin2", "probe") if w in runs]
    rec["ice"] = any(runs[w]["ice"] for w in pw)
    rec["pluginfail"] = plain_ok and any(runs[w]["rc"] != 0 for w in pw)
    rec["objdiff"] = rec["unstable"] = False
    if plain_ok and runs["plugin"]["rc"] == 0:
        if not filecmp.cmp(o["plain"], o["plugin"], shallow=False):
            # Is the TU reproducible at all?  Compile it plain once more.
            cmd, env = cmds["plain"]
            cmd = [c if c != o["plain"] else o["plain"] + ".again" for c in cmd]
            again = run_rusage(cmd, directory, os.devnull, env)
            if again["rc"] != 0 or not filecmp.cmp(o["plain"], o["plain"] + ".again",
                                                   shallow=False):
                rec["unstable"] = True
            else:
                rec["objdiff"] = True
            if os.path.exists(o["plain"] + ".again"):
                os.unlink(o["plain"] + ".again")
        for w in ("plugin2", "probe"):
            if w in runs and runs[w]["rc"] == 0 and not rec["unstable"] and \
                    not filecmp.cmp(o["plain"], o[w], shallow=False):
                rec["objdiff"] = True
    if "plugin2" in runs:
        rec["stderr_stable"] = filecmp.cmp(
            os.path.join(proj.out, "plugin", idx + ".err"),
            os.path.join(proj.out, "plugin2", idx + ".err"), shallow=False)
    rec["memrules"] = parse_warnings(os.path.join(proj.out, "plugin", idx + ".err"),
                                     directory, MEMRULES_RE)
    if "analyzer" in runs:
        rec["analyzer_w"] = parse_warnings(
            os.path.join(proj.out, "analyzer", idx + ".err"), directory, ANALYZER_RE)
    if "probe" in runs:
        rec["functions"] = read_probe(cmds["probe"][1]["MEMRULES_PROBE"])
    # Objects of the other ways are not needed any more (keep plain and plugin).
    for w in ("analyzer", "plugin2", "probe"):
        if w in o and os.path.exists(o[w]):
            os.unlink(o[w])
    return rec


PROBE_FIELDS = ["name", "blocks", "events", "lower_us", "analyze_us", "work",
                "stopped", "degraded", "findings", "memory_kb", "stopped_memory"]
# A probe built before the memory cap writes the first 9 fields only.
PROBE_OLD = 9


def read_probe(path):
    funcs = []
    try:
        with open(path) as f:
            for line in f:
                v = line.rstrip("\n").split("\t")
                if len(v) == PROBE_OLD:
                    v += ["0", "0"]
                if len(v) == len(PROBE_FIELDS):
                    d = dict(zip(PROBE_FIELDS, v))
                    for k in PROBE_FIELDS[1:]:
                        d[k] = float(d[k]) if k.endswith("_us") else int(d[k])
                    funcs.append(d)
    except OSError:
        pass
    return funcs


def ratio(a, b):
    return round(a / b, 4) if b else None


def summarize(name, recs, loc, top):
    """Summary of one project (or of all: name 'overall')."""
    s = {"project": name, "tus": len(recs),
         "lines": loc[0], "nonblank_lines": loc[1], "sources": loc[2]}
    ways = [w for w in TIMED if all(w in r["runs"] for r in recs)] if recs else []
    for w in ways:
        s["cpu_" + w] = round(sum(r["runs"][w]["cpu"] for r in recs), 3)
        s["peak_rss_kb_" + w] = max(r["runs"][w]["maxrss_kb"] for r in recs)
        s["sum_rss_kb_" + w] = sum(r["runs"][w]["maxrss_kb"] for r in recs)
    for w in ways[1:]:
        s["cpu_ratio_" + w] = ratio(s["cpu_" + w], s["cpu_plain"])
        s["peak_rss_ratio_" + w] = ratio(s["peak_rss_kb_" + w], s["peak_rss_kb_plain"])
        s["max_tu_rss_ratio_" + w] = max(
            (ratio(r["runs"][w]["maxrss_kb"], r["runs"]["plain"]["maxrss_kb"]) or 0)
            for r in recs)
        s["timeouts_" + w] = sum(1 for r in recs if r["runs"][w].get("timeout"))
        # Units where this way failed but plain gcc did not (for -fanalyzer: out of
        # its memory limit or time); their CPU until then is counted.
        s["failed_" + w] = [r["rel"] for r in recs if r["runs"][w]["rc"] != 0
                            and r["runs"]["plain"]["rc"] == 0]
    for k in ("ice", "pluginfail", "objdiff", "unstable", "plainfail"):
        s[k] = sum(1 for r in recs if r.get(k))
    if recs and all("stderr_stable" in r for r in recs):
        s["stderr_unstable"] = sum(1 for r in recs if not r["stderr_stable"])
    # Per-TU plugin/plain ratios; tiny TUs are noise, so also count those >= 0.1 s.
    per = []
    for r in recs:
        p, q = r["runs"]["plain"], r["runs"]["plugin"]
        if p["rc"] == 0 and p["cpu"] > 0:
            d = {"src": r["rel"], "plain": round(p["cpu"], 3),
                 "plugin": round(q["cpu"], 3), "ratio": ratio(q["cpu"], p["cpu"]),
                 "added": round(q["cpu"] - p["cpu"], 3)}
            if "analyzer" in r["runs"]:
                a = r["runs"]["analyzer"]
                d["analyzer"] = round(a["cpu"], 3)
                d["analyzer_ratio"] = ratio(a["cpu"], p["cpu"])
            if "before" in r["runs"]:
                d["before_ratio"] = ratio(r["runs"]["before"]["cpu"], p["cpu"])
            per.append(d)
    s["tus_over_1_5x"] = sum(1 for d in per if d["ratio"] > 1.5)
    s["tus_over_1_5x_ge_0_1s"] = sum(1 for d in per if d["ratio"] > 1.5
                                     and d["plain"] >= 0.1)
    s["max_tu_ratio"] = max((d["ratio"] for d in per), default=None)
    s["max_tu_ratio_ge_0_1s"] = max((d["ratio"] for d in per if d["plain"] >= 0.1),
                                    default=None)
    s["slowest_by_ratio"] = sorted(per, key=lambda d: -d["ratio"])[:top]
    s["slowest_by_ratio_ge_0_1s"] = sorted([d for d in per if d["plain"] >= 0.1],
                                           key=lambda d: -d["ratio"])[:top]
    rss = [{"src": r["rel"], "plain_kb": r["runs"]["plain"]["maxrss_kb"],
            "plugin_kb": r["runs"]["plugin"]["maxrss_kb"],
            "ratio": ratio(r["runs"]["plugin"]["maxrss_kb"],
                           r["runs"]["plain"]["maxrss_kb"])}
           for r in recs if r["runs"]["plain"]["rc"] == 0]
    s["largest_rss_ratio"] = sorted(rss, key=lambda d: -(d["ratio"] or 0))[:top]
    s["tus_rss_over_5pct"] = sum(1 for d in rss if (d["ratio"] or 0) > 1.05)
    s["slowest_by_added"] = sorted(per, key=lambda d: -d["added"])[:top]
    s["slowest_plugin"] = sorted(per, key=lambda d: -d["plugin"])[:top]
    # Warnings: each distinct one (a header's can come from many TUs) once.
    for kind, field in (("memrules", "memrules"), ("analyzer", "analyzer_w")):
        if not recs or not all(field in r for r in recs):
            continue
        seen = {}
        for r in recs:
            for key, rule in r[field]:
                seen.setdefault(key, rule)
        by = {}
        for rule in seen.values():
            by[rule] = by.get(rule, 0) + 1
        kloc = loc[0] / 1000.0
        s[kind + "_warnings"] = len(seen)
        s[kind + "_per_kloc"] = round(len(seen) / kloc, 4) if kloc else None
        s[kind + "_by_rule"] = {k: {"count": v, "per_kloc": round(v / kloc, 4)
                                    if kloc else None}
                                for k, v in sorted(by.items(), key=lambda x: -x[1])}
    funcs = [f for r in recs for f in r.get("functions", [])]
    if recs and all("functions" in r for r in recs):
        s["functions"] = len(funcs)
        s["functions_stopped"] = sum(f["stopped"] for f in funcs)
        s["functions_stopped_memory"] = sum(f["stopped_memory"] for f in funcs)
        s["max_memory_kb"] = max((f["memory_kb"] for f in funcs), default=0)
        s["functions_degraded"] = sum(f["degraded"] for f in funcs)
        s["max_work"] = max((f["work"] for f in funcs), default=0)
        s["pass_cpu_s"] = round(sum(f["lower_us"] + f["analyze_us"] for f in funcs) / 1e6, 3)
        s["lower_cpu_s"] = round(sum(f["lower_us"] for f in funcs) / 1e6, 3)
        s["analyze_cpu_s"] = round(sum(f["analyze_us"] for f in funcs) / 1e6, 3)
        key = {id(f): r["rel"] for r in recs for f in r.get("functions", [])}
        s["slowest_functions"] = [
            dict(f, src=key[id(f)]) for f in
            sorted(funcs, key=lambda f: -(f["lower_us"] + f["analyze_us"]))[:top]]
        s["stopped_functions"] = [dict(f, src=key[id(f)]) for f in funcs
                                  if f["stopped"]][:50]
    return s


def main():
    p = argparse.ArgumentParser(usage=__doc__.split("usage: ")[1])
    p.add_argument("--plugin")
    p.add_argument("--plugin-arg", dest="plugin_args", action="append", default=[],
                   help="extra flag for the plugin ways (repeatable)")
    p.add_argument("--probe")
    p.add_argument("--before", help="an earlier memrules.so, timed as its own way "
                   "('before') next to --plugin: cpu_ratio_before against plain gcc")
    p.add_argument("--cc", help="compiler in place of the recorded one (e.g. gcc-11 "
                   "for a plugin built for GCC 11)")
    p.add_argument("--corpus", default=os.environ.get("MEMRULES_CORPUS",
                                                      "/var/tmp/memrules-corpus"))
    p.add_argument("--projects", default=" ".join(PROJECTS))
    p.add_argument("--quick", action="store_true")
    p.add_argument("--repeat", type=int, default=1,
                   help="runs of plain and plugin per TU, the minimum is kept")
    p.add_argument("--analyzer-repeat", type=int, default=1,
                   help="runs of -fanalyzer per TU (default 1: its ratio is far from 1)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--no-analyzer", dest="analyzer", action="store_false")
    p.add_argument("--stability", action="store_true")
    p.add_argument("--timeout", type=float, default=1800,
                   help="seconds before a -fanalyzer compile is killed (0: never)")
    p.add_argument("--analyzer-mem", type=float, default=8,
                   help="GiB of address space for a -fanalyzer compile (0: no limit)")
    p.add_argument("--top", type=int, default=5)
    p.add_argument("--out", default=os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "results", "corpus"))
    p.add_argument("--summarize-only", action="store_true",
                   help="recompute the summaries of OUT/corpus.json from its units")
    opts = p.parse_args()
    if opts.summarize_only:
        return resummarize(os.path.abspath(opts.out), opts.top)
    if not opts.plugin:
        p.error("--plugin is required")
    opts.plugin = os.path.abspath(opts.plugin)
    if opts.probe:
        opts.probe = os.path.abspath(opts.probe)
    if opts.before:
        opts.before = os.path.abspath(opts.before)
    names = opts.projects.split()
    if opts.quick:
        names = [n for n in names if n in QUICK] or list(QUICK)
    out = os.path.abspath(opts.out)
    projects = []
    for n in names:
        proj = Project(n, opts.corpus, out, opts.quick)
        shutil.rmtree(proj.out, ignore_errors=True)
        for w in TIMED + ["plugin2", "probe"]:
            os.makedirs(os.path.join(proj.out, w), exist_ok=True)
        projects.append(proj)

    # Biggest sources first, so the long units do not come last (2 cores).
    jobs = [(proj, n, u) for proj in projects for n, u in enumerate(proj.units)]
    jobs.sort(key=lambda j: -os.path.getsize(os.path.normpath(
        os.path.join(j[2][0], j[2][1]))))
    log("%d TUs of %s, ways: %s%s%s, repeat %d, %d jobs" % (
        len(jobs), " ".join(names), " ".join(timed_ways(opts)),
        " +plugin2" if opts.stability else "", " +probe" if opts.probe else "",
        opts.repeat, opts.jobs))
    t0 = time.monotonic()
    recs = {proj.name: {} for proj in projects}
    done = 0
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        futs = {pool.submit(measure_unit, proj, n, u, opts): (proj, n)
                for proj, n, u in jobs}
        for fut in concurrent.futures.as_completed(futs):
            proj, n = futs[fut]
            rec = fut.result()
            recs[proj.name][n] = rec
            done += 1
            r = rec["runs"]
            flags = [k for k in ("ice", "pluginfail", "objdiff") if rec[k]]
            if rec.get("stderr_stable") is False:
                flags.append("stderr-unstable")
            if done % 25 == 0 or flags or r["plain"]["cpu"] > 5:
                log("%d/%d %s %s plain %.2fs plugin %.2fs%s %s" % (
                    done, len(jobs), proj.name, os.path.relpath(rec["src"], proj.root),
                    r["plain"]["cpu"], r["plugin"]["cpu"],
                    " analyzer %.2fs" % r["analyzer"]["cpu"] if "analyzer" in r else "",
                    " ".join(flags).upper()))
    elapsed = time.monotonic() - t0

    result = {"plugin": opts.plugin, "plugin_sha256": fingerprint(opts.plugin),
              "before": opts.before,
              "plugin_args": opts.plugin_args,
              "probe": bool(opts.probe), "quick": opts.quick, "repeat": opts.repeat,
              "analyzer_repeat": opts.analyzer_repeat,
              "jobs": opts.jobs, "analyzer_mem": opts.analyzer_mem,
              "analyzer_timeout": opts.timeout, "gcc": subprocess.run(
                  [opts.cc or "gcc", "-dumpfullversion"], capture_output=True,
                  text=True).stdout.strip(),
              "cpus": os.cpu_count(), "elapsed_s": round(elapsed, 1),
              "projects": [], "units": {}}
    units = {proj.name: [recs[proj.name][n] for n in sorted(recs[proj.name])]
             for proj in projects}
    add_summaries(result, units, opts.top)
    with open(os.path.join(out, "corpus.json"), "w") as f:
        json.dump(result, f, indent=1)
    o = result["overall"]
    log("done in %.0fs: plugin/plain CPU %s,%s analyzer/plain %s, ICE %d, objdiff %d%s" % (
        elapsed, o.get("cpu_ratio_plugin"), " before/plain %s," % o.get("cpu_ratio_before")
        if opts.before else "", o.get("cpu_ratio_analyzer"), o["ice"],
        o["objdiff"], ", stderr unstable %d" % o["stderr_unstable"]
        if "stderr_unstable" in o else ""))
    log("wrote", os.path.join(out, "corpus.json"))
    return 1 if (o["ice"] or o["pluginfail"] or o["objdiff"]
                 or o.get("stderr_unstable")) else 0


def resummarize(out, top):
    path = os.path.join(out, "corpus.json")
    with open(path) as f:
        result = json.load(f)
    add_summaries(result, result["units"], top)
    with open(path, "w") as f:
        json.dump(result, f, indent=1)
    log("re-summarized", path)
    return 0


def add_summaries(result, units, top):
    """Per-project and overall summaries (lines counted once per source file)."""
    result["projects"], result["units"] = [], {}
    all_recs, all_loc, seen_src = [], [0, 0, 0], set()
    for name, rs in units.items():
        loc = [0, 0, 0]
        for r in rs:
            r.pop("lines", None)
            if r["src"] not in seen_src:
                seen_src.add(r["src"])
                lines, nonblank = count_lines(r["src"])
                r["lines"] = lines
                loc[0] += lines
                loc[1] += nonblank
                loc[2] += 1
        result["projects"].append(summarize(name, rs, loc, top))
        result["units"][name] = rs
        all_recs += rs
        all_loc = [a + b for a, b in zip(all_loc, loc)]
    result["overall"] = summarize("overall", all_recs, all_loc, top * 2)


if __name__ == "__main__":
    sys.exit(main())
