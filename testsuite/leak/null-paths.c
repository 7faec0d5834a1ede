/* leak (MEM31-C, CWE-401): a path on which memory is accessed through a pointer
   known to be NULL goes no further.  A buffer grown by a test the engine cannot
   evaluate (`n >= cap - 2` on the first iteration) is never written through NULL
   on a path the program takes; what such a path "stores" is not leaked.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

extern void check_oom(const void *p);
extern int more(void);

/* The sqlite3 shell's column list: silent.  */
char **test_1(void)
{
  char **list = 0;
  int n = 0, cap = 0;
  while (more()) {
    if (n >= cap - 2) {
      cap = cap * 2 + n + 10;
      list = realloc(list, cap * sizeof list[0]);
      check_oom(list);
    }
    list[++n] = strdup("x");
    check_oom(list[n]);
  }
  if (list == 0)
    return 0; /* { dg-bogus "leak" } */
  list[0] = 0;
  list[n + 1] = 0;
  return list;
}

/* A real leak before the NULL test is still found.  */
int test_2(char **out)
{
  char *s = strdup("x");
  if (!s)
    return -1;
  char *t = strdup("y");
  if (!t)
    return -1; /* { dg-warning "leak of 's'" } */
  *out = t;
  free(s);
  return 0;
}
