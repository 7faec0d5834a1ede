// double-free: raw pointers kept in standard containers (issue 16, item 5).  A
// local container filled once keeps the pointer it was given: what is taken out
// is that pointer.  Filled more often, an element taken out twice at the same
// position with nothing put in or removed in between is the same pointer.
// { dg-do compile }

#include <list>
#include <map>
#include <vector>

struct S {
  int v;
};

// One pointer put in, deleted by hand and then through the vector.
void test_1()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  delete p;     // { dg-message "first 'delete' here" }
  delete v[0];  // { dg-warning "double-'delete'" }
}

// Its silent twin: deleted once, through the vector.
void test_2()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  delete v[0];  // { dg-bogus "double" }
} // { dg-bogus "leak" }

// front () and back () of a list filled once are the pointer put in.
void test_3()
{
  std::list<S *> l;
  l.push_back(new S);
  delete l.front();
  delete l.back();  // { dg-warning "double-'delete'" }
}

// Two pointers put in: front () and back () are different elements.  Silent.
void test_4()
{
  std::list<S *> l;
  l.push_back(new S);
  l.push_back(new S);
  delete l.front();
  delete l.back();  // { dg-bogus "double" }
}

// Two pointers put in, the first element deleted twice (and the second
// leaked with the vector: each position is followed).
void test_5()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  delete v[0];
  delete v[0];  // { dg-warning "double-'delete'" }
} // { dg-warning "leak of memory" }

// The same, with the element removed in between: silent.
void test_6()
{
  std::list<S *> l;
  l.push_back(new S);
  l.push_back(new S);
  delete l.front();
  l.pop_front();
  delete l.front();  // { dg-bogus "double" }
  l.pop_front();
}

// Elements at two positions: silent.
void test_7()
{
  std::vector<S *> v;
  v.push_back(new S);
  v.push_back(new S);
  delete v[0];
  delete v[1];  // { dg-bogus "double" }
}

// A map's element under the key it was put at.
void test_8()
{
  std::map<int, S *> m;
  S *p = new S;
  m[1] = p;
  delete p;
  delete m[1];  // { dg-warning "double-'delete'" }
}

// Under another key there is no element (operator[] makes a null one): silent.
void test_9()
{
  std::map<int, S *> m;
  S *p = new S;
  m[1] = p;
  delete m[2];  // { dg-bogus "double" }
  delete p;     // { dg-bogus "double" }
}

// Deleted in a loop over the elements of a vector filled once: the loop runs
// once, on p (containers-iteration.cc).  Silent.
void test_10()
{
  std::vector<S *> v;
  S *p = new S;
  v.push_back(p);
  for (S *q : v)
    delete q;   // { dg-bogus "double" }
}

// A loop by index over a vector filled once: silent.
void test_11()
{
  std::vector<S *> v;
  v.push_back(new S);
  for (std::size_t i = 0; i < v.size(); i++)
    delete v[i];  // { dg-bogus "double" }
} // { dg-bogus "leak" }

// emplace_back and push_front put in too.
void test_12()
{
  std::list<S *> l;
  S *p = new S;
  l.emplace_front(p);
  delete l.back();
  delete p;      // { dg-warning "double-'delete'" }
}
