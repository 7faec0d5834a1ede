// double-free (MEM51-CPP, CWE-415), use after delete and mismatched deallocation
// of a block a class returned by value holds: the function builds the object in
// the caller's return slot (a hidden pointer) and leaves a fresh allocation in a
// member, so the caller's member is that allocation, with its family.  Issue 16,
// item 2.
// { dg-do compile }

#include <cstdlib>

struct Span {
  int *p;
  ~Span() {}
};

struct Text {
  Text() : s(nullptr) {}
  ~Text() { delete[] s; }
  char *s;
};

void use(int);

static Span make_span()
{
  Span h;
  h.p = new int[4];
  return h;
}

static Text make_text()
{
  Text t;
  t.s = new char[8];
  return t;
}

void test_1()
{
  Span s = make_span();
  delete[] s.p; // { dg-message "first 'delete\[\]' here" }
  delete[] s.p; // { dg-warning "double-'delete\[\]' of 's.p'" }
}

void test_2()
{
  Span s = make_span();
  int *q = s.p;
  delete[] q; // { dg-message "freed here" }
  use(q[1]); // { dg-warning "use after 'delete\[\]' of 'q'" }
}

void test_3()
{
  Span s = make_span();
  delete s.p; // { dg-warning "'s.p' should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}

void test_4()
{
  Span s = make_span();
  free(s.p); // { dg-warning "'s.p' should have been deallocated with 'delete\[\]' but was deallocated with 'free'" }
}

// The destructor deletes the member again.
void test_5()
{
  Text t = make_text();
  delete[] t.s; // { dg-message "first 'delete\[\]' here" }
} // { dg-warning "double-'delete\[\]' of 't.s'" }

// Silent: deleted once, by the caller.
void test_6()
{
  Span s = make_span();
  delete[] s.p; // { dg-bogus "double-'delete" }
}

// Silent: the member reset after the delete, the destructor deletes nullptr.
void test_7()
{
  Text t = make_text();
  delete[] t.s;
  t.s = nullptr;
} // { dg-bogus "double-'delete" }
