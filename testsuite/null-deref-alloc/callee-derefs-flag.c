/* null-deref-alloc through a function of the unit that dereferences its
   parameter first only under an integer static flag of the unit it reads and
   never writes (mr_summary.derefs_if_set, derefs_if_clear): the call
   dereferences an unchecked allocation where the caller knows the flag so, and
   not where it knows the flag the other way or does not know it.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void note(const char *what);

static int ready;
static int quiet;

static void fill_when_ready(int *p)
{
  if (ready) {
    p[0] = 5;
    p[1] = 6;
  }
  note("filled");
}

static void fill_unless_quiet(long *p)
{
  if (!quiet)
    p[0] = 7;
  note("maybe filled");
}

/* The flag set before the call: the callee writes through NULL.  */
void flag_set(void)
{
  int *p = malloc(4 * sizeof *p);
  ready = 1;
  fill_when_ready(p); /* { dg-warning "dereference of possibly-NULL 'p'" } */
  free(p);
}

/* Silent: the flag clear, the callee does not touch p.  */
void flag_clear(void)
{
  int *p = malloc(4 * sizeof *p);
  ready = 0;
  fill_when_ready(p); /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* Silent: the caller does not know the flag.  */
void flag_unknown(void)
{
  int *p = malloc(4 * sizeof *p);
  fill_when_ready(p); /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* Silent: checked first.  */
void flag_set_checked(void)
{
  int *p = malloc(4 * sizeof *p);
  if (!p)
    return;
  ready = 1;
  fill_when_ready(p); /* { dg-bogus "possibly-NULL" } */
  free(p);
}

/* The test the other way round: dereferenced while the flag is clear.  */
void quiet_clear(void)
{
  long *p = malloc(2 * sizeof *p);
  quiet = 0;
  fill_unless_quiet(p); /* { dg-warning "dereference of possibly-NULL 'p'" } */
  free(p);
}

/* Silent: the flag set, the callee does not touch p.  */
void quiet_set(void)
{
  long *p = malloc(2 * sizeof *p);
  quiet = 1;
  fill_unless_quiet(p); /* { dg-bogus "possibly-NULL" } */
  free(p);
}
