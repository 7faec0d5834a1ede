/* leak: allocations a helper of the file leaves in the caller's pointer through an
   out-parameter (MEM31-C, CWE-401), found through the helper's summary.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern void keep(char *p);
extern void fatal(const char *msg) __attribute__((noreturn));

char *g_last;

/* Allocates on every path that returns (or does not return).  */
static void make_buffer(char **out, size_t n)
{
  *out = malloc(n);
  if (*out == NULL)
    fatal("out of memory");
  memset(*out, 0, n);
}

/* Grows what the caller holds.  */
static void grow(char **buf, size_t n)
{
  *buf = realloc(*buf, n);
  if (!*buf)
    fatal("out of memory");
}

/* Allocates only on success, says so by its result.  */
static int try_make(char **out, size_t n)
{
  char *p = malloc(n);
  if (!p)
    return -1;
  *out = p;
  return 0;
}

/* Stores first, then tests what it stored and says so by its result.  */
static int store_then_test(char **out, size_t n)
{
  *out = malloc(n);
  if (!*out)
    return -1;
  return 0;
}

/* Keeps a copy: the caller does not own it alone.  */
static void make_shared(char **out)
{
  char *p = malloc(8);
  if (!p)
    fatal("out of memory");
  g_last = p;
  *out = p;
}

/* Hands it to a function that may keep it.  */
static void make_registered(char **out)
{
  *out = malloc(8);
  if (!*out)
    fatal("out of memory");
  keep(*out);
}

/* Gives it back as its result too.  */
static char *make_returned(char **out)
{
  *out = strdup("x");
  if (!*out)
    fatal("out of memory");
  return *out;
}

int test_1(void)
{
  char *s;
  make_buffer(&s, 16);
  s[0] = 'a';
  return s[1]; /* { dg-warning "leak of 's'" } */
}

void test_2(void)
{
  char *s;
  make_buffer(&s, 16);
  s[0] = 'a';
  free(s); /* { dg-bogus "leak" } */
}

/* Grown from NULL: an allocation.  */
void test_3(void)
{
  char *s = NULL;
  grow(&s, 32);
  s[0] = 0;
} /* { dg-warning "leak of 's'" } */

/* Grown from the caller's block, then freed: silent.  */
void test_4(void)
{
  char *s = malloc(4);
  if (!s)
    return;
  grow(&s, 32);
  free(s); /* { dg-bogus "leak|double" } */
}

/* The caller checks the pointer itself: leaked on the success path.  */
int test_5(void)
{
  char *s = NULL;
  if (try_make(&s, 8) != 0 || s == NULL)
    return -1;
  return s[0]; /* { dg-warning "leak of 's'" } */
}

/* Only the result is checked: it says whether it allocated (0 iff it did), so no
   leak is claimed on the path where it did not, and one is where it did.  */
int test_6(void)
{
  char *s = NULL;
  if (try_make(&s, 8) != 0)
    return -1; /* { dg-bogus "leak" } */
  s[0] = 0;
  free(s);
  return 0;
}

int test_7(void)
{
  char *s = NULL;
  if (try_make(&s, 8) != 0)
    return -1; /* { dg-bogus "leak" } */
  return s[0]; /* { dg-warning "leak of 's'" } */
}

/* Not the caller's alone: silent.  */
void test_8(void)
{
  char *a, *b, *c;
  make_shared(&a);
  make_registered(&b);
  make_returned(&c);
} /* { dg-bogus "leak" } */

/* The failure path left NULL behind: no leak there.  */
int test_9(void)
{
  char *s;
  if (store_then_test(&s, 8) < 0)
    return -1; /* { dg-bogus "leak" } */
  s[0] = 0;
  free(s);
  return 0;
}

int test_10(void)
{
  char *s;
  if (store_then_test(&s, 8) < 0 || !s)
    return -1; /* { dg-bogus "leak" } */
  return s[0]; /* { dg-warning "leak of 's'" } */
}
