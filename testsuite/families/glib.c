/* Allocator families of the shipped knowledge base (plugin/core/libs.def), with
   faithful minimal declarations of the libraries' functions.  */

#include <stdlib.h>
#include <stddef.h>

typedef void *gpointer;
gpointer g_malloc(size_t n);
gpointer g_try_malloc(size_t n);
char *g_strdup(const char *s);
void g_free(gpointer p);
void *sqlite3_malloc(int n);
void sqlite3_free(void *p);
typedef struct _xmlDoc xmlDoc;
xmlDoc *xmlNewDoc(const unsigned char *version);
void xmlFreeDoc(xmlDoc *doc);
typedef struct apr_pool_t apr_pool_t;
void *apr_palloc(apr_pool_t *pool, size_t size);

/* g_free twice.  */
void test_1(void)
{
  char *p = g_malloc(16);
  g_free(p); /* { dg-message "first 'g_free' here" } */
  g_free(p); /* { dg-warning "double-'g_free' of 'p'" } */
}

/* GLib memory released with free.  */
void test_2(const char *s)
{
  char *p = g_strdup(s); /* { dg-message "allocated here" } */
  free(p); /* { dg-warning "'p' should have been deallocated with 'g_free' but was deallocated with 'free'" } */
}

/* g_malloc never returns NULL: no check needed.  */
void test_3(void)
{
  char *p = g_malloc(4);
  p[0] = 0; /* { dg-bogus "possibly-NULL" } */
  g_free(p);
}

/* g_try_malloc may.  */
void test_4(void)
{
  char *p = g_try_malloc(4); /* { dg-message "allocated here" } */
  p[0] = 0; /* { dg-warning "dereference of possibly-NULL 'p'" } */
  g_free(p);
}

/* Leaked GLib memory.  */
int test_5(void)
{
  char *p = g_malloc(8); /* { dg-message "allocated here" } */
  p[0] = 1;
  return 0; /* { dg-warning "leak of 'p'" } */
}

/* sqlite3 memory released with free, and used after sqlite3_free.  */
void test_6(void)
{
  char *p = sqlite3_malloc(8);
  if (!p)
    return;
  p[0] = 0;
  free(p); /* { dg-warning "should have been deallocated with 'sqlite3_free' but was deallocated with 'free'" } */
}

int test_7(void)
{
  char *p = sqlite3_malloc(8);
  if (!p)
    return 0;
  p[0] = 1;
  sqlite3_free(p); /* { dg-message "freed here" } */
  return p[0]; /* { dg-warning "use after 'sqlite3_free' of 'p'" } */
}

/* libxml2 documents.  */
void test_8(void)
{
  xmlDoc *d = xmlNewDoc((const unsigned char *) "1.0");
  xmlFreeDoc(d); /* { dg-message "first 'xmlFreeDoc' here" } */
  xmlFreeDoc(d); /* { dg-warning "double-'xmlFreeDoc' of 'd'" } */
}

/* APR pool memory: never a leak.  */
int test_9(apr_pool_t *pool)
{
  char *p = apr_palloc(pool, 32);
  p[0] = 0;
  return 0; /* { dg-bogus "leak" } */
}

/* Matching pairs: silent.  */
void test_10(void)
{
  char *p = g_malloc(4);
  p[0] = 0;
  g_free(p); /* { dg-bogus "memrules" } */
  char *q = sqlite3_malloc(4);
  if (q)
    q[0] = 0;
  sqlite3_free(q); /* { dg-bogus "memrules" } */
}
