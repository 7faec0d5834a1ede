/* test_sarif.c — the SARIF writer (plugin/core/sarif.c), without GCC.

   Covers: the file name for sarif=SPEC (%p, %%, a directory by trailing '/' or by
   being one, a stable per-unit name); JSON escaping (quotes, backslashes, control
   characters, invalid UTF-8); file URIs (relative names made absolute, "." and ".."
   removed, special characters percent-encoded); results with notes (relatedLocations,
   codeFlow order, level); every rule of rules.def in tool.driver.rules; atomic writes
   (content, no temporary left, missing directories created, an error for a path
   under a regular file).  Schema validation of real logs is in
   testsuite/integration (test `sarif`).  */

#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"
#include "sarif.h"

static void
test_path_pid_and_percent (void **state)
{
  (void) state;
  char out[256];
  assert_true (mr_sarif_path ("out-%p.sarif", "a.c", "k", 1234, out, sizeof out));
  assert_string_equal (out, "out-1234.sarif");
  assert_true (mr_sarif_path ("100%%-%p-%p", "a.c", "k", 7, out, sizeof out));
  assert_string_equal (out, "100%-7-7");
  assert_true (mr_sarif_path ("plain.sarif", "a.c", "k", 7, out, sizeof out));
  assert_string_equal (out, "plain.sarif");
  assert_false (mr_sarif_path ("a-very-long-name.sarif", "a.c", "k", 7, out, 8));
}

static void
test_path_directory (void **state)
{
  (void) state;
  char a[256], b[256], c[256];
  /* Trailing slash: a directory even if it does not exist yet.  */
  assert_true (mr_sarif_path ("logs/", "src/util.c", "key1", 1, a, sizeof a));
  assert_true (strncmp (a, "logs/util.c-", 12) == 0);
  assert_true (strlen (a) == strlen ("logs/util.c-") + 16 + strlen (".sarif"));
  /* The name depends on the unit's key, not on the pid.  */
  assert_true (mr_sarif_path ("logs/", "src/util.c", "key1", 99, b, sizeof b));
  assert_string_equal (a, b);
  assert_true (mr_sarif_path ("logs/", "other/util.c", "key2", 1, c, sizeof c));
  assert_string_not_equal (a, c);
  /* An existing directory without the slash.  */
  assert_true (mr_sarif_path ("/tmp", "x.c", "k", 1, a, sizeof a));
  assert_true (strncmp (a, "/tmp/x.c-", 9) == 0);
  /* No unit name (stdin).  */
  assert_true (mr_sarif_path ("d/", NULL, NULL, 1, a, sizeof a));
  assert_true (strncmp (a, "d/stdin-", 8) == 0);
}

static mr_sarif_log *
one_result (const char *file, const char *message)
{
  mr_sarif_log *log = mr_sarif_new ("9.9.9", "/work/proj");
  mr_sarif_loc at = { file, 12, 5, 12, 13, NULL };
  mr_sarif_loc notes[2] = { { file, 3, 3, 3, 10, "allocated here" },
			    { "inc/h.h", 10, 3, 0, 0, "first 'free' here" } };
  mr_sarif_add (log, MR_RULE_DOUBLE_FREE, false, message, &at, notes, 2);
  return log;
}

static void
test_json_escaping (void **state)
{
  (void) state;
  mr_sarif_log *log = one_result ("a.c", "q\"b\\s\tn\n\x01 \xff\xfe ok \xe2\x80\x98x\xe2\x80\x99");
  char *json = mr_sarif_json (log);
  assert_non_null (strstr (json, "\"text\": \"q\\\"b\\\\s\\u0009n\\u000a\\u0001 "
			   "\\ufffd\\ufffd ok \xe2\x80\x98x\xe2\x80\x99\""));
  free (json);
  mr_sarif_free (log);
}

static void
test_uris (void **state)
{
  (void) state;
  mr_sarif_log *log = one_result ("./src/../lib/my file#1.c", "m");
  char *json = mr_sarif_json (log);
  assert_non_null (strstr (json, "\"uri\": \"file:///work/proj/lib/my%20file%231.c\""));
  assert_non_null (strstr (json, "\"uri\": \"file:///work/proj/inc/h.h\""));
  free (json);
  mr_sarif_free (log);

  log = mr_sarif_new ("1", "/cwd");
  mr_sarif_loc at = { "/abs/../x.c", 1, 0, 0, 0, NULL };
  mr_sarif_add (log, MR_RULE_USE_AFTER_FREE, true, "m", &at, NULL, 0);
  json = mr_sarif_json (log);
  assert_non_null (strstr (json, "\"uri\": \"file:///x.c\""));
  /* No column: no startColumn; no notes: no relatedLocations.  */
  assert_non_null (strstr (json, "\"region\": {\"startLine\": 1}"));
  assert_null (strstr (json, "relatedLocations"));
  assert_non_null (strstr (json, "\"level\": \"error\""));
  assert_non_null (strstr (json, "\"ruleId\": \"use-after-free\", \"ruleIndex\": 1"));
  free (json);
  mr_sarif_free (log);
}

static void
test_result_shape (void **state)
{
  (void) state;
  mr_sarif_log *log = one_result ("a.c", "double-'free' of 'p'");
  char *json = mr_sarif_json (log);
  assert_non_null (strstr (json, "\"version\": \"2.1.0\""));
  assert_non_null (strstr (json, "\"level\": \"warning\""));
  assert_non_null (strstr (json, "\"startLine\": 12, \"startColumn\": 5, \"endLine\": 12, "
			   "\"endColumn\": 13"));
  const char *rel = strstr (json, "\"relatedLocations\"");
  assert_non_null (rel);
  assert_non_null (strstr (rel, "{\"id\": 1, "));
  assert_non_null (strstr (rel, "{\"id\": 2, "));
  /* A note without an end has no endLine.  */
  assert_non_null (strstr (rel, "\"region\": {\"startLine\": 10, \"startColumn\": 3}}"));
  /* The code flow: the notes in order, then the finding, numbered.  */
  const char *flow = strstr (json, "\"codeFlows\"");
  assert_non_null (flow);
  const char *s1 = strstr (flow, "allocated here"), *s2 = strstr (flow, "first 'free' here"),
    *s3 = strstr (flow, "double-'free' of 'p'\"}}, \"executionOrder\": 3");
  assert_true (s1 && s2 && s3 && s1 < s2 && s2 < s3);
  assert_non_null (strstr (json, "\"taxa\": [{\"id\": \"415\", \"toolComponent\": "
			   "{\"name\": \"CWE\"}}]"));
  /* Every rule is listed, in rules.def's order.  */
  const char *prev = strstr (json, "\"rules\": [");
  for (int r = 0; r < MR_RULE_COUNT; r++)
    {
      char id[128];
      snprintf (id, sizeof id, "{\"id\": \"%s\", \"shortDescription\"", mr_rules[r].slug);
      const char *at = strstr (json, id);
      assert_non_null (at);
      assert_true (at > prev);
      prev = at;
    }
  free (json);
  mr_sarif_free (log);
}

static void
test_empty_log (void **state)
{
  (void) state;
  mr_sarif_log *log = mr_sarif_new ("1", NULL);
  char *json = mr_sarif_json (log);
  assert_non_null (strstr (json, "\"results\": []"));
  assert_non_null (strstr (json, "\"taxonomies\""));
  free (json);
  mr_sarif_free (log);
}

static char *
read_all (const char *path)
{
  FILE *f = fopen (path, "r");
  if (!f)
    return NULL;
  static char buf[4096];
  size_t n = fread (buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose (f);
  return buf;
}

static void
test_write_file (void **state)
{
  (void) state;
  char dir[] = "/tmp/test_sarif_XXXXXX";
  assert_non_null (mkdtemp (dir));
  char path[256];
  snprintf (path, sizeof path, "%s/a/b/log.sarif", dir);
  assert_int_equal (mr_sarif_write_file (path, "{\"first\": 1}\n"), 0);
  assert_string_equal (read_all (path), "{\"first\": 1}\n");
  assert_int_equal (mr_sarif_write_file (path, "{}\n"), 0);
  assert_string_equal (read_all (path), "{}\n");
  /* Nothing but the log in its directory: the temporary was renamed.  */
  char sub[256];
  snprintf (sub, sizeof sub, "%s/a/b", dir);
  DIR *d = opendir (sub);
  assert_non_null (d);
  int entries = 0;
  for (struct dirent *e; (e = readdir (d));)
    if (e->d_name[0] != '.')
      entries++;
  closedir (d);
  assert_int_equal (entries, 1);
  /* A path under a regular file cannot be written.  */
  char bad[300];
  snprintf (bad, sizeof bad, "%s/x.sarif", path);
  assert_int_equal (mr_sarif_write_file (bad, "{}"), ENOTDIR);
  unlink (path);
  rmdir (sub);
  snprintf (sub, sizeof sub, "%s/a", dir);
  rmdir (sub);
  rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_path_pid_and_percent),
    cmocka_unit_test (test_path_directory),
    cmocka_unit_test (test_json_escaping),
    cmocka_unit_test (test_uris),
    cmocka_unit_test (test_result_shape),
    cmocka_unit_test (test_empty_log),
    cmocka_unit_test (test_write_file),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
