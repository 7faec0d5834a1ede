// leak: pointers removed from a local standard container of raw pointers
// (issue 16, item 5).  clear (), pop_back (), pop_front () and erase (pos) drop
// the element without deleting it: a leak when the container held the last
// reference (reported where the function returns).  A range erased may or may not hold it: out of sight.
// { dg-do compile }

#include <deque>
#include <list>
#include <vector>

struct S {
  int v;
};

void keep(std::vector<S *> &);

// Emptied without deleting the element.
void test_1()
{
  std::vector<S *> v;
  v.push_back(new S);  // { dg-message "allocated here" }
  v.clear();
} // { dg-warning "leak" }

// Its silent twin: deleted by a loop first.
void test_2()
{
  std::vector<S *> v;
  v.push_back(new S);
  for (S *q : v)
    delete q;
  v.clear();  // { dg-bogus "leak" }
} // { dg-bogus "leak" }

// Popped while only the list held it.
void test_3()
{
  std::list<S *> l;
  l.push_back(new S);  // { dg-message "allocated here" }
  l.pop_back();
} // { dg-warning "leak" }

// Moved out before the pop: silent.
void test_4()
{
  std::deque<S *> d;
  d.push_back(new S);
  S *p = d.front();
  d.pop_front();  // { dg-bogus "leak" }
  delete p;
} // { dg-bogus "leak" }

// Erased at its position.
void test_5()
{
  std::vector<S *> v;
  v.push_back(new S);  // { dg-message "allocated here" }
  v.erase(v.begin());
} // { dg-warning "leak" }

// A range erased: out of sight, silent.
void test_6()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.erase(v.begin(), v.end());  // { dg-bogus "leak" }
} // { dg-bogus "leak" }

// Put in by insert, never deleted.
void test_7()
{
  std::vector<S *> v;
  v.insert(v.end(), new S);  // { dg-message "allocated here" }
} // { dg-warning "leak" }

// Put in by emplace, deleted by an iterator loop: silent.
void test_8()
{
  std::list<S *> l;
  l.emplace(l.begin(), new S);
  for (std::list<S *>::const_iterator it = l.cbegin(); it != l.cend(); ++it)
    delete *it;
} // { dg-bogus "leak" }

// Only read by a loop: still lost with the vector.
void test_9()
{
  std::vector<S *> v;
  v.push_back(new S);  // { dg-message "allocated here" }
  for (S *q : v)
    q->v = 1;
} // { dg-warning "leak" }

// Read by a loop, then handed to a function: silent.
void test_10()
{
  std::vector<S *> v;
  v.push_back(new S);
  for (S *q : v)
    q->v = 1;
  keep(v);
} // { dg-bogus "leak" }

// Cleared after the pointer was handed to a function: it may keep it.  Silent.
void keep_ptr(S *);
void test_11()
{
  std::vector<S *> v;
  S *p = new S;
  keep_ptr(p);
  v.push_back(p);
  v.clear();  // { dg-bogus "leak" }
}

// Filled in a loop, never deleted: lost with the vector.
void test_12(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);  // { dg-message "allocated here" }
} // { dg-warning "leak" }

// Filled in a loop, deleted by a loop: silent.
void test_13(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  for (std::vector<S *>::iterator it = v.begin(); it != v.end(); ++it)
    delete *it;
} // { dg-bogus "leak" }

// Filled in a loop, emptied by clear () without deleting.
void test_14(int n)
{
  std::list<S *> l;
  for (int i = 0; i < n; i++)
    l.push_back(new S);  // { dg-message "allocated here" }
  l.clear();
} // { dg-warning "leak" }

// Filled in a loop, deleted by index: silent.
void test_15(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  for (std::size_t i = 0; i < v.size(); i++)
    delete v[i];
} // { dg-bogus "leak" }

// Filled in a loop, handed to a function: silent.
void test_16(int n)
{
  std::vector<S *> v;
  for (int i = 0; i < n; i++)
    v.push_back(new S);
  keep(v);
} // { dg-bogus "leak" }

// Filled in a loop, the front one popped (the last one may still be there):
// silent.
void test_17(int n)
{
  std::deque<S *> d;
  for (int i = 0; i < n; i++)
    d.push_back(new S);
  if (!d.empty()) {
    delete d.front();
    d.pop_front();
  }
  for (S *q : d)
    delete q;
} // { dg-bogus "leak" }
