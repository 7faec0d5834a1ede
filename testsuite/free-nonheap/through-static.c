/* free-nonheap: the pointer reaches the free through a file-scope static that
   one function sets and a function it calls reads and frees (MEM34-C, CWE-590).
   The reader's summary frees what the static held when it was called, as long as
   it read the static before any call that might change it.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern void report(const char *);
extern void refresh(void);

static char *current;

/* Reads the static, hands it to a function without a body, frees it.  */
static void drop_current(void)
{
  char *p = current;
  report(p);
  free(p);
}

/* Reads the static only after such a call, which may have replaced it.  */
static void drop_refreshed(void)
{
  refresh();
  char *p = current;
  free(p);
}

/* A local array left in the static.  */
void test_1(void)
{
  char line[8];
  strcpy(line, "abc");
  current = line;
  drop_current(); /* { dg-warning "'free' of 'current' which points to memory not on the heap" } */
}

/* alloca memory left there, chosen on one branch.  */
void test_2(int big)
{
  char *p = NULL;
  if (big)
    {
      p = __builtin_alloca(32);
      strcpy(p, "abc");
    }
  current = p;
  drop_current(); /* { dg-warning "'free' of 'current' which points to memory not on the heap" } */
}

/* Heap memory left there: silent.  */
void test_3(void)
{
  char *p = malloc(8);
  if (!p)
    return;
  strcpy(p, "abc");
  current = p;
  drop_current(); /* { dg-bogus "not on the heap" } */
}

/* A reader that calls out first frees whatever the static holds then: the local
   may be gone from it.  Silent.  */
void test_4(void)
{
  char line[8];
  strcpy(line, "abc");
  current = line;
  drop_refreshed(); /* { dg-bogus "not on the heap" } */
}

/* Heap memory freed by the reader and then again by the caller.  */
void test_5(void)
{
  char *p = malloc(8);
  if (!p)
    return;
  current = p;
  drop_current();
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}
