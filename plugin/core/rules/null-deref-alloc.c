/* null-deref-alloc.c — null-deref-alloc (MEM32-C, CWE-690).

   The result of an allocation that can return NULL (malloc, calloc, realloc,
   strdup, nothrow new, ...; not plain operator new, which throws) dereferenced or
   passed to a function that dereferences it, on a path where it was not checked:

     char *p = malloc (n);
     memset (p, 0, n);        dereference of possibly-NULL 'p'

   A function of the unit that dereferences its parameter first (its summary's
   derefs_first) dereferences at the call what it is given: judged only for an
   allocation on a straight line to the call.

   A check through any copy counts (the state is per object), and so does a path
   that ends (return, abort, a function that never returns) when it is NULL.  When
   the NULL branch of a check goes on to the dereference, the finding says so
   (known_null): often the branch calls an error handler that is not declared
   noreturn.  One warning per object and path.  */

#include "engine-int.h"
#include "infer.h"

#include <stdlib.h>
#include <string.h>

/* Reported on this path: one warning per object and path.  */
#define NULL_REPORTED MR_OBJF_RULE_BIT1

/* The block holding event e, or f->nblocks.  */
static uint32_t
block_of (mr_ctx *c, const mr_event *e)
{
  uint32_t b = e->id < c->f->nevents ? mr_event_blocks (c)[e->id] : MR_NO_BLOCK;
  return b == MR_NO_BLOCK ? c->f->nblocks : b;
}

/* Is event e at the allocation's own location (line and column)?  */
static bool
at_alloc (const mr_event *e, const mr_event *alloc)
{
  const mr_loc *a = &e->loc, *b = &alloc->loc;
  return a->line > 0 && a->line == b->line && a->column == b->column
	 && (a->file == b->file || (a->file && b->file && !strcmp (a->file, b->file)));
}

/* Are all of block blk's events from its k-th on at the allocation's location?  */
static bool
only_alloc_events (const mr_block *blk, uint32_t k, const mr_event *alloc)
{
  for (; k < blk->nevents; k++)
    if (!at_alloc (&blk->events[k], alloc))
      return false;
  return true;
}

/* The block whose PHI defines value v, or f->nblocks.  */
static uint32_t
phi_block (const mr_func *f, uint32_t v)
{
  for (uint32_t b = 0; b < f->nblocks; b++)
    for (uint32_t i = 0; i < f->blocks[b].nphis; i++)
      if (f->blocks[b].phis[i].dst == v)
	return b;
  return f->nblocks;
}

/* Is block b's branch the new-expression's own, not the program's?  g++ tests a
   nothrow new's result for NULL before it runs the constructor (GCC 16 for every
   class, older ones when there is a constructor), and the constructor's
   exception edge and the flags its cleanup tests add more branches; all of
   them carry the new-expression's location, which is the allocation's.  So: b's
   events after the allocation (all of them, in another block) are at that
   location, and b branches on an exception (no condition), on the allocation's
   result, or on a value a PHI of such a block defines (the cleanup's flags).  A
   test the program writes after the allocation carries its own location, or
   tests one of the program's values.  */
static bool
alloc_own_branch (const mr_func *f, uint32_t b, const mr_event *alloc, uint32_t from,
		  uint32_t alloc_k)
{
  const mr_block *blk = &f->blocks[b];
  if (!only_alloc_events (blk, b == from ? alloc_k + 1 : 0, alloc))
    return false;
  if (blk->term.kind == MR_TERM_NONE)
    return true;
  if (blk->term.kind != MR_TERM_COND || blk->term.combine != MR_COMBINE_NONE
      || blk->term.rhs.kind != MR_OPND_CONST || blk->term.lhs.kind != MR_OPND_VALUE)
    return false;
  int64_t off;
  uint32_t v = mr_func_root (f, blk->term.lhs.id, &off);
  if (alloc->dst && v == mr_func_root (f, alloc->dst, &off))
    return true;
  uint32_t d = phi_block (f, v);
  return d < f->nblocks && only_alloc_events (&f->blocks[d], 0, alloc);
}

/* Is there a branch on some path from the allocation to event ev?  A callee's
   dereference is judged only on a straight line from the allocation: past a
   branch, whether the call is reached on the NULL path may depend on state the
   analysis does not follow (an error code a predicate set from the NULL test,
   `e.test (!p || n < 4, ERR); ... if (!e) peek (p);`, whose test GCC folds into
   integer arithmetic the lowering does not see).  The new-expression's own
   branches (alloc_own_branch) are not the program's: through them, the line
   goes on.  A walk back from ev's block to the allocation's; asked only before
   a report.  */
static bool
branch_between (mr_ctx *c, const mr_event *alloc, const mr_event *ev)
{
  const mr_func *f = c->f;
  uint32_t from = alloc ? block_of (c, alloc) : f->nblocks, at = block_of (c, ev);
  if (from == f->nblocks || at == f->nblocks)
    return true;
  if (from == at)
    return alloc > ev;	/* a loop back to the allocation */
  uint32_t alloc_k = (uint32_t) (alloc - f->blocks[from].events);
  bool *seen = calloc (f->nblocks, sizeof *seen);
  uint32_t *stack = malloc (f->nblocks * sizeof *stack);
  bool branch = !seen || !stack;
  uint32_t top = 0;
  if (!branch)
    {
      stack[top++] = at;
      seen[at] = true;
    }
  /* Past one of the new-expression's branches, the blocks walked through are
     its own (the arms of its test): a block with the program's events there
     (`if (!c) log ();`) is the program's branch.  */
  bool forked = false, foreign = false;
  while (top && !branch)
    {
      uint32_t b = stack[--top];
      const mr_block *blk = &f->blocks[b];
      if (!blk->npreds)
	branch = true;	/* the entry, not through the allocation */
      if (b != at)
	foreign |= !only_alloc_events (blk, 0, alloc);
      for (uint32_t i = 0; i < blk->npreds && !branch; i++)
	{
	  uint32_t p = f->edges[blk->preds[i]].src;
	  if (f->blocks[p].nsuccs > 1)
	    {
	      branch = !alloc_own_branch (f, p, alloc, from, alloc_k);
	      forked = true;
	    }
	  if (!branch && p != from && !seen[p])
	    {
	      seen[p] = true;
	      stack[top++] = p;
	    }
	}
    }
  branch |= forked && foreign;
  free (seen);
  free (stack);
  return branch;
}

static void
deref (mr_ctx *c, mr_state *s, const mr_event *ev, const mr_pointee *p, bool write)
{
  (void) write;
  mr_ref r = p->ref;
  const mr_objst *o = p->obj;
  if (!mr_is_object (r.obj))
    return;
  /* An allocator known only by its name may report failure another way.  */
  if (!o || (o->flags & NULL_REPORTED) || mr_family_uncertain (o->family))
    return;
  bool unchecked = o->ts == MR_TS_ALLOCATED && (o->flags & MR_OBJF_MAYBE_NULL)
		   && !(o->flags & MR_OBJF_NONNULL);
  bool null = o->ts == MR_TS_NULL && o->ev && (o->ev->flags & MR_EVF_MAY_FAIL);
  if (!unchecked && !null)
    return;
  /* A callee's dereference (its summary's derefs_first) only on a straight
     line from the allocation (branch_between).  A NULL the path learnt on such
     a line was learnt from the new-expression's own test, not the program's:
     no check, and for a callee's dereference as for the others.  */
  bool checked = null && (o->flags & MR_OBJF_NULL_CHECKED);
  bool summarized = ev->kind == MR_EV_DEREF && (ev->flags & MR_EVF_SUMMARIZED);
  if (summarized || checked)
    {
      bool line = !branch_between (c, o->ev, ev);
      if (summarized && (!line || (null && !checked)))
	return;
      checked &= !line;
    }
  const mr_event *alloc = o->ev;
  mr_state_add_obj_flags (s, r.obj, NULL_REPORTED);
  mr_finding *fd = mr_report (c, MR_RULE_NULL_DEREF_ALLOC, ev, p->subject);
  if (fd)
    {
      fd->alloc = alloc;
      fd->known_null = checked;
      mr_finding_note (fd, MR_NOTE_ALLOCATED_HERE, alloc);
    }
}

static void
message (const mr_finding *fd, const mr_words *w, mr_message *m)
{
  mr_message_warn (m, MR_RULE_NULL_DEREF_ALLOC,
		   "dereference of possibly-NULL %s (%s) [memrules-%s]", w->what, NULL);
  /* The NULL branch of a check went on: often its error handler does not return
     but is not declared so.  */
  if (fd->known_null)
    {
      m->last_note = "%s is NULL here on a path that checked it; if that path calls a "
		     "function that does not return, declare it "
		     "%<__attribute__ ((noreturn))%> or list it in a families file "
		     "(%<noreturn NAME%>)";
      m->last_args[0] = w->what;
    }
}

MR_DEFINE_RULE (MR_RULE_NULL_DEREF_ALLOC) = {
  .rule = MR_RULE_NULL_DEREF_ALLOC,
  /* Its mark (NULL_REPORTED) is set whether or not the rule is on.  */
  .always = 1u << MR_HOOK_DEREF,
  .deref = deref,
  .message = message,
};
