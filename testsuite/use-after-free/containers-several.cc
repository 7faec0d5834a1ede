// use-after-free: a local container of raw pointers filled by several puts at
// positions known where they are made (issue 16, item 5): the element at each
// position is its own pointer, and a loop over the elements meets each.
// { dg-do compile }

#include <deque>
#include <list>
#include <map>
#include <vector>

struct S {
  int x;
};

void keep(S *);

// The second element deleted by position, then used by hand.
void test_1()
{
  std::vector<S *> v;
  S *a = new S;
  S *b = new S;
  v.push_back(a);
  v.push_back(b);
  delete v[1];  // { dg-message "freed here" }
  b->x = 1;     // { dg-warning "use after 'delete' of 'b'" }
  delete a;
}

// Its silent twin: the first deleted, the second used and deleted.
void test_2()
{
  std::vector<S *> v;
  S *a = new S;
  S *b = new S;
  v.push_back(a);
  v.push_back(b);
  delete v[0];
  b->x = 1;     // { dg-bogus "use after" }
  delete b;
}

// A loop deletes every element; one is used after it.
void test_3()
{
  std::deque<S *> d;
  d.push_back(new S);
  d.push_back(new S);
  for (S *p : d)
    delete p;
  d.back()->x = 1;  // { dg-warning "use after 'delete'" }
}

// Its silent twin: each element used by a loop, then deleted by another.
void test_4()
{
  std::deque<S *> d;
  d.push_back(new S);
  d.push_back(new S);
  for (S *p : d)
    p->x = 1;   // { dg-bogus "use after" }
  for (S *p : d)
    delete p;
}

// A map's element deleted under its key, then met by a loop that uses each.
void test_5()
{
  std::map<int, S *> m;
  m[1] = new S;
  m[2] = new S;
  delete m[2];
  for (auto &kv : m)
    kv.second->x = 1;  // { dg-warning "use after 'delete'" }
  delete m[1];
}

// Its silent twin: deleted after the loop.
void test_6()
{
  std::map<int, S *> m;
  m[1] = new S;
  m[2] = new S;
  for (auto &kv : m)
    kv.second->x = 1;  // { dg-bogus "use after" }
  delete m[1];
  delete m[2];
}

// A list's elements handed to an unknown function, then deleted: silent.
void test_7()
{
  std::list<S *> l;
  l.push_back(new S);
  l.push_back(new S);
  for (S *p : l)
    keep(p);
  for (S *p : l)
    delete p;   // { dg-bogus "use after|double" }
}
