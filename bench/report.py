#!/usr/bin/env python3
"""report.py - bench/results/report.md and report.json from the pieces' results.

  results/corpus/corpus.json   bench/measure.py (cost, memory, warnings, objects)
  results/synth.json           bench/synth.py run (scaling, budget)
  results/robust/robust.json   bench/robust.py (ICE, objects, stability)

Any of them may be missing (its section says so).  The targets (issue 6): plugin
overhead at most 5% of total CPU time and of peak RSS over plain -O2 on the corpus,
no translation unit above 1.5x, every function analysed within its budget, and no
ICE, identical objects and stable diagnostics everywhere.

usage: report.py [--results DIR] [--command "what was run"]
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def pct(r):
    return "n/a" if r is None else "%+.1f%%" % ((r - 1) * 100)


def x(r):
    return "n/a" if r is None else "%.2fx" % r


def mb(kb):
    return "%.0f" % (kb / 1024.0)


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def verdict(ok):
    return "met" if ok else "**not met**"


def corpus_section(c, md, targets):
    if not c:
        md.append("## Corpus\n\nNo results (run `bench/run.sh`).\n")
        return
    o = c["overall"]
    an = "cpu_analyzer" in o
    md.append("## Corpus: cost of the pass on real code\n")
    md.append("gcc %s, %d CPUs, %d jobs, %s run%s each way; CPU = user+sys of the "
              "compile (driver, cc1, as), peak RSS = its largest ru_maxrss.%s\n" % (
                  c["gcc"], c["cpus"], c["jobs"], c["repeat"],
                  " (minimum of)" if c["repeat"] > 1 else "",
                  " **Quick mode: a subset.**" if c["quick"] else ""))
    head = ["project", "TUs", "kLOC", "plain CPU s", "plugin CPU s", "plugin/plain"]
    if an:
        head += ["-fanalyzer CPU s", "analyzer/plain"]
    head += ["peak RSS plain MB", "plugin RSS", "max TU plugin/plain", "TUs > 1.5x"]
    if an:
        head += ["analyzer RSS"]
    head += ["memrules warn/kLOC"]
    if an:
        head += ["-fanalyzer warn/kLOC"]
    rows = []
    for s in c["projects"] + [o]:
        r = [("**%s**" % s["project"]) if s is o else s["project"], s["tus"],
             "%.1f" % (s["lines"] / 1000.0), "%.2f" % s["cpu_plain"],
             "%.2f" % s["cpu_plugin"], "%s (%s)" % (x(s["cpu_ratio_plugin"]),
                                                    pct(s["cpu_ratio_plugin"]))]
        if an:
            inc = " (%d incomplete)" % len(s["failed_analyzer"]) if s.get("failed_analyzer") else ""
            r += ["%.1f%s" % (s["cpu_analyzer"], inc), x(s["cpu_ratio_analyzer"])]
        r += [mb(s["peak_rss_kb_plain"]), pct(s["peak_rss_ratio_plugin"]),
              "%s (%s for TUs >= 0.1 s)" % (x(s["max_tu_ratio"]),
                                             x(s["max_tu_ratio_ge_0_1s"])),
              "%d (%d >= 0.1 s)" % (s["tus_over_1_5x"], s["tus_over_1_5x_ge_0_1s"])]
        if an:
            r += [x(s["peak_rss_ratio_analyzer"])]
        r += ["%.3f (%d)" % (s.get("memrules_per_kloc") or 0, s.get("memrules_warnings", 0))]
        if an:
            r += ["%.3f (%d)" % (s.get("analyzer_per_kloc") or 0, s.get("analyzer_warnings", 0))]
        rows.append(r)
    md.append(table(head, rows))
    md.append("kLOC: physical lines of the TUs' own .c files (each file once; headers not "
              "counted). Warnings: distinct ones (a header's warning seen from several TUs "
              "counts once), count in parentheses. Plugin RSS: the largest plugin compile's "
              "peak RSS against the largest plain one's; the largest per-TU ratio is %s.\n"
              % x(o.get("max_tu_rss_ratio_plugin")))
    if an and o.get("failed_analyzer"):
        md.append("-fanalyzer did not finish on: %s (limit: %s GiB of address space, or "
                  "the time limit; the CPU it used until then is counted, so its "
                  "totals are lower bounds).\n" % (", ".join(o["failed_analyzer"]),
                                                   c.get("analyzer_mem", "8")))

    md.append("### Slowest translation units with the plugin\n")
    head = ["TU", "plain s", "plugin s", "plugin/plain", "added s"] + \
        (["-fanalyzer s", "analyzer/plain"] if an else [])
    def tu_rows(lst):
        return [[d["src"], "%.2f" % d["plain"], "%.2f" % d["plugin"], x(d["ratio"]),
                 "%+.2f" % d["added"]] +
                (["%.2f" % d["analyzer"], x(d["analyzer_ratio"])] if an and "analyzer" in d
                 else (["", ""] if an else [])) for d in lst]
    md.append("By added time:\n\n" + table(head, tu_rows(o["slowest_by_added"])))
    md.append("By ratio, TUs of at least 0.1 s plain (below that, timer noise):\n\n" +
              table(head, tu_rows(o.get("slowest_by_ratio_ge_0_1s", o["slowest_by_ratio"]))))
    if "largest_rss_ratio" in o:
        md.append("### Peak RSS per TU\n")
        md.append("%d of %d TUs have a plugin peak RSS more than 5%% above plain; loading "
                  "the plugin costs about 2 MB in every compile, which is more than 5%% of "
                  "the small TUs' 20-25 MB. Largest ratios:\n\n" % (
                      o["tus_rss_over_5pct"], o["tus"]) +
                  table(["TU", "plain MB", "plugin MB", "plugin/plain"],
                        [[d["src"], mb(d["plain_kb"]), mb(d["plugin_kb"]), x(d["ratio"])]
                         for d in o["largest_rss_ratio"]]))

    if "memrules_by_rule" in o:
        md.append("### memrules warnings by rule\n")
        rules = list(o["memrules_by_rule"])
        head = ["rule"] + [s["project"] for s in c["projects"]] + ["total", "per kLOC"]
        rows = []
        for rule in rules:
            rows.append([rule] + [s.get("memrules_by_rule", {}).get(rule, {}).get("count", 0)
                                  for s in c["projects"]] +
                        [o["memrules_by_rule"][rule]["count"],
                         "%.3f" % o["memrules_by_rule"][rule]["per_kloc"]])
        md.append(table(head, rows) if rows else "None.\n")
    if an and "analyzer_by_rule" in o:
        md.append("### -fanalyzer warnings by kind\n")
        rows = [[k, v["count"], "%.3f" % v["per_kloc"]]
                for k, v in list(o["analyzer_by_rule"].items())[:15]]
        md.append(table(["-Wanalyzer-", "count", "per kLOC"], rows) if rows else "None.\n")

    if "functions" in o:
        md.append("### Budget: every function analysed within it?\n")
        md.append("From the probe build of the plugin (bench/probe/): %d functions "
                  "lowered and analysed; **%d stopped by the work budget or the memory "
                  "cap** (default 20,000,000 units, 256 MiB; %d by the cap), %d had a "
                  "block's states merged past states=16; the most work one function took: "
                  "%d units, the most memory: %.1f MiB. Pass CPU over the "
                  "corpus: %.2f s (lowering %.2f s, analysis %.2f s), against a plugin-plain "
                  "difference of %+.2f s in total CPU.\n" % (
                      o["functions"], o["functions_stopped"],
                      o.get("functions_stopped_memory", 0), o["functions_degraded"],
                      o["max_work"], o.get("max_memory_kb", 0) / 1024.0, o["pass_cpu_s"],
                      o["lower_cpu_s"], o["analyze_cpu_s"], o["cpu_plugin"] - o["cpu_plain"]))
        rows = [[f["src"], f["name"], f["blocks"], f["events"], "%.1f" % (f["lower_us"] / 1e3),
                 "%.1f" % (f["analyze_us"] / 1e3), f["work"], "yes" if f["stopped"] else "",
                 "yes" if f["degraded"] else ""] for f in o["slowest_functions"]]
        md.append("Costliest functions:\n\n" + table(
            ["TU", "function", "blocks", "events", "lower ms", "analyse ms", "work",
             "stopped", "merged"], rows))
        if o["stopped_functions"]:
            md.append("Stopped by the budget: %s\n" % ", ".join(
                "%s (%s)" % (f["name"], f["src"]) for f in o["stopped_functions"]))
        targets.append(("every function analysed within its budget (corpus)",
                        "%d of %d stopped" % (o["functions_stopped"], o["functions"]),
                        o["functions_stopped"] == 0))
    targets.insert(0, ("plugin CPU overhead <= 5% (corpus total)",
                       pct(o["cpu_ratio_plugin"]), o["cpu_ratio_plugin"] <= 1.05))
    targets.insert(1, ("plugin peak RSS overhead <= 5% (corpus peak)",
                       "%s; per TU: %d of %d above +5%%, largest %s" % (
                           pct(o["peak_rss_ratio_plugin"]), o.get("tus_rss_over_5pct", -1),
                           o["tus"], pct(o["max_tu_rss_ratio_plugin"])),
                       o["peak_rss_ratio_plugin"] <= 1.05))
    targets.insert(2, ("no TU above 1.5x", "%d above (max %s); %d of those >= 0.1 s "
                       "plain (max %s)" % (o["tus_over_1_5x"], x(o["max_tu_ratio"]),
                                           o["tus_over_1_5x_ge_0_1s"],
                                           x(o["max_tu_ratio_ge_0_1s"])),
                       o["tus_over_1_5x"] == 0))
    bad = o["ice"] + o["pluginfail"]
    targets.append(("corpus: no ICE / plugin-only failure", "%d" % bad, bad == 0))
    targets.append(("corpus: identical objects", "%d differ (%d TUs not reproducible "
                    "by themselves)" % (o["objdiff"], o["unstable"]), o["objdiff"] == 0))
    if "stderr_unstable" in o:
        targets.append(("corpus: same diagnostics on a second run (-j%d)" % c["jobs"],
                        "%d differ" % o["stderr_unstable"], o["stderr_unstable"] == 0))


def synth_section(s, md, targets):
    md.append("## Scaling: synthetic worst cases (bench/synth.py)\n")
    if not s:
        md.append("No results (run `bench/synth.py run`).\n")
        return
    md.append("One file per case, `gcc -O0 -c`, plain and with the plugin (CPU s, min of "
              "%d); *pass* is the plugin's own CPU (lowering + analysis) from the probe "
              "build, *work* the largest function's work units, *stopped* the functions "
              "the budget cut short. Growth: slope of log(time) against log(size), "
              "size^1 = linear, size^2 = quadratic; the pass's time at a fixed budget "
              "still grows with the function's size (a work unit costs more in a "
              "bigger state).%s\n" % (
                  s["repeat"], " **Quick mode: small sizes.**" if s["quick"] else ""))
    for kind, k in s["kinds"].items():
        rows = [[r["size"], r["lines"], "%.2f" % r["plain_s"], "%.2f" % r["plugin_s"],
                 "%+.2f" % r["added_s"], x(r["ratio"]),
                 "%.3f" % r["pass_s"] if "pass_s" in r else "",
                 r.get("max_work", ""), r.get("stopped", ""),
                 "%.0f" % (r["plugin_rss_kb"] / 1024.0)] for r in k["rows"]]
        g = k["growth"]
        if "pass_s_uncapped" in g:
            gtext = ("before the budget stops it: pass time ~ size^%s, work ~ size^%s; "
                     "budget first stops it at size %s; after that pass time ~ size^%s; "
                     "added compile time over the last 4 sizes ~ size^%s" % (
                         g["pass_s_uncapped"], g["work_uncapped"], g["first_stopped_size"],
                         g["pass_s_capped"], g["added_s"]))
        else:
            gtext = "added compile time ~ size^%s" % g.get("added_s")
        md.append("**%s** (%s)\n\n" % (kind, gtext) +
            table(["size", "lines", "plain s", "plugin s", "added s", "ratio", "pass s",
                   "work", "stopped", "plugin RSS MB"], rows))
    if s.get("budget"):
        md.append("### What the budget bounds\n")
        md.append("The largest cases again with other limits (`-fplugin-arg-memrules-"
                  "budget=N`, default 20,000,000 work units per function; "
                  "`-fplugin-arg-memrules-states=N`, default 16):\n\n")
        rows = [[b["kind"], b["size"], b["setting"], "%.2f" % b["compile_s"],
                 "%.3f" % b["pass_s"], b["max_work"], b["stopped"],
                 "%.0f" % (b["rss_kb"] / 1024.0),
                 "TIMEOUT" if b["timeout"] else "ok" if b["rc"] == 0 else
                 "out of memory (%s GiB limit)" % b.get("mem_limit_gib", "?")
                 if b.get("oom") else "rc %d" % b["rc"]]
                for b in s["budget"]]
        md.append(table(["case", "size", "limits", "compile s", "pass s", "work",
                         "stopped", "RSS MB", "result"], rows))
        default = [b for b in s["budget"] if b["setting"] == "default"]
        if default:
            worst = max(b["pass_s"] for b in default)
            rss = max(b["rss_kb"] for b in default)
            targets.append(("synthetic worst cases bounded by the default budget",
                            "time: worst pass %.2f s for one function; memory: up to "
                            "%.1f GB for one compile" % (worst, rss / 1024.0 / 1024.0),
                            all(not b["timeout"] and not b.get("oom") for b in default)))


def robust_section(r, md, targets):
    md.append("## Robustness (bench/robust.py)\n")
    if not r:
        md.append("No results (run `bench/robust.py torture csmith random`).\n")
        return
    md.append("Each case: plain, plugin, plugin again; objects compared with `cmp`, the two "
              "plugin runs' stderr compared byte for byte.\n\n")
    rows = []
    for s in r["suites"]:
        if s.get("skipped"):
            rows.append([s["suite"], "skipped: " + s["skipped"]] + [""] * 7)
        elif s["suite"] == "make-j":
            rows.append(["make -j%d vs -j1 (torture)" % s.get("jobs", 2), s["files"], "",
                         "", "", "", "same" if s["ok"] else "**DIFFERENT**", "", ""])
        else:
            rows.append([s["suite"], s["inputs"], s["compiles"], s["ice"], s["pluginfail"],
                         s["objdiff"], s["unstable"], s["plainfail"], s["warnings"]])
    md.append(table(["suite", "inputs", "compiles", "ICE", "plugin-only failures",
                     "objects differ", "diagnostics differ", "plain gcc fails",
                     "memrules warnings"], rows))
    for s in r["suites"]:
        for f in s.get("failures", [])[:20]:
            md.append("- %s %s: %s (%s)\n" % (s["suite"], f["name"], ", ".join(
                k for k in ("ice", "pluginfail", "objdiff", "unstable") if f[k]),
                f.get("workdir", "")))
    suites = [s for s in r["suites"] if not s.get("skipped") and s["suite"] != "make-j"]
    bad = sum(s["ice"] + s["pluginfail"] for s in suites)
    targets.append(("torture/csmith/random: no ICE", "%d" % bad, bad == 0))
    bad = sum(s["objdiff"] for s in suites)
    targets.append(("torture/csmith/random: identical objects", "%d differ" % bad, bad == 0))
    bad = sum(s["unstable"] for s in suites) + sum(
        1 for s in r["suites"] if s["suite"] == "make-j" and not s["ok"])
    targets.append(("torture/csmith/random: stable diagnostics (and make -j)",
                    "%d differ" % bad, bad == 0))


def main():
    p = argparse.ArgumentParser(usage=__doc__.split("usage: ")[1])
    p.add_argument("--results", default=os.path.join(BENCH, "results"))
    p.add_argument("--command", default="")
    opts = p.parse_args()
    res = opts.results
    corpus = load(os.path.join(res, "corpus", "corpus.json"))
    synth = load(os.path.join(res, "synth.json"))
    robust = load(os.path.join(res, "robust", "robust.json"))
    rev = subprocess.run(["git", "-C", BENCH, "describe", "--always", "--dirty"],
                         capture_output=True, text=True).stdout.strip()
    md = ["# memrules benchmark report\n",
          "Generated %s on %s (bench/ from tree %s).%s\n" % (
              datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), os.uname().nodename,
              rev or "?", ("\n\nCommand: `%s`" % opts.command) if opts.command else "")]
    targets = []
    body = []
    prints = {name: d.get("plugin_sha256") for name, d in
              (("corpus", corpus), ("synth", synth), ("robustness", robust)) if d}
    md.append("Plugin (sha256 of the .so, first 12 digits): %s.%s\n" % (
        ", ".join("%s %s" % (k, v or "?") for k, v in prints.items()),
        "" if len(set(prints.values())) <= 1 else
        " **The sections come from different plugin builds.**"))
    corpus_section(corpus, body, targets)
    synth_section(synth, body, targets)
    robust_section(robust, body, targets)
    md.append("## Targets\n")
    md.append(table(["target", "measured", "verdict"],
                    [[t, m, verdict(ok)] for t, m, ok in targets]))
    md += body
    text = "\n".join(md)
    with open(os.path.join(res, "report.md"), "w") as f:
        f.write(text)
    slim = dict(corpus or {})
    slim.pop("units", None)
    with open(os.path.join(res, "report.json"), "w") as f:
        json.dump({"generated": datetime.datetime.now().isoformat(timespec="seconds"),
                   "tree": rev, "command": opts.command,
                   "targets": [{"target": t, "measured": m, "met": ok}
                               for t, m, ok in targets],
                   "corpus": slim or None, "synth": synth, "robustness": robust},
                  f, indent=1)
    print(os.path.join(res, "report.md"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
