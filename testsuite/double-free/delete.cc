// double-free in C++: delete and delete[] applied twice (MEM51-CPP, CWE-415).
// The message names the operator used: double-'delete', double-'delete[]'.
// { dg-do compile }

#include <memory>

struct Buffer {
  Buffer();
  ~Buffer();
  char *data;
};

Buffer::Buffer() : data(new char[16]) {}
Buffer::~Buffer() { delete[] data; }

class Holder {
public:
  Holder() : p_(new int(0)) {}
  void reset_twice();
  void reset_once();
private:
  int *p_;
};

extern bool more();

// delete twice.
void test_1()
{
  int *p = new int(1);
  delete p; // { dg-message "first 'delete' here" }
  delete p; // { dg-warning "double-'delete' of 'p' \(MEM(51-CPP|31-C)\) \[memrules-double-free\]" }
}

// delete[] twice.
void test_2()
{
  int *a = new int[8];
  delete[] a; // { dg-message "first 'delete\[\]' here" }
  delete[] a; // { dg-warning "double-'delete\[\]' of 'a'" }
}

// A class with a destructor: each delete runs ~Buffer, then frees.
void test_3()
{
  Buffer *b = new Buffer;
  delete b; // { dg-message "first 'delete' here" }
  delete b; // { dg-warning "double-'delete' of 'b'" }
}

// delete[] of an array of class objects (with an array cookie).
void test_4()
{
  Buffer *v = new Buffer[4];
  delete[] v;
  delete[] v; // { dg-warning "double-'delete\[\]' of 'v'" }
}

// delete inside a loop, never reset.
void test_5()
{
  int *p = new int(2);
  for (int i = 0; i < 2; i++)
    delete p; // { dg-warning "double-'delete' of 'p'" }
}

// delete through a copy.
void test_6()
{
  int *p = new int(3);
  int *q = p;
  delete p;
  delete q; // { dg-warning "double-'delete' of 'q'" }
}

// A member pointer deleted twice in a member function.
void Holder::reset_twice()
{
  delete p_;
  delete p_; // { dg-warning "double-'delete' of '(this->)?p_'" }
}

// Reset to nullptr: delete of a null pointer does nothing.
void test_7()
{
  int *p = new int(4);
  delete p;
  p = nullptr;
  delete p; // { dg-bogus "double-'delete'" }
}

// A new object between the deletes.
void test_8()
{
  int *p = new int(5);
  delete p;
  p = new int(6);
  delete p; // { dg-bogus "double-'delete'" }
}

// A member pointer reset after delete.
void Holder::reset_once()
{
  delete p_;
  p_ = nullptr;
  delete p_; // { dg-bogus "double-'delete'" }
}

// Correlated conditions, as in C.
void test_9(bool err)
{
  int *p = new int(7);
  if (err)
    delete p;
  if (!err)
    delete p; // { dg-bogus "double-'delete'" }
}

// A delete loop that resets, then one delete after it.
void test_10()
{
  int *p = new int(8);
  while (more()) {
    delete p;
    p = nullptr;
  }
  delete p; // { dg-bogus "double-'delete'" }
}

// Smart pointers: reset() twice is fine.
void test_11()
{
  std::unique_ptr<int> u(new int(9));
  u.reset();
  u.reset(); // { dg-bogus "double-'delete'" }
}
