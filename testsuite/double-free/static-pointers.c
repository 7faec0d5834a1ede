/* double-free (MEM31-C, CWE-415) through a pointer static of the unit that a
   callee frees: a static with internal linkage whose address is never taken is
   read by the callee like a parameter, filled at the call with what the caller
   holds there, so a helper that frees it frees the caller's pointer.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void note(const char *msg);

static char *held;
static char *other;
static char *cleared;
static char *reset_first;
static char *checked;

static void release_held(void)
{
  free(held);
}

/* The caller freed it already: the helper frees it again.  */
void test_1(void)
{
  held = malloc(10);
  free(held);
  release_held(); /* { dg-warning "double-'free' of 'held'" } */
}

/* Silent: the helper frees it once, then the caller forgets it.  */
void test_2(void)
{
  held = malloc(10);
  release_held();
  held = NULL;
}

/* Silent: the caller frees a fresh block after the helper freed the old one.  */
void test_3(void)
{
  held = malloc(10);
  release_held();
  held = malloc(10);
  free(held); /* { dg-bogus "double-'free'" } */
}

static void release_other(void)
{
  free(other);
}

/* Silent: the helper frees another static than the one the caller freed.  */
void test_4(void)
{
  held = malloc(10);
  other = malloc(10);
  free(held);
  release_other(); /* { dg-bogus "double-'free'" } */
  held = NULL;
}

static void release_and_clear(void)
{
  free(cleared);
  cleared = NULL;
}

/* Silent: the helper clears what it freed, so the caller's free is of NULL.  */
void test_5(void)
{
  cleared = malloc(10);
  release_and_clear();
  free(cleared); /* { dg-bogus "double-'free'" } */
}

/* Freed by the caller, then by the helper that clears it after.  */
void test_6(void)
{
  cleared = malloc(10);
  free(cleared);
  release_and_clear(); /* { dg-warning "double-'free' of 'cleared'" } */
}

static void refill(void);

static void reset_then_release(void)
{
  note("reset");		/* may call back into the unit: refill */
  free(reset_first);
}

static void refill(void)
{
  reset_first = malloc(10);
}

void start(void)
{
  refill();
}

/* Silent: the helper makes a call first that may store a fresh block there.  */
void test_7(void)
{
  reset_first = malloc(10);
  free(reset_first);
  reset_then_release(); /* { dg-bogus "double-'free'" } */
}

static void release_checked(void)
{
  if (checked)
    free(checked);
}

/* Silent: the caller left NULL there, which the helper does not free.  */
void test_8(void)
{
  checked = malloc(10);
  free(checked);
  checked = NULL;
  release_checked(); /* { dg-bogus "double-'free'" } */
}

/* The helper frees it only when it is not NULL: here it is not.  */
void test_9(void)
{
  checked = malloc(10);
  if (!checked)
    return;
  free(checked);
  release_checked(); /* { dg-warning "double-'free' of 'checked'" } */
}
