#!/usr/bin/env python3
"""wholeprog.py - the whole program without -flto (docs/integration.md): the summary
database (-fplugin-arg-memrules-summaries=DIR, summaries-read=DIR) and
tools/memrules-scan, on a project of several C and C++ files, each group at -O0 and
at -O2. Each group is one ctest test (CMakeLists.txt):

  scan     memrules-scan -p BUILD: the findings are exactly the lines marked
           "WARN rule" in the project (a helper in another file freeing its
           argument, an allocator wrapper two files away, a function in another
           file that never returns, recursion across files, a C++ destructor and a
           deleting function in another file), with their notes in the other
           file; sizes read from input in one file and allocated in another (a
           reader returning input, a writer through a pointer, a sink taking its
           parameter as malloc's size: the input facts of the database), silent
           when the caller bounds them; no per-file false alarm (the noreturn
           case) and none of the cross-file findings without the database;
           --werror, --sarif (one merged log), --summaries-only; the same output
           with -j1 and -j2 and the same findings and database with
           compile_commands.json reversed
  inbuild  memrules-scan --summaries-only, then `make -j2` with summaries-read=DIR
           and with summaries=DIR: the same findings; a stale database (a source
           changed after its summaries were written: ignored with a note, and right
           once recompiled); a file of another version (ignored, one note); a
           missing database (per-file results, one note); 24 compiles writing one
           directory at once, with readers, leave 24 whole files; analyse-only
           (the compile stopped after the analysis) finds the same; bad arguments

Usage: wholeprog.py GROUP --plugin memrules.so [--cc gcc] [--cxx g++]
The last line is "N passed, N failed"; the exit status is 1 if a check failed.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import gccdiag  # noqa: E402  (testsuite/gccdiag.py)
ENV = dict(os.environ, LC_ALL="C", LANG="C")
SCAN = os.path.join(ROOT, "tools", "memrules-scan")
results = {"passed": 0, "failed": 0}

FILES = {
    "helper.c": """#include <stdlib.h>
void release_buf (char *p)
{
  free (p);
}
char *new_buf (size_t n)
{
  return malloc (n);
}
char *spent_buf (size_t n)
{
  char *b = malloc (n);
  if (!b)
    abort ();
  free (b);
  return b;  /* WARN dangling-return same-file */
}
""",
    # A wrapper of a wrapper of another file: two rounds of the database.
    "names.c": """#include <string.h>
char *new_buf (size_t n);
char *copy_name (const char *s)
{
  char *d = new_buf (strlen (s) + 1);
  if (d)
    strcpy (d, s);
  return d;
}
""",
    "fatal.c": """#include <stdio.h>
#include <stdlib.h>
void die (const char *msg)
{
  fprintf (stderr, "%s\\n", msg);
  exit (1);
}
""",
    # Recursion across files: free_chain and free_next call each other.
    "chain_a.c": """#include <stdlib.h>
struct node { struct node *next; int val; };
void free_next (struct node *n);
void free_chain (struct node *n)
{
  if (!n)
    return;
  struct node *next = n->next;
  free (n);
  free_next (next);
}
""",
    "chain_b.c": """struct node;
void free_chain (struct node *n);
void free_next (struct node *n)
{
  free_chain (n);
}
""",
    "main.c": """#include <stdio.h>
#include <stdlib.h>
struct node { struct node *next; int val; };
void release_buf (char *p);
char *new_buf (size_t n);
char *copy_name (const char *s);
void die (const char *msg);
void free_next (struct node *n);

int use_after_release (void)
{
  char *p = new_buf (8);
  if (!p)
    return 0;
  p[0] = 'x';
  release_buf (p);
  return p[0];  /* WARN use-after-free */
}

int release_last (void)
{
  char *p = new_buf (8);
  if (!p)
    return 0;
  p[0] = 'x';
  int c = p[0];
  release_buf (p);
  return c;
}

int name_leaked (void)
{
  char *n = copy_name ("abc");
  if (!n)
    return 0;
  puts (n);
  return 1;  /* WARN leak */
}

int name_freed (void)
{
  char *n = copy_name ("abc");
  if (!n)
    return 0;
  puts (n);
  free (n);
  return 1;
}

int checked (void)
{
  int *p = malloc (sizeof *p);
  if (!p)
    die ("out of memory");
  *p = 1;
  int v = *p;
  free (p);
  return v;
}

void chain_twice (struct node *n)
{
  free_next (n);
  free (n);  /* WARN double-free */
}

void chain_once (struct node *n)
{
  free_next (n);
}

/* In a cycle of calls of its own file: reported after the cycle rounds.  */
int countdown (int n, char *p)
{
  if (n <= 0)
    {
      free (p);
      return p[0];  /* WARN use-after-free same-file */
    }
  return countdown (n - 1, p);
}

/* The helper returns what it freed (mr_summary.returns_freed).  */
char *spent_buf (size_t n);
void spent_twice (void)
{
  char *b = spent_buf (4);
  free (b);  /* WARN double-free */
}
""",
    "holder.h": """struct Holder
{
  int *p_;
  explicit Holder (int *p);
  ~Holder ();
};
void drop (int *p);
""",
    "holder.cc": """#include "holder.h"
Holder::Holder (int *p) : p_ (p) {}
Holder::~Holder () { delete p_; }
void drop (int *p) { delete p; }
""",
    "user.cc": """#include "holder.h"
int after_scope ()
{
  int *q = new int (3);
  {
    Holder h (q);
  }
  return *q;  // WARN use-after-free
}

int read_before ()
{
  int *q = new int (3);
  int v = *q;
  {
    Holder h (q);
  }
  return v;
}

int dropped_twice ()
{
  int *r = new int (4);
  drop (r);
  delete r;  // WARN double-free
  return 0;
}

int dropped_once ()
{
  int *r = new int (4);
  int v = *r;
  drop (r);
  return v;
}
""",
    # Sizes from input across files (CWE-789): the input facts beside the summaries.
    "input.c": """#include <stdio.h>
#include <stdlib.h>
size_t read_count (FILE *f)
{
  size_t n = 0;
  if (fscanf (f, "%zu", &n) != 1)
    return 0;
  return n;
}
void read_into (FILE *f, size_t *out)
{
  if (fscanf (f, "%zu", out) != 1)
    *out = 0;
}
void *make (size_t n)
{
  return malloc (n);
}
""",
    "sizes.c": """#include <stdio.h>
#include <stdlib.h>
size_t read_count (FILE *f);
void read_into (FILE *f, size_t *out);
void *make (size_t n);

void *count_table (FILE *f)
{
  return malloc (read_count (f));  /* WARN tainted-allocation-size */
}

void *count_table_capped (FILE *f)
{
  size_t n = read_count (f);
  if (n > 4096)
    return NULL;
  return malloc (n);
}

void *read_table (FILE *f)
{
  size_t n;
  read_into (f, &n);
  return malloc (n);  /* WARN tainted-allocation-size */
}

void *make_from_input (FILE *f)
{
  size_t n;
  if (fscanf (f, "%zu", &n) != 1)
    return NULL;
  return make (n);  /* WARN tainted-allocation-size */
}

void *make_capped (FILE *f)
{
  size_t n;
  if (fscanf (f, "%zu", &n) != 1 || n > 4096)
    return NULL;
  return make (n);
}
""",
}
# Where the notes in the other files must point (file, line, words).
OTHER_FILE_NOTES = [("helper.c", 4, "'release_buf' frees it here"),
                    ("helper.c", 15, "'spent_buf' frees it here"),
                    ("holder.cc", 3, "frees it here"),
                    ("holder.cc", 4, "frees it here")]


def check(ok, what, detail=""):
    results["passed" if ok else "failed"] += 1
    print("%s: %s" % ("PASS" if ok else "FAIL", what))
    if not ok and detail:
        for line in str(detail).strip().splitlines()[:30]:
            print("    " + line)
    return ok


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True,
                       errors="replace", stdin=subprocess.DEVNULL, timeout=600)
    return p.returncode, p.stdout + p.stderr


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def expected(cross_only=False):
    """(file, line, rule) of every WARN marker (only those that need another file
    if cross_only: not marked same-file)."""
    out = set()
    for name, text in FILES.items():
        for i, line in enumerate(text.splitlines(), 1):
            m = re.search(r"WARN ([a-z-]+)( same-file)?", line)
            if m and not (cross_only and m.group(2)):
                out.add((name, i, m.group(1)))
    return out


def findings(out):
    """(file, line, rule) of the memrules warnings, and the notes (file, line, msg)."""
    diags, _ = gccdiag.parse(out)
    found, notes = set(), set()
    for d in diags:
        m = re.search(r"\[memrules-([a-z-]+)\]", d.get("message", ""))
        if not m or not d["locations"]:
            continue
        c = d["locations"][0]["caret"]
        found.add((os.path.basename(c["file"]), c["line"], m.group(1)))
        for n in d.get("children", []):
            if n["locations"]:
                nc = n["locations"][0]["caret"]
                notes.add((os.path.basename(nc["file"]), nc["line"], n["message"]))
    return found, notes


def notes_ok(notes):
    return all(any(f == nf and l == nl and words in msg for nf, nl, msg in notes)
               for f, l, words in OTHER_FILE_NOTES)


def sources():
    return [n for n in FILES if not n.endswith(".h")]


def make_project(args, tmp, opt, order=1, wrap=(), flags=()):
    """The project in tmp/src, its compile_commands.json in tmp/build: compiles in
    this order, behind these wrappers, with these flags."""
    src = os.path.join(tmp, "src")
    build = os.path.join(tmp, "build")
    os.makedirs(src, exist_ok=True)
    os.makedirs(build, exist_ok=True)
    for name, text in FILES.items():
        write(src, name, text)
    entries = []
    for name in sources()[::order]:
        cc = args.cc if name.endswith(".c") else args.cxx
        entries.append({"directory": build, "file": os.path.join(src, name),
                        "arguments": list(wrap) + [cc, opt] + list(flags)
                        + ["-Wall", gccdiag.PLAIN_OUTPUT, "-c",
                                      os.path.join(src, name), "-o", name + ".o",
                                      "-MD", "-MF", name + ".d"]})
    write(build, "compile_commands.json", json.dumps(entries, indent=1))
    return src, build


def scan(args, build, *extra):
    return run([sys.executable, SCAN, "-p", build, "--plugin", args.plugin] + list(extra))


def db_files(directory):
    return sorted(n for n in os.listdir(directory) if not n.startswith("."))


# ---------------------------------------------------------------- groups

def test_scan(args, tmp, opt):
    src, build = make_project(args, tmp, opt)
    want = expected()
    rc, out = scan(args, build, "-j2")
    found, notes = findings(out)
    check(rc == 0 and found == want, "%s: memrules-scan finds exactly the WARN lines" % opt,
          "missing %s\nextra %s\n%s" % (sorted(want - found), sorted(found - want), out))
    check(notes_ok(notes), "%s: notes point into the other files" % opt,
          "%s\n%s" % (sorted(notes), out))
    check(not [n for n in os.listdir(build) if n.endswith((".o", ".d"))],
          "%s: no object or dependency file written" % opt, os.listdir(build))
    db = os.path.join(build, "memrules-summaries")
    files = db_files(db)
    check(len(files) == len(sources()) and all(f.endswith(".mrs") for f in files),
          "%s: one database file per unit, no temporary file left" % opt, files)

    # Per file, without the database: none of the cross-file findings, and the
    # null check before die () is a false alarm.
    per_file = set()
    for name in sources():
        cc = args.cc if name.endswith(".c") else args.cxx
        _, o = run([cc, opt, "-c", "-o", os.devnull, gccdiag.PLAIN_OUTPUT,
                    "-fplugin=" + args.plugin, os.path.join(src, name)])
        per_file |= findings(o)[0]
    check(not (per_file & expected(cross_only=True))
          and any(r == "null-deref-alloc" for _, _, r in per_file),
          "%s: per file, the cross-file findings are missed (the database finds them)"
          % opt, sorted(per_file))

    rc, out = scan(args, build, "-j2", "--werror")
    check(rc == 1, "%s: --werror exits 1 on findings" % opt, out)
    sarif = os.path.join(tmp, "all.sarif")
    rc, out = scan(args, build, "-j2", "--sarif", sarif)
    try:
        log = json.load(open(sarif))
        nres = sum(len(r["results"]) for r in log["runs"])
    except (OSError, ValueError, KeyError) as e:
        nres = str(e)
    check(rc == 0 and nres == len(want), "%s: --sarif writes one merged log of the %d "
          "findings" % (opt, len(want)), "%s results\n%s" % (nres, out))
    rc, out = scan(args, build, "-j2", "--summaries-only")
    check(rc == 0 and not findings(out)[0] and "database in" in out,
          "%s: --summaries-only prints no finding" % opt, out)

    # Determinism: -j1 and -j2 print the same; the reversed order finds the same
    # and leaves the same database.
    _, out1 = scan(args, build, "-j1")
    _, out2 = scan(args, build, "-j2")
    check(out1 == out2, "%s: the same output with -j1 and -j2" % opt, out1 + "\n---\n" + out2)
    texts = db_by_source(os.path.join(db), tmp)
    _, build_r = make_project(args, os.path.join(tmp, "rev"), opt, order=-1)
    rc, out_r = run([sys.executable, SCAN, os.path.join(build_r, "compile_commands.json"),
                     "--plugin", args.plugin, "-j2", "--db", os.path.join(tmp, "db-rev")])
    # The reversed project lives elsewhere: compared with its paths put back.
    texts_r = db_by_source(os.path.join(tmp, "db-rev"), os.path.join(tmp, "rev"))
    found_r = findings(out_r)[0]
    check(found_r == found, "%s: the same findings with compile_commands.json reversed"
          % opt, "%s\n%s" % (sorted(found_r ^ found), out_r))
    check(texts == texts_r and len(texts) == len(sources()),
          "%s: the same database with compile_commands.json reversed" % opt,
          "%s\n%s" % (texts, texts_r))

    # A build that already has the plugin, behind ccache: its memrules arguments
    # are kept (after the scan's -fplugin=), its own plugin and database dropped.
    _, build_w = make_project(args, os.path.join(tmp, "wrapped"), opt, wrap=["ccache"],
                              flags=["-fplugin=memrules", "-fplugin-arg-memrules-disable=leak",
                                     "-fplugin-arg-memrules-summaries-read=/nowhere"])
    rc, out = scan(args, build_w, "-j2")
    found = findings(out)[0]
    check(rc == 0 and found == {w for w in want if w[2] != "leak"},
          "%s: a compile_commands.json with the plugin behind ccache: its arguments kept"
          % opt, out)


def db_by_source(directory, root):
    """source base name -> its file's text, paths under root as ROOT, the unit
    line (it holds the modification time) left out."""
    out = {}
    for n in db_files(directory):
        text = open(os.path.join(directory, n)).read().replace(root, "ROOT")
        out[n.split(".")[0]] = re.sub(r"^unit .*\n", "", text, flags=re.M)
    return out


MAKEFILE = """OBJS = helper.o names.o fatal.o chain_a.o chain_b.o main.o holder.o user.o input.o sizes.o
all: $(OBJS)
%.o: %.c
\t$(CC) $(OPT) $(MR) -fdiagnostics-plain-output -c $< -o $@
%.o: %.cc
\t$(CXX) $(OPT) $(MR) -fdiagnostics-plain-output -c $< -o $@
clean:
\trm -f $(OBJS)
"""


def make(args, src, opt, mr):
    run(["make", "-C", src, "clean"])
    return run(["make", "-C", src, "-j2", "CC=" + args.cc, "CXX=" + args.cxx,
                "OPT=" + opt, "MR=-fplugin=%s %s" % (args.plugin, mr)])


def test_inbuild(args, tmp, opt):
    src, build = make_project(args, tmp, opt)
    write(src, "Makefile", MAKEFILE)
    want = expected()
    db = os.path.join(tmp, "db")
    rc, out = scan(args, build, "-j2", "--summaries-only", "--db", db)
    check(rc == 0 and len(db_files(db)) == len(sources()),
          "%s: memrules-scan --summaries-only fills the database" % opt, out)
    rc, out = make(args, src, opt, "-fplugin-arg-memrules-summaries-read=" + db)
    found, notes = findings(out)
    check(rc == 0 and found == want and notes_ok(notes),
          "%s: make -j2 with summaries-read= finds exactly the WARN lines" % opt,
          "missing %s\nextra %s\n%s" % (sorted(want - found), sorted(found - want), out))
    before = {n: open(os.path.join(db, n)).read() for n in db_files(db)}
    rc, out = make(args, src, opt, "-fplugin-arg-memrules-summaries=" + db)
    found = findings(out)[0]
    after = {n: open(os.path.join(db, n)).read() for n in db_files(db)}
    check(rc == 0 and found == want and sorted(before) == sorted(after),
          "%s: make -j2 with summaries= (read and write) finds the same and replaces "
          "each unit's file" % opt,
          "%s\n%s\n%s" % (sorted(before), sorted(after), out))

    # Stale: helper.c changes (release_buf no longer frees) after its summaries were
    # written: main.c's compile ignores them, with a note, rather than warn falsely.
    main_c = os.path.join(src, "main.c")
    helper = FILES["helper.c"].replace("  free (p);", "  (void) p;")
    write(src, "helper.c", helper)
    future = time.time() + 5
    os.utime(os.path.join(src, "helper.c"), (future, future))
    mr = ["-fplugin=" + args.plugin, gccdiag.PLAIN_OUTPUT, opt]
    rc, out = run([args.cc, "-c", "-o", os.devnull] + mr
                  + ["-fplugin-arg-memrules-summaries-read=" + db, main_c])
    found = findings(out)[0]
    check(rc == 0 and "ignored: their source changed since" in out
          and ("main.c", 17, "use-after-free") not in found,
          "%s: a stale unit's summaries are ignored with a note" % opt, out)
    rc, out = run([args.cc, "-c", "-o", os.devnull] + mr
                  + ["-fplugin-arg-memrules-summaries=" + db, os.path.join(src, "helper.c")])
    rc, out = run([args.cc, "-c", "-o", os.devnull] + mr
                  + ["-fplugin-arg-memrules-summaries-read=" + db, main_c])
    found = findings(out)[0]
    check(rc == 0 and "stale" not in out and ("main.c", 17, "use-after-free") not in found
          and ("main.c", 37, "leak") in found,
          "%s: recompiled, the changed unit's new summaries are used" % opt, out)
    write(src, "helper.c", FILES["helper.c"])
    run([args.cc, "-c", "-o", os.devnull] + mr
        + ["-fplugin-arg-memrules-summaries=" + db, os.path.join(src, "helper.c")])

    # Another version: ignored with one note; the others still read.
    write(db, "old.c.0000000000000000.mrs",
          "memrules-summaries 0 0000000000000000\nunit /nowhere/old.c 0\nfn x valid=1\n")
    write(db, "older.c.0000000000000000.mrs",
          "memrules-summaries 0 0000000000000000\nunit /nowhere/older.c 0\nfn y valid=1\n")
    rc, out = run([args.cc, "-c", "-o", os.devnull] + mr
                  + ["-fplugin-arg-memrules-summaries-read=" + db, main_c])
    found = findings(out)[0]
    check(rc == 0 and out.count("written by another version") == 1
          and "2 summaries file(s)" in out and ("main.c", 17, "use-after-free") in found,
          "%s: files of another version are ignored with one note" % opt, out)
    for n in ("old.c.0000000000000000.mrs", "older.c.0000000000000000.mrs"):
        os.remove(os.path.join(db, n))

    # A missing database: per-file results and one note.
    user = os.path.join(src, "user.cc")
    rc, out = run([args.cxx, "-c", "-o", os.devnull] + mr
                  + ["-fplugin-arg-memrules-summaries-read=" + os.path.join(tmp, "nodb"), user])
    check(rc == 0 and out.count("no summaries database") == 1 and not findings(out)[0],
          "%s: a missing database: one note, per-file results" % opt, out)

    # Parallel writers (and readers) on one directory.
    par = os.path.join(tmp, "par")
    os.makedirs(par)
    shared = os.path.join(tmp, "shared")
    reader = "#include <stdlib.h>\n"
    for i in range(24):
        write(par, "w%d.c" % i, "#include <stdlib.h>\nvoid drop_%d (char *p) { free (p); }\n" % i)
        reader += ("void drop_%d (char *p);\nint f%d (void)\n{\n  char *p = malloc (1);\n"
                   "  if (!p)\n    return 0;\n  *p = 0;\n  drop_%d (p);\n"
                   "  return p[0];  /* WARN use-after-free */\n}\n" % (i, i, i))
    write(par, "reader.c", reader)

    def compile_one(name, key):
        return run([args.cc, "-c", "-o", os.devnull] + mr
                   + ["-fplugin-arg-memrules-%s=%s" % (key, shared), os.path.join(par, name)])

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        jobs = [pool.submit(compile_one, "w%d.c" % i, "summaries") for i in range(24)
                for _ in range(2)]
        jobs += [pool.submit(compile_one, "reader.c", "summaries-read") for _ in range(4)]
        outs = [j.result() for j in jobs]
    files = os.listdir(shared)
    whole = all(open(os.path.join(shared, n)).read().startswith("memrules-summaries ")
                and "\nfn drop_" in open(os.path.join(shared, n)).read() for n in files)
    check(len(files) == 24 and whole and all(rc == 0 for rc, _ in outs)
          and not any("malformed" in o for _, o in outs),
          "%s: 24 parallel writers (twice each) and readers leave 24 whole files" % opt,
          "%s\n%s" % (sorted(files), "\n".join(o for _, o in outs if o)[:3000]))
    rc, out = compile_one("reader.c", "summaries-read")
    check(len(findings(out)[0]) == 24, "%s: the reader then finds the 24 uses after free"
          % opt, out)

    # analyse-only (what memrules-scan runs): the same findings as the whole compile,
    # the database file and the SARIF log written, the exit status of -Werror kept.
    full = run([args.cc, "-S", "-o", os.devnull] + mr
               + ["-fplugin-arg-memrules-summaries-read=" + db, main_c])
    ao_db = os.path.join(tmp, "ao-db")
    ao_sarif = os.path.join(tmp, "ao.sarif")
    only = run([args.cc, "-S", "-o", os.devnull] + mr
               + ["-fplugin-arg-memrules-summaries-read=" + db,
                  "-fplugin-arg-memrules-summaries=" + ao_db, "-fplugin-arg-memrules-analyse-only",
                  "-fplugin-arg-memrules-sarif=" + ao_sarif, main_c])
    werror = run([args.cc, "-S", "-o", os.devnull, "-Werror"] + mr
                 + ["-fplugin-arg-memrules-summaries-read=" + db,
                    "-fplugin-arg-memrules-analyse-only", main_c])
    check(only[0] == 0 and findings(only[1]) == findings(full[1]) and findings(full[1])[0]
          and os.path.exists(ao_sarif) and len(db_files(ao_db)) == 1 and werror[0] == 1,
          "%s: analyse-only: the same findings, summaries and SARIF written, -Werror fails"
          % opt, "%s\n---\n%s\n---\n%s" % (full[1], only[1], werror[1]))

    for bad in ("summaries", "summaries=", "summaries-read"):
        rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                       "-fplugin-arg-memrules-" + bad, main_c])
        check(rc != 0 and "missing argument to" in out and "takes a directory" in out,
              "bad argument %s is an error" % bad, out)
    rc, out = run([args.cc, "-c", "-o", os.devnull, "-fplugin=" + args.plugin,
                   "-fplugin-arg-memrules-analyse-only=1", main_c])
    check(rc != 0 and "takes no argument" in out, "bad argument analyse-only=1 is an error", out)


GROUPS = {"scan": test_scan, "inbuild": test_inbuild}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("group", choices=sorted(GROUPS) + ["all"])
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--cxx", default="g++")
    args = ap.parse_args()
    args.plugin = os.path.abspath(args.plugin)
    for name in sorted(GROUPS) if args.group == "all" else [args.group]:
        for opt in ("-O0", "-O2"):
            with tempfile.TemporaryDirectory(prefix="memrules-wp-%s-" % name) as tmp:
                GROUPS[name](args, tmp, opt)
    print("%d passed, %d failed" % (results["passed"], results["failed"]))
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
