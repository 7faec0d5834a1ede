/* leak (MEM31-C, CWE-401) through globals: a global (or a field of a global
   struct) that holds the only reference to a block and is overwritten loses it,
   as a local does.  Silent when the block was freed or copied elsewhere first,
   or when a call in between may have taken it from the global.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct conf {
  char *path;
  int level;
};

static char *cache;
char *shared_name;
static struct conf settings;
static char *spare;

extern void publish(void);
extern void consume(const char *s);

/* Only reads its argument: a function of the unit that does not touch the
   globals.  */
static int starts_with_dot(const char *s)
{
  return s[0] == '.';
}

static char *current(void)
{
  return cache;
}

/* Hands out spare: a static nothing reads would lose what it holds
   (leak/unread-static.c).  */
char *spare_name(void)
{
  return spare;
}

/* The second block replaces the first, which nothing else holds.  */
void reload_twice(void)
{
  cache = malloc(10);
  cache = malloc(20); /* { dg-warning "leak of 'cache'" } */
}

/* Reset to NULL without freeing.  */
void reset_without_free(void)
{
  cache = strdup("x");
  cache = NULL; /* { dg-warning "leak of 'cache'" } */
}

/* A global with external linkage, the same.  */
void rename_twice(const char *a, const char *b)
{
  shared_name = strdup(a);
  shared_name = strdup(b); /* { dg-warning "leak of 'shared_name'" } */
}

/* A field of a global struct.  */
void set_path_twice(const char *p)
{
  settings.path = strdup(p);
  if (!settings.path)
    return;
  settings.path = strdup("/tmp"); /* { dg-warning "leak of 'settings.path'" } */
}

/* A call of the unit that only reads its argument keeps what the global holds:
   the overwrite still loses the block.  */
void measured_then_lost(void)
{
  cache = strdup("a.b");
  if (!cache)
    return;
  int dot = starts_with_dot(cache);
  (void) dot;
  cache = NULL; /* { dg-warning "leak of 'cache'" } */
}

/* Silent: freed first.  */
void reload_freeing(void)
{
  free(cache);
  cache = malloc(10);
  free(cache);
  cache = malloc(20); /* { dg-bogus "leak of" } */
}

/* Silent: copied into another global first.  */
void rotate(void)
{
  cache = strdup("new");
  spare = cache;
  cache = NULL; /* { dg-bogus "leak of" } */
}

/* Silent: handed to a local that is returned.  */
char *take(void)
{
  cache = strdup("x");
  char *old = cache;
  cache = NULL; /* { dg-bogus "leak of" } */
  return old;
}

/* Silent: an unknown function may have read the global and taken the block.  */
void published_then_replaced(void)
{
  cache = strdup("a");
  publish();
  cache = strdup("b"); /* { dg-bogus "leak of" } */
}

/* Silent: a function of the unit gave back what the global held.  */
void taken_by_getter(void)
{
  cache = strdup("a");
  char *p = current();
  cache = NULL; /* { dg-bogus "leak of" } */
  free(p);
}

/* Silent: the block is still held by the global when the function returns.  */
int keep_in_cache(void)
{
  cache = malloc(32);
  if (!cache)
    return -1;
  return 0; /* { dg-bogus "leak of" } */
}

/* A function that stores its allocation in a global and returns it gives its
   caller no block of its own: losing the result is no leak.  */
static char *make_cached(void)
{
  cache = malloc(8);
  return cache;
}

void uses_cached(void)
{
  char *p = make_cached();
  if (p)
    consume(p);
} /* { dg-bogus "leak of" } */
