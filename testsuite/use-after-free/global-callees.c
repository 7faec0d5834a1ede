/* use-after-free (MEM30-C, CWE-416) of a public global across calls of functions
   of the unit that cannot write it (their summaries list the globals they write):
   the freed pointer stays in the caller's view.  A callee that may write the
   global, or frees what it points to, keeps the caller quiet.  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>

extern void unknown_work(void);

char *gbuf;
char *last;

__attribute__((noinline)) void remember(char *p)
{
  last = p;
}

__attribute__((noinline)) void refill(void)
{
  gbuf = malloc(10);
}

__attribute__((noinline)) void drop_gbuf(void)
{
  free(gbuf);
}

__attribute__((noinline)) void note(const char *m)
{
  last = NULL;
  unknown_work();
  puts(m);
}

void test_1(char *q)
{
  gbuf = malloc(10);
  free(gbuf);
  remember(q);
  gbuf[0] = 'a'; /* { dg-warning "use after 'free' of 'gbuf'" } */
}

/* Silent: the callee gives it a new block.  */
void test_2(char *q)
{
  gbuf = malloc(10);
  free(gbuf);
  remember(q);
  refill();
  gbuf[0] = 'a'; /* { dg-bogus "use after 'free'" } */
  free(gbuf);
}

/* Silent: the callee calls a function the engine knows nothing of.  */
void test_3(void)
{
  gbuf = malloc(10);
  free(gbuf);
  note("x");
  gbuf[0] = 'a'; /* { dg-bogus "use after 'free'" } */
}

/* Silent: the callee frees the block without writing the global; the caller
   then gives the global another one, which is no leak of the first.  */
void test_4(void)
{
  gbuf = malloc(10);
  drop_gbuf();
  gbuf = malloc(20); /* { dg-bogus "leak" } */
  if (gbuf)
    gbuf[0] = 'a';
}
