/* use-after-free: an element of a C array read after a loop that freed every
   element, a[i] for i from 0 while i < n (MEM30-C, CWE-416;
   plugin/core/array-walks.c).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

/* Written through after the loop.  */
void test_1(char **a, int n)
{
  for (int i = 0; i < n; i++)
    free(a[i]); /* { dg-message "freed here" } */
  a[0][0] = 1; /* { dg-warning "use after 'free'" } */
}

/* Read by the C library.  */
size_t test_2(char **a, int n)
{
  for (int i = 0; i < n; i++)
    free(a[i]);
  return strlen(a[1]); /* { dg-warning "use after 'free'" } */
}

/* Allocated, filled, freed, then read: a use after free where the loops ran,
   and where they did not (n == 0), a read of a[0], which no loop wrote (and
   which lies past the end of malloc (0)).  */
void test_3(int n)
{
  char **a = malloc(n * sizeof *a);
  if (!a)
    return;
  for (int i = 0; i < n; i++)
    a[i] = malloc(8);
  for (int i = 0; i < n; i++)
    free(a[i]);
  a[0][0] = 1; /* { dg-warning "use after 'free'" } */
  /* { dg-warning "read of uninitialized memory 'a'" "" { target *-*-* } .-1 } */
  free(a);
}

/* Each element set to NULL after its free: testing it is no use.  */
int test_4(char **a, int n)
{
  for (int i = 0; i < n; i++) {
    free(a[i]);
    a[i] = NULL;
  }
  return a[0] != NULL && a[0][0] == 'x'; /* { dg-bogus "use after 'free'" } */
}

/* The array's elements freed, the array kept and read: only its slots.  */
void test_5(char **a, int n, char **out)
{
  for (int i = 0; i < n; i++)
    free(a[i]);
  *out = (char *) a; /* { dg-bogus "use after 'free'" } */
}

/* Guarded by n >= 1 before a loop that frees; element 0 read: reported.  */
char test_6(char **a, int n)
{
  if (n < 1)
    return 0;
  for (int i = 0; i < n; i++)
    free(a[i]);
  return a[0][0]; /* { dg-warning "use after 'free'" } */
}

/* Reading the elements inside a later loop that starts at 0.  */
size_t test_7(char **a, int n)
{
  size_t len = 0;
  for (int i = 0; i < n; i++)
    free(a[i]);
  for (int j = 0; j < n; j++)
    len += strlen(a[j]); /* { dg-warning "use after 'free'" } */
  return len;
}

static void free_all(char **a, int n)
{
  for (int i = 0; i < n; i++)
    free(a[i]);
}

/* A helper that frees every element, then an element used.  */
void test_8(char **a, int n)
{
  free_all(a, n);
  a[0][0] = 1; /* { dg-warning "use after 'free'" } */
}

/* The helper given no element: silent.  */
void test_9(char **a)
{
  free_all(a, 0);
  a[0][0] = 1; /* { dg-bogus "use after 'free'" } */
}

/* test_3 with the count known positive: only the use after free.  */
void test_10(int n)
{
  if (n < 1)
    return;
  char **a = malloc(n * sizeof *a);
  if (!a)
    return;
  for (int i = 0; i < n; i++)
    a[i] = malloc(8);
  for (int i = 0; i < n; i++)
    free(a[i]);
  a[0][0] = 1; /* { dg-warning "use after 'free'" } */
  /* { dg-bogus "uninitialized" "" { target *-*-* } .-1 } */
  free(a);
}
