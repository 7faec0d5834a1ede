// leak: C++, a const global or a global the unit only reads, tested twice
// around calls (MEM31-C, CWE-401).
// { dg-do compile }

extern const int use_cache;
extern int level;

void show(const char *s);

// Tested twice, the same value both times: silent.
void test_1()
{
  char *c = nullptr;
  if (use_cache) {
    c = new char[8];
    c[0] = 0;
    show(c);
  }
  if (use_cache)
    delete[] c;
} // { dg-bogus "leak of" }

// The same global, the other way round: leaked when it was allocated.
void test_2()
{
  char *c = nullptr;
  if (level == 3) {
    c = new char[8]; // { dg-message "allocated here" }
    c[0] = 0;
    show(c);
  }
  if (level != 3)
    delete[] c;
} // { dg-warning "leak of 'c'" }
