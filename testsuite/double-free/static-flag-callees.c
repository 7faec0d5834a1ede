/* double-free (MEM31-C, CWE-415) by a helper that frees its argument only under
   an integer static flag of the unit (internal linkage, address never taken)
   that it reads and never writes: its summary keeps the condition on the flag,
   a parameter its callers fill with what they know of the flag at the call.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void note(const char *msg);
extern int wanted(void);

static int release_inside;
static int keep_inside;
static int never_set;
static int told;

static void maybe_release(char *p)
{
  if (release_inside)
    free(p);
}

/* The caller sets the flag: the helper frees what the caller freed.  */
void test_1(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  free(p);
  release_inside = 1;
  maybe_release(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Silent: the caller clears the flag, so the helper frees nothing.  */
void test_2(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  free(p);
  release_inside = 0;
  maybe_release(p); /* { dg-bogus "double-'free'" } */
}

/* Silent: the helper frees, the caller does not again.  */
void test_3(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  release_inside = 1;
  maybe_release(p); /* { dg-bogus "double-'free'" } */
}

/* The helper freed it under the flag: the caller's free after is the second.  */
void test_4(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  release_inside = 1;
  maybe_release(p);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

static void release_unless_kept(char *p)
{
  if (!keep_inside)
    free(p);
}

/* Freed when the flag is zero: the caller made it so.  */
void test_5(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  keep_inside = 0;
  release_unless_kept(p);
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Silent: the flag is set, so the helper keeps it and the caller frees it.  */
void test_6(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  keep_inside = 1;
  release_unless_kept(p);
  free(p); /* { dg-bogus "double-'free'" } */
}

static void release_if_never_set(char *p)
{
  if (never_set)
    free(p);
}

/* Silent: nothing in the unit writes the flag, it keeps its initializer 0.  */
void test_7(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  free(p);
  release_if_never_set(p); /* { dg-bogus "double-'free'" } */
}

static void release_after_note(char *p)
{
  note("releasing");		/* may call back into the unit and change told */
  if (told)
    free(p);
}

void tell(void)
{
  told = wanted();
}

/* Silent: the helper's call may change the flag before it tests it.  */
void test_8(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  free(p);
  told = 0;
  release_after_note(p); /* { dg-bogus "double-'free'" } */
}

static int release_when_asked;

static void release_if_asked(char *p, int asked)
{
  if (release_when_asked) {
    if (asked)
      free(p);
  }
}

/* Silent: with the flag set, the helper frees only when also asked.  */
void test_9(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  free(p);
  release_when_asked = 1;
  release_if_asked(p, 0); /* { dg-bogus "double-'free'" } */
}

static int release_checked;

static void release_checked_if_set(char *p)
{
  if (release_checked) {
    if (p)
      free(p);
  }
}

/* With the flag set the helper frees p when it is not NULL: here it is not.  */
void test_10(void)
{
  char *p = malloc(10);
  if (!p)
    return;
  free(p);
  release_checked = 1;
  release_checked_if_set(p); /* { dg-warning "double-'free' of 'p'" } */
}
