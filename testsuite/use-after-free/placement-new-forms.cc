// use-after-free: more forms of an object built in storage already released
// (issue 16, placement new into freed memory; placement-new.cc has the first
// ones).  The storage is a member, the constructor runs inline with arguments,
// the new-expression is an array one or `::new` of a cast, std::construct_at
// builds it, or a helper of the file released it.  Live storage stays silent.
// { dg-do compile }
// { dg-options "-std=c++20" }

#include <cstdlib>
#include <memory>
#include <new>

struct Cell
{
  int v;
  Cell (int x) : v (x) {}
};

struct Plain { int v; };

struct Arena { void *slot; };

void keep (void *);

void member_storage (Arena *a)
{
  a->slot = std::malloc (sizeof (Cell));
  if (!a->slot)
    return;
  std::free (a->slot); // { dg-message "freed here" }
  Cell *c = new (a->slot) Cell (1); // { dg-warning "use after 'free' of 'a->slot'" }
  keep (c);
}

void inline_constructor ()
{
  Cell *c = new Cell (1);
  delete c; // { dg-message "freed here" }
  new (c) Cell (2); // { dg-warning "use after 'delete' of 'c'" }
}

void array_form ()
{
  char *raw = new char[64];
  delete[] raw; // { dg-message "freed here" }
  Plain *ps = new (raw) Plain[4]; // { dg-warning "use after 'delete\[\]' of 'raw'" }
  keep (ps);
}

void global_new_of_cast ()
{
  Cell *c = new Cell (1);
  c->~Cell ();
  ::operator delete (c); // { dg-message "freed here" }
  ::new (static_cast<void *> (c)) Cell (5); // { dg-warning "use after 'delete' of 'c'" }
}

void construct_at_freed ()
{
  Cell *c = static_cast<Cell *> (std::malloc (sizeof (Cell)));
  if (!c)
    return;
  std::free (c); // { dg-message "freed here" }
  std::construct_at (c, 4); // { dg-warning "use after 'free' of 'c'" }
}

static void drop (void *p) { std::free (p); }

void released_by_helper ()
{
  void *raw = std::malloc (sizeof (Plain));
  if (!raw)
    return;
  drop (raw);
  new (raw) Plain (); // { dg-warning "use after 'free' of 'raw'" }
}

// Silent: built, destroyed and freed in that order.
void construct_at_live ()
{
  Cell *c = static_cast<Cell *> (std::malloc (sizeof (Cell)));
  if (!c)
    return;
  std::construct_at (c, 4); // { dg-bogus "use after" }
  std::destroy_at (c);
  std::free (c); // { dg-bogus "use after|double" }
}

// Silent: rebuilt in live storage on every iteration.
void rebuilt_in_loop (int n)
{
  void *raw = std::malloc (sizeof (Plain));
  if (!raw)
    return;
  for (int i = 0; i < n; i++)
    keep (new (raw) Plain ()); // { dg-bogus "use after" }
  std::free (raw);
}
