/* lower-infer.cc — calls recognised by names, not by a table (docs/knowledge-base.md):
   calls through function pointers named like an allocator or a deallocator, and
   (infer=names) bodiless functions named like one.  The words and what they mean
   are the core's (core/words.def, core/infer.c); here are the types, the
   declarations and the struct members that confirm them.  */

#include "lower-int.h"

/* Allocator knowledge beyond the tables (docs/knowledge-base.md): calls through
   function pointers that name an allocator or a deallocator, and (infer=names)
   bodiless functions named like one.  Families found this way carry
   MR_FAM_UNCERTAIN: they feed double-free and use-after-free only.  */

/* The parameter types of a prototype (at most 4); their number, or -1 for an
   unprototyped or variadic function or one with more parameters.  */
static int
proto_params (tree fntype, tree out[4])
{
  if (!fntype || !FUNC_OR_METHOD_TYPE_P (fntype))
    return -1;
  int n = 0;
  for (tree a = TYPE_ARG_TYPES (fntype); a; a = TREE_CHAIN (a))
    {
      if (VOID_TYPE_P (TREE_VALUE (a)) && !TREE_CHAIN (a))
	return n;
      if (n == 4)
	return -1;
      out[n++] = TREE_VALUE (a);
    }
  return -1;
}

static bool
data_pointer_type_p (tree t)
{
  return POINTER_TYPE_P (t) && TREE_CODE (TREE_TYPE (t)) != FUNCTION_TYPE
	 && TREE_CODE (TREE_TYPE (t)) != METHOD_TYPE;
}

/* The argument a function pointer of this role works on (the freed, reallocated or
   copied pointer; the first size of an allocator), or -1 when its type does not fit
   the role.  A leading pointer before the others is an opaque context
   (zlib's zfree (opaque, p), zalloc (opaque, items, size)).  */
static int
pointer_role_arg (mr_ptr_role role, tree fntype)
{
  tree p[4];
  int n = proto_params (fntype, p);
  if (n < 1)
    return -1;
  tree ret = TREE_TYPE (fntype);
  switch (role)
    {
    case MR_PTR_FREE:
      if (!VOID_TYPE_P (ret) && !INTEGRAL_TYPE_P (ret))
	return -1;
      if (n == 1 && data_pointer_type_p (p[0]))
	return 0;
      if (n == 2 && data_pointer_type_p (p[0]) && data_pointer_type_p (p[1]))
	return 1;
      return -1;
    case MR_PTR_MALLOC:
    case MR_PTR_CALLOC:
      {
	if (!data_pointer_type_p (ret))
	  return -1;
	int first = data_pointer_type_p (p[0]) ? 1 : 0;
	if (n - first < 1 || n - first > 2)
	  return -1;
	for (int k = first; k < n; k++)
	  if (!INTEGRAL_TYPE_P (p[k]))
	    return -1;
	return first;
      }
    case MR_PTR_REALLOC:
      if (!data_pointer_type_p (ret))
	return -1;
      if (n == 2 && data_pointer_type_p (p[0]) && INTEGRAL_TYPE_P (p[1]))
	return 0;
      if (n == 3 && data_pointer_type_p (p[0]) && data_pointer_type_p (p[1])
	  && INTEGRAL_TYPE_P (p[2]))
	return 1;
      return -1;
    case MR_PTR_STRDUP:
      if (!data_pointer_type_p (ret))
	return -1;
      if (n == 1 && data_pointer_type_p (p[0]))
	return 0;
      if (n == 2 && data_pointer_type_p (p[0]) && data_pointer_type_p (p[1]))
	return 1;
      return -1;
    default:
      return -1;
    }
}

/* What SSA name t copies, through one copy or cast (`_3 = (void *) p_2;`,
   `_1 = xmlFree;`), or NULL_TREE when t is not defined by one.  */
static tree
copy_source (tree t)
{
  if (SSA_NAME_IS_DEFAULT_DEF (t))
    return NULL_TREE;
  gimple *def = SSA_NAME_DEF_STMT (t);
  if (!is_gimple_assign (def)
      || !(gimple_assign_single_p (def)
	   || CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (def))))
    return NULL_TREE;
  return gimple_assign_rhs1 (def);
}

/* What the function pointer fn of an indirect call was set from, through up to
   four copies and casts of SSA names (`_1 = xmlFree; _2 = _1; _2 (p)`): the
   right-hand side of the first definition that is not one (a global, a member
   read, a function's address), or NULL_TREE.  */
static tree
called_value (tree fn)
{
  for (int depth = 0; depth < 4 && fn && TREE_CODE (fn) == SSA_NAME; depth++)
    fn = copy_source (fn);
  return fn;
}

/* Where the callee of an indirect call was loaded from, through copies and casts:
   a global variable (`_1 = xmlFree; _1 (p);`) or a struct member
   (`_2 = ctx_3(D)->free; _2 (p);`, the FIELD_DECL).  */
static tree
callee_pointer_decl (tree fn)
{
  fn = called_value (fn);
  if (!fn)
    return NULL_TREE;
  if (VAR_P (fn) && (TREE_STATIC (fn) || DECL_EXTERNAL (fn)) && DECL_NAME (fn))
    return fn;
  if (TREE_CODE (fn) == COMPONENT_REF && DECL_NAME (TREE_OPERAND (fn, 1)))
    return TREE_OPERAND (fn, 1);
  return NULL_TREE;
}

static tree function_value (function *fun, tree v, int depth);

/* Does statement `store` run before `load` on every path to it, both in the
   function being lowered (cfun)?  In one block, by their order; else by
   dominance (computed here when GCC has none at hand, and dropped after).  */
static bool
store_precedes (gimple *store, gimple *load)
{
  basic_block sb = gimple_bb (store), lb = gimple_bb (load);
  if (!sb || !lb)
    return false;
  if (sb == lb)
    {
      for (gimple_stmt_iterator gsi = gsi_for_stmt (store); !gsi_end_p (gsi); gsi_next (&gsi))
	if (gsi_stmt (gsi) == load)
	  return true;
      return false;
    }
  bool had = dom_info_available_p (CDI_DOMINATORS);
  if (!had)
    calculate_dominance_info (CDI_DOMINATORS);
  bool before = dominated_by_p (CDI_DOMINATORS, lb, sb);
  if (!had)
    free_dominance_info (CDI_DOMINATORS);
  return before;
}

/* The function a static function-pointer variable holds where statement `load`
   of function fun reads it (`static void (*rel) (void *) = free;`), or
   NULL_TREE.  The references GCC recorded for every function of the unit
   before the pass say who writes it: nobody (it keeps its initializer), or one
   assignment of a function in fun that runs before the load on every path
   (`rel = free; rel (p);`) while the initializer is NULL or that function.  Its
   address must not be taken, and no other unit may see it.  */
static tree
static_function (function *fun, tree var, gimple *load, int depth)
{
  if (!VAR_P (var) || !TREE_STATIC (var) || DECL_EXTERNAL (var) || TREE_THIS_VOLATILE (var)
      || (TREE_PUBLIC (var) && !TREE_READONLY (var)) || DECL_THREAD_LOCAL_P (var)
      || !POINTER_TYPE_P (TREE_TYPE (var))
      || !FUNC_OR_METHOD_TYPE_P (TREE_TYPE (TREE_TYPE (var))))
    return NULL_TREE;
  varpool_node *node = varpool_node::get (var);
  if (!node || node->alias || (node->externally_visible && !TREE_READONLY (var)))
    return NULL_TREE;
  tree init = DECL_INITIAL (var);
  tree init_fn = init ? function_value (fun, init, depth) : NULL_TREE;
  if (init && !init_fn && !integer_zerop (init))
    return NULL_TREE;
  gimple *store = NULL;
  ipa_ref *ref;
  for (unsigned i = 0; node->iterate_referring (i, ref); i++)
    {
      if (ref->use == IPA_REF_LOAD)
	continue;
      if (ref->use != IPA_REF_STORE || store || !ref->stmt || !fun
	  || ref->referring->decl != fun->decl)
	return NULL_TREE;
      store = ref->stmt;
    }
  if (!store)
    return init_fn;
  gassign *st = dyn_cast<gassign *> (store);
  if (fun != cfun || !st || !gimple_assign_single_p (st) || gimple_assign_lhs (st) != var)
    return NULL_TREE;
  tree stored = function_value (fun, gimple_assign_rhs1 (st), depth);
  if (!stored || (init_fn && init_fn != stored))
    return NULL_TREE;
  return init_fn || store_precedes (store, load) ? stored : NULL_TREE;
}

/* The function every return of fndecl gives back (`relfn pick (void) { return
   free; }`), when it is a function of the unit in SSA form already (callees
   are lowered first), or NULL_TREE.  */
static tree
returned_function (tree fndecl, int depth)
{
  cgraph_node *node = fndecl ? cgraph_node::get (fndecl) : NULL;
  function *fun = fndecl ? DECL_STRUCT_FUNCTION (fndecl) : NULL;
  if (!node || !node->definition || DECL_EXTERNAL (fndecl) || DECL_WEAK (fndecl)
      || !fun || !fun->cfg || !fun->gimple_df || !fun->gimple_df->in_ssa_p
      || (mr_unit.unit_view && !mr_unit.unit_view (defined_decl (fndecl))))
    return NULL_TREE;
  tree found = NULL_TREE;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    {
      gimple *last = mr_last_stmt (bb);
      greturn *ret = last ? dyn_cast<greturn *> (last) : NULL;
      if (!ret)
	continue;
      tree f = gimple_return_retval (ret)
	       ? function_value (fun, gimple_return_retval (ret), depth + 1) : NULL_TREE;
      if (!f || (found && f != found))
	return NULL_TREE;
      found = f;
    }
  return found;
}

/* The one function value v of function fun holds (a function's address,
   through copies and casts of SSA names, a static function pointer set once,
   the result of a function that always returns the same function), or
   NULL_TREE.  depth bounds the calls followed.  */
static tree
function_value (function *fun, tree v, int depth)
{
  for (int i = 0; i < 8 && v && depth < 3; i++)
    {
      if (TREE_CODE (v) == NOP_EXPR || TREE_CODE (v) == CONVERT_EXPR)
	{
	  v = TREE_OPERAND (v, 0);
	  continue;
	}
      if (TREE_CODE (v) == ADDR_EXPR)
	return TREE_CODE (TREE_OPERAND (v, 0)) == FUNCTION_DECL ? TREE_OPERAND (v, 0)
								   : NULL_TREE;
      if (TREE_CODE (v) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (v))
	return NULL_TREE;
      gimple *def = SSA_NAME_DEF_STMT (v);
      if (gcall *call = dyn_cast<gcall *> (def))
	return returned_function (gimple_call_fndecl (call), depth);
      if (!is_gimple_assign (def)
	  || !(gimple_assign_single_p (def)
	       || CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (def))))
	return NULL_TREE;
      v = gimple_assign_rhs1 (def);
      if (VAR_P (v))
	return static_function (fun, v, def, depth + 1);
    }
  return NULL_TREE;
}

/* The function a call calls: its fndecl, or, for a call through a pointer that
   holds one function (function_value: `void (*rel) (void *) = free; rel (p);`,
   `fp = sink; fp (buf);`, a static pointer set once, `get_releaser () (p)`),
   that function, so that the call is lowered as a direct one (knowledge base,
   summaries); for a virtual call whose object's class the function knows, the
   override of that class (lower-virtual.cc).  A pointer that may hold several functions (a PHI) or was loaded
   from memory stays an indirect call.  */
tree
called_fndecl (gcall *s)
{
  if (tree decl = gimple_call_fndecl (s))
    return decl;
  tree fn = gimple_call_fn (s);
  if (fn && TREE_CODE (fn) == OBJ_TYPE_REF)
    return virtual_callee (fn);
  return fn ? function_value (cfun, fn, 0) : NULL_TREE;
}

/* The one function value v of the function being lowered holds, or NULL_TREE
   (function_value): a deallocator given as an argument, `destroy (p, free)`.  */
tree
function_of_value (tree v)
{
  return function_value (cfun, v, 0);
}

/* 1 + k when call s goes through the function's parameter k (`rel (p)` in
   `destroy (void *p, void (*rel) (void *))`), through copies and casts; else 0.  */
unsigned
callee_parameter (gcall *s)
{
  tree fn = gimple_call_fn (s);
  for (int depth = 0; depth < 4 && fn && TREE_CODE (fn) == SSA_NAME
       && !SSA_NAME_IS_DEFAULT_DEF (fn); depth++)
    fn = copy_source (fn);
  if (!fn || TREE_CODE (fn) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF (fn)
      || !SSA_NAME_VAR (fn) || TREE_CODE (SSA_NAME_VAR (fn)) != PARM_DECL)
    return 0;
  unsigned k = 1;
  for (tree parm = DECL_ARGUMENTS (current_function_decl); parm && k <= 32;
       parm = DECL_CHAIN (parm), k++)
    if (parm == SSA_NAME_VAR (fn))
      return k;
  return 0;
}

/* The SSA name a pointer copies, through copies and casts between SSA names.  */
static tree
copied_pointer (tree t)
{
  for (int depth = 0; depth < 4 && t && TREE_CODE (t) == SSA_NAME; depth++)
    {
      tree src = copy_source (t);
      if (!src || TREE_CODE (src) != SSA_NAME)
	return t;
      t = src;
    }
  return t;
}

/* Is the function pointer `fn` of an indirect call a method of the object `arg`
   points to: loaded from that object, directly or through an operations table it
   points to (`base->evsel->dealloc (base)`, `wme->mode->free (wme)`,
   `x->free (x)`)?  By C's object convention such a method releases what the object
   owns (libevent's backend data, tmux's mode data), and the object itself is
   released by its owner; so a name like `free` says nothing about the object.  */
static bool
method_of (tree fn, tree arg)
{
  arg = copied_pointer (arg);
  if (!arg || TREE_CODE (arg) != SSA_NAME)
    return false;
  /* fn, then each pointer it was loaded through, outwards.  */
  tree t = fn;
  for (int depth = 0; depth < 8 && t && TREE_CODE (t) == SSA_NAME; depth++)
    {
      t = copied_pointer (t);
      if (t == arg)
	return depth > 0;
      if (SSA_NAME_IS_DEFAULT_DEF (t))
	return false;
      gimple *def = SSA_NAME_DEF_STMT (t);
      if (!gimple_assign_load_p (def))
	return false;
      tree ref = gimple_assign_rhs1 (def);
      while (handled_component_p (ref))
	ref = TREE_OPERAND (ref, 0);
      if (TREE_CODE (ref) != MEM_REF)
	return false;
      t = TREE_OPERAND (ref, 0);
    }
  return t && copied_pointer (t) == arg;
}

/* The family a function pointer's memory belongs to, as a deallocator's name.
   A global: its own name with the word replaced by "free" (Curl_cmalloc ->
   Curl_cfree, malloc_fn -> free_fn).  A member: TAG.MEMBER, where MEMBER is the
   deallocator member of the same struct type (ctx->malloc pairs with ctx->free),
   or the member itself when the struct has none.  */
static std::string
pointer_family_name (tree decl, mr_ptr_role role, size_t word, size_t len)
{
  const char *name = IDENTIFIER_POINTER (DECL_NAME (decl));
  if (TREE_CODE (decl) != FIELD_DECL)
    {
      if (role == MR_PTR_FREE)
	return name;
      char *paired = mr_infer_paired_free_name (name, word, len);
      std::string s (paired);
      free (paired);
      return s;
    }
  tree rec = DECL_CONTEXT (decl);
  std::string tag;
  if (rec && TYPE_NAME (rec))
    {
      tree id = TYPE_NAME (rec);
      if (TREE_CODE (id) == TYPE_DECL)
	id = DECL_NAME (id);
      if (id && TREE_CODE (id) == IDENTIFIER_NODE)
	tag = std::string (IDENTIFIER_POINTER (id)) + ".";
    }
  if (role != MR_PTR_FREE && rec && RECORD_OR_UNION_TYPE_P (rec))
    for (tree f = TYPE_FIELDS (rec); f; f = DECL_CHAIN (f))
      {
	size_t w, l;
	if (TREE_CODE (f) == FIELD_DECL && DECL_NAME (f) && POINTER_TYPE_P (TREE_TYPE (f))
	    && mr_infer_pointer_name (IDENTIFIER_POINTER (DECL_NAME (f)), &w, &l) == MR_PTR_FREE
	    && pointer_role_arg (MR_PTR_FREE, TREE_TYPE (TREE_TYPE (f))) >= 0)
	  return tag + IDENTIFIER_POINTER (DECL_NAME (f));
      }
  return tag + name;
}

/* A call through a function pointer that names an allocator or a deallocator:
   a global variable listed in the knowledge base (libxml2's xmlFree, xmlMalloc) is
   that entry (its allocators with an uncertain family, see below); otherwise a
   global or a member whose name and type follow the rule of mr_infer_pointer_name
   (ctx->free (p), Curl_cfree (p) behind `#define free(p) Curl_cfree(p)`) is one
   with an uncertain family.  */
bool
lower_pointer_call (lower_ctx *c, unsigned bb, gcall *s, uint32_t dst, mr_loc loc)
{
  tree decl = callee_pointer_decl (gimple_call_fn (s));
  if (!decl || !POINTER_TYPE_P (TREE_TYPE (decl)))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (decl));
  unsigned nargs = gimple_call_num_args (s);
  const mr_lib *lib = TREE_CODE (decl) != FIELD_DECL ? mr_lib_lookup (name) : NULL;
  mr_ptr_role role;
  int ai;
  uint16_t family;
  /* The allocators of the knowledge base reached through a pointer (xmlMalloc,
     xmlRealloc, xmlMemStrdup) are also the library's own internal allocator, whose
     memory flows through structures the engine does not follow: their family is
     taken as uncertain (double-free and use-after-free only).  The deallocator
     (xmlFree) is the entry itself.  */
  if (lib && (lib->kind == MR_LIB_ALLOC || lib->kind == MR_LIB_REALLOC))
    {
      role = lib->kind == MR_LIB_ALLOC ? MR_PTR_MALLOC : MR_PTR_REALLOC;
      ai = role == MR_PTR_REALLOC ? (int) lib->arg : 0;
      family = mr_uncertain_family_by_name (lib->family);
    }
  else if (lib)
    return lower_library_call (c, bb, s, NULL_TREE, name, dst, loc);
  else
    {
      size_t word, len;
      role = mr_infer_pointer_name (name, &word, &len);
      if (role == MR_PTR_NONE)
	return false;
      ai = pointer_role_arg (role, TREE_TYPE (TREE_TYPE (decl)));
      family = ai < 0 ? (uint16_t) MR_FAM_NONE
	       : mr_uncertain_family_by_name (pointer_family_name (decl, role, word, len).c_str ());
    }
  if (ai < 0 || (unsigned) ai >= nargs || family == MR_FAM_NONE)
    return false;
  if (TREE_CODE (decl) == FIELD_DECL && (role == MR_PTR_FREE || role == MR_PTR_REALLOC)
      && method_of (gimple_call_fn (s), gimple_call_arg (s, ai)))
    return false;
  const char *spelled = mr_func_strdup (c->f, name);
  if (role == MR_PTR_FREE)
    {
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      e->a = lower_operand (c, bb, gimple_call_arg (s, ai), loc);
      e->family = family;
      return true;
    }
  if (role == MR_PTR_REALLOC)
    {
      /* Whether it frees at size 0 is the implementation's business: the size is
	 taken as nonzero.  */
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_REALLOC, loc);
      e->dst = dst;
      e->a = lower_operand (c, bb, gimple_call_arg (s, ai), loc);
      e->b = mr_const (1);
      e->family = family;
      e->flags = MR_EVF_MAY_FAIL;
      e->via = spelled;
      return true;
    }
  mr_call *call = new_lowered_call (c, bb, s, spelled, loc);
  call->use_mask = handed_pointers (s, NULL_TREE);
  mr_event *ce = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  ce->call = call;
  if (!dst)
    return true;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = dst;
  e->family = family;
  e->a = mr_none ();
  e->flags = MR_EVF_MAY_FAIL;
  return true;
}

/* The deallocator of a prefix: the first of foo_free, foo_destroy, foo_unref,
   foo_release, foo_close that the translation unit mentions, or "".  */
static std::string
prefix_deallocator (const std::string &prefix)
{
  unsigned nsfx;
  const mr_word *sfx = mr_words (MR_WL_DEALLOC_SUFFIX, &nsfx);
  for (unsigned i = 0; i < nsfx; i++)
    {
      std::string n = prefix + sfx[i].word;
      if (maybe_get_identifier (n.c_str ()))
	return n;
    }
  return "";
}

/* Prefixes of the reference-taking functions (foo_ref, foo_retain ...) the function
   being lowered calls: their foo_unref/foo_free are not inferred there.  */
static function *ref_scan_fun;
static std::vector<std::string> ref_prefixes;

static bool
takes_reference_here (lower_ctx *c, const std::string &prefix)
{
  if (ref_scan_fun != c->fun)
    {
      ref_scan_fun = c->fun;
      ref_prefixes.clear ();
      basic_block bb;
      FOR_EACH_BB_FN (bb, c->fun)
	for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
	  {
	    gcall *call = dyn_cast<gcall *> (gsi_stmt (gsi));
	    tree fd = call ? gimple_call_fndecl (call) : NULL_TREE;
	    size_t plen;
	    if (fd && DECL_NAME (fd)
		&& mr_infer_takes_reference (IDENTIFIER_POINTER (DECL_NAME (fd)), &plen))
	      ref_prefixes.push_back (std::string (IDENTIFIER_POINTER (DECL_NAME (fd)), plen));
	  }
    }
  for (const std::string &p : ref_prefixes)
    if (p == prefix)
      return true;
  return false;
}

/* A pointer as it came, not an address computed into something (&s->buf, p + 8):
   `foo_free (&s->dyn)` may release what dyn holds, not the memory dyn is in.  */
static bool
plain_pointer_arg (tree arg)
{
  for (int depth = 0; depth < 4; depth++)
    {
      if (TREE_CODE (arg) != SSA_NAME)
	return false;
      if (SSA_NAME_IS_DEFAULT_DEF (arg))
	return true;
      gimple *def = SSA_NAME_DEF_STMT (arg);
      if (!is_gimple_assign (def))
	return true;
      enum tree_code code = gimple_assign_rhs_code (def);
      tree rhs = gimple_assign_rhs1 (def);
      if (code == POINTER_PLUS_EXPR || TREE_CODE (rhs) == ADDR_EXPR)
	return false;
      if (!(CONVERT_EXPR_CODE_P (code) || (gimple_assign_single_p (def)
					     && TREE_CODE (rhs) == SSA_NAME)))
	return true;
      arg = rhs;
    }
  return true;
}

/* infer=names: a function declared without a body here, named like a deallocator
   (foo_free (struct foo *), one pointer parameter that is not a pointer to a
   pointer) or an allocator (foo_new returning a pointer).  foo's deallocator is the
   first of its _free, _destroy, _unref, _release, _close that exists (so foo_close is
   not one when foo_free exists), and none is inferred in a function that takes a
   reference (foo_ref).  */
bool
lower_named_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, const char *name,
		  uint32_t dst, mr_loc loc)
{
  size_t plen;
  mr_name_role role = mr_infer_function_name (name, &plen);
  /* A library's API belongs in the knowledge base: system headers declare
     pthread_mutex_destroy, which destroys without freeing.  */
  if (role == MR_ROLE_NONE || DECL_IN_SYSTEM_HEADER (fndecl))
    return false;
  tree fntype = TREE_TYPE (fndecl);
  tree p[4];
  int n = proto_params (fntype, p);
  tree ret = TREE_TYPE (fntype);
  std::string prefix (name, plen);
  unsigned nargs = gimple_call_num_args (s);
  if (role == MR_ROLE_DEALLOC)
    {
      if (n != 1 || nargs != 1 || !data_pointer_type_p (p[0])
	  || POINTER_TYPE_P (TREE_TYPE (p[0]))
	  || (!VOID_TYPE_P (ret) && !INTEGRAL_TYPE_P (ret))
	  || prefix_deallocator (prefix) != name || takes_reference_here (c, prefix)
	  || !plain_pointer_arg (gimple_call_arg (s, 0)))
	return false;
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
      e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
      e->family = mr_uncertain_family_by_name (name);
      return e->family != MR_FAM_NONE;
    }
  if (!dst || n < 0 || !data_pointer_type_p (ret))
    return false;
  std::string dealloc = prefix_deallocator (prefix);
  uint16_t family = mr_uncertain_family_by_name (dealloc.empty () ? name : dealloc.c_str ());
  if (family == MR_FAM_NONE)
    return false;
  mr_call *call = new_lowered_call (c, bb, s, name, loc);
  call->use_mask = handed_pointers (s, fndecl);
  mr_event *ce = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  ce->call = call;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = dst;
  e->family = family;
  e->a = mr_none ();
  e->flags = MR_EVF_MAY_FAIL;
  return true;
}
