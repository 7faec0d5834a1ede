// free-nonheap and double-free in C++ through a function held in a local
// pointer: the call is the function's own, with its summary.
// { dg-do compile }

struct pair { int a, b; };

static void
sink (pair *d)
{
  delete d;
}

void test_stack_object ()
{
  void (*fp) (pair *) = sink;
  pair local = { 1, 2 };
  fp (&local); // { dg-warning "'delete' of 'local' which points to memory not on the heap" }
}

void test_twice ()
{
  void (*fp) (pair *) = sink;
  pair *p = new pair ();
  fp (p); // { dg-message "first 'delete' here" }
  fp (p); // { dg-warning "double-'delete' of 'p'" }
}

// Silent: each call is given its own object.
void test_fresh ()
{
  void (*fp) (pair *) = sink;
  pair *p = new pair ();
  fp (p);
  p = new pair ();
  fp (p); // { dg-bogus "double" }
}
