/* Without -fplugin-arg-memrules-infer=names (the default is infer=bodies), names
   alone make no deallocator.  */
struct foo;
struct foo *foo_new(void);
void foo_free(struct foo *f);

void test_1(void)
{
  struct foo *f = foo_new();
  foo_free(f);
  foo_free(f); /* { dg-bogus "double" } */
}
