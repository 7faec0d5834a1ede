/* double-free: frees inside loops (MEM31-C, CWE-415).  The second iteration
   frees again what the first one freed, unless the pointer is reset.  */
/* { dg-do compile } */

#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

extern int more(void);

/* Freed on every iteration, never reset: the warning and its note are the
   same call.  */
void test_1(void)
{
  char *p = malloc(16);
  for (int i = 0; i < 2; i++)
    free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Reset after the free.  */
void test_2(int n)
{
  char *p = malloc(16);
  for (int i = 0; i < n; i++) {
    free(p);
    p = NULL;
  }
  free(p); /* { dg-bogus "double-'free'" } */
}

/* A new block on every iteration.  */
void test_3(int n)
{
  char *p = malloc(16);
  for (int i = 0; i < n; i++) {
    free(p); /* { dg-bogus "double-'free'" } */
    p = malloc(16);
  }
  free(p); /* { dg-bogus "double-'free'" } */
}

/* do-while: the second pass through the body frees again.  */
void test_4(void)
{
  char *p = malloc(16);
  do
    free(p); /* { dg-warning "double-'free' of 'p'" } */
  while (more());
}

/* Leaving the function right after the free; the other exit frees once.  */
int test_5(void)
{
  char *p = malloc(16);
  while (more()) {
    if (more()) {
      free(p);
      return 1;
    }
  }
  free(p); /* { dg-bogus "double-'free'" } */
  return 0;
}

/* K&R's correct list free, then the head freed again.  */
void test_6(struct node *head)
{
  struct node *q;
  for (struct node *p = head; p != NULL; p = q) {
    q = p->next;
    free(p);
  }
  free(head); /* { dg-warning "double-'free' of 'head'" } */
}

/* K&R's correct list free on its own.  */
void test_7(struct node *head)
{
  struct node *q;
  for (struct node *p = head; p != NULL; p = q) {
    q = p->next;
    free(p); /* { dg-bogus "double-'free'" } */
  }
}

/* Freeing an array of blocks: each element once.  */
void test_8(char **v, int n)
{
  for (int i = 0; i < n; i++)
    free(v[i]); /* { dg-bogus "double-'free'" } */
  free(v); /* { dg-bogus "double-'free'" } */
}

/* A while loop that frees without a reset, then a free after the loop.  */
void test_9(void)
{
  char *p = malloc(16);
  while (more())
    free(p); /* { dg-warning "double-'free' of 'p'" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
