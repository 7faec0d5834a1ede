/* The C library beyond malloc (plugin/core/libs.def), through glibc's own headers:
   allocators that return memory, allocators that store it through an argument
   (asprintf, getline, getaddrinfo, posix_memalign), and the functions that only
   allocate when handed NULL (realpath, getcwd).  */
#define _GNU_SOURCE
#include <limits.h>
#include <netdb.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

int use(const char *s);

/* realpath (p, NULL) allocates.  */
int test_1(const char *path)
{
  char *r = realpath(path, NULL); /* { dg-message "allocated here" } */
  if (!r)
    return -1;
  return r[0]; /* { dg-warning "leak of 'r'" } */
}

/* realpath (p, buf) returns buf: nothing to free, nothing leaked.  */
int test_2(const char *path)
{
  char buf[PATH_MAX];
  char *r = realpath(path, buf);
  if (!r)
    return -1;
  return r[0]; /* { dg-bogus "leak" } */
}

/* getcwd (NULL, 0) allocates (glibc); getcwd (buf, n) does not.  */
void test_3(void)
{
  char *d = getcwd(NULL, 0);
  free(d); /* { dg-message "first 'free' here" } */
  free(d); /* { dg-warning "double-'free' of 'd'" } */
}

int test_4(void)
{
  char buf[64];
  char *d = getcwd(buf, sizeof buf);
  return d ? d[0] : 0; /* { dg-bogus "leak" } */
}

/* get_current_dir_name may return NULL.  */
char test_5(void)
{
  char *d = get_current_dir_name(); /* { dg-message "allocated here" } */
  char c = d[0]; /* { dg-warning "dereference of possibly-NULL 'd'" } */
  free(d);
  return c;
}

/* asprintf stores malloc's memory through its first argument.  */
void test_6(int n)
{
  char *s;
  if (asprintf(&s, "%d", n) < 0)
    return;
  free(s); /* { dg-message "first 'free' here" } */
  free(s); /* { dg-warning "double-'free' of 's'" } */
}

/* A failed asprintf leaves s undefined: nothing is claimed leaked.  */
int test_7(int n)
{
  char *s;
  if (asprintf(&s, "%d", n) < 0)
    return -1; /* { dg-bogus "leak" } */
  int r = use(s);
  free(s);
  return r;
}

/* getline's buffer, used after free.  */
size_t test_8(FILE *f)
{
  char *line = NULL;
  size_t n = 0;
  if (getline(&line, &n, f) < 0)
    {
      free(line);
      return 0;
    }
  free(line); /* { dg-message "freed here" } */
  return strlen(line); /* { dg-warning "use after 'free' of 'line'" } */
}

/* The usual getline loop is silent.  */
void test_9(FILE *f)
{
  char *line = NULL;
  size_t n = 0;
  while (getline(&line, &n, f) > 0) /* { dg-bogus "leak|double" } */
    use(line);
  free(line);
}

/* getaddrinfo's list belongs to freeaddrinfo.  */
void test_10(const char *host)
{
  struct addrinfo *res;
  if (getaddrinfo(host, "80", NULL, &res) != 0)
    return;
  freeaddrinfo(res); /* { dg-message "first 'freeaddrinfo' here" } */
  freeaddrinfo(res); /* { dg-warning "double-'freeaddrinfo' of 'res'" } */
}

void test_11(const char *host)
{
  struct addrinfo *res;
  if (getaddrinfo(host, "80", NULL, &res) != 0)
    return;
  free(res); /* { dg-warning "'res' should have been deallocated with 'freeaddrinfo' but was deallocated with 'free'" } */
}

/* posix_memalign.  */
void test_12(void)
{
  void *p;
  if (posix_memalign(&p, 64, 256) != 0)
    return;
  free(p); /* { dg-message "first 'free' here" } */
  free(p); /* { dg-warning "double-'free' of 'p'" } */
}

/* regcomp/regfree work on the caller's regex_t: regfree releases what it holds,
   not the object (no free-nonheap).  */
int test_13(const char *pattern)
{
  regex_t re;
  if (regcomp(&re, pattern, 0) != 0)
    return -1;
  regfree(&re); /* { dg-bogus "not on the heap" } */
  return 0;
}

/* strdup family beyond known.def: wcsdup, tempnam-style results.  */
void test_14(const wchar_t *w)
{
  wchar_t *c = wcsdup(w);
  free(c); /* { dg-message "first 'free' here" } */
  free(c); /* { dg-warning "double-'free' of 'c'" } */
}
