// use-after-free: loops over the elements of a standard container of raw
// pointers (issue 16, item 5): a loop over a local container filled once runs
// on the pointer put in, so what it deletes is deleted for every later use.
// { dg-do compile }

#include <list>
#include <vector>

struct S {
  int v;
  void f();
};

void consume(std::vector<S *> &);

// Deleted by a loop, then used through the vector.
void test_1()
{
  std::vector<S *> v;
  v.push_back(new S);
  for (auto *q : v)
    delete q;
  v[0]->f();  // { dg-warning "use after 'delete'" }
}

// Its silent twin: used by one loop, deleted by the next.
void test_2()
{
  std::vector<S *> v;
  v.push_back(new S);
  for (auto *q : v)
    q->f();   // { dg-bogus "use after" }
  for (auto *q : v)
    delete q;
}

// Deleted by an iterator loop over a list, used through the pointer put in.
void test_3()
{
  std::list<S *> l;
  S *p = new S;
  l.push_back(p);
  for (std::list<S *>::iterator it = l.begin(); it != l.end(); ++it)
    delete *it;
  p->v = 1;  // { dg-warning "use after 'delete' of 'p'" }
}

// Deleted by hand, then used in a loop over the elements.
void test_4()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  delete p;
  for (S *q : v)
    q->v = 2;  // { dg-warning "use after 'delete'" }
}

// Taken out and removed before the delete, the loop runs over nothing: silent.
void test_5()
{
  std::vector<S *> v;
  v.push_back(new S);
  S *p = v.front();
  v.pop_back();
  delete p;
  for (S *q : v)
    q->v = 2;  // { dg-bogus "use after" }
}

// The vector handed to a function after the delete: the loop's elements are
// out of sight.  Silent.
void test_6()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  delete p;
  consume(v);
  for (S *q : v)
    q->v = 2;  // { dg-bogus "use after" }
}

// Filled in a loop, deleted by a loop, the last one used through back ().
void test_7(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  for (S *q : v)
    delete q;
  if (!v.empty())
    v.back()->f();  // { dg-warning "use after 'delete'" }
}

// Used by one loop, deleted by the next: silent.
void test_8(int n)
{
  std::list<S *> l;
  for (int i = 0; i < n; i++)
    l.push_back(new S);
  for (S *q : l)
    q->f();   // { dg-bogus "use after" }
  for (S *q : l)
    delete q;
  l.clear();
}

// A loop that returns early may not reach the last one: silent.
void test_9(int n, bool stop)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  for (S *q : v) {
    delete q;
    if (stop)
      return;
  }
  for (S *q : v)
    q->f();   // { dg-bogus "use after" }
}

struct Holder {
  std::vector<S *> parts_;
  void reset();
  void touch();
};

// A member's elements deleted by a loop, then used by another.
void Holder::reset()
{
  for (std::vector<S *>::iterator it = parts_.begin(); it != parts_.end(); ++it)
    delete *it;
  for (std::vector<S *>::iterator it = parts_.begin(); it != parts_.end(); ++it)
    (*it)->f();  // { dg-warning "use after 'delete'" }
}

// Used, then deleted: silent.
void Holder::touch()
{
  for (S *q : parts_)
    q->f();   // { dg-bogus "use after" }
  for (S *q : parts_)
    delete q;
  parts_.clear();
}

// A parameter's elements deleted, then used through an iterator loop.
void test_10(std::list<S *> &l)
{
  for (S *q : l)
    delete q;
  for (std::list<S *>::const_iterator it = l.cbegin(); it != l.cend(); ++it)
    (*it)->v = 0;  // { dg-warning "use after 'delete'" }
}
