/* leak: a block kept only in a file-scope static whose value nothing in the file
   uses (MEM31-C, CWE-401).  The static's address is never taken and every read
   of it is dropped, so what it holds can never be freed: the block is lost when
   the function that stored it returns.  A static that some function reads (to
   free it, return it, hand it on) keeps the block in reach.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

void show(const char *s);

static char *last_name;
static char *cached_name;
static char *current_name;

/* Reads last_name and drops it.  */
static void peek_last(void)
{
  char *n = last_name;
  (void) n;
}

/* Frees what cached_name holds.  */
static void drop_cached(void)
{
  free(cached_name);
}

/* Stored where nothing reads it back: lost at the return.  */
void test_1(const char *s)
{
  char *n = malloc(strlen(s) + 1); /* { dg-message "allocated here" } */
  if (n == NULL)
    return;
  strcpy(n, s);
  show(n);
  last_name = n;
  peek_last();
} /* { dg-warning "leak of 'n'" } */

/* Stored where a helper frees it: silent.  */
void test_2(const char *s)
{
  char *n = malloc(strlen(s) + 1);
  if (n == NULL)
    return;
  strcpy(n, s);
  cached_name = n;
  drop_cached();
} /* { dg-bogus "leak of" } */

/* Stored where a getter hands it out: silent.  */
void test_3(const char *s)
{
  char *n = malloc(strlen(s) + 1);
  if (n == NULL)
    return;
  strcpy(n, s);
  current_name = n;
} /* { dg-bogus "leak of" } */

char *current(void)
{
  return current_name;
}

static char *kept;
static char *unused_copy;

/* Copied into a static nothing reads, then the readable one cleared: the
   last reference anyone could use is gone.  */
void test_4(void)
{
  kept = strdup("k"); /* { dg-message "allocated here" } */
  unused_copy = kept;
  kept = NULL;
} /* { dg-warning "leak of 'kept'" } */

char *kept_name(void)
{
  return kept;
}
