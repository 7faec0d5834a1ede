/* lower-smart.cc — C++ smart pointers: std::unique_ptr and std::shared_ptr,
   std::make_unique and std::make_shared, and the casts std::move and
   std::forward.

   The pass runs before inlining, so each member of a smart pointer is a call
   into a system header, which the pass does not analyse.  A smart pointer that
   is a local variable and that this file can follow is modelled as what it is:
   an object holding the pointer at offset 0 (an offset of the model, not of
   libstdc++'s layout: only these members read it).

     std::unique_ptr<S> u (p);    FREE p (handover: checked, not freed); STORE u = p
     S *g = u.get ();             LOAD g = *u
     std::unique_ptr<S> w (std::move (u));   LOAD t = *u; STORE u = 0; STORE w = t
     }                            LOAD d = *w; FREE d (the destructor's delete)

   Which smart pointers are followed:
   - a local std::unique_ptr<T> or <T[]> whose deleter is known (the default
     one, or a deleter class whose call operator frees: see below) and that
     is a pointer's size (an empty deleter): every member below; any other
     member (swap, a copy into something else) is an unknown call, after
     which what it holds is out of sight;
   - such a unique_ptr that is the caller's, reached through a parameter (a
     reference, or one passed by value, which the C++ ABI passes as the address
     of the caller's temporary and the caller destroys after the call): the
     same members, without a destructor here.  What the function leaves there
     its summary tells the caller: `void use (std::unique_ptr<S> u) { u->v =
     1; }` leaves the pointer in the caller's temporary, whose destructor then
     deletes it; `void keep (std::unique_ptr<S> u) { g = std::move (u); }`
     leaves NULL there;
   - such a unique_ptr that is the function's result, built in the caller's
     object (`return std::unique_ptr<S> (new S);`, `return std::make_unique<S>
     ();`, a named local the return value optimisation puts there, `return
     std::move (u);`): the same, as an out-store into the result the caller
     applies to its object (result_object_p);
   - a local std::shared_ptr<T> that is the only owner of what it holds: made
     from a raw pointer or by std::make_shared, never copied, used only through
     get, operator->, operator*, operator bool, use_count and its destructor
     (shared_owner_p); its destructor then deletes.  Two of them made from one
     raw pointer delete it twice;
   - any other smart pointer (a member, a copied shared_ptr, a shared_ptr
     returned) gets only the hand-over check of what its
     constructor is given, after which that is out of sight.  A move from a
     followed one into it (`this->m_ = std::move (u)`, `return std::move (u)`)
     leaves the followed one NULL and stores what it held there (or lets it
     escape): no leak, no delete at the end of u's scope, and a raw copy
     deleted afterwards is not judged.  A followed one moved into a local
     container of unique_ptrs that is followed (`v.push_back (std::move (u))`,
     see "Containers of unique_ptrs" below) is the container's, which deletes
     it at its end; given by std::move to any other call, it is given to an
     unknown call: what it holds is out of sight.

   The deleter: the default one deletes with `delete` (`delete[]` for T[]); a
   function given as the deleter (`std::unique_ptr<FILE, decltype (&fclose)> f (p,
   fclose)`, `unique_ptr<T, void (*) (T *)> (p, free)`) deletes with that
   function's family, checked at the hand-over (a malloc'd pointer given to
   fclose is a mismatch, one given to free is not); a function of the unit, a
   deleter class (`struct FreeDeleter { void operator() (void *p) const { free
   (p); } }`) or a lambda (`decltype ([] (char *p) { free (p); })`, one
   converted to a function pointer) deletes with what its summary says it
   frees with (the pass runs on callees first: the deleter's call operator is
   a callee of the smart pointer's destructor).  A deleter that frees nothing
   on some path is not judged.  */

#include "lower-int.h"

static bool in_namespace_std (tree fndecl);

/* Whether cls is std::unique_ptr (*unique) or std::shared_ptr or one of the
   bases libstdc++ defines shared_ptr's members in (__shared_ptr,
   __shared_ptr_access).  The class's identifier is checked first (cheap: this
   runs for calls of every C++ function).  */
static bool
smart_pointer_class_p (tree cls, bool *unique)
{
  if (!cls || !TYPE_P (cls))
    return false;
  cls = TYPE_MAIN_VARIANT (cls);	/* not a typedef of it (remove_reference<T>::type) */
  if (!TYPE_NAME (cls))
    return false;
  tree id = TYPE_NAME (cls);
  if (TREE_CODE (id) == TYPE_DECL)
    id = DECL_NAME (id);
  if (!id || TREE_CODE (id) != IDENTIFIER_NODE)
    return false;
  *unique = id_equal (id, "unique_ptr");
  if (!*unique && !id_equal (id, "shared_ptr") && !id_equal (id, "__shared_ptr")
      && !id_equal (id, "__shared_ptr_access"))
    return false;
  return mr_startswith (lang_hooks.decl_printable_name (TYPE_NAME (cls), 2), "std::");
}

/* The family std::unique_ptr<T> or std::shared_ptr<T> with the default deleter
   will free with: MR_FAM_NEW (`delete`), MR_FAM_NEW_ARRAY for T[], or MR_FAM_NONE
   for any other class or a deleter of the program's.  The template arguments are
   read from the printable name, which leaves out default ones:
   "std::unique_ptr<S>", "std::unique_ptr<S []>", "std::unique_ptr<S, D>".  */
static uint16_t
default_deleter_family (tree cls)
{
  bool unique;
  if (!smart_pointer_class_p (cls, &unique))
    return MR_FAM_NONE;
  cls = TYPE_MAIN_VARIANT (cls);
  const char *name = lang_hooks.decl_printable_name (TYPE_NAME (cls), 2);
  const char *prefix = unique ? "std::unique_ptr<" : "std::shared_ptr<";
  if (!mr_startswith (name, prefix))
    return MR_FAM_NONE;
  const char *args = name + strlen (prefix);
  /* One template argument (no comma at depth 0), or a second one that is the
     default deleter spelled out (how the class is printed when only
     make_unique named it).  */
  int depth = 0;
  const char *end = args, *comma = NULL;
  for (; *end && !(depth == 0 && *end == '>'); end++)
    {
      if (*end == '<' || *end == '(')
	depth++;
      else if (*end == '>' || *end == ')')
	depth--;
      else if (*end == ',' && depth == 0)
	{
	  if (comma)
	    return MR_FAM_NONE;
	  comma = end;
	}
    }
  if (!*end)
    return MR_FAM_NONE;
  if (comma)
    {
      const char *second = comma + 1;
      while (*second == ' ')
	second++;
      if (!mr_startswith (second, "std::default_delete<"))
	return MR_FAM_NONE;
      end = comma;
    }
  while (end > args && end[-1] == ' ')
    end--;
  bool array = end - args >= 2 && end[-1] == ']' && end[-2] == '[';
  return array ? MR_FAM_NEW_ARRAY : MR_FAM_NEW;
}

/* The constructor of a smart pointer from a raw pointer (T *), with or without
   a deleter, not the copy or move constructor, whose parameter is a reference
   passed as a pointer.  */
static bool
raw_pointer_constructor_p (gcall *s, tree fndecl)
{
  unsigned n = gimple_call_num_args (s);
  if (!DECL_CXX_CONSTRUCTOR_P (fndecl) || n < 2 || n > 3
      || !POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (s, 1))))
    return false;
  tree parms = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
  tree second = parms && TREE_CHAIN (parms) ? TREE_VALUE (TREE_CHAIN (parms)) : NULL_TREE;
  return second && TREE_CODE (second) == POINTER_TYPE;
}

/* Walks an operand for the address of var (data), anywhere in it.  */
static tree
find_address_of (tree *tp, int *walk_subtrees, void *data)
{
  if (TYPE_P (*tp))
    *walk_subtrees = 0;
  else if (TREE_CODE (*tp) == ADDR_EXPR && get_base_address (TREE_OPERAND (*tp, 0)) == data)
    return *tp;
  return NULL_TREE;
}

/* Whether cls is a lambda's closure type ("f()::<lambda(S*)>").  */
static bool
closure_p (tree cls)
{
  return cls && TREE_CODE (cls) == RECORD_TYPE && TYPE_NAME (cls)
	 && strstr (lang_hooks.decl_printable_name (TYPE_NAME (cls), 2), "<lambda(");
}

/* The closure type whose conversion to a function pointer made v (`void (*)
   (S *) d = [](S *p) { free (p); };` calls the closure's `operator void (*)
   (S *)`, which returns a function that runs the closure's call operator), or
   NULL_TREE.  */
static tree
converted_closure (tree v)
{
  if (TREE_CODE (v) != SSA_NAME || !POINTER_TYPE_P (TREE_TYPE (v))
      || TREE_CODE (TREE_TYPE (TREE_TYPE (v))) != FUNCTION_TYPE)
    return NULL_TREE;
  gcall *conv = dyn_cast<gcall *> (SSA_NAME_DEF_STMT (v));
  tree fn = conv ? gimple_call_fndecl (conv) : NULL_TREE;
  if (!fn || !DECL_NAME (fn) || !mr_startswith (lang_hooks.decl_printable_name (fn, 0), "operator "))
    return NULL_TREE;
  return closure_p (DECL_CONTEXT (fn)) ? DECL_CONTEXT (fn) : NULL_TREE;
}

/* The function a deleter argument names: `fclose` by value (shared_ptr's
   constructor takes the deleter by value), or a `const D &` to a temporary the
   statements before the call set to it (unique_ptr's).  NULL_TREE if unknown;
   then *closure is the lambda converted to the function pointer, if it was
   one (at -O0 the conversion is a call).  */
static tree
deleter_function (gcall *s, tree arg, tree *closure)
{
  *closure = NULL_TREE;
  if (TREE_CODE (arg) == ADDR_EXPR && TREE_CODE (TREE_OPERAND (arg, 0)) == FUNCTION_DECL)
    return TREE_OPERAND (arg, 0);
  if (TREE_CODE (arg) != ADDR_EXPR || !VAR_P (TREE_OPERAND (arg, 0))
      || !DECL_ARTIFICIAL (TREE_OPERAND (arg, 0)))
    return NULL_TREE;
  tree tmp = TREE_OPERAND (arg, 0);
  /* Back through the statements before, and the blocks before while there is
     one (the pointer given, a new-expression's, may be made in between).  */
  gimple_stmt_iterator gsi = gsi_for_stmt (s);
  gsi_prev (&gsi);
  for (int blocks = 0; blocks < 4; blocks++)
    {
      for (; !gsi_end_p (gsi); gsi_prev (&gsi))
	{
	  gimple *g = gsi_stmt (gsi);
	  if (is_gimple_debug (g) || gimple_clobber_p (g))
	    continue;
	  if (is_gimple_assign (g) && gimple_assign_single_p (g)
	      && gimple_assign_lhs (g) == tmp)
	    {
	      tree v = gimple_assign_rhs1 (g);
	      *closure = converted_closure (v);
	      return TREE_CODE (v) == ADDR_EXPR
		     && TREE_CODE (TREE_OPERAND (v, 0)) == FUNCTION_DECL
		     ? TREE_OPERAND (v, 0) : NULL_TREE;
	    }
	  /* Written otherwise: by a store, or by a call given its address.  */
	  if (gimple_vdef (g) && !is_gimple_call (g))
	    return NULL_TREE;
	  if (is_gimple_call (g))
	    for (unsigned i = 0; i < gimple_call_num_args (g); i++)
	      if (walk_tree (gimple_call_arg_ptr (g, i), find_address_of, tmp, NULL))
		return NULL_TREE;
	}
      basic_block bb = gsi_bb (gsi);
      if (!single_pred_p (bb) || single_pred (bb)->index < NUM_FIXED_BLOCKS)
	return NULL_TREE;
      gsi = gsi_last_bb (single_pred (bb));
    }
  return NULL_TREE;
}

/* The family a function of the translation unit frees its parameter i with,
   on every path (its summary: `void release (char *p) { free (p); }`, or a
   deleter class's `void operator() (void *p) const { free (p); }`, whose
   parameter 0 is `this`); MR_FAM_NONE if it does not, or is not analysed yet
   (the pass runs on callees first: a deleter's operator() is a callee of the
   smart pointer's destructor, analysed before the function that holds one).
   *where is the free, in it.  */
static uint16_t
summarized_free_family (tree fn, unsigned i, mr_loc *where)
{
  const mr_summary *sum = summary_of (fn);
  if (!sum || !sum->valid || sum->frees_always != (1u << i))
    return MR_FAM_NONE;
  if (where)
    *where = sum->free_loc;
  return sum->free_family;
}

/* The family a deallocating function frees with: the C library's (free), the
   knowledge base's, a resource's deallocator (fclose: a family of its own,
   so memory from malloc given to it is a mismatch), or a function of the unit
   that frees its argument; MR_FAM_NONE otherwise.  */
static uint16_t
deleter_family (tree fn)
{
  if (!fn || !DECL_NAME (fn))
    return MR_FAM_NONE;
  const char *name = callee_name (fn);
  if (!name)
    return MR_FAM_NONE;
  if (const mr_known *k = mr_known_lookup (name))
    return k->kind == MR_KNOWN_FREE ? k->family : MR_FAM_NONE;
  if (const mr_lib *lib = mr_lib_lookup (name))
    return lib->kind == MR_LIB_FREE ? (uint16_t) mr_family_by_name (lib->family)
				    : (uint16_t) MR_FAM_NONE;
  if (mr_resource_deallocator_name_p (name))
    return mr_family_by_name (name);
  return summarized_free_family (fn, 0, NULL);
}

/* The call operator of deleter class d, `void operator() (T *p)`: the one
   operator() taking a pointer (a generic lambda's is a template: none).  */
static tree
call_operator (tree d)
{
  if (!d || TREE_CODE (d) != RECORD_TYPE)
    return NULL_TREE;
  tree found = NULL_TREE;
  for (tree f = TYPE_FIELDS (d); f; f = DECL_CHAIN (f))
    {
      if (TREE_CODE (f) != FUNCTION_DECL || !DECL_NAME (f)
	  || strcmp (lang_hooks.decl_printable_name (f, 0), "operator()") != 0)
	continue;
      tree parms = TYPE_ARG_TYPES (TREE_TYPE (f));
      tree second = parms && TREE_CHAIN (parms) ? TREE_VALUE (TREE_CHAIN (parms)) : NULL_TREE;
      if (!second || !POINTER_TYPE_P (second) || TREE_CODE (second) == REFERENCE_TYPE)
	continue;
      if (found)
	return NULL_TREE;	/* overloaded: which one runs is not read here */
      found = f;
    }
  return found;
}

/* The family a deleter class (a lambda's closure, `struct FreeDeleter { void
   operator() (void *p) const { free (p); } }`) frees with: what its call
   operator's summary frees the pointer with.  */
static uint16_t
class_deleter_family (tree d, mr_loc *where)
{
  tree op = call_operator (d);
  return op ? summarized_free_family (op, 1, where) : (uint16_t) MR_FAM_NONE;
}

/* The deleter class of std::unique_ptr<T, D>: D, the type get_deleter ()
   returns a reference to (a member every version of the library has, however
   it stores D); NULL_TREE if it is not a class.  */
static tree
unique_deleter_class (tree cls)
{
  for (tree f = TYPE_FIELDS (TYPE_MAIN_VARIANT (cls)); f; f = DECL_CHAIN (f))
    if (TREE_CODE (f) == FUNCTION_DECL && DECL_NAME (f) && id_equal (DECL_NAME (f), "get_deleter"))
      {
	tree r = TREE_TYPE (TREE_TYPE (f));
	if (TREE_CODE (r) != REFERENCE_TYPE)
	  return NULL_TREE;
	r = TYPE_MAIN_VARIANT (TREE_TYPE (r));
	return TREE_CODE (r) == RECORD_TYPE ? r : NULL_TREE;
      }
  return NULL_TREE;
}

/* The family smart pointer class cls releases what it holds with: its
   default deleter's (default_deleter_family), or for a std::unique_ptr<T, D>
   with a deleter class D the family D's call operator frees with (*where: the
   free, in it); MR_FAM_NONE if neither is known.  */
static uint16_t
owner_family (tree cls, mr_loc *where)
{
  uint16_t family = default_deleter_family (cls);
  if (family != MR_FAM_NONE)
    return family;
  bool unique;
  if (!smart_pointer_class_p (cls, &unique) || !unique)
    return MR_FAM_NONE;
  return class_deleter_family (unique_deleter_class (cls), where);
}

/* The deleter class a smart pointer's constructor (p, d) is given: its third
   parameter's type, `const D &` (unique_ptr's) or D by value (shared_ptr's,
   a template); NULL_TREE if it is not a class.  */
static tree
given_deleter_class (tree fndecl)
{
  tree parms = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
  for (int i = 0; i < 2 && parms; i++)
    parms = TREE_CHAIN (parms);
  if (!parms)
    return NULL_TREE;
  tree d = TREE_VALUE (parms);
  if (TREE_CODE (d) == REFERENCE_TYPE)
    d = TREE_TYPE (d);
  d = TYPE_MAIN_VARIANT (d);
  return TREE_CODE (d) == RECORD_TYPE ? d : NULL_TREE;
}

/* The local variable a smart pointer member's `this` names: &v, or &v.<base> at
   offset 0 (shared_ptr's members are its bases'), or NULL_TREE.  */
static tree
local_object (lower_ctx *c, tree self)
{
  if (TREE_CODE (self) != ADDR_EXPR)
    return NULL_TREE;
  tree obj = TREE_OPERAND (self, 0);
  /* A base is an unnamed artificial field.  */
  while (TREE_CODE (obj) == COMPONENT_REF
	 && DECL_ARTIFICIAL (TREE_OPERAND (obj, 1)) && !DECL_NAME (TREE_OPERAND (obj, 1))
	 && integer_zerop (DECL_FIELD_OFFSET (TREE_OPERAND (obj, 1)))
	 && integer_zerop (DECL_FIELD_BIT_OFFSET (TREE_OPERAND (obj, 1))))
    obj = TREE_OPERAND (obj, 0);
  return VAR_P (obj) && auto_var_in_fn_p (obj, c->fun->decl) ? obj : NULL_TREE;
}

/* The caller's smart pointer object a function reaches through a parameter:
   the default definition of a parameter that is a reference or a pointer to
   it (`std::unique_ptr<T> &u`, or one passed by value, which the C++ ABI
   passes as the address of the caller's temporary, destroyed by the caller
   after the call).  The function does not destroy it; what it leaves there,
   its summary tells the caller.  */
static bool
caller_object_p (tree self)
{
  return TREE_CODE (self) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF (self) && SSA_NAME_VAR (self)
	 && POINTER_TYPE_P (TREE_TYPE (self)) && TREE_CODE (SSA_NAME_VAR (self)) == PARM_DECL;
}

/* The smart pointer the function returns, built in the caller's object through
   the hidden pointer to it (`<retval>`, `_5(D)`: `return std::unique_ptr<P>
   (new P);`, or the named object the return value optimisation puts there).
   It is the caller's object too, not destroyed here on a normal return; the
   lowering names it as the function's result (lower.cc, result_pointer), so
   what the function leaves in it is an out-store into its result that the
   caller applies to the object the call initialises (MR_OUT_RESULT).  */
static bool
result_object_p (tree self)
{
  return TREE_CODE (self) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF (self) && SSA_NAME_VAR (self)
	 && TREE_CODE (SSA_NAME_VAR (self)) == RESULT_DECL
	 && DECL_BY_REFERENCE (SSA_NAME_VAR (self));
}

/* Whether the object pointer p points to is a local variable or reached
   through a parameter (`&this->m_`): a store there is one the function's
   summary describes.  */
static bool
own_or_callers_memory_p (lower_ctx *c, tree p)
{
  if (TREE_CODE (p) == SSA_NAME)
    return caller_object_p (p) || result_object_p (p);
  if (TREE_CODE (p) != ADDR_EXPR)
    return false;
  tree base = get_base_address (TREE_OPERAND (p, 0));
  if (base && TREE_CODE (base) == MEM_REF)
    return caller_object_p (TREE_OPERAND (base, 0));
  return base && VAR_P (base) && auto_var_in_fn_p (base, c->fun->decl);
}

/* The smart pointer object a member's `this` (or a make_unique's result)
   names, as the pointer to it this file follows: &v of a local variable
   (*var), a caller's object (caller_object_p) or the function's result
   (result_object_p); NULL_TREE otherwise.  */
static tree
followed_pointer (lower_ctx *c, tree self, tree *var)
{
  *var = local_object (c, self);
  if (*var)
    return build_fold_addr_expr (*var);
  return caller_object_p (self) || result_object_p (self) ? self : NULL_TREE;
}

/* Whether a followed smart pointer is a slot of the function's own frame (a
   local variable, or the result, which the lowering names as a local decl):
   a NULL stored there is the integer 0 (let_go).  */
static bool
own_slot_p (tree obj, tree var)
{
  return var != NULL_TREE || result_object_p (obj);
}

/* The smart pointer class p points to.  */
static tree
pointed_class (tree p)
{
  return POINTER_TYPE_P (TREE_TYPE (p)) ? TYPE_MAIN_VARIANT (TREE_TYPE (TREE_TYPE (p)))
					: NULL_TREE;
}

/* What std::move (x) or std::forward (x) was given, through the SSA name
   holding its result; arg itself otherwise.  */
static tree
moved_from (tree arg)
{
  if (TREE_CODE (arg) != SSA_NAME)
    return arg;
  gcall *cast = dyn_cast<gcall *> (SSA_NAME_DEF_STMT (arg));
  tree fn = cast ? gimple_call_fndecl (cast) : NULL_TREE;
  if (!fn || !DECL_NAME (fn) || gimple_call_num_args (cast) != 1 || !in_namespace_std (fn)
      || !(id_equal (DECL_NAME (fn), "move") || id_equal (DECL_NAME (fn), "forward")))
    return arg;
  return gimple_call_arg (cast, 0);
}

/* Whether fndecl is `operator bool`, which reads whether a pointer is held.  */
static bool
operator_bool_p (tree fndecl)
{
  return strcmp (lang_hooks.decl_printable_name (fndecl, 0), "operator bool") == 0;
}

/* The members of a shared_ptr that keep it the only owner of what it holds.  */
static bool
owner_keeping_member_p (gcall *s, tree fndecl)
{
  tree name = DECL_NAME (fndecl);
  return DECL_CXX_DESTRUCTOR_P (fndecl)
	 || (raw_pointer_constructor_p (s, fndecl) && gimple_call_num_args (s) == 2)
	 || (name && (id_equal (name, "get") || id_equal (name, "operator->")
		      || id_equal (name, "operator*") || id_equal (name, "use_count")
		      || operator_bool_p (fndecl)));
}

/* Whether a function is declared in namespace std itself (a function's
   printable name is its whole signature: the namespace is read off the decl).  */
static bool
in_namespace_std (tree fndecl)
{
  tree ns = DECL_CONTEXT (fndecl);
  return ns && TREE_CODE (ns) == NAMESPACE_DECL && DECL_NAME (ns)
	 && id_equal (DECL_NAME (ns), "std");
}

/* Whether the local shared_ptr var is the only owner of what it holds, all
   along the function: made from a raw pointer or by std::make_shared (not
   returned by another function), and
   otherwise used only by owner_keeping_member_p members (no copy made of it, no
   reset, no other use of its address).  One walk over the function.  */
static bool
walk_shared_owner (lower_ctx *c, tree var)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, c->fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gimple *g = gsi_stmt (gsi);
	if (is_gimple_debug (g) || gimple_clobber_p (g))
	  continue;
	gcall *call = dyn_cast<gcall *> (g);
	tree fndecl = call ? gimple_call_fndecl (call) : NULL_TREE;
	/* Returned by a function into it: only std::make_shared's is new (another
	   function's may be shared with an owner out of sight).  */
	if (call && gimple_call_lhs (call) && get_base_address (gimple_call_lhs (call)) == var
	    && !(fndecl && DECL_NAME (fndecl) && id_equal (DECL_NAME (fndecl), "make_shared")
		 && in_namespace_std (fndecl)))
	  return false;
	unsigned first = 0;
	if (fndecl && gimple_call_num_args (call)
	    && local_object (c, gimple_call_arg (call, 0)) == var)
	  {
	    bool unique;
	    if (!DECL_CONTEXT (fndecl) || !smart_pointer_class_p (DECL_CONTEXT (fndecl), &unique)
		|| unique || !owner_keeping_member_p (call, fndecl))
	      return false;
	    first = 1;
	  }
	if (call)
	  {
	    for (unsigned i = first; i < gimple_call_num_args (call); i++)
	      if (walk_tree (gimple_call_arg_ptr (call, i), find_address_of, var, NULL))
		return false;
	    continue;
	  }
	for (unsigned i = 0; i < gimple_num_ops (g); i++)
	  if (gimple_op (g, i) && walk_tree (gimple_op_ptr (g, i), find_address_of, var, NULL))
	    return false;
      }
  return true;
}

/* The same, remembered for the function (asked at each member's call).  */
static bool
shared_owner_p (lower_ctx *c, tree var)
{
  for (const std::pair<tree, bool> &known : c->shared_owners)
    if (known.first == var)
      return known.second;
  bool sole = walk_shared_owner (c, var);
  c->shared_owners.push_back (std::make_pair (var, sole));
  return sole;
}

/* Whether a smart pointer whose class is cls is followed (see the header):
   a unique_ptr with the default deleter or a deleter class whose call
   operator frees (an empty one: the unique_ptr is a pointer's size), a local
   variable var or a caller's object (var NULL_TREE); or a local shared_ptr
   with the default deleter that is the only owner of what it holds.  */
static bool
modelled_p (lower_ctx *c, tree var, tree cls)
{
  bool unique;
  if (!smart_pointer_class_p (cls, &unique))
    return false;
  if (!unique)
    return var && default_deleter_family (cls) != MR_FAM_NONE && shared_owner_p (c, var);
  if (owner_family (cls, NULL) == MR_FAM_NONE)
    return false;
  tree size = TYPE_SIZE_UNIT (cls);
  return size && tree_fits_uhwi_p (size) && tree_to_uhwi (size) == sizeof (void *);
}

/* FREE p with MR_EVF_HANDOVER: the owner will free p with family's deallocator;
   what it is given is checked now.  */
static mr_opnd
hand_over (lower_ctx *c, unsigned bb, tree p, uint16_t family, mr_loc loc)
{
  mr_event *h = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
  h->a = lower_operand (c, bb, p, loc);
  h->family = family;
  h->flags = MR_EVF_HANDOVER;
  return h->a;
}

static void
store_held (lower_ctx *c, unsigned bb, mr_opnd self, mr_opnd held, mr_loc loc)
{
  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
  st->a = self;
  st->b = held;
  st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
}

/* The smart pointer holds NULL from now on, what it held handed to someone else
   (release's caller, a move's new owner): in a local, stored as the integer 0,
   which the slot then holds as a null pointer, since a pointer store into a
   local would be taken for the loss of what it held; in a caller's object, as
   a null pointer, which the function's summary tells the caller (its
   destructor then deletes nothing).  */
static void
let_go (lower_ctx *c, unsigned bb, mr_opnd self, bool local, mr_loc loc)
{
  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
  st->a = self;
  st->b = mr_const (0);
  st->flags = MR_EVF_WRITE | (local ? 0 : MR_EVF_POINTER);
}

static uint32_t
load_held (lower_ctx *c, unsigned bb, mr_opnd self, tree lhs, mr_loc loc)
{
  mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
  ld->dst = lhs && TREE_CODE (lhs) == SSA_NAME ? SSA_NAME_VERSION (lhs)
	    : new_synthetic (c, NULL_TREE);
  ld->a = self;
  ld->flags = MR_EVF_POINTER;
  return ld->dst;
}

/* The smart pointer's delete of what it holds (its destructor, reset, the
   assignment that replaces it), named after the class.  */
static void
delete_held (lower_ctx *c, unsigned bb, mr_opnd self, tree cls, uint16_t family,
	     mr_loc where, mr_loc loc)
{
  uint32_t held = load_held (c, bb, self, NULL_TREE, loc);
  mr_event *fr = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
  fr->a = mr_value (held);
  fr->family = family;
  fr->flags = MR_EVF_DTOR;
  fr->via = mr_func_strdup (c->f, lang_hooks.decl_printable_name (TYPE_NAME (cls), 2));
  fr->via_loc = where;		/* a deleter class's free, in its operator() */
}

/* std::make_unique<T> (...) and std::make_shared<T> (...) into a followed local
   smart pointer (the call's return slot): a new T (T[n] for make_unique<T[]>)
   it holds.  */
static bool
lower_make_smart_pointer (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  tree name = DECL_NAME (fndecl);
  if (!id_equal (name, "make_unique") && !id_equal (name, "make_shared"))
    return false;
  tree lhs = gimple_call_lhs (s);
  if (!lhs || !in_namespace_std (fndecl))
    return false;
  /* Into a local, or into the function's result (`*_2(D) = make_unique
     ...`, `return std::make_unique<T> ();`).  */
  tree var = lhs, obj;
  if (VAR_P (lhs) && auto_var_in_fn_p (lhs, c->fun->decl))
    obj = build_fold_addr_expr (lhs);
  else if (TREE_CODE (lhs) == MEM_REF && integer_zerop (TREE_OPERAND (lhs, 1))
	   && result_object_p (TREE_OPERAND (lhs, 0)))
    obj = TREE_OPERAND (lhs, 0), var = NULL_TREE;
  else
    return false;
  tree cls = TREE_TYPE (lhs);
  if (!modelled_p (c, var, cls))
    return false;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
  e->dst = new_synthetic (c, NULL_TREE);
  e->family = default_deleter_family (cls);
  e->a = mr_none ();
  e->flags = MR_EVF_NEVER_NULL;	/* throws std::bad_alloc */
  store_held (c, bb, lower_operand (c, bb, obj, loc), mr_value (e->dst), loc);
  return true;
}

/* std::move (x), std::forward<T> (x), std::as_const (x), std::addressof (x):
   the result is the argument.  */
bool
lower_std_cast (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  tree name = DECL_NAME (fndecl);
  tree lhs = gimple_call_lhs (s);
  if (!name || !DECL_IN_SYSTEM_HEADER (fndecl) || gimple_call_num_args (s) != 1
      || !lhs || TREE_CODE (lhs) != SSA_NAME || !is_pointerish (lhs)
      || !is_pointerish (gimple_call_arg (s, 0)))
    return false;
  if (!id_equal (name, "move") && !id_equal (name, "forward") && !id_equal (name, "as_const")
      && !id_equal (name, "addressof"))
    return false;
  if (!in_namespace_std (fndecl))
    return false;
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
  e->dst = SSA_NAME_VERSION (lhs);
  e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
  e->flags = MR_EVF_POINTER;
  return true;
}

/* Whether s is a move constructor or move assignment (`unique_ptr (unique_ptr
   &&u)`, `operator= (unique_ptr &&u)`) from a smart pointer releasing with
   family.  */
static bool
move_p (gcall *s, tree fndecl, uint16_t family)
{
  tree name = DECL_NAME (fndecl);
  if (gimple_call_num_args (s) != 2
      || !(DECL_CXX_CONSTRUCTOR_P (fndecl) || id_equal (name, "operator=")))
    return false;
  tree from = TREE_TYPE (gimple_call_arg (s, 1));
  if (!POINTER_TYPE_P (from) || owner_family (TREE_TYPE (from), NULL) != family)
    return false;
  tree parms = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
  tree second = parms && TREE_CHAIN (parms) ? TREE_VALUE (TREE_CHAIN (parms)) : NULL_TREE;
  return second && TREE_CODE (second) == REFERENCE_TYPE && TYPE_REF_IS_RVALUE (second);
}

/* A move out of a followed smart pointer into one that is not (`this->m_ =
   std::move (u)`, a global, the result, a shared_ptr): the new owner, out of
   sight, holds what u held (a store there if the summary can tell the caller,
   else an escape: no leak either way) and u holds NULL, so its destructor
   deletes nothing.  What the new owner holds is not deleted here: a raw copy
   deleted afterwards is not judged.  */
static bool
lower_move_out (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, uint16_t family,
		mr_loc loc)
{
  if (!move_p (s, fndecl, family))
    return false;
  tree from_var;
  tree from = followed_pointer (c, moved_from (gimple_call_arg (s, 1)), &from_var);
  if (!from || !modelled_p (c, from_var, pointed_class (from)))
    return false;
  mr_opnd other = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
  uint32_t taken = load_held (c, bb, other, NULL_TREE, loc);
  /* The destination's old value, deleted by an assignment, is not known.  */
  tree to = gimple_call_arg (s, 0);
  if (own_or_callers_memory_p (c, to))
    store_held (c, bb, lower_operand (c, bb, to, loc), mr_value (taken), loc);
  else
    {
      mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
      esc->a = mr_value (taken);
    }
  let_go (c, bb, other, own_slot_p (from, from_var), loc);
  return true;
}

/* Containers of unique_ptrs.  A local std::vector, std::deque or std::list of
   a followed std::unique_ptr<T> (value_type) that is used only by members
   known here owns what is moved into it, and its destruction deletes it:

     std::vector<std::unique_ptr<S>> v;   STORE *(&v + OWNED) = 0
     v.push_back (std::move (u));         LOAD o = *(&v + OWNED); ESCAPE o;
					  LOAD t = *u; STORE *(&v + OWNED) = t;
					  STORE *u = 0
     }                                    LOAD d = *(&v + OWNED); FREE d

   OWNED stands for the last unique_ptr put in; the one it held before is
   still owned, out of sight (no leak, and its delete is not followed).  The
   members known: the default constructor (or `v = {}`), push_back, emplace_back,
   push_front and emplace_front given std::move of a followed unique_ptr (of
   the same class), clear () and the destructor (which delete it), size,
   empty, capacity, max_size and reserve (which read).  Any other use of the
   container (an element taken out, an iterator, its address given away) and
   it is left to the unknown calls, where a unique_ptr moved in is out of
   sight.  OWNED is far past a real container's fields, as lower-containers.h's
   slots are.  */
static const int64_t OWNED = (int64_t) 1 << 28;

enum owner_op { OWN_NONE, OWN_MAKE, OWN_DESTROY, OWN_PUT, OWN_CLEAR, OWN_OBSERVE };

/* The followed unique_ptr class a std::vector, std::deque or std::list holds
   (cls the container's class), or NULL_TREE.  */
static tree
owned_class (lower_ctx *c, tree cls)
{
  cls = TYPE_MAIN_VARIANT (cls);
  tree tn = TYPE_NAME (cls);
  if (TREE_CODE (cls) != RECORD_TYPE || !tn || TREE_CODE (tn) != TYPE_DECL
      || !DECL_NAME (tn) || !DECL_IN_SYSTEM_HEADER (tn))
    return NULL_TREE;
  tree id = DECL_NAME (tn);
  if (!id_equal (id, "vector") && !id_equal (id, "deque") && !id_equal (id, "list"))
    return NULL_TREE;
  if (!mr_startswith (lang_hooks.decl_printable_name (tn, 2), "std::"))
    return NULL_TREE;
  for (tree f = TYPE_FIELDS (cls); f; f = DECL_CHAIN (f))
    if (TREE_CODE (f) == TYPE_DECL && DECL_NAME (f) && id_equal (DECL_NAME (f), "value_type"))
      {
	tree elem = TYPE_MAIN_VARIANT (TREE_TYPE (f));
	bool unique;
	return smart_pointer_class_p (elem, &unique) && unique
	       && modelled_p (c, NULL_TREE, elem) ? elem : NULL_TREE;
      }
  return NULL_TREE;
}

/* What member call s (fndecl) does to a container of elem (a followed
   unique_ptr class); for a put, *from is the unique_ptr moved in and *from_var
   its variable.  */
static owner_op
owner_call_op (lower_ctx *c, gcall *s, tree fndecl, tree elem, tree *from, tree *from_var)
{
  unsigned n = gimple_call_num_args (s);
  if (DECL_CXX_CONSTRUCTOR_P (fndecl))
    return n == 1 ? OWN_MAKE : OWN_NONE;
  if (DECL_CXX_DESTRUCTOR_P (fndecl))
    return OWN_DESTROY;
  tree name = DECL_NAME (fndecl);
  if (n == 2
      && (id_equal (name, "push_back") || id_equal (name, "emplace_back")
	  || id_equal (name, "push_front") || id_equal (name, "emplace_front")))
    {
      /* Taken by an rvalue reference (`push_back (T &&)`): std::move (u),
	 or &u itself where the front end folded std::move away (-O1 and
	 above); a unique_ptr cannot be copied in.  */
      tree parms = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
      tree parm = parms && TREE_CHAIN (parms) ? TREE_VALUE (TREE_CHAIN (parms)) : NULL_TREE;
      if (!parm || TREE_CODE (parm) != REFERENCE_TYPE || !TYPE_REF_IS_RVALUE (parm))
	return OWN_NONE;
      *from = followed_pointer (c, moved_from (gimple_call_arg (s, 1)), from_var);
      return *from && pointed_class (*from) == elem && modelled_p (c, *from_var, elem)
	     ? OWN_PUT : OWN_NONE;
    }
  if (n == 1 && id_equal (name, "clear"))
    return OWN_CLEAR;
  if (id_equal (name, "size") || id_equal (name, "empty") || id_equal (name, "capacity")
      || id_equal (name, "max_size") || id_equal (name, "reserve"))
    return OWN_OBSERVE;
  return OWN_NONE;
}

/* walk_tree: the address of the variable data, anywhere.  */
static tree
find_var_address (tree *tp, int *walk_subtrees, void *data)
{
  if (TYPE_P (*tp))
    *walk_subtrees = 0;
  else if (TREE_CODE (*tp) == ADDR_EXPR && TREE_OPERAND (*tp, 0) == (tree) data)
    return *tp;
  return NULL_TREE;
}

/* Whether every use of the container var (of elem) is a member known here,
   called on it (its address only ever their `this`).  */
static bool
scan_owner (lower_ctx *c, tree var, tree elem)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, c->fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gimple *g = gsi_stmt (gsi);
	if (is_gimple_debug (g) || gimple_clobber_p (g))
	  continue;
	/* `v = {}`: how GCC 16 makes it empty, not by a call of its default
	   constructor (lower.cc lowers it as a store that forgets what the
	   container held).  */
	if (gimple_assign_single_p (g) && gimple_assign_lhs (g) == var
	    && TREE_CODE (gimple_assign_rhs1 (g)) == CONSTRUCTOR
	    && CONSTRUCTOR_NELTS (gimple_assign_rhs1 (g)) == 0)
	  continue;
	gcall *s = dyn_cast<gcall *> (g);
	unsigned first = 0;
	if (s && gimple_call_num_args (s) && TREE_CODE (gimple_call_arg (s, 0)) == ADDR_EXPR
	    && TREE_OPERAND (gimple_call_arg (s, 0), 0) == var)
	  {
	    tree fndecl = gimple_call_fndecl (s), from, from_var;
	    if (!fndecl || !DECL_IN_SYSTEM_HEADER (fndecl) || !DECL_CONTEXT (fndecl)
		|| TYPE_MAIN_VARIANT (DECL_CONTEXT (fndecl)) != TYPE_MAIN_VARIANT (TREE_TYPE (var))
		|| owner_call_op (c, s, fndecl, elem, &from, &from_var) == OWN_NONE)
	      return false;
	    first = 1;
	  }
	if (s)
	  {
	    for (unsigned i = first; i < gimple_call_num_args (s); i++)
	      if (walk_tree (gimple_call_arg_ptr (s, i), find_var_address, var, NULL))
		return false;
	    if (gimple_call_lhs (s)
		&& walk_tree (gimple_call_lhs_ptr (s), find_var_address, var, NULL))
	      return false;
	    continue;
	  }
	for (unsigned i = 0; i < gimple_num_ops (g); i++)
	  if (gimple_op (g, i) && walk_tree (gimple_op_ptr (g, i), find_var_address, var, NULL))
	    return false;
	/* The variable itself, copied or assigned.  */
	if (is_gimple_assign (g)
	    && (gimple_assign_lhs (g) == var || gimple_assign_rhs1 (g) == var))
	  return false;
      }
  return true;
}

/* scan_owner's answers, by DECL_UID (never reused in a compilation).  */
struct owner_scan
{
  unsigned uid;
  bool known;
};
static std::vector<owner_scan> owner_scans;

static bool
known_owner_p (lower_ctx *c, tree var, tree elem)
{
  for (const owner_scan &o : owner_scans)
    if (o.uid == DECL_UID (var))
      return o.known;
  bool known = scan_owner (c, var, elem);
  owner_scans.push_back (owner_scan { DECL_UID (var), known });
  return known;
}

/* A member of a container of unique_ptrs (above); false when the call is not
   one, or the container is not followed.  */
static bool
lower_owner_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  if (!gimple_call_num_args (s) || TREE_CODE (gimple_call_arg (s, 0)) != ADDR_EXPR
      || !DECL_CONTEXT (fndecl) || !TYPE_P (DECL_CONTEXT (fndecl)))
    return false;
  tree var = TREE_OPERAND (gimple_call_arg (s, 0), 0);
  if (!VAR_P (var) || !auto_var_in_fn_p (var, c->fun->decl)
      || TYPE_MAIN_VARIANT (DECL_CONTEXT (fndecl)) != TYPE_MAIN_VARIANT (TREE_TYPE (var)))
    return false;
  tree elem = owned_class (c, TREE_TYPE (var));
  tree from = NULL_TREE, from_var = NULL_TREE;
  owner_op op = elem ? owner_call_op (c, s, fndecl, elem, &from, &from_var) : OWN_NONE;
  if (op == OWN_NONE || !known_owner_p (c, var, elem))
    return false;
  mr_opnd slot = lower_operand (c, bb, build_fold_addr_expr (var), loc);
  if (slot.kind != MR_OPND_ADDR)
    return false;
  slot.num = OWNED;
  mr_loc where = {};
  uint16_t family = owner_family (elem, &where);
  switch (op)
    {
    case OWN_MAKE:
      let_go (c, bb, slot, true, loc);
      return true;
    case OWN_PUT:
      {
	/* The one put in before stays the container's, out of sight.  */
	uint32_t before = load_held (c, bb, slot, NULL_TREE, loc);
	mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	esc->a = mr_value (before);
	mr_opnd other = lower_operand (c, bb, from, loc);
	uint32_t taken = load_held (c, bb, other, NULL_TREE, loc);
	store_held (c, bb, slot, mr_value (taken), loc);
	let_go (c, bb, other, own_slot_p (from, from_var), loc);
	return true;
      }
    case OWN_CLEAR:
    case OWN_DESTROY:
      delete_held (c, bb, slot, elem, family, where, loc);
      let_go (c, bb, slot, true, loc);
      return true;
    case OWN_OBSERVE:
      lower_reading_call (c, bb, fndecl, gimple_call_lhs (s), loc);
      return true;
    default:
      return false;
    }
}

/* A member of std::unique_ptr or std::shared_ptr (see the header), or
   std::make_unique / std::make_shared.  Constructor from a pointer: the pointer
   is checked (hand-over) and held; get (), operator-> and operator* read it;
   release () reads it and holds NULL, handing it back to the caller; the
   destructor reads it and deletes it; reset (q) deletes it and holds q (checked
   as the constructor checks it); the move constructor and move assignment take
   what the other holds and leave it NULL (the assignment deletes what it held
   first); operator bool and use_count read nothing that matters.  */
bool
lower_smart_pointer_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc)
{
  if (!DECL_NAME (fndecl) || !DECL_IN_SYSTEM_HEADER (fndecl))
    return false;
  if (lower_make_smart_pointer (c, bb, s, fndecl, loc))
    return true;
  if (lower_owner_call (c, bb, s, fndecl, loc))
    return true;
  bool unique;
  tree cls = DECL_CONTEXT (fndecl);
  if (!gimple_call_num_args (s) || !smart_pointer_class_p (cls, &unique))
    return false;
  tree self_tree = gimple_call_arg (s, 0);
  tree var;
  tree obj = followed_pointer (c, self_tree, &var);
  if (obj)
    cls = pointed_class (obj);
  mr_loc where = {};
  uint16_t family = owner_family (cls, &where);
  bool ctor = raw_pointer_constructor_p (s, fndecl);
  /* A deleter given to the constructor: judged if it is a known function or
     a class whose call operator frees.  A unique_ptr with a deleter class
     that is followed holds the pointer, as the constructor without one.  */
  if (ctor && gimple_call_num_args (s) == 3)
    {
      tree closure;
      tree fn = deleter_function (s, gimple_call_arg (s, 2), &closure);
      uint16_t fam = fn ? deleter_family (fn)
		     : class_deleter_family (closure ? closure : given_deleter_class (fndecl),
					     NULL);
      if (unique && fam != MR_FAM_NONE && fam == family && obj && modelled_p (c, var, cls))
	{
	  mr_opnd self = lower_operand (c, bb, obj, loc);
	  store_held (c, bb, self, hand_over (c, bb, gimple_call_arg (s, 1), family, loc), loc);
	  return true;
	}
      if (fam != MR_FAM_NONE)
	{
	  mr_opnd p = hand_over (c, bb, gimple_call_arg (s, 1), fam, loc);
	  mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	  esc->a = p;
	}
      return false;		/* and the call is an unknown call */
    }
  if (family == MR_FAM_NONE)
    return false;
  if (!obj || !modelled_p (c, var, cls))
    {
      if (lower_move_out (c, bb, s, fndecl, family, loc))
	return true;
      if (ctor)
	{
	  mr_opnd p = hand_over (c, bb, gimple_call_arg (s, 1), family, loc);
	  mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
	  esc->a = p;
	}
      return false;		/* and the call is an unknown call */
    }
  mr_opnd self = lower_operand (c, bb, obj, loc);
  tree lhs = gimple_call_lhs (s);
  if (ctor)
    {
      store_held (c, bb, self, hand_over (c, bb, gimple_call_arg (s, 1), family, loc), loc);
      return true;
    }
  tree name = DECL_NAME (fndecl);
  unsigned nargs = gimple_call_num_args (s);
  /* The default constructor, and the one from nullptr: nothing held.  */
  if (DECL_CXX_CONSTRUCTOR_P (fndecl)
      && (nargs == 1 || TREE_CODE (TREE_TYPE (gimple_call_arg (s, 1))) == NULLPTR_TYPE))
    {
      store_held (c, bb, self, mr_const (0), loc);
      return true;
    }
  /* unique_ptr<T[]>::operator[] (i): an element of what it holds.  */
  if (unique && id_equal (name, "operator[]") && lhs && TREE_CODE (lhs) == SSA_NAME)
    {
      uint32_t held = load_held (c, bb, self, NULL_TREE, loc);
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_COPY, loc);
      e->dst = SSA_NAME_VERSION (lhs);
      e->a = mr_value (held);
      e->off = MR_OFF_UNKNOWN;
      e->flags = MR_EVF_POINTER;
      return true;
    }
  if (id_equal (name, "get") || id_equal (name, "operator->") || id_equal (name, "operator*"))
    {
      load_held (c, bb, self, lhs, loc);
      return true;
    }
  /* operator bool: nonzero exactly when what it holds is not NULL (`if (!p)
     return;` after a malloc it was given).  */
  if (operator_bool_p (fndecl) && lhs && TREE_CODE (lhs) == SSA_NAME)
    {
      uint32_t held = load_held (c, bb, self, NULL_TREE, loc);
      mr_term cond = {};
      cond.kind = MR_TERM_COND;
      cond.op = MR_CMP_NE;
      cond.is_unsigned = true;
      cond.lhs = mr_value (held);
      cond.rhs = mr_const (0);
      mr_func_add_truth (c->f, SSA_NAME_VERSION (lhs), &cond);
      lower_reading_call (c, bb, fndecl, lhs, loc);
      return true;
    }
  if (operator_bool_p (fndecl) || id_equal (name, "use_count"))
    {
      lower_reading_call (c, bb, fndecl, lhs, loc);
      return true;
    }
  if (DECL_CXX_DESTRUCTOR_P (fndecl))
    {
      delete_held (c, bb, self, cls, family, where, loc);
      store_held (c, bb, self, mr_const (0), loc);
      return true;
    }
  if (!unique)
    return false;
  if (id_equal (name, "release") && nargs == 1)
    {
      load_held (c, bb, self, lhs, loc);
      let_go (c, bb, self, own_slot_p (obj, var), loc);
      return true;
    }
  /* reset (q): the held pointer is deleted, then q is held (checked as a
     hand-over, like the constructor's); reset () and `u = nullptr`
     (operator= (nullptr_t), which the standard defines as reset ()) hold
     NULL.  */
  bool null_assign = id_equal (name, "operator=") && nargs == 2
		     && TREE_CODE (TREE_TYPE (gimple_call_arg (s, 1))) == NULLPTR_TYPE;
  if (null_assign
      || (id_equal (name, "reset")
	  && (nargs == 1
	      || (nargs == 2 && POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (s, 1)))))))
    {
      delete_held (c, bb, self, cls, family, where, loc);
      mr_opnd held = nargs == 2 && !null_assign
		     ? hand_over (c, bb, gimple_call_arg (s, 1), family, loc) : mr_const (0);
      store_held (c, bb, self, held, loc);
      return true;
    }
  /* unique_ptr (unique_ptr &&u) and operator= (unique_ptr &&u), from a
     unique_ptr with the same deleter.  */
  if (move_p (s, fndecl, family))
    {
      /* Held by this one before the other lets go: never lost in between.  */
      if (!DECL_CXX_CONSTRUCTOR_P (fndecl))
	delete_held (c, bb, self, cls, family, where, loc);
      tree from_var;
      tree from = followed_pointer (c, moved_from (gimple_call_arg (s, 1)), &from_var);
      mr_opnd other = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
      uint32_t taken = load_held (c, bb, other, NULL_TREE, loc);
      store_held (c, bb, self, mr_value (taken), loc);
      let_go (c, bb, other, from && own_slot_p (from, from_var), loc);
      return true;
    }
  return false;
}
