/* test_memir.c — the memir builder and copy resolution (plugin/core/memir.c).

   Covers: mr_func_new (name copied, counts), mr_func_add_edge (edge records and the
   preds/succs bookkeeping of both blocks), mr_block_add_event (ids unique across
   blocks, defaults), mr_block_add_phi (one UNKNOWN argument per pred), mr_func_new_call
   (callee copied, UNKNOWN arguments), decls (mr_func_decl dedups by uid and kind,
   mr_func_add_decl always adds), the operand constructors, mr_func_resolve /
   mr_func_root (copy chains accumulate offsets, unknown offsets propagate, non-copies
   and constant copies are roots, definition order does not matter, malformed cycles
   terminate), offset arithmetic (mr_off_add, mr_off_join with MR_OFF_UNKNOWN and
   MR_OFF_POSITIVE), mr_func_new_size, and mr_func_dump (writes the pieces of the IR to a FILE).  */

#include "builder.h"

#include <stdio.h>

static void
test_func_new (void **state)
{
  (void) state;
  char name[] = "fname";
  mr_func *f = mr_func_new (name, 3, 10);
  name[0] = 'X';		/* the function keeps its own copy */
  assert_string_equal (f->name, "fname");
  assert_int_equal (f->nblocks, 3);
  assert_int_equal (f->nvalues, 10);
  assert_int_equal (f->entry, 0);
  assert_int_equal (f->nedges, 0);
  assert_int_equal (f->ndecls, 0);
  assert_int_equal (f->nevents, 0);
  for (uint32_t b = 0; b < 3; b++)
    {
      assert_int_equal (f->blocks[b].nevents, 0);
      assert_int_equal (f->blocks[b].npreds, 0);
      assert_int_equal (f->blocks[b].nsuccs, 0);
      assert_int_equal (f->blocks[b].term.kind, MR_TERM_NONE);
    }
  assert_null (f->root);
  mr_func_free (f);

  /* A NULL name and no values are accepted.  */
  f = mr_func_new (NULL, 1, 0);
  assert_non_null (f->name);
  assert_string_equal (f->name, "");
  assert_true (f->nvalues >= 1);
  mr_func_free (f);
  mr_func_free (NULL);
}

static void
test_edges_preds_succs (void **state)
{
  (void) state;
  /* 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3, 3 -> 1 (a back edge).  */
  mr_func *f = tb_func ("edges", 4);
  uint32_t e01 = mr_func_add_edge (f, 0, 1, MR_EDGE_TRUE);
  uint32_t e02 = mr_func_add_edge (f, 0, 2, MR_EDGE_FALSE);
  uint32_t e13 = tb_goto (f, 1, 3);
  uint32_t e23 = tb_goto (f, 2, 3);
  uint32_t e31 = tb_goto (f, 3, 1);
  assert_int_equal (f->nedges, 5);
  /* Edge indices are allocated in order.  */
  assert_int_equal (e01, 0);
  assert_int_equal (e02, 1);
  assert_int_equal (e13, 2);
  assert_int_equal (e23, 3);
  assert_int_equal (e31, 4);

  assert_int_equal (f->edges[e01].src, 0);
  assert_int_equal (f->edges[e01].dst, 1);
  assert_int_equal (f->edges[e01].kind, MR_EDGE_TRUE);
  assert_int_equal (f->edges[e02].kind, MR_EDGE_FALSE);
  assert_int_equal (f->edges[e13].kind, MR_EDGE_PLAIN);

  const mr_block *b0 = &f->blocks[0], *b1 = &f->blocks[1], *b3 = &f->blocks[3];
  assert_int_equal (b0->npreds, 0);
  assert_int_equal (b0->nsuccs, 2);
  assert_int_equal (b0->succs[0], e01);
  assert_int_equal (b0->succs[1], e02);
  /* Block 1: preds in the order the edges were added.  */
  assert_int_equal (b1->npreds, 2);
  assert_int_equal (b1->preds[0], e01);
  assert_int_equal (b1->preds[1], e31);
  assert_int_equal (b1->nsuccs, 1);
  assert_int_equal (b1->succs[0], e13);
  assert_int_equal (b3->npreds, 2);
  assert_int_equal (tb_pred_block (f, 3, 0), 1);
  assert_int_equal (tb_pred_block (f, 3, 1), 2);
  assert_int_equal (b3->nsuccs, 1);

  /* Many edges into one block: the arrays grow.  */
  mr_func *g = tb_func ("fan", 2);
  for (uint32_t i = 0; i < 100; i++)
    tb_case (g, 0, 1, i, i);
  assert_int_equal (g->blocks[0].nsuccs, 100);
  assert_int_equal (g->blocks[1].npreds, 100);
  for (uint32_t i = 0; i < 100; i++)
    {
      const mr_edge *e = &g->edges[g->blocks[1].preds[i]];
      assert_int_equal (e->kind, MR_EDGE_CASE);
      assert_int_equal (e->case_lo, i);
      assert_int_equal (e->case_hi, i);
    }
  mr_func_free (g);
  mr_func_free (f);
}

static void
test_events (void **state)
{
  (void) state;
  mr_func *f = tb_func ("events", 2);
  mr_event *e = tb_event (f, 0, MR_EV_DEREF, 7);
  assert_int_equal (e->id, 0);
  assert_int_equal (e->kind, MR_EV_DEREF);
  assert_int_equal (e->a.kind, MR_OPND_NONE);
  assert_int_equal (e->b.kind, MR_OPND_NONE);
  assert_int_equal (e->dst, 0);
  assert_int_equal (e->flags, 0);
  assert_int_equal (e->off, 0);
  assert_null (e->call);
  assert_int_equal (e->loc.line, 7);
  assert_string_equal (e->loc.file, "t.c");

  /* Ids are unique in the function, across blocks, in creation order.  */
  uint32_t a = tb_free (f, 1, mr_value (1), 8);
  uint32_t b = tb_free (f, 0, mr_value (1), 9);
  assert_int_equal (a, 1);
  assert_int_equal (b, 2);
  assert_int_equal (f->nevents, 3);
  assert_int_equal (f->blocks[0].nevents, 2);
  assert_int_equal (f->blocks[1].nevents, 1);
  assert_int_equal (f->blocks[0].events[1].id, 2);
  assert_int_equal (f->blocks[1].events[0].id, 1);

  /* Growing a block keeps the earlier events.  */
  for (int i = 0; i < 200; i++)
    tb_deref (f, 1, mr_value ((uint32_t) (i % 10) + 1), false, 100 + i);
  assert_int_equal (f->blocks[1].nevents, 201);
  assert_int_equal (f->blocks[1].events[0].kind, MR_EV_FREE);
  assert_int_equal (f->blocks[1].events[0].loc.line, 8);
  for (uint32_t i = 1; i < 201; i++)
    {
      assert_int_equal (f->blocks[1].events[i].loc.line, 99 + (int) i);
      assert_int_equal (f->blocks[1].events[i].id, i + 2);
    }
  mr_func_free (f);
}

static void
test_phis (void **state)
{
  (void) state;
  mr_func *f = tb_func ("phis", 4);
  tb_goto (f, 0, 3);
  tb_goto (f, 1, 3);
  tb_goto (f, 2, 3);
  mr_phi *p = mr_block_add_phi (f, 3, 5, true);
  assert_int_equal (p->dst, 5);
  assert_true (p->is_pointer);
  for (uint32_t i = 0; i < 3; i++)
    assert_int_equal (p->args[i].kind, MR_OPND_UNKNOWN);
  p->args[0] = mr_value (1);
  p->args[1] = mr_const (0);
  p->args[2] = mr_value (2);
  mr_opnd ia[3] = { mr_const (1), mr_const (2), mr_const (3) };
  mr_phi *q = tb_phi (f, 3, 6, false, 3, ia);
  assert_int_equal (f->blocks[3].nphis, 2);
  /* The first PHI survives the array growing.  */
  p = &f->blocks[3].phis[0];
  assert_int_equal (p->dst, 5);
  assert_int_equal (p->args[0].kind, MR_OPND_VALUE);
  assert_int_equal (p->args[0].id, 1);
  assert_int_equal (p->args[1].kind, MR_OPND_CONST);
  assert_int_equal (p->args[2].id, 2);
  q = &f->blocks[3].phis[1];
  assert_false (q->is_pointer);
  assert_int_equal (q->args[2].num, 3);
  mr_func_free (f);
}

static void
test_calls (void **state)
{
  (void) state;
  mr_func *f = tb_func ("calls", 1);
  char callee[] = "g";
  mr_call *c = mr_func_new_call (f, callee, 3);
  callee[0] = 'h';
  assert_string_equal (c->callee, "g");
  assert_int_equal (c->nargs, 3);
  assert_int_equal (c->deref_mask, 0);
  assert_int_equal (c->write_mask, 0);
  assert_false (c->noreturn);
  for (uint32_t i = 0; i < 3; i++)
    assert_int_equal (c->args[i].kind, MR_OPND_UNKNOWN);

  mr_call *ind = mr_func_new_call (f, NULL, 0);
  assert_null (ind->callee);
  assert_int_equal (ind->nargs, 0);

  mr_opnd args[2] = { mr_value (3), mr_const (4) };
  uint32_t id = tb_call (f, 0, 9, "memcpy", 2, args, 0x3, 0x1, MR_EVF_NO_CLOBBER, 1);
  const mr_event *e = &f->blocks[0].events[0];
  assert_int_equal (e->id, id);
  assert_int_equal (e->kind, MR_EV_CALL);
  assert_int_equal (e->dst, 9);
  assert_non_null (e->call);
  assert_string_equal (e->call->callee, "memcpy");
  assert_int_equal (e->call->args[0].id, 3);
  assert_int_equal (e->call->args[1].num, 4);
  assert_int_equal (e->call->deref_mask, 0x3);

  /* mr_func_strdup copies into the function's memory, even large strings.  */
  char big[40000];
  memset (big, 'a', sizeof big - 1);
  big[sizeof big - 1] = 0;
  const char *d = mr_func_strdup (f, big);
  assert_ptr_not_equal (d, big);
  assert_int_equal (strlen (d), sizeof big - 1);
  const char *s2 = mr_func_strdup (f, "short");
  assert_string_equal (s2, "short");
  assert_string_equal (c->callee, "g");	/* earlier arena contents untouched */
  mr_func_free (f);
}

static void
test_decls (void **state)
{
  (void) state;
  mr_func *f = tb_func ("decls", 1);
  uint32_t buf = mr_func_decl (f, "buf", MR_DECL_LOCAL, 100);
  uint32_t g = mr_func_decl (f, "g", MR_DECL_STATIC, 200);
  assert_int_equal (buf, 0);
  assert_int_equal (g, 1);
  /* Same uid (and kind): the same decl, whatever the name says.  */
  assert_int_equal (mr_func_decl (f, "buf", MR_DECL_LOCAL, 100), buf);
  assert_int_equal (mr_func_decl (f, "other-name", MR_DECL_LOCAL, 100), buf);
  assert_int_equal (mr_func_decl (f, "g", MR_DECL_STATIC, 200), g);
  assert_int_equal (f->ndecls, 2);
  /* A new uid is a new decl.  */
  uint32_t lit = mr_func_decl (f, NULL, MR_DECL_LITERAL, 300);
  assert_int_equal (lit, 2);
  assert_null (f->decls[lit].name);
  assert_int_equal (f->ndecls, 3);
  assert_string_equal (f->decls[buf].name, "buf");
  assert_int_equal (f->decls[buf].kind, MR_DECL_LOCAL);
  assert_int_equal (f->decls[g].kind, MR_DECL_STATIC);
  assert_int_equal (f->decls[g].uid, 200);
  /* mr_func_add_decl does not dedup.  */
  uint32_t dup = mr_func_add_decl (f, "buf", MR_DECL_LOCAL, 100);
  assert_int_equal (dup, 3);
  assert_int_equal (f->ndecls, 4);
  /* Many decls: the array grows, lookups still find the first ones.  */
  for (uint32_t i = 0; i < 50; i++)
    mr_func_decl (f, "x", MR_DECL_LOCAL, 1000 + i);
  assert_int_equal (f->ndecls, 54);
  assert_int_equal (mr_func_decl (f, "buf", MR_DECL_LOCAL, 100), buf);
  assert_int_equal (mr_func_decl (f, "x", MR_DECL_LOCAL, 1049), 53);
  assert_string_equal (f->decls[g].name, "g");
  mr_func_free (f);
}

static void
test_operands (void **state)
{
  (void) state;
  mr_opnd v = mr_value (7);
  assert_int_equal (v.kind, MR_OPND_VALUE);
  assert_int_equal (v.id, 7);
  mr_opnd c = mr_const (-5);
  assert_int_equal (c.kind, MR_OPND_CONST);
  assert_true (c.num == -5);
  mr_opnd a = mr_addr (2, 16);
  assert_int_equal (a.kind, MR_OPND_ADDR);
  assert_int_equal (a.id, 2);
  assert_int_equal (a.num, 16);
  assert_int_equal (mr_unknown ().kind, MR_OPND_UNKNOWN);
  assert_int_equal (mr_none ().kind, MR_OPND_NONE);
}

static void
test_resolve_chains (void **state)
{
  (void) state;
  mr_func *f = tb_func ("resolve", 2);
  int64_t off = 123;
  /* Before resolution every value is its own root.  */
  assert_int_equal (mr_func_root (f, 5, &off), 5);
  assert_int_equal (off, 0);

  /* v2 = v1 + 8; v3 = v2 + 4 (in another block, defined first); v4 = v3 + ?;
     v5 = v4 + 4; v6 = (cast) v1; v7 = 0; v8 = &buf; v9 = loaded, v10 = v9 - 8.  */
  uint32_t buf = mr_func_decl (f, "buf", MR_DECL_LOCAL, 1);
  tb_copy (f, 1, 3, mr_value (2), 4, true, 1);
  tb_copy (f, 0, 2, mr_value (1), 8, true, 2);
  tb_copy (f, 0, 4, mr_value (3), MR_OFF_UNKNOWN, true, 3);
  tb_copy (f, 0, 5, mr_value (4), 4, true, 4);
  tb_copy (f, 0, 6, mr_value (1), 0, true, 5);
  tb_copy (f, 0, 7, mr_const (0), 0, true, 6);
  tb_copy (f, 0, 8, mr_addr (buf, 0), 0, true, 7);
  tb_load (f, 0, 9, mr_value (1), 0, true, 8);
  tb_copy (f, 0, 10, mr_value (9), -8, true, 9);
  tb_alloc (f, 0, 11, 10);
  mr_func_resolve (f);

  assert_int_equal (mr_func_root (f, 1, &off), 1);
  assert_int_equal (off, 0);
  assert_int_equal (mr_func_root (f, 2, &off), 1);
  assert_int_equal (off, 8);
  assert_int_equal (mr_func_root (f, 3, &off), 1);
  assert_int_equal (off, 12);
  /* An unknown offset anywhere on the chain makes the total unknown.  */
  assert_int_equal (mr_func_root (f, 4, &off), 1);
  assert_true (off == MR_OFF_UNKNOWN);
  assert_int_equal (mr_func_root (f, 5, &off), 1);
  assert_true (off == MR_OFF_UNKNOWN);
  assert_int_equal (mr_func_root (f, 6, &off), 1);
  assert_int_equal (off, 0);
  /* Copies of constants and addresses, loads and allocations are roots.  */
  assert_int_equal (mr_func_root (f, 7, &off), 7);
  assert_int_equal (off, 0);
  assert_int_equal (mr_func_root (f, 8, &off), 8);
  assert_int_equal (mr_func_root (f, 9, &off), 9);
  assert_int_equal (mr_func_root (f, 10, &off), 9);
  assert_true (off == -8);
  assert_int_equal (mr_func_root (f, 11, &off), 11);
  assert_int_equal (off, 0);
  /* Values out of range are their own roots.  */
  assert_int_equal (mr_func_root (f, TB_NVALUES + 5, &off), TB_NVALUES + 5);
  assert_int_equal (off, 0);

  /* Resolving again (after more events) gives the same answers plus the new ones.  */
  tb_copy (f, 1, 12, mr_value (3), 100, true, 11);
  mr_func_resolve (f);
  assert_int_equal (mr_func_root (f, 12, &off), 1);
  assert_int_equal (off, 112);
  assert_int_equal (mr_func_root (f, 3, &off), 1);
  assert_int_equal (off, 12);
  mr_func_free (f);
}

static void
test_offsets (void **state)
{
  (void) state;
  /* mr_off_add: unknown absorbs everything; "positive" survives non-negative
     additions only.  */
  assert_true (mr_off_add (3, 4) == 7);
  assert_true (mr_off_add (8, -8) == 0);
  assert_true (mr_off_add (MR_OFF_UNKNOWN, 4) == MR_OFF_UNKNOWN);
  assert_true (mr_off_add (4, MR_OFF_UNKNOWN) == MR_OFF_UNKNOWN);
  assert_true (mr_off_add (MR_OFF_UNKNOWN, MR_OFF_POSITIVE) == MR_OFF_UNKNOWN);
  assert_true (mr_off_add (MR_OFF_POSITIVE, 0) == MR_OFF_POSITIVE);
  assert_true (mr_off_add (MR_OFF_POSITIVE, 16) == MR_OFF_POSITIVE);
  assert_true (mr_off_add (16, MR_OFF_POSITIVE) == MR_OFF_POSITIVE);
  assert_true (mr_off_add (MR_OFF_POSITIVE, MR_OFF_POSITIVE) == MR_OFF_POSITIVE);
  assert_true (mr_off_add (MR_OFF_POSITIVE, -1) == MR_OFF_UNKNOWN);
  /* mr_off_join: equal stays; two positives make "positive"; anything else is
     unknown.  */
  assert_true (mr_off_join (8, 8) == 8);
  assert_true (mr_off_join (0, 0) == 0);
  assert_true (mr_off_join (8, 16) == MR_OFF_POSITIVE);
  assert_true (mr_off_join (MR_OFF_POSITIVE, 8) == MR_OFF_POSITIVE);
  assert_true (mr_off_join (0, 8) == MR_OFF_UNKNOWN);
  assert_true (mr_off_join (-8, 8) == MR_OFF_UNKNOWN);
  assert_true (mr_off_join (MR_OFF_UNKNOWN, 8) == MR_OFF_UNKNOWN);
  assert_true (mr_off_join (MR_OFF_POSITIVE, MR_OFF_UNKNOWN) == MR_OFF_UNKNOWN);

  /* Copy chains carry "positive" like any offset.  */
  mr_func *f = tb_func ("pos", 1);
  tb_copy (f, 0, 2, mr_value (1), MR_OFF_POSITIVE, true, 1);
  tb_copy (f, 0, 3, mr_value (2), 8, true, 2);
  tb_copy (f, 0, 4, mr_value (3), -16, true, 3);
  mr_func_resolve (f);
  int64_t off;
  assert_int_equal (mr_func_root (f, 3, &off), 1);
  assert_true (off == MR_OFF_POSITIVE);
  assert_int_equal (mr_func_root (f, 4, &off), 1);
  assert_true (off == MR_OFF_UNKNOWN);

  /* mr_func_new_size: an empty size description in the function's memory.  */
  mr_size *z = mr_func_new_size (f);
  assert_non_null (z);
  assert_int_equal (z->x.kind, MR_OPND_NONE);
  assert_int_equal (z->y.kind, MR_OPND_NONE);
  assert_int_equal (z->mul, 1);
  assert_true (z->add == 0);
  mr_func_free (f);
}

static void
test_resolve_long_chain_and_cycles (void **state)
{
  (void) state;
  /* A chain v2 = v1 + 1, v3 = v2 + 1, ... defined in reverse order.  */
  mr_func *f = mr_func_new ("chain", 1, 1001);
  for (uint32_t v = 1000; v >= 2; v--)
    tb_copy (f, 0, v, mr_value (v - 1), 1, true, (int) v);
  mr_func_resolve (f);
  int64_t off;
  assert_int_equal (mr_func_root (f, 1000, &off), 1);
  assert_int_equal (off, 999);
  assert_int_equal (mr_func_root (f, 500, &off), 1);
  assert_int_equal (off, 499);
  mr_func_free (f);

  /* Malformed IR (not SSA): a copy cycle and a self copy must not hang.  */
  f = tb_func ("cycle", 1);
  tb_copy (f, 0, 2, mr_value (3), 0, true, 1);
  tb_copy (f, 0, 3, mr_value (2), 0, true, 2);
  tb_copy (f, 0, 4, mr_value (4), 0, true, 3);
  tb_copy (f, 0, 5, mr_value (TB_NVALUES + 3), 0, true, 4);	/* out of range */
  mr_func_resolve (f);
  uint32_t r = mr_func_root (f, 4, &off);
  assert_int_equal (r, 4);
  r = mr_func_root (f, 5, &off);
  assert_int_equal (r, 5);
  r = mr_func_root (f, 2, &off);
  assert_true (r == 2 || r == 3);
  mr_func_free (f);
}

/* Reads a whole tmpfile back into a malloc'd string.  */
static char *
slurp (FILE *fp)
{
  long n = ftell (fp);
  assert_true (n > 0);
  rewind (fp);
  char *s = malloc ((size_t) n + 1);
  assert_non_null (s);
  size_t got = fread (s, 1, (size_t) n, fp);
  assert_int_equal (got, (size_t) n);
  s[n] = 0;
  return s;
}

static void
test_dump (void **state)
{
  (void) state;
  mr_func *f = tb_func ("dumped", 3);
  uint32_t buf = mr_func_decl (f, "buf", MR_DECL_LOCAL, 42);
  tb_alloc (f, 0, 2, 10);
  tb_copy (f, 0, 3, mr_addr (buf, 8), 0, true, 11);
  tb_copy (f, 0, 4, mr_value (2), MR_OFF_UNKNOWN, true, 12);
  mr_opnd args[2] = { mr_value (2), mr_const (5) };
  tb_call (f, 0, 0, "g", 2, args, 0x2, 0, 0, 13);
  tb_call (f, 0, 0, NULL, 0, NULL, 0, 0, 0, 14);
  tb_if (f, 0, mr_value (2), MR_CMP_EQ, mr_const (0), 1, 2);
  tb_free (f, 1, mr_value (2), 20);
  tb_goto (f, 1, 2);
  tb_phi2 (f, 2, 5, true, mr_value (2), mr_const (0));
  tb_return (f, 2, mr_value (5), 30);
  tb_switch (f, 2, mr_value (6), false);

  FILE *fp = tmpfile ();
  assert_non_null (fp);
  mr_func_dump (f, fp);
  char *s = slurp (fp);
  fclose (fp);
  assert_non_null (strstr (s, "function dumped: 3 blocks, entry 0"));
  assert_non_null (strstr (s, "bb0"));
  assert_non_null (strstr (s, "bb2 preds: 0 1"));
  assert_non_null (strstr (s, "alloc v2 ="));
  assert_non_null (strstr (s, "&buf+8"));
  assert_non_null (strstr (s, "v2+?"));
  assert_non_null (strstr (s, "g(v2, 5) deref=0x2"));
  assert_non_null (strstr (s, "*()"));
  assert_non_null (strstr (s, "free v2"));
  assert_non_null (strstr (s, "v5 = phi v2 0"));
  assert_non_null (strstr (s, "return v5"));
  assert_non_null (strstr (s, "term v2"));
  assert_non_null (strstr (s, "@20:3"));
  assert_non_null (strstr (s, "succs: 1(k1) 2(k2)"));
  free (s);

  /* An empty function dumps too.  */
  mr_func *e = mr_func_new ("empty", 0, 0);
  fp = tmpfile ();
  assert_non_null (fp);
  mr_func_dump (e, fp);
  s = slurp (fp);
  fclose (fp);
  assert_non_null (strstr (s, "function empty: 0 blocks"));
  free (s);
  mr_func_free (e);
  mr_func_free (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_func_new),
    cmocka_unit_test (test_edges_preds_succs),
    cmocka_unit_test (test_events),
    cmocka_unit_test (test_phis),
    cmocka_unit_test (test_calls),
    cmocka_unit_test (test_decls),
    cmocka_unit_test (test_operands),
    cmocka_unit_test (test_resolve_chains),
    cmocka_unit_test (test_offsets),
    cmocka_unit_test (test_resolve_long_chain_and_cycles),
    cmocka_unit_test (test_dump),
  };
  return cmocka_run_group_tests_name ("memir", tests, NULL, NULL);
}
