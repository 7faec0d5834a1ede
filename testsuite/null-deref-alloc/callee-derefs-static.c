/* null-deref-alloc through a function of the unit that reads a pointer static
   the caller set and writes through it first (the static is a summary
   parameter, mr_decl.param; mr_summary.static_derefs_first): the call
   dereferences an unchecked allocation stored there, and stays silent when the
   caller checked it or the callee tests it first.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern void note(const char *what);

static char *line;
static long *counts;
static char *spare;

static void __attribute__((noinline)) put_mark(void)
{
  line[0] = 'a';
  line[1] = '\0';
}

static void __attribute__((noinline)) bump_count(void)
{
  long *c = counts;
  c[0]++;
  note("counted");
  free(c);
}

/* The callee tests the static first: nothing is dereferenced unchecked.  */
static void __attribute__((noinline)) put_mark_checked(void)
{
  if (spare)
    spare[0] = 'b';
}

/* Only on some paths: no summary dereference.  */
static void __attribute__((noinline)) put_mark_sometimes(int n)
{
  if (n > 3)
    spare[0] = 'c';
}

void unchecked(size_t n)
{
  line = malloc(n + 2);
  put_mark(); /* { dg-warning "dereference of possibly-NULL" } */
  free(line);
}

void unchecked_local(void)
{
  long *c = malloc(sizeof *c);
  counts = c;
  bump_count(); /* { dg-warning "dereference of possibly-NULL" } */
}

/* Silent: the caller checked.  */
void checked(size_t n)
{
  line = malloc(n + 2);
  if (!line)
    return;
  put_mark(); /* { dg-bogus "possibly-NULL" } */
  free(line);
}

void checked_local(void)
{
  long *c = malloc(sizeof *c);
  if (c == NULL)
    exit(1);
  counts = c;
  bump_count(); /* { dg-bogus "possibly-NULL" } */
}

/* Silent: the callee checks.  */
void callee_checks(size_t n)
{
  spare = malloc(n + 1);
  put_mark_checked(); /* { dg-bogus "possibly-NULL" } */
  free(spare);
}

/* Silent: the callee dereferences only sometimes.  */
void callee_sometimes(size_t n, int k)
{
  spare = malloc(n + 1);
  put_mark_sometimes(k); /* { dg-bogus "possibly-NULL" } */
  free(spare);
}

/* Silent: the static holds something else by the call.  */
void reassigned(size_t n)
{
  static char fixed[8];
  line = malloc(n + 2);
  free(line);
  line = fixed;
  put_mark(); /* { dg-bogus "possibly-NULL" } */
}
