// double-free: loops over the elements of a standard container of raw pointers
// (issue 16, item 5).  A local container filled once holds that one pointer, so
// a loop over its elements (range-for, begin/end, cbegin/cend, rbegin/rend) runs
// once, on that pointer; anything the engine cannot follow (filled more often,
// handed to a function, a range erased) leaves the elements out of sight.
// { dg-do compile }

#include <deque>
#include <list>
#include <map>
#include <vector>

struct S {
  int v;
};

void keep(std::vector<S *> &);

// Deleted by one loop over the elements, then by a second.
void test_1()
{
  std::vector<S *> v;
  v.push_back(new S);
  for (S *q : v)
    delete q;   // { dg-message "first 'delete' here" }
  for (S *q : v)
    delete q;   // { dg-warning "double-'delete'" }
}

// Its silent twin: one loop deletes, the vector is emptied after.
void test_2()
{
  std::vector<S *> v;
  v.push_back(new S);
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
  v.clear();
} // { dg-bogus "leak" }

// An explicit iterator loop over a list, then the pointer put in deleted by hand.
void test_3()
{
  std::list<S *> l;
  S *p = new S;
  l.push_back(p);
  for (std::list<S *>::iterator it = l.begin(); it != l.end(); ++it)
    delete *it;
  delete p;     // { dg-warning "double-'delete'" }
}

// const iterators, postfix increment, then the element taken out again.
void test_4()
{
  std::deque<S *> d;
  d.push_back(new S);
  for (std::deque<S *>::const_iterator it = d.cbegin(); it != d.cend(); it++)
    delete *it;
  delete d.front();  // { dg-warning "double-'delete'" }
}

// Reverse iterators walk the same element.
void test_5()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  delete p;
  for (std::vector<S *>::reverse_iterator it = v.rbegin(); it != v.rend(); ++it)
    delete *it;  // { dg-warning "double-'delete'" }
}

// Moved out before the loop: the loop runs over nothing.  Silent.
void test_6()
{
  std::vector<S *> v;
  v.push_back(new S);
  S *p = v.back();
  v.pop_back();
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
  delete p;     // { dg-bogus "double" }
}

// Handed to a function first: what it holds is out of sight.  Silent.
void test_7()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  keep(v);
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
}

// A range erased may hold the element or not: out of sight.  Silent.
void test_8()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  v.erase(v.begin(), v.end());
  delete p;
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
}

// Filled twice: the engine does not follow which element a loop is at.
void test_9()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
}

// The element erased at its position (the only one) before the loop: silent.
void test_10()
{
  std::list<S *> l;
  S *p = new S;
  l.push_back(p);
  l.erase(l.begin());
  for (S *q : l)
    delete q;   // { dg-bogus "double" }
  delete p;     // { dg-bogus "double" }
}

// Put in by insert at a position, deleted by a loop and again by hand.
void test_11()
{
  std::vector<S *> v;
  S *p = new S;
  v.insert(v.begin(), p);
  for (S *q : v)
    delete q;
  delete p;     // { dg-warning "double-'delete'" }
}

// A map's element, met by a loop through it->second, deleted again by hand.
void test_12()
{
  std::map<int, S *> m;
  m[1] = new S;
  for (std::map<int, S *>::iterator it = m.begin(); it != m.end(); ++it)
    delete it->second;
  delete m[1];  // { dg-warning "double-'delete'" }
}

// Put in on one path only: the loop runs on that path.  Silent.
void test_13(bool c)
{
  std::vector<S *> v;
  S *p = new S;
  if (c)
    v.push_back(p);
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
  if (!c)
    delete p;   // { dg-bogus "double" }
}

// Filled in a loop, deleted by two loops over the elements: the last pointer
// put in stands for them (the others go out of sight when it comes).
void test_14(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  for (S *q : v)
    delete q;   // { dg-message "first 'delete' here" }
  for (S *q : v)
    delete q;   // { dg-warning "double-'delete'" }
}

// Its silent twin: one loop deletes them all.
void test_15(int n)
{
  std::list<S *> l;
  for (int i = 0; i < n; i++)
    l.push_back(new S);
  for (std::list<S *>::iterator it = l.begin(); it != l.end(); ++it)
    delete *it;  // { dg-bogus "double" }
} // { dg-bogus "leak" }

// A loop that may stop before the end (break) deletes the first element, not
// necessarily the last one put in: out of sight.  Silent.
void test_16()
{
  std::vector<S *> v;
  S *a = new S;
  S *b = new S;
  v.push_back(a);
  v.push_back(b);
  for (S *q : v) {
    delete q;
    break;
  }
  delete b;   // { dg-bogus "double" }
}

// Filled twice, the last one deleted through back () and again by a loop.
void test_17()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  delete v.back();
  for (S *q : v)
    delete q;   // { dg-warning "double-'delete'" }
}

// Filled twice, both taken out by position and deleted: silent.
void test_18()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  delete v[0];  // { dg-bogus "double" }
  delete v[1];  // { dg-bogus "double" }
} // { dg-bogus "leak" }

// Emptied from the back in a loop: silent.
void test_19(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  while (!v.empty()) {
    delete v.back();  // { dg-bogus "double" }
    v.pop_back();
  }
} // { dg-bogus "leak" }
