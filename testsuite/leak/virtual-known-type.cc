// leak through virtual calls whose object's dynamic type the function knows
// (issue 16, virtual calls): the known override's summary says whether it
// keeps the pointer it is given.  plugin/gcc/lower-virtual.cc.
// { dg-do compile }

struct Item { int v; };

struct Sink
{
  virtual void hold (Item *p) { (void) p; }
  virtual ~Sink () {}
};

struct Ignorer : Sink
{
  void hold (Item *p) override { (void) p; }
};

struct Keeper : Sink
{
  void hold (Item *p) override { held = p; }
  ~Keeper () override { delete held; }
  Item *held = nullptr;
};

// Silent: Keeper's override keeps the pointer, and its destructor deletes it.
void kept_by_override ()
{
  Keeper k;
  Sink &s = k;
  s.hold (new Item ());	// { dg-bogus "leak" }
}

void kept_by_made_object ()
{
  Keeper *k = new Keeper;
  Sink *s = k;
  Item *p = new Item ();
  s->hold (p);
  delete s;	// { dg-bogus "leak" }
}

// Ignorer's override keeps nothing.
void not_kept ()
{
  Ignorer k;
  Sink &s = k;
  Item *p = new Item (); // { dg-message "allocated here" }
  s.hold (p);
} // { dg-warning "leak of 'p'" }

void not_kept_by_made_object ()
{
  Sink *s = new Ignorer;
  Item *p = new Item (); // { dg-message "allocated here" }
  s->hold (p);
  delete s;
} // { dg-warning "leak of 'p'" }

// Silent: the dynamic type of a parameter is unknown; the call may keep p.
void unknown_type (Sink *s)
{
  Item *p = new Item ();
  s->hold (p);
} // { dg-bogus "leak" }
