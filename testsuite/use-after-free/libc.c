/* use-after-free: a freed pointer passed to a C library function that reads or
   writes through it (MEM30-C, CWE-416).  printf's %p only prints the value.  */
/* { dg-do compile } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read by memcpy (source).  */
void test_1(char *dst)
{
  char *p = malloc(16);
  if (!p)
    return;
  memset(p, 0, 16);
  free(p); /* { dg-message "freed here" } */
  memcpy(dst, p, 16); /* { dg-warning "use after 'free' of 'p'" } */
}

/* Written by memcpy (destination).  */
void test_2(const char *src)
{
  char *p = malloc(16);
  if (!p)
    return;
  free(p);
  memcpy(p, src, 16); /* { dg-warning "use after 'free' of 'p'" } */
}

/* memset.  */
void test_3(void)
{
  char *p = malloc(16);
  if (!p)
    return;
  free(p);
  memset(p, 0, 16); /* { dg-warning "use after 'free' of 'p'" } */
}

/* strcpy into a freed buffer.  */
void test_4(const char *s)
{
  char *p = malloc(64);
  if (!p)
    return;
  free(p);
  strcpy(p, s); /* { dg-warning "use after 'free' of 'p'" } */
}

/* strlen of a freed string.  */
size_t test_5(const char *s)
{
  char *p = strdup(s);
  if (!p)
    return 0;
  free(p);
  return strlen(p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* strcmp, freed pointer as the second argument.  */
int test_6(const char *s)
{
  char *p = strdup("abc");
  if (!p)
    return 0;
  free(p);
  return strcmp(s, p) == 0; /* { dg-warning "use after 'free' of 'p'" } */
}

/* printf's %s reads the string.  */
void test_7(void)
{
  char *p = strdup("abc");
  if (!p)
    return;
  free(p);
  printf("%d %s\n", 1, p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* fprintf's %s.  */
void test_8(void)
{
  char *p = strdup("abc");
  if (!p)
    return;
  free(p);
  fprintf(stderr, "%s\n", p); /* { dg-warning "use after 'free' of 'p'" } */
}

/* strcat writes into the freed destination.  */
void test_9(void)
{
  char *p = calloc(32, 1);
  if (!p)
    return;
  free(p);
  strcat(p, "x"); /* { dg-warning "use after 'free' of 'p'" } */
}

/* snprintf into a freed buffer.  */
void test_10(int n)
{
  char *p = malloc(32);
  if (!p)
    return;
  free(p);
  snprintf(p, 32, "%d", n); /* { dg-warning "use after 'free' of 'p'" } */
}

/* %p prints the pointer's value and does not read the memory.  */
void test_11(void)
{
  char *p = malloc(16);
  if (!p)
    return;
  free(p);
  printf("%p\n", (void *)p); /* { dg-bogus "use after" } */
}

/* All the library calls before the free.  */
size_t test_12(const char *s)
{
  char *p = malloc(64);
  if (!p)
    return 0;
  strncpy(p, s, 63);
  p[63] = '\0';
  size_t n = strlen(p);
  printf("%s\n", p);
  free(p); /* { dg-bogus "use after" } */
  return n;
}

/* puts of a freed string read through a struct field.  */
struct msg {
  char *text;
};

void test_13(struct msg *m)
{
  free(m->text); /* { dg-message "freed here" } */
  puts(m->text); /* { dg-warning "use after 'free' of 'm->text'" } */
}
