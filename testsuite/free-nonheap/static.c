/* free-nonheap: free or realloc of static storage -- globals, static locals,
   string literals (MEM34-C, CWE-590).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

char gbuf[64];
int gcount;
static char sbuf[64];
char *gptr;

extern int cond(void);

/* A global array.  */
void test_1(void)
{
  free(gbuf); /* { dg-warning "'free' of 'gbuf' which points to memory not on the heap" } */
}

/* The address of a global scalar.  */
void test_2(void)
{
  int *p = &gcount;
  free(p); /* { dg-warning "'free' of 'p' which points to memory not on the heap" } */
}

/* A file-scope static array.  */
void test_3(void)
{
  char *p = sbuf;
  sbuf[0] = 'a';
  free(p); /* { dg-warning "'free' of 'p' which points to memory not on the heap" } */
}

/* A static local.  */
void test_4(void)
{
  static char once[32];
  free(once); /* { dg-warning "'free' of 'once' which points to memory not on the heap" } */
}

/* A string literal.  */
void test_5(void)
{
  char *s = (char *)"hello";
  free(s); /* { dg-warning "'free' of 's' which points to memory not on the heap" } */
}

/* A default value that is a string literal, replaced by a copy on one path;
   freed on every path.  */
void test_6(const char *name)
{
  char *s = (char *)"anonymous";
  if (name != NULL)
    s = strdup(name);
  free(s); /* { dg-warning "'free' of 's' which points to memory not on the heap" } */
}

/* The same, freed only when it was copied: silent.  */
void test_7(const char *name)
{
  char *s = (char *)"anonymous";
  if (name != NULL)
    s = strdup(name);
  if (name != NULL)
    free(s); /* { dg-bogus "not on the heap" } */
}

/* realloc of a static buffer.  */
char *test_8(void)
{
  return realloc(sbuf, 128); /* { dg-warning "'realloc' of 'sbuf' which points to memory not on the heap" } */
}

/* A global pointer variable holds heap memory: freeing what it points to is
   fine.  Silent.  */
void test_9(void)
{
  gptr = malloc(16);
  free(gptr); /* { dg-bogus "not on the heap" } */
  gptr = NULL;
}

/* A global pointer that may point anywhere: unknown, silent.  */
void test_10(void)
{
  free(gptr); /* { dg-bogus "not on the heap" } */
  gptr = NULL;
}

/* free(NULL) is allowed.  */
void test_11(void)
{
  char *p = NULL;
  free(p); /* { dg-bogus "not on the heap" } */
}
