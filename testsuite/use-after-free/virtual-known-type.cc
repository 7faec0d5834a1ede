// use-after-free through virtual calls whose object's dynamic type the
// function knows (issue 16, virtual calls): made here by new and reached
// through a pointer to a base, or a declared object (a local, a member of one,
// an array element) reached through a base reference or pointer.  The pass
// runs before GCC devirtualizes anything, at -O0 as at -O2, so the call is
// resolved by the plugin (plugin/gcc/lower-virtual.cc).
// { dg-do compile }

struct Item { int v; };

struct Sink
{
  virtual void take (Item *p) { (void) p; }
  virtual void hold (Item *p) { (void) p; }
  virtual void flush () {}
  virtual ~Sink () {}
};

struct Deleter : Sink
{
  void take (Item *p) override { delete p; }
  void hold (Item *p) override { held = p; }
  void flush () override { delete held; held = nullptr; }
  ~Deleter () override { delete held; }
  Item *held = nullptr;
};

struct Tagged { virtual ~Tagged () {} int tag; };
// Sink is a base at a nonzero offset: its slots reach Both's overrides
// through thunks that move `this` back to the object's start.
struct Both : Tagged, Sink
{
  void take (Item *p) override { delete p; }
};

int made_here ()
{
  Deleter *d = new Deleter;
  Sink *s = d;
  Item *p = new Item ();
  s->take (p);	// { dg-message "freed here" }
  int v = p->v;	// { dg-warning "use after 'delete' of 'p'" }
  delete s;
  return v;
}

int local_by_reference ()
{
  Deleter d;
  Sink &s = d;
  Item *p = new Item ();
  s.take (p);
  return p->v;	// { dg-warning "use after 'delete' of 'p'" }
}

int local_by_pointer ()
{
  Deleter d;
  Sink *s = &d;
  Item *p = new Item ();
  s->hold (p);
  s->flush ();	// { dg-message "freed here" }
  return p->v;	// { dg-warning "use after 'delete' of 'p'" }
}

struct Owner { int n; Deleter d; };

int member_object ()
{
  Owner o;
  Sink &s = o.d;
  Item *p = new Item ();
  s.take (p);
  return p->v;	// { dg-warning "use after 'delete' of 'p'" }
}

int array_element ()
{
  Deleter ds[2];
  Sink *s = &ds[1];
  Item *p = new Item ();
  s->take (p);
  return p->v;	// { dg-warning "use after 'delete' of 'p'" }
}

int through_thunk ()
{
  Both *b = new Both;
  Sink *s = b;
  Item *p = new Item ();
  s->take (p);
  int v = p->v;	// { dg-warning "use after 'delete' of 'p'" }
  delete b;
  return v;
}

// Silent: Sink's own take keeps nothing and frees nothing.
int base_object ()
{
  Sink k;
  Sink &s = k;
  Item *p = new Item ();
  s.take (p);
  int v = p->v;	// { dg-bogus "use after" }
  delete p;
  return v;
}

// Silent: the dynamic type of a parameter is unknown.
int unknown_type (Sink &s)
{
  Item *p = new Item ();
  s.take (p);
  int v = p->v;	// { dg-bogus "use after" }
  delete p;
  return v;
}

// Silent: either class may be there.
int either_type (bool c)
{
  Sink *s = c ? static_cast<Sink *> (new Deleter) : new Sink;
  Item *p = new Item ();
  s->take (p);
  int v = p->v;	// { dg-bogus "use after" }
  delete s;
  return v;
}
