/* lower-call.cc — call statements: what the core's knowledge says a call does
   (known.def, libs.def and families files, attributes, the summaries of functions
   analysed earlier), turned into events.  Calls recognised by names are
   lower-infer.cc's, C++'s operators and library lower-cxx.cc's.  */

#include "lower-int.h"
#include "summary-db.h"
#include "expand-out.h"	/* mr_expand_result_stores */

/* The name a call is known by: builtins by their library name, other functions by
   their assembler name (C linkage names match the library; C++ mangled names do not,
   so a C++ function that happens to be called `free` is not taken for free: an
   overload at file scope, a member of a namespace, or a method such as exiv2's
   `DataBuf::free ()`, which empties the buffer and leaves the object alive).  Only a
   C function with internal linkage goes by its own name.  */
const char *
callee_name (tree fndecl)
{
  if (!fndecl)
    return NULL;
  if (fndecl_built_in_p (fndecl, BUILT_IN_NORMAL))
    {
      const char *n = IDENTIFIER_POINTER (DECL_NAME (fndecl));
      if (strncmp (n, "__builtin_", 10) == 0)
	return n + 10;
      return n;
    }
  if (!TREE_PUBLIC (fndecl) && DECL_FILE_SCOPE_P (fndecl))
    return IDENTIFIER_POINTER (DECL_NAME (fndecl));
  const char *n = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl));
  if (n[0] == '*')
    n++;
  /* glibc's headers redirect some functions to the version of a newer standard by an
     asm label: scanf to __isoc99_scanf (C99 and later), strtol to __isoc23_strtol
     (C23: GCC 15's default dialect, glibc 2.38 and later).  Same function, same
     knowledge.  */
  if (strncmp (n, "__isoc99_", 9) == 0 || strncmp (n, "__isoc23_", 9) == 0)
    n += 9;
  return n;
}

/* The family a deallocator's declaration names (core/families.c keeps the registry
   of families by the name of their deallocator).  */
static uint16_t
family_of_deallocator (tree dealloc)
{
  if (fndecl_built_in_p (dealloc, BUILT_IN_FREE) || !DECL_NAME (dealloc))
    return MR_FAM_MALLOC;
  return mr_family_by_name (IDENTIFIER_POINTER (DECL_NAME (dealloc)));
}

/* Deallocators of things that are not memory to this plugin (fclose, closedir ...:
   words.def): glibc declares fopen, popen, opendir, newlocale ... with
   __attribute__ ((malloc (fclose))) and the like.  */
static bool
is_resource_deallocator (tree fndecl)
{
  return DECL_NAME (fndecl)
	 && mr_resource_deallocator_name_p (IDENTIFIER_POINTER (DECL_NAME (fndecl)));
}

/* __attribute__ ((returns_nonnull)).  */
static bool
returns_nonnull_p (tree fndecl)
{
  return lookup_attribute ("returns_nonnull", TYPE_ATTRIBUTES (TREE_TYPE (fndecl)))
	 || lookup_attribute ("returns_nonnull", DECL_ATTRIBUTES (fndecl));
}

/* A function a families file says never returns (`noreturn fatal`): a project's
   error handler defined in another file and not declared noreturn.  */
static bool
declared_noreturn (tree fndecl)
{
  const mr_lib *lib = mr_lib_lookup (callee_name (fndecl));
  return lib && lib->kind == MR_LIB_NORETURN;
}

/* Does a call of fndecl never return: seen so in its body (this unit's, or another
   file's through the summary database), or declared so?  */
static bool
never_returns (tree fndecl)
{
  return mr_never_returns (fndecl) || declared_noreturn (fndecl) || mr_db_never_returns (fndecl);
}

/* The deallocator an allocator names with __attribute__ ((malloc (dealloc, n))).  */
static tree
attribute_deallocator (tree fndecl)
{
  for (tree a = lookup_attribute ("malloc", DECL_ATTRIBUTES (fndecl)); a;
       a = lookup_attribute ("malloc", TREE_CHAIN (a)))
    {
      tree args = TREE_VALUE (a);
      if (!args)
	continue;
      tree d = TREE_VALUE (args);
      if (d && TREE_CODE (d) == ADDR_EXPR)
	d = TREE_OPERAND (d, 0);
      if (d && TREE_CODE (d) == FUNCTION_DECL)
	return is_resource_deallocator (d) ? NULL_TREE : d;
    }
  return NULL_TREE;
}

/* p = realloc (p, n): the result replaces the pointer realloc was given (its
   argument argno), either the same variable or the same memory location (s->buf =
   realloc (s->buf, n)), before anything tests it.  */
static bool
realloc_overwrites_arg (gcall *s, unsigned argno)
{
  if (argno >= gimple_call_num_args (s))
    return false;
  tree lhs = gimple_call_lhs (s), arg = gimple_call_arg (s, argno);
  if (!lhs || TREE_CODE (lhs) != SSA_NAME || TREE_CODE (arg) != SSA_NAME)
    return false;
  if (SSA_NAME_VAR (lhs) && SSA_NAME_VAR (lhs) == SSA_NAME_VAR (arg))
    return true;
  gimple *def = SSA_NAME_DEF_STMT (arg);
  if (!is_gimple_assign (def) || !gimple_assign_single_p (def)
      || !is_memory_ref (gimple_assign_rhs1 (def)))
    return false;
  tree from = gimple_assign_rhs1 (def);
  imm_use_iterator it;
  use_operand_p use;
  FOR_EACH_IMM_USE_FAST (use, it, lhs)
    {
      gimple *u = USE_STMT (use);
      /* Stored right away, not after a check of the result.  */
      if (is_gimple_assign (u) && gimple_assign_single_p (u)
	  && gimple_bb (u) == gimple_bb (s) && gimple_assign_rhs1 (u) == lhs
	  && operand_equal_p (gimple_assign_lhs (u), from, 0))
	return true;
    }
  return false;
}

/* The field of a struct of this type at byte offset off that holds a pointer, or
   NULL_TREE.  */
static tree
pointer_field_at (tree type, int64_t off)
{
  if (!RECORD_OR_UNION_TYPE_P (type))
    return NULL_TREE;
  for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
    if (TREE_CODE (f) == FIELD_DECL && POINTER_TYPE_P (TREE_TYPE (f))
	&& tree_fits_shwi_p (byte_position (f)) && tree_to_shwi (byte_position (f)) == off)
      return f;
  return NULL_TREE;
}

/* An argument passed by value that is an aggregate (a struct): the caller's
   object, as the callee sees it through its parameter (lower_byval_params).  */
static bool
aggregate_arg_p (tree arg)
{
  return !is_gimple_reg_type (TREE_TYPE (arg)) && RECORD_OR_UNION_TYPE_P (TREE_TYPE (arg))
	 && is_memory_ref (arg);
}

/* The glue's side of a call site the core expands into events (core/expand.c):
   the call's trees, whose arguments are lowered when the core asks.  */
struct call_trees
{
  lower_ctx *c;
  unsigned bb;
  gcall *s;
  mr_loc loc;
  bool byval;			/* a function of the unit: structs passed by value
				   are given as their address (site_arg) */
};

/* The value loaded from *(argument i + off) is named like the field there, `c.p_`
   or `x->buf`, when there is one.  */
static uint32_t
site_field_value (void *glue, unsigned i, int64_t off)
{
  call_trees *site = (call_trees *) glue;
  /* The struct the call returns by value: `b.ptr` of `b = boxed_alloc (n)`.  */
  if (i == MR_OUT_RESULT)
    {
      tree lhs = gimple_call_lhs (site->s);
      tree field = lhs ? pointer_field_at (TREE_TYPE (lhs), off) : NULL_TREE;
      return new_synthetic (site->c, field ? build3 (COMPONENT_REF, TREE_TYPE (field), lhs,
						     field, NULL_TREE)
					   : NULL_TREE);
    }
  if (i >= MR_PARAM_STATIC && i < MR_PARAM_STATIC + MR_STATIC_PARAMS)
    return new_synthetic (site->c, static_param (called_fndecl (site->s),
						 i - MR_PARAM_STATIC));
  tree arg = gimple_call_arg (site->s, i);
  /* A struct passed by value: `b.ptr`.  */
  bool whole = site->byval && aggregate_arg_p (arg);
  tree field = whole ? pointer_field_at (TREE_TYPE (arg), off)
	       : POINTER_TYPE_P (TREE_TYPE (arg))
	       ? pointer_field_at (TREE_TYPE (TREE_TYPE (arg)), off) : NULL_TREE;
  tree ref = field ? build3 (COMPONENT_REF, TREE_TYPE (field),
			     whole ? arg : build_simple_mem_ref (arg), field, NULL_TREE)
		   : NULL_TREE;
  /* `make (&s)`: the pointer at *(&s) is `s`.  */
  if (!ref && off == 0 && TREE_CODE (arg) == ADDR_EXPR && DECL_P (TREE_OPERAND (arg, 0)))
    ref = TREE_OPERAND (arg, 0);
  return new_synthetic (site->c, ref);
}

/* The argument i of a call site the core expands: a struct passed by value is
   given as its address, the object the callee's parameter copies (`boxed_free
   (b)` frees b.ptr when its summary frees parameter 0's field at offset 0).  */
static mr_opnd
site_arg (void *glue, unsigned i)
{
  call_trees *site = (call_trees *) glue;
  if (i >= MR_PARAM_STATIC && i < MR_PARAM_STATIC + MR_STATIC_PARAMS)
    {
      /* A static the callee reads (lower-global.cc): its address.  */
      tree var = static_param (called_fndecl (site->s), i - MR_PARAM_STATIC);
      return var ? lower_operand (site->c, site->bb, build_fold_addr_expr (var), site->loc)
		 : mr_none ();
    }
  tree arg = gimple_call_arg (site->s, i);
  tree adjusted = i == 0 ? virtual_this (site->s) : NULL_TREE;
  if (adjusted)
    return lower_operand (site->c, site->bb, adjusted, site->loc);	/* lower-virtual.cc */
  mr_opnd byval;
  if (site->byval && aggregate_arg_p (arg) && byval_param_base (site->c, arg, &byval))
    return byval;	/* passed on as it came */
  if (site->byval && aggregate_arg_p (arg))
    return lower_operand (site->c, site->bb, build_fold_addr_expr (arg), site->loc);
  return lower_operand (site->c, site->bb, arg, site->loc);
}

/* Does function fun leave its parameter parm as it came: no statement writes
   any part of it (a clobber is no write) and its address is not taken?  */
static bool
parameter_unwritten (function *fun, tree parm)
{
  if (TREE_ADDRESSABLE (parm))
    return false;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi); gsi_next (&gsi))
      {
	gimple *g = gsi_stmt (gsi);
	if (gimple_code (g) == GIMPLE_ASM)
	  return false;
	tree lhs = gimple_get_lhs (g);
	if (lhs && !gimple_clobber_p (g) && get_base_address (lhs) == parm)
	  return false;
      }
  return true;
}

/* The structs the function being lowered takes by value and never writes
   (lower_byval_params), and the value that stands for each.  */
static function *byval_fun;
static tree byval_parms[4];
static uint32_t byval_values[4];
static unsigned nbyval;

/* Structs passed by value (`void boxed_free (boxed b) { free (b.ptr); }`): a
   parameter the function never writes reads what the caller's object holds, so
   it is lowered as a pointer parameter to that object (a value of its own,
   byval_param_base): what the function frees, reads and returns of it is, in
   its summary, about the caller's fields, and a call gives the object's address
   (site_arg).  A parameter the function writes is its own copy, lowered as a
   local as before; unions too (which member holds a pointer is not known).  */
void
lower_byval_params (lower_ctx *c)
{
  byval_fun = c->fun;
  nbyval = 0;
  unsigned pi = 0;
  for (tree parm = DECL_ARGUMENTS (c->fun->decl); parm && pi < c->f->nparams && nbyval < 4;
       parm = DECL_CHAIN (parm), pi++)
    if (!c->f->params[pi] && TREE_CODE (TREE_TYPE (parm)) == RECORD_TYPE
	&& !TREE_ADDRESSABLE (TREE_TYPE (parm)) && parameter_unwritten (c->fun, parm))
      {
	c->f->params[pi] = new_synthetic (c, parm);
	byval_parms[nbyval] = parm;
	byval_values[nbyval++] = c->f->params[pi];
      }
}

/* The value a struct parameter passed by value stands for (lower_byval_params),
   as the base of the references into it.  */
bool
byval_param_base (lower_ctx *c, tree decl, mr_opnd *base)
{
  if (byval_fun != c->fun || TREE_CODE (decl) != PARM_DECL)
    return false;
  for (unsigned i = 0; i < nbyval; i++)
    if (byval_parms[i] == decl)
      {
	*base = mr_value (byval_values[i]);
	return true;
      }
  return false;
}

/* The core's view of the call s: its name, arguments and result.  */
static mr_call_site
call_site (call_trees *site, const char *name, uint32_t dst)
{
  mr_call_site cs = {};
  cs.f = site->c->f;
  cs.bb = site->bb;
  cs.loc = site->loc;
  cs.name = name;
  cs.nargs = gimple_call_num_args (site->s);
  cs.handed = handed_pointers (site->s, called_fndecl (site->s));
  cs.dst = dst;
  cs.discarded = !gimple_call_lhs (site->s);
  cs.arg = site_arg;
  cs.field_value = site_field_value;
  cs.glue = site;
  return cs;
}

static uint32_t borrowed_pointers (gcall *s);

/* A function of the knowledge base or a families file (families.h): g_malloc,
   sqlite3_free, xmlFreeDoc, apr_palloc ...  Its arguments are handed to it first
   (an unknown call's effects), then the allocation or release happens.  fndecl is
   its declaration (NULL through a pointer): `returns_nonnull` there says it never
   returns NULL, whatever the entry says.  */
bool
lower_library_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, const char *name,
		    uint32_t dst, mr_loc loc)
{
  const mr_lib *lib = mr_lib_lookup (name);
  if (!lib)
    return false;
  call_trees site = { c, bb, s, loc, false };
  mr_call_site cs = call_site (&site, name, dst);
  cs.returns_nonnull = fndecl && returns_nonnull_p (fndecl);
  cs.result_overwrites_realloc_arg = realloc_overwrites_arg (s, lib->arg);
  /* A dropped result is lost at once only when the callee can keep none of its
     pointer arguments (`const T *` ones only): `curl_slist_append (list, s)`
     returns the list it was given when that was not empty.  */
  if (cs.handed & ~borrowed_pointers (s))
    cs.discarded = false;
  bool arg_is_null = lib->arg < cs.nargs && integer_zerop (gimple_call_arg (s, lib->arg));
  return mr_expand_library_call (lib, &cs, arg_is_null);
}

/* A callee that calls the function its caller gives it on another of its
   arguments (mr_summary.calls_param: `destroy (p, free)`, `apply (p, release)`):
   when the function given is a deallocator there (the C library's, the
   knowledge base's, or a function of the unit whose summary frees that
   argument), the call frees the argument, as the callee's call does.  */
static void
lower_param_call (lower_ctx *c, unsigned bb, gcall *s, const mr_summary *sum, mr_loc loc)
{
  unsigned nargs = gimple_call_num_args (s);
  unsigned k = sum->calls_param - 1u, j = sum->calls_param_arg, pos = sum->calls_param_pos;
  if (!sum->calls_param || k >= nargs || j >= nargs)
    return;
  tree fn = function_of_value (gimple_call_arg (s, k));
  if (!fn)
    return;
  const char *name = callee_name (fn);
  const mr_known *known = mr_known_lookup (name);
  const mr_summary *given = known ? NULL : summary_of (fn);
  const mr_lib *lib = known || given ? NULL : mr_lib_lookup (name);
  uint16_t family = MR_FAM_NONE;
  if (known && known->kind == MR_KNOWN_FREE && pos == 0)
    family = known->family;
  else if (given && pos < 32 && (given->frees_always & (1u << pos)))
    family = given->free_family;
  else if (lib && lib->kind == MR_LIB_FREE && lib->arg == pos)
    family = mr_family_by_name (lib->family);
  if (family == MR_FAM_NONE)
    return;
  /* The callee hands the argument to the function given, which frees it: that
     is the free below, not a use of it besides (freed already, it is reported
     once, as a double free).  */
  mr_block *blk = &c->f->blocks[bb];
  for (uint32_t i = blk->nevents; i-- > 0;)
    if (blk->events[i].kind == MR_EV_CALL && blk->events[i].call)
      {
	if (j < 32)
	  blk->events[i].call->use_mask &= ~(1u << j);
	break;
      }
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
  e->a = lower_operand (c, bb, gimple_call_arg (s, j), loc);
  e->family = family;
}

static void store_call_result (lower_ctx *c, unsigned bb, gcall *s, mr_loc loc);

/* A call to a function analysed earlier in the translation unit: its summary says
   what the call does (core/expand.c turns it into events, named after the callee).  */
static bool
lower_summarized_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, uint32_t dst,
		       mr_loc loc)
{
  const mr_summary *sum = summary_of (fndecl);
  if (!sum)
    sum = mr_db_summary (fndecl);	/* defined in another file (summary-db.cc) */
  if (!sum)
    return false;
  /* Analysed again when the cycle is done: as a member if it calls one (it may be
     in the same cycle), else as a function above the cycle.  */
  if (bool *member = mr_unit.provisional ? mr_unit.provisional->get (fndecl) : NULL)
    {
      if (*member)
	c->out->recursive = true;
      else
	c->out->calls_provisional = true;
    }
  call_trees site = { c, bb, s, loc, true };
  /* "C::~C" rather than the complete destructor's internal name.  */
  mr_call_site cs = call_site (&site, lang_hooks.decl_printable_name (fndecl, 2), dst);
  cs.returns_nonnull = returns_nonnull_p (fndecl);
  cs.noreturn = never_returns (fndecl);
  cs.dtor = DECL_CXX_DESTRUCTOR_P (fndecl);
  /* `__attribute__ ((weak)) int hook (void) { return 0; }` is a default another
     file may replace.  */
  cs.weak = DECL_WEAK (defined_decl (fndecl)) && !DECL_COMDAT (defined_decl (fndecl));
  cs.result_overwrites_realloc_arg = sum->reallocs_param >= 0
				     && realloc_overwrites_arg (s, sum->reallocs_param);
  unsigned first = c->f->blocks[bb].nevents;
  mr_expand_summary (sum, &cs);
  if (c->cxx)
    lend_summarized_constructor (c, bb, first, s, fndecl, sum);	/* lower-class.cc */
  lower_param_call (c, bb, s, sum, loc);
  store_call_result (c, bb, s, loc);	/* `b = boxed_alloc (n)` */
  /* What the callee left in the struct it returns by value lands in b.  */
  tree lhs = gimple_call_lhs (s);
  mr_opnd base;
  int64_t off;
  if (sum->nout_stores && lhs && TREE_CODE (lhs) != SSA_NAME && is_memory_ref (lhs)
      && !is_gimple_reg_type (TREE_TYPE (lhs)) && decompose_ref (c, lhs, &base, &off))
    mr_expand_result_stores (sum, &cs, base, off);
  return true;
}

/* Functions the user declared as an allocator (__attribute__ ((malloc)), with or
   without a deallocator) or as a deallocator (named by such an attribute: GCC marks
   it, and fndecl_dealloc_argno says which argument it frees).  Their memory
   belongs to a family of its own, so mixing them with free is a mismatch.  */
static bool
lower_user_allocator (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, uint32_t dst,
		      mr_loc loc)
{
  unsigned nargs = gimple_call_num_args (s);
  unsigned argno = fndecl_dealloc_argno (fndecl);
  call_trees site = { c, bb, s, loc, false };
  mr_call_site cs = call_site (&site, NULL, dst);
  if (argno < nargs && lookup_attribute ("*dealloc", DECL_ATTRIBUTES (fndecl))
      && !is_resource_deallocator (fndecl))
    {
      mr_expand_user_free (&cs, argno, family_of_deallocator (fndecl));
      return true;
    }
  tree dealloc = attribute_deallocator (fndecl);
  if (!dealloc || (!dst && !cs.discarded))
    return false;
  cs.returns_nonnull = returns_nonnull_p (fndecl);
  mr_expand_user_alloc (&cs, family_of_deallocator (dealloc));
  return true;
}

/* What a declaration says about its pointer parameters, for a call to a function
   with no body and no summary: `nonnull` and `access` parameters are dereferenced
   (a freed or possibly-NULL pointer there is a use); `access (read_only |
   read_write, N)` ones are read first (uninitialised memory there is read),
   `nonnull` and `access (write_only, N)` ones may be written.  */
static void
apply_param_attributes (tree fndecl, mr_call *call)
{
  tree fntype = TREE_TYPE (fndecl);
  /* nonnull says the callee may dereference, not that it reads: it may be an
     output parameter, so it counts as a write (no uninitialised read claimed).
     C++'s implicit `this` is nonnull in every method: not a user's promise.  */
  unsigned first = TREE_CODE (fntype) == METHOD_TYPE ? 1 : 0;
  if (bitmap nonnull = get_nonnull_args (fntype))
    {
      for (unsigned i = first; i < call->nargs && i < 32; i++)
	if (bitmap_empty_p (nonnull) || bitmap_bit_p (nonnull, i))
	  {
	    call->deref_mask |= 1u << i;
	    call->write_mask |= 1u << i;
	  }
      BITMAP_FREE (nonnull);
    }
  if (!lookup_attribute ("access", TYPE_ATTRIBUTES (fntype)))
    return;
  rdwr_map access;
  init_attr_rdwr_indices (&access, TYPE_ATTRIBUTES (fntype));
  for (unsigned i = 0; i < call->nargs && i < 32; i++)
    {
      attr_access *a = access.get (i);
      if (!a || a->internal_p || a->ptrarg != i)
	continue;
      if (a->mode == access_read_only || a->mode == access_read_write)
	{
	  call->deref_mask |= 1u << i;
	  call->write_mask &= ~(1u << i);	/* read first */
	}
      else if (a->mode == access_write_only)
	{
	  call->deref_mask |= 1u << i;
	  call->write_mask |= 1u << i;
	}
    }
}

/* Does the name the user gave a freed pointer say it holds a secret (MEM03-A)?  The
   name is the variable's, or the field's for s->password; the words are the core's
   (mr_name_is_secret).  */
static bool
sensitive_name_p (tree arg)
{
  for (int depth = 0; depth < 4 && arg; depth++)
    {
      tree id = NULL_TREE;
      if (TREE_CODE (arg) == SSA_NAME)
	{
	  tree var = SSA_NAME_VAR (arg);
	  if (var && DECL_NAME (var) && !DECL_ARTIFICIAL (var))
	    id = DECL_NAME (var);
	  else
	    {
	      gimple *def = SSA_NAME_DEF_STMT (arg);
	      if (!is_gimple_assign (def))
		return false;
	      arg = gimple_assign_rhs1 (def);
	      continue;
	    }
	}
      else if (TREE_CODE (arg) == COMPONENT_REF)
	id = DECL_NAME (TREE_OPERAND (arg, 1));
      else if (DECL_P (arg))
	id = DECL_NAME (arg);
      else if (TREE_CODE (arg) == ADDR_EXPR)
	{
	  arg = TREE_OPERAND (arg, 0);
	  continue;
	}
      if (!id)
	return false;
      return mr_name_is_secret (IDENTIFIER_POINTER (id));
    }
  return false;
}

/* The string a format argument points to, if it is a literal.  */
static const char *
literal_string (tree arg)
{
  if (!arg || TREE_CODE (arg) != ADDR_EXPR)
    return NULL;
  tree s = TREE_OPERAND (arg, 0);
  if (TREE_CODE (s) == ARRAY_REF)
    s = TREE_OPERAND (s, 0);
  if (TREE_CODE (s) != STRING_CST)
    return NULL;
  return TREE_STRING_POINTER (s);
}

/* The arguments of a printf-like function (__attribute__ ((format (printf, F, V))):
   bit i set if argument i is one of its variadic arguments (V on), in *variadic,
   and the ones its format reads (`%s` of a literal format) in the result.  A
   `%p` argument is only printed as an address; with a format that is not a
   literal, what each argument is cannot be told.  */
static uint32_t
format_reads (gcall *s, tree fntype, uint32_t *variadic)
{
  *variadic = 0;
  tree a = fntype ? lookup_attribute ("format", TYPE_ATTRIBUTES (fntype)) : NULL_TREE;
  if (!a || !TREE_VALUE (a) || !TREE_CHAIN (TREE_VALUE (a))
      || !TREE_CHAIN (TREE_CHAIN (TREE_VALUE (a))))
    return 0;
  tree kind = TREE_VALUE (TREE_VALUE (a));
  tree fmt = TREE_VALUE (TREE_CHAIN (TREE_VALUE (a)));
  tree first = TREE_VALUE (TREE_CHAIN (TREE_CHAIN (TREE_VALUE (a))));
  if (!kind || TREE_CODE (kind) != IDENTIFIER_NODE
      || !strstr (IDENTIFIER_POINTER (kind), "printf")
      || !fmt || !tree_fits_uhwi_p (fmt) || !first || !tree_fits_uhwi_p (first))
    return 0;
  unsigned f = tree_to_uhwi (fmt), v = tree_to_uhwi (first);
  unsigned nargs = gimple_call_num_args (s);
  if (f < 1 || v < 1 || f > nargs)
    return 0;
  for (unsigned i = v - 1; i < nargs && i < 32; i++)
    *variadic |= 1u << i;
  const char *lit = literal_string (gimple_call_arg (s, f - 1));
  return lit ? mr_printf_deref_mask (lit, v - 1) & *variadic : 0;
}

/* A call of `name` whose arguments are the statement's, each lowered (an address
   into an object may add an event before the call's).  */
mr_call *
new_lowered_call (lower_ctx *c, unsigned bb, gcall *s, const char *name, mr_loc loc)
{
  unsigned nargs = gimple_call_num_args (s);
  mr_call *call = mr_func_new_call (c->f, name, nargs);
  for (unsigned i = 0; i < nargs; i++)
    call->args[i] = lower_operand (c, bb, gimple_call_arg (s, i), loc);
  return call;
}

/* A call that only reads what it is given and changes nothing its caller sees (a
   container's size (), a smart pointer's operator bool): an event with no
   arguments, whose result, if any, is a value of its own.  */
void
lower_reading_call (lower_ctx *c, unsigned bb, tree fndecl, tree lhs, mr_loc loc)
{
  mr_call *call = mr_func_new_call (c->f, callee_name (fndecl), 0);
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  e->call = call;
  e->dst = lhs && TREE_CODE (lhs) == SSA_NAME ? SSA_NAME_VERSION (lhs) : 0;
  e->flags = MR_EVF_NO_CLOBBER;
}

/* The arguments of call s, to a function the knowledge base does not describe,
   that are pointers handed to it to use as it likes (mr_call.use_mask): a freed
   one there is a use.  Not: what a destructor destroys (`delete p` runs ~T (p)
   before releasing p, so a second delete is double-free's); the arguments of a
   `const` function, which reads no memory and only looks at the address (a
   pointer hash); the variadic arguments of a printf-like function that its
   format does not read (`%p`); what GCC's object-size builtins evaluate at
   compile time (_FORTIFY_SOURCE's).  */
uint32_t
handed_pointers (gcall *s, tree fndecl)
{
  if (gimple_call_flags (s) & ECF_CONST)
    return 0;
  if (fndecl && (fndecl_built_in_p (fndecl, BUILT_IN_OBJECT_SIZE)
		 || fndecl_built_in_p (fndecl, BUILT_IN_PREFETCH)
		 || (DECL_NAME (fndecl)
		     && !strcmp (IDENTIFIER_POINTER (DECL_NAME (fndecl)),
				 "__builtin_dynamic_object_size"))))
    return 0;
  uint32_t variadic, reads = format_reads (s, gimple_call_fntype (s), &variadic);
  uint32_t mask = 0;
  unsigned nargs = gimple_call_num_args (s);
  for (unsigned i = 0; i < nargs && i < 32; i++)
    {
      tree arg = gimple_call_arg (s, i);
      if (!POINTER_TYPE_P (TREE_TYPE (arg)))
	continue;
      if ((variadic & (1u << i)) && !(reads & (1u << i)))
	continue;
      if (i == 0 && fndecl && DECL_CXX_DESTRUCTOR_P (fndecl))
	continue;
      mask |= 1u << i;
    }
  return mask;
}

/* Is call s handed a function (a callback, a destructor: a pointer to a function
   among its arguments)?  Such a callee may call back into the program with what it
   was given.  */
bool
hands_function (gcall *s)
{
  for (unsigned i = 0; i < gimple_call_num_args (s); i++)
    {
      tree type = TREE_TYPE (gimple_call_arg (s, i));
      if (POINTER_TYPE_P (type) && FUNC_OR_METHOD_TYPE_P (TREE_TYPE (type)))
	return true;
    }
  return false;
}

/* The arguments of call s, to a function without a body here, that go to a
   `const T *` (or `const T &`) parameter (mr_call.borrow_mask): the callee reads
   the object and keeps no copy of it, the convention GCC's analyzer follows too, so
   losing the last pointer after the call is a leak.  Not when the call is also
   handed a function (a destructor, a callback: `sqlite3_bind_text (st, i, z, n,
   free)` gives z to its owner), and not variadic arguments, which have no
   declared type.  */
static uint32_t
borrowed_pointers (gcall *s)
{
  tree fntype = gimple_call_fntype (s);
  if (!fntype || hands_function (s))
    return 0;
  unsigned nargs = gimple_call_num_args (s);
  uint32_t mask = 0;
  unsigned i = 0;
  for (tree a = TYPE_ARG_TYPES (fntype); a && i < nargs && i < 32; a = TREE_CHAIN (a), i++)
    {
      tree type = TREE_VALUE (a);
      if (type && POINTER_TYPE_P (type) && TYPE_READONLY (TREE_TYPE (type)))
	mask |= 1u << i;
    }
  return mask;
}

/* The arguments of call s that are the address of a local pointer variable of the
   function (`make (&p)`, `EVP_PKEY_todata (k, sel, &params)`): out-parameters
   (mr_call.out_mask), which the callee writes but does not keep.  */
static uint32_t
out_pointers (gcall *s)
{
  uint32_t mask = 0;
  unsigned nargs = gimple_call_num_args (s);
  for (unsigned i = 0; i < nargs && i < 32; i++)
    {
      tree arg = gimple_call_arg (s, i);
      if (TREE_CODE (arg) != ADDR_EXPR)
	continue;
      tree var = TREE_OPERAND (arg, 0);
      if (VAR_P (var) && !TREE_STATIC (var) && !DECL_EXTERNAL (var)
	  && POINTER_TYPE_P (TREE_TYPE (var)))
	mask |= 1u << i;
    }
  return mask;
}

/* Structs and unions passed by value to a call lowered as an unknown one
   (`queue_push (item)`, `sink (b)` after `b.p = d`): the callee gets a copy, so it
   cannot change the caller's object, but it may keep what the copy points to.
   The argument becomes the object's address, lent like a `const T *` one
   (borrow_mask: lend_obj escapes what its slots hold, the object stays in
   sight); before, the argument was no value at all and the pointers the struct
   held stayed the caller's, a leak at the closing brace.  Returns the lent
   arguments' mask.  */
static uint32_t
lend_aggregates_by_value (lower_ctx *c, unsigned bb, gcall *s, mr_call *call, mr_loc loc)
{
  uint32_t mask = 0;
  for (unsigned i = 0; i < call->nargs && i < 32; i++)
    {
      tree arg = gimple_call_arg (s, i);
      if (!aggregate_arg_p (arg))
	continue;
      call->args[i] = lower_operand (c, bb, build_fold_addr_expr (arg), loc);
      mask |= 1u << i;
    }
  return mask;
}

/* A function of the knowledge base that stores a new allocation through an
   argument: asprintf (&s, ...), getaddrinfo (..., &res), posix_memalign (&p, ...).
   The call runs first (it may write anything through its pointer arguments), then
   the location the argument points to holds fresh memory of the family.  Whether
   the call failed is told by its return value, which the engine does not tie to
   the memory: the allocation is marked escaped, so it is never reported leaked.
   Except where the memory is the caller's after every call (MR_KF_OUT_MOVES:
   getline's buffer, grown or made from NULL): the pointer held there before the
   call is moved into it, a realloc that does not fail.  */
static bool
lower_library_out_call (lower_ctx *c, unsigned bb, gcall *s, const char *name, mr_loc loc)
{
  const mr_lib *lib = mr_lib_lookup (name);
  unsigned nargs = gimple_call_num_args (s);
  if (!lib || lib->kind != MR_LIB_OUT || lib->arg >= nargs)
    return false;
  tree where = gimple_call_arg (s, lib->arg);
  mr_call *call = new_lowered_call (c, bb, s, name, loc);
  call->use_mask = handed_pointers (s, gimple_call_fndecl (s)) & ~(1u << lib->arg);
  call->out_mask = out_pointers (s);
  bool moves = (lib->flags & MR_KF_OUT_MOVES) && mr_copyable_arg (call->args[lib->arg]);
  call_trees site = { c, bb, s, loc, false };
  uint32_t old = moves ? site_field_value (&site, lib->arg, 0) : 0;
  if (moves)
    {
      mr_event *ld = mr_block_add_event (c->f, bb, MR_EV_LOAD, loc);
      ld->dst = old;
      ld->a = call->args[lib->arg];
      ld->flags = MR_EVF_POINTER | MR_EVF_SUMMARIZED;
    }
  mr_event *ce = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  ce->call = call;
  tree lhs = gimple_call_lhs (s);
  if (lhs && TREE_CODE (lhs) == SSA_NAME)
    ce->dst = SSA_NAME_VERSION (lhs);
  mr_opnd at = lower_operand (c, bb, where, loc);
  if (at.kind != MR_OPND_VALUE && at.kind != MR_OPND_ADDR)
    return true;
  uint32_t mem = moves ? site_field_value (&site, lib->arg, 0) : new_synthetic (c, where);
  mr_event *a = mr_block_add_event (c->f, bb, moves ? MR_EV_REALLOC : MR_EV_ALLOC, loc);
  a->dst = mem;
  a->family = mr_family_by_name (lib->family);
  a->a = moves ? mr_value (old) : mr_none ();
  a->b = mr_unknown ();
  a->via = moves ? mr_func_strdup (c->f, name) : NULL;
  if (!moves)
    {
      mr_event *esc = mr_block_add_event (c->f, bb, MR_EV_ESCAPE, loc);
      esc->a = mr_value (mem);
    }
  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
  st->a = at.kind == MR_OPND_ADDR ? mr_addr (at.id, 0) : at;
  st->off = at.kind == MR_OPND_ADDR ? at.num : 0;
  st->b = mr_value (mem);
  st->flags = MR_EVF_WRITE | MR_EVF_POINTER;
  /* getline wrote the line into it.  */
  if (moves)
    {
      mr_event *w = mr_block_add_event (c->f, bb, MR_EV_DEREF, loc);
      w->a = mr_value (mem);
      w->flags = MR_EVF_WRITE;
    }
  return true;
}


void
lower_call (lower_ctx *c, unsigned bb, gcall *s, mr_loc loc)
{
  if (gimple_call_internal_p (s))
    return;
  tree fndecl = called_fndecl (s);
  unsigned nargs = gimple_call_num_args (s);
  tree lhs = gimple_call_lhs (s);

  /* Aggregates passed by value are read.  */
  for (unsigned i = 0; i < nargs; i++)
    lower_deref (c, bb, gimple_call_arg (s, i), false, loc);

  if (fndecl && c->cxx && lower_temporary_buffer (c, bb, s, fndecl, loc))
    return;
  if (fndecl && lower_cxx_operator (c, bb, s, fndecl, loc))
    return;
  if (fndecl && c->cxx && lower_std_allocator_call (c, bb, s, fndecl, loc))
    return;

  const char *name = callee_name (fndecl);
  const mr_known *k = mr_known_lookup (name);
  uint32_t dst = 0;
  if (lhs && TREE_CODE (lhs) == SSA_NAME)
    dst = SSA_NAME_VERSION (lhs);

  if (k && (k->kind == MR_KNOWN_ALLOC || k->kind == MR_KNOWN_FREE
	    || k->kind == MR_KNOWN_REALLOC))
    {
      if (k->kind == MR_KNOWN_FREE)
	{
	  if (nargs < 1)
	    return;
	  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_FREE, loc);
	  e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
	  e->family = k->family;
	  if (sensitive_name_p (gimple_call_arg (s, 0)))
	    e->flags |= MR_EVF_SENSITIVE;
	  return;
	}
      /* strdup reads its argument.  */
      for (unsigned i = 0; i < nargs && i < 32; i++)
	if (k->deref_mask & (1u << i))
	  {
	    mr_event *d = mr_block_add_event (c->f, bb, MR_EV_DEREF, loc);
	    d->a = lower_operand (c, bb, gimple_call_arg (s, i), loc);
	  }
      if (k->kind == MR_KNOWN_REALLOC && nargs >= 2)
	{
	  mr_size *size = describe_alloc_size (c, bb, gimple_call_arg (s, 1), loc);
	  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_REALLOC, loc);
	  e->dst = dst;
	  e->a = lower_operand (c, bb, gimple_call_arg (s, 0), loc);
	  e->b = lower_operand (c, bb, gimple_call_arg (s, 1), loc);
	  e->family = MR_FAM_MALLOC;
	  e->flags = MR_EVF_MAY_FAIL | (realloc_overwrites_arg (s, 0) ? MR_EVF_SAME_VAR : 0)
		     | (size_is_input (gimple_call_arg (s, 1), 0) ? MR_EVF_SIZE_INPUT : 0)
		     | (size_is_input_sum (gimple_call_arg (s, 1)) ? MR_EVF_SIZE_ARITH : 0)
		     | (sensitive_name_p (gimple_call_arg (s, 0)) ? MR_EVF_SENSITIVE : 0);
	  e->size = size;
	  if (size)
	    size->allocator = "realloc";
	  return;
	}
      unsigned size_arg = mr_kf_size_arg (k->flags);
      mr_size *size = size_arg < nargs
		      ? describe_alloc_size (c, bb, gimple_call_arg (s, size_arg), loc) : NULL;
      mr_event *e = mr_block_add_event (c->f, bb, MR_EV_ALLOC, loc);
      e->dst = dst;
      e->family = k->family;
      e->a = size_arg < nargs ? lower_operand (c, bb, gimple_call_arg (s, size_arg), loc)
			      : mr_none ();
      e->flags = ((k->flags & MR_KF_MAY_FAIL) ? MR_EVF_MAY_FAIL : 0)
		 | ((k->flags & MR_KF_UNINIT) ? MR_EVF_UNINIT : 0);
      if (size_arg < nargs && size_is_input (gimple_call_arg (s, size_arg), 0))
	e->flags |= MR_EVF_SIZE_INPUT;
      e->size = size;
      if (size)
	size->allocator = k->name;
      return;
    }

  /* The knowledge base describes libraries as their users call them; the library's
     own translation units (a body here) are analysed as code.  A header's `extern
     inline` body (glibc's getline at -O1 and above) is the library's.  */
  bool has_body = fndecl && cgraph_node::get (fndecl)
		  && cgraph_node::get (fndecl)->definition && !DECL_EXTERNAL (fndecl)
		  && (!mr_unit.unit_view || mr_unit.unit_view (defined_decl (fndecl)));
  if (!k && !has_body && lower_library_out_call (c, bb, s, name, loc))
    return;
  if (!k && !has_body && lower_library_call (c, bb, s, fndecl, name, dst, loc))
    return;
  if (!k && fndecl && lower_user_allocator (c, bb, s, fndecl, dst, loc))
    return;
  if (!k && fndecl && mr_opts.infer >= MR_INFER_BODIES
      && lower_summarized_call (c, bb, s, fndecl, dst, loc))
    return;
  if (!fndecl && lower_pointer_call (c, bb, s, dst, loc))
    return;
  if (!k && fndecl && !has_body && mr_opts.infer >= MR_INFER_NAMES
      && lower_named_call (c, bb, s, fndecl, name, dst, loc))
    return;
  /* A function of this translation unit not analysed yet, though the pass runs on
     callees first: a recursive call.  Its caller is analysed again once the whole
     cycle has summaries (plugin.cc).  */
  if (!k && has_body && gimple_has_body_p (fndecl) && mr_function_analysed (fndecl))
    c->out->recursive = true;

  if (fndecl && c->cxx && lower_std_cast (c, bb, s, fndecl, loc))
    return;
  if (fndecl && c->cxx && lower_smart_pointer_call (c, bb, s, fndecl, loc))
    return;
  if (fndecl && c->cxx && lower_container_call (c, bb, s, fndecl, loc))
    return;

  mr_call *call = new_lowered_call (c, bb, s, name, loc);
  if (!fndecl)
    call->callee_param = (uint8_t) callee_parameter (s);
  int flags = gimple_call_flags (s);
  call->noreturn = (flags & ECF_NORETURN) != 0
		   || (fndecl && never_returns (fndecl));
  if (fndecl && !k)
    apply_param_attributes (fndecl, call);
  if (!k)
    call->use_mask = handed_pointers (s, fndecl);
  if (!k && fndecl && !has_body)
    call->borrow_mask = borrowed_pointers (s);
  call->borrow_mask |= lend_aggregates_by_value (c, bb, s, call, loc);
  call->out_mask = out_pointers (s);
  if (!k && fndecl && !has_body && c->cxx)
    lend_constructed_object (s, fndecl, call);
  /* __attribute__ ((alloc_size (i))): a user allocator's size is checked for
     overflow like malloc's, whatever the memory is (pool memory: no leak claims).  */
  mr_size *size = NULL;
  bool size_input = false;
  if (fndecl && !k)
    if (tree as = lookup_attribute ("alloc_size", TYPE_ATTRIBUTES (TREE_TYPE (fndecl))))
      if (TREE_VALUE (as) && tree_fits_uhwi_p (TREE_VALUE (TREE_VALUE (as))))
	{
	  unsigned i = tree_to_uhwi (TREE_VALUE (TREE_VALUE (as))) - 1;
	  if (i < nargs)
	    {
	      size = describe_size (c, bb, gimple_call_arg (s, i), loc);
	      size_input = size && size_is_input (gimple_call_arg (s, i), 0);
	      if (size)
		size->allocator = name;
	    }
	}
  mr_event *e = mr_block_add_event (c->f, bb, MR_EV_CALL, loc);
  e->call = call;
  e->dst = dst;
  e->size = size;
  /* memcpy (d, s, n) returns d: its result is a copy of the argument (made after
     the call, below).  */
  unsigned ret_arg = k && k->kind == MR_KNOWN_USE ? mr_kf_returned_arg (k->flags) : ~0u;
  if (ret_arg >= nargs || !mr_copyable_arg (call->args[ret_arg]))
    ret_arg = ~0u;
  if (ret_arg < nargs)
    e->dst = 0;
  if (size_input)
    e->flags |= MR_EVF_SIZE_INPUT;
  if (k)
    {
      call->deref_mask = k->deref_mask;
      call->write_mask = k->write_mask;
      /* strcat reads its destination first: the call is a read there, the write
	 that follows is an event of its own (below).  */
      if (k->kind == MR_KNOWN_USE && (k->flags & MR_KF_APPENDS))
	call->write_mask &= ~1u;
      e->flags |= MR_EVF_NO_CLOBBER;
      if (k->kind == MR_KNOWN_USE && (k->flags & MR_KF_CLEARS))
	e->flags |= MR_EVF_CLEARS;
      if (k->kind == MR_KNOWN_USE && (k->flags & MR_KF_WRITES_UNBOUNDED))
	e->flags |= MR_EVF_UNSIZED;
      if (k->kind == MR_KNOWN_PRINTF && k->arg < nargs)
	{
	  const char *fmt = literal_string (gimple_call_arg (s, k->arg));
	  if (fmt)
	    call->deref_mask |= mr_printf_deref_mask (fmt, k->arg + 1);
	}
    }
  else if (flags & (ECF_CONST | ECF_PURE))
    e->flags |= MR_EVF_NO_CLOBBER;
  /* (e is not valid once another event is added to the block.)  */
  if (dst && ret_arg < nargs)
    mr_add_returned_arg (c->f, bb, dst, call->args[ret_arg],
			 (k->flags & MR_KF_AT_UNKNOWN_OFFSET) ? MR_OFF_UNKNOWN : 0, loc);
  /* ... then writes it, at an offset it finds (the end of the string): whatever
     the state knew of the bytes there (`buf[0] = '\0'`) is gone.  */
  if (k && k->kind == MR_KNOWN_USE && (k->flags & MR_KF_APPENDS) && nargs
      && mr_copyable_arg (call->args[0]))
    {
      mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
      st->a = call->args[0];
      st->off = MR_OFF_UNKNOWN;
      st->b = mr_unknown ();
      st->flags = MR_EVF_WRITE;
    }

  store_call_result (c, bb, s, loc);
}

/* A call whose result lands in memory: store an unknown value there.  An
   aggregate (a struct returned by value, `*p = mk ()`, or a C++ object built in
   place, `s = Work (i)`) is all new: the store replaces what the state knew of
   the memory it writes (MR_EVF_AGGREGATE), so the object of the next iteration
   of a loop is not the one destroyed at the end of this one.  */
static void
store_call_result (lower_ctx *c, unsigned bb, gcall *s, mr_loc loc)
{
  tree lhs = gimple_call_lhs (s);
  if (lhs && TREE_CODE (lhs) != SSA_NAME && is_memory_ref (lhs))
    {
      lower_deref (c, bb, lhs, true, loc);
      mr_opnd base;
      int64_t off;
      if (decompose_ref (c, lhs, &base, &off))
	{
	  mr_event *st = mr_block_add_event (c->f, bb, MR_EV_STORE, loc);
	  st->a = base;
	  st->off = off;
	  st->b = mr_unknown ();
	  st->flags = MR_EVF_WRITE | (is_pointerish (lhs) ? MR_EVF_POINTER : 0);
	  if (!is_gimple_reg_type (TREE_TYPE (lhs)))
	    st->flags |= MR_EVF_AGGREGATE;
	}
    }
}
