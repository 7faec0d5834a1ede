/* zero-alloc is off by default (MEM36-C, MEM04-C; CWE-131): without
   -fplugin-arg-memrules-enable=zero-alloc the shapes that warn in basic.c
   stay silent.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

/* malloc(n), then p[0] written.  */
char *test_1(size_t n)
{
  char *p = malloc(n);
  if (p == NULL)
    return NULL;
  p[0] = 1; /* { dg-bogus "possibly 0 bytes" } */
  return p;
}

/* strlen-sized copy without room for the terminator.  */
char *test_2(const char *s)
{
  char *p = malloc(strlen(s));
  if (p == NULL)
    return NULL;
  p[0] = '\0'; /* { dg-bogus "possibly 0 bytes" } */
  return p;
}
