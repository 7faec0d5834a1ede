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
   Anything else (a public variable, one whose address is taken, a volatile) may
   be changed by any call the engine cannot see into.  */

#include "lower-int.h"

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

void
classify_static (tree var, tree fndecl, mr_decl *d)
{
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
