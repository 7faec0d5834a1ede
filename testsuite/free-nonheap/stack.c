/* free-nonheap: free or realloc of automatic storage -- the address of a
   local, a local array, a VLA, alloca memory (MEM34-C, CWE-590).  The message
   names the deallocator and the pointer: "'free' of 'buf' which points to
   memory not on the heap".  */
/* { dg-do compile } */

#include <alloca.h>
#include <stdlib.h>
#include <string.h>

extern int cond(void);

struct rec {
  int id;
  char name[16];
};

/* A local array; the message format, pinned once in full.  */
void test_1(void)
{
  char buf[16];
  strcpy(buf, "abc");
  free(buf); /* { dg-warning "'free' of 'buf' which points to memory not on the heap \(MEM34-C\) \[memrules-free-nonheap\]" } */
}

/* The address of a local scalar.  */
void test_2(void)
{
  int x = 0;
  int *p = &x;
  free(p); /* { dg-warning "'free' of 'p' which points to memory not on the heap" } */
}

/* The address of a local passed straight to free.  */
void test_3(void)
{
  long v = 1;
  free(&v); /* { dg-warning "'free' of '&?v' which points to memory not on the heap" } */
}

/* alloca memory is released when the function returns, not by free.  */
void test_4(void)
{
  char *p = alloca(32);
  p[0] = '\0';
  free(p); /* { dg-warning "'free' of 'p' which points to memory not on the heap" } */
}

/* A variable-length array.  */
void test_5(size_t n)
{
  char vla[n + 1];
  vla[0] = '\0';
  free(vla); /* { dg-warning "'free' of 'vla' which points to memory not on the heap" } */
}

/* A pointer into a local array, through a copy.  */
void test_6(void)
{
  char buf[32];
  char *p = buf + 4;
  char *q = p;
  free(q); /* { dg-warning "'free' of 'q' which points to memory not on the heap" } */
}

/* A member array of a local struct.  */
void test_7(void)
{
  struct rec r;
  r.id = 1;
  free(r.name); /* { dg-warning "'free' of '(r|r\\.name)' which points to memory not on the heap" } */
}

/* realloc of a local array.  */
char *test_8(void)
{
  char buf[16];
  buf[0] = '\0';
  return realloc(buf, 32); /* { dg-warning "'realloc' of 'buf' which points to memory not on the heap" } */
}

/* Heap on one path, the stack on the other, freed unconditionally.  */
void test_9(void)
{
  char buf[16];
  char *p = cond() ? malloc(16) : buf;
  free(p); /* { dg-warning "'free' of 'p' which points to memory not on the heap" } */
}

/* The same, freed only on the path where it is heap: silent.  */
void test_10(int c)
{
  char buf[16];
  char *p = c ? malloc(16) : buf;
  if (c)
    free(p); /* { dg-bogus "not on the heap" } */
}

/* Heap memory: silent.  */
void test_11(void)
{
  char *p = malloc(16);
  free(p); /* { dg-bogus "not on the heap" } */
}

/* A local pointer variable that holds heap memory: what it points to counts,
   not where the pointer variable lives.  */
void test_12(void)
{
  char *p = malloc(16);
  char **pp = &p;
  free(*pp); /* { dg-bogus "not on the heap" } */
}

/* A stack buffer replaced by heap memory before the free: silent.  */
void test_13(size_t n)
{
  char small[16];
  char *p = small;
  if (n > sizeof small) {
    p = malloc(n);
    if (p == NULL)
      return;
  }
  p[0] = '\0';
  if (p != small)
    free(p); /* { dg-bogus "not on the heap" } */
}

/* A parameter: where it points is unknown here.  Silent.  */
void test_14(char *p)
{
  free(p); /* { dg-bogus "not on the heap" } */
}

/* An element of a local array at a variable index.  */
void test_15(int i)
{
  char *arr[4];
  free(&arr[i]); /* { dg-warning "'free' of '&arr\[i\]' which points to memory not on the heap" } */
}
