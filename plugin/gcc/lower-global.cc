/* lower-global.cc — what calls may do to the integer statics of the translation
   unit (mr_decl.keep), read from the references GCC recorded for every function
   before the pass (the same ones lower.cc's constant_static reads).

   A static with internal linkage whose address is never taken can be written only
   by the unit's own statements, and only those that name it.  So:
   - when the function being lowered is the only one that writes it, no call it
     makes changes it (a flag it sets once before its calls keeps its value across
     them: `use_free = want (); if (use_free) free (p); log (); if (!use_free) ...`);
     a function that calls itself directly is left out (recursion through
     other functions is not considered);
   - when every store of the unit stores one constant (`initialized = 1` in an
     init function), it holds its initializer or that constant, and a call may
     set it to the constant but to nothing else: once the state knows it holds
     the constant (or anything but its initializer), calls keep it.
   A const integer (public or not) is never written.  Anything else (a public
   variable, one whose address is taken, a volatile) may be changed by any call
   the engine cannot see into.

   The pointer statics of the same kind a function reads are parameters its summary
   may name (mr_decl.param, MR_PARAM_STATIC + j): `static char *g; void sink (void)
   { free (g); }` frees the pointer at *(&g), and a call `sink ()` frees what its
   caller holds in g, as `free_box (&b)` frees b.ptr; so are public pointer
   globals and structs of file scope whose address the unit never takes, and
   those of the function's direct callees (two levels).  An integer one is a flag
   the summary's frees may depend on (`if (bad) free (p);`: mr_summary.flag_param),
   which the caller's value of it decides.  j numbers them in the order of the
   function's references, the same when the function is lowered and when a caller
   of it is.  */

#include "lower-int.h"

/* Is every reference GCC recorded to node a load or a store (its address never
   taken)?  */
static bool
only_loaded_and_stored (varpool_node *node)
{
  ipa_ref *ref;
  for (unsigned i = 0; node->iterate_referring (i, ref); i++)
    if (ref->use != IPA_REF_LOAD && ref->use != IPA_REF_STORE)
      return false;
  return true;
}

/* Is var a pointer or integer static only the unit's own statements that name it
   can read or write: internal linkage, not volatile, its address never taken
   (every reference GCC recorded is a load or a store)?  */
bool
private_static (tree var)
{
  if (!VAR_P (var) || !TREE_STATIC (var) || DECL_EXTERNAL (var) || TREE_PUBLIC (var)
      || TREE_THIS_VOLATILE (var)
      || !(POINTER_TYPE_P (TREE_TYPE (var)) || INTEGRAL_TYPE_P (TREE_TYPE (var))))
    return false;
  varpool_node *node = varpool_node::get (var);
  if (!node || node->alias || node->externally_visible)
    return false;
  return only_loaded_and_stored (node);
}

/* Is var a public pointer variable (defined here or elsewhere), or a struct of
   file scope, whose address the unit never takes: every reference GCC recorded
   is a load or a store?  A helper of the unit that frees it (`char *g; void
   drop (void) { free (g); }`, `free (st.buf)`) frees what its caller holds
   there at the call, as for a private static: another unit may change a public
   one only in a call, which the caller's view of it follows (transfer.c's
   clobber_call).  No integers: a flag of another unit may be set anywhere.  */
static bool
public_pointer (tree var)
{
  if (!VAR_P (var) || !(TREE_PUBLIC (var) || DECL_EXTERNAL (var) || TREE_STATIC (var))
      || TREE_THIS_VOLATILE (var) || DECL_THREAD_LOCAL_P (var)
      || !(POINTER_TYPE_P (TREE_TYPE (var)) || TREE_CODE (TREE_TYPE (var)) == RECORD_TYPE))
    return false;
  varpool_node *node = varpool_node::get (var);
  if (!node || node->alias)
    return false;
  return only_loaded_and_stored (node);
}

/* The pointer and integer statics fndecl reads that its summary may name as
   parameters, in the order of its references, then the public pointers it reads
   (public_pointer), at most MR_STATIC_PARAMS in all: their number.  */
static unsigned
static_params_of (cgraph_node *node, tree vars[MR_STATIC_PARAMS], unsigned n, int depth)
{
  ipa_ref *ref;
  for (int pass = 0; pass < 2; pass++)
    for (unsigned i = 0; node && n < MR_STATIC_PARAMS && node->iterate_reference (i, ref);
	 i++)
      {
	tree var = ref->referred->decl;
	bool seen = false;
	for (unsigned k = 0; k < n; k++)
	  seen |= vars[k] == var;
	if (ref->use == IPA_REF_LOAD && !seen
	    && (pass == 0 ? private_static (var) : public_pointer (var)))
	  vars[n++] = var;
      }
  /* Then those of its direct callees of the unit (two levels): a helper that
     calls `drop ()` frees what drop frees, which its summary can name only as
     its own parameter.  */
  for (cgraph_edge *e = node && depth < 2 ? node->callees : NULL;
       e && n < MR_STATIC_PARAMS; e = e->next_callee)
    {
      cgraph_node *callee = e->callee ? e->callee->ultimate_alias_target () : NULL;
      if (callee && callee != node && callee->definition)
	n = static_params_of (callee, vars, n, depth + 1);
    }
  return n;
}

static unsigned
static_params (tree fndecl, tree vars[MR_STATIC_PARAMS])
{
  cgraph_node *node = fndecl ? cgraph_node::get (fndecl) : NULL;
  return static_params_of (node, vars, 0, 0);
}

tree
static_param (tree fndecl, unsigned j)
{
  tree vars[MR_STATIC_PARAMS];
  return j < static_params (fndecl, vars) ? vars[j] : NULL_TREE;
}

/* Is stmt `var = CONSTANT`?  Its value in *value.  */
static bool
stored_constant (gimple *stmt, tree var, int64_t *value)
{
  gassign *a = stmt ? dyn_cast<gassign *> (stmt) : NULL;
  if (!a || !gimple_assign_single_p (a) || gimple_assign_lhs (a) != var)
    return false;
  tree rhs = gimple_assign_rhs1 (a);
  if (TREE_CODE (rhs) != INTEGER_CST || !tree_fits_shwi_p (rhs))
    return false;
  *value = tree_to_shwi (rhs);
  return true;
}

/* Does the function call itself directly?  Then its calls may write what only it
   writes.  */
static bool
calls_itself (symtab_node *self)
{
  cgraph_node *node = self ? dyn_cast<cgraph_node *> (self) : NULL;
  if (!node)
    return false;
  for (cgraph_edge *e = node->callees; e; e = e->next_callee)
    if (e->callee && e->callee->ultimate_alias_target () == node)
      return true;
  return false;
}

/* Is var a public integer (defined here or elsewhere) that the unit only reads:
   no statement of it stores there or takes its address?  Such a variable is
   the program's configuration, set elsewhere (at start-up, from options): it is
   taken to keep its value across the calls of a function that tests it twice,
   `if (verbose) p = malloc (n); report (); if (verbose) free (p);`.  A callee
   of another unit could change it; analysers that assume so make the two tests
   independent and report a leak on the path that changes it, which real
   programs rarely take.  A variable the unit writes anywhere is left to the
   calls (`done = 0; work (); if (done) ...`).  */
static bool
read_only_in_unit (tree var)
{
  if (!VAR_P (var) || !TREE_PUBLIC (var) || TREE_THIS_VOLATILE (var)
      || !INTEGRAL_TYPE_P (TREE_TYPE (var)) || DECL_THREAD_LOCAL_P (var))
    return false;
  varpool_node *node = varpool_node::get (var);
  if (!node || node->alias)
    return false;
  ipa_ref *ref;
  bool read = false;
  for (unsigned i = 0; node->iterate_referring (i, ref); i++)
    {
      if (ref->use != IPA_REF_LOAD)
	return false;
      read = true;
    }
  return read;
}

/* Is var a pointer static whose value the unit never uses: every load of it a
   statement of a function in SSA form whose result has no use (`char *data =
   saved;` and nothing more, or a load the optimisers already removed)?  A block
   stored there is lost for good: nothing can read it back to free it.  A load
   in a function not yet in SSA form (one the pass has not reached) counts as a
   use: its uses are not linked yet.  */
static bool
value_never_used (tree var)
{
  if (!POINTER_TYPE_P (TREE_TYPE (var)) || !private_static (var))
    return false;
  varpool_node *node = varpool_node::get (var);
  ipa_ref *ref;
  for (unsigned i = 0; node->iterate_referring (i, ref); i++)
    {
      if (ref->use != IPA_REF_LOAD)
	continue;
      gassign *a = ref->stmt ? dyn_cast<gassign *> (ref->stmt) : NULL;
      if (!a || !is_a<cgraph_node *> (ref->referring) || !gimple_assign_single_p (a)
	  || gimple_assign_rhs1 (a) != var)
	return false;
      /* The gimplifier makes SSA names of its temporaries at -O1 and above, but
	 their uses are linked only when the function goes into SSA form.  */
      function *fn = DECL_STRUCT_FUNCTION (ref->referring->decl);
      if (!fn || !gimple_in_ssa_p (fn))
	return false;
      tree lhs = gimple_assign_lhs (a);
      if (TREE_CODE (lhs) != SSA_NAME || !has_zero_uses (lhs))
	return false;
    }
  return true;
}

void
classify_static (tree var, tree fndecl, mr_decl *d)
{
  tree vars[MR_STATIC_PARAMS];
  unsigned n = static_params (fndecl, vars);
  for (unsigned j = 0; j < n; j++)
    if (vars[j] == var)
      d->param = (uint8_t) (1 + j);
  d->unread = value_never_used (var);
  /* A const integer, defined here or elsewhere, holds one value for the whole run:
     writing it is undefined, so no call changes it (`if (CONFIG_ON) p = malloc
     (n); log (); if (CONFIG_ON) free (p);` tests the same value twice).  The C++
     front end clears TREE_READONLY of a const it must initialise at run time.  */
  if (VAR_P (var) && TREE_READONLY (var) && !TREE_THIS_VOLATILE (var)
      && INTEGRAL_TYPE_P (TREE_TYPE (var)) && (TREE_STATIC (var) || DECL_EXTERNAL (var)))
    {
      d->keep = MR_KEEP_ALWAYS;
      return;
    }
  if (read_only_in_unit (var))
    {
      d->keep = MR_KEEP_ALWAYS;
      return;
    }
  if (!VAR_P (var) || !TREE_STATIC (var) || DECL_EXTERNAL (var) || TREE_PUBLIC (var)
      || TREE_THIS_VOLATILE (var) || !INTEGRAL_TYPE_P (TREE_TYPE (var)))
    return;
  varpool_node *node = varpool_node::get (var);
  if (!node || node->alias || node->externally_visible)
    return;
  symtab_node *self = fndecl ? symtab_node::get (fndecl) : NULL;
  bool others = false, one = true, seen = false;
  int64_t value = 0;
  ipa_ref *ref;
  for (unsigned i = 0; node->iterate_referring (i, ref); i++)
    {
      if (ref->use == IPA_REF_LOAD)
	continue;
      if (ref->use != IPA_REF_STORE)
	return;			/* its address is taken */
      if (!self || ref->referring != self)
	others = true;
      int64_t v;
      if (!stored_constant (ref->stmt, var, &v) || (seen && v != value))
	one = false;
      else
	value = v, seen = true;
    }
  tree init = DECL_INITIAL (var);
  if (!others && !calls_itself (self))
    d->keep = MR_KEEP_ALWAYS;
  else if (one && seen && (!init || (TREE_CODE (init) == INTEGER_CST && tree_fits_shwi_p (init))))
    {
      d->keep = MR_KEEP_ONE_CONST;
      d->keep_value = value;
      d->keep_init = init ? tree_to_shwi (init) : 0;
    }
}
