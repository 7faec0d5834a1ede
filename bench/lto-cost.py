#!/usr/bin/env python3
"""lto-cost.py - what the plugin costs at an -flto link (docs/integration.md,
"Whole program with -flto").

Compiles a project's C files with -flto (no plugin) into a private directory, from
its compile_commands.json, then links them REPEAT times each without and with
-fplugin=memrules, in WHOPR (-flto=1: one LTRANS job, so the times do not depend on
the other load) and with -flto-partition=none, and prints the median link time
(wall, and CPU summed over gcc, ld, lto-wrapper and every lto1 process), the peak
RSS of the largest process, whether the output is byte-identical, and the warnings
the plugin printed at the link.

  bench/lto-cost.py --plugin build/memrules.so \\
      --commands /var/tmp/memrules-corpus/lua5.4/compile_commands.json \\
      --exclude luac.c --libs "-lm -ldl" --repeat 5
  bench/lto-cost.py --plugin build/memrules.so \\
      --commands /var/tmp/memrules-corpus/curl/compile_commands.json --under /lib --shared
"""

import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def compile_all(args, work):
    objs = []
    for n, e in enumerate(json.load(open(args.commands))):
        cmd = e.get("arguments") or shlex.split(e["command"])
        src = cmd[-1]
        if not src.endswith(".c") or os.path.basename(src) in args.exclude:
            continue
        if args.under and not e["directory"].endswith(args.under):
            continue
        if "-o" in cmd:
            i = cmd.index("-o")
            del cmd[i:i + 2]
        obj = os.path.join(work, "o%04d.o" % n)
        cmd = cmd[:-1] + ["-flto", "-o", obj, src]
        subprocess.run(cmd, cwd=e["directory"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        objs.append(obj)
    return objs


def link(args, objs, out, extra):
    cmd = ([args.cc, "-O2"] + (["-shared", "-fPIC"] if args.shared else []) + extra
           + ["-o", out] + objs + shlex.split(args.libs))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode:
        sys.exit("link failed: %s\n%s" % (" ".join(cmd), p.stderr))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    warnings = [l for l in p.stderr.splitlines() if "[memrules-" in l]
    return wall, cpu, after.ru_maxrss, warnings


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--commands", required=True, help="compile_commands.json")
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--under", default="", help="only entries whose directory ends so")
    ap.add_argument("--exclude", nargs="*", default=[], help="source file names to skip")
    ap.add_argument("--libs", default="")
    ap.add_argument("--shared", action="store_true", help="link a shared library")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    plugin = ["-fplugin=" + os.path.abspath(args.plugin)]
    with tempfile.TemporaryDirectory(prefix="memrules-lto-cost-") as work:
        objs = compile_all(args, work)
        print("%d objects compiled with -flto" % len(objs))
        for mode, flags in (("WHOPR -flto=1", ["-flto=1"]),
                            ("-flto-partition=none", ["-flto", "-flto-partition=none"])):
            res = {}
            for name, extra in (("plain", []), ("plugin", plugin)):
                runs = [link(args, objs, os.path.join(work, name), flags + extra)
                        for _ in range(args.repeat)]
                res[name] = (statistics.median(r[0] for r in runs),
                             statistics.median(r[1] for r in runs),
                             max(r[2] for r in runs), runs[-1][3])
            same = open(os.path.join(work, "plain"), "rb").read() == \
                open(os.path.join(work, "plugin"), "rb").read()
            (pw, pc, pm, _), (mw, mc, mm, warns) = res["plain"], res["plugin"]
            print("%s: wall %.2f s -> %.2f s (x%.2f), cpu %.2f s -> %.2f s (x%.2f), "
                  "peak rss %d -> %d MB, output %s, %d link-time warnings"
                  % (mode, pw, mw, mw / pw, pc, mc, mc / pc, pm // 1024, mm // 1024,
                     "identical" if same else "DIFFERENT", len(warns)))
            for w in warns:
                print("    " + w)


if __name__ == "__main__":
    main()
