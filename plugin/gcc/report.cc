/* report.cc — engine findings as GCC diagnostics.

   Each finding becomes one warning at the faulty statement, in GCC's grammar, with
   the variable named as the user wrote it, the CERT id, the rule's tag (the slug a
   user writes in a pragma) and the CWE as diagnostic metadata, then notes at the
   earlier events:

     t.c:12:5: warning: double-'free' of 'p' (MEM31-C) [memrules-double-free] [CWE-415]
     t.c:10:5: note: first 'free' here

   The warning uses option 0, so -Werror turns it into an error and -w silences it
   (GCC-PLUGIN-FACTS.md §3).  Notes are emitted only when the warning was.

   The text of each rule's messages is in its file (plugin/core/rules/<slug>.c,
   through rule-message.h); this file is the generic reporter: it makes the words
   only the glue can (names as the user wrote them), then formats (mr_vformat,
   below) and hands the text to GCC finished, as "%s":
   the same text then goes to the SARIF log (sarif-out.h) without reading it back out
   of GCC's printer, whose insides differ from one GCC version to the next.  */

#include "gcc-common.h"
#include "lower.h"
#include "report.h"
#include "sarif-out.h"
#include "suppress.h"
#include "../core/rule-message.h"

#include <stdarg.h>
#include <string>

/* Names.  */

static void append_name (const mr_lowered *l, std::string &out, tree t, int depth);

/* A user-visible variable behind an SSA name, if any.  */
static tree
user_var (tree ssa)
{
  tree var = SSA_NAME_VAR (ssa);
  if (!var || !DECL_P (var) || !DECL_NAME (var) || DECL_IGNORED_P (var))
    return NULL_TREE;
  /* C++'s `this` is artificial but is what the user wrote (this->p_).  */
  if (DECL_ARTIFICIAL (var)
      && !(TREE_CODE (var) == PARM_DECL && id_equal (DECL_NAME (var), "this")))
    return NULL_TREE;
  return var;
}

/* Whether statement u copies t (a copy or a conversion), or, when offsets, moves
   it by a constant: new T[n] of a class with a destructor gives the user the
   block plus the array cookie (`d = _1 + 8`).  */
static bool
copies (gimple *u, tree t, bool offsets)
{
  if (!is_gimple_assign (u) || gimple_assign_rhs1 (u) != t)
    return false;
  enum tree_code code = gimple_assign_rhs_code (u);
  if (gimple_assign_single_p (u) || CONVERT_EXPR_CODE_P (code))
    return true;
  return offsets && code == POINTER_PLUS_EXPR
	 && TREE_CODE (gimple_assign_rhs2 (u)) == INTEGER_CST;
}

/* Names temporary t after a named copy of it, following copies a few levels;
   when offsets, also copies moved by a constant (when no plain copy has a
   name).  */
static bool
name_from_uses (const mr_lowered *l, std::string &out, tree t, int depth,
		bool offsets = false)
{
  if (depth > 3)
    return false;
  imm_use_iterator it;
  use_operand_p use;
  FOR_EACH_IMM_USE_FAST (use, it, t)
    {
      gimple *u = USE_STMT (use);
      if (!copies (u, t, offsets))
	continue;
      tree to = gimple_assign_lhs (u);
      if (TREE_CODE (to) == SSA_NAME)
	{
	  if (tree var = user_var (to))
	    {
	      out += IDENTIFIER_POINTER (DECL_NAME (var));
	      return true;
	    }
	  if (name_from_uses (l, out, to, depth + 1, offsets))
	    return true;
	  continue;
	}
      std::string field;
      append_name (l, field, to, 1);
      if (field.find ("<unknown>") == std::string::npos)
	{
	  out += field;
	  return true;
	}
    }
  return false;
}

static void
append_ssa_name (const mr_lowered *l, std::string &out, tree t, int depth)
{
  if (tree var = user_var (t))
    {
      out += IDENTIFIER_POINTER (DECL_NAME (var));
      return;
    }
  gimple *def = SSA_NAME_DEF_STMT (t);
  if (def && is_gimple_assign (def))
    {
      enum tree_code code = gimple_assign_rhs_code (def);
      if (gimple_assign_single_p (def) || CONVERT_EXPR_CODE_P (code)
	  || code == POINTER_PLUS_EXPR)
	{
	  append_name (l, out, gimple_assign_rhs1 (def), depth + 1);
	  return;
	}
    }
  /* A temporary (an allocation's result, `_1 = operator new (4)`) is named after
     the variable or field it is copied to: `p = _1`, `s->buf = _1`.  */
  if (depth == 0 && (name_from_uses (l, out, t, 0) || name_from_uses (l, out, t, 0, true)))
    return;
  /* A variable-length array is a pointer GCC names after it: `vla.1 = alloca ()`.  */
  if (def && gimple_call_builtin_p (def, BUILT_IN_ALLOCA_WITH_ALIGN) && SSA_NAME_VAR (t)
      && DECL_NAME (SSA_NAME_VAR (t)))
    {
      const char *n = IDENTIFIER_POINTER (DECL_NAME (SSA_NAME_VAR (t)));
      const char *dot = strchr (n, '.');
      out += dot && dot > n ? std::string (n, dot - n) : std::string (n);
      return;
    }
  if (def && is_gimple_call (def) && gimple_call_fndecl (def))
    {
      /* `operator new` and placement new results are named by their argument
	 when that is a variable; otherwise by the call.  */
      out += IDENTIFIER_POINTER (DECL_NAME (gimple_call_fndecl (def)));
      out += "()";
      return;
    }
  out += "<unknown>";
}

static void
append_name (const mr_lowered *l, std::string &out, tree t, int depth)
{
  if (!t || depth > 12)
    {
      out += "<unknown>";
      return;
    }
  switch (TREE_CODE (t))
    {
    case SSA_NAME:
      append_ssa_name (l, out, t, depth);
      return;
    case VAR_DECL:
    case PARM_DECL:
    case RESULT_DECL:
      if (DECL_NAME (t) && !DECL_IGNORED_P (t))
	out += IDENTIFIER_POINTER (DECL_NAME (t));
      else
	out += "<unknown>";
      return;
    case COMPONENT_REF:
      {
	tree base = TREE_OPERAND (t, 0);
	tree field = TREE_OPERAND (t, 1);
	if (TREE_CODE (base) == MEM_REF && integer_zerop (TREE_OPERAND (base, 1))
	    && TREE_CODE (TREE_OPERAND (base, 0)) != ADDR_EXPR)
	  {
	    append_name (l, out, TREE_OPERAND (base, 0), depth + 1);
	    out += "->";
	  }
	else
	  {
	    append_name (l, out, base, depth + 1);
	    out += ".";
	  }
	out += DECL_NAME (field) ? IDENTIFIER_POINTER (DECL_NAME (field)) : "<anonymous>";
	return;
      }
    case MEM_REF:
      {
	/* *p, or p[i] when the constant offset is a whole number of elements.  */
	tree ptr = TREE_OPERAND (t, 0);
	if (TREE_CODE (ptr) == ADDR_EXPR)
	  {
	    append_name (l, out, TREE_OPERAND (ptr, 0), depth + 1);
	    return;
	  }
	tree size = TYPE_SIZE_UNIT (TREE_TYPE (t));
	HOST_WIDE_INT off = tree_fits_shwi_p (TREE_OPERAND (t, 1))
			    ? tree_to_shwi (TREE_OPERAND (t, 1)) : -1;
	if (off > 0 && size && tree_fits_shwi_p (size) && tree_to_shwi (size) > 0
	    && off % tree_to_shwi (size) == 0)
	  {
	    append_name (l, out, ptr, depth + 1);
	    out += "[" + std::to_string ((long long) (off / tree_to_shwi (size))) + "]";
	    return;
	  }
	out += "*";
	append_name (l, out, ptr, depth + 1);
	return;
      }
    case ARRAY_REF:
      {
	append_name (l, out, TREE_OPERAND (t, 0), depth + 1);
	tree idx = TREE_OPERAND (t, 1);
	out += "[";
	if (tree_fits_shwi_p (idx))
	  out += std::to_string ((long long) tree_to_shwi (idx));
	else
	  append_name (l, out, idx, depth + 1);
	out += "]";
	return;
      }
    case ADDR_EXPR:
      out += "&";
      append_name (l, out, TREE_OPERAND (t, 0), depth + 1);
      return;
    case INTEGER_CST:
      if (tree_fits_shwi_p (t))
	out += std::to_string ((long long) tree_to_shwi (t));
      else
	out += "<constant>";
      return;
    case STRING_CST:
      out += "string literal";
      return;
    default:
      out += "<unknown>";
      return;
    }
}

static std::string
operand_name (const mr_lowered *l, mr_opnd o)
{
  std::string s;
  switch (o.kind)
    {
    case MR_OPND_VALUE:
      append_name (l, s, mr_lowered_value_tree (l, o.id), 0);
      break;
    case MR_OPND_ADDR:
      /* free (buf) of an array is free (&buf) in GIMPLE: name the array.  */
      if (o.id < l->func->ndecls && l->func->decls[o.id].name)
	s = l->func->decls[o.id].name;
      break;
    default:
      break;
    }
  if (s.empty () || s.find ("<unknown>") != std::string::npos)
    return "";
  return s;
}

/* Messages.  */

/* FMT formatted with the directives of GCC's diagnostics that the messages use: %s,
   %qs (quoted), %< and %> (quotes), %lld and %%.  Quotes are GCC's own (open_quote,
   close_quote: typographic in a UTF-8 locale), so the text reads as GCC would print it
   (quoted names are not coloured).  */
static std::string
mr_vformat (const char *fmt, va_list ap)
{
  std::string out;
  for (const char *c = fmt; *c; c++)
    {
      if (*c != '%')
	{
	  out += *c;
	  continue;
	}
      c++;
      if (*c == '%')
	out += '%';
      else if (*c == '<')
	out += open_quote;
      else if (*c == '>')
	out += close_quote;
      else if (*c == 's')
	out += va_arg (ap, const char *);
      else if (c[0] == 'q' && c[1] == 's')
	{
	  out += open_quote;
	  out += va_arg (ap, const char *);
	  out += close_quote;
	  c++;
	}
      else if (c[0] == 'l' && c[1] == 'l' && c[2] == 'd')
	{
	  out += std::to_string (va_arg (ap, long long));
	  c += 2;
	}
      else
	gcc_unreachable ();	/* a directive no message uses */
    }
  return out;
}

/* The diagnostics of one finding: its warning, then notes only if it was printed, each
   also recorded for the SARIF log.  */
class mr_emitter
{
public:
  explicit mr_emitter (mr_rule rule) : m_rule (rule), m_shown (false), m_sarif (rule) {}

  /* The warning at LOC, with the rule's CWE as metadata; true if GCC printed it.  */
  bool warn (location_t loc, const char *fmt, ...)
  {
    va_list ap;
    va_start (ap, fmt);
    std::string text = mr_vformat (fmt, ap);
    va_end (ap);
    rich_location rl (line_table, loc);
    mr_diagnostic_metadata meta;
    meta.add_cwe (mr_rules[m_rule].cwe);
    int errors = mr_error_count ();
    m_shown = warning_meta (&rl, meta, 0, "%s", text.c_str ());
    if (m_shown)
      m_sarif.warning (loc, text.c_str (), mr_error_count () > errors);
    return m_shown;
  }

  /* A note at LOC, after a printed warning.  */
  void note (location_t loc, const char *fmt, ...)
  {
    if (!m_shown)
      return;
    va_list ap;
    va_start (ap, fmt);
    std::string text = mr_vformat (fmt, ap);
    va_end (ap);
    inform (loc, "%s", text.c_str ());
    m_sarif.note (loc, text.c_str ());
  }

private:
  mr_rule m_rule;
  bool m_shown;
  mr_sarif_scope m_sarif;
};

/* TYPE as the user wrote it ("int *", "struct node *"), for a message.  */
static std::string
mr_type_name (tree type)
{
  char *text = print_generic_expr_to_str (type);
  std::string name = text;
  free (text);
  return name;
}

/* Words.  */

/* The deallocator that releases memory of a family, as the user writes it.  */
static const char *
family_dealloc_word (unsigned family)
{
  switch (family)
    {
    case MR_FAM_MALLOC: return "free";
    case MR_FAM_NEW: return "delete";
    case MR_FAM_NEW_ARRAY: return "delete[]";
    case MR_FAM_CLASS_NEW: return "class-specific operator delete";
    case MR_FAM_CLASS_NEW_ARRAY: return "class-specific operator delete[]";
    case MR_FAM_POOL: return "its pool";
    default:
      if (const char *user = mr_user_family_name (family))
	return user;
      return "free";
    }
}

/* The deallocator an event performs, as the user wrote it.  */
static const char *
dealloc_word (const mr_event *ev)
{
  if (!ev)
    return "free";
  if (ev->kind == MR_EV_REALLOC)
    return ev->via ? ev->via : "realloc";
  if (ev->family == MR_FAM_CLASS_NEW)
    return "delete";
  if (ev->family == MR_FAM_CLASS_NEW_ARRAY)
    return "delete[]";
  return family_dealloc_word (ev->family);
}

/* A call written through a system header's macro (alloca, glibc's string macros)
   has its location inside the macro, where GCC drops warnings: report at the
   user's line that expanded it.  */
static location_t
user_loc (location_t loc)
{
  return expansion_point_location_if_in_system_header (loc);
}

static location_t
loc_of (const mr_event *ev)
{
  return user_loc ((location_t) ev->loc.handle);
}

/* "'p'" in GCC's quotes, or "memory" when the pointer has no name.  */
static std::string
quoted (const std::string &name)
{
  if (name.empty () || name.find ("()") != std::string::npos)
    return "memory";
  return std::string (open_quote) + name + close_quote;
}

/* The free inside the called function that a summarized call stands for.  */
static void
emit_callee_note (mr_emitter &e, const mr_event *ev)
{
  if (ev->via && ev->via_loc.handle && ev->kind == MR_EV_FREE)
    e.note (user_loc ((location_t) ev->via_loc.handle), "%qs frees it here", ev->via);
}

static void
emit_note (mr_emitter &e, const mr_note *n, const std::string &what)
{
  location_t loc = loc_of (n->ev);
  switch (n->kind)
    {
    case MR_NOTE_FIRST_FREE:
      if (n->ev->via && n->ev->kind != MR_EV_REALLOC)
	{
	  e.note (loc, "first %qs here, in %qs", dealloc_word (n->ev), n->ev->via);
	  emit_callee_note (e, n->ev);
	}
      else
	e.note (loc, "first %qs here", dealloc_word (n->ev));
      break;
    case MR_NOTE_FREED_HERE:
      if (n->ev->kind == MR_EV_REALLOC)
	e.note (loc, "freed here by %qs", dealloc_word (n->ev));
      else if (n->ev->via)
	{
	  e.note (loc, "freed here, in %qs", n->ev->via);
	  emit_callee_note (e, n->ev);
	}
      else
	e.note (loc, "freed here");
      break;
    case MR_NOTE_ALLOCATED_HERE:
      e.note (loc, "allocated here");
      break;
    case MR_NOTE_REALLOC_ZERO:
      e.note (loc, "%<realloc%> frees %s when the size is 0", what.c_str ());
      break;
    }
}

/* "'n' * 8", "('n' + 1) * 16", "'a' * 'b'": the product in a size, for messages.  */
static std::string
size_text (const mr_lowered *l, const mr_size *z)
{
  std::string x = operand_name (l, z->x);
  if (x.empty ())
    x = "n";
  if (z->x2.kind != MR_OPND_NONE)
    {
      std::string x2 = operand_name (l, z->x2);
      x = "(" + x + " + " + (x2.empty () ? std::string ("m") : x2)
	  + (z->add ? " + " + std::to_string ((long long) z->add) : std::string ()) + ")";
    }
  else if (z->add)
    x = "(" + x + " + " + std::to_string ((long long) z->add) + ")";
  if (z->y.kind != MR_OPND_NONE)
    {
      std::string y = operand_name (l, z->y);
      x += " * " + (y.empty () ? std::string ("m") : y);
    }
  if (z->mul != 1)
    x += " * " + std::to_string ((unsigned long long) z->mul);
  return quoted (x);
}

/* The warning of message m at loc and the note that follows it; true if GCC
   printed the warning.  */
static bool
emit_message (mr_emitter &e, location_t loc, const mr_message *m)
{
  const char *const *a = m->args;
  bool shown = e.warn (loc, m->warning, a[0], a[1], a[2], a[3], a[4], a[5]);
  if (m->note)
    e.note (loc, m->note, m->note_args[0], m->note_args[1]);
  return shown;
}

/* Emits one finding.  */
void
mr_report_finding (const mr_lowered *l, const mr_finding *fd)
{
  std::string what = quoted (operand_name (l, fd->subject));
  location_t loc = fd->loc ? user_loc ((location_t) fd->loc->handle) : loc_of (fd->ev);
  /* Pragmas, exclude=, error= and werror= (suppress.cc): shown at all, and how.  */
  struct mr_verdict verdict = mr_verdict_at (fd->rule, loc);
  if (verdict.suppressed)
    return;

  auto_diagnostic_group group;
  mr_severity_scope severity (verdict);	/* -Werror as the verdict says, until return */
  mr_emitter e (fd->rule);		/* the warning and its notes, also for sarif= */
  const mr_size *z = fd->ev->size;
  std::string product = z ? size_text (l, z) : std::string ("size");
  mr_words words = { what.c_str (), dealloc_word (fd->ev), dealloc_word (fd->freed_by),
		     family_dealloc_word (fd->expected),
		     z && z->allocator ? z->allocator : "malloc", product.c_str (), "" };
  mr_message m;
  mr_rule_message (fd->rule, fd, &words, &m);
  bool shown = emit_message (e, loc, &m);
  if (!shown)
    return;
  for (uint32_t i = 0; i < fd->nnotes; i++)
    emit_note (e, &fd->notes[i], what);
  if (m.last_note)
    e.note (loc, m.last_note, m.last_args[0], m.last_args[1]);
}

void
mr_report_malloc_cast (location_t loc, const char *allocator, tree type)
{
  struct mr_verdict verdict = mr_verdict_at (MR_RULE_MALLOC_CAST, loc);
  if (verdict.suppressed)
    return;
  auto_diagnostic_group group;
  mr_severity_scope severity (verdict);
  mr_emitter e (MR_RULE_MALLOC_CAST);
  std::string type_name = mr_type_name (type);
  mr_words words = { "", "", "", "", allocator, "", type_name.c_str () };
  mr_message m;
  mr_rule_message (MR_RULE_MALLOC_CAST, NULL, &words, &m);
  emit_message (e, loc, &m);
}

void
mr_report_findings (const mr_lowered *l, const mr_result *r, uint32_t first)
{
  for (uint32_t i = first; i < r->nfindings; i++)
    mr_report_finding (l, &r->findings[i]);
}
