/* APR pools (faithful minimal declarations of apr_pools.h and apr_strings.h): pool
   memory lives as long as its pool, so it is never leaked.  */
#include <stddef.h>

typedef struct apr_pool_t apr_pool_t;
void *apr_palloc(apr_pool_t *p, size_t size);
char *apr_pstrdup(apr_pool_t *p, const char *s);
char *apr_psprintf(apr_pool_t *p, const char *fmt, ...);
void *apr_array_make(apr_pool_t *p, int nelts, int elt_size);

int test_1(apr_pool_t *p, const char *s, int x)
{
  char *a = apr_palloc(p, 16);
  char *b = apr_pstrdup(p, s);
  char *c = apr_psprintf(p, "%d", x);
  void *arr = apr_array_make(p, 4, sizeof(int));
  a[0] = b[0];
  if (x)
    return c[0]; /* { dg-bogus "leak" } */
  return arr != NULL; /* { dg-bogus "leak" } */
}
