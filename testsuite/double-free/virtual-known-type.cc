// double-free through virtual calls whose object's dynamic type the function
// knows (issue 16, virtual calls), for a declared object and through a base at
// a nonzero offset, whose slots are thunks (plugin/gcc/lower-virtual.cc).
// { dg-do compile }

struct Item { int v; };

struct Sink
{
  virtual void take (Item *p) { (void) p; }
  virtual ~Sink () {}
};

struct Deleter : Sink
{
  void take (Item *p) override { delete p; }
};

struct Tagged { virtual ~Tagged () {} int tag; };
struct Both : Tagged, Sink { };

void local_object ()
{
  Deleter d;
  Sink &s = d;
  Item *p = new Item ();
  s.take (p); // { dg-message "first 'delete' here" }
  delete p;   // { dg-warning "double-'delete' of 'p'" }
}

// `delete s` calls Both's deleting destructor through a thunk that moves the
// pointer back to the object's start: it deletes b, and no offset pointer.
void deleted_through_base ()
{
  Both *b = new Both;
  Sink *s = b;
  delete s; // { dg-message "first 'delete' here" }
  delete b; // { dg-warning "double-'delete' of 'b'" }
}

// Silent: deleted once, through the base.
void deleted_once ()
{
  Both *b = new Both;
  Sink *s = b;
  delete s; // { dg-bogus "start of its allocation|double" }
}
