/* double-free: a helper returns memory it freed or a live block, as one of its
   parameters says (mr_summary MR_RET_FREED_OR_LIVE); freeing the result of a
   call whose constant argument selects the freed side frees it again.  Silent:
   the live side.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern void show (const char *text);	/* defined elsewhere */

/* Drops the block when its length is 0, gives the block back either way.  */
static char *trim (char *p, size_t len)
{
  if (len == 0)
    {
      free (p); /* { dg-message "'trim' frees it here" } */
      return p;
    }
  p[len - 1] = '\0';
  return p;
} /* { dg-warning "return of memory after 'free'" } */

void test_1 (void)
{
  char *p = malloc (8);
  if (!p)
    return;
  char *q = trim (p, 0);
  free (q); /* { dg-warning "double-'free' of 'q'" } */
}

/* Silent: the live side.  */
void test_2 (void)
{
  char *p = malloc (8);
  if (!p)
    return;
  strcpy (p, "abc");
  char *q = trim (p, 4);
  show (q);
  free (q); /* { dg-bogus "double" } */
}
