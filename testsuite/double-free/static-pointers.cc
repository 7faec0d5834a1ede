// double-free (MEM51-CPP, CWE-415) and mismatched-dealloc through a pointer static
// of the unit a helper deletes, and a helper deleting its argument under a static
// flag: the statics are parameters of the helpers' summaries, filled at the call
// with what the caller holds or knows there.
// { dg-do compile }

#include <cstdlib>

static int *kept;
static bool drop_inside;

static void drop_kept()
{
  delete kept;
}

// The caller deleted it already: the helper deletes it again.
void test_1()
{
  kept = new int(1);
  delete kept;
  drop_kept(); // { dg-warning "double-'delete' of 'kept'" }
}

// Silent: the helper deletes it once.
void test_2()
{
  kept = new int(1);
  drop_kept(); // { dg-bogus "double-'delete'" }
  kept = nullptr;
}

static void maybe_drop(int *p)
{
  if (drop_inside)
    delete p;
}

// malloc'd memory the helper deletes when the caller set the flag.
void test_3()
{
  int *p = static_cast<int *>(std::malloc(sizeof(int)));
  if (!p)
    return;
  drop_inside = true;
  maybe_drop(p); // { dg-warning "should have been deallocated with 'free'" }
}

// Silent: the flag is clear, the caller frees it itself.
void test_4()
{
  int *p = static_cast<int *>(std::malloc(sizeof(int)));
  if (!p)
    return;
  drop_inside = false;
  maybe_drop(p); // { dg-bogus "should have been deallocated" }
  std::free(p);
}
