/* memir.h — a function as the engine sees it.

   The GCC glue (plugin/gcc/lower*.cc) lowers each GIMPLE function in SSA form to this
   small IR; the engine (engine.c) analyses it.  Nothing here knows about GCC: locations
   are opaque handles plus file/line/column copies, values are SSA version numbers.

   A function is a set of blocks joined by edges.  A block holds PHIs (one argument per
   incoming edge, in the order of the block's preds[]), then a list of events, then an
   optional terminator condition that the engine uses to refine states on the outgoing
   edges (p == NULL, err != 0, switch cases).

   Operands name what an event works on:
     VALUE    an SSA value (SSA_NAME_VERSION), id >= 1
     CONST    an integer constant; 0 is also the null pointer
     ADDR     the address of a named object (a local, a static, a string literal),
              id = index into mr_func.decls, num = byte offset
     UNKNOWN  anything the engine does not track

   Example: `q = p + 8; free (q);` lowers to
     COPY  dst=q a=VALUE(p) off=8
     FREE  a=VALUE(q) family=MALLOC  */

#ifndef MR_MEMIR_H
#define MR_MEMIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A byte offset the lowering could not compute (variable array index, ...), and one
   known only to be positive (after p++ in a loop).  */
/* The offsets [MR_OFF_PURE, MR_OFF_PURE_END) of an object are no memory: the
   result of a pure call given the object (MR_EVF_PURE), at an offset the callee's
   name gives, is read from there, so two calls with nothing written into the
   object between them give one value.  */
#define MR_OFF_PURE 0x40000000
#define MR_OFF_PURE_END 0x80000000u
#define MR_OFF_UNKNOWN INT64_MIN
#define MR_OFF_POSITIVE (INT64_MIN + 1)

/* a + b for offsets that may be unknown or only known positive.  */
int64_t mr_off_add (int64_t a, int64_t b);
/* The least offset that covers both a and b.  */
int64_t mr_off_join (int64_t a, int64_t b);

typedef struct mr_loc
{
  uint64_t handle;		/* GCC location_t (64 bits since GCC 15), opaque to the engine */
  const char *file;		/* owned by GCC's line maps (or the test) */
  int line, column;
} mr_loc;

typedef enum mr_opnd_kind
{
  MR_OPND_NONE,
  MR_OPND_VALUE,
  MR_OPND_CONST,
  MR_OPND_ADDR,
  MR_OPND_UNKNOWN
} mr_opnd_kind;

typedef struct mr_opnd
{
  mr_opnd_kind kind;
  uint32_t id;			/* VALUE: SSA version; ADDR: decl index */
  int64_t num;			/* CONST: the constant; ADDR: byte offset */
} mr_opnd;

/* Allocator families: what must release an allocation.  The state records the
   expected deallocator, as GCC's analyzer does, so a mismatch is "expected X, got Y".  */
typedef enum mr_family
{
  MR_FAM_NONE,
  MR_FAM_MALLOC,		/* malloc, calloc, realloc, strdup, ... -> free */
  MR_FAM_NEW,			/* operator new -> delete */
  MR_FAM_NEW_ARRAY,		/* operator new[] -> delete[] */
  MR_FAM_ALLOCA,		/* alloca, __builtin_alloca: never freed */
  MR_FAM_CLASS_NEW,		/* a class-specific operator new -> its delete */
  MR_FAM_CLASS_NEW_ARRAY,	/* a class-specific operator new[] -> its delete[] */
  MR_FAM_POOL,			/* pool memory (apr_palloc): released with its pool */
  MR_FAM_USER = 16		/* MR_FAM_USER + i: the i-th user deallocator of the
				   translation unit (__attribute__ ((malloc (d, n)))) */
} mr_family;

typedef enum mr_event_kind
{
  MR_EV_ALLOC,		/* dst = fresh allocation of `family`; a = size (or NONE) */
  MR_EV_FREE,		/* release a with the deallocator of `family` */
  MR_EV_REALLOC,	/* dst = realloc (a, b) */
  MR_EV_COPY,		/* dst = a + off (copy, cast, pointer arithmetic) */
  MR_EV_LOAD,		/* dst = *(a + off); a is dereferenced */
  MR_EV_STORE,		/* *(a + off) = b; a is dereferenced */
  MR_EV_DEREF,		/* a is dereferenced (flags: MR_EVF_WRITE) */
  MR_EV_CALL,		/* dst = callee (args...) */
  MR_EV_RETURN,		/* return a */
  MR_EV_ESCAPE,		/* a is stored where the engine cannot follow it */
  MR_EV_THROW		/* an exception leaves the function: a throw-expression's
			   own (b NONE), or whatever is in flight at a `resx`
			   out of the function (b: its kind, lower-eh.cc; judged
			   only when known to be a throw-expression's) */
} mr_event_kind;

/* Event flags.  Set by the lowering; read by the transfer functions (transfer.c)
   and the rules.  A flag only one rule reads says so: it is that rule's input,
   and stays here because the lowering (plugin/gcc/) sets it.  */
enum
{
  MR_EVF_WRITE = 1 << 0,	/* DEREF/STORE: a write */
  MR_EVF_POINTER = 1 << 1,	/* LOAD/STORE/COPY: the value moved is a pointer */
  MR_EVF_MAY_FAIL = 1 << 2,	/* ALLOC/REALLOC: may return NULL */
  MR_EVF_NO_CLOBBER = 1 << 3,	/* CALL: the callee writes no memory the caller sees */
  MR_EVF_UNINIT = 1 << 4,	/* ALLOC: the memory's contents are indeterminate */
  MR_EVF_SAME_VAR = 1 << 5,	/* REALLOC: the result overwrites the pointer it was
				   given (p = realloc (p, n)): p is lost if it fails
				   (read by rules/leak.c only) */
  MR_EVF_SIZE_INPUT = 1 << 6,	/* ALLOC/REALLOC: the size (or its multiplied factor)
				   comes from outside the function's arithmetic: a
				   parameter, a value read from memory or returned */
  MR_EVF_SENSITIVE = 1 << 7,	/* FREE/REALLOC: the pointer's name says it holds a
				   secret (password, key, token ...) (read by
				   rules/sensitive-free.c only) */
  MR_EVF_CLEARS = 1 << 8,	/* CALL: clears argument 0 for good (explicit_bzero) */
  MR_EVF_UNSIZED = 1 << 9,	/* CALL: writes through argument 0 with no size given
				   (read by rules/zero-alloc.c only) */
  MR_EVF_SUMMARIZED = 1 << 10,	/* CALL: to a function of the TU, per its summary:
				   it reads through deref_mask somewhere, maybe after
				   checking for NULL, maybe after writing.  LOAD: of a
				   field such a callee frees (checked by the call).
				   DEREF: one such a callee does before it looks at
				   the pointer otherwise (mr_summary.derefs_first) */
  MR_EVF_DTOR = 1 << 11,		/* CALL: a destructor.  `delete p` and `delete[] v`
				   run ~T on the object before operator delete: the
				   object freed already is the delete's finding, not
				   a use by the destructor.  FREE: a smart pointer's
				   destructor, whose deleter was checked when it took
				   the pointer (MR_EVF_HANDOVER) */
  MR_EVF_NEVER_NULL = 1 << 12,	/* ALLOC: never returns NULL (operator new throws,
				   g_malloc aborts): a NULL check's NULL branch is
				   not a path */
  MR_EVF_HANDOVER = 1 << 13,	/* FREE: not freed now but handed to an owner that
				   will free it this way (std::unique_ptr<T> deletes
				   with `delete`): only what it is given is checked */
  MR_EVF_QUIET_NULL = 1 << 14,	/* ALLOC: by a wrapper that may return NULL and says
				   so another way (an error code through a
				   parameter): until checked non-NULL, not leaked */
  MR_EVF_CONVERT = 1 << 15,	/* COPY: dst = (unsigned wider type) a, a signed
				   integer: the same value when a >= 0, not a plain
				   copy (mr_func_resolve leaves it alone); the
				   event's off holds a's width in bits */
  MR_EVF_AGGREGATE = 1 << 16,	/* STORE: of a struct, union or array (`*p = *q`):
				   it may write pointers, whatever its offset */
  MR_EVF_PURE = 1 << 17,	/* CALL: to a function of the TU that writes nothing
				   but its locals and reads only the objects its
				   arguments point to (deref_mask): its result
				   depends on them alone (mr_summary.pure) */
  MR_EVF_SIZE_ARITH = 1 << 18,	/* REALLOC: the size is a sum of two values from
				   outside the function or a difference of two it
				   never compares (`head + tail`, `size - used`):
				   it may be 0 */
  MR_EVF_GUARDED = 1 << 19	/* FREE, DEREF: done only where the integer b is
				   known nonzero (off 1) or known zero (off 0) on
				   the path: a summarized callee's free or first
				   dereference under a static flag
				   (mr_summary.flag_param) */,
  MR_EVF_INT_STEP = 1 << 20	/* COPY: dst = a + b, integers, b a constant (a
				   loop's counter stepping): not a copy
				   (mr_func_resolve leaves it alone); off holds the
				   type's width in bits, negated for an unsigned
				   type, so the step's result is known when a is
				   known exactly and it does not wrap */,
  MR_EVF_NULL_WITH = 1 << 21	/* ALLOC: NULL instead where the path already
				   knows b nonzero (off 1) or zero / NULL (off 0):
				   a summarized callee's result whose NULL a
				   parameter decides (mr_summary.freed_ret_param) */,
  MR_EVF_COUNT = 1 << 22	/* LOAD: an integer counting the elements the
				   pointer slot *(a + off + b.num) stands for (a
				   container's size, read where a walk over every
				   element starts): where it is 0 the walk met no
				   element (summarize-elements.c) */,
  MR_EVF_FAIL_FREES = 1 << 23	/* REALLOC: frees its argument when it fails
				   (reallocf: MR_KF_FAIL_FREES) */
};

/* What an allocation size is made of, when it is a multiplication the lowering
   could see: (x + add) * mul [* y]; or, with MR_SIZE_SUM, an addition: x [+ y] +
   add.  Operands carry the bit width of their type before any widening conversion
   (or what their definition bounds them by), which bounds them when no fact does.  */
enum
{
  MR_SIZE_SUM = 1 << 0,		/* x [+ y] + add, not a product */
  MR_SIZE_X_NONNEG = 1 << 1,	/* x is never negative (an unsigned type) */
  MR_SIZE_Y_NONNEG = 1 << 2,
  MR_SIZE_SIGNED = 1 << 3,	/* the result's type is signed (no wrap-around) */
  MR_SIZE_INDEX = 1 << 4,	/* LOAD: an element access y[x], elements of mul bytes */
  MR_SIZE_FILL = 1 << 5,	/* STORE: y[i] = ... in a loop that runs i from 0 to
				   x - 1 and stores on each iteration: elements [0, x)
				   of y, of mul bytes, are written */
  MR_SIZE_WALK = 1 << 6		/* LOAD (with MR_SIZE_INDEX) made for a call: the
				   callee frees elements [0, x) of y (mr_elem_free);
				   the FREE after it is theirs */
};

typedef struct mr_size
{
  mr_opnd x, y;			/* y is NONE for (x + add) * mul */
  int64_t add;
  uint64_t mul;
  uint8_t x_bits, y_bits;
  uint8_t product_bits;		/* the product's own type: an int product overflows
				   at INT_MAX before it is widened to size_t */
  uint8_t flags;		/* MR_SIZE_* */
  const char *allocator;	/* the allocating function's name, for messages */
  mr_opnd x2;			/* a product's x is the sum x + x2 (+ add), computed
				   in sum_bits bits, NONE when x is one value */
  uint8_t x2_bits, sum_bits;
  mr_opnd input;		/* ALLOC/REALLOC: the value read from outside the
				   program (input, network, environment, rand) the
				   size is computed from, or NONE; x and y may be
				   NONE when the size is no product or sum */
} mr_size;

/* The most statics and globals a summary lists as written (mr_summary.static_writes):
   a function writing more counts as writing any.  */
#define MR_STATIC_WRITES 4

/* A call to a function the engine has no special knowledge of beyond this record.  */
typedef struct mr_call
{
  const char *callee;		/* name, or NULL for an indirect call */
  mr_opnd *args;
  uint32_t nargs;
  uint32_t deref_mask;		/* bit i: the callee reads or writes through args[i] */
  uint32_t write_mask;		/* bit i: the callee writes through args[i] */
  uint32_t use_mask;		/* bit i: args[i] is a pointer the callee may use as
				   it likes (nothing says it only compares or prints
				   the address): a freed one there is a use, since
				   evaluating it is undefined (MEM30-C).  Nothing is
				   claimed about dereferencing it (NULL, contents) */
  uint32_t out_mask;		/* bit i: args[i] is the address of a local pointer
				   variable, an out-parameter (`make (&p)`): the
				   callee may write the variable, but keeps no copy
				   of its address */
  uint32_t borrow_mask;		/* bit i: args[i] goes to a `const T *` parameter of a
				   function without a body, given no function to call
				   back: it reads the object and does not keep it (nor
				   free it), so the object does not escape (GCC's
				   analyzer's convention); what it points to may */
  bool noreturn;
  /* A function of the translation unit (per its summary): it stores pointers into
     the memory args[i] points to (bit i of store_mask), or through pointers it
     loaded, anywhere the caller's unknown pointers may reach (stores_wild).  */
  uint32_t store_mask;
  bool stores_wild;
  /* Its summary's statics_listed, nstatic_writes and static_writes (engine.h): the
     statics and globals it may write besides its arguments' memory, when known.  */
  bool statics_listed;
  uint8_t nstatic_writes;
  uint32_t static_writes[MR_STATIC_WRITES];
  /* 1 + k: an indirect call through the function's parameter k, a function the
     caller gives (`destroy (p, free)`: summarize.c tells the caller what it is
     called on); 0 otherwise.  */
  uint8_t callee_param;
  /* A summarized callee that calls the function its argument relay - 1 holds
     with its argument relay_arg as argument relay_pos (mr_summary.calls_param:
     `destroy (p, rel)` calls rel (p)): summarize.c passes it on when those
     arguments are the caller's parameters (`wrapper (p, rel) { destroy (p, rel); }`).
     0: none.  */
  uint8_t relay, relay_arg, relay_pos;
} mr_call;

typedef struct mr_event
{
  mr_event_kind kind;
  uint32_t flags;		/* MR_EVF_* */
  uint16_t family;		/* mr_family, for ALLOC/FREE/REALLOC */
  uint16_t width;		/* LOAD/STORE lowered from a memory reference: the
				   bytes it reads or writes, 0 if not known (or
				   larger): uninit-read tells fields apart by it */
  uint32_t id;			/* index in the function, unique: names the event */
  uint32_t dst;			/* SSA value defined, 0 if none */
  mr_opnd a, b;
  int64_t off;			/* COPY/LOAD/STORE byte offset, or MR_OFF_UNKNOWN;
				   FREE done in a called function (via), not
				   GUARDED: it frees a + off (read by
				   rules/free-offset.c only) */
  mr_call *call;		/* CALL only */
  mr_size *size;		/* ALLOC/REALLOC: a multiplied size, if any; LOAD
				   and STORE: an element access (MR_SIZE_INDEX,
				   MR_SIZE_FILL) */
  const char *via;		/* FREE/ALLOC/REALLOC done inside this called function */
  mr_loc loc;
  mr_loc via_loc;		/* with via: where, inside it (handle 0: unknown) */
} mr_event;

typedef enum mr_cmp
{
  MR_CMP_EQ, MR_CMP_NE, MR_CMP_LT, MR_CMP_LE, MR_CMP_GT, MR_CMP_GE
} mr_cmp;

/* The comparison that holds when op does not (EQ <-> NE, LT <-> GE, ...).  */
mr_cmp mr_cmp_negate (mr_cmp op);
/* The comparison with its operands swapped: a < b is b > a.  */
mr_cmp mr_cmp_mirror (mr_cmp op);
/* Does `a op b` hold, the operands compared as unsigned if is_unsigned?  */
bool mr_cmp_holds (int64_t a, mr_cmp op, int64_t b, bool is_unsigned);

typedef enum mr_term_kind
{
  MR_TERM_NONE,			/* fall through / plain successors */
  MR_TERM_COND,			/* if (lhs op rhs): succ edges are TRUE/FALSE */
  MR_TERM_SWITCH		/* switch (lhs): succ edges are CASE/DEFAULT */
} mr_term_kind;

/* A condition: lhs op rhs, optionally combined with a second comparison (the
   non-short-circuit `a == 0 | b == 0` that GCC makes of `a == NULL || b == NULL`).  */
typedef enum mr_combine
{
  MR_COMBINE_NONE, MR_COMBINE_AND, MR_COMBINE_OR
} mr_combine;

typedef struct mr_term
{
  mr_term_kind kind;
  mr_cmp op, op2;
  bool is_unsigned, is_unsigned2;	/* the compared values are unsigned */
  bool is_pointer, is_pointer2;	/* ... are pointers: a test of two is learnt for the
				   later tests of the same pair (ptr-eq.c) */
  mr_opnd lhs, rhs;
  mr_combine combine;		/* and the second comparison lhs2 op2 rhs2 */
  mr_opnd lhs2, rhs2;
} mr_term;

typedef enum mr_edge_kind
{
  MR_EDGE_PLAIN, MR_EDGE_TRUE, MR_EDGE_FALSE, MR_EDGE_CASE, MR_EDGE_DEFAULT,
  MR_EDGE_NEVER		/* kept for the numbering of PHI arguments, never taken: an
			   abnormal edge to a setjmp receiver from a call that cannot
			   longjmp (the glue decides) */
} mr_edge_kind;

typedef struct mr_edge
{
  uint32_t src, dst;		/* block indices */
  mr_edge_kind kind;
  int64_t case_lo, case_hi;	/* CASE: the label's range */
  uint64_t case_set;		/* CASE: when nonzero, only the values case_lo + k
				   whose bit k is set take the edge (the kinds of
				   exception a handler may take, lower-eh.cc) */
  bool case_fold;		/* CASE: a value up to case_fold_max that takes the
				   edge is known as case_fold_to from then on (an
				   exception of no known type caught by a handler
				   for E is an E, lower-eh.cc) */
  int64_t case_fold_max, case_fold_to;
  mr_loc loc;			/* where the source leaves along it (`return -1;`) */
} mr_edge;

typedef struct mr_phi
{
  uint32_t dst;			/* SSA value defined */
  bool is_pointer;
  mr_opnd *args;		/* one per incoming edge, parallel to mr_block.preds */
} mr_phi;

typedef struct mr_block
{
  mr_phi *phis;
  uint32_t nphis, cap_phis;
  mr_event *events;
  uint32_t nevents, cap_events;
  uint32_t *preds, *succs;	/* edge indices */
  uint32_t npreds, nsuccs, cap_preds, cap_succs;
  mr_term term;
} mr_block;

typedef enum mr_decl_kind
{
  MR_DECL_LOCAL,		/* automatic variable */
  MR_DECL_STATIC,		/* static or global variable */
  MR_DECL_LITERAL,		/* string literal */
  MR_DECL_FUNCTION,		/* a function's address */
  MR_DECL_INDETERMINATE		/* no object: the value of a local pointer variable
				   read on a path where nothing was assigned to it
				   (`int *p; ... delete p;`), the glue's stand-in for
				   its SSA default definition.  Non-heap and not
				   NULL, like a named object; not a local either, so
				   what is stored through it is out of sight */
} mr_decl_kind;

/* Which calls leave an integer static of the translation unit as it was (one with
   internal linkage whose address is never taken; the glue decides,
   plugin/gcc/lower-global.cc).  No pointer can reach such a variable, so no store
   through one changes it either.  */
typedef enum mr_keep
{
  MR_KEEP_NONE,			/* any call may change it */
  MR_KEEP_ALWAYS,		/* only the function being analysed writes it */
  MR_KEEP_ONE_CONST		/* every store of the unit stores keep_value, and
				   keep_init is its initial value: once it holds
				   keep_value (or anything but keep_init), it keeps
				   it */
} mr_keep;

typedef struct mr_decl
{
  const char *name;
  mr_decl_kind kind;
  uint32_t uid;			/* the front end's identity for it (DECL_UID) */
  uint8_t keep;			/* mr_keep, for a static */
  int64_t keep_value;		/* MR_KEEP_ONE_CONST: the constant */
  int64_t keep_init;		/* MR_KEEP_ONE_CONST: the initializer */
  uint8_t param;		/* 1 + j: a pointer or integer static of the unit the
				   function reads, which its summary names as parameter
				   MR_PARAM_STATIC + j (the glue fills it at the call
				   from the caller's own view of the static,
				   plugin/gcc/lower-global.cc); 0: none */
  uint8_t unread;		/* a pointer static of the unit (internal linkage,
				   address never taken) whose value no statement
				   uses: every load's result is dropped.  What it
				   holds can never be freed: no root for leaks,
				   nothing for a callee to take */
} mr_decl;

/* The "parameters" a summary names for the statics its function reads (mr_decl.param):
   MR_PARAM_STATIC + j, j < MR_STATIC_PARAMS.  Above every real parameter's index
   (32) and below MR_OUT_RESULT (engine.h).  */
#define MR_PARAM_STATIC 64
#define MR_STATIC_PARAMS 8

/* An integer value that guards a product against overflow:
   - with other == 0, a constant divided by another value, `q = SIZE_MAX / n`: a
     guard `s <= q` then says s * n <= SIZE_MAX;
   - otherwise the overflow flag of `divisor * other` in a type whose largest value
     is num (what GCC makes of `SIZE_MAX / n < s` and __builtin_mul_overflow_p):
     where it is 0, divisor * other <= num.  */
typedef struct mr_quot
{
  uint32_t value;		/* q, or the flag */
  uint32_t divisor;		/* n (an SSA value) */
  uint32_t other;		/* the flag's other factor (an SSA value), or 0 */
  uint64_t num;			/* the constant */
} mr_quot;

/* What decides whether an integer value is nonzero: `b = p == NULL`, `t = x * y`
   (nonzero when both are), a call's result per its callee's summary (the callee
   returns `pr * err != 0`, or `type == 2` of its object).  The value is nonzero
   exactly when cond holds (a COND term: one comparison, or two with
   MR_COMBINE_AND).  A branch that decides the value decides the condition
   (refine.c).  */
typedef struct mr_truth
{
  uint32_t value;
  mr_term cond;
  /* Ranged (a call's result per its callee's returns, mr_out_store's ranges):
     instead of "nonzero exactly when", the value lies in the hull of [yes_lo,
     yes_hi] and [no_lo, no_hi]; outside the first cond fails, outside the
     second it holds (either range may take the whole hull: one-sided).  */
  bool ranged;
  int64_t yes_lo, yes_hi, no_lo, no_hi;
} mr_truth;

/* A block a call's callee frees where the call's result says so (a callee's
   out-store freed on its error path, mr_out_store.frees_on_result): `if (parse
   (&c) < 0)` leaves c.buf freed when the callee's -1 paths freed it and no
   path that left it live returns -1.  A branch that puts the result outside
   [live_lo, live_hi] and keeps all of [freed_lo, freed_hi] (so some path that
   freed it is among those taking the branch) frees the object value obj names
   there (refine.c), with the event free: a FREE in no block, at the call, in
   the callee's name.  */
typedef struct mr_free_on_result
{
  uint32_t value;		/* the call's result */
  uint32_t obj;			/* the value naming the callee's allocation */
  int64_t live_lo, live_hi;
  int64_t freed_lo, freed_hi;
  const mr_event *free;
} mr_free_on_result;

typedef struct mr_func
{
  const char *name;
  mr_block *blocks;
  uint32_t nblocks;
  uint32_t entry;		/* entry block index */
  mr_edge *edges;
  uint32_t nedges, cap_edges;
  mr_decl *decls;
  uint32_t ndecls, cap_decls;
  uint32_t nvalues;		/* SSA values are 1 .. nvalues-1 */
  bool is_main;			/* memory still held when main returns is not leaked */
  uint32_t params[32];		/* parameter i's SSA value (0: not a tracked pointer) */
  uint32_t nparams;
  uint32_t scalar_params[32];	/* parameter i's SSA value when it is an integer
				   (0: a pointer, or not used) */
  uint32_t nevents;		/* events created so far; next event id */
  mr_quot *quots;		/* constant / value quotients, by value */
  uint32_t nquots, cap_quots;
  mr_truth *truths;		/* by value, sorted by mr_func_resolve */
  uint32_t ntruths, cap_truths;
  mr_free_on_result *result_frees;	/* in the order made (few: one per call) */
  uint32_t nresult_frees, cap_result_frees;
  /* value -> the user variable it is a version of (any nonzero id, equal for the
     versions of one variable), 0 for temporaries.  Optional (NULL).  */
  uint32_t *value_var;
  /* Filled by mr_func_resolve: value -> (root value, offset) for pure copies.  */
  uint32_t *root;
  int64_t *root_off;
  uint32_t *root_var;
  /* Memory of the IR, released by mr_func_free.  */
  void *arena;
} mr_func;

/* Construction, used by the glue and by the unit tests.  Out-of-memory aborts.  */
mr_func *mr_func_new (const char *name, uint32_t nblocks, uint32_t nvalues);
void mr_func_free (mr_func *f);
uint32_t mr_func_add_edge (mr_func *f, uint32_t src, uint32_t dst, mr_edge_kind kind);
uint32_t mr_func_add_decl (mr_func *f, const char *name, mr_decl_kind kind, uint32_t uid);
/* Returns the decl index for uid, adding it if new.  */
uint32_t mr_func_decl (mr_func *f, const char *name, mr_decl_kind kind, uint32_t uid);
mr_event *mr_block_add_event (mr_func *f, uint32_t block, mr_event_kind kind, mr_loc loc);
/* PHI arguments are added after all edges exist: nargs == npreds of the block.  */
mr_phi *mr_block_add_phi (mr_func *f, uint32_t block, uint32_t dst, bool is_pointer);
mr_call *mr_func_new_call (mr_func *f, const char *callee, uint32_t nargs);
mr_size *mr_func_new_size (mr_func *f);
/* Records value = num / divisor (other 0), or value = (divisor * other > num).  */
void mr_func_add_quot (mr_func *f, uint32_t value, uint32_t divisor, uint32_t other,
		       uint64_t num);
/* The quotient record of value, or NULL.  */
const mr_quot *mr_func_quot (const mr_func *f, uint32_t value);
/* Records that value is nonzero exactly when cond holds (mr_truth).  */
void mr_func_add_truth (mr_func *f, uint32_t value, const mr_term *cond);
/* Records a ranged truth (mr_truth.ranged): cond fails where value is outside
   [yes_lo, yes_hi], holds where it is outside [no_lo, no_hi].  */
void mr_func_add_ranged_truth (mr_func *f, uint32_t value, const mr_term *cond,
			       int64_t yes_lo, int64_t yes_hi, int64_t no_lo, int64_t no_hi);
/* The truth record of value, or NULL (after mr_func_resolve).  */
const mr_truth *mr_func_truth (const mr_func *f, uint32_t value);
/* Records r (mr_free_on_result).  */
void mr_func_add_result_free (mr_func *f, const mr_free_on_result *r);
/* An event of the function in no block (its id is the function's, unique): what
   a state names as an object's free when no event of a block did it
   (mr_free_on_result.free).  */
mr_event *mr_func_new_event (mr_func *f, mr_event_kind kind, mr_loc loc);
/* Copies s into memory owned by the function.  */
const char *mr_func_strdup (mr_func *f, const char *s);

/* Operand constructors.  */
mr_opnd mr_value (uint32_t id);
mr_opnd mr_const (int64_t c);
mr_opnd mr_addr (uint32_t decl, int64_t off);
mr_opnd mr_unknown (void);
mr_opnd mr_none (void);

/* Resolve copy chains once per function: after this, mr_func_root gives for each
   value the value it is a plain copy of (through casts and constant pointer
   arithmetic) and the accumulated byte offset.  Values defined by PHIs, loads,
   allocations and calls are their own roots.  */
void mr_func_resolve (mr_func *f);
/* After mr_func_resolve: the one user variable all copies of root r are versions
   of (temporaries aside), 0 if none, MR_VAR_MIXED if several.  */
#define MR_VAR_MIXED 0xffffffffu
uint32_t mr_func_root_var (const mr_func *f, uint32_t r);
/* Sets value v's variable (allocating value_var on first use).  */
void mr_func_set_value_var (mr_func *f, uint32_t v, uint32_t var);
uint32_t mr_func_root (const mr_func *f, uint32_t value, int64_t *off);

/* Debug dump of the IR (used by the plugin's dump-ir argument and by tests).  */
void mr_func_dump (const mr_func *f, void *file);

#ifdef __cplusplus
}
#endif

#endif /* MR_MEMIR_H */
