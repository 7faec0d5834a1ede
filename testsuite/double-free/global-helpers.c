/* double-free (MEM31-C, CWE-415) and use-after-free (MEM30-C, CWE-416) by a
   helper of the unit that frees a pointer variable of file scope: a public
   global or a struct whose address the unit never takes is a parameter of the
   helper's summary as a private static is (lower-global.cc), and so are the
   ones its callees of the unit free (two levels): the call frees what the
   caller holds there.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

char *shared_buf;
static char *own_buf;

struct state {
  char *buf;
  int n;
};
static struct state st;

void drop_shared(void)
{
  free(shared_buf);
}

void reset_shared(void)
{
  free(shared_buf);
  shared_buf = NULL;
}

static void drop_own(void)
{
  free(own_buf);
}

static void drop_own_outer(void)
{
  drop_own();
}

static void drop_st(void)
{
  free(st.buf);
}

/* A public global freed by a public helper, then again.  */
void test_1(void)
{
  shared_buf = malloc(8);
  if (!shared_buf)
    return;
  drop_shared();
  free(shared_buf); /* { dg-warning "double-'free' of 'shared_buf'" } */
}

/* ... then written.  */
void test_2(void)
{
  shared_buf = malloc(8);
  if (!shared_buf)
    return;
  drop_shared();
  shared_buf[0] = 1; /* { dg-warning "use after 'free' of 'shared_buf'" } */
}

/* The helper sets it to NULL after the free: silent.  */
void test_3(void)
{
  shared_buf = malloc(8);
  if (!shared_buf)
    return;
  reset_shared();
  free(shared_buf); /* { dg-bogus "double-'free'" } */
}

/* Assigned again between: silent.  */
void test_4(void)
{
  shared_buf = malloc(8);
  if (!shared_buf)
    return;
  drop_shared();
  shared_buf = malloc(8);
  free(shared_buf); /* { dg-bogus "double-'free'" } */
}

/* A static freed two calls down.  */
void test_5(void)
{
  own_buf = malloc(8);
  if (!own_buf)
    return;
  drop_own_outer();
  free(own_buf); /* { dg-warning "double-'free' of 'own_buf'" } */
}

void test_6(void)
{
  own_buf = malloc(8);
  if (!own_buf)
    return;
  drop_own_outer();
  strcpy(own_buf, "x"); /* { dg-warning "use after 'free' of 'own_buf'" } */
}

/* A pointer field of a struct of file scope.  */
void test_7(void)
{
  st.buf = malloc(8);
  if (!st.buf)
    return;
  drop_st();
  free(st.buf); /* { dg-warning "double-'free' of 'st.buf'" } */
}

void test_8(void)
{
  st.buf = malloc(8);
  if (!st.buf)
    return;
  drop_st();
  st.buf = NULL;
  st.n = 0;
  free(st.buf); /* { dg-bogus "double-'free'" } */
}
