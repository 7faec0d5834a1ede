/* cleanup attribute (with -fexceptions: EH edges in C), malloc(dealloc) pairs,
   alloc_size, returns_nonnull, noreturn, weak, alias, constructor/destructor.
   flags: -fexceptions  */
#include <stdio.h>
#include <stdlib.h>

static void
autofree (void *pp)
{
  free (*(void **) pp);
}

#define AUTOFREE __attribute__ ((cleanup (autofree)))

extern void maythrow (void *);

int
cleanup_attr (int n)
{
  AUTOFREE char *a = malloc (n);
  AUTOFREE char *b = NULL;
  if (n > 3)
    return -1;
  b = malloc (2 * n);
  maythrow (b);
  for (int i = 0; i < n; i++)
    {
      AUTOFREE char *c = malloc (i + 1);
      if (c && i == 2)
        break;
    }
  return a != NULL;
}

void my_free (void *);
__attribute__ ((malloc, malloc (my_free, 1), alloc_size (1))) void *my_alloc (size_t);
__attribute__ ((returns_nonnull)) void *must (size_t);
__attribute__ ((noreturn)) void die (const char *);

int
custom_pairs (int n)
{
  char *p = my_alloc (n);
  char *q = must (n);
  if (!p)
    die ("oom");
  p[0] = q[0];
  my_free (p);
  free (q);
  FILE *f = fopen ("/dev/null", "r");
  if (f)
    fclose (f);
  return 0;
}

int weak_fn (void) __attribute__ ((weak));
int
weak_fn (void)
{
  char *p = malloc (1);
  free (p);
  return 0;
}
int alias_fn (void) __attribute__ ((alias ("weak_fn")));

static char *global_buf;
__attribute__ ((constructor)) static void
init (void)
{
  global_buf = malloc (64);
}
__attribute__ ((destructor)) static void
fini (void)
{
  free (global_buf);
}
