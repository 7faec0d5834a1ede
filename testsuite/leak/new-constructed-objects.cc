// The leak of an object new made and a constructor with a body built: the
// constructor is called by its summary, and when the summary shows it keeps
// no copy of `this` (no registry, no global), the object stays the
// function's, as a local does (plugin/gcc/lower-class.cc,
// lend_summarized_constructor).
// { dg-do compile }

struct Cell
{
  int *data;
  Cell () : data (nullptr) {}
  ~Cell () { delete data; }
};

struct Filled
{
  int *data;
  Filled () : data (new int (0)) {}
  ~Filled () { delete data; }
};

struct Parent;
struct Child
{
  Parent *up;
  int *data;
  Child (Parent *p);
};
struct Parent { Child *kid; };
Child::Child (Parent *p) : up (p), data (nullptr) { p->kid = this; }

struct Registered
{
  int v;
  Registered ();
};
Registered *last_made;
Registered::Registered () : v (0) { last_made = this; }

void test_1 ()
{
  Cell *c = new Cell; // { dg-message "allocated here" }
  (void) c;
} // { dg-warning "leak of 'c'" }

int test_2 (bool b)
{
  Cell *c = new Cell; // { dg-message "allocated here" }
  if (b)
    return -1; // { dg-warning "leak of 'c'" }
  delete c;
  return 0;
}

// The object and the member its constructor allocated are both lost.
void test_3 ()
{
  Filled *f = new Filled; // { dg-message "allocated here" }
  (void) f;
} // { dg-warning "leak of 'f'" "" }
  // { dg-warning "leak of memory" "" { target *-*-* } .-1 }

// Silent: deleted.
void test_4 ()
{
  Filled *f = new Filled;
  delete f; // { dg-bogus "leak" }
}

// Silent: returned.
Cell *test_5 ()
{
  Cell *c = new Cell;
  return c; // { dg-bogus "leak" }
}

// Silent: the constructor keeps `this` in the parent it is given.
void test_6 (Parent *p)
{
  Child *c = new Child (p);
  (void) c;
} // { dg-bogus "leak" }

// Silent: the constructor keeps `this` in a global.
void test_7 ()
{
  Registered *r = new Registered;
  (void) r;
} // { dg-bogus "leak" }

// Silent: stored where the caller sees it.
void test_8 (Cell **out)
{
  *out = new Cell;
} // { dg-bogus "leak" }

// An array of them is built at a moving pointer, in a loop: still handed over.
void test_9 ()
{
  Cell *a = new Cell[3];
  (void) a;
} // { dg-warning "leak of 'a'" "TODO: the elements of new T[n] built by a constructor with a body" { xfail *-*-* } }
