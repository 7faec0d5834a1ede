/* free-offset: a pointer advanced in a loop (p++), then freed (MEM34-C,
   CWE-761).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct hdr {
  int kind;
  int len;
  char data[16];
};

/* p++ in a loop with a constant trip count, then free(p).  */
void test_1(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  for (int i = 0; i < 4; i++)
    *p++ = 'x';
  free(p); /* { dg-warning "'free' of 'p' which does not point to the start of its allocation" } */
}

/* p++ in a loop that runs at least once on some path.  */
void test_2(size_t n)
{
  char *p = malloc(64);
  if (p == NULL)
    return;
  for (size_t i = 0; i < n && i < 64; i++)
    *p++ = '\0';
  free(p); /* { dg-warning "'free' of 'p' which does not point to the start of its allocation" } */
}

/* Advanced, then restored from a saved copy.  Silent.  */
void test_3(void)
{
  char *p = malloc(16);
  if (p == NULL)
    return;
  char *q = p;
  for (int i = 0; i < 4; i++)
    *p++ = 'y';
  p = q;
  free(p); /* { dg-bogus "does not point to the start" } */
}

/* Indexing does not move the pointer.  Silent.  */
void test_4(const char *s)
{
  char *p = strdup(s);
  if (p == NULL)
    return;
  for (size_t i = 0; p[i] != '\0'; i++)
    p[i] = 'x';
  free(p); /* { dg-bogus "does not point to the start" } */
}
