#!/usr/bin/env python3
"""synth.py - synthetic worst cases for the memrules pass, and their scaling report.

Generators (each one C file, the size N is what grows):

  branches  one function, N if/else on unknown conditions over N/8 heap pointers
            (free + malloc again on one side, a use on the other)
  loops     N nested for loops, each allocating and freeing at its level
  calls     a chain of N functions, each calling the next with a heap pointer
            (frees it on one path), plus one function making N calls in a row
  switch    a loop around a switch of N cases over N/8 pointers (free, malloc,
            use, swap), the case a state machine's worst case
  straight  N malloc / use / free triples in one function: the linear baseline
  random    a random program (--seed): malloc/calloc/realloc/strdup/free, loads and
            stores, pointers in structs and arrays, if/else, loops with break and
            continue, switch, goto, early returns, calls between its functions
            (bench/robust.py compiles hundreds of them)

  synth.py gen KIND N [--seed S]              print the C file
  synth.py run [--plugin SO] [--probe SO] [--quick] [--repeat N] [--out DIR]

`run` compiles each generator at increasing sizes with gcc -O0 -c, plain and with
the plugin (min CPU of --repeat runs), and once with the probe plugin for the pass's
own time (lowering + analysis), its work units and whether the budget stopped it.
Then it compiles the biggest cases again with the budget and the states limit raised,
to show what the budget bounds.  Every compile runs under prlimit --as (--mem GiB,
default 8): a case past it is reported "out of memory".  Results: OUT/synth.json (bench/report.py renders
them).
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import run_rusage, read_probe, fingerprint  # noqa: E402

HEAD = "#include <stdlib.h>\n#include <string.h>\n" \
       "extern int c (int);\nextern void use (void *);\n"


def gen_branches(n):
    k = max(4, n // 8)
    out = [HEAD, "void f (void)\n{\n"]
    out += ["  char *p%d = malloc (16);\n  if (!p%d) return;\n" % (i, i) for i in range(k)]
    for i in range(n):
        j = i % k
        out.append("  if (c (%d))\n    use (p%d);\n  else\n    {\n      free (p%d);\n"
                   "      p%d = malloc (%d);\n      if (!p%d) return;\n    }\n"
                   % (i, (j * 7 + 3) % k, j, j, i + 1, j))
    out += ["  free (p%d);\n" % i for i in range(k)]
    out.append("}\n")
    return "".join(out)


def gen_loops(n):
    out = [HEAD, "void f (int n)\n{\n"]
    for d in range(n):
        ind = "  " * (d + 1)
        out.append("%sfor (int i%d = 0; i%d < n; i%d++)\n%s  {\n%s    char *q%d = malloc (%d);\n"
                   "%s    if (c (%d)) { free (q%d); continue; }\n"
                   % (ind, d, d, d, ind, ind, d, d + 1, ind, d, d))
    inner = "  " * (n + 2)
    out.append("%suse (q%d);\n" % (inner, n - 1))
    for d in reversed(range(n)):
        ind = "  " * (d + 1)
        out.append("%s    if (c (-%d)) { free (q%d); break; }\n%s    free (q%d);\n%s  }\n"
                   % (ind, d, d, ind, d, ind))
    out.append("}\n")
    return "".join(out)


def gen_calls(n):
    out = [HEAD]
    out += ["static void g%d (char *p);\n" % i for i in range(n + 1)]
    out.append("static void g%d (char *p) { free (p); }\n" % n)
    for i in range(n):
        out.append("static void __attribute__ ((noinline))\ng%d (char *p)\n{\n"
                   "  if (c (%d))\n    { free (p); return; }\n  use (p);\n  g%d (p);\n}\n"
                   % (i, i, i + 1))
    out.append("char *h (void)\n{\n  char *p = malloc (8);\n  if (!p) return 0;\n")
    for i in range(n):
        out.append("  if (c (%d)) { g%d (p); p = malloc (%d); if (!p) return 0; }\n"
                   "  use (p);\n" % (i, i, i + 1))
    out.append("  return p;\n}\n")
    return "".join(out)


def gen_switch(n):
    k = max(4, n // 8)
    out = [HEAD, "void f (void)\n{\n"]
    out += ["  char *p%d = 0;\n" % i for i in range(k)]
    out.append("  for (;;)\n    switch (c (0))\n      {\n")
    for i in range(n):
        j = i % k
        op = (i // k) % 4
        body = ["free (p%d); p%d = 0;" % (j, j),
                "if (!p%d) p%d = malloc (%d);" % (j, j, i + 1),
                "if (p%d) use (p%d);" % (j, j),
                "{ char *t = p%d; p%d = p%d; p%d = t; }" % (j, j, (j + 1) % k, (j + 1) % k)][op]
        out.append("      case %d: %s break;\n" % (i, body))
    out.append("      default:\n")
    out += ["        free (p%d);\n" % i for i in range(k)]
    out.append("        return;\n      }\n}\n")
    return "".join(out)


def gen_straight(n):
    out = [HEAD, "void f (void)\n{\n"]
    for i in range(n):
        out.append("  char *p%d = malloc (%d);\n  if (!p%d) return;\n  use (p%d);\n"
                   "  free (p%d);\n" % (i, i + 1, i, i, i))
    out.append("}\n")
    return "".join(out)


# ---- random programs (robustness) -------------------------------------------------

class RandomProgram:
    """A random, valid C program exercising what the engine models."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.nfuncs = self.r.randint(2, 6)
        self.label = 0

    def cond(self, ptrs):
        r = self.r
        x = r.random()
        if x < 0.3 and ptrs:
            return "%s %s 0" % (r.choice(ptrs), r.choice(["==", "!="]))
        if x < 0.5:
            return "n %s %d" % (r.choice(["<", ">", "==", "!=", "<=", ">="]), r.randint(-2, 9))
        if x < 0.6 and ptrs:
            return "%s == %s" % (r.choice(ptrs), r.choice(ptrs))
        if x < 0.7:
            return "(n & %d) && c (%d)" % (r.randint(1, 15), r.randint(0, 99))
        return "c (%d)" % r.randint(0, 99)

    def size(self):
        r = self.r
        return r.choice(["16", "n", "n * 4", "sizeof (struct s)", "(size_t) n * sizeof (int)",
                         "0", "n + 1", "m"])

    def stmt(self, ptrs, depth, fn):
        r = self.r
        p = r.choice(ptrs)
        q = r.choice(ptrs)
        k = r.random()
        if depth < 4 and k < 0.10:
            body = self.block(ptrs, depth + 1, fn)
            if r.random() < 0.5:
                return "if (%s)\n%s" % (self.cond(ptrs), body)
            return "if (%s)\n%selse\n%s" % (self.cond(ptrs), body, self.block(ptrs, depth + 1, fn))
        if depth < 3 and k < 0.15:
            v = "i%d" % r.randint(0, 999)
            return "for (int %s = 0; %s < n; %s++)\n%s" % (v, v, v, self.block(ptrs, depth + 1, fn, loop=True))
        if depth < 3 and k < 0.18:
            return "while (c (%d))\n%s" % (r.randint(0, 99), self.block(ptrs, depth + 1, fn, loop=True))
        if depth < 3 and k < 0.21:
            cases = "".join("case %d: %s break;\n" % (i, self.simple(ptrs, fn))
                            for i in range(r.randint(1, 6)))
            return "switch (n) {\n%sdefault: %s break;\n}\n" % (cases, self.simple(ptrs, fn))
        if k < 0.23:
            return "if (%s) goto out;\n" % self.cond(ptrs)
        if k < 0.25:
            return "if (%s) return %s;\n" % (self.cond(ptrs), r.choice(["0", p]))
        return self.simple(ptrs, fn)

    def simple(self, ptrs, fn):
        r = self.r
        p, q = r.choice(ptrs), r.choice(ptrs)
        ops = [
            "%s = malloc (%s);" % (p, self.size()),
            "%s = calloc (n, %s);" % (p, self.size()),
            "%s = realloc (%s, %s);" % (p, q, self.size()),
            "%s = realloc (%s, %s);" % (q, p, self.size()),
            "free (%s);" % p,
            "free (%s); %s = 0;" % (p, p),
            "%s = %s;" % (p, q),
            "%s = %s + %d;" % (p, q, r.randint(0, 3)),
            "%s[%d] = %d;" % (p, r.randint(0, 3), r.randint(0, 9)),
            "n += %s[%d];" % (p, r.randint(0, 3)),
            "use (%s);" % p,
            "memcpy (%s, %s, %d);" % (p, q, r.randint(0, 8)),
            "n += (int) strlen (%s);" % p,
            "%s = strdup (%s);" % (p, q),
            "g.f[%d] = %s;" % (r.randint(0, 2), p),
            "%s = g.f[%d];" % (p, r.randint(0, 2)),
            "sp->buf = %s;" % p,
            "%s = sp->buf;" % p,
            "free (sp->buf);",
            "arr[n & 3] = %s;" % p,
            "%s = arr[%d];" % (p, r.randint(0, 3)),
            "if (!%s) return 0;" % p,
            "m = (size_t) n * %d;" % r.randint(1, 1 << 20),
            "%s = (char *) &g;" % p,
            "%s = buf;" % p,
        ]
        if fn + 1 < self.nfuncs:
            ops.append("%s = f%d (%s, n - 1, sp);" % (p, fn + 1, q))
        return r.choice(ops) + "\n"

    def block(self, ptrs, depth, fn, loop=False):
        r = self.r
        n = r.randint(1, 5)
        out = []
        for _ in range(n):
            if loop and r.random() < 0.1:
                out.append(r.choice(["break;\n", "continue;\n"]))
            else:
                out.append(self.stmt(ptrs, depth, fn))
        return "{\n" + "".join(out) + "}\n"

    def function(self, fn):
        r = self.r
        nptr = r.randint(2, 5)
        ptrs = ["a"] + ["p%d" % i for i in range(nptr)]
        body = ["char *p%d = %s;\n" % (i, r.choice(["0", "malloc (8)", "a", "sp->buf"]))
                for i in range(nptr)]
        body.append("char buf[16];\nchar *arr[4] = { 0 };\nsize_t m = %d;\n" % r.randint(0, 9))
        body += [self.stmt(ptrs, 0, fn) for _ in range(r.randint(3, 12))]
        body.append("out:\n(void) buf; (void) arr; (void) m;\nreturn %s;\n" % r.choice(ptrs))
        return "char *\nf%d (char *a, int n, struct s *sp)\n{\n%s}\n" % (fn, "".join(body))

    def program(self):
        out = [HEAD, "struct s { char *buf; int len; };\n"
               "static struct { char *f[3]; } g;\n"]
        out += ["char *f%d (char *a, int n, struct s *sp);\n" % i for i in range(self.nfuncs)]
        out += [self.function(i) for i in reversed(range(self.nfuncs))]
        return "".join(out)


def gen_random(seed):
    return RandomProgram(seed).program()


GENERATORS = {"branches": gen_branches, "loops": gen_loops, "calls": gen_calls,
              "switch": gen_switch, "straight": gen_straight}
SIZES = {"branches": [125, 250, 500, 1000, 2000, 4000, 8000],
         "loops": [4, 8, 16, 32, 64, 128, 256],
         "calls": [125, 250, 500, 1000, 2000, 4000],
         "switch": [125, 250, 500, 1000, 2000, 4000, 8000],
         "straight": [250, 500, 1000, 2000, 4000, 8000, 16000]}
QUICK_SIZES = {k: v[:4] for k, v in SIZES.items()}


def slope(points):
    """Least-squares slope of log(y) against log(x): ~1 is linear, ~2 quadratic."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    return round(sum((p[0] - mx) * (p[1] - my) for p in pts) / den, 2) if den else None


MEM_GIB = 8  # address space of one compile (run --mem): past it, "out of memory"


def compile_case(cc, path, extra, env=None, timeout=0, repeat=1):
    """Min CPU / RSS of `repeat` compiles of path at -O0; the first run's details."""
    best = None
    obj = path[:-2] + ".o"
    limit = ["prlimit", "--as=%d" % int(MEM_GIB * 2**30), "--"] if MEM_GIB else []
    for _ in range(repeat):
        run = run_rusage(limit + [cc, "-O0", "-c", path, "-o", obj] + extra, None,
                         path[:-2] + ".err", env, timeout)
        try:
            with open(path[:-2] + ".err", errors="replace") as f:
                run["oom"] = run["rc"] != 0 and "out of memory" in f.read()
        except OSError:
            run["oom"] = False
        if best is None:
            best = run
        else:
            best["cpu"] = min(best["cpu"], run["cpu"])
            best["maxrss_kb"] = min(best["maxrss_kb"], run["maxrss_kb"])
    return best


def probe_case(cc, path, probe, extra, timeout=0):
    ptsv = path[:-2] + ".probe.tsv"
    if os.path.exists(ptsv):
        os.unlink(ptsv)
    env = dict(os.environ, MEMRULES_PROBE=ptsv, LC_ALL="C")
    run = compile_case(cc, path, ["-fplugin=" + probe] + extra, env, timeout)
    funcs = read_probe(ptsv)
    return run, {
        "pass_s": round(sum(f["lower_us"] + f["analyze_us"] for f in funcs) / 1e6, 4),
        "analyze_s": round(sum(f["analyze_us"] for f in funcs) / 1e6, 4),
        "work": sum(f["work"] for f in funcs), "max_work": max((f["work"] for f in funcs), default=0),
        "stopped": sum(f["stopped"] for f in funcs),
        "degraded": sum(f["degraded"] for f in funcs),
        "blocks": sum(f["blocks"] for f in funcs), "functions": len(funcs)}


def log(*a):
    print("[synth]", *a, file=sys.stderr, flush=True)


def cmd_run(opts):
    sizes = QUICK_SIZES if opts.quick else SIZES
    kinds = opts.kinds.split() if opts.kinds else list(GENERATORS)
    work = tempfile.mkdtemp(prefix="memrules-synth.")
    res = {"cc": opts.cc, "plugin_sha256": fingerprint(opts.plugin),
           "repeat": opts.repeat, "quick": opts.quick, "kinds": {},
           "budget": []}
    for kind in kinds:
        rows = []
        for n in sizes[kind]:
            path = os.path.join(work, "%s-%d.c" % (kind, n))
            with open(path, "w") as f:
                f.write(GENERATORS[kind](n))
            lines = open(path).read().count("\n")
            plain = compile_case(opts.cc, path, [], repeat=opts.repeat)
            plug = compile_case(opts.cc, path, ["-fplugin=" + opts.plugin],
                                repeat=opts.repeat, timeout=opts.timeout)
            row = {"size": n, "lines": lines, "plain_s": round(plain["cpu"], 3),
                   "plugin_s": round(plug["cpu"], 3),
                   "added_s": round(plug["cpu"] - plain["cpu"], 3),
                   "ratio": round(plug["cpu"] / plain["cpu"], 3) if plain["cpu"] else None,
                   "plain_rss_kb": plain["maxrss_kb"], "plugin_rss_kb": plug["maxrss_kb"],
                   "rc": plug["rc"], "timeout": plug["timeout"], "oom": plug["oom"]}
            if opts.probe:
                _, pr = probe_case(opts.cc, path, opts.probe, [], opts.timeout)
                row.update(pr)
            rows.append(row)
            log("%-8s %6d: plain %.2fs plugin %.2fs%s" % (
                kind, n, plain["cpu"], plug["cpu"],
                " pass %.3fs work %d stopped %d degraded %d" % (
                    row["pass_s"], row["max_work"], row["stopped"], row["degraded"])
                if opts.probe else ""))
            if plug["timeout"] or plug["oom"]:
                break
        growth = {"added_s": slope([(r["size"], r["added_s"]) for r in rows[-4:]])}
        if opts.probe:
            # How the analysis grows while the budget does not cut it short.
            free = [r for r in rows if not r["stopped"]]
            growth["pass_s_uncapped"] = slope([(r["size"], r["pass_s"]) for r in free])
            growth["work_uncapped"] = slope([(r["size"], r["max_work"]) for r in free])
            growth["pass_s_capped"] = slope([(r["size"], r["pass_s"]) for r in rows
                                             if r["stopped"]])
            growth["first_stopped_size"] = next((r["size"] for r in rows if r["stopped"]),
                                                None)
        res["kinds"][kind] = {"rows": rows, "growth": growth}

    # What the budget bounds: the biggest cases again, with budget/states changed.
    if opts.probe:
        big = {k: sizes[k][-1] for k in kinds if k in ("branches", "switch", "loops", "calls")}
        settings = [("default", []),
                    ("budget 1/10", ["-fplugin-arg-memrules-budget=2000000"]),
                    ("budget x10", ["-fplugin-arg-memrules-budget=200000000"]),
                    ("states=64", ["-fplugin-arg-memrules-states=64"])]
        for kind, n in big.items():
            path = os.path.join(work, "%s-%d.c" % (kind, n))
            extra_settings = []
            if kind == "branches" and not opts.quick:
                extra_settings = [("budget x100", ["-fplugin-arg-memrules-budget=2000000000"])]
            if opts.quick:  # the x10 runs take ~10 s each
                settings = [st for st in settings if st[0] != "budget x10"]
            for name, extra in settings + extra_settings:
                run, pr = probe_case(opts.cc, path, opts.probe, extra, opts.timeout)
                row = dict(pr, kind=kind, size=n, setting=name, flags=" ".join(extra),
                           compile_s=round(run["cpu"], 3), rss_kb=run["maxrss_kb"],
                           timeout=run["timeout"], rc=run["rc"], oom=run["oom"],
                           mem_limit_gib=MEM_GIB)
                res["budget"].append(row)
                log("budget %-8s %d %-12s compile %.2fs pass %.3fs work %d stopped %d "
                    "RSS %d MB%s" % (kind, n, name, run["cpu"], pr["pass_s"], pr["max_work"],
                                     pr["stopped"], run["maxrss_kb"] // 1024,
                                     " TIMEOUT" if run["timeout"] else ""))
    os.makedirs(opts.out, exist_ok=True)
    with open(os.path.join(opts.out, "synth.json"), "w") as f:
        json.dump(res, f, indent=1)
    log("wrote", os.path.join(opts.out, "synth.json"), "(cases in %s)" % work)
    return 0


def main():
    global MEM_GIB
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen")
    g.add_argument("kind", choices=list(GENERATORS) + ["random"])
    g.add_argument("n", type=int, nargs="?", default=1000)
    g.add_argument("--seed", type=int, default=1)
    r = sub.add_parser("run")
    r.add_argument("--plugin", default=os.path.join(os.path.dirname(os.path.abspath(
        __file__)), "..", "build", "memrules.so"))
    r.add_argument("--probe")
    r.add_argument("--cc", default="gcc")
    r.add_argument("--kinds", help="subset, e.g. 'branches switch'")
    r.add_argument("--quick", action="store_true")
    r.add_argument("--repeat", type=int, default=1)
    r.add_argument("--timeout", type=float, default=300)
    r.add_argument("--mem", type=float, default=MEM_GIB,
                   help="GiB of address space per compile (default 8; 0: no limit)")
    r.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(
        __file__)), "results"))
    opts = p.parse_args()
    if opts.cmd == "gen":
        sys.stdout.write(gen_random(opts.seed) if opts.kind == "random"
                         else GENERATORS[opts.kind](opts.n))
        return 0
    MEM_GIB = opts.mem
    opts.plugin = os.path.abspath(opts.plugin)
    if opts.probe:
        opts.probe = os.path.abspath(opts.probe)
    return cmd_run(opts)


if __name__ == "__main__":
    sys.exit(main())
