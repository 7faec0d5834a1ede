/* Seed 003, MEM30-C "Do not access freed memory", compliant solution: the
   memory is freed after its final use.  main is the current revision,
   main_older the earlier one (see the -nc file).  */
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
  return_val = strncpy(buf, argv[1], bufsize); /* { dg-bogus "use after" } */
  if (return_val) {
    free(buf); /* { dg-bogus "double-'free'" } */
    return EXIT_FAILURE;
  }
  /* ... */
  free(buf); /* { dg-bogus "double-'free'" } */
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
  return_val = strcpy(buf, argv[0]); /* { dg-bogus "use after" } */
  if (return_val) {
    free(buf); /* { dg-bogus "double-'free'" } */
    return EXIT_FAILURE;
  }
  /* ... */
  free(buf); /* { dg-bogus "double-'free'" } */
  return EXIT_SUCCESS;
}
