/* free-offset: free or realloc of a pointer moved by pointer arithmetic so it no
   longer points to the start of its allocation (MEM34-C, CWE-761).  The
   message: "'free' of 'p' which does not point to the start of its
   allocation".  How an expression such as p + 1 is named is not pinned.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern int cond(void);

struct hdr {
  int kind;
  int len;
  char data[16];
};

/* p advanced, then freed; the message format, pinned once in full.  */
void test_1(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  p += 4;
  free(p); /* { dg-warning "'free' of 'p' which does not point to the start of its allocation \(MEM34-C\) \[memrules-free-offset\]" } */
}

/* free(p + 1).  */
void test_2(void)
{
  char *p = malloc(16);
  free(p + 1); /* { dg-warning "'free' of '[^']*' which does not point to the start of its allocation" } */
}

/* Advanced on one branch.  */
void test_3(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  p[0] = ' ';
  if (cond())
    p++;
  free(p); /* { dg-warning "'free' of 'p' which does not point to the start of its allocation" } */
}

/* realloc of an advanced pointer.  */
char *test_4(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return NULL;
  p += 8;
  char *q = realloc(p, 32); /* { dg-warning "'realloc' of 'p' which does not point to the start of its allocation" } */
  if (q == NULL) {
    free(p - 8); /* { dg-bogus "does not point to the start" } */
    return NULL;
  }
  return q;
}

/* free(p + 4 - 4): back at the start.  Silent.  */
void test_5(void)
{
  char *p = malloc(16);
  free(p + 4 - 4); /* { dg-bogus "does not point to the start" } */
}

/* The saved copy freed, the advanced pointer left alone.  Silent.  */
void test_6(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  char *q = p;
  p += 8;
  *p = 'z';
  free(q); /* { dg-bogus "does not point to the start" } */
}

/* Advanced and moved back.  Silent.  */
void test_7(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  p += 4;
  *p = 'a';
  p -= 4;
  free(p); /* { dg-bogus "does not point to the start" } */
}

/* An interior pointer, walked back before the free.  Silent.  */
void test_8(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  char *mid = p + 8;
  *mid = 'm';
  free(mid - 8); /* { dg-bogus "does not point to the start" } */
}

/* Moved forward and back by a variable amount: silent.  */
void test_9(size_t hdr)
{
  if (hdr > 64)
    return;
  char *base = malloc(64);
  if (base == NULL)
    return;
  char *p = base + hdr;
  free(p - hdr); /* { dg-bogus "does not point to the start" } */
}
