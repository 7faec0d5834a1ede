/* What a call may have released or kept is out of sight, not leaked; a field
   simply lost when its holder is freed is a leak.  */
#include <stdlib.h>

struct s { char *buf; struct s *next; int n; };
void fill(struct s *p);

int test_1(void)
{
  struct s *q = malloc(sizeof *q);
  if (!q)
    return -1;
  q->buf = malloc(8);
  fill(q);
  free(q);
  return 0; /* { dg-bogus "leak" } */
}

int test_2(void)
{
  struct s *q = malloc(sizeof *q);
  if (!q)
    return -1;
  q->buf = malloc(8); /* { dg-message "allocated here" } */
  q->n = 1;
  free(q);
  return 0; /* { dg-warning "leak of 'q->buf'" } */
}

/* A destructor of the translation unit that checks for NULL first frees the
   object and, for all the caller can tell, what it holds.  */
static void s_free(struct s *p)
{
  if (p)
    {
      free(p->buf);
      free(p);
    }
}

int test_3(int fail)
{
  struct s *q = malloc(sizeof *q);
  if (!q)
    return -1;
  q->buf = malloc(8);
  if (fail)
    {
      s_free(q);
      return -1; /* { dg-bogus "leak" } */
    }
  s_free(q);
  return 0;
}
