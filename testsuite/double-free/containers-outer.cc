// double-free: loops over a container of raw pointers the function does not own
// (issue 16, item 5): a parameter (`std::vector<T *> &v`) or a member
// (`this->items_`).  What it holds is not known, but a loop over every element
// (no break or return before the iterator's next test) deletes each of them, so
// a second loop over the same container, with no call that may change it in
// between, meets only deleted pointers.
// { dg-do compile }

#include <list>
#include <vector>

struct S {
  int v;
  void f();
};

// Two loops delete every element of a parameter.
void test_1(std::vector<S *> &v)
{
  for (S *q : v)
    delete q;   // { dg-message "first 'delete' here" }
  for (S *q : v)
    delete q;   // { dg-warning "double-'delete'" }
}

// Its silent twin: deleted once, the container emptied.
void test_2(std::vector<S *> &v)
{
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
  v.clear();
}

// Something put in between: the second loop's elements are not known.  Silent.
void test_3(std::vector<S *> &v)
{
  for (S *q : v)
    delete q;
  v.clear();
  v.push_back(new S);
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
}

// The first loop may stop early: silent.
void test_4(std::vector<S *> *v, bool stop)
{
  for (S *q : *v) {
    delete q;
    if (stop)
      break;
  }
  for (S *q : *v)
    delete q;   // { dg-bogus "double" }
}

struct Box {
  std::list<S *> items_;
  void drop();
  void drop_twice();
  void pass();
};

void consume(std::list<S *> &);

// A member deleted by two iterator loops.
void Box::drop_twice()
{
  for (std::list<S *>::iterator it = items_.begin(); it != items_.end(); ++it)
    delete *it;
  for (std::list<S *>::iterator it = items_.begin(); it != items_.end(); ++it)
    delete *it;  // { dg-warning "double-'delete'" }
}

// Deleted once, then emptied: silent.
void Box::drop()
{
  for (std::list<S *>::iterator it = items_.begin(); it != items_.end(); ++it)
    delete *it;  // { dg-bogus "double" }
  items_.clear();
}

// Handed to a function in between, which may refill it: silent.
void Box::pass()
{
  for (S *q : items_)
    delete q;
  consume(items_);
  for (S *q : items_)
    delete q;   // { dg-bogus "double" }
}
