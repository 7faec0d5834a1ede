/* double-free and free-nonheap through a function held in a local pointer:
   `void (*rel) (void *) = free; rel (p);` calls free, and `fp = sink; fp (buf);`
   calls sink with its summary (issue 15, allocators and deallocators as values).
   A pointer that may hold either of two functions stays an unknown call.  */
/* { dg-do compile } */

#include <stdlib.h>

void test_release_twice (void)
{
  void (*rel) (void *) = free;
  char *p = malloc (4);
  rel (p); /* { dg-message "first 'free' here" } */
  rel (p); /* { dg-warning "double-'free' of 'p'" } */
}

/* Silent: a new block between the two releases.  */
void test_release_each (void)
{
  void (*rel) (void *) = free;
  char *p = malloc (4);
  rel (p);
  p = malloc (4);
  rel (p); /* { dg-bogus "double-'free'" } */
}

static void
sink (char *d)
{
  free (d);
}

void test_sink_stack (void)
{
  void (*fp) (char *) = sink;
  char buf[4] = "abc";
  fp (buf); /* { dg-warning "'free' of 'buf' which points to memory not on the heap" } */
}

/* Silent: the sink is given heap memory.  */
void test_sink_heap (void)
{
  void (*fp) (char *) = sink;
  char *p = malloc (4);
  fp (p); /* { dg-bogus "not on the heap" } */
}

static void
keep (void *d)
{
  (void) d;
}

/* Silent: rel is free or keep; the engine does not guess which.  */
void test_either (int c)
{
  void (*rel) (void *) = c ? free : keep;
  char *p = malloc (4);
  rel (p);
  rel (p); /* { dg-bogus "double-'free'" } */
  free (p);
}
