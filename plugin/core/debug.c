/* debug.c — printing states, for debugging the engine (call it from gdb, or from a
   unit test): objects as key:typestate/flags, bindings, slots, facts.  */

#include "state.h"

#include <stdio.h>

void
mr_state_print (const mr_state *s, void *file)
{
  FILE *out = file;
  fputs ("objs:", out);
  for (uint32_t i = 0; i < s->nobjs; i++)
    fprintf (out, " %x:%d/%x", s->objs[i].key, s->objs[i].ts, s->objs[i].flags);
  fputs ("\nbinds:", out);
  for (uint32_t i = 0; i < s->nbinds; i++)
    fprintf (out, " v%u->%x%+lld", s->binds[i].value, s->binds[i].ref.obj,
	     (long long) s->binds[i].ref.off);
  fputs ("\nslots:", out);
  for (uint32_t i = 0; i < s->nslots; i++)
    fprintf (out, " (%x,%d)->%x", (unsigned) (s->slots[i].at >> 32),
	     (int) (uint32_t) s->slots[i].at, s->slots[i].content.obj);
  fputs ("\nfacts:", out);
  for (uint32_t i = 0; i < s->nfacts; i++)
    fprintf (out, " v%u in [%lld,%lld]%s", s->facts[i].value, (long long) s->facts[i].lo,
	     (long long) s->facts[i].hi, s->facts[i].has_ne ? " (ne)" : "");
  fputc ('\n', out);
}
