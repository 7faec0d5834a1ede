/* double-free (MEM31-C, CWE-415) of a public global across calls of functions of
   the unit: a callee whose summary lists the statics and globals it may write
   (none, or others) and makes no call that may write more leaves the caller's
   view of the rest, so freeing the global again after it is a double free.  A
   callee that writes the global, may write it through a pointer, or calls a
   function the engine knows nothing of keeps it forgotten.  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>

extern void unknown_work(void);

char *gbuf;
char *other;
char **where;
struct conf { char *name; int size; } gconf;

void log_it(const char *m)
{
  puts(m);
}

__attribute__((noinline)) void drop_other(void)
{
  other = NULL;
}

__attribute__((noinline)) void renew_other(void)
{
  other = malloc(5);
}

__attribute__((noinline)) void via_other(void)
{
  drop_other();
}

__attribute__((noinline)) void keep_arg(char *p)
{
  other = p;
}

__attribute__((noinline)) void maybe_free(char *p, int c)
{
  if (c)
    free(p);
}

__attribute__((noinline)) void clear_gbuf(void)
{
  gbuf = NULL;
}

__attribute__((noinline)) void renew_gbuf(void)
{
  gbuf = malloc(20);
}

__attribute__((noinline)) void clear_through(char **pp)
{
  *pp = NULL;
}

__attribute__((noinline)) void clear_where(void)
{
  *where = NULL;
}

__attribute__((noinline)) void clear_both(void)
{
  drop_other();
  clear_gbuf();
}

__attribute__((noinline)) void other_then_unknown(void)
{
  other = NULL;
  unknown_work();
}

/* A logger that writes nothing of the program's.  */
void test_1(void)
{
  gbuf = malloc(10);
  free(gbuf);
  log_it("x");
  free(gbuf); /* { dg-warning "double-'free' of 'gbuf'" } */
}

/* Callees that write other globals only.  */
void test_2(void)
{
  gbuf = malloc(10);
  free(gbuf);
  drop_other();
  free(gbuf); /* { dg-warning "double-'free' of 'gbuf'" } */
}

void test_3(void)
{
  gbuf = malloc(10);
  free(gbuf);
  renew_other();
  free(gbuf); /* { dg-warning "double-'free' of 'gbuf'" } */
}

void test_4(void)
{
  gbuf = malloc(10);
  free(gbuf);
  via_other();
  free(gbuf); /* { dg-warning "double-'free' of 'gbuf'" } */
}

void test_5(char *q)
{
  gbuf = malloc(10);
  free(gbuf);
  keep_arg(q);
  free(gbuf); /* { dg-warning "double-'free' of 'gbuf'" } */
}

void test_6(char *q, int c)
{
  gbuf = malloc(10);
  free(gbuf);
  maybe_free(q, c);
  free(gbuf); /* { dg-warning "double-'free' of 'gbuf'" } */
}

/* A global struct's field.  */
void test_7(void)
{
  gconf.name = malloc(10);
  free(gconf.name);
  drop_other();
  free(gconf.name); /* { dg-warning "double-'free' of 'gconf.name'" } */
}

/* Writing through a local's address leaves the globals alone.  */
void test_8(void)
{
  char *l = NULL;
  gbuf = malloc(10);
  free(gbuf);
  clear_through(&l);
  free(gbuf); /* { dg-warning "double-'free' of 'gbuf'" } */
}

/* Silent: the callee writes the global.  */
void test_9(void)
{
  gbuf = malloc(10);
  free(gbuf);
  clear_gbuf();
  free(gbuf); /* { dg-bogus "double-'free'" } */
}

void test_10(void)
{
  gbuf = malloc(10);
  free(gbuf);
  renew_gbuf();
  free(gbuf); /* { dg-bogus "double-'free'" } */
}

/* Silent: through a callee it calls.  */
void test_11(void)
{
  gbuf = malloc(10);
  free(gbuf);
  clear_both();
  free(gbuf); /* { dg-bogus "double-'free'" } */
}

/* Silent: through a pointer that may reach it.  */
void test_12(void)
{
  gbuf = malloc(10);
  free(gbuf);
  clear_through(&gbuf);
  free(gbuf); /* { dg-bogus "double-'free'" } */
}

void test_13(char **pp)
{
  gbuf = malloc(10);
  free(gbuf);
  clear_through(pp);
  free(gbuf); /* { dg-bogus "double-'free'" } */
}

void test_14(void)
{
  gbuf = malloc(10);
  free(gbuf);
  clear_where();
  free(gbuf); /* { dg-bogus "double-'free'" } */
}

/* Silent: the callee calls a function the engine knows nothing of.  */
void test_15(void)
{
  gbuf = malloc(10);
  free(gbuf);
  other_then_unknown();
  free(gbuf); /* { dg-bogus "double-'free'" } */
}

/* A callee that writes nothing of its caller's but an integer global (a flag it
   sets): the caller's value of the flag is forgotten, so the branch it guards may
   be taken.  */
int gflag;

__attribute__((noinline)) void set_flag(void)
{
  gflag = 1;
}

__attribute__((noinline)) void no_flag(void)
{
}

void test_16(char *p)
{
  gflag = 0;
  set_flag();
  if (gflag)
    free(p);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Silent: the flag stays 0.  */
void test_17(char *p)
{
  gflag = 0;
  no_flag();
  if (gflag)
    free(p);
  free(p); /* { dg-bogus "double-'free'" } */
}
