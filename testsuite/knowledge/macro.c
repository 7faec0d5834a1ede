/* A project that renames free and malloc to global function pointers, as curl
   does (`#define free(ptr) Curl_cfree(ptr)` with Curl_cfree a global pointer set by
   curl_global_init_mem): the pointers' names follow the rule, so the renamed calls
   are a deallocator and an allocator.  */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef void *(*my_malloc_callback)(size_t size);
typedef void (*my_free_callback)(void *ptr);
typedef char *(*my_strdup_callback)(const char *str);
extern my_malloc_callback Curl_cmalloc;
extern my_free_callback Curl_cfree;
extern my_strdup_callback Curl_cstrdup;

#undef malloc
#undef free
#undef strdup
#define malloc(size) Curl_cmalloc(size)
#define free(ptr) Curl_cfree(ptr)
#define strdup(ptr) Curl_cstrdup(ptr)

struct conn { char *host; int port; };

void test_1(struct conn *c)
{
  free(c->host); /* { dg-message "first 'Curl_cfree' here" } */
  free(c->host); /* { dg-warning "double-'Curl_cfree' of 'c->host'" } */
}

int test_2(const char *h)
{
  char *d = strdup(h);
  if (!d)
    return -1;
  free(d); /* { dg-message "freed here" } */
  return d[0]; /* { dg-warning "use after 'Curl_cfree' of 'd'" } */
}

/* The usual sequence, and a NULL-ed pointer freed again, are silent.  */
void test_3(struct conn *c)
{
  free(c->host);
  c->host = NULL;
  free(c->host); /* { dg-bogus "double" } */
}

/* Memory of the renamed malloc: no leak or NULL claims (uncertain family).  */
int test_4(size_t n)
{
  char *p = malloc(n);
  p[0] = 0; /* { dg-bogus "possibly-NULL" } */
  return p[0]; /* { dg-bogus "leak" } */
}
