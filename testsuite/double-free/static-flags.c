/* double-free (MEM31-C, CWE-415) and leak with a flag kept in a static: a call
   cannot change a static with internal linkage whose address is never taken
   when the function is the only one that writes it, and a static the unit only
   ever sets to one constant keeps that constant once it holds it.  The tests of
   the flag before and after the calls are then one test.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void note(const char *msg);
extern int wanted(void);

static int release_now;		/* written only by set_and_release */
static int release_twice;	/* written only by set_and_release_twice */
static int ready;		/* the unit only ever sets it to 1 */

static void make_ready(void)
{
  ready = 1;
}

void prepare(void)
{
  make_ready();
}

/* Silent: the flag set once before the calls decides both tests alike.  */
void set_and_release(void)
{
  char *p = malloc(10);
  release_now = wanted();
  if (release_now)
    free(p);
  note("between");
  if (!release_now)
    free(p); /* { dg-bogus "double-'free'" } */
} /* { dg-bogus "leak of" } */

/* The same flag tested the same way twice: a double free.  */
void set_and_release_twice(void)
{
  char *p = malloc(10);
  release_twice = wanted();
  if (release_twice)
    free(p);
  note("between");
  if (release_twice)
    free(p); /* { dg-warning "double-'free' of 'p'" } */
} /* { dg-warning "leak of 'p'" } */

/* Silent: once ready is 1, no call makes it anything else.  */
void when_ready(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  if (!ready) {
    free(p);
    return;
  }
  note("ready");
  make_ready();
  if (!ready)
    free(p); /* { dg-bogus "double-'free'" } */
  free(p);
}

/* A call may make ready 1 when it was 0: the second test may take the other
   branch.  */
void until_ready(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  if (!ready)
    free(p);
  note("waiting");
  if (!ready)
    return;
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* A function that calls itself may change its own flag through the call: the
   inner call leaves it 1, so the outer one frees twice when n > 0.  */
static int released_inside;

void release_recursively(int n)
{
  char *p = malloc(10);
  released_inside = 0;
  if (n > 0)
    release_recursively(n - 1);
  if (released_inside)
    free(p);
  released_inside = 1;
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
