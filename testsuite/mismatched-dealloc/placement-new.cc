// mismatched-dealloc: an object built by placement new in malloc'd storage is
// no block of new: deleting it releases malloc's memory with delete (issue 16,
// placement new).  Destroying it and freeing the storage is right.
// { dg-do compile }

#include <cstdlib>
#include <new>

struct Cell
{
  int v;
  Cell (int x) : v (x) {}
};

void deleted ()
{
  void *raw = std::malloc (sizeof (Cell));
  if (!raw)
    return;
  Cell *c = new (raw) Cell (1);
  delete c; // { dg-warning "'c' should have been deallocated with 'free' but was deallocated with 'delete'" }
}

void destroyed_and_freed ()
{
  void *raw = std::malloc (sizeof (Cell));
  if (!raw)
    return;
  Cell *c = new (raw) Cell (1);
  c->~Cell ();
  std::free (raw); // { dg-bogus "should have been" }
}
