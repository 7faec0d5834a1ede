// double-free: a helper given its context by reference frees a member on its
// error path (returning false there, true with it live); the caller's cleanup
// on the failing side deletes it again.  The success side's cleanup is silent.
// { dg-do compile }

struct ctx { int *vals; int n; };
bool rejected (const int *);

static bool load (ctx &c, int n)
{
  c.vals = new int[n];
  if (rejected (c.vals))
    {
      delete[] c.vals;
      return false;
    }
  return true;
}

int test_1 (int n)
{
  ctx c;
  if (!load (c, n)) // { dg-message "first 'delete\[\]' here, in 'bool load" }
    {
      delete[] c.vals; // { dg-warning "double-'delete\[\]' of 'c.vals'" }
      return -1;
    }
  delete[] c.vals; // { dg-bogus "double" }
  return 0;
}

// The result not tested: freed on some paths only, not claimed.
void test_2 (int n)
{
  ctx c;
  load (c, n);
  delete[] c.vals; // { dg-bogus "double" }
}
