/* leak: a helper that returns a struct by value holding its pointer parameter
   gives the pointer to its caller: the caller that returns that struct keeps the
   allocation (silent).  A helper that returns a struct with no pointer in it
   keeps nothing of its parameter: losing it is a leak (MEM31-C).  Any pointer
   stored into the returned struct, other than a constant, counts as handed back.  */
/* { dg-do compile } */

#include <stdlib.h>

typedef struct block { int *first, *last; } block;

__attribute__ ((noinline)) static block
wrap (int *i)
{
  block b = { i, i };
  return b;
}

typedef struct count { long n, sign; } count;

__attribute__ ((noinline)) static count
measure (int *i)
{
  count c = { 1, *i > 0 };
  return c;
}

block make (void)
{
  int *i = malloc (sizeof *i);
  if (!i)
    abort ();
  *i = 1;
  return wrap (i); /* { dg-bogus "leak" } */
}

count make_lost (void)
{
  int *i = malloc (sizeof *i); /* { dg-message "allocated here" } */
  if (!i)
    abort ();
  *i = 1;
  return measure (i); /* { dg-warning "leak of 'i'" } */
}
