// use-after-free: a deleted pointer given as an argument to a method (issue 16,
// Why: `c->f (p)` after `delete p`).  A method, constructor, static member,
// member template or operator without a body in sight may read what it is
// given; a method of the file is judged by its summary: one that hands the
// pointer on or reads through it uses it, one that ignores it or only stores
// it does not.
// { dg-do compile }

struct Item { int v; };

void consume (Item *p);

struct Board
{
  Board (Item *p);		// defined elsewhere
  Board () {}
  void put (Item *p);		// defined elsewhere
  void show (const Item *p);	// defined elsewhere
  static void check (Item *p);	// defined elsewhere
  template <class X> void any (X *p);	// defined elsewhere
  Board &operator<< (Item *p);	// defined elsewhere
  void forward (Item *p) { consume (p); }
  void read (Item *p) { last = p->v; }
  void ignore (Item *p) { (void) p; }
  void remember (Item *p) { kept = p; }
  Item *kept = nullptr;
  int last = 0;
};

struct Screen { virtual void draw (Item *p); };

void through_pointer (Board *b)
{
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  b->put (p); // { dg-warning "use after 'delete' of 'p'" }
}

void on_local_object ()
{
  Board obj;
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  obj.show (p); // { dg-warning "use after 'delete' of 'p'" }
}

void to_constructor ()
{
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  Board b (p); // { dg-warning "use after 'delete' of 'p'" }
}

void to_static_member ()
{
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  Board::check (p); // { dg-warning "use after 'delete' of 'p'" }
}

void to_member_template (Board &b)
{
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  b.any (p); // { dg-warning "use after 'delete' of 'p'" }
}

void to_operator (Board &b)
{
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  b << p; // { dg-warning "use after 'delete' of 'p'" }
}

void to_virtual (Screen *s)
{
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  s->draw (p); // { dg-warning "use after 'delete' of 'p'" }
}

void handed_on (Board &b)
{
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  b.forward (p); // { dg-warning "use after 'delete' of 'p'" }
}

void read_through (Board &b)
{
  Item *p = new Item ();
  delete p; // { dg-message "freed here" }
  b.read (p); // { dg-warning "use after 'delete' of 'p'" }
}

// Silent: the method of the file does nothing with p.
void ignored (Board &b)
{
  Item *p = new Item ();
  delete p;
  b.ignore (p); // { dg-bogus "use after" }
}

// Silent: storing a dangling pointer is not using it.
void stored (Board &b)
{
  Item *p = new Item ();
  delete p;
  b.remember (p); // { dg-bogus "use after" }
  b.kept = nullptr;
}
