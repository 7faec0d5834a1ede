// leak in C++: new/new[] whose last reference is lost (MEM31-C, CWE-401).
// Stored in a member, or owned by a smart pointer, it is not a leak.
// { dg-do compile }

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

class Holder {
public:
  Holder();
  ~Holder();
  void reset(int n);
private:
  int *p_;
};

extern bool cond();

Holder::Holder() : p_(new int(0)) {} // { dg-bogus "leak of" }
Holder::~Holder() { delete p_; }

// new stored in a member, after the old one is deleted: silent.
void Holder::reset(int n)
{
  delete p_;
  p_ = new int(n);
} // { dg-bogus "leak of" }

// new, never deleted.
int test_1()
{
  int *p = new int(1); // { dg-message "allocated here" }
  int v = *p;
  return v; // { dg-warning "leak of 'p'" }
}

// new[] in a void function, never deleted.
void test_2()
{
  char *a = new char[16]; // { dg-message "allocated here" }
  std::strcpy(a, "x");
} // { dg-warning "leak of 'a'" }

// Deleted on one path only.
int test_3()
{
  int *p = new int(3);
  if (cond()) {
    delete p;
    return 0;
  }
  return 1; // { dg-warning "leak of 'p'" }
}

// Deleted: silent.
int test_4()
{
  int *p = new int(4);
  int v = *p;
  delete p;
  return v; // { dg-bogus "leak of" }
}

// Owned by a unique_ptr: silent.
int test_5()
{
  std::unique_ptr<int> u(new int(5));
  return *u; // { dg-bogus "leak of" }
}

// Released to the caller: silent.
int *test_6()
{
  int *p = new int(6);
  return p; // { dg-bogus "leak of" }
}

// malloc in C++ leaks the same way.
void test_7()
{
  char *p = static_cast<char *>(std::malloc(8)); // { dg-message "allocated here" }
  if (p == nullptr)
    return;
  p[0] = '\0';
} // { dg-warning "leak of 'p'" }

// std::vector and std::string own their storage: silent.
int test_8(const char *s)
{
  std::vector<int> v(10);
  std::string t(s);
  return v[0] + static_cast<int>(t.size()); // { dg-bogus "leak of" }
} // { dg-bogus "leak of" }
