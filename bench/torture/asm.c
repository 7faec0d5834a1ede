/* Inline asm: outputs, memory clobbers, asm goto, register variables, basic asm.  */
#include <stdlib.h>

asm (".globl memrules_torture_asm_symbol\nmemrules_torture_asm_symbol: ret");

int
asm_ops (int n)
{
  char *p = malloc (16);
  int out;
  asm volatile ("movl %1, %0" : "=r" (out) : "r" (n));
  asm volatile ("" : : "r" (p) : "memory");	/* p escapes to asm */
  asm ("" : "+r" (p));				/* p rewritten by asm */
  free (p);
  return out;
}

int
asm_goto (int n)
{
  char *p = malloc (8);
  asm goto ("testl %0, %0\n\tjz %l[zero]" : : "r" (n) : "cc" : zero);
  free (p);
  return 1;
zero:
  free (p);
  return 0;
}

int
asm_goto_output (int n)
{
  int v = n;
  char *q = malloc (4);
  asm goto ("addl $1, %0\n\tjc %l[overflow]" : "+r" (v) : : "cc" : overflow);
  free (q);
  return v;
overflow:
  free (q);
  return -1;
}

long
reg_vars (long a)
{
  register long r12 asm ("r12") = a;
  char *p = malloc (8);
  asm volatile ("addq $1, %0" : "+r" (r12));
  free (p);
  return r12;
}
