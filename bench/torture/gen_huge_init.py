#!/usr/bin/env python3
"""gen_huge_init.py — writes huge_init.c, the torture file of huge initializers.

A 6000-entry table of structures (a string, an int, a function pointer that is free, a
static wrapper of free or NULL, a bit-field), 8000 ints, nested designated initializers
with a GNU range, compound literals, and one function that walks them and allocates: it
checks that the plugin's pass copes with a translation unit whose initializers are huge
(GCC lowers them to static data, not GIMPLE, so the function itself stays small) and
stays silent on it.  The file is 6,446 lines: it is generated, not checked in.

The seed is fixed, so every run writes the same bytes (and the torture diagnostics stay
comparable from run to run):

  bench/torture/gen_huge_init.py OUT.c     (or - for stdout)

bench/robust.py calls it into its work directory before it compiles bench/torture/.
"""

import random
import sys

SEED = 7
ENTRIES = 6000
INTS = 8000
INTS_PER_LINE = 20

HEAD = """\
/* Huge initializers: a 6000-entry table of pointers and ints, a big string table,
   nested designated initializers and compound literals.  Generated (fixed seed).  */
#include <stdlib.h>
#include <string.h>

struct entry { const char *name; int value; void (*fn) (void *); unsigned flags : 3; };

static void drop (void *p) { free (p); }

static const struct entry table[] = {
"""

TAIL = """\
static const struct { int a[4]; struct { char *p; int q[3]; } s[2]; } nested[] = {
  [0] = { .a = { [2] = 1 }, .s = { [1] = { .q = { 1, 2, 3 } } } },
  [7] = { .a = { 1, 2, 3, 4 }, .s[0].q[2] = 5 },
  [3 ... 5] = { .a[1] = 9 },
};

int
use_tables (int k)
{
  int s = 0;
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    if (table[i].fn && table[i].value == k)
      {
        char *p = malloc (table[i].flags + 1);
        table[i].fn (p);
        s++;
      }
  int *copy = malloc (sizeof ints);
  if (!copy)
    return -1;
  memcpy (copy, ints, sizeof ints);
  s += copy[k % (sizeof ints / sizeof *ints)];
  free (copy);
  int *lit = (int[]) { 1, 2, 3, [10] = k };
  struct entry *heap = malloc (sizeof (struct entry));
  if (heap)
    *heap = (struct entry) { .name = "x", .value = lit[10], .fn = drop };
  if (heap && heap->fn)
    heap->fn (heap);
  return s + nested[3].a[1] + nested[7].s[0].q[2];
}
"""


def huge_init():
    rng = random.Random(SEED)
    out = [HEAD]
    for i in range(ENTRIES):
        value = rng.randint(-99999, 99999)
        fn = rng.choice(["drop", "0", "free"])
        flags = rng.randint(0, 7)
        out.append('  { "e%d", %d, %s, %d },\n' % (i, value, fn, flags))
    out.append("};\n\nstatic const int ints[] = {\n")
    ints = [str(rng.randrange(2 ** 30)) for _ in range(INTS)]
    out.append(",\n".join(", ".join(ints[i:i + INTS_PER_LINE])
                          for i in range(0, INTS, INTS_PER_LINE)))
    out.append("\n};\n\n")
    out.append(TAIL)
    return "".join(out)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_huge_init.py OUT.c (- for stdout)")
    text = huge_init()
    if sys.argv[1] == "-":
        sys.stdout.write(text)
    else:
        with open(sys.argv[1], "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
