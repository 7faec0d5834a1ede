/* Computed gotos: a threaded interpreter whose opcodes allocate and free.  */
#include <stdlib.h>
#include <string.h>

int
interp (const unsigned char *code, int n)
{
  static void *dispatch[] = { &&op_alloc, &&op_free, &&op_use, &&op_swap, &&op_end };
  char *slot[4] = { 0 };
  int pc = 0, acc = 0;
  void *target = &&op_end;
#define NEXT() do { if (pc >= n) goto op_end; target = dispatch[code[pc++] % 5]; goto *target; } while (0)
  NEXT ();
op_alloc:
  slot[pc & 3] = malloc (16);
  if (slot[pc & 3])
    memset (slot[pc & 3], 0, 16);
  NEXT ();
op_free:
  free (slot[pc & 3]);
  slot[pc & 3] = NULL;
  NEXT ();
op_use:
  if (slot[pc & 3])
    acc += slot[pc & 3][0];
  NEXT ();
op_swap:
  {
    char *t = slot[0];
    slot[0] = slot[1];
    slot[1] = t;
  }
  NEXT ();
op_end:
  for (int i = 0; i < 4; i++)
    free (slot[i]);
  return acc;
}

/* A label address stored in memory and jumped to from a loop.  */
int
labels_in_memory (int k)
{
  void *where[3] = { &&a, &&b, &&c };
  char *p = malloc (k + 1);
  int r = 0;
  for (int i = 0; i < k; i++)
    {
      goto *where[i % 3];
    a:
      r += 1;
      continue;
    b:
      if (p)
        p[0] = (char) i;
      continue;
    c:
      r -= 1;
    }
  free (p);
  return r;
}

/* A label whose address escapes but is never jumped to.  */
void *
escaping_label (void)
{
  __label__ here;
here:
  return &&here;
}
