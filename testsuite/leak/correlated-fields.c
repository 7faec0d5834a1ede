/* leak: a count read again from its field, or through a function that only reads
   it, is the value an earlier test decided.  A store loop that runs at least once
   hands the block over; the path where it would not run is ruled out
   (MEM31-C, CWE-401).  */
/* { dg-do compile } */

#include <stdlib.h>

struct vec
{
  unsigned n, a, b;
  int *w;
  char **items;
};

/* A getter: its callers read the field themselves.  */
static unsigned vec_len (const struct vec *v) { return v->n; }
/* Reads only the object it is given: two calls with nothing written into it in
   between give one value.  */
static unsigned vec_cap (const struct vec *v) { return v->a > v->b ? v->a : v->b; }

/* The count, tested through the getter, is not 0: the loop stores buf.  */
void by_getter (struct vec *v)
{
  if (vec_len (v) == 0)
    return;
  char *buf = malloc (16);
  if (!buf)
    return;
  for (unsigned i = 0; i != v->n; i++)
    v->items[i] = buf;
}

/* Buggy: the test leaves n == 0 possible; then the loop stores nothing.  */
void by_getter_unbounded (struct vec *v)
{
  if (vec_len (v) > 100)
    return;
  char *buf = malloc (16);
  if (!buf)
    return;
  for (unsigned i = 0; i != v->n; i++)
    v->items[i] = buf;
} /* { dg-warning "leak of 'buf'" } */

/* The same with a function of two fields, called twice.  */
void by_pure_call (struct vec *v)
{
  if (vec_cap (v) == 0)
    return;
  char *buf = malloc (16);
  if (!buf)
    return;
  for (unsigned i = 0; i != vec_cap (v); i++)
    v->items[i] = buf;
}

/* Buggy: a field it reads is written between the calls.  */
void by_pure_call_rewritten (struct vec *v)
{
  if (vec_cap (v) == 0)
    return;
  v->a = 0;
  char *buf = malloc (16);
  if (!buf)
    return;
  for (unsigned i = 0; i != vec_cap (v); i++)
    v->items[i] = buf;
} /* { dg-warning "leak of 'buf'" } */

/* A loop that reads the count on each iteration (and writes integers only) keeps
   what the first test said of it.  */
void after_a_loop (struct vec *v)
{
  if (v->n == 0)
    return;
  for (unsigned i = 0; i != v->n; i++)
    v->w[i] = 0;
  char *buf = malloc (16);
  if (!buf)
    return;
  for (unsigned i = 0; i != v->n; i++)
    v->items[i] = buf;
}

/* Buggy: nothing said the count is not 0.  */
void after_a_loop_untested (struct vec *v)
{
  for (unsigned i = 0; i != v->n; i++)
    v->w[i] = 0;
  char *buf = malloc (16);
  if (!buf)
    return;
  for (unsigned i = 0; i != v->n; i++)
    v->items[i] = buf;
} /* { dg-warning "leak of 'buf'" } */
