// use-after-free: two pointers tested for equality twice, neither changed in
// between (issue 14, item 4), in C++: the element a loop deleted when it was x is
// not used by a second loop over the elements that are not x.  The same test
// repeated, or a test of another pair, still warns.
// { dg-do compile }

#include <vector>

struct S {
  int v;
  void f();
};

void test_1(std::vector<S *> &v, S *x)
{
  for (S *q : v)
    if (q == x)
      delete q;
  for (S *q : v)
    if (q != x)
      q->f(); // { dg-bogus "use after" }
}

// Buggy: the second loop uses the element that is x.
void test_2(std::vector<S *> &v, S *x)
{
  for (S *q : v)
    if (q == x)
      delete q; // { dg-message "freed here" }
  for (S *q : v)
    if (q == x)
      q->f(); // { dg-warning "use after 'delete' of 'q'" }
}

// Buggy: the second loop's test is of another pair.
void test_3(std::vector<S *> &v, S *x, S *y)
{
  for (S *q : v)
    if (q == x)
      delete q; // { dg-message "freed here" }
  for (S *q : v)
    if (q != y)
      q->f(); // { dg-warning "use after 'delete' of 'q'" }
}

struct T {
  int v;
};

// Straight-line, the test negated and swapped.
void test_4(T *p, T *x)
{
  if (p == x)
    delete p;
  if (!(x == p))
    p->v = 1; // { dg-bogus "use after" }
}

// Buggy: the same test twice.
void test_5(T *p, T *x)
{
  if (p == x)
    delete p; // { dg-message "freed here" }
  if (x == p)
    p->v = 1; // { dg-warning "use after 'delete' of 'p'" }
}
