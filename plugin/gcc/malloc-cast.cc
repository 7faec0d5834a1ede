/* malloc-cast.cc — malloc-cast (MEM02-A, CWE-704, off by default, C only).

     int *p = (int *) malloc (n * sizeof *p);    the result of 'malloc' is cast to 'int *'

   In C the cast is useless (void * converts implicitly) and can hide a missing
   <stdlib.h>.  By GIMPLE the cast is gone, so this runs on each function's GENERIC
   body as the C front end hands it over (PLUGIN_PRE_GENERICIZE).  There, an explicit
   cast and the implicit conversion of `int *p = malloc (n)` are both NOP_EXPRs; what
   tells them apart is the location: the front end gives an explicit cast the location
   of its parenthesis, and an implicit conversion the location of the call itself.
   C++ needs the cast and is left alone.  */

#include "gcc-common.h"
#include "options.h"
#include "report.h"

/* The allocator an expression calls, if it is malloc and friends.  */
static const char *
allocator_called (tree call)
{
  if (TREE_CODE (call) != CALL_EXPR)
    return NULL;
  tree fn = get_callee_fndecl (call);
  if (!fn || !fndecl_built_in_p (fn, BUILT_IN_NORMAL))
    return NULL;
  switch (DECL_FUNCTION_CODE (fn))
    {
    case BUILT_IN_MALLOC: return "malloc";
    case BUILT_IN_CALLOC: return "calloc";
    case BUILT_IN_REALLOC: return "realloc";
    case BUILT_IN_ALIGNED_ALLOC: return "aligned_alloc";
    default: return NULL;
    }
}

static tree
find_malloc_cast (tree *tp, int *walk_subtrees, void *)
{
  tree t = *tp;
  if (TYPE_P (t))
    {
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  if (!CONVERT_EXPR_P (t) || !POINTER_TYPE_P (TREE_TYPE (t))
      || VOID_TYPE_P (TREE_TYPE (TREE_TYPE (t))))
    return NULL_TREE;
  tree call = TREE_OPERAND (t, 0);
  const char *alloc = allocator_called (call);
  if (alloc && EXPR_HAS_LOCATION (t) && EXPR_HAS_LOCATION (call)
      && EXPR_LOCATION (t) != EXPR_LOCATION (call)
      && !in_system_header_at (EXPR_LOCATION (t)))
    mr_report_malloc_cast (EXPR_LOCATION (t), alloc, TREE_TYPE (t));
  return NULL_TREE;
}

/* PLUGIN_PRE_GENERICIZE: gcc_data is the FUNCTION_DECL just parsed.  */
void
mr_malloc_cast_check (void *gcc_data, void *)
{
  tree fndecl = (tree) gcc_data;
  if (lang_GNU_CXX () || !mr_opts.config.enabled[MR_RULE_MALLOC_CAST]
      || !fndecl || TREE_CODE (fndecl) != FUNCTION_DECL || !DECL_SAVED_TREE (fndecl))
    return;
  walk_tree_without_duplicates (&DECL_SAVED_TREE (fndecl), find_malloc_cast, NULL);
}
