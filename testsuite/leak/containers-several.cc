// leak: a local container of raw pointers filled by several puts at positions
// known where they are made (issue 16, item 5): a container does not delete
// its elements, so each one it alone holds leaks where it is dropped (its
// end, clear (), pop_back ()).
// { dg-do compile }

#include <deque>
#include <list>
#include <map>
#include <vector>

struct S {
  int x;
};

void keep(S *);
void keep_all(std::vector<S *> &);

// Two put in, the first deleted: the second leaks with the vector.
void test_1()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);  // { dg-message "allocated here" }
  delete v[0];
} // { dg-warning "leak of memory" }

// Its silent twin: a loop deletes each.
void test_2()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  v.push_back(new S);
  for (S *p : v)
    delete p;
} // { dg-bogus "leak" }

// clear () drops what is left (reported where the temporary that held it
// for push_back ends, at the closing brace).
void test_3()
{
  std::list<S *> l;
  l.push_back(new S);
  l.push_back(new S);  // { dg-message "allocated here" }
  delete l.front();
  l.clear();
} // { dg-warning "leak of memory" }

// pop_back () drops the last (reported at the closing brace as well).
void test_4()
{
  std::deque<S *> d;
  d.push_back(new S);
  d.push_back(new S);  // { dg-message "allocated here" }
  delete d.front();
  d.pop_back();
  d.clear();
} // { dg-warning "leak of memory" }

// A map given two, one deleted under its key: the other leaks.
void test_5()
{
  std::map<int, S *> m;
  m[3] = new S;
  m[7] = new S; // { dg-message "allocated here" }
  delete m[3];
} // { dg-warning "leak of memory" }

// Elements handed to an unknown function: silent.
void test_6()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  keep(v[0]);
  keep(v[1]);
} // { dg-bogus "leak" }

// The container handed to an unknown function: silent.
void test_7()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  keep_all(v);
} // { dg-bogus "leak" }

// More puts than positions followed: out of sight as before.
void test_8()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  v.push_back(new S);
  v.push_back(new S);
  v.push_back(new S);
  v.push_back(new S);
  v.push_back(new S);
  v.push_back(new S);
  v.push_back(new S);
  delete v[0];
} // { dg-bogus "leak" }

// A loop that only reads leaves each element to leak with the vector.
void test_9()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  for (S *p : v)
    p->x = 0;
} // { dg-warning "leak of memory" }

// A map's element overwritten under its key: what it held leaks there.
void test_10()
{
  std::map<int, S *> m;
  m[1] = new S; // { dg-message "allocated here" }
  m[2] = new S;
  m[1] = nullptr;  // { dg-warning "leak of memory" }
  delete m[2];
}

// A loop that deletes some elements and hands the others on: silent.
void test_11()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  for (S *p : v)
    if (p != nullptr)
      delete p;
    else
      keep(p);
} // { dg-bogus "leak" }
