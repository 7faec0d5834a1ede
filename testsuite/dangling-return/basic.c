/* dangling-return (MEM30-C, CWE-416): a pointer to freed memory returned to the
   caller.  Its own rule, apart from use-after-free: evaluating the pointer is
   undefined, but callers often only compare it or ignore it, so a project can
   silence this rule alone (a pragma, disable=: disabled.c) and keep the others.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct node {
  struct node *next;
  char *name;
};

/* 1: the freed pointer itself.  */
char *test_1(size_t n)
{
  char *p = malloc(n);
  free(p); /* { dg-message "freed here" } */
  return p; /* { dg-warning "return of 'p' after 'free' \(MEM30-C\) \[memrules-dangling-return\]" } */
}

/* 2: a copy with an offset, on the path that freed it.  */
char *test_2(char *s, int drop)
{
  char *q = s + 1;
  if (drop)
    free(s); /* { dg-message "freed here" } */
  return q; /* { dg-warning "return of 'q' after 'free'" } */
}

/* 3: freed by a helper of the translation unit.  */
void release(struct node *n)
{
  free(n->name);
  free(n);
}

struct node *test_3(struct node *n)
{
  release(n); /* { dg-message "freed here, in 'release'" } */
  return n; /* { dg-warning "return of 'n' after 'free'" } */
}

/* 4: compliant: the pointer is returned before it is freed on any path, or
   replaced first.  */
char *test_4(char *s, int drop)
{
  if (drop)
    {
      free(s);
      s = NULL;
    }
  return s; /* { dg-bogus "return of" } */
}

/* 5: a dereference in the return statement is a use after free, not this rule.  */
int test_5(struct node *n)
{
  free(n); /* { dg-message "freed here" } */
  return n->name != NULL; /* { dg-warning "use after 'free' of 'n' \(MEM30-C\) \[memrules-use-after-free\]" } */
}

/* 6: silenced alone with a pragma; the use after free next to it still warns.  */
char *test_6(char *s, char *out)
{
  free(s); /* { dg-message "freed here" } */
#pragma memrules ignore "dangling-return"
  strcpy(out, s); /* { dg-warning "use after 'free' of 's'" } */
  return s; /* { dg-bogus "return of" } */
}
