/* double-free on a path selected by an integer tested against 0 after the integer
   was handed on (to an unknown call, or stored into the caller's memory)
   (MEM31-C, CWE-415).  Handing on a pointer lets the receiver check it for NULL,
   so a later NULL test of that pointer learns nothing new; handing on an integer
   says nothing of whether it is 0: the path where it is must still be followed.  */
/* { dg-do compile } */

#include <stdlib.h>

extern void take_int(int n);
extern void take_ptr(void *q);
extern int get_count(void);

struct box { int len; void *ptr; };

/* An integer parameter passed to an unknown call, then tested.  */
void int_passed(int n)
{
  char *p = malloc(4);
  take_int(n);
  if (n == 0)
    {
      free(p); /* { dg-message "first 'free' here" } */
      free(p); /* { dg-warning "double-'free' of 'p'" } */
      return;
    }
  free(p);
}

/* The same, compliant: each path frees once.  */
void int_passed_ok(int n)
{
  char *p = malloc(4);
  take_int(n);
  if (n == 0)
    {
      free(p);
      return;
    }
  free(p);
}

/* A call's integer result, passed on, then tested with `!`.  */
void int_result_passed(void)
{
  char *p = malloc(4);
  int n = get_count();
  take_int(n);
  if (!n)
    {
      free(p); /* { dg-message "first 'free' here" } */
      free(p); /* { dg-warning "double-'free' of 'p'" } */
      return;
    }
  free(p);
}

/* An integer stored into the caller's struct, then tested.  */
void int_stored(struct box *b, int n)
{
  char *p = malloc(4);
  b->len = n;
  if (n == 0)
    {
      free(p); /* { dg-message "first 'free' here" } */
      free(p); /* { dg-warning "double-'free' of 'p'" } */
      return;
    }
  free(p);
}

/* The integer's own facts still decide: known nonzero before the call, it cannot
   be 0 after it.  */
void int_known_nonzero(int n)
{
  char *p = malloc(4);
  if (n != 0)
    {
      take_int(n);
      if (n == 0)
	{
	  free(p);
	  free(p); /* { dg-bogus "double-'free'" } */
	  return;
	}
    }
  free(p);
}

/* A pointer passed to an unknown call, then tested against NULL: the callee may
   have checked it (a check-or-abort helper), so the NULL branch is not followed.
   This pins the behaviour for pointers, which the integer cases above must not
   share.  */
void ptr_passed(char *q)
{
  char *p = malloc(4);
  take_ptr(q);
  if (q == NULL)
    {
      free(p);
      free(p); /* { dg-bogus "double-'free'" } */
      return;
    }
  free(p);
}

/* The same for a pointer stored into the caller's struct.  */
void ptr_stored(struct box *b, char *q)
{
  char *p = malloc(4);
  b->ptr = q;
  if (q == NULL)
    {
      free(p);
      free(p); /* { dg-bogus "double-'free'" } */
      return;
    }
  free(p);
}
