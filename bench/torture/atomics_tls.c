/* _Atomic pointers, thread-local storage, __sync/__atomic builtins, _Static_assert.  */
#include <stdatomic.h>
#include <stdlib.h>

static _Atomic (char *) shared;
static __thread char *tls_buf;
_Thread_local int tls_count;
_Static_assert (sizeof (void *) == 8, "64-bit");

void
publish (int n)
{
  char *p = malloc (n);
  char *old = atomic_exchange (&shared, p);
  free (old);
  char *expected = p;
  if (atomic_compare_exchange_strong (&shared, &expected, NULL))
    free (p);
}

void
tls_cycle (int n)
{
  free (tls_buf);
  tls_buf = malloc (n);
  tls_count++;
  char *q = __atomic_load_n (&tls_buf, __ATOMIC_ACQUIRE);
  if (q)
    q[0] = 0;
}

int
sync_ops (int *counter)
{
  char *p = malloc (4);
  __sync_fetch_and_add (counter, 1);
  char *prev = __sync_val_compare_and_swap (&tls_buf, NULL, p);
  if (prev)
    free (p);
  __atomic_thread_fence (__ATOMIC_SEQ_CST);
  return __atomic_add_fetch (counter, 1, __ATOMIC_RELAXED);
}
