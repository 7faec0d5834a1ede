/* double-free: a loop that frees every element of a C array, a[i] for i from 0
   while i < n, then a free of an element it may have freed (MEM31-C, CWE-415).
   The array is marked on the paths where the loop freed something
   (plugin/core/array-walks.c); a free of a[k] after it is a double free unless
   the path rules out n > k.  */
/* { dg-do compile } */

#include <stdlib.h>

struct list {
  size_t n;
  char **items;
};

/* The loop, then an element again.  */
void test_1(char **a, int n)
{
  for (int i = 0; i < n; i++)
    free(a[i]); /* { dg-message "first 'free' here" } */
  free(a[0]); /* { dg-warning "double-'free'" } */
}

/* Elements tested for NULL first.  */
void test_2(char **a, int n)
{
  for (int i = 0; i < n; i++)
    if (a[i] != NULL)
      free(a[i]);
  free(a[0]); /* { dg-warning "double-'free'" } */
}

/* The array itself after its elements: silent.  */
void test_3(char **a, int n)
{
  for (int i = 0; i < n; i++)
    free(a[i]);
  free(a); /* { dg-bogus "double-'free'" } */
}

/* Each element freed and set to NULL: silent.  */
void test_4(char **a, int n)
{
  for (int i = 0; i < n; i++) {
    free(a[i]);
    a[i] = NULL;
  }
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

int keep(const char *);

/* Only some elements freed: silent.  */
void test_5(char **a, int n)
{
  for (int i = 0; i < n; i++)
    if (!keep(a[i]))
      free(a[i]);
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

/* The loop starts at 1: element 0 is not freed.  */
void test_6(char **a, int n)
{
  for (int i = 1; i < n; i++)
    free(a[i]);
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

/* A loop that may break off before the end: silent.  */
void test_7(char **a, int n)
{
  for (int i = 0; i < n; i++) {
    if (keep(a[i]))
      break;
    free(a[i]);
  }
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

/* A constant bound: elements 0 and 1 are freed, element 2 is not.  */
void test_8(char **a)
{
  for (int i = 0; i < 2; i++)
    free(a[i]);
  free(a[2]); /* { dg-bogus "double-'free'" } */
  free(a[1]); /* { dg-warning "double-'free'" } */
}

/* Two loops over the same elements.  */
void test_9(char **a, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(a[i]); /* { dg-message "first 'free' here" } */
  for (size_t j = 0; j < n; j++)
    free(a[j]); /* { dg-warning "double-'free'" } */
}

/* An array in a struct, its count there too.  */
void test_10(struct list *l)
{
  for (size_t i = 0; i < l->n; i++)
    free(l->items[i]);
  free(l->items[0]); /* { dg-warning "double-'free'" } */
  free(l->items);
}

/* Filled again after the loop: silent.  */
void test_11(char **a, int n)
{
  for (int i = 0; i < n; i++)
    free(a[i]);
  for (int i = 0; i < n; i++)
    a[i] = malloc(8);
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

/* The path rules the loop out (n <= 0): nothing was freed.  */
void test_12(char **a, int n)
{
  if (n > 0)
    return;
  for (int i = 0; i < n; i++)
    free(a[i]);
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

/* Allocated, filled, freed element by element, then the array: silent.  */
void test_13(int n)
{
  char **a = malloc(n * sizeof *a);
  if (!a)
    return;
  for (int i = 0; i < n; i++)
    a[i] = malloc(8);
  for (int i = 0; i < n; i++)
    free(a[i]);
  free(a); /* { dg-bogus "double-'free'" } */
}

/* The element taken out, its slot set to NULL, then freed: silent.  */
void test_14(char **a, int n)
{
  for (int i = 0; i < n; i++) {
    char *p = a[i];
    a[i] = NULL;
    free(p);
  }
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

/* A counter compared the other way round, and with <=.  */
void test_15(char **a, int n)
{
  for (int i = 0; n > i; i++)
    free(a[i]);
  free(a[0]); /* { dg-warning "double-'free'" } */
}

void test_16(char **a)
{
  for (int i = 0; i <= 3; i++)
    free(a[i]);
  free(a[4]); /* { dg-bogus "double-'free'" } */
  free(a[3]); /* { dg-warning "double-'free'" } */
}

/* The loop ran at least once (n >= 1), and then frees element 0 inside the
   next loop over it.  */
void test_17(char **a, int n)
{
  if (n < 1)
    return;
  for (int i = 0; i < n; i++)
    free(a[i]);
  free(a[0]); /* { dg-warning "double-'free'" } */
}

/* Two arrays walked by one loop.  */
void test_27(char **a, char **b, int n)
{
  for (int i = 0; i < n; i++) {
    free(a[i]);
    free(b[i]);
  }
  free(b[0]); /* { dg-warning "double-'free'" } */
  free(a); /* { dg-bogus "double-'free'" } */
}

/* NULL elements skipped by `continue`: the others are freed.  */
void test_28(char **a, int n)
{
  for (int i = 0; i < n; i++) {
    if (a[i] == NULL)
      continue;
    free(a[i]);
  }
  free(a[0]); /* { dg-warning "double-'free'" } */
}

/* Every other element: silent.  */
void test_29(char **a, int n)
{
  for (int i = 0; i < n; i++)
    if (i % 2 == 0)
      free(a[i]);
  free(a[1]); /* { dg-bogus "double-'free'" } */
}

/* Helpers that free every element of an array they are given, up to a count
   they are given or a constant: their summaries say so, and the caller's
   array is marked as by its own loop.  */
static void free_all(char **a, int n)
{
  for (int i = 0; i < n; i++)
    free(a[i]); /* { dg-message "'free_all' frees it here" } */
}

static void free_two(char **a)
{
  for (int i = 0; i < 2; i++)
    free(a[i]);
}

/* Returns before the walk only where there is nothing to free.  */
static void free_checked(char **a, size_t n)
{
  if (a == NULL)
    return;
  for (size_t i = 0; i < n; i++)
    free(a[i]);
}

/* Sets each element to NULL: no summary of element frees.  */
static void free_clear(char **a, int n)
{
  for (int i = 0; i < n; i++) {
    free(a[i]);
    a[i] = NULL;
  }
}

/* May return before the walk with elements left.  */
static void free_unless(char **a, int n, int keep_them)
{
  if (keep_them)
    return;
  for (int i = 0; i < n; i++)
    free(a[i]);
}

void test_18(char **a, int n)
{
  free_all(a, n); /* { dg-message "first 'free' here, in 'free_all'" } */
  free(a[0]); /* { dg-warning "double-'free'" } */
}

void test_19(char **a, int n)
{
  free_all(a, n);
  free(a); /* { dg-bogus "double-'free'" } */
}

void test_20(char **a)
{
  free_two(a);
  free(a[2]); /* { dg-bogus "double-'free'" } */
  free(a[1]); /* { dg-warning "double-'free'" } */
}

void test_21(char **a, size_t n)
{
  free_checked(a, n);
  free(a[0]); /* { dg-warning "double-'free'" } */
}

void test_22(char **a, int n)
{
  free_clear(a, n);
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

void test_23(char **a, int n)
{
  free_unless(a, n, 1);
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

/* No element to free: silent.  */
void test_24(char **a)
{
  free_all(a, 0);
  free(a[0]); /* { dg-bogus "double-'free'" } */
}

/* The helper twice.  */
void test_25(char **a, int n)
{
  free_all(a, n);
  free_all(a, n); /* { dg-warning "double-'free'" } */
}

/* A wrapper of a helper that frees every element.  */
static void release_all(char **a, int n)
{
  free_all(a, n);
}

void test_30(char **a, int n)
{
  release_all(a, n);
  free(a[0]); /* { dg-warning "double-'free'" } */
}

/* A helper given the struct that holds the array and its count is not
   summarized yet (the array and the bound are fields, not parameters).  */
static void free_list(struct list *l)
{
  for (size_t i = 0; i < l->n; i++)
    free(l->items[i]);
}

void test_26(struct list *l)
{
  free_list(l);
  free(l->items[0]); /* { dg-warning "double-'free'" "TODO: element frees of a parameter's field array in summaries" { xfail *-*-* } } */
}
