// double-free: a loop that deletes every element of a C array of pointers,
// then an element again (MEM51-CPP, CWE-415; plugin/core/array-walks.c).
// { dg-do compile }

struct S {
  int v;
  ~S();
};

void test_1(S **a, int n)
{
  for (int i = 0; i < n; i++)
    delete a[i]; // { dg-message "first 'delete' here" }
  delete a[0];   // { dg-warning "double-'delete'" }
}

// The array itself after its elements: silent.
void test_2(S **a, int n)
{
  for (int i = 0; i < n; i++)
    delete a[i];
  delete[] a; // { dg-bogus "double-'delete'" }
}

// Each element deleted and set to null: silent.
void test_3(S **a, int n)
{
  for (int i = 0; i < n; i++) {
    delete a[i];
    a[i] = nullptr;
  }
  delete a[0]; // { dg-bogus "double-'delete'" }
}

// Used after the loop.
int test_4(int **a, unsigned n)
{
  for (unsigned i = 0; i < n; i++)
    delete a[i];
  return *a[0]; // { dg-warning "use after 'delete'" }
}
