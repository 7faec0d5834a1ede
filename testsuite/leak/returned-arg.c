/* leak: functions that return their argument (issue 14).  memcpy, memmove, memset,
   strcpy, strncpy, strcat, strncat return their first argument, stpcpy and mempcpy
   a pointer into it (its end), and a function of the translation unit whose every
   return gives a parameter back is summarized as doing the same: the result is a
   copy of the argument, so returning it returns the allocation, and dropping it
   still leaks.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n)
{
  void *p = malloc(n);
  if (p == NULL)
    abort();
  return p;
}

/* 1: the duplicating idiom: return memcpy (cp, s, n).  */
char *test_1(const char *s, size_t n)
{
  char *cp = malloc(n);
  if (cp == NULL)
    return NULL;
  return memcpy(cp, s, n); /* { dg-bogus "leak" } */
}

/* 2: readline's savestring: strcpy into a wrapper's allocation.  */
char *savestring(const char *x)
{
  return strcpy(xmalloc(strlen(x) + 1), x); /* { dg-bogus "leak" } */
}

/* 3: ... which makes savestring an allocator for its callers.  */
size_t test_3(const char *x)
{
  char *s = savestring(x); /* { dg-message "allocated here" } */
  return strlen(s); /* { dg-warning "leak of 's'" } */
}

size_t test_3b(const char *x)
{
  char *s = savestring(x);
  size_t n = strlen(s);
  free(s);
  return n; /* { dg-bogus "leak" } */
}

/* 4: the result dropped, the argument never freed: still a leak.  */
int test_4(const char *s, size_t n)
{
  char *p = malloc(n); /* { dg-message "allocated here" } */
  if (p == NULL)
    return -1;
  char *q = memcpy(p, s, n);
  (void) q;
  return 0; /* { dg-warning "leak of 'p'" } */
}

/* 5: the other copying functions.  */
char *test_5(const char *a, const char *b, size_t n)
{
  char *p = malloc(n + 1);
  if (p == NULL)
    return NULL;
  p = memset(p, 0, n + 1); /* { dg-bogus "leak" } */
  p = memmove(p, a, n); /* { dg-bogus "leak" } */
  p = strncpy(p, a, n); /* { dg-bogus "leak" } */
  return strncat(strcat(p, b), a, n); /* { dg-bogus "leak" } */
}

/* 6: stpcpy returns the end of its destination: the same block.  */
char *test_6(const char *a, const char *b)
{
  char *p = malloc(strlen(a) + strlen(b) + 1);
  if (p == NULL)
    return NULL;
  char *e = stpcpy(p, a);
  e = stpcpy(e, b);
  *e = '\0';
  return p; /* { dg-bogus "leak" } */
}

char *test_6b(const char *a)
{
  char *p = malloc(strlen(a) + 1);
  if (p == NULL)
    return NULL;
  return stpcpy(p, a) - strlen(a); /* { dg-bogus "leak" } */
}

/* 7: a copying function of the translation unit, summarized as returning its
   first parameter (`return d;` after a loop).  */
char *my_strcpy(char *d, const char *s)
{
  char *r = d;
  while ((*d++ = *s++) != '\0')
    ;
  return r;
}

char *test_7(const char *s)
{
  char *p = malloc(strlen(s) + 1);
  if (p == NULL)
    return NULL;
  return my_strcpy(p, s); /* { dg-bogus "leak" } */
}

int test_7b(const char *s)
{
  char *p = malloc(strlen(s) + 1); /* { dg-message "allocated here" } */
  if (p == NULL)
    return -1;
  my_strcpy(p, s);
  return 0; /* { dg-warning "leak of 'p'" } */
}

/* 8: one that gives back a pointer into its parameter, or NULL when given NULL.  */
char *skip_blanks(char *p)
{
  if (p == NULL)
    return NULL;
  while (*p == ' ')
    p++;
  return p;
}

char *test_8(const char *s)
{
  char *p = strdup(s);
  if (p == NULL)
    return NULL;
  return skip_blanks(p) - 0; /* { dg-bogus "leak" } */
}

/* 9: one that returns something else on a path is not a copy: an unknown result.  */
char *pick(char *p, char *q, int c)
{
  return c ? p : q;
}

int test_9(int c)
{
  char *p = malloc(8);
  if (p == NULL)
    return -1;
  char *r = pick(p, NULL, c);
  free(r);
  return 0; /* { dg-bogus "leak" } */
}
