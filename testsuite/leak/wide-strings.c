/* leak: the wide-character string functions only read and write their
   arguments, as their byte counterparts (MEM31-C, CWE-401): a block handed to
   wcscpy is still the caller's to free.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <wchar.h>

/* Copied into and lost.  */
void test_1(void)
{
  wchar_t *w = malloc(32 * sizeof *w); /* { dg-message "allocated here" } */
  if (w == NULL)
    return;
  wcscpy(w, L"text");
  if (wcslen(w) > 2)
    w[0] = L'T';
} /* { dg-warning "leak of 'w'" } */

/* Copied into, appended to and freed: silent.  */
void test_2(void)
{
  wchar_t *w = malloc(32 * sizeof *w);
  if (w == NULL)
    return;
  wcscpy(w, L"te");
  wcscat(w, L"xt");
  free(w);
} /* { dg-bogus "leak of" } */

/* wcsdup allocates.  */
void test_3(const wchar_t *s)
{
  wchar_t *d = wcsdup(s); /* { dg-message "allocated here" } */
  if (d == NULL)
    return;
  d[0] = L'x';
} /* { dg-warning "leak of 'd'" } */
