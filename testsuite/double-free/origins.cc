// double-free in C++: one pointer value deleted twice, from an out-parameter
// (a `T **` or a `T *&`), a global, a member loaded once (MEM51-CPP, CWE-415).
// Silent when the out-parameter is filled again in between.
// { dg-do compile }

struct Item {
  int id;
};

extern bool make_item(Item **out);
extern bool find_item(int id, Item *&out);
extern void report(const char *what);

Item *g_item;

void test_1()
{
  Item *it = nullptr;
  if (!make_item(&it))
    return;
  delete it; // { dg-message "first 'delete' here" }
  report("made");
  delete it; // { dg-warning "double-'delete' of 'it'" }
}

void test_2(int id)
{
  Item *it = nullptr;
  if (!find_item(id, it))
    return;
  delete it; // { dg-message "first 'delete' here" }
  report("found");
  delete it; // { dg-warning "double-'delete' of 'it'" }
}

void test_3()
{
  Item *it = nullptr;
  if (!make_item(&it))
    return;
  delete it;
  if (!make_item(&it))
    return;
  delete it; // { dg-bogus "double-'delete'" }
}

void test_4()
{
  delete g_item; // { dg-message "first 'delete' here" }
  delete g_item; // { dg-warning "double-'delete' of 'g_item'" }
}
