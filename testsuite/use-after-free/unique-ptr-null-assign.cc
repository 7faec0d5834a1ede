// `u = nullptr` on a std::unique_ptr is reset (): it deletes what u held
// (plugin/gcc/lower-smart.cc, operator= (nullptr_t)).
// { dg-do compile }
#include <memory>

struct Item { int v = 0; };

int test_1 ()
{
  std::unique_ptr<Item> u (new Item);
  Item *r = u.get ();
  u = nullptr;  // { dg-message "freed here" }
  return r->v;  // { dg-warning "use after 'delete' of 'r'" }
}

void test_2 ()
{
  Item *r = new Item;
  std::unique_ptr<Item> u (r);
  u = nullptr;  // { dg-message "first 'delete' here" }
  delete r;     // { dg-warning "double-'delete' of 'r'" }
}

// Silent: read before the assignment deletes it.
int test_3 ()
{
  std::unique_ptr<Item> u (new Item);
  Item *r = u.get ();
  int v = r->v;
  u = nullptr;
  return v;
}

// Silent: u holds NULL after the assignment, then a new block it deletes.
void test_4 ()
{
  std::unique_ptr<Item> u (new Item);
  u = nullptr;
  u.reset (new Item); // { dg-bogus "double|leak" }
}

// Silent: released first, deleted by hand once.
void test_5 ()
{
  std::unique_ptr<Item> u (new Item);
  Item *r = u.release ();
  u = nullptr;
  delete r; // { dg-bogus "double" }
}
