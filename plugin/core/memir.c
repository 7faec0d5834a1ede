/* memir.c — building, resolving and dumping memir functions (see memir.h).  */

#include "memir.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A chunked bump allocator: the IR of one function is released all at once.  */
typedef struct mr_chunk
{
  struct mr_chunk *next;
  size_t used, size;
  max_align_t data[];
} mr_chunk;

static void *
arena_alloc (mr_func *f, size_t n)
{
  mr_chunk *c = f->arena;
  n = (n + sizeof (max_align_t) - 1) & ~(sizeof (max_align_t) - 1);
  if (!c || c->used + n > c->size)
    {
      size_t size = n > 16384 ? n : 16384;
      mr_chunk *nc = mr_xmalloc (sizeof *nc + size);
      nc->next = c;
      nc->used = 0;
      nc->size = size;
      f->arena = c = nc;
    }
  void *p = (char *) c->data + c->used;
  c->used += n;
  memset (p, 0, n);
  return p;
}

mr_func *
mr_func_new (const char *name, uint32_t nblocks, uint32_t nvalues)
{
  mr_func *f = mr_xcalloc (1, sizeof *f);
  f->name = name ? mr_func_strdup (f, name) : "";
  f->nblocks = nblocks;
  f->blocks = mr_xcalloc (nblocks ? nblocks : 1, sizeof *f->blocks);
  f->nvalues = nvalues ? nvalues : 1;
  return f;
}

void
mr_func_free (mr_func *f)
{
  if (!f)
    return;
  for (uint32_t i = 0; i < f->nblocks; i++)
    {
      mr_block *b = &f->blocks[i];
      free (b->phis);
      free (b->events);
      free (b->preds);
      free (b->succs);
    }
  free (f->blocks);
  free (f->edges);
  free (f->decls);
  free (f->root);
  free (f->root_off);
  free (f->root_var);
  free (f->value_var);
  free (f->quots);
  free (f->truths);
  free (f->result_frees);
  for (mr_chunk *c = f->arena, *n; c; c = n)
    {
      n = c->next;
      free (c);
    }
  free (f);
}

const char *
mr_func_strdup (mr_func *f, const char *s)
{
  size_t n = strlen (s) + 1;
  char *d = arena_alloc (f, n);
  memcpy (d, s, n);
  return d;
}

uint32_t
mr_func_add_edge (mr_func *f, uint32_t src, uint32_t dst, mr_edge_kind kind)
{
  MR_VEC_PUSH (f->edges, f->nedges, f->cap_edges);
  uint32_t e = f->nedges - 1;
  f->edges[e] = (mr_edge) { .src = src, .dst = dst, .kind = kind };
  mr_block *s = &f->blocks[src], *d = &f->blocks[dst];
  MR_VEC_PUSH (s->succs, s->nsuccs, s->cap_succs);
  s->succs[s->nsuccs - 1] = e;
  MR_VEC_PUSH (d->preds, d->npreds, d->cap_preds);
  d->preds[d->npreds - 1] = e;
  return e;
}

uint32_t
mr_func_add_decl (mr_func *f, const char *name, mr_decl_kind kind, uint32_t uid)
{
  MR_VEC_PUSH (f->decls, f->ndecls, f->cap_decls);
  f->decls[f->ndecls - 1] = (mr_decl) {
    .name = name ? mr_func_strdup (f, name) : NULL, .kind = kind, .uid = uid };
  return f->ndecls - 1;
}

uint32_t
mr_func_decl (mr_func *f, const char *name, mr_decl_kind kind, uint32_t uid)
{
  /* Functions reference few decls; a linear search is cheaper than a hash here.  */
  for (uint32_t i = 0; i < f->ndecls; i++)
    if (f->decls[i].uid == uid && f->decls[i].kind == kind)
      return i;
  return mr_func_add_decl (f, name, kind, uid);
}

mr_event *
mr_block_add_event (mr_func *f, uint32_t block, mr_event_kind kind, mr_loc loc)
{
  mr_block *b = &f->blocks[block];
  MR_VEC_PUSH (b->events, b->nevents, b->cap_events);
  mr_event *e = &b->events[b->nevents - 1];
  *e = (mr_event) { .kind = kind, .id = f->nevents++, .loc = loc,
		    .a = mr_none (), .b = mr_none () };
  return e;
}

mr_phi *
mr_block_add_phi (mr_func *f, uint32_t block, uint32_t dst, bool is_pointer)
{
  mr_block *b = &f->blocks[block];
  MR_VEC_PUSH (b->phis, b->nphis, b->cap_phis);
  mr_phi *p = &b->phis[b->nphis - 1];
  p->dst = dst;
  p->is_pointer = is_pointer;
  p->args = arena_alloc (f, (b->npreds ? b->npreds : 1) * sizeof *p->args);
  for (uint32_t i = 0; i < b->npreds; i++)
    p->args[i] = mr_unknown ();
  return p;
}

mr_call *
mr_func_new_call (mr_func *f, const char *callee, uint32_t nargs)
{
  mr_call *c = arena_alloc (f, sizeof *c);
  c->callee = callee ? mr_func_strdup (f, callee) : NULL;
  c->nargs = nargs;
  c->args = arena_alloc (f, (nargs ? nargs : 1) * sizeof *c->args);
  for (uint32_t i = 0; i < nargs; i++)
    c->args[i] = mr_unknown ();
  return c;
}

mr_size *
mr_func_new_size (mr_func *f)
{
  mr_size *z = arena_alloc (f, sizeof *z);
  z->x = z->y = z->x2 = z->input = mr_none ();
  z->mul = 1;
  return z;
}

void
mr_func_add_quot (mr_func *f, uint32_t value, uint32_t divisor, uint32_t other,
		  uint64_t num)
{
  MR_VEC_PUSH (f->quots, f->nquots, f->cap_quots);
  f->quots[f->nquots - 1] = (mr_quot) { value, divisor, other, num };
}

const mr_quot *
mr_func_quot (const mr_func *f, uint32_t value)
{
  for (uint32_t i = 0; i < f->nquots; i++)
    if (f->quots[i].value == value)
      return &f->quots[i];
  return NULL;
}

void
mr_func_add_truth (mr_func *f, uint32_t value, const mr_term *cond)
{
  MR_VEC_PUSH (f->truths, f->ntruths, f->cap_truths);
  f->truths[f->ntruths - 1] = (mr_truth) { .value = value, .cond = *cond };
}

void
mr_func_add_ranged_truth (mr_func *f, uint32_t value, const mr_term *cond,
			  int64_t yes_lo, int64_t yes_hi, int64_t no_lo, int64_t no_hi)
{
  MR_VEC_PUSH (f->truths, f->ntruths, f->cap_truths);
  f->truths[f->ntruths - 1] = (mr_truth) { .value = value, .cond = *cond, .ranged = true,
					   .yes_lo = yes_lo, .yes_hi = yes_hi,
					   .no_lo = no_lo, .no_hi = no_hi };
}

void
mr_func_add_result_free (mr_func *f, const mr_free_on_result *r)
{
  MR_VEC_PUSH (f->result_frees, f->nresult_frees, f->cap_result_frees);
  f->result_frees[f->nresult_frees - 1] = *r;
}

mr_event *
mr_func_new_event (mr_func *f, mr_event_kind kind, mr_loc loc)
{
  mr_event *e = arena_alloc (f, sizeof *e);
  *e = (mr_event) { .kind = kind, .id = f->nevents++, .loc = loc,
		    .a = mr_none (), .b = mr_none () };
  return e;
}

static int
truth_order (const void *a, const void *b)
{
  uint32_t x = ((const mr_truth *) a)->value, y = ((const mr_truth *) b)->value;
  return x < y ? -1 : x > y;
}

const mr_truth *
mr_func_truth (const mr_func *f, uint32_t value)
{
  uint32_t lo = 0, hi = f->ntruths;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (f->truths[mid].value == value)
	return &f->truths[mid];
      if (f->truths[mid].value < value)
	lo = mid + 1;
      else
	hi = mid;
    }
  return NULL;
}

mr_cmp
mr_cmp_mirror (mr_cmp op)
{
  switch (op)
    {
    case MR_CMP_LT: return MR_CMP_GT;
    case MR_CMP_GT: return MR_CMP_LT;
    case MR_CMP_LE: return MR_CMP_GE;
    case MR_CMP_GE: return MR_CMP_LE;
    default: return op;
    }
}

mr_cmp
mr_cmp_negate (mr_cmp op)
{
  switch (op)
    {
    case MR_CMP_EQ: return MR_CMP_NE;
    case MR_CMP_NE: return MR_CMP_EQ;
    case MR_CMP_LT: return MR_CMP_GE;
    case MR_CMP_LE: return MR_CMP_GT;
    case MR_CMP_GT: return MR_CMP_LE;
    case MR_CMP_GE: return MR_CMP_LT;
    }
  return op;
}

bool
mr_cmp_holds (int64_t a, mr_cmp op, int64_t b, bool is_unsigned)
{
  if (is_unsigned)
    {
      uint64_t x = (uint64_t) a, y = (uint64_t) b;
      return op == MR_CMP_EQ ? x == y : op == MR_CMP_NE ? x != y : op == MR_CMP_LT ? x < y
	     : op == MR_CMP_LE ? x <= y : op == MR_CMP_GT ? x > y : x >= y;
    }
  return op == MR_CMP_EQ ? a == b : op == MR_CMP_NE ? a != b : op == MR_CMP_LT ? a < b
	 : op == MR_CMP_LE ? a <= b : op == MR_CMP_GT ? a > b : a >= b;
}

mr_opnd mr_value (uint32_t id) { return (mr_opnd) { MR_OPND_VALUE, id, 0 }; }
mr_opnd mr_const (int64_t c) { return (mr_opnd) { MR_OPND_CONST, 0, c }; }
mr_opnd mr_addr (uint32_t decl, int64_t off) { return (mr_opnd) { MR_OPND_ADDR, decl, off }; }
mr_opnd mr_unknown (void) { return (mr_opnd) { MR_OPND_UNKNOWN, 0, 0 }; }
mr_opnd mr_none (void) { return (mr_opnd) { MR_OPND_NONE, 0, 0 }; }

int64_t
mr_off_add (int64_t a, int64_t b)
{
  if (a == MR_OFF_UNKNOWN || b == MR_OFF_UNKNOWN)
    return MR_OFF_UNKNOWN;
  if (a == MR_OFF_POSITIVE || b == MR_OFF_POSITIVE)
    {
      int64_t other = a == MR_OFF_POSITIVE ? b : a;
      return other >= 0 || other == MR_OFF_POSITIVE ? MR_OFF_POSITIVE : MR_OFF_UNKNOWN;
    }
  return a + b;
}

int64_t
mr_off_join (int64_t a, int64_t b)
{
  if (a == b)
    return a;
  bool apos = a == MR_OFF_POSITIVE || (a > 0 && a != MR_OFF_UNKNOWN);
  bool bpos = b == MR_OFF_POSITIVE || (b > 0 && b != MR_OFF_UNKNOWN);
  return apos && bpos ? MR_OFF_POSITIVE : MR_OFF_UNKNOWN;
}


/* Follows f->root from v to its root, compressing the path.  Copies are acyclic in
   SSA except through PHIs, which are roots, so this terminates.  */
static uint32_t
find_root (mr_func *f, uint32_t v, int64_t *off)
{
  int64_t total = 0;
  uint32_t r = v;
  for (unsigned guard = 0; f->root[r] != r && guard < 10000; guard++)
    {
      total = mr_off_add (total, f->root_off[r]);
      r = f->root[r];
    }
  if (r != v)
    {
      f->root[v] = r;
      f->root_off[v] = total;
    }
  *off = total;
  return r;
}

void
mr_func_resolve (mr_func *f)
{
  free (f->root);
  free (f->root_off);
  f->root = mr_xmalloc (f->nvalues * sizeof *f->root);
  f->root_off = mr_xmalloc (f->nvalues * sizeof *f->root_off);
  for (uint32_t v = 0; v < f->nvalues; v++)
    {
      f->root[v] = v;
      f->root_off[v] = 0;
    }
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nevents; i++)
      {
	mr_event *e = &f->blocks[b].events[i];
	if (e->kind == MR_EV_COPY && e->a.kind == MR_OPND_VALUE
	    && !(e->flags & (MR_EVF_CONVERT | MR_EVF_INT_STEP))
	    && e->dst && e->dst < f->nvalues && e->a.id < f->nvalues && e->a.id != e->dst)
	  {
	    f->root[e->dst] = e->a.id;
	    f->root_off[e->dst] = e->off;
	  }
      }
  for (uint32_t v = 0; v < f->nvalues; v++)
    {
      int64_t off;
      find_root (f, v, &off);
    }
  /* Truth records are looked up by value on every refined branch.  */
  if (f->ntruths > 1)
    qsort (f->truths, f->ntruths, sizeof *f->truths, truth_order);
  free (f->root_var);
  f->root_var = NULL;
  if (!f->value_var)
    return;
  f->root_var = mr_xcalloc (f->nvalues, sizeof *f->root_var);
  for (uint32_t v = 0; v < f->nvalues; v++)
    {
      uint32_t var = f->value_var[v], r = f->root[v];
      if (!var)
	continue;
      if (!f->root_var[r])
	f->root_var[r] = var;
      else if (f->root_var[r] != var)
	f->root_var[r] = MR_VAR_MIXED;
    }
}

uint32_t
mr_func_root_var (const mr_func *f, uint32_t r)
{
  return f->root_var && r < f->nvalues ? f->root_var[r] : 0;
}

void
mr_func_set_value_var (mr_func *f, uint32_t v, uint32_t var)
{
  if (v >= f->nvalues)
    return;
  if (!f->value_var)
    f->value_var = mr_xcalloc (f->nvalues, sizeof *f->value_var);
  f->value_var[v] = var;
}

uint32_t
mr_func_root (const mr_func *f, uint32_t v, int64_t *off)
{
  if (!f->root || v >= f->nvalues)
    {
      *off = 0;
      return v;
    }
  *off = f->root_off[v];
  return f->root[v];
}

/* Dumping, for -fplugin-arg-memrules-dump-ir and for debugging tests.  */

static const char *const event_names[] = {
  "alloc", "free", "realloc", "copy", "load", "store", "deref", "call", "return", "escape"
};

static void
dump_opnd (FILE *out, const mr_func *f, mr_opnd o)
{
  switch (o.kind)
    {
    case MR_OPND_NONE: fputs ("-", out); break;
    case MR_OPND_VALUE: fprintf (out, "v%u", o.id); break;
    case MR_OPND_CONST: fprintf (out, "%lld", (long long) o.num); break;
    case MR_OPND_ADDR:
      fprintf (out, "&%s", o.id < f->ndecls && f->decls[o.id].name ? f->decls[o.id].name : "?");
      if (o.num)
	fprintf (out, "+%lld", (long long) o.num);
      break;
    case MR_OPND_UNKNOWN: fputs ("?", out); break;
    }
}

static void
dump_off (FILE *out, int64_t off)
{
  if (off == MR_OFF_UNKNOWN)
    fputs ("+?", out);
  else if (off)
    fprintf (out, "+%lld", (long long) off);
}

void
mr_func_dump (const mr_func *f, void *file)
{
  FILE *out = file;
  fprintf (out, "function %s: %u blocks, entry %u\n", f->name, f->nblocks, f->entry);
  for (uint32_t bi = 0; bi < f->nblocks; bi++)
    {
      const mr_block *b = &f->blocks[bi];
      fprintf (out, " bb%u preds:", bi);
      for (uint32_t i = 0; i < b->npreds; i++)
	fprintf (out, " %u", f->edges[b->preds[i]].src);
      fputc ('\n', out);
      for (uint32_t i = 0; i < b->nphis; i++)
	{
	  fprintf (out, "  v%u = phi", b->phis[i].dst);
	  for (uint32_t k = 0; k < b->npreds; k++)
	    {
	      fputc (' ', out);
	      dump_opnd (out, f, b->phis[i].args[k]);
	    }
	  fputc ('\n', out);
	}
      for (uint32_t i = 0; i < b->nevents; i++)
	{
	  const mr_event *e = &b->events[i];
	  fprintf (out, "  #%u %s", e->id, event_names[e->kind]);
	  if (e->dst)
	    fprintf (out, " v%u =", e->dst);
	  fputc (' ', out);
	  dump_opnd (out, f, e->a);
	  if (e->kind == MR_EV_COPY || e->kind == MR_EV_LOAD || e->kind == MR_EV_STORE)
	    dump_off (out, e->off);
	  if (e->b.kind != MR_OPND_NONE)
	    {
	      fputs (", ", out);
	      dump_opnd (out, f, e->b);
	    }
	  if (e->call)
	    {
	      fprintf (out, " %s(", e->call->callee ? e->call->callee : "*");
	      for (uint32_t k = 0; k < e->call->nargs; k++)
		{
		  if (k)
		    fputs (", ", out);
		  dump_opnd (out, f, e->call->args[k]);
		}
	      fprintf (out, ") deref=%#x", e->call->deref_mask);
	      if (e->call->use_mask)
		fprintf (out, " use=%#x", e->call->use_mask);
	      if (e->call->out_mask)
		fprintf (out, " out=%#x", e->call->out_mask);
	    }
	  if (e->family)
	    fprintf (out, " fam=%u", e->family);
	  fprintf (out, "  @%d:%d\n", e->loc.line, e->loc.column);
	}
      if (b->term.kind != MR_TERM_NONE)
	{
	  fputs ("  term ", out);
	  dump_opnd (out, f, b->term.lhs);
	  fprintf (out, " op%d ", b->term.op);
	  dump_opnd (out, f, b->term.rhs);
	  fputc ('\n', out);
	}
      fputs ("  succs:", out);
      for (uint32_t i = 0; i < b->nsuccs; i++)
	{
	  const mr_edge *e = &f->edges[b->succs[i]];
	  fprintf (out, " %u(k%d", e->dst, e->kind);
	  if (e->kind == MR_EDGE_CASE)
	    fprintf (out, " %lld..%lld", (long long) e->case_lo, (long long) e->case_hi);
	  fputc (')', out);
	}
      fputc ('\n', out);
    }
}
