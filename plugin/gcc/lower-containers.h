/* lower-containers.h — what the two files of the containers' lowering share
   (lower-containers.cc: the containers and their members; lower-container-iter.cc:
   their iterators); no other file includes it.  lower-containers.cc's header
   says what is modelled and why.  */

#ifndef MR_LOWER_CONTAINERS_H
#define MR_LOWER_CONTAINERS_H

#include "lower-int.h"

/* The element slots: ELEM for ONE, ALL and OUTER (and SIZE: a ONE sequence's
   number of elements, 0 then 1; whether an ALL one is empty, 0 or 1; an OUTER
   one's, unknown); for MANY, position k at ELEM + 8 + 8k (k < MAX_POS) and
   back () at ELEM - 8.  Far below MR_OFF_PURE, far above a real container's
   size.  */
static const int64_t ELEM = (int64_t) 1 << 28;
static const int64_t SIZE = ELEM - 16;
/* An iterator into a sequence: how many elements are left from it to the
   end (1 at the element, 0 at the end), kept in the iterator variable past its
   real fields.  Counted from the end, so that end () is always 0 and a step
   always reaches it: a loop over the elements runs once at most even when the
   size is not known.  */
static const int64_t LEFT = ELEM;
static const int64_t MAX_POS = 64;
static const int64_t NO_KEY = INT64_MIN;

/* What a member of a container does to it.  */
enum container_op
{
  OP_OTHER, OP_MAKE, OP_DESTROY, OP_PUT, OP_TAKE, OP_OBSERVE,
  OP_ITER,			/* begin, end and the like: an iterator */
  OP_REMOVE			/* clear, pop_back, pop_front, erase */
};

/* SEVERAL (lower-container-slots.cc): position k (a map's k-th key in
   order) at ELEM + 8 + 8k, k < MAX_SLOTS; an iterator's queue, the elements
   from it to the end, at the same offsets of the iterator.  */
static const int MAX_SLOTS = 8;

/* What a call does to the iterators it is given (`this` first), by the
   operator's name, which every standard iterator shares: their classes are
   the library's own and differ between versions.  */
enum iterator_op
{
  IT_NONE, IT_DEREF, IT_FORWARD, IT_BACK, IT_EQ, IT_NE, IT_CONVERT
};

/* What the element a take-out returns (a reference to it) is used for: only read
   (`q = *r`), written (`*r = p`: a put), or anything else.  */
enum ref_use { REF_READ, REF_WRITTEN, REF_OTHER };


/* lower-containers.cc.  */
container_op container_call_op (gcall *s, tree fndecl, bool keyed);
ref_use taken_reference_use (tree ref, int depth);
container_facts *container_facts_of (lower_ctx *c, tree var);
container_facts *container_facts_of_call (lower_ctx *c, gcall *s, bool *keyed);
void container_store (lower_ctx *c, unsigned bb, tree var, int64_t off, mr_opnd value,
		      uint32_t flags, mr_loc loc);
void element_reference (lower_ctx *c, unsigned bb, tree var, int64_t off, tree lhs,
			mr_loc loc);

tree local_container (function *fun, gcall *s, bool *keyed);
tree emptied_container (gimple *s);
int64_t constant_key (gcall *s, tree fndecl);
bool iterator_member (tree name, bool *end);

/* lower-container-slots.cc.  */
bool add_key (container_facts *f, int64_t key);
void decide_several (lower_ctx *c, container_facts *f, bool keyed);
bool lower_several_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl,
			 container_facts *f, bool keyed, mr_loc loc);
bool lower_several_iterator (lower_ctx *c, unsigned bb, gcall *s, iterator_op op,
			     container_facts *f, int64_t pair_off, mr_loc loc);

/* lower-container-iter.cc.  */
iterator_op classify_iterator_call (gcall *s, tree fndecl);
container_facts *iterator_address_owner (lower_ctx *c, tree t);
bool iterator_candidate (lower_ctx *c, tree t);
bool add_iterator (lower_ctx *c, container_facts *f, tree var);
void scan_iterators (lower_ctx *c);
bool every_walk_to_the_end (lower_ctx *c, container_facts *f);
void set_iterator_left (lower_ctx *c, unsigned bb, tree it, mr_opnd value, mr_loc loc);
mr_opnd load_container_integer (lower_ctx *c, unsigned bb, tree addr, int64_t off,
				mr_loc loc);
void set_call_truth (lower_ctx *c, unsigned bb, tree lhs, mr_cmp op, mr_opnd a, mr_opnd b,
		     mr_loc loc);
bool lower_iterator_call (lower_ctx *c, unsigned bb, gcall *s, tree fndecl, mr_loc loc);

#endif
