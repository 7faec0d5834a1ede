/* leak: an allocator whose result the caller drops (`wrap ();`, a statement with
   no result) loses the block at once, as `malloc (8);` does: a helper of the file
   that returns fresh memory (its summary), a function declared
   __attribute__ ((malloc (dealloc))), a knowledge-base allocator whose pointer
   arguments are all `const T *` (it keeps none of them).  Reported where the
   function ends, like any leak (MEM31-C, CWE-401).  Silent: a dropped result of a
   function that may return what it was given (a list append), or that keeps the
   block itself (a cache).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct node { struct node *next; int v; };

static void *wrap_alloc(size_t n)
{
  return malloc(n);
}

static char *copy_of(const char *s)
{
  char *p = malloc(strlen(s) + 1);
  if (p)
    strcpy(p, s);
  return p;
}

void release(void *);
void *make_thing(void) __attribute__((malloc, malloc(release, 1)));

/* GLib's g_strdup and a list append, as the knowledge base names them
   (faithful declarations).  */
char *g_strdup(const char *s);
struct curl_slist;
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *s);

static char *cache;

/* Keeps the block in a static and returns it: the static still holds it.  */
static char *cached_copy(const char *s)
{
  free(cache);
  cache = strdup(s);
  return cache;
}

/* A helper's fresh block, dropped.  */
void test_1(void)
{
  wrap_alloc(16);
} /* { dg-warning "leak of memory" } */

/* The same, kept and freed: silent.  */
void test_2(void)
{
  void *p = wrap_alloc(16);
  free(p);
} /* { dg-bogus "leak" } */

/* A copy made by a helper that returns NULL or a block, dropped.  */
void test_3(const char *s)
{
  copy_of(s);
} /* { dg-warning "leak of memory" } */

/* A user-declared allocator, dropped.  */
void test_4(void)
{
  make_thing();
} /* { dg-warning "leak of memory" } */

/* The user allocator's result released by its deallocator: silent.  */
void test_5(void)
{
  void *t = make_thing();
  release(t);
} /* { dg-bogus "leak" } */

/* A knowledge-base allocator given only a `const char *`, dropped.  */
void test_6(const char *s)
{
  g_strdup(s);
} /* { dg-warning "leak of memory" } */

/* An append that returns the list it was given (when not empty): silent.  */
void test_7(struct curl_slist *headers)
{
  curl_slist_append(headers, "Accept: */*");
} /* { dg-bogus "leak" } */

/* The helper keeps its block in a static: silent.  */
void test_8(const char *s)
{
  cached_copy(s);
} /* { dg-bogus "leak" } */

/* A helper that returns what it was given: nothing made, silent.  */
static struct node *push(struct node *head, struct node *n)
{
  n->next = head;
  return n;
}

void test_9(struct node *head, struct node *n)
{
  push(head, n);
} /* { dg-bogus "leak" } */
