// free-nonheap in C++: delete and delete[] of a pointer that holds a static's,
// a local's or alloca memory on one of the paths that join before it, NULL or
// new's memory on the others (MEM51-CPP, CWE-590).
// { dg-do compile }

#include <alloca.h>
#include <cwchar>

extern int level;
extern bool enabled;
extern void print_value(long);
extern void print_text(const wchar_t *);

// A static scalar on one branch, NULL on the other.
void test_1()
{
  char *data = 0;
  if (level == 3)
    {
      static char one;
      one = 'a';
      data = &one;
    }
  delete data; // { dg-warning "'delete' of 'data' which points to memory not on the heap" }
}

// The same with a dereference between: the NULL path stops there.
void test_2()
{
  long *data = 0;
  if (enabled)
    {
      static long counter;
      counter = 7;
      data = &counter;
    }
  print_value(*data);
  delete data; // { dg-warning "'delete' of 'data' which points to memory not on the heap" }
}

// A local array on one branch, delete[].
void test_3()
{
  int *data = 0;
  int slots[4] = { 0 };
  if (level > 1)
    data = slots;
  delete[] data; // { dg-warning "'delete\[\]' of 'data' which points to memory not on the heap" }
}

// The other branch takes new's memory, and the delete is behind the test that
// tells them apart: silent.
void test_4(int n)
{
  int slots[4] = { 0 };
  int *data = n <= 4 ? slots : new int[n];
  data[0] = 1;
  print_value(data[0]);
  if (data != slots)
    delete[] data; // { dg-bogus "not on the heap" }
}

// The same without the test.
void test_5(int n)
{
  int slots[4] = { 0 };
  int *data = n <= 4 ? slots : new int[n];
  data[0] = 1;
  print_value(data[0]);
  delete[] data; // { dg-warning "'delete\[\]' of 'data' which points to memory not on the heap" }
}

// Only NULL reaches the delete: silent.
void test_6()
{
  char *data = 0;
  static char one;
  if (level == 3)
    one = 'b';
  delete data; // { dg-bogus "not on the heap" }
}

// Through a file-scope static: one function leaves alloca memory there and
// calls the one that reads it, prints it and deletes it.
static wchar_t *pending;

static void finish()
{
  wchar_t *text = pending;
  print_text(text);
  delete[] text;
}

void test_7()
{
  wchar_t *text = 0;
  {
    wchar_t *scratch = (wchar_t *)alloca(8 * sizeof(wchar_t));
    wmemset(scratch, L'x', 7);
    scratch[7] = L'\0';
    text = scratch;
  }
  pending = text;
  finish(); // { dg-warning "'delete\[\]' of 'pending' which points to memory not on the heap" }
}

// The same function given new's memory: silent.
void test_8()
{
  wchar_t *text = new wchar_t[8];
  wmemset(text, L'x', 7);
  text[7] = L'\0';
  pending = text;
  finish(); // { dg-bogus "not on the heap" }
}
