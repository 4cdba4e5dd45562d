/* SPDX-License-Identifier: Apache-2.0
 * GRU activations and Viterbi steps for the LAC analyser (see
 * lac_kernels.h): portable C with libm, SSE2, and AVX2+FMA compiled with a
 * target attribute and picked by CPU detection, so the build needs no
 * -march flag. Depends on lac_kernels.h, libm and x86 intrinsics. */
#include "extractor/lac_kernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_X86 1
#define AVX2_FN __attribute__((target("avx2,fma")))
#endif

#define H CNKG_LAC_KH
#define P CNKG_LAC_KP

/* ---- portable ------------------------------------------------------- */

static void gates_c(const float *x, const float *g, const float *h, float *u, float *q) {
  for (size_t k = 0; k < H; k++) u[k] = 1.0f / (1.0f + expf(-(x[k] + g[k])));
  for (size_t k = 0; k < H; k++) q[k] = 1.0f / (1.0f + expf(-(x[H + k] + g[H + k]))) * h[k];
}

static void update_c(const float *x, const float *c, const float *u, float *h, float *o) {
  for (size_t k = 0; k < H; k++) {
    float cc = tanhf(x[k] + c[k]);
    h[k] = (1.0f - u[k]) * h[k] + u[k] * cc;
    o[k] = h[k];
  }
}

static void vit_forward_c(const float *prev, const float *trans, size_t k, float *cur,
                          int32_t *arg) {
  for (size_t j = 0; j < P; j++) cur[j] = prev[0] + trans[j], arg[j] = 0;
  for (size_t i = 1; i < k; i++)
    for (size_t j = 0; j < P; j++) {
      float v = prev[i] + trans[i * P + j];
      if (v > cur[j]) cur[j] = v, arg[j] = (int32_t)i;
    }
}

static void vit_backward_c(const float *rest, const float *trans_t, size_t k, float *out) {
  for (size_t i = 0; i < P; i++) out[i] = trans_t[i] + rest[0];
  for (size_t j = 1; j < k; j++)
    for (size_t i = 0; i < P; i++) {
      float v = trans_t[j * P + i] + rest[j];
      if (v > out[i]) out[i] = v;
    }
}

static const CnkgLacKernels kernels_c = {"scalar", gates_c, update_c, vit_forward_c,
                                         vit_backward_c};

#if HAVE_X86
/* ---- SSE2 (every x86-64) -------------------------------------------- */

/* exp to about 2 ulp: x = n ln2 + r, |r| <= ln2/2, e^r by a degree-6
 * Taylor polynomial, 2^n built in the exponent bits. libm's scalar
 * expf/tanhf took a third of the run time. Inputs are clamped to +-87,
 * whose results are within rounding of 0, 1 or -1 where used here. */
static inline __m128 exp4(__m128 x) {
  x = _mm_min_ps(_mm_max_ps(x, _mm_set1_ps(-87.0f)), _mm_set1_ps(87.0f));
  __m128i ni = _mm_cvtps_epi32(_mm_mul_ps(x, _mm_set1_ps(1.44269504088896341f)));
  __m128 n = _mm_cvtepi32_ps(ni);
  __m128 r = _mm_sub_ps(x, _mm_mul_ps(n, _mm_set1_ps(0.693359375f)));
  r = _mm_sub_ps(r, _mm_mul_ps(n, _mm_set1_ps(-2.12194440e-4f)));
  __m128 p = _mm_set1_ps(1.0f / 720);
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f / 120));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f / 24));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f / 6));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(0.5f));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f));
  __m128 scale = _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(ni, _mm_set1_epi32(127)), 23));
  return _mm_mul_ps(p, scale);
}

static inline __m128 sigmoid4(__m128 x) {
  __m128 one = _mm_set1_ps(1.0f);
  return _mm_div_ps(one, _mm_add_ps(one, exp4(_mm_sub_ps(_mm_setzero_ps(), x))));
}

/* tanh(x) = 1 - 2 / (e^2x + 1): absolute error a few 1e-8, which is all
 * the GRU state (a convex mix of values in [-1, 1]) can see. */
static inline __m128 tanh4(__m128 x) {
  __m128 one = _mm_set1_ps(1.0f);
  __m128 e = exp4(_mm_add_ps(x, x));
  return _mm_sub_ps(one, _mm_div_ps(_mm_set1_ps(2.0f), _mm_add_ps(e, one)));
}

static void gates_sse2(const float *x, const float *g, const float *h, float *u, float *q) {
  for (size_t k = 0; k < H; k += 4) {
    _mm_storeu_ps(u + k, sigmoid4(_mm_add_ps(_mm_loadu_ps(x + k), _mm_loadu_ps(g + k))));
    __m128 rr = sigmoid4(_mm_add_ps(_mm_loadu_ps(x + H + k), _mm_loadu_ps(g + H + k)));
    _mm_storeu_ps(q + k, _mm_mul_ps(rr, _mm_loadu_ps(h + k)));
  }
}

static void update_sse2(const float *x, const float *c, const float *u, float *h, float *o) {
  for (size_t k = 0; k < H; k += 4) {
    __m128 cc = tanh4(_mm_add_ps(_mm_loadu_ps(x + k), _mm_loadu_ps(c + k)));
    __m128 uu = _mm_loadu_ps(u + k), hh = _mm_loadu_ps(h + k);
    hh = _mm_add_ps(_mm_mul_ps(_mm_sub_ps(_mm_set1_ps(1.0f), uu), hh), _mm_mul_ps(uu, cc));
    _mm_storeu_ps(h + k, hh);
    _mm_storeu_ps(o + k, hh);
  }
}

static void vit_forward_sse2(const float *prev, const float *trans, size_t k, float *cur,
                             int32_t *arg) {
  for (size_t j = 0; j < P; j += 4) {
    __m128 best = _mm_add_ps(_mm_set1_ps(prev[0]), _mm_loadu_ps(trans + j));
    __m128i a = _mm_setzero_si128();
    for (size_t i = 1; i < k; i++) {
      __m128 v = _mm_add_ps(_mm_set1_ps(prev[i]), _mm_loadu_ps(trans + i * P + j));
      __m128 gt = _mm_cmpgt_ps(v, best);  /* strict: the first maximum stays */
      best = _mm_or_ps(_mm_and_ps(gt, v), _mm_andnot_ps(gt, best));
      __m128i gi = _mm_castps_si128(gt);
      a = _mm_or_si128(_mm_and_si128(gi, _mm_set1_epi32((int)i)), _mm_andnot_si128(gi, a));
    }
    _mm_storeu_ps(cur + j, best);
    _mm_storeu_si128((__m128i *)(void *)(arg + j), a);
  }
}

static void vit_backward_sse2(const float *rest, const float *trans_t, size_t k, float *out) {
  for (size_t i = 0; i < P; i += 4) {
    __m128 best = _mm_add_ps(_mm_loadu_ps(trans_t + i), _mm_set1_ps(rest[0]));
    for (size_t j = 1; j < k; j++)
      best = _mm_max_ps(best, _mm_add_ps(_mm_loadu_ps(trans_t + j * P + i), _mm_set1_ps(rest[j])));
    _mm_storeu_ps(out + i, best);
  }
}

static const CnkgLacKernels kernels_sse2 = {"sse2", gates_sse2, update_sse2, vit_forward_sse2,
                                            vit_backward_sse2};

/* ---- AVX2 + FMA ----------------------------------------------------- */

AVX2_FN static inline __m256 exp8(__m256 x) {
  x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.0f)), _mm256_set1_ps(87.0f));
  __m256i ni = _mm256_cvtps_epi32(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)));
  __m256 n = _mm256_cvtepi32_ps(ni);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
  __m256 p = _mm256_set1_ps(1.0f / 720);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 120));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 24));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 6));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.5f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
  __m256 scale =
      _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(ni, _mm256_set1_epi32(127)), 23));
  return _mm256_mul_ps(p, scale);
}

AVX2_FN static inline __m256 sigmoid8(__m256 x) {
  __m256 one = _mm256_set1_ps(1.0f);
  return _mm256_div_ps(one, _mm256_add_ps(one, exp8(_mm256_sub_ps(_mm256_setzero_ps(), x))));
}

AVX2_FN static inline __m256 tanh8(__m256 x) {
  __m256 one = _mm256_set1_ps(1.0f);
  __m256 e = exp8(_mm256_add_ps(x, x));
  return _mm256_sub_ps(one, _mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(e, one)));
}

AVX2_FN static void gates_avx2(const float *x, const float *g, const float *h, float *u,
                               float *q) {
  for (size_t k = 0; k < H; k += 8) {
    _mm256_storeu_ps(u + k,
                     sigmoid8(_mm256_add_ps(_mm256_loadu_ps(x + k), _mm256_loadu_ps(g + k))));
    __m256 rr = sigmoid8(_mm256_add_ps(_mm256_loadu_ps(x + H + k), _mm256_loadu_ps(g + H + k)));
    _mm256_storeu_ps(q + k, _mm256_mul_ps(rr, _mm256_loadu_ps(h + k)));
  }
}

AVX2_FN static void update_avx2(const float *x, const float *c, const float *u, float *h,
                                float *o) {
  for (size_t k = 0; k < H; k += 8) {
    __m256 cc = tanh8(_mm256_add_ps(_mm256_loadu_ps(x + k), _mm256_loadu_ps(c + k)));
    __m256 uu = _mm256_loadu_ps(u + k), hh = _mm256_loadu_ps(h + k);
    /* same expression as the reference, (1 - u) h + u c, without fusing */
    hh = _mm256_add_ps(_mm256_mul_ps(_mm256_sub_ps(_mm256_set1_ps(1.0f), uu), hh),
                       _mm256_mul_ps(uu, cc));
    _mm256_storeu_ps(h + k, hh);
    _mm256_storeu_ps(o + k, hh);
  }
}

AVX2_FN static void vit_forward_avx2(const float *prev, const float *trans, size_t k,
                                     float *cur, int32_t *arg) {
  for (size_t j = 0; j < P; j += 8) {
    __m256 best = _mm256_add_ps(_mm256_set1_ps(prev[0]), _mm256_loadu_ps(trans + j));
    __m256 a = _mm256_setzero_ps();  /* tag index as float: exact below 2^24 */
    for (size_t i = 1; i < k; i++) {
      __m256 v = _mm256_add_ps(_mm256_set1_ps(prev[i]), _mm256_loadu_ps(trans + i * P + j));
      __m256 gt = _mm256_cmp_ps(v, best, _CMP_GT_OQ);  /* strict: first maximum stays */
      best = _mm256_blendv_ps(best, v, gt);
      a = _mm256_blendv_ps(a, _mm256_set1_ps((float)i), gt);
    }
    _mm256_storeu_ps(cur + j, best);
    _mm256_storeu_si256((__m256i *)(void *)(arg + j), _mm256_cvtps_epi32(a));
  }
}

AVX2_FN static void vit_backward_avx2(const float *rest, const float *trans_t, size_t k,
                                      float *out) {
  for (size_t i = 0; i < P; i += 8) {
    __m256 best = _mm256_add_ps(_mm256_loadu_ps(trans_t + i), _mm256_set1_ps(rest[0]));
    for (size_t j = 1; j < k; j++)
      best = _mm256_max_ps(
          best, _mm256_add_ps(_mm256_loadu_ps(trans_t + j * P + i), _mm256_set1_ps(rest[j])));
    _mm256_storeu_ps(out + i, best);
  }
}

static const CnkgLacKernels kernels_avx2 = {"avx2", gates_avx2, update_avx2, vit_forward_avx2,
                                            vit_backward_avx2};

static int have_avx2(void) {
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

const CnkgLacKernels *cnkg_lac_kernels_named(const char *name) {
  if (!name) return NULL;
  if (strcmp(name, "scalar") == 0) return &kernels_c;
#if HAVE_X86
  if (strcmp(name, "sse2") == 0) return &kernels_sse2;
  if (strcmp(name, "avx2") == 0) return have_avx2() ? &kernels_avx2 : NULL;
#endif
  return NULL;
}

const CnkgLacKernels *cnkg_lac_kernels_best(void) {
#if HAVE_X86
  return have_avx2() ? &kernels_avx2 : &kernels_sse2;
#else
  return &kernels_c;
#endif
}
