/* free-offset: the address of an array element or struct member inside an
   allocation, freed (MEM34-C, CWE-761).  A member at offset 0 is the start.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

struct hdr {
  int kind;
  int len;
  char data[16];
};

/* The address of an array element past the first.  */
void test_1(void)
{
  int *p = malloc(8 * sizeof(int));
  free(&p[2]); /* { dg-warning "'free' of '[^']*' which does not point to the start of its allocation" } */
}

/* The address of a struct member at a non-zero offset.  */
void test_2(void)
{
  struct hdr *h = malloc(sizeof *h);
  if (h == NULL)
    return;
  h->kind = 1;
  free(h->data); /* { dg-warning "'free' of '[^']*data' which does not point to the start of its allocation" } */
}

/* A pointer to the member at offset 0 is the start.  Silent.  */
void test_3(void)
{
  struct hdr *h = malloc(sizeof *h);
  if (h == NULL)
    return;
  free(&h->kind); /* { dg-bogus "does not point to the start" } */
}

/* The second element of an array of structs.  */
void test_4(void)
{
  struct hdr *v = malloc(4 * sizeof *v);
  if (v == NULL)
    return;
  free(&v[1]); /* { dg-warning "'free' of '[^']*' which does not point to the start of its allocation" } */
}

/* The first element of an array of structs is the start.  Silent.  */
void test_5(void)
{
  struct hdr *v = malloc(4 * sizeof *v);
  if (v == NULL)
    return;
  free(&v[0]); /* { dg-bogus "does not point to the start" } */
}
