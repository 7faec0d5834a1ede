// double-free and mismatched deallocation in C++: pointers a helper of the file
// sets or deletes through a reference (`T *&`), or sets in `this->member` in one
// method and deletes in another (MEM51-CPP, CWE-415, CWE-762), found through the
// helpers' summaries.
// { dg-do compile }

extern void show(int v);

static void make_array(int *&data)
{
  data = new int[8];
  data[0] = 1;
}

static void make_and_delete(long *&data)
{
  data = new long;
  *data = 2;
  delete data;
}

static void dispose(long *&data)
{
  delete data;
}

void test_1()
{
  long *p;
  make_and_delete(p);
  delete p; // { dg-warning "double-'delete' of 'p'" }
}

void test_2()
{
  long *p = new long;
  dispose(p);
  delete p; // { dg-warning "double-'delete' of 'p'" }
}

void test_3()
{
  int *p = nullptr;
  make_array(p);
  delete p; // { dg-warning "'p' should have been deallocated with 'delete\[\]' but was deallocated with 'delete'" }
}

// The right form: silent.
void test_4()
{
  int *p = nullptr;
  make_array(p);
  show(p[0]);
  delete[] p; // { dg-bogus "deallocated|double" }
}

void test_5()
{
  int *p = nullptr;
  make_array(p);
  show(p[0]);
} // { dg-warning "leak of 'p'" }

void test_6()
{
  long *p;
  make_and_delete(p);
  show((int) *p); // { dg-warning "use after 'delete' of 'p'" }
}

class Buffer {
  int *data_;
public:
  void open();
  void close();
  int first() const;
};

void Buffer::open() { data_ = new int[16]; }
void Buffer::close() { delete[] data_; }
int Buffer::first() const { return data_[0]; }

void test_7()
{
  Buffer b;
  b.open();
  b.close();
  b.close(); // { dg-warning "double-'delete\[\]' of 'b.data_'" }
}

void test_8()
{
  Buffer b;
  b.open();
  show(b.first());
  b.close(); // { dg-bogus "double" }
}

void test_9()
{
  Buffer b;
  b.open();
  b.close();
  show(b.first()); // { dg-warning "use after 'delete\[\]'" }
}
