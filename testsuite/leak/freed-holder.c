/* leak (MEM31-C, CWE-401): freeing a struct whose field holds the only
   reference to a block loses the block, whether the struct's pointer is a local
   or a global.  Silent when the field was freed first, when the pointers were
   read at indexes the analysis cannot follow (a loop over them), and when
   realloc moved the struct: the new block holds the field.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct holder {
  char *buf;
  size_t len;
};

static struct holder *current;

void free_local_holder(size_t n)
{
  struct holder *h = malloc(sizeof *h);
  if (!h)
    return;
  h->buf = malloc(n);
  free(h);
} /* { dg-warning "leak of 'h->buf'" } */

void free_global_holder(size_t n)
{
  current = malloc(sizeof *current);
  if (!current)
    return;
  current->buf = malloc(n);
  free(current);
  current = NULL;
} /* { dg-warning "leak of 'current->buf'" } */

/* Silent: the field is freed first.  */
void free_global_holder_fully(size_t n)
{
  current = malloc(sizeof *current);
  if (!current)
    return;
  current->buf = malloc(n);
  free(current->buf);
  free(current);
  current = NULL;
} /* { dg-bogus "leak of" } */

/* Silent: the strings are freed by a loop over the array.  */
void free_array_by_loop(void)
{
  char **v = malloc(2 * sizeof *v);
  if (!v)
    return;
  v[0] = strdup("a");
  v[1] = strdup("b");
  for (int i = 0; i < 2; i++)
    free(v[i]);
  free(v);
} /* { dg-bogus "leak of" } */

/* The array freed without its strings.  */
void free_array_only(void)
{
  char **v = malloc(2 * sizeof *v);
  if (!v)
    return;
  v[0] = strdup("a");
  free(v);
} /* { dg-warning "leak of" } */

/* Silent: realloc moved the struct; the new block holds the field.  */
struct holder *grow_holder(size_t n)
{
  struct holder *h = malloc(sizeof *h);
  if (!h)
    return NULL;
  h->buf = malloc(n);
  struct holder *t = realloc(h, 2 * sizeof *h);
  if (!t) {
    free(h->buf);
    free(h);
    return NULL;
  }
  return t; /* { dg-bogus "leak of" } */
}

/* The moved struct's field overwritten: the block is lost.  */
struct holder *grow_and_drop(size_t n)
{
  struct holder *h = malloc(sizeof *h);
  if (!h)
    return NULL;
  h->buf = malloc(n);
  struct holder *t = realloc(h, 2 * sizeof *h);
  if (!t) {
    free(h->buf);
    free(h);
    return NULL;
  }
  t->buf = NULL;
  return t; /* { dg-warning "leak of 'h->buf'" } */
}
