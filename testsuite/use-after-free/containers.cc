// use-after-free: raw pointers taken out of standard containers (issue 16, item
// 5): the element taken out is the pointer put in, and keeps its state.
// { dg-do compile }

#include <deque>
#include <vector>

struct S {
  int v;
};

// Deleted through the vector, used through the pointer put in.
void test_1()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  delete v.front();
  p->v = 1;  // { dg-warning "use after 'delete' of 'p'" }
}

// Deleted by hand, used through the container.
void test_2()
{
  std::deque<S *> d;
  S *p = new S;
  d.push_back(p);
  delete p;
  d.at(0)->v = 1;  // { dg-warning "use after 'delete'" }
}

// Used, then deleted: silent.
void test_3()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  v[0]->v = 1;  // { dg-bogus "use after" }
  delete p;
}

// Deleted and replaced before the use: silent.
void test_4()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  delete v[0];
  v[0] = new S;
  v[0]->v = 1;  // { dg-bogus "use after" }
  delete v[0];
  delete v[1];
}
