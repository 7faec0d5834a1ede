/* Seed 003, MEM30-C "Do not access freed memory", noncompliant code example:
   buf is written to after it has been freed.  The seed interleaves two
   revisions: main is the current one (argc checked, strncpy from argv[1]),
   main_older the earlier one (strcpy from argv[0]).  */
/* { dg-do compile } */

#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
  if (argc < 2) {
    /* Print usage */
    return EXIT_FAILURE;
  }
  char *return_val = 0;
  const size_t bufsize = strlen(argv[1]) + 1;
  char *buf = (char *)malloc(bufsize);
  if (!buf) {
    return EXIT_FAILURE;
  }
  /* ... */
  free(buf); /* { dg-message "freed here" } */
  /* ... */
  return_val = strncpy(buf, argv[1], bufsize); /* { dg-warning "use after 'free' of 'buf'" } */
  if (return_val) {
    return EXIT_FAILURE;
  }
  /* ... */
  return EXIT_SUCCESS;
}

int main_older(int argc, char *argv[]) {
  char *return_val = 0;
  const size_t bufsize = strlen(argv[0]) + 1;
  char *buf = (char *)malloc(bufsize);
  if (!buf) {
    return EXIT_FAILURE;
  }
  /* ... */
  free(buf); /* { dg-message "freed here" } */
  /* ... */
  return_val = strcpy(buf, argv[0]); /* { dg-warning "use after 'free' of 'buf'" } */
  if (return_val) {
    return EXIT_FAILURE;
  }
  /* ... */
  return EXIT_SUCCESS;
}
