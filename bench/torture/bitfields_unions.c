/* Bitfields, unions of pointers (type punning), transparent unions, packed structs.  */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct flags
{
  unsigned a : 1, b : 3, c : 28;
  signed d : 5;
  unsigned long long e : 40;
  _Bool f : 1;
  unsigned : 0;
  unsigned g : 7;
};

union ptrs
{
  char *c;
  int *i;
  void *v;
  uintptr_t bits;
  struct { char *lo; } s;
};

typedef union __attribute__ ((transparent_union))
{
  char *c;
  void *v;
} any_ptr;

struct __attribute__ ((packed)) packed
{
  char tag;
  char *p;
  short n;
};

static void
release (any_ptr p)
{
  free (p.v);
}

int
pun (int n)
{
  union ptrs u;
  u.c = malloc (n + 4);
  if (!u.c)
    return 0;
  u.i[0] = n;
  int r = u.i[0];
  u.bits |= 0;		/* pointer tagging through the integer member */
  free (u.v);
  u.s.lo = NULL;
  return r;
}

int
bits (struct flags *f, int n)
{
  f->a = n & 1;
  f->b = n;
  f->c = n * 3;
  f->d = -n;
  f->e = (unsigned long long) n << 20;
  f->f = n > 0;
  f->g = 5;
  char *p = malloc (f->b + 1);
  int r = f->a + f->b + f->d + (int) f->e + f->g;
  release (p);
  return r;
}

struct packed *
make_packed (int n)
{
  struct packed *pk = malloc (sizeof *pk);
  if (!pk)
    return NULL;
  pk->tag = 1;
  pk->p = malloc (n);
  pk->n = (short) n;
  char *copy;
  memcpy (&copy, &pk->p, sizeof copy);	/* unaligned pointer member */
  if (n > 100)
    {
      free (copy);
      free (pk);
      return NULL;
    }
  return pk;
}
