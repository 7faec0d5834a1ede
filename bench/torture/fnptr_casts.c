/* Casts between function pointer types; free/realloc/malloc through pointers and
   tables; ifuncs; functions returning function pointers.  */
#include <stdlib.h>
#include <string.h>

typedef void (*freer) (void *);
typedef void *(*allocer) (size_t);
typedef void (*anyfn) (void);

static const struct
{
  allocer alloc;
  freer release;
  void *(*resize) (void *, size_t);
} ops[] = { { malloc, free, realloc }, { 0, 0, 0 } };

static anyfn
pick (int i)
{
  return i ? (anyfn) free : (anyfn) malloc;
}

int
through_pointers (int n)
{
  void *p = ops[0].alloc (n);
  p = ops[0].resize (p, n * 2);
  ops[0].release (p);
  freer f = (freer) pick (1);
  void *q = ((allocer) pick (0)) (8);
  f (q);
  void (*volatile vf) (void *) = free;
  char *r = malloc (4);
  vf (r);
  /* A call through an incompatible type: undefined, but must compile.  */
  int (*weird) (int) = (int (*) (int)) (void (*) (void)) pick;
  return weird (n) != 0;
}

static void *
impl_a (size_t n)
{
  return malloc (n);
}

static void *(*resolve_alloc (void)) (size_t)
{
  return impl_a;
}

void *my_alloc (size_t) __attribute__ ((ifunc ("resolve_alloc")));

void
qsort_pointers (char **v, size_t n)
{
  int (*cmp) (const void *, const void *) = (int (*) (const void *, const void *)) strcmp;
  qsort (v, n, sizeof *v, cmp);
  for (size_t i = 0; i < n; i++)
    free (v[i]);
  free (v);
}
