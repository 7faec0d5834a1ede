/* lower-virtual.cc — C++ virtual calls whose object's dynamic type the function
   knows.  The pass runs right after GIMPLE is put in SSA form, before any of
   GCC's own devirtualization (early inlining, ccp's folding of OBJ_TYPE_REF,
   ipa-devirt), so at every optimization level a virtual call reaches the
   lowering as `OBJ_TYPE_REF (_3; (struct Base) b->1) (b, p)`.  When the object
   is one the function made, or a complete object it names, the call is a call
   of its class's override and is lowered as a direct one (its summary).  */

#include "lower-int.h"
#include "alloc-pool.h"
#include "symbol-summary.h"
#include "symtab-thunks.h"	/* thunk_info: GCC 11 and later */

/* Is fld the subobject of a base class (g++'s artificial `D.1234` field)?  The
   vtable pointer is artificial too, but a pointer.  */
static bool
base_field_p (tree fld)
{
  return TREE_CODE (fld) == FIELD_DECL && DECL_ARTIFICIAL (fld)
	 && RECORD_OR_UNION_TYPE_P (TREE_TYPE (fld));
}

/* Is cls a class with a vtable, whose binfo can name the override?  */
static bool
polymorphic_class_p (tree cls)
{
  return cls && TREE_CODE (cls) == RECORD_TYPE && TYPE_BINFO (cls)
	 && BINFO_VTABLE (TYPE_BINFO (cls));
}

/* The class of the complete object ref names, when its declaration says it: a
   variable of class type (`Derived d;`), a member object of one, an element of
   an array of them.  Its dynamic type is its declared type for as long as it
   lives (C++ [basic.life]: only another object built in its storage changes
   that, and using the old name then is undefined).  */
static tree
declared_class (tree ref)
{
  tree base = get_base_address (ref);
  if (!base || !VAR_P (base))
    return NULL_TREE;
  for (tree r = ref; handled_component_p (r); r = TREE_OPERAND (r, 0))
    if (TREE_CODE (r) == COMPONENT_REF && base_field_p (TREE_OPERAND (r, 1)))
      return NULL_TREE;	/* a base subobject names no complete object */
  return polymorphic_class_p (TREE_TYPE (ref)) ? TREE_TYPE (ref) : NULL_TREE;
}

/* The class whose constructor built the object operator new's result `made`
   (an SSA name a call defines) holds: the one constructor call whose `this` is
   one of names[0..n) (copies of `made`, none offset), `_1 = operator new (8);
   B::B (_1); b_2 = _1;`.  NULL_TREE when the memory is not operator new's or was
   constructed twice (placement new: which one holds?).  */
static tree
new_class (tree *names, unsigned n)
{
  gcall *made = dyn_cast<gcall *> (SSA_NAME_DEF_STMT (names[n - 1]));
  tree allocator = made ? gimple_call_fndecl (made) : NULL_TREE;
  if (!allocator || !DECL_IS_OPERATOR_NEW_P (allocator))
    return NULL_TREE;
  tree cls = NULL_TREE;
  for (unsigned i = 0; i < n; i++)
    {
      use_operand_p use;
      imm_use_iterator it;
      FOR_EACH_IMM_USE_FAST (use, it, names[i])
	{
	  gcall *call = dyn_cast<gcall *> (USE_STMT (use));
	  tree ctor = call ? gimple_call_fndecl (call) : NULL_TREE;
	  if (!ctor || !DECL_CXX_CONSTRUCTOR_P (ctor) || gimple_call_num_args (call) < 1
	      || gimple_call_arg (call, 0) != names[i])
	    continue;
	  if (cls)
	    return NULL_TREE;
	  cls = DECL_CONTEXT (ctor);
	}
    }
  return polymorphic_class_p (cls) ? cls : NULL_TREE;
}

/* Is a a null pointer constant, or an SSA name set to one (`iftmp_4 = 0B;`,
   as -O0 writes it)?  */
static bool
null_value_p (tree a)
{
  if (TREE_CODE (a) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (a))
    {
      gimple *def = SSA_NAME_DEF_STMT (a);
      if (is_gimple_assign (def) && gimple_assign_single_p (def))
	a = gimple_assign_rhs1 (def);
    }
  return integer_zerop (a);
}

/* The one argument of PHI that is not a null constant, when there is one: g++
   converts a pointer to a base at a nonzero offset as `p ? &p->D.1234 : 0`, and
   a virtual call through the NULL arm would be undefined.  */
static tree
nonnull_phi_arg (gphi *phi)
{
  tree found = NULL_TREE;
  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
    {
      tree a = gimple_phi_arg_def (phi, i);
      if (null_value_p (a))
	continue;
      if (found && !operand_equal_p (found, a, 0))
	return NULL_TREE;
      found = a;
    }
  return found;
}

/* What the function knows of the object a pointer points into: its class, a
   pointer to its start (operator new's result, `&d`) and the byte offset the
   pointer is at in it.  */
struct known_object
{
  tree cls;
  tree start;
  HOST_WIDE_INT offset;
};

/* Is delta g++'s read of a virtual base's offset from the vtable of *base:
   `_1 = d->D.2428._vptr.B; _2 = _1 + -24; _3 = MEM[(long *)_2]; _4 =
   (sizetype) _3;`, the delta of `b = d + _4` that converts d to a virtual
   base?  The offset read depends only on the class of the complete object,
   which the caller knows.  */
static bool
vbase_offset_read (tree delta, tree base)
{
  delta = ssa_copy_origin (delta, 4);
  if (TREE_CODE (delta) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (delta))
    return false;
  gimple *load = SSA_NAME_DEF_STMT (delta);
  if (!gimple_assign_load_p (load) || TREE_CODE (gimple_assign_rhs1 (load)) != MEM_REF)
    return false;
  tree slot = TREE_OPERAND (gimple_assign_rhs1 (load), 0);
  if (TREE_CODE (slot) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (slot))
    return false;
  gimple *step = SSA_NAME_DEF_STMT (slot);
  if (!is_gimple_assign (step) || gimple_assign_rhs_code (step) != POINTER_PLUS_EXPR)
    return false;
  tree vptr = gimple_assign_rhs1 (step);
  if (TREE_CODE (vptr) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (vptr))
    return false;
  gimple *read = SSA_NAME_DEF_STMT (vptr);
  if (!gimple_assign_load_p (read))
    return false;
  tree ref = gimple_assign_rhs1 (read);
  if (TREE_CODE (ref) != COMPONENT_REF || !DECL_VIRTUAL_P (TREE_OPERAND (ref, 1)))
    return false;	/* not the vtable pointer */
  tree mem = get_base_address (ref);
  return mem && TREE_CODE (mem) == MEM_REF && ssa_copy_origin (TREE_OPERAND (mem, 0), 4)
	 == ssa_copy_origin (base, 4);
}

/* The byte offset in an object of class cls of its subobjects of class sub,
   when they all sit at one (a virtual base is one subobject however many
   paths reach it; a base repeated at two offsets is ambiguous): false
   otherwise, or when the walk of the hierarchy from binfo passes *budget
   binfos (stacked diamonds reach a shared base by many paths).  */
static bool
subobject_offset (tree binfo, tree sub, HOST_WIDE_INT *off, bool *found, int *budget)
{
  if (--*budget < 0)
    return false;
  if (TYPE_MAIN_VARIANT (BINFO_TYPE (binfo)) == TYPE_MAIN_VARIANT (sub))
    {
      if (!tree_fits_shwi_p (BINFO_OFFSET (binfo)))
	return false;
      HOST_WIDE_INT at = tree_to_shwi (BINFO_OFFSET (binfo));
      if (*found && at != *off)
	return false;
      *off = at;
      *found = true;
    }
  tree base;
  for (int i = 0; BINFO_BASE_ITERATE (binfo, i, base); i++)
    if (!subobject_offset (base, sub, off, found, budget))
      return false;
  return true;
}

/* The offset of cls's unique subobject of class sub (subobject_offset), or -1.  */
static HOST_WIDE_INT
unique_subobject (tree cls, tree sub)
{
  HOST_WIDE_INT off = -1;
  bool found = false;
  int budget = 256;
  if (!sub || !RECORD_OR_UNION_TYPE_P (sub)
      || !subobject_offset (TYPE_BINFO (cls), sub, &off, &found, &budget) || !found)
    return -1;
  return off;
}

static bool dynamic_class (tree obj, known_object *o, int depth);

/* The object `b = d + _4` points to, where _4 is the offset of a virtual base
   read from d's vtable (vbase_offset_read; g++'s conversion to a virtual base,
   which no constant offset says): when the function knows the class of the
   complete object d points into, the layout of that class says where its one
   subobject of the virtual base is.  off is the constant offset the walk added
   after the conversion.  */
static bool
virtual_base_object (gassign *def, HOST_WIDE_INT off, known_object *o, int depth)
{
  tree base = gimple_assign_rhs1 (def);
  tree to = TREE_TYPE (gimple_assign_lhs (def));
  if (depth <= 0 || !POINTER_TYPE_P (to) || !vbase_offset_read (gimple_assign_rhs2 (def), base)
      || !dynamic_class (base, o, depth - 1))
    return false;
  HOST_WIDE_INT at = unique_subobject (o->cls, TREE_TYPE (to));
  if (at < 0)
    return false;
  o->offset = at + off;
  return true;
}

/* The complete object pointer obj points into, when the function knows its
   class: obj is followed back through copies, casts, constant offsets and
   conversions to a base class (`&m->D.1234`, the null-tested PHI around it, a
   virtual base's offset read from the vtable) to an operator new whose memory
   one constructor built (new_class) or to the address of a declared object
   (declared_class).  False otherwise: a parameter, a load from memory, a
   call's result.  */
static bool
dynamic_class (tree obj, known_object *o, int depth)
{
  tree names[8];
  unsigned n = 0;
  HOST_WIDE_INT off = 0;
  tree t = obj;
  for (int step = 0; step < 16 && t; step++)
    {
      if (TREE_CODE (t) == ADDR_EXPR)
	{
	  tree ref = TREE_OPERAND (t, 0);
	  while (TREE_CODE (ref) == COMPONENT_REF && base_field_p (TREE_OPERAND (ref, 1))
		 && tree_fits_shwi_p (byte_position (TREE_OPERAND (ref, 1))))
	    {
	      off += int_byte_position (TREE_OPERAND (ref, 1));
	      ref = TREE_OPERAND (ref, 0);
	    }
	  if (TREE_CODE (ref) == MEM_REF)
	    {
	      poly_int64 moff;
	      HOST_WIDE_INT mo;
	      if (!mem_ref_offset (ref).to_shwi (&moff) || !moff.is_constant (&mo))
		return false;
	      off += mo;
	      t = TREE_OPERAND (ref, 0);
	      n = 0;
	      continue;
	    }
	  o->cls = declared_class (ref);
	  o->start = build_fold_addr_expr (ref);
	  o->offset = off;
	  return o->cls != NULL_TREE;
	}
      if (TREE_CODE (t) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (t))
	return false;
      gimple *def = SSA_NAME_DEF_STMT (t);
      if (gphi *phi = dyn_cast<gphi *> (def))
	{
	  t = nonnull_phi_arg (phi);
	  n = 0;
	  continue;
	}
      if (is_gimple_call (def))
	{
	  if (n == 8)
	    return false;
	  names[n++] = t;
	  o->cls = new_class (names, n);
	  o->start = t;
	  o->offset = off;
	  return o->cls != NULL_TREE;
	}
      if (!is_gimple_assign (def))
	return false;
      enum tree_code code = gimple_assign_rhs_code (def);
      if (code == POINTER_PLUS_EXPR)
	{
	  tree delta = gimple_assign_rhs2 (def);
	  if (!tree_fits_shwi_p (delta))
	    return virtual_base_object (as_a<gassign *> (def), off, o, depth);
	  off += tree_to_shwi (delta);
	  t = gimple_assign_rhs1 (def);
	  n = 0;
	  continue;
	}
      if (!gimple_assign_single_p (def) && !CONVERT_EXPR_CODE_P (code))
	return false;
      if (n < 8)
	names[n++] = t;
      t = gimple_assign_rhs1 (def);
    }
  return false;
}

/* The function in slot `token` of the vtable of binfo, or NULL_TREE.  A thunk
   (the override reached through a base at a nonzero offset) stands for its
   target, which is given `this` adjusted on the way: by a constant, which
   *adjust says (0 for no thunk), or, through a virtual base, by an offset the
   thunk reads from the vtable, which *virtual_adjust says; only the class of
   the complete object knows where that leads.  */
static tree
vtable_slot (tree binfo, tree token, HOST_WIDE_INT *adjust, bool *virtual_adjust)
{
  *adjust = 0;
  *virtual_adjust = false;
  if (!binfo || !tree_fits_uhwi_p (token))
    return NULL_TREE;
  bool can_refer = false;
  tree target = gimple_get_virt_method_for_binfo (tree_to_uhwi (token), binfo, &can_refer);
  if (!target || !can_refer || TREE_CODE (target) != FUNCTION_DECL)
    return NULL_TREE;
  cgraph_node *node = cgraph_node::get (target);
  if (!node || !node->thunk)
    return target;
  thunk_info *info = thunk_info::get (node);
  if (!info || !info->this_adjusting || info->indirect_offset || !node->callees)
    return NULL_TREE;
  cgraph_node *callee = node->callees->callee->function_symbol ();
  if (!callee || callee->thunk)
    return NULL_TREE;
  *adjust = info->fixed_offset;
  *virtual_adjust = info->virtual_offset_p;
  return callee->decl;
}

/* The override a virtual call reaches when its object's class is known
   (dynamic_class): `B *b = new D; b->rel (p);` and `D d; B &b = d; b.rel (p);`
   call D::rel.  Reached through a thunk, the override gets the object's start
   as `this` (*this_arg), when the thunk's adjustment leads there (it always
   does for an override in the object's own class); any other adjustment keeps
   the call unknown.  Otherwise a destructor slot (`delete b`, `b->~B ()` on a
   B * of unknown dynamic type) is taken as the static type's destructor: every
   override destroys the object the same way (and the deleting one releases it),
   and a derived class's destroys more of it, which the call then does not
   claim.  Any other call on an object of unknown dynamic type stays unknown.  */
static tree
resolve (tree ref, tree *this_arg)
{
  *this_arg = NULL_TREE;
  tree static_type = obj_type_ref_class (ref);
  known_object o;
  HOST_WIDE_INT adjust = 0;
  bool virtual_adjust = false;
  if (dynamic_class (OBJ_TYPE_REF_OBJECT (ref), &o, 4))
    {
      if (o.offset < 0)
	return NULL_TREE;
      tree binfo = get_binfo_at_offset (TYPE_BINFO (o.cls), o.offset * BITS_PER_UNIT,
					static_type);
      tree fn = vtable_slot (binfo, OBJ_TYPE_REF_TOKEN (ref), &adjust, &virtual_adjust);
      if (!fn)
	return NULL_TREE;
      /* The override's `this` is the object's start when its class is the
	 object's own or a base at offset 0: the thunk, if any, leads there.
	 Given as the start, it is seen to be the object even where the
	 pointer the call was given came by an offset read from the vtable
	 (a primary virtual base, at offset 0).  */
      bool at_start = virtual_adjust ? unique_subobject (o.cls, DECL_CONTEXT (fn)) == 0
				     : o.offset + adjust == 0;
      if (at_start)
	*this_arg = o.start;
      return at_start || (!adjust && !virtual_adjust) ? fn : NULL_TREE;
    }
  if (!static_type || !RECORD_OR_UNION_TYPE_P (static_type) || !TYPE_BINFO (static_type))
    return NULL_TREE;
  tree dtor = vtable_slot (TYPE_BINFO (static_type), OBJ_TYPE_REF_TOKEN (ref), &adjust,
			   &virtual_adjust);
  return dtor && !adjust && !virtual_adjust && DECL_CXX_DESTRUCTOR_P (dtor) ? dtor
									   : NULL_TREE;
}

/* The function a virtual call calls, or NULL_TREE (resolve).  */
tree
virtual_callee (tree ref)
{
  tree this_arg;
  return resolve (ref, &this_arg);
}

/* The `this` the override of virtual call s is given when a thunk adjusts it
   on the way (resolve), or NULL_TREE: the call's first argument is it.  */
tree
virtual_this (gcall *s)
{
  tree fn = gimple_call_fn (s);
  if (!fn || TREE_CODE (fn) != OBJ_TYPE_REF)
    return NULL_TREE;
  tree this_arg;
  resolve (fn, &this_arg);
  return this_arg;
}
