// leak: a getter that checks its object first (`assert (n_ <= cap_); return n_;`)
// is still a getter: the assertion's failure call never returns and writes nothing
// the caller sees, so the caller reads n_ itself and two calls give one value.
// Where n () != 0, the loop hands the block to slots_ at least once; where the
// loop stops on NULL the block is freed (MEM31-C, CWE-401).
// { dg-do compile }

#include <assert.h>
#include <stdlib.h>

struct Table
{
  unsigned n_, cap_;
  char **slots_;
  unsigned n () const { assert (n_ <= cap_); return n_; }
  void fill ();
  void fill_unchecked (unsigned m);
};

char *next (char *at);

void
Table::fill ()
{
  if (n () == 0)
    return;
  char *block = (char *) malloc (64);
  char *at = block;
  for (unsigned i = 0; at && i != n (); ++i)
    {
      slots_[i] = at;
      at = next (at);
    }
  if (!at)
    free (block);
}

// Buggy: the loop's bound is another count, which may be 0.
void
Table::fill_unchecked (unsigned m)
{
  if (n () == 0)
    return;
  char *block = (char *) malloc (64);
  char *at = block;
  for (unsigned i = 0; at && i != m; ++i)
    {
      slots_[i] = at;
      at = next (at);
    }
  if (!at)
    free (block);
} // { dg-warning "leak of 'block'" }
