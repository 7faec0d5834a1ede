/* free-offset after strcat/strncat (MEM34-C, CWE-761): the call reads the string
   it appends to and then writes it, so what the function stored there before
   (an empty string) no longer says where the string ends.  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

/* The first byte was '\0'; after the append it may be anything, so the scan may
   move p.  */
void test_scan_after_append(const char *word)
{
  char *text = malloc(64);
  if (text == NULL)
    return;
  text[0] = '\0';
  strncat(text, word, 63);
  char *p = text;
  while (*p != '\0' && *p != ':')
    p++;
  free(p); /* { dg-warning "'free' of 'p' which does not point to the start of its allocation" } */
}

/* Silent: the start of the block is freed.  */
void test_scan_then_free_start(const char *word)
{
  char *text = malloc(64);
  if (text == NULL)
    return;
  text[0] = '\0';
  strncat(text, word, 63);
  char *p = text;
  while (*p != '\0' && *p != ':')
    p++;
  *p = '\0';
  free(text); /* { dg-bogus "does not point to the start" } */
}

/* Two strcat calls, then a scan from the start.  */
void test_strcat_stack(const char *a, const char *b)
{
  char *q = malloc(128);
  if (q == NULL)
    return;
  q[0] = '\0';
  strcat(q, a);
  strcat(q, b);
  char *end = q;
  while (*end)
    end++;
  free(end); /* { dg-warning "does not point to the start of its allocation" } */
}

/* Silent: nothing appended, the string stays empty and the scan never moves.  */
void test_nothing_appended(void)
{
  char *q = malloc(16);
  if (q == NULL)
    return;
  q[0] = '\0';
  char *end = q;
  while (*end)
    end++;
  free(end); /* { dg-bogus "does not point to the start" } */
}
