/* use-after-free: a helper returns memory it freed or a live block, as one of
   its parameters says (mr_summary MR_RET_FREED_OR_LIVE).  A call given a
   constant there that selects the freed side has a freed result: passing it on
   or reading it is a use.  Silent: a constant selecting the live side, and a
   value the caller does not know.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern void show (const char *text);	/* defined elsewhere */

/* Frees its argument unless told to keep it, and gives it back either way.  */
static char *pick (char *p, int keep)
{
  if (!keep)
    free (p); /* { dg-message "'pick' frees it here" } */
  return p; /* { dg-warning "return of 'p' after 'free'" } */
}

/* Frees a copy it made when no buffer is given to keep it: the other way.  */
static char *render (const char *text, char *into)
{
  char *s = strdup (text);
  if (!s)
    abort ();
  if (into)
    {
      strcpy (into, s);
      free (s);
      return into;
    }
  free (s); /* { dg-message "'render' frees it here" } */
  return s;
} /* { dg-warning "return of memory after 'free'" } */

void test_1 (void)
{
  char *p = malloc (8);
  if (!p)
    return;
  strcpy (p, "abc");
  char *q = pick (p, 0);
  show (q); /* { dg-warning "use after 'free' of 'q'" } */
}

void test_2 (void)
{
  char *r = render ("abc", NULL);
  if (r[0] == 'a') /* { dg-warning "use after 'free' of 'r'" } */
    show ("a");
}

/* Silent: kept.  */
void test_3 (void)
{
  char *p = malloc (8);
  if (!p)
    return;
  strcpy (p, "abc");
  char *q = pick (p, 1);
  show (q); /* { dg-bogus "use after" } */
  free (q);
}

/* Silent: rendered into a buffer of the caller's.  */
void test_4 (void)
{
  char buf[16];
  char *r = render ("abc", buf);
  show (r); /* { dg-bogus "use after" } */
}

/* Silent: the caller does not know which.  */
void test_5 (int keep)
{
  char *p = malloc (8);
  if (!p)
    return;
  strcpy (p, "abc");
  char *q = pick (p, keep);
  show (q); /* { dg-bogus "use after" } */
}
