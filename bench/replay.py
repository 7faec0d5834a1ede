#!/usr/bin/env python3
"""Replay the C and C++ compiles recorded in a compile_commands.json (from bear).

Every C and C++ translation unit (TU) of the database is compiled again, in its own
directory, with these changes to its recorded command:
  * every -O level is dropped and -O2 is used instead;
  * link-only arguments, other inputs, -o, -c, dependency-file options
    (-MD -MF ...) and -Werror* are dropped (a plugin warning must not turn
    into an error, and replays must not write into the project's tree);
  * -gno-record-gcc-switches and -fdiagnostics-plain-output are added, so the
    object does not embed the command line (with -g, DW_AT_producer would
    contain "-fplugin=...") and each diagnostic is a single line;
  * the EXTRA flags given after "--" are appended (e.g. -fplugin=/abs/x.so);
  * the object goes to OUTDIR/NNNN.o and stderr to OUTDIR/NNNN.err.

OUTDIR/index.tsv gets one line per TU: NNNN <TAB> exit code <TAB> seconds
<TAB> source file <TAB> directory the compiler ran in.  NNNN is the TU's position among the TUs of the database,
so two runs over the same database can be compared TU by TU.

usage: replay.py [--jobs N] [--list] compile_commands.json OUTDIR [-- EXTRA...]
"""
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import time

# Arguments that take a separate value we want to drop along with the option.
DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ"}
# Suffixes of input files: the TU's own source is re-added, others dropped.
# C++ sources, compiled by the recorded C++ compiler (g++, c++).
CXX_SUFFIXES = (".cc", ".cpp", ".cxx", ".C")
INPUT_SUFFIXES = (".c", ".o", ".lo", ".a", ".la", ".so") + CXX_SUFFIXES
OPT_LEVEL = re.compile(r"-O([0-3sgz]|fast)?$")


def is_cxx_unit(file, compiler):
    """A C++ TU: a C++ source, or a .c file the project compiles as C++."""
    return file.endswith(CXX_SUFFIXES) or "++" in compiler


def units(db):
    """Yield (directory, file, argv) for each C or C++ TU of the database, in
    the database's order (C TUs keep the numbers they had when only C was
    replayed, as long as the project has no C++ TU before them)."""
    for entry in db:
        argv = entry.get("arguments") or shlex.split(entry["command"])
        compiler = os.path.basename(argv[0])
        if not (entry["file"].endswith(".c") or is_cxx_unit(entry["file"], compiler)):
            continue  # assembler, objects, ...
        if "-E" in argv or "-S" in argv or "-M" in argv or "-MM" in argv:
            continue  # preprocess/assemble-only steps are not object builds
        yield entry["directory"], entry["file"], argv


def replay_argv(argv, src, obj, extra):
    """Build the modified command line for one TU (see module docstring)."""
    out = [argv[0]]
    args = iter(argv[1:])
    for a in args:
        if a in DROP_WITH_VALUE:
            next(args, None)
        elif (a == "-c" or OPT_LEVEL.match(a) or a.startswith("-Werror")
              or a in ("-MD", "-MMD", "-MP") or a.startswith("-Wp,-M")
              or a.startswith(("-l", "-L", "-Wl,", "-o"))
              or a in ("-shared", "-static", "-rdynamic", "-pie")
              or (not a.startswith("-") and a.endswith(INPUT_SUFFIXES))):
            continue
        else:
            out.append(a)
    return out + ["-O2", "-gno-record-gcc-switches",
                  "-fdiagnostics-plain-output"] + extra + ["-c", src, "-o", obj]


def compile_one(job):
    idx, directory, cmd, err_path = job
    start = time.monotonic()
    with open(err_path, "wb") as err:
        rc = subprocess.call(cmd, cwd=directory, stdout=err, stderr=err,
                             env=dict(os.environ, LC_ALL="C"))
    return idx, rc, time.monotonic() - start


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    p = argparse.ArgumentParser(usage=__doc__.split("usage: ")[1])
    p.add_argument("db")
    p.add_argument("outdir")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--list", action="store_true",
                   help="only print the replay commands")
    opts = p.parse_args(argv)

    with open(opts.db) as f:
        tus = list(units(json.load(f)))
    outdir = os.path.abspath(opts.outdir)
    jobs = []
    for n, (directory, src, args) in enumerate(tus):
        idx = "%04d" % n
        # Keep the source spelled as recorded (it ends up in debug info).
        orig = next((a for a in args if os.path.normpath(
            os.path.join(directory, a)) == os.path.normpath(src)), src)
        cmd = replay_argv(args, orig, os.path.join(outdir, idx + ".o"), extra)
        jobs.append((idx, directory, cmd, os.path.join(outdir, idx + ".err")))
    if opts.list:
        for idx, directory, cmd, _ in jobs:
            print(idx, "cd", shlex.quote(directory), "&&", shlex.join(cmd))
        return 0

    os.makedirs(outdir, exist_ok=True)
    results = {}
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        for idx, rc, secs in pool.map(compile_one, jobs):
            results[idx] = (rc, secs)
    with open(os.path.join(outdir, "index.tsv"), "w") as f:
        for (idx, _, _, _), (directory, src, _) in zip(jobs, tus):
            rc, secs = results[idx]
            f.write("%s\t%d\t%.2f\t%s\t%s\n" % (idx, rc, secs, src, directory))
    return 0


if __name__ == "__main__":
    sys.exit(main())
