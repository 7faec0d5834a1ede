// double-free through virtual calls on an object whose class the function
// knows, reached through a virtual base (issue 16, virtual calls): g++
// converts to a virtual base by an offset read from the vtable, and the
// base's vtable reaches the override through a thunk that reads its `this`
// adjustment from the vtable too.  Both are fixed by the class of the
// complete object (plugin/gcc/lower-virtual.cc: virtual_base_object,
// vtable_slot).
// { dg-do compile }

struct Item { int v; };

struct Sink
{
  virtual void take (Item *p) { (void) p; }
  virtual void hold (Item *p) { (void) p; }
  virtual ~Sink () {}
};

// Sink with no data of its own is nearly empty: the primary base of a class
// deriving it virtually, at offset 0, sharing its vtable.
struct Bare { virtual void take (Item *p) = 0; virtual ~Bare () {} };
struct BareDeleter : virtual Bare { void take (Item *p) override { delete p; } };

struct Counted { int refs; virtual void take (Item *p) { (void) p; } virtual ~Counted () {} };
struct Deleter : virtual Counted
{
  int x;
  void take (Item *p) override { delete p; }
};

struct Keeper : virtual Sink
{
  int x;
  void hold (Item *p) override { held = p; }
  ~Keeper () override { delete held; }
  Item *held = nullptr;
};

// No override: Counted::take ignores p.
struct Plain : virtual Counted { int y; };

// A diamond: Counted is one subobject shared by Left and Right.
struct Left : virtual Counted { int l; void take (Item *p) override { delete p; } };
struct Right : virtual Counted { int r; };
struct Diamond : Left, Right { int d; };

void test_1 ()
{
  BareDeleter *d = new BareDeleter;
  Bare *b = d;
  Item *p = new Item ();
  b->take (p); // { dg-message "first 'delete' here" }
  delete p;    // { dg-warning "double-'delete' of 'p'" }
  delete d;
}

void test_2 ()
{
  Deleter *d = new Deleter;
  Counted *c = d;
  Item *p = new Item ();
  c->take (p); // { dg-message "first 'delete' here" }
  delete p;    // { dg-warning "double-'delete' of 'p'" }
  delete d;
}

// A declared object: g++ knows its layout and converts by a constant, but
// the slot is still the thunk through the virtual base.
void test_3 ()
{
  Deleter d;
  Counted &c = d;
  Item *p = new Item ();
  c.take (p); // { dg-message "first 'delete' here" }
  delete p;   // { dg-warning "double-'delete' of 'p'" }
}

// The override stores p in the object (its `this` is the object's start,
// where the thunk leads), and the destructor deletes it.
void test_4 ()
{
  Keeper *k = new Keeper;
  Sink *s = k;
  Item *p = new Item ();
  s->hold (p);
  delete p; // { dg-message "first 'delete' here" }
  delete k; // { dg-warning "double-'delete' of 'k->held'" }
}

// `delete c` calls Deleter's deleting destructor through the thunk: it
// deletes d.
void test_5 ()
{
  Deleter *d = new Deleter;
  Counted *c = d;
  delete c; // { dg-message "first 'delete' here" }
  delete d; // { dg-warning "double-'delete' of 'd'" }
}

// The diamond's Left is at the object's start: its override is given it.
void test_6 ()
{
  Diamond *m = new Diamond;
  Right *r = m;
  Counted *c = r;
  Item *p = new Item ();
  c->take (p); // { dg-message "first 'delete' here" }
  delete p;    // { dg-warning "double-'delete' of 'p'" }
  delete m;
}

// Silent: the override deleted p once.
void test_7 ()
{
  Deleter *d = new Deleter;
  Counted *c = d;
  Item *p = new Item ();
  c->take (p); // { dg-bogus "double" }
  delete d;
}

// Silent: Plain does not override take, which ignores p.
void test_8 ()
{
  Plain *q = new Plain;
  Counted *c = q;
  Item *p = new Item ();
  c->take (p);
  delete p; // { dg-bogus "double" }
  delete q;
}

// Silent: deleted once, through the virtual base.
void test_9 ()
{
  Deleter *d = new Deleter;
  Counted *c = d;
  delete c; // { dg-bogus "double|start of its allocation" }
}

// Silent: the object comes from the caller, its class unknown.
void test_10 (Deleter *d)
{
  Counted *c = d;
  Item *p = new Item ();
  c->take (p);
  delete p; // { dg-bogus "double" }
}

// Silent: the object's class depends on the path.
void test_11 (bool which)
{
  Counted *c = which ? static_cast<Counted *> (new Deleter) : new Plain;
  Item *p = new Item ();
  c->take (p);
  delete p; // { dg-bogus "double" }
  delete c;
}
