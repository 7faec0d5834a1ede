/* use-after-free (MEM30-C, CWE-416) through a pointer static of the unit that a
   callee reads through: the callee's read of the static is a parameter of its
   summary, filled at the call with what the caller holds there.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void note(const char *msg);

static char *buffer;
static char *written;
static char *swapped;

static int first_byte(void)
{
  return buffer[0];
}

/* The caller freed the buffer; the helper reads it.  */
int test_1(void)
{
  buffer = malloc(10);
  if (!buffer)
    return -1;
  buffer[0] = 1;
  free(buffer);
  return first_byte(); /* { dg-warning "use after 'free' of 'buffer'" } */
}

/* Silent: the helper reads it before the caller frees it.  */
int test_2(void)
{
  buffer = malloc(10);
  if (!buffer)
    return -1;
  buffer[0] = 1;
  int c = first_byte(); /* { dg-bogus "use after 'free'" } */
  free(buffer);
  buffer = NULL;
  return c;
}

static void mark(void)
{
  written[0] = 'x';
}

/* The helper writes into freed memory.  */
void test_3(void)
{
  written = malloc(10);
  if (!written)
    return;
  free(written);
  mark(); /* { dg-warning "use after 'free' of 'written'" } */
}

/* Silent: a fresh block is there by the time of the call.  */
void test_4(void)
{
  written = malloc(10);
  if (!written)
    return;
  free(written);
  written = malloc(10);
  if (!written)
    return;
  mark(); /* { dg-bogus "use after 'free'" } */
  free(written);
  written = NULL;
}

static void refill(void);

static int swapped_first(void)
{
  note("swap");			/* may call back into the unit: refill */
  return swapped[0];
}

static void refill(void)
{
  swapped = malloc(10);
}

void start(void)
{
  refill();
}

/* Silent: the helper's call may put a fresh block there before it reads.  */
int test_5(void)
{
  swapped = malloc(10);
  if (!swapped)
    return -1;
  free(swapped);
  return swapped_first(); /* { dg-bogus "use after 'free'" } */
}
