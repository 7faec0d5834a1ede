// leak: a struct or class passed by value to a function without a body here
// hands it a copy of the pointers it holds (a class with a destructor too, which
// g++ passes by invisible reference): the callee may keep them, so losing the
// caller's pointer afterwards is no leak.  A block the struct does not hold is
// still lost (MEM31-C).
// { dg-do compile }

struct Job { int *data; ~Job (); };
struct Plain { int *data; };
void submit (Job j);
void submit_plain (Plain p);

// Silent: the class's copy holds the block.
void test_class_by_value ()
{
  int *d = new int (3);
  Job j;
  j.data = d;
  submit (j);
}

// Silent: an aggregate initializer.
void test_plain_by_value ()
{
  Plain p = { new int (4) };
  submit_plain (p);
}

// The struct does not hold the block: lost.
void test_not_in_struct ()
{
  int *d = new int (3); // { dg-message "allocated here" }
  Plain p = { nullptr };
  submit_plain (p);
} // { dg-warning "leak of 'd'" }
