// use-after-free and leak in C++: a member set by one method, read back through a
// getter and deleted by another method of the file (MEM50-CPP, MEM51-CPP).
// { dg-do compile }

extern void show(int v);

class Table {
  int *cells_;
public:
  void build();
  void clear();
  int *cells() const { return cells_; }
};

void Table::build() { cells_ = new int[16]; }
void Table::clear() { delete[] cells_; }

void test_1()
{
  Table t;
  t.build();
  int *c = t.cells();
  t.clear();
  show(c[0]); // { dg-warning "use after 'delete\[\]' of 'c'" }
}

// Deleted through what the getter gave: silent.
void test_2()
{
  Table t;
  t.build();
  int *c = t.cells();
  show(c[0]);
  delete[] c; // { dg-bogus "double|mismatch" }
} // { dg-bogus "leak" }

// Built and never cleared (the class has no destructor): a leak.
void test_3()
{
  Table t;
  t.build();
  show(t.cells()[1]);
} // { dg-warning "leak of 't.cells_'" }

// Cleared twice.
void test_4()
{
  Table t;
  t.build();
  t.clear();
  t.clear(); // { dg-warning "double-'delete\[\]' of 't.cells_'" }
}
