/* _Complex, __int128, vector types, _Float128, long double, _Decimal64 pointers
   through heap memory.  */
#include <complex.h>
#include <stdlib.h>
#include <string.h>

typedef int v4si __attribute__ ((vector_size (16)));
typedef float v8sf __attribute__ ((vector_size (32)));
typedef char *v2p __attribute__ ((vector_size (16)));

__int128
wide (__int128 a, unsigned __int128 b)
{
  __int128 *p = malloc (sizeof *p * 2);
  if (!p)
    return 0;
  p[0] = a * (__int128) b;
  p[1] = p[0] >> 70;
  __int128 r = p[0] ^ p[1];
  free (p);
  return r;
}

double _Complex
cplx (double _Complex z, int n)
{
  double _Complex *buf = calloc (n + 1, sizeof *buf);
  if (!buf)
    return 0;
  for (int i = 0; i <= n; i++)
    buf[i] = z * i + __builtin_complex (1.0, (double) i);
  double _Complex s = 0;
  for (int i = 0; i <= n; i++)
    s += conj (buf[i]) * cabs (buf[i]);
  _Complex int ci = 3 + 4i;
  free (buf);
  return s + __real__ ci + __imag__ ci;
}

v4si
vec (v4si a, v8sf b, int n)
{
  v4si *vs = aligned_alloc (32, sizeof (v4si) * 4);
  if (!vs)
    return a;
  vs[0] = a + (v4si) { 1, 2, 3, 4 };
  vs[1] = __builtin_shuffle (vs[0], (v4si) { 3, 2, 1, 0 });
  vs[2] = vs[1] > a;
  v8sf f = b * 2.0f;
#if __GNUC__ >= 12		/* __builtin_shufflevector is new in GCC 12 */
  vs[3] = __builtin_convertvector (__builtin_shufflevector (f, f, 0, 1, 2, 3), v4si);
#else
  vs[3] = __builtin_convertvector ((v4si) { (int) f[0], (int) f[1], 2, 3 }, v4si);
#endif
  v4si r = vs[0] + vs[1] + vs[2] + vs[3];
  r[n & 3] = n;
  free (vs);
  return r;
}

long double
floats (int n)
{
  _Float128 *q = malloc (sizeof *q);
  long double *l = malloc (sizeof *l);
#if __GNUC__ >= 12		/* _Float16 on x86 is new in GCC 12 */
  _Float16 h = 1.5f16;
#else
  float h = 1.5f;
#endif
  if (!q || !l)
    {
      free (q);
      free (l);
      return 0;
    }
  *q = (_Float128) n * 1.5f128;
  *l = (long double) *q + h;
  long double r = *l;
  free (q);
  free (l);
  return r;
}

_Decimal64
decimal (_Decimal64 d)
{
  _Decimal64 *p = malloc (sizeof *p);
  if (!p)
    return d;
  *p = d * 2.5dd;
  _Decimal64 r = *p;
  free (p);
  return r;
}
