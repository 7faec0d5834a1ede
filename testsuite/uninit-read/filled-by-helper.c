/* A helper of the translation unit that writes through its parameter, directly or
   through a pointer that advances from it (`*out++ = c; ... *out = 0;`), fills
   the buffer it is given: reading it after the call reads what the helper wrote.
   A helper that only looks at the buffer leaves it uninitialised.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct pair {
  int a, b;
};

static void pair_init(struct pair *p)
{
  p->a = 0;
  p->b = 1;
}

static void copy_upper(char *out, const char *s)
{
  while (*s)
    {
      char c = *s++;
      *out++ = (char) (c >= 'a' && c <= 'z' ? c - 32 : c);
    }
  *out = 0;
}

static int count_spaces(const char *buf, size_t n)
{
  int k = 0;
  for (size_t i = 0; i < n; i++)
    k += buf[i] == ' ';
  return k;
}

int init_then_read(void)
{
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return -1;
  pair_init(p);
  int r = p->a; /* { dg-bogus "uninitialized" } */
  free(p);
  return r;
}

int fill_then_read(const char *s)
{
  char *buf = malloc(strlen(s) + 1);
  if (!buf)
    return -1;
  copy_upper(buf, s);
  int r = buf[0]; /* { dg-bogus "uninitialized" } */
  free(buf);
  return r;
}

int look_then_read(size_t n)
{
  char *buf = malloc(n + 1); /* { dg-message "allocated here" } */
  if (!buf)
    return -1;
  int k = count_spaces(buf, n);
  int r = buf[0] + k; /* { dg-warning "read of uninitialized memory 'buf'" } */
  free(buf);
  return r;
}
