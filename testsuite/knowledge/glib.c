/* GLib (faithful minimal declarations of gmem.h, gstrfuncs.h, glist.h, ghash.h,
   gstring.h, gerror.h, gobject.h: the -dev package is not installed by CI).  */
#include <stddef.h>
#include <stdlib.h>

typedef void *gpointer;
typedef char gchar;
typedef int gboolean;
typedef struct _GList GList;
struct _GList { gpointer data; GList *next, *prev; };
typedef struct _GString { gchar *str; size_t len, allocated_len; } GString;
typedef struct _GError { unsigned domain; int code; gchar *message; } GError;
typedef struct _GHashTable GHashTable;
typedef unsigned (*GHashFunc)(const void *);
typedef gboolean (*GEqualFunc)(const void *, const void *);

gpointer g_malloc0(size_t n);
gpointer g_try_malloc0(size_t n);
gpointer g_realloc(gpointer p, size_t n);
void g_free(gpointer p);
gchar **g_strsplit(const gchar *s, const gchar *delim, int max);
void g_strfreev(gchar **v);
gchar *g_strdup_printf(const gchar *fmt, ...);
GList *g_list_append(GList *l, gpointer data);
void g_list_free(GList *l);
GString *g_string_new(const gchar *init);
gchar *g_string_free(GString *s, gboolean free_segment);
GError *g_error_new_literal(unsigned domain, int code, const gchar *message);
void g_error_free(GError *e);
GHashTable *g_hash_table_new(GHashFunc h, GEqualFunc e);
void g_hash_table_destroy(GHashTable *t);
gpointer g_object_new(unsigned long type, const gchar *first, ...);
void g_object_unref(gpointer o);

void test_1(const char *s)
{
  gchar **v = g_strsplit(s, ",", -1);
  g_strfreev(v); /* { dg-message "first 'g_strfreev' here" } */
  g_strfreev(v); /* { dg-warning "double-'g_strfreev' of 'v'" } */
}

/* A string vector freed with g_free is a mismatch.  */
void test_2(const char *s)
{
  gchar **v = g_strsplit(s, ",", -1); /* { dg-message "allocated here" } */
  g_free(v); /* { dg-warning "should have been deallocated with 'g_strfreev' but was deallocated with 'g_free'" } */
}

int test_3(int n)
{
  gchar *s = g_strdup_printf("%d", n);
  g_free(s); /* { dg-message "freed here" } */
  return s[0]; /* { dg-warning "use after 'g_free' of 's'" } */
}

/* g_malloc0 never returns NULL, g_try_malloc0 may.  */
void test_4(void)
{
  int *a = g_malloc0(16), *b = g_try_malloc0(16); /* { dg-message "allocated here" } */
  a[0] = 1; /* { dg-bogus "possibly-NULL" } */
  b[0] = 1; /* { dg-warning "dereference of possibly-NULL 'b'" } */
  g_free(a);
  g_free(b);
}

void test_5(void)
{
  GError *e = g_error_new_literal(1, 2, "x");
  g_error_free(e); /* { dg-message "freed here" } */
  e->code = 0; /* { dg-warning "use after 'g_error_free' of 'e'" } */
}

void test_6(unsigned long type)
{
  gpointer o = g_object_new(type, NULL);
  g_object_unref(o); /* { dg-message "first 'g_object_unref' here" } */
  g_object_unref(o); /* { dg-warning "double-'g_object_unref' of 'o'" } */
}

/* g_realloc moves the block; g_free (NULL) is fine.  */
void test_7(char *p)
{
  char *q = g_realloc(p, 32);
  g_free(q);
  g_free(NULL); /* { dg-bogus "double" } */
}

/* GString and hash tables leak like memory.  */
int test_8(int x, GHashFunc h, GEqualFunc eq)
{
  GHashTable *t = g_hash_table_new(h, eq); /* { dg-message "allocated here" } */
  if (x)
    return -1; /* { dg-warning "leak of 't'" } */
  g_hash_table_destroy(t);
  return 0;
}
