/* leak: allocations inside loops (MEM31-C, CWE-401).  A block allocated in an
   iteration and not freed is lost when the next iteration overwrites the
   pointer or the loop ends.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct node {
  struct node *next;
  int value;
};

/* A block allocated in every iteration, never freed.  Reported once, at the
   function's closing brace, where the last block is lost.  */
void test_1(int n)
{
  for (int i = 0; i < n; i++) {
    char *p = malloc(16); /* { dg-message "allocated here" } */
    if (p == NULL)
      return;
    p[0] = '\0';
  }
} /* { dg-warning "leak of 'p'" } */

/* Freed in every iteration: silent.  */
void test_2(int n)
{
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    if (p == NULL)
      return;
    p[0] = '\0';
    free(p);
  }
} /* { dg-bogus "leak of" } */

/* A list built in a loop and returned: silent.  */
struct node *test_3(int n)
{
  struct node *head = NULL;
  for (int i = 0; i < n; i++) {
    struct node *nd = malloc(sizeof *nd);
    if (nd == NULL)
      break;
    nd->value = i;
    nd->next = head;
    head = nd;
  }
  return head; /* { dg-bogus "leak of" } */
}

/* A list freed in a loop (K&R's q = p->next; free(p); p = q): silent.  */
void test_4(struct node *head)
{
  struct node *p = head;
  while (p != NULL) {
    struct node *q = p->next;
    free(p);
    p = q;
  }
} /* { dg-bogus "leak of" } */

/* A buffer grown in a loop through a temporary, freed at the end: silent.  */
int test_5(const char *s, int n)
{
  size_t cap = 16;
  char *buf = malloc(cap);
  if (buf == NULL)
    return -1;
  buf[0] = '\0';
  for (int i = 0; i < n && cap < 4096; i++) {
    char *more = realloc(buf, cap * 2);
    if (more == NULL) {
      free(buf);
      return -1; /* { dg-bogus "leak of" } */
    }
    buf = more;
    cap *= 2;
    strncat(buf, s, cap - strlen(buf) - 1);
  }
  free(buf);
  return 0; /* { dg-bogus "leak of" } */
}
