/* SQLite through its real header (libsqlite3-dev).  */
#include <stdlib.h>
#include <sqlite3.h>

void test_1(int n)
{
  char *s = sqlite3_mprintf("%d", n);
  sqlite3_free(s); /* { dg-message "first 'sqlite3_free' here" } */
  sqlite3_free(s); /* { dg-warning "double-'sqlite3_free' of 's'" } */
}

char test_2(sqlite3_stmt *st)
{
  char *s = sqlite3_expanded_sql(st); /* { dg-message "allocated here" } */
  char c = s[0]; /* { dg-warning "dereference of possibly-NULL 's'" } */
  sqlite3_free(s);
  return c;
}

void test_3(int n)
{
  char *s = sqlite3_mprintf("%d", n); /* { dg-message "allocated here" } */
  free(s); /* { dg-warning "'s' should have been deallocated with 'sqlite3_free' but was deallocated with 'free'" } */
}

/* sqlite3_free (NULL) is fine, and so is the usual sequence.  */
void test_4(sqlite3_str *str)
{
  char *s = sqlite3_str_finish(str);
  sqlite3_free(s);
  sqlite3_free(NULL); /* { dg-bogus "double" } */
}

/* sqlite3_realloc moves the block.  */
int test_5(char *p)
{
  char *q = sqlite3_realloc(p, 64); /* { dg-message "freed here" } */
  if (!q)
    return -1;
  int r = p[0]; /* { dg-warning "use after 'sqlite3_realloc' of 'p'" } */
  sqlite3_free(q);
  return r;
}
