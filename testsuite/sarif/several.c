/* Several findings with notes, for the SARIF test (testsuite/integration, test
   `sarif`): each becomes a result with relatedLocations and a codeFlow.  */

#include <stdlib.h>
#include <string.h>

/* 1: double free, one note.  */
void
test_1 (int c)
{
  char *p = malloc (16);
  if (!p)
    return;
  free (p); /* { dg-message "first 'free' here" } */
  if (c)
    free (p); /* { dg-warning "double-'free' of 'p'" } */
}

/* 2: use after free through a libc call.  */
void
test_2 (char *out)
{
  char *p = malloc (16);
  if (!p)
    return;
  strcpy (p, "x");
  free (p); /* { dg-message "freed here" } */
  strcpy (out, p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* 3: use after free through a field, in a "quoted" and \ named function.  */
struct s
{
  char *buf;
};

void
test_3 (struct s *s)
{
  free (s->buf); /* { dg-message "freed here" } */
  s->buf[0] = 'x'; /* { dg-warning "use after 'free' of 's->buf'" } */
}
