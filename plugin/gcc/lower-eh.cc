/* lower-eh.cc — C++ exceptions: which handler of the function an exception can
   reach.

   A statement that may throw (a call; a memory access under
   -fnon-call-exceptions) ends its GIMPLE block, which has an EH edge to a
   landing pad besides its normal successor.  An exception leaves before the
   statement has had any effect: `b = new int` that throws allocated nothing.  So
   such a block is lowered as two: its other statements, with the EH edges, then
   a block of its own (numbered after GCC's) for the throwing statement, with
   the normal successors (lower.cc).

   Which handler an exception reaches depends on its type.  Two kinds of
   throwers say which types they throw: a replaceable `operator new` throws only
   std::bad_alloc (or a class derived from it; nothrow and placement new throw
   nothing and have no EH edge), and a throw-expression, `throw E (...)`, which
   GCC makes a call of __cxa_throw given E's type_info, throws an E
   (std::throw_with_nested (E), a class derived from E).  A rethrow (`throw;`,
   __cxa_rethrow, or std::rethrow_exception, std::rethrow_if_nested) throws on
   purpose, as a throw-expression does: its exception leaving the function is
   judged (lower_throw_exit).  `throw;` in the body of a handler of the
   function rethrows what that handler took, as the path knows it
   (rethrowing_handler: for `catch (const E &)`, an exception of no known type
   is an E or a class derived from E); any other rethrow throws anything.
   Anything else (a call) may throw anything; what a throw-expression's object
   building throws is not followed (builds_thrown_object).  A value of the
   function (c->exc) says which exception is in flight, a kind:

     EXC_ANY (0)        anything
     EXC_BAD_ALLOC (-1) what operator new throws (std::bad_alloc)
     EXC_RETHROWN (1)   anything, rethrown by the function
     2 .. n + 1         the i-th type the function's throw-expressions throw,
                        or its typed handlers rethrow (c->thrown_derived: or a
                        class derived from it)

   Every block an EH edge enters defines it by an integer PHI (the thrower's
   kind, or the value itself along a `resx` into an outer region, which rethrows
   the same exception), and the `eh_dispatch` of a try block is a switch on it
   (lower_eh_dispatch) whose edges are case ranges: each admits anything (0),
   a rethrown exception (1, if the function rethrows), bad_alloc if it may take
   the edge, and the types of throw-expressions up to the highest one that may
   take it.  One range per edge: it also admits the types below its top that
   do not take the edge, which only loses precision (`catch (A)` after `catch
   (B)` may be reached by a B thrown in the try).  */

#include "lower-int.h"

enum { EXC_ANY = 0, EXC_BAD_ALLOC = -1, EXC_RETHROWN = 1, EXC_FIRST_THROWN = 2 };

/* How a kind is thrown (lower_ctx.thrown_nested, bits).  */
enum { NESTED_NOT = 1, NESTED_BY_WITH = 2 };

/* Whether bb ends with a statement that may throw to a handler or cleanup of
   this function (not a resx: it passes an exception on, doing nothing).  */
bool
ends_in_thrower (basic_block bb)
{
  gimple *last = mr_last_stmt (bb);
  if (!last || gimple_code (last) == GIMPLE_RESX)
    return false;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, bb->succs)
    if (e->flags & EDGE_EH)
      return true;
  return false;
}

/* Whether fndecl is the standard library's function `name`, declared in
   namespace std (by the name the standard gives it, not a user's function).  */
static bool
std_function (tree fndecl, const char *name)
{
  if (!fndecl || !DECL_NAME (fndecl) || !id_equal (DECL_NAME (fndecl), name))
    return false;
  tree ns = DECL_CONTEXT (fndecl);
  return ns && TREE_CODE (ns) == NAMESPACE_DECL && DECL_NAME (ns)
	 && id_equal (DECL_NAME (ns), "std");
}

static bool class_derives_from_named (tree type, const char *qualified, int depth);

/* The type a throw-expression throws: __cxa_throw (object, &typeinfo, dtor).
   The C++ front end remembers the type a type_info object is for as the type of
   its name (rtti.cc, get_tinfo_decl).  Also std::throw_with_nested (E &&),
   which never returns and throws an object of a class derived from E and from
   std::nested_exception (an E itself when E is no class, or is final, or
   already derives from std::nested_exception): the decayed type of its
   parameter, *derived and *nested set when it wraps E so.  NULL_TREE when s is
   no such call.  */
static tree
thrown_type (gimple *s, bool *derived = NULL, bool *nested = NULL)
{
  if (nested)
    *nested = false;
  if (!s || !is_gimple_call (s))
    return NULL_TREE;
  tree fndecl = gimple_call_fndecl (s);
  if (!fndecl || !DECL_NAME (fndecl))
    return NULL_TREE;
  if (gimple_call_num_args (s) == 1 && std_function (fndecl, "throw_with_nested"))
    {
      tree parm = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
      tree type = parm ? TREE_VALUE (parm) : NULL_TREE;
      if (!type || TREE_CODE (type) != REFERENCE_TYPE)
	return NULL_TREE;
      type = TYPE_MAIN_VARIANT (TREE_TYPE (type));
      bool wraps = TREE_CODE (type) == RECORD_TYPE && !TYPE_FINAL_P (type)
		   && !class_derives_from_named (type, "std::nested_exception", 0);
      if (derived)
	*derived = wraps;
      if (nested)
	*nested = wraps;
      return type;
    }
  if (gimple_call_num_args (s) != 3 || !id_equal (DECL_NAME (fndecl), "__cxa_throw"))
    return NULL_TREE;
  tree ti = gimple_call_arg (s, 1);
  if (TREE_CODE (ti) != ADDR_EXPR || !VAR_P (TREE_OPERAND (ti, 0)))
    return NULL_TREE;
  tree name = DECL_NAME (TREE_OPERAND (ti, 0));
  tree type = name ? TREE_TYPE (name) : NULL_TREE;
  if (derived)
    *derived = false;
  return type && TYPE_P (type) ? TYPE_MAIN_VARIANT (type) : NULL_TREE;
}

/* Whether s rethrows an exception: `throw;` (a call of __cxa_rethrow) or
   std::rethrow_exception (eptr), by the names the C++ ABI and the standard give
   them.  Both never return.  */
static bool
rethrows (gimple *s)
{
  tree fndecl = s && is_gimple_call (s) ? gimple_call_fndecl (s) : NULL_TREE;
  if (!fndecl || !DECL_NAME (fndecl))
    return false;
  return id_equal (DECL_NAME (fndecl), "__cxa_rethrow")
	 || std_function (fndecl, "rethrow_exception");
}

/* Whether s is std::rethrow_if_nested (e): it rethrows the exception nested
   in e, of any type, on purpose, when there is one, and returns otherwise.  */
static bool
may_rethrow_nested (gimple *s)
{
  return s && is_gimple_call (s)
	 && std_function (gimple_call_fndecl (s), "rethrow_if_nested");
}

/* Whether s calls the C++ runtime's function `name` (__cxa_begin_catch).  */
static bool
calls_runtime (gimple *s, const char *name)
{
  tree fndecl = is_gimple_call (s) ? gimple_call_fndecl (s) : NULL_TREE;
  return fndecl && DECL_NAME (fndecl) && id_equal (DECL_NAME (fndecl), name);
}

/* The handler whose body begins with `begin` (`_19 = __cxa_begin_catch (_1)`,
   `_1 = __builtin_eh_pointer (R)` the exception of try region R): the catch of
   R whose label is begin's block, or NULL.  */
static eh_catch
handler_beginning (lower_ctx *c, gimple *begin)
{
  tree ptr = gimple_call_num_args (begin) == 1 ? gimple_call_arg (begin, 0) : NULL_TREE;
  gimple *def = ptr && TREE_CODE (ptr) == SSA_NAME ? SSA_NAME_DEF_STMT (ptr) : NULL;
  if (!def || !gimple_call_builtin_p (def, BUILT_IN_EH_POINTER)
      || !tree_fits_shwi_p (gimple_call_arg (def, 0)))
    return NULL;
  eh_region r = get_eh_region_from_number_fn (c->fun, tree_to_shwi (gimple_call_arg (def, 0)));
  if (!r || r->type != ERT_TRY)
    return NULL;
  for (eh_catch h = r->u.eh_try.first_catch; h; h = h->next_catch)
    if (h->label && label_to_block (c->fun, h->label) == gimple_bb (begin))
      return h;
  return NULL;
}

/* The handler of the function in whose body statement s is: walking up the
   dominators from s (statements every path to s has run), the first
   __cxa_begin_catch not closed by a __cxa_end_catch on the way (a nested
   handler that ended before s, `catch (E &) { try { throw F (); } catch (F &)
   {} throw; }`, is closed).  NULL when s is in no handler of the function (a
   `throw;` that rethrows its caller's exception).  */
static eh_catch
enclosing_handler (lower_ctx *c, gimple *s)
{
  if (c->fun != cfun)
    return NULL;		/* GCC's dominators are cfun's */
  bool had = dom_info_available_p (CDI_DOMINATORS);
  if (!had)
    calculate_dominance_info (CDI_DOMINATORS);
  eh_catch found = NULL;
  int closed = 0;
  basic_block bb = gimple_bb (s);
  gimple_stmt_iterator gsi = gsi_for_stmt (s);
  gsi_prev (&gsi);
  for (int depth = 0; bb && depth < 256; depth++)
    {
      for (; !gsi_end_p (gsi); gsi_prev (&gsi))
	{
	  gimple *st = gsi_stmt (gsi);
	  if (calls_runtime (st, "__cxa_end_catch"))
	    closed++;
	  else if (calls_runtime (st, "__cxa_begin_catch") && closed)
	    closed--;
	  else if (calls_runtime (st, "__cxa_begin_catch"))
	    {
	      found = handler_beginning (c, st);
	      depth = 256;
	      break;
	    }
	}
      if (depth >= 256)
	break;
      bb = get_immediate_dominator (CDI_DOMINATORS, bb);
      if (!bb || bb == ENTRY_BLOCK_PTR_FOR_FN (c->fun))
	break;
      gsi = gsi_last_bb (bb);
    }
  if (!had)
    free_dominance_info (CDI_DOMINATORS);
  return found;
}

/* The type a rethrow rethrows, as far as the function knows, when its handler
   keeps no copy of what it took (rethrowing_handler): `throw;` in the
   body of a handler for one type rethrows what that handler caught, an object
   of that type or of a class derived from it.  NULL_TREE for anything (a
   rethrow in `catch (...)` or in no handler of the function,
   std::rethrow_exception).  */
static tree
rethrown_type (lower_ctx *c, gimple *s)
{
  if (!calls_runtime (s, "__cxa_rethrow"))
    return NULL_TREE;
  eh_catch h = enclosing_handler (c, s);
  if (!h || !h->type_list || TREE_CHAIN (h->type_list))
    return NULL_TREE;
  tree type = TREE_VALUE (h->type_list);
  return type && TYPE_P (type) ? TYPE_MAIN_VARIANT (type) : NULL_TREE;
}

/* The kind of a type in c->thrown, added if missing; derived: it may be of a
   class derived from it too; nested: thrown by std::throw_with_nested, as a
   class derived from it and from std::nested_exception.  One kind per type,
   whether thrown or rethrown, so that the kinds stay few (an edge's set holds
   64; a handler for a class derived from the type then may take a
   throw-expression's exact type too, which only loses precision).  */
static int
thrown_kind (lower_ctx *c, tree type, bool derived, bool nested = false)
{
  unsigned char how = nested ? NESTED_BY_WITH : NESTED_NOT;
  for (unsigned i = 0; i < c->thrown.length (); i++)
    if (c->thrown[i] == type)
      {
	c->thrown_derived[i] |= derived;
	c->thrown_nested[i] |= how;
	return EXC_FIRST_THROWN + i;
      }
  c->thrown.safe_push (type);
  c->thrown_derived.safe_push (derived);
  c->thrown_nested.safe_push (how);
  return EXC_FIRST_THROWN + c->thrown.length () - 1;
}

/* The index in c->rethrowing of handler h, or -1.  */
static int
rethrowing_index (lower_ctx *c, eh_catch h)
{
  for (unsigned i = 0; i < c->rethrowing.length (); i++)
    if (c->rethrowing[i] == h)
      return i;
  return -1;
}

/* A `throw;` in handler h rethrows the exception as the handler took it, not
   one kind for the handler's type: where paths throwing different types join
   before the handler, the value holds each of their kinds (its range), and the
   dispatches after the rethrow route them kind by kind (`catch (const
   std::exception &) { throw; }` of a runtime_error or a logic_error reaches
   an outer handler for each).  The value is a copy made at the handler's
   entry, a PHI of its block, since a try nested in the handler's body
   redefines c->exc before the rethrow.  On the dispatch's edge into the
   handler (mr_edge.case_fold), an exception of no known type (a call's,
   bad_alloc, a rethrow of anything: kinds up to EXC_RETHROWN) becomes the
   handler's kind: an E or a class derived from E for `catch (const E &)`,
   anything rethrown (judged when it leaves) for `catch (...)` or a handler of
   several types.  Registers h (once) and returns its index in c->rethrowing;
   -1 when its block is entered otherwise than by one edge from its dispatch
   (the copy would then not be the exception the handler took).  */
static int
rethrowing_handler (lower_ctx *c, eh_catch h)
{
  int i = rethrowing_index (c, h);
  if (i >= 0 || !h->label)
    return i;
  basic_block bb = label_to_block (c->fun, h->label);
  if (!bb || !single_pred_p (bb) || (single_pred_edge (bb)->flags & (EDGE_EH | EDGE_ABNORMAL))
      || c->f->blocks[bb->index].npreds != 1)
    return -1;
  /* The dispatch must be one lower_eh_dispatch makes a switch of, which folds
     the kinds on the edge into the handler.  */
  gimple *from = mr_last_stmt (single_pred (bb));
  geh_dispatch *d = from ? dyn_cast<geh_dispatch *> (from) : NULL;
  eh_region r = d ? get_eh_region_from_number_fn (c->fun, gimple_eh_dispatch_region (d)) : NULL;
  if (!r || r->type != ERT_TRY)
    return -1;
  for (eh_catch other = r->u.eh_try.first_catch; other; other = other->next_catch)
    if (!other->label || (other != h && label_to_block (c->fun, other->label) == bb))
      return -1;
  tree type = h->type_list && !TREE_CHAIN (h->type_list) ? TREE_VALUE (h->type_list) : NULL_TREE;
  int as = EXC_RETHROWN;
  if (type && TYPE_P (type))
    {
      type = TYPE_MAIN_VARIANT (type);
      as = thrown_kind (c, type, RECORD_OR_UNION_TYPE_P (type));
    }
  else
    c->rethrown = true;
  uint32_t copy = new_synthetic (c, NULL_TREE);
  mr_phi *p = mr_block_add_phi (c->f, bb->index, copy, false);
  p->args[0] = mr_value (c->exc);
  c->rethrowing.safe_push (h);
  c->rethrowing_exc.safe_push (copy);
  c->rethrowing_as.safe_push (as);
  return c->rethrowing.length () - 1;
}

/* The types the function's throw-expressions throw and its typed handlers
   rethrow, each once, in the order of their blocks: kind EXC_FIRST_THROWN + i
   is c->thrown[i]; the handlers whose `throw;` rethrows what they took
   (rethrowing_handler); and whether a rethrow of anything may reach a handler
   or cleanup of the function (c->rethrown).  Found on first use, once the
   lowering has made the function's edges.  */
static void
collect_thrown (lower_ctx *c)
{
  if (c->thrown_known)
    return;
  c->thrown_known = true;
  basic_block bb;
  FOR_EACH_BB_FN (bb, c->fun)
    if (ends_in_thrower (bb))
      {
	gimple *last = mr_last_stmt (bb);
	eh_catch h;
	bool derived, nested;
	if (tree type = thrown_type (last, &derived, &nested))
	  thrown_kind (c, type, derived, nested);
	else if (may_rethrow_nested (last))
	  c->rethrown = true;
	else if (!rethrows (last))
	  continue;
	else if (calls_runtime (last, "__cxa_rethrow")
		 && (h = enclosing_handler (c, last)) && rethrowing_handler (c, h) >= 0)
	  continue;
	else if (tree type = rethrown_type (c, last))
	  thrown_kind (c, type, RECORD_OR_UNION_TYPE_P (type));
	else
	  c->rethrown = true;
      }
}

/* Whether EH edge e is taken by an exception thrown while a throw-expression
   builds its object (the object's constructor, or a call computing one of its
   arguments, between __cxa_allocate_exception and __cxa_throw): its landing pad
   first frees the unfinished object (__cxa_free_exception).  Such an edge is
   not followed (lower.cc makes it MR_EDGE_NEVER): it is a failure while
   reporting a failure, in practice the bad_alloc of a message string that
   every `throw std::runtime_error (...)` has, of no known type, and
   following it would give each such throw-expression a second path that
   reaches every handler and, joined with the throw's own, blurs the kinds a
   rethrow carries.  */
bool
builds_thrown_object (edge e)
{
  if (!(e->flags & EDGE_EH))
    return false;
  for (gimple_stmt_iterator gsi = gsi_start_bb (e->dest); !gsi_end_p (gsi); gsi_next (&gsi))
    {
      gimple *s = gsi_stmt (gsi);
      if (gimple_code (s) == GIMPLE_LABEL || is_gimple_debug (s)
	  || gimple_call_builtin_p (s, BUILT_IN_EH_POINTER))
	continue;
      return is_gimple_call (s) && calls_runtime (s, "__cxa_free_exception");
    }
  return false;
}

/* The exception kind an EH edge carries into its landing pad.  */
mr_opnd
exception_along (lower_ctx *c, edge e)
{
  gimple *last = mr_last_stmt (e->src);
  if (!(e->flags & EDGE_EH) || (last && gimple_code (last) == GIMPLE_RESX))
    return mr_value (c->exc);
  tree fndecl = last && is_gimple_call (last) ? gimple_call_fndecl (last) : NULL_TREE;
  if (fndecl && DECL_IS_REPLACEABLE_OPERATOR_NEW_P (fndecl))
    return mr_const (EXC_BAD_ALLOC);
  bool derived, nested;
  if (tree type = thrown_type (last, &derived, &nested))
    {
      collect_thrown (c);
      return mr_const (thrown_kind (c, type, derived, nested));
    }
  if (may_rethrow_nested (last))
    {
      collect_thrown (c);
      return mr_const (EXC_RETHROWN);
    }
  if (!rethrows (last))
    return mr_const (EXC_ANY);
  collect_thrown (c);
  if (calls_runtime (last, "__cxa_rethrow"))
    if (eh_catch h = enclosing_handler (c, last))
      {
	int i = rethrowing_index (c, h);
	if (i >= 0)
	  return mr_value (c->rethrowing_exc[i]);
      }
  tree type = rethrown_type (c, last);
  return mr_const (type ? thrown_kind (c, type, RECORD_OR_UNION_TYPE_P (type)) : EXC_RETHROWN);
}

/* Whether a class is the standard library's class `qualified` (std::bad_alloc),
   by the name the standard gives it.  */
static bool
class_named (tree type, const char *qualified)
{
  tree name = TYPE_NAME (TYPE_MAIN_VARIANT (type));
  return name && strcmp (lang_hooks.decl_printable_name (name, 2), qualified) == 0;
}

/* Whether a class is std::bad_alloc or std::exception, its one base.  */
static bool
is_bad_alloc_or_base (tree type)
{
  return class_named (type, "std::bad_alloc") || class_named (type, "std::exception");
}

/* Whether class `derived` has `base` among its bases, at any depth.  */
static bool
derives_from (tree derived, tree base, int depth)
{
  tree binfo = TYPE_BINFO (TYPE_MAIN_VARIANT (derived));
  if (!binfo || depth > 16)
    return false;
  tree b;
  for (unsigned i = 0; BINFO_BASE_ITERATE (binfo, i, b); i++)
    {
      tree bt = TYPE_MAIN_VARIANT (BINFO_TYPE (b));
      if (bt == TYPE_MAIN_VARIANT (base) || derives_from (bt, base, depth + 1))
	return true;
    }
  return false;
}

/* Whether a class derives, at any depth, from the standard library's class
   `qualified` (std::bad_alloc), by the name the standard gives it.  */
static bool
class_derives_from_named (tree type, const char *qualified, int depth)
{
  tree binfo = TYPE_BINFO (TYPE_MAIN_VARIANT (type));
  if (!binfo || depth > 16)
    return false;
  tree base;
  for (unsigned i = 0; BINFO_BASE_ITERATE (binfo, i, base); i++)
    {
      tree bt = BINFO_TYPE (base);
      if (class_named (bt, qualified) || class_derives_from_named (bt, qualified, depth + 1))
	return true;
    }
  return false;
}

/* Whether a class derives from std::bad_alloc (std::bad_array_new_length, or a
   class of the program's): a replaced operator new may throw one.  */
static bool
derives_from_bad_alloc (tree type, int depth)
{
  return class_derives_from_named (type, "std::bad_alloc", depth);
}

/* Whether a handler catches an exception: CATCH_SURELY, CATCH_MAYBE (it may, and
   a later handler may too), CATCH_NEVER.  The front end has stripped the
   handler types' references and qualifiers.  */
enum catch_kind { CATCH_NEVER, CATCH_MAYBE, CATCH_SURELY };

/* A handler for the types of type_list (NULL: `catch (...)`) and what operator
   new throws: surely for `...`, std::bad_alloc and its base std::exception;
   maybe for a class derived from std::bad_alloc (a replaced operator new may
   throw one); never for any other type.  */
static catch_kind
catches_bad_alloc (tree type_list)
{
  if (!type_list)
    return CATCH_SURELY;
  catch_kind k = CATCH_NEVER;
  for (tree t = type_list; t; t = TREE_CHAIN (t))
    {
      tree type = TREE_VALUE (t);
      if (!type || !TYPE_P (type) || TREE_CODE (type) != RECORD_TYPE)
	continue;
      if (is_bad_alloc_or_base (type))
	return CATCH_SURELY;
      if (derives_from_bad_alloc (type, 0))
	k = CATCH_MAYBE;
    }
  return k;
}

/* A handler for the types of type_list and a throw-expression's `thrown`: surely
   for `...`, the same type, or a base class of it; maybe for two pointers (the
   conversions between them are not followed) or a type that is not a plain
   class, pointer or arithmetic type; never otherwise (`catch (int)` of a
   std::runtime_error).  */
static catch_kind
catches_thrown (tree type_list, tree thrown)
{
  if (!type_list)
    return CATCH_SURELY;
  catch_kind k = CATCH_NEVER;
  for (tree t = type_list; t; t = TREE_CHAIN (t))
    {
      tree type = TREE_VALUE (t);
      if (!type || !TYPE_P (type))
	return CATCH_MAYBE;
      type = TYPE_MAIN_VARIANT (type);
      if (type == thrown
	  || (RECORD_OR_UNION_TYPE_P (type) && RECORD_OR_UNION_TYPE_P (thrown)
	      && derives_from (thrown, type, 0)))
	return CATCH_SURELY;
      if (POINTER_TYPE_P (type) && POINTER_TYPE_P (thrown))
	k = CATCH_MAYBE;
      else if (!RECORD_OR_UNION_TYPE_P (type) && !POINTER_TYPE_P (type)
	       && !INTEGRAL_TYPE_P (type) && !SCALAR_FLOAT_TYPE_P (type))
	k = CATCH_MAYBE;
    }
  return k;
}

/* The eh_dispatch of a try block: the handlers are tried in order, and an
   exception no handler takes goes on to the outer region.  An unknown exception
   may take any edge; an exception of a known kind takes the handlers that may
   catch it up to the first that surely does, or, if none does, also the way
   out.  Each edge gets the case range [lo, hi] of the kinds that may take it
   (see the file's comment).  */

/* The range of kinds of one edge, and the kinds in it that take the edge: bit
   kind - EXC_BAD_ALLOC of set (mr_edge.case_set: a kind known exactly that
   does not take the edge is no path, though the range admits it).  */
struct kind_range
{
  int lo, hi;
  uint64_t set;
};

/* Adds kind to range r.  */
static void
admit_kind (kind_range *r, int kind)
{
  r->lo = MIN (r->lo, kind);
  r->hi = MAX (r->hi, kind);
  if (kind - EXC_BAD_ALLOC < 64)
    r->set |= (uint64_t) 1 << (kind - EXC_BAD_ALLOC);
}

/* Merges range b into a.  */
static void
merge_kinds (kind_range *a, const kind_range &b)
{
  a->lo = MIN (a->lo, b.lo);
  a->hi = MAX (a->hi, b.hi);
  a->set |= b.set;
}

/* Whether handler h (after caught: an earlier one surely took the kind) may
   take the exception of kind `kind`; records it in the handler's range, and
   sets *caught when it surely does.  */
static void
route_kind (lower_ctx *c, eh_catch h, int kind, kind_range *range, bool *caught)
{
  catch_kind k = kind == EXC_BAD_ALLOC ? catches_bad_alloc (h->type_list)
		 : catches_thrown (h->type_list, c->thrown[kind - EXC_FIRST_THROWN]);
  /* What a handler for E rethrows may be of a class derived from E, which a
     handler for that class takes.  */
  if (k == CATCH_NEVER && kind != EXC_BAD_ALLOC && c->thrown_derived[kind - EXC_FIRST_THROWN])
    for (tree t = h->type_list; t; t = TREE_CHAIN (t))
      if (TREE_VALUE (t) && TYPE_P (TREE_VALUE (t))
	  && RECORD_OR_UNION_TYPE_P (TREE_VALUE (t))
	  && derives_from (TREE_VALUE (t), c->thrown[kind - EXC_FIRST_THROWN], 0))
	k = CATCH_MAYBE;
  /* What std::throw_with_nested throws also derives from
     std::nested_exception: a handler for it (or `catch (...)`) takes it
     surely when every throw of the kind is such, maybe otherwise.  */
  unsigned char how = kind != EXC_BAD_ALLOC ? c->thrown_nested[kind - EXC_FIRST_THROWN] : 0;
  if (k != CATCH_SURELY && (how & NESTED_BY_WITH))
    for (tree t = h->type_list; t; t = TREE_CHAIN (t))
      if (TREE_VALUE (t) && TYPE_P (TREE_VALUE (t))
	  && RECORD_OR_UNION_TYPE_P (TREE_VALUE (t))
	  && class_named (TREE_VALUE (t), "std::nested_exception"))
	k = how == NESTED_BY_WITH ? CATCH_SURELY : CATCH_MAYBE;
  if (k != CATCH_NEVER)
    admit_kind (range, kind);
  *caught = k == CATCH_SURELY;
}

void
lower_eh_dispatch (lower_ctx *c, unsigned bb, geh_dispatch *s, const vec<edge> &map)
{
  eh_region r = get_eh_region_from_number_fn (c->fun, gimple_eh_dispatch_region (s));
  if (!c->exc || !r || r->type != ERT_TRY)
    return;
  collect_thrown (c);
  auto_vec<basic_block> handlers;
  auto_vec<eh_catch> catches;
  auto_vec<kind_range> ranges;	/* per handler */
  /* A rethrown exception may take any edge.  Where there is none, no range
     admits its kind: a state joined from an exception of a call and a
     throw-expression's that only a handler takes keeps none of the judged
     kinds on the way out (MR_EV_THROW judges the kinds a state may have).  */
  kind_range any = {EXC_ANY, EXC_ANY, 0};
  admit_kind (&any, EXC_ANY);
  if (c->rethrown)
    admit_kind (&any, EXC_RETHROWN);
  for (eh_catch h = r->u.eh_try.first_catch; h; h = h->next_catch)
    {
      if (!h->label)
	return;
      handlers.safe_push (label_to_block (c->fun, h->label));
      catches.safe_push (h);
      ranges.safe_push (any);
    }
  kind_range way_out = any;	/* what no handler surely takes */
  int last = EXC_FIRST_THROWN + (int) c->thrown.length () - 1;
  for (int kind = EXC_BAD_ALLOC; kind <= last; kind++)
    {
      if (kind == EXC_ANY || kind == EXC_RETHROWN)
	continue;
      unsigned i = 0;
      bool caught = false;
      for (eh_catch h = r->u.eh_try.first_catch; h && !caught; h = h->next_catch, i++)
	route_kind (c, h, kind, &ranges[i], &caught);
      if (!caught)
	admit_kind (&way_out, kind);
    }
  mr_block *mb = &c->f->blocks[bb];
  mr_term *t = &mb->term;
  t->kind = MR_TERM_SWITCH;
  t->is_unsigned = false;
  t->lhs = mr_value (c->exc);
  for (unsigned k = 0; k < mb->nsuccs; k++)
    {
      basic_block dest = map[mb->succs[k]]->dest;
      kind_range edge_range = way_out;
      bool handler = false;
      int rethrowing = -1;	/* the one handler the edge enters, if it rethrows */
      for (unsigned i = 0; i < handlers.length (); i++)
	if (handlers[i] == dest)
	  {
	    if (handler)
	      merge_kinds (&edge_range, ranges[i]);
	    else
	      edge_range = ranges[i];
	    rethrowing = handler ? -1 : rethrowing_index (c, catches[i]);
	    handler = true;
	  }
      mr_edge *me = &c->f->edges[mb->succs[k]];
      if (rethrowing >= 0)
	{
	  me->case_fold = true;
	  me->case_fold_max = EXC_RETHROWN;
	  me->case_fold_to = c->rethrowing_as[rethrowing];
	}
      me->kind = MR_EDGE_CASE;
      me->case_lo = edge_range.lo;
      me->case_hi = edge_range.hi;
      /* Every kind has its bit when there are at most 64 of them.  */
      me->case_set = last - EXC_BAD_ALLOC < 64 ? edge_range.set >> (edge_range.lo - EXC_BAD_ALLOC)
					     : 0;
    }
}

/* Whether s ends a handler (__cxa_end_catch): the handler's own cleanup,
   which runs on every way out of it, a return's as an exception's, at the
   handler's closing brace, where the source does not leave.  */
bool
ends_handler (gimple *s)
{
  return is_gimple_call (s) && calls_runtime (s, "__cxa_end_catch");
}

/* Whether s does nothing the source shows on an exception's way out: a
   label, a debug statement, the end of a temporary's or a local's life (a
   clobber), the landing pad's reading of the exception, or the end of the
   handler the exception is thrown from (__cxa_end_catch, the handler's own
   cleanup).  */
static bool
unseen_on_the_way (gimple *s)
{
  return gimple_code (s) == GIMPLE_LABEL || is_gimple_debug (s) || gimple_clobber_p (s)
	 || gimple_call_builtin_p (s, BUILT_IN_EH_POINTER) || ends_handler (s);
}

/* Where the exception a resx passes on was thrown, when the source shows it
   leaving there: the throw-expression or rethrow that threw it is the one
   such statement whose exception reaches the resx (the others that do are
   calls, whose exceptions are not judged), and nothing the source shows runs
   on the way (`catch (...) { log (); throw; }`: only the handler's end; the
   end of a temporary's life).  UNKNOWN_LOCATION otherwise (a destructor runs,
   or several throwers share the way out).  */
location_t
resx_thrown_at (gimple *resx)
{
  basic_block bb = gimple_bb (resx);
  gimple_stmt_iterator gsi = gsi_for_stmt (resx);
  for (int hops = 0; hops < 4; hops++)
    {
      for (gsi_prev (&gsi); !gsi_end_p (gsi); gsi_prev (&gsi))
	if (!unseen_on_the_way (gsi_stmt (gsi)))
	  return UNKNOWN_LOCATION;
      if (single_pred_p (bb) && !(single_pred_edge (bb)->flags & EDGE_EH))
	{
	  bb = single_pred (bb);
	  gimple *last = mr_last_stmt (bb);
	  if (!last || !unseen_on_the_way (last))
	    return UNKNOWN_LOCATION;
	  gsi = gsi_for_stmt (last);
	  continue;
	}
      gimple *thrower = NULL;
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, bb->preds)
	{
	  gimple *last = mr_last_stmt (e->src);
	  if (!(e->flags & EDGE_EH))
	    return UNKNOWN_LOCATION;
	  if (last && (thrown_type (last) || rethrows (last)))
	    {
	      if (thrower)
		return UNKNOWN_LOCATION;
	      thrower = last;
	    }
	}
      return thrower ? gimple_location (thrower) : UNKNOWN_LOCATION;
    }
  return UNKNOWN_LOCATION;
}

/* An exception that leaves the function: a leak is judged there as at a return
   (MR_EV_THROW).  Two statements let one out: a throw-expression or a rethrow
   in no region of the function (no handler, no cleanup: the call has no EH
   edge; `throw;` in a function a handler calls); and a `resx` of an outermost
   region (after the cleanups, the destructors of what the function owned),
   which passes on whatever exception is in flight (its kind: c->exc), judged
   only when it is a throw-expression's or a rethrow's.  A
   region that must not throw (a noexcept function) terminates instead: there a
   throw has a negative landing pad and a resx an outer region.  */
void
lower_throw_exit (lower_ctx *c, unsigned bb, gimple *s, mr_loc loc)
{
  if (gimple_code (s) == GIMPLE_RESX)
    {
      eh_region r = get_eh_region_from_number_fn (c->fun, gimple_resx_region (as_a<gresx *> (s)));
      if (!c->exc || !r || r->outer || EDGE_COUNT (gimple_bb (s)->succs) != 0)
	return;
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_THROW, loc);
      e->b = mr_value (c->exc);
    }
  else if ((thrown_type (s) || rethrows (s)) && lookup_stmt_eh_lp_fn (c->fun, s) == 0)
    mr_block_add_event (c->f, bb, MR_EV_THROW, loc);
}

/* What a call that throws has done with the pointers it was handed.  The
   exception leaves before the call's block (see the file's comment), so without
   more the handlers would see every argument as the caller held it: `int *a =
   new int; try { Keeper k (a); } catch (...) { return; }` would leak a, which
   the constructor may have taken, or freed, before it threw.  So on the way
   from such a call to its handlers runs a block of its own (lower_eh_exit) in
   which each pointer is treated as the call treats it on its normal edge,
   handed over where that edge hands it over; the call's result, its frees and
   its reads are not repeated.  A pointer the call never saw keeps its state.

   Whether a throwing statement gets that block: a call given a pointer (not a
   throw-expression or a rethrow, whose arguments are the exception).  */
bool
hands_pointers_when_throwing (gimple *s)
{
  if (!s || !is_gimple_call (s) || gimple_call_internal_p (s) || thrown_type (s)
      || rethrows (s))
    return false;
  for (unsigned i = 0; i < gimple_call_num_args (s); i++)
    if (POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (s, i))))
      return true;
  return false;
}

/* Fills block eh_exit, on the EH edges of the throwing call lowered into block
   thrower: from the call's events, what it did to the pointers it was handed.
   A call to a function that may keep them (not one that only reads, lowered
   MR_EVF_NO_CLOBBER) is repeated without its result and its uses: its
   arguments escape, or stay lent or written as out-parameters, as on the normal
   edge.  What the call is known to free, reallocate, store or hand away (a
   summarized callee's events) may have happened before it threw, or not: it
   escapes.  */
void
lower_eh_exit (lower_ctx *c, unsigned thrower, unsigned eh_exit)
{
  const mr_block *tb = &c->f->blocks[thrower];	/* (events are added to another) */
  for (uint32_t i = 0; i < tb->nevents; i++)
    {
      const mr_event &ev = tb->events[i];
      mr_opnd handed = mr_none ();
      switch (ev.kind)
	{
	case MR_EV_CALL:
	  if (ev.call && !(ev.flags & MR_EVF_NO_CLOBBER))
	    {
	      mr_call *again = mr_func_new_call (c->f, ev.call->callee, 0);
	      *again = *ev.call;	/* the arguments are shared: read only */
	      again->deref_mask = again->write_mask = again->use_mask = 0;
	      again->noreturn = false;
	      again->callee_param = 0;
	      mr_event *e = mr_block_add_event (c->f, eh_exit, MR_EV_CALL, ev.loc);
	      e->call = again;
	    }
	  break;
	case MR_EV_FREE:
	case MR_EV_REALLOC:
	case MR_EV_ESCAPE:
	  handed = ev.a;
	  break;
	case MR_EV_STORE:
	  if (ev.flags & MR_EVF_POINTER)
	    handed = ev.b;
	  break;
	default:
	  break;
	}
      if (handed.kind == MR_OPND_VALUE || handed.kind == MR_OPND_ADDR)
	{
	  mr_event *e = mr_block_add_event (c->f, eh_exit, MR_EV_ESCAPE, ev.loc);
	  e->a = handed;
	}
    }
}
