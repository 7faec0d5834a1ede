// use-after-free in C++: a deleted object passed to a function, by pointer or
// by reference, or used as `this` of a method defined elsewhere (MEM30-C,
// CWE-416).  Silent: a method of the file that does not touch the object, and
// a second delete (double-free/).
// { dg-do compile }

struct Widget {
  int v;
  void poke();			// defined elsewhere
  int value() const { return v; }
  void nothing() {}
};

extern void take(Widget *w);
extern void show(const Widget &w);

void test_1()
{
  Widget *w = new Widget();
  delete w; // { dg-message "freed here" }
  w->poke(); // { dg-warning "use after 'delete' of 'w'" }
}

int test_2()
{
  Widget *w = new Widget();
  delete w; // { dg-message "freed here" }
  return w->value(); // { dg-warning "use after 'delete' of 'w'" }
}

void test_3()
{
  Widget *w = new Widget();
  delete w; // { dg-message "freed here" }
  take(w); // { dg-warning "use after 'delete' of 'w'" }
}

void test_4()
{
  Widget *w = new Widget();
  delete w; // { dg-message "freed here" }
  show(*w); // { dg-warning "use after 'delete' of 'w'" }
}

void test_5()
{
  Widget *w = new Widget();
  delete w;
  w->nothing(); // { dg-bogus "use after" }
}

void test_6()
{
  Widget *w = new Widget();
  take(w);
  delete w; // { dg-bogus "use after" }
}

void test_7()
{
  Widget *w = new Widget();
  delete w; // { dg-message "first 'delete' here" }
  delete w; // { dg-warning "double-'delete' of 'w'" }
}

// A destructor defined elsewhere runs on the object before it is released: a
// second delete is one double delete, not also a use by the destructor.
struct Gadget {
  int *data;
  ~Gadget();
};

void test_8()
{
  Gadget *g = new Gadget();
  delete g; // { dg-message "first 'delete' here" }
  delete g; // { dg-warning "double-'delete' of 'g'" }
}
