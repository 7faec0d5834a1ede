// double-free through virtual calls: when the function made the object
// (`B *b = new B;`), its dynamic type is known and a virtual call is a call of
// that class's override, with its summary (issue 16, virtual calls).  An object
// of unknown dynamic type (a parameter) keeps its calls unknown.
// { dg-do compile }

struct T { int a; };
struct B
{
  virtual void rel (T *p) { delete p; }
  virtual void keep (T *p) { kept = p; }
  virtual ~B () {}
  T *kept = nullptr;
};
struct D : B
{
  void rel (T *p) override { (void) p; }
  ~D () override {}
};

void test_override_frees ()
{
  B *b = new B;
  T *p = new T;
  b->rel (p); // { dg-message "first 'delete' here" }
  delete p;   // { dg-warning "double-'delete' of 'p'" }
  delete b;
}

// Silent: D's override does not delete.
void test_derived_override ()
{
  B *b = new D;
  T *p = new T;
  b->rel (p);
  delete p; // { dg-bogus "double" }
  delete b;
}

// Silent: the dynamic type of a parameter is unknown.
void test_unknown_type (B *b)
{
  T *p = new T;
  b->rel (p);
  delete p; // { dg-bogus "double" }
}

// A polymorphic object deleted twice: one warning, the double delete (the
// second delete reads the freed vtable pointer to find the destructor: that read
// is part of the delete).
void test_delete_twice ()
{
  B *b = new B;
  delete b; // { dg-message "first 'delete' here" }
  delete b; // { dg-warning "double-'delete' of 'b'" }
}

// A virtual call on a deleted object reads its vtable pointer.
void test_call_after_delete ()
{
  B *b = new B;
  T *p = new T;
  delete b; // { dg-message "freed here" }
  b->keep (p); // { dg-warning "use after 'delete' of 'b'" }
  delete p;
}

// The dynamic type is unknown, but every override of the deleting destructor
// releases the object.
void test_param_deleted_twice (B *b)
{
  delete b; // { dg-message "first 'delete' here|freed here" }
  delete b; // { dg-warning "double-'delete' of 'b'" }
}

void test_param_used_after_delete (B *b, T *p)
{
  delete b;    // { dg-message "freed here|'delete' here" }
  b->keep (p); // { dg-warning "use after 'delete' of 'b'" }
}

// Silent: deleted once.
void test_param_deleted_once (B *b)
{
  b->keep (nullptr);
  delete b; // { dg-bogus "double|use after" }
}
