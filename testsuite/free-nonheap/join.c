/* free-nonheap: a pointer that holds a local's, a static's or a literal's address
   on one of the paths that join before the free, NULL or heap memory on the
   others (MEM34-C, CWE-590).  The path where it is the named object is reported
   at the free; the path where it is NULL is not.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern int mode;
extern void show (const char *);
extern void fill (char *, size_t);
extern char *get_buffer (size_t);
extern int more (void);

/* A static local, taken on one branch; NULL on the other.  */
void test_1(void)
{
  char *data = NULL;
  if (mode == 5)
    {
      static char pool[10];
      data = pool;
    }
  free(data); /* { dg-warning "'free' of 'data' which points to memory not on the heap" } */
}

/* A local array, taken on one branch.  */
void test_2(void)
{
  char *data = NULL;
  char line[10];
  if (mode == 5)
    data = line;
  free(data); /* { dg-warning "'free' of 'data' which points to memory not on the heap" } */
}

/* The pointer is only ever NULL: free (NULL) is allowed.  Silent.  */
void test_3(void)
{
  char *data = NULL;
  char line[10];
  if (mode == 5)
    fill(line, sizeof line);
  free(data); /* { dg-bogus "not on the heap" } */
}

/* A dereference between the join and the free: the NULL path stops there, the
   path of the static scalar goes on to the free.  */
void test_4(void)
{
  long *data = NULL;
  if (mode)
    {
      static long cell;
      cell = 5;
      data = &cell;
    }
  show((const char *)data);
  *data += 1;
  free(data); /* { dg-warning "'free' of 'data' which points to memory not on the heap" } */
}

/* A string literal on one path, a copy on the other, freed on both.  */
void test_5(int k)
{
  char *s = NULL;
  if (k > 0)
    s = strdup("x");
  else if (k < 0)
    s = (char *)"negative";
  show(s);
  free(s); /* { dg-warning "'free' of 's' which points to memory not on the heap" } */
}

/* The same, freed only on the path that copied: silent.  */
void test_6(int k)
{
  char *s = NULL;
  if (k > 0)
    s = strdup("x");
  else if (k < 0)
    s = (char *)"negative";
  show(s);
  if (k > 0)
    free(s); /* { dg-bogus "not on the heap" } */
}

/* A small-buffer optimisation: the stack buffer when it is big enough, the heap
   otherwise, released only when it is not the stack buffer.  Silent.  */
void test_7(size_t n)
{
  char stackbuf[16];
  char *p = n < sizeof stackbuf ? stackbuf : malloc(n);
  if (!p)
    return;
  fill(p, n);
  if (p != stackbuf)
    free(p); /* { dg-bogus "not on the heap" } */
}

/* The same, released without the test.  */
void test_8(size_t n)
{
  char stackbuf[16];
  char *p = n < sizeof stackbuf ? stackbuf : malloc(n);
  if (!p)
    return;
  fill(p, n);
  free(p); /* { dg-warning "'free' of 'p' which points to memory not on the heap" } */
}

/* The other side from a function without a body: tested, silent ...  */
void test_9(size_t n)
{
  char stackbuf[16];
  char *p = n < sizeof stackbuf ? stackbuf : get_buffer(n);
  fill(p, n);
  if (p != stackbuf)
    free(p); /* { dg-bogus "not on the heap" } */
}

/* ... not tested: the stack buffer's path frees it.  */
void test_10(size_t n)
{
  char stackbuf[16];
  char *p = n < sizeof stackbuf ? stackbuf : get_buffer(n);
  fill(p, n);
  free(p); /* { dg-warning "'free' of 'p' which points to memory not on the heap" } */
}

/* A flag says whether the buffer was allocated.  Silent.  */
void test_11(size_t n)
{
  char stackbuf[16];
  char *p = stackbuf;
  int on_heap = 0;
  if (n >= sizeof stackbuf)
    {
      p = malloc(n);
      if (!p)
	return;
      on_heap = 1;
    }
  fill(p, n);
  if (on_heap)
    free(p); /* { dg-bogus "not on the heap" } */
}

/* A buffer that starts on the stack and moves to the heap as it grows: the
   first growth copies instead of reallocating, the end releases only the heap.
   Silent.  */
void test_12(void)
{
  char stackbuf[16];
  char *p = stackbuf;
  size_t cap = sizeof stackbuf, len = 0;
  while (more())
    {
      if (len == cap)
	{
	  char *q = p == stackbuf ? malloc(cap * 2) : realloc(p, cap * 2); /* { dg-bogus "not on the heap" } */
	  if (!q)
	    break;
	  if (p == stackbuf)
	    memcpy(q, p, cap);
	  p = q;
	  cap *= 2;
	}
      p[len++] = 'x';
    }
  fill(p, len);
  if (p != stackbuf)
    free(p); /* { dg-bogus "not on the heap" } */
}

/* The same growth by realloc alone: its first call reallocates the stack
   buffer.  */
void test_13(void)
{
  char stackbuf[16];
  char *p = stackbuf;
  size_t cap = sizeof stackbuf, len = 0;
  while (more())
    {
      if (len == cap)
	{
	  char *q = realloc(p, cap * 2); /* { dg-warning "'realloc' of 'p' which points to memory not on the heap" } */
	  if (!q)
	    break;
	  p = q;
	  cap *= 2;
	}
      p[len++] = 'x';
    }
  fill(p, len);
  if (p != stackbuf)
    free(p);
}

/* The pointer variable lives in memory (its address is taken): the join merges
   what its slot holds on the two paths and loses the local.  */
void test_14(void)
{
  char *data = NULL;
  char line[10];
  char **where = &data;
  if (mode == 5)
    *where = line;
  free(*where); /* { dg-warning "'free' of '\*where' which points to memory not on the heap" } */
}

/* The same, tested against the local before the free: silent.  */
void test_15(void)
{
  char *data = NULL;
  char line[10];
  char **where = &data;
  if (mode == 5)
    *where = line;
  show(data);
  if (data != line)
    free(data); /* { dg-bogus "not on the heap" } */
}

/* The slot is only ever NULL: silent.  */
void test_16(void)
{
  char *data = NULL;
  char line[10];
  char **where = &data;
  if (mode == 5)
    fill(line, sizeof line);
  free(*where); /* { dg-bogus "not on the heap" } */
}

/* A static's address through a pointer to the variable, freed by the variable's
   own name.  */
void test_17(void)
{
  static char pool[10];
  char *data = NULL;
  char **where = &data;
  if (mode == 5)
    *where = pool;
  show(data);
  free(data); /* { dg-warning "'free' of 'data' which points to memory not on the heap" } */
}

/* A struct's pointer field: the local on one path, NULL on the other.  */
struct holder
{
  int n;
  char *buf;
};

void test_18(void)
{
  char line[10];
  struct holder h = { 0, NULL };
  if (mode == 5)
    h.buf = line;
  show(h.buf);
  free(h.buf); /* { dg-warning "'free' of 'h.buf' which points to memory not on the heap" } */
}

/* The same, freed only when it is not the local: silent.  */
void test_19(void)
{
  char line[10];
  struct holder h = { 0, NULL };
  if (mode == 5)
    h.buf = line;
  show(h.buf);
  if (h.buf != line)
    free(h.buf); /* { dg-bogus "not on the heap" } */
}
