/* SPDX-License-Identifier: Apache-2.0
 * Matrix products, GRU activations and Viterbi steps for the LAC analyser
 * (see lac_kernels.h): portable C with libm, SSE2, AVX2+FMA and AVX-512
 * compiled with target attributes and picked by CPU detection, so the
 * build needs no -march flag. Depends on lac_kernels.h, libm and x86
 * intrinsics (cpuid.h for the CPU's name). */
#include "extractor/lac_kernels.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_X86 1
#define AVX2_FN __attribute__((target("avx2,fma")))
#define AVX512_FN __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx2,fma")))
#define VNNI_FN __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni,avx2,fma")))
#endif

#define H CNKG_LAC_KH
#define P CNKG_LAC_KP
#define NR ((size_t)CNKG_LAC_NR)
/* Longest row the fixed-point products quantise (the model's inputs are H or 2H). */
#define QK_MAX 512u

/* Unrolls the loop that follows when its bound is a constant, so that the
 * accumulator arrays of the matrix kernels live in registers. */
#define UNROLL _Pragma("GCC unroll 16")

/* ---- packed weights --------------------------------------------------- */

static void *alloc64(size_t bytes) {
  return aligned_alloc(64, (bytes + 63) / 64 * 64);
}

CnkgStatus cnkg_lac_mat_init(CnkgLacMat *m, const float *rm, size_t k, size_t n) {
  memset(m, 0, sizeof *m);
  if (!rm || k == 0 || k % 4 || k > QK_MAX || n == 0) return CNKG_ERR_ARG;
  size_t np = (n + 2 * NR - 1) / (2 * NR) * (2 * NR);
  float *pf = alloc64(k * np * sizeof *pf);
  if (!pf) return CNKG_ERR_NOMEM;
  for (size_t p = 0; p < np; p += NR)
    for (size_t t = 0; t < k; t++)
      for (size_t j = 0; j < NR; j++)
        pf[p * k + t * NR + j] = p + j < n ? rm[t * n + p + j] : 0.0f;
  *m = (CnkgLacMat){k, n, np, rm, pf, NULL, NULL};
  return CNKG_SUCCESS;
}

/* Levels of the fixed-point products: a row of activations is scaled to
 * integers in [-LA, LA] by its largest magnitude, a weight column to
 * [-lw, lw] by its own, with lw chosen so that no sum of k products can
 * overflow 32 bits (k * LA * lw < 2^31): 4095 for k = 128, 2048 for
 * k = 256. Twelve bits keep 99.98% of the exact path's tags where eight
 * (int8) and bfloat16 kept 99.64% and 99.88% on the development texts. */
#define LA 4095
static int32_t weight_levels(size_t k) {
  int64_t lw = INT32_MAX / ((int64_t)k * LA);
  return lw < LA ? (int32_t)lw : LA;
}

/* Rounds v (finite or not) to an integer in [-lim, lim]. */
static int16_t fx_round(float v, float lim) {
  v = nearbyintf(v);
  v = v < lim ? v : lim;
  return (int16_t)(v > -lim ? v : -lim);
}

CnkgStatus cnkg_lac_mat_quantize(CnkgLacMat *m) {
  if (m->pq) return CNKG_SUCCESS;
  size_t k = m->k, np = m->np;
  int16_t *pq = alloc64(k * np * sizeof *pq);
  float *qs = alloc64(np * sizeof *qs);
  if (!pq || !qs) {
    free(pq);
    free(qs);
    return CNKG_ERR_NOMEM;
  }
  float lw = (float)weight_levels(k);
  for (size_t j = 0; j < np; j++) {
    float mx = 0.0f;
    for (size_t t = 0; j < m->n && t < k; t++) mx = fmaxf(mx, fabsf(m->rm[t * m->n + j]));
    float inv = mx > 0.0f ? lw / mx : 0.0f;
    size_t p = j / NR * NR, jj = j % NR;
    for (size_t t = 0; t < k; t++)
      pq[p * k + (t / 2) * NR * 2 + jj * 2 + t % 2] =
          j < m->n ? fx_round(m->rm[t * m->n + j] * inv, lw) : 0;
    qs[j] = mx / lw;
  }
  m->pq = pq;
  m->qs = qs;
  return CNKG_SUCCESS;
}

void cnkg_lac_mat_clear(CnkgLacMat *m) {
  if (!m) return;
  free(m->pf);
  free(m->pq);
  free(m->qs);
  memset(m, 0, sizeof *m);
}

/* Scales row a (k floats) by its largest magnitude to integers in
 * [-LA, LA] (all zero for a zero row); returns the scale back. The vector
 * versions compute the same products and round them the same way (to
 * nearest, ties to even), so the integers never depend on the version. */
static float quantize_row(const float *a, size_t k, int16_t *q) {
  float mx = 0.0f;
  for (size_t t = 0; t < k; t++) mx = fmaxf(mx, fabsf(a[t]));
  float inv = mx > 0.0f ? (float)LA / mx : 0.0f;
  for (size_t t = 0; t < k; t++) q[t] = fx_round(a[t] * inv, (float)LA);
  return mx / (float)LA;
}

/* ---- portable products ------------------------------------------------ */

static void gemm_c(size_t m, const CnkgLacMat *w, const float *a, size_t lda,
                   const float *bias, float *c, size_t ldc) {
  size_t k = w->k;
  for (size_t i = 0; i < m; i++)
    for (size_t p = 0; p < w->np; p += NR) {
      const float *b = w->pf + p * k, *ai = a + i * lda;
      float acc[NR];
      for (size_t j = 0; j < NR; j++) acc[j] = 0.0f;
      for (size_t t = 0; t < k; t++)
        for (size_t j = 0; j < NR; j++) acc[j] += ai[t] * b[t * NR + j];
      for (size_t j = 0; j < NR; j++) c[i * ldc + p + j] = bias ? acc[j] + bias[p + j] : acc[j];
    }
}

/* The float result of a fixed-point product: the same expression in every
 * version, so that only the integer sums could differ, and they cannot. */
static inline float fx_out(int32_t acc, float sa, float sw, const float *bias, size_t j) {
  float r = (float)acc * (sa * sw);
  return bias ? r + bias[j] : r;
}

static void gemm_fx_c(size_t m, const CnkgLacMat *w, const float *a, size_t lda,
                      const float *bias, float *c, size_t ldc) {
  size_t k = w->k;
  int16_t q[QK_MAX];
  for (size_t i = 0; i < m; i++) {
    float sa = quantize_row(a + i * lda, k, q);
    for (size_t p = 0; p < w->np; p += NR) {
      const int16_t *b = w->pq + p * k;
      int32_t acc[NR] = {0};
      for (size_t g = 0; g < k / 2; g++)
        for (size_t j = 0; j < NR; j++)
          acc[j] += q[2 * g] * b[(g * NR + j) * 2] + q[2 * g + 1] * b[(g * NR + j) * 2 + 1];
      for (size_t j = 0; j < NR; j++)
        c[i * ldc + p + j] = fx_out(acc[j], sa, w->qs[p + j], bias, p + j);
    }
  }
}

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

static const CnkgLacKernels kernels_c = {"scalar",       gates_c, update_c, vit_forward_c,
                                         vit_backward_c, gemm_c,  gemm_fx_c, "c"};

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

/* Two rows by one 16-column panel: 8 accumulators of the 16 registers. */
static void gemm_sse2(size_t m, const CnkgLacMat *w, const float *a, size_t lda,
                      const float *bias, float *c, size_t ldc) {
  size_t k = w->k;
  for (size_t i = 0; i < m; i += 2) {
    const float *a0 = a + i * lda, *a1 = i + 1 < m ? a0 + lda : a0;
    for (size_t p = 0; p < w->np; p += NR) {
      const float *b = w->pf + p * k;
      __m128 x[2][4];
      for (int r = 0; r < 2; r++)
        for (int v = 0; v < 4; v++) x[r][v] = _mm_setzero_ps();
      for (size_t t = 0; t < k; t++) {
        __m128 s0 = _mm_set1_ps(a0[t]), s1 = _mm_set1_ps(a1[t]);
        for (int v = 0; v < 4; v++) {
          __m128 bv = _mm_load_ps(b + t * NR + 4 * (size_t)v);
          x[0][v] = _mm_add_ps(x[0][v], _mm_mul_ps(s0, bv));
          x[1][v] = _mm_add_ps(x[1][v], _mm_mul_ps(s1, bv));
        }
      }
      for (size_t r = 0; r < 2 && i + r < m; r++)
        for (int v = 0; v < 4; v++) {
          __m128 y = x[r][v];
          if (bias) y = _mm_add_ps(y, _mm_loadu_ps(bias + p + 4 * (size_t)v));
          _mm_storeu_ps(c + (i + r) * ldc + p + 4 * (size_t)v, y);
        }
    }
  }
}

static const CnkgLacKernels kernels_sse2 = {"sse2",         gates_sse2, update_sse2,
                                            vit_forward_sse2, vit_backward_sse2,
                                            gemm_sse2,      gemm_fx_c,  "c"};

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

/* Products: r rows (a compile-time constant after inlining, so the
 * accumulators stay in registers) by one 16-column panel, for all panels.
 * Six rows use 12 of the 16 registers. */
#define AVX2_MR 6

#define INLINE inline __attribute__((always_inline))

AVX2_FN static INLINE void mk_avx2(size_t r, size_t k, const float *a, size_t lda,
                                    const CnkgLacMat *w, const float *bias, float *c,
                                    size_t ldc) {
  for (size_t p = 0; p < w->np; p += NR) {
    const float *b = w->pf + p * k;
    __m256 x[AVX2_MR][2];
    UNROLL for (size_t i = 0; i < r; i++) x[i][0] = x[i][1] = _mm256_setzero_ps();
    for (size_t t = 0; t < k; t++) {
      __m256 b0 = _mm256_load_ps(b + t * NR), b1 = _mm256_load_ps(b + t * NR + 8);
      UNROLL for (size_t i = 0; i < r; i++) {
        __m256 s = _mm256_broadcast_ss(a + i * lda + t);
        x[i][0] = _mm256_fmadd_ps(s, b0, x[i][0]);
        x[i][1] = _mm256_fmadd_ps(s, b1, x[i][1]);
      }
    }
    UNROLL for (size_t i = 0; i < r; i++) {
      if (bias) {
        x[i][0] = _mm256_add_ps(x[i][0], _mm256_loadu_ps(bias + p));
        x[i][1] = _mm256_add_ps(x[i][1], _mm256_loadu_ps(bias + p + 8));
      }
      _mm256_storeu_ps(c + i * ldc + p, x[i][0]);
      _mm256_storeu_ps(c + i * ldc + p + 8, x[i][1]);
    }
  }
}

AVX2_FN static void gemm_avx2(size_t m, const CnkgLacMat *w, const float *a, size_t lda,
                              const float *bias, float *c, size_t ldc) {
  for (size_t i = 0; i < m; i += AVX2_MR) {
    const float *ai = a + i * lda;
    float *ci = c + i * ldc;
    switch (m - i < AVX2_MR ? m - i : AVX2_MR) {
      case 1: mk_avx2(1, w->k, ai, lda, w, bias, ci, ldc); break;
      case 2: mk_avx2(2, w->k, ai, lda, w, bias, ci, ldc); break;
      case 3: mk_avx2(3, w->k, ai, lda, w, bias, ci, ldc); break;
      case 4: mk_avx2(4, w->k, ai, lda, w, bias, ci, ldc); break;
      case 5: mk_avx2(5, w->k, ai, lda, w, bias, ci, ldc); break;
      default: mk_avx2(6, w->k, ai, lda, w, bias, ci, ldc); break;
    }
  }
}

/* Fixed point: vpmaddwd multiplies pairs of 16-bit integers and adds each
 * pair into 32 bits. Four rows by one panel (8 accumulators). */
#define AVX2_QR 4

AVX2_FN static float quantize_row_avx2(const float *a, size_t k, int16_t *q) {
  __m256 mx = _mm256_setzero_ps(), sign = _mm256_set1_ps(-0.0f);
  for (size_t t = 0; t < k; t += 8) mx = _mm256_max_ps(mx, _mm256_andnot_ps(sign, _mm256_loadu_ps(a + t)));
  __m128 h = _mm_max_ps(_mm256_castps256_ps128(mx), _mm256_extractf128_ps(mx, 1));
  h = _mm_max_ps(h, _mm_movehl_ps(h, h));
  h = _mm_max_ss(h, _mm_shuffle_ps(h, h, 1));
  float m = _mm_cvtss_f32(h);
  float inv = m > 0.0f ? (float)LA / m : 0.0f;
  __m256 vi = _mm256_set1_ps(inv);
  for (size_t t = 0; t < k; t += 16) {
    __m256i lo = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(a + t), vi));
    __m256i hi = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(a + t + 8), vi));
    /* packs works per 128-bit lane; the permute puts the halves in order */
    __m256i pk = _mm256_permute4x64_epi64(_mm256_packs_epi32(lo, hi), 0xD8);
    _mm256_storeu_si256((__m256i *)(void *)(q + t), pk);
  }
  return m / (float)LA;
}

/* Named accumulators updated by asm, as for vpdpwssd below: with an array,
 * GCC 12 copied every accumulator once per step. */
#if defined(__GNUC__) && !defined(__clang__)
#define PADDD(acc, t) __asm__("vpaddd %1, %0, %0" : "+x"(acc) : "x"(t))
#else
#define PADDD(acc, t) ((acc) = _mm256_add_epi32((acc), (t)))
#endif
#define QROWS4(X) X(0) X(1) X(2) X(3)

AVX2_FN static void mkq_avx2(size_t r, size_t k, const int16_t *q, const float *sa,
                             const CnkgLacMat *w, const float *bias, float *c, size_t ldc) {
  for (size_t p = 0; p < w->np; p += NR) {
    const int16_t *b = w->pq + p * k;
#define DECL2(i) __m256i x##i##a = _mm256_setzero_si256(), x##i##b = _mm256_setzero_si256();
    QROWS4(DECL2)
#undef DECL2
    for (size_t g = 0; g < k / 2; g++) {
      __m256i w0 = _mm256_load_si256((const __m256i *)(const void *)(b + g * 32));
      __m256i w1 = _mm256_load_si256((const __m256i *)(const void *)(b + g * 32 + 16));
#define STEP2(i)                                      \
  {                                                   \
    int32_t v;                                        \
    memcpy(&v, q + (i) * QK_MAX + 2 * g, 4);          \
    __m256i av = _mm256_set1_epi32(v);                \
    PADDD(x##i##a, _mm256_madd_epi16(av, w0));        \
    PADDD(x##i##b, _mm256_madd_epi16(av, w1));        \
  }
      QROWS4(STEP2)
#undef STEP2
    }
#define OUT2(i)                                                                          \
  if ((i) < r) {                                                                         \
    __m256i xs[2] = {x##i##a, x##i##b};                                                  \
    for (size_t h = 0; h < 2; h++) {                                                     \
      __m256 s = _mm256_mul_ps(_mm256_set1_ps(sa[i]), _mm256_loadu_ps(w->qs + p + 8 * h)); \
      __m256 y = _mm256_mul_ps(_mm256_cvtepi32_ps(xs[h]), s);                            \
      if (bias) y = _mm256_add_ps(y, _mm256_loadu_ps(bias + p + 8 * h));                 \
      _mm256_storeu_ps(c + (i) * ldc + p + 8 * h, y);                                    \
    }                                                                                    \
  }
    QROWS4(OUT2)
#undef OUT2
  }
}

AVX2_FN static void gemm_fx_avx2(size_t m, const CnkgLacMat *w, const float *a, size_t lda,
                                 const float *bias, float *c, size_t ldc) {
  _Alignas(32) int16_t q[AVX2_QR * QK_MAX];
  float sa[AVX2_QR];
  for (size_t i = 0; i < m; i += AVX2_QR) {
    size_t r = m - i < AVX2_QR ? m - i : AVX2_QR;
    for (size_t j = 0; j < r; j++)
      sa[j] = quantize_row_avx2(a + (i + j) * lda, w->k, q + j * QK_MAX);
    /* rows past the end read zeros and are not stored */
    for (size_t j = r; j < AVX2_QR; j++) {
      memset(q + j * QK_MAX, 0, w->k * sizeof *q);
      sa[j] = 0.0f;
    }
    mkq_avx2(r, w->k, q, sa, w, bias, c + i * ldc, ldc);
  }
}

static const CnkgLacKernels kernels_avx2 = {"avx2",           gates_avx2,   update_avx2,
                                            vit_forward_avx2, vit_backward_avx2,
                                            gemm_avx2,        gemm_fx_avx2, "avx2"};


/* ---- AVX-512 ---------------------------------------------------------- */

/* The same polynomial and operation order as exp8, so every element comes
 * out bit for bit as in the AVX2 version. */
AVX512_FN static inline __m512 exp16(__m512 x) {
  x = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.0f)), _mm512_set1_ps(87.0f));
  __m512i ni = _mm512_cvtps_epi32(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)));
  __m512 n = _mm512_cvtepi32_ps(ni);
  __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
  r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
  __m512 p = _mm512_set1_ps(1.0f / 720);
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 120));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 24));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 6));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(0.5f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f));
  __m512 scale =
      _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(ni, _mm512_set1_epi32(127)), 23));
  return _mm512_mul_ps(p, scale);
}

AVX512_FN static inline __m512 sigmoid16(__m512 x) {
  __m512 one = _mm512_set1_ps(1.0f);
  return _mm512_div_ps(one, _mm512_add_ps(one, exp16(_mm512_sub_ps(_mm512_setzero_ps(), x))));
}

AVX512_FN static inline __m512 tanh16(__m512 x) {
  __m512 one = _mm512_set1_ps(1.0f);
  __m512 e = exp16(_mm512_add_ps(x, x));
  return _mm512_sub_ps(one, _mm512_div_ps(_mm512_set1_ps(2.0f), _mm512_add_ps(e, one)));
}

AVX512_FN static void gates_avx512(const float *x, const float *g, const float *h, float *u,
                                   float *q) {
  for (size_t k = 0; k < H; k += 16) {
    _mm512_storeu_ps(u + k,
                     sigmoid16(_mm512_add_ps(_mm512_loadu_ps(x + k), _mm512_loadu_ps(g + k))));
    __m512 rr = sigmoid16(_mm512_add_ps(_mm512_loadu_ps(x + H + k), _mm512_loadu_ps(g + H + k)));
    _mm512_storeu_ps(q + k, _mm512_mul_ps(rr, _mm512_loadu_ps(h + k)));
  }
}

AVX512_FN static void update_avx512(const float *x, const float *c, const float *u, float *h,
                                    float *o) {
  for (size_t k = 0; k < H; k += 16) {
    __m512 cc = tanh16(_mm512_add_ps(_mm512_loadu_ps(x + k), _mm512_loadu_ps(c + k)));
    __m512 uu = _mm512_loadu_ps(u + k), hh = _mm512_loadu_ps(h + k);
    hh = _mm512_add_ps(_mm512_mul_ps(_mm512_sub_ps(_mm512_set1_ps(1.0f), uu), hh),
                       _mm512_mul_ps(uu, cc));
    _mm512_storeu_ps(h + k, hh);
    _mm512_storeu_ps(o + k, hh);
  }
}

/* All 64 columns at once: four independent compare chains instead of one
 * after another, which is what bounded the narrower versions. */
AVX512_FN static void vit_forward_avx512(const float *prev, const float *trans, size_t k,
                                         float *cur, int32_t *arg) {
  __m512 best[4];
  __m512i a[4];
  for (size_t v = 0; v < 4; v++) {
    best[v] = _mm512_add_ps(_mm512_set1_ps(prev[0]), _mm512_loadu_ps(trans + 16 * v));
    a[v] = _mm512_setzero_si512();
  }
  for (size_t i = 1; i < k; i++) {
    __m512 pv = _mm512_set1_ps(prev[i]);
    __m512i iv = _mm512_set1_epi32((int)i);
    for (size_t v = 0; v < 4; v++) {
      __m512 x = _mm512_add_ps(pv, _mm512_loadu_ps(trans + i * P + 16 * v));
      __mmask16 gt = _mm512_cmp_ps_mask(x, best[v], _CMP_GT_OQ);  /* first maximum stays */
      best[v] = _mm512_mask_mov_ps(best[v], gt, x);
      a[v] = _mm512_mask_mov_epi32(a[v], gt, iv);
    }
  }
  for (size_t v = 0; v < 4; v++) {
    _mm512_storeu_ps(cur + 16 * v, best[v]);
    _mm512_storeu_si512((void *)(arg + 16 * v), a[v]);
  }
}

AVX512_FN static void vit_backward_avx512(const float *rest, const float *trans_t, size_t k,
                                          float *out) {
  __m512 best[4];
  for (size_t v = 0; v < 4; v++)
    best[v] = _mm512_add_ps(_mm512_loadu_ps(trans_t + 16 * v), _mm512_set1_ps(rest[0]));
  for (size_t j = 1; j < k; j++) {
    __m512 rv = _mm512_set1_ps(rest[j]);
    for (size_t v = 0; v < 4; v++)
      best[v] = _mm512_max_ps(best[v], _mm512_add_ps(_mm512_loadu_ps(trans_t + j * P + 16 * v), rv));
  }
  for (size_t v = 0; v < 4; v++) _mm512_storeu_ps(out + 16 * v, best[v]);
}

/* Products: r rows by two 16-column panels (32 columns) at a time; with
 * eight rows, 16 accumulators of the 32 registers. */
#define AVX512_MR 8

AVX512_FN static INLINE void mk_avx512(size_t r, size_t k, const float *a, size_t lda,
                                        const float *b0, const float *bias, float *c,
                                        size_t ldc) {
  const float *b1 = b0 + k * NR;
  __m512 x[AVX512_MR][2];
  UNROLL for (size_t i = 0; i < r; i++) x[i][0] = x[i][1] = _mm512_setzero_ps();
  for (size_t t = 0; t < k; t++) {
    __m512 v0 = _mm512_load_ps(b0 + t * NR), v1 = _mm512_load_ps(b1 + t * NR);
    UNROLL for (size_t i = 0; i < r; i++) {
      __m512 s = _mm512_set1_ps(a[i * lda + t]);
      x[i][0] = _mm512_fmadd_ps(s, v0, x[i][0]);
      x[i][1] = _mm512_fmadd_ps(s, v1, x[i][1]);
    }
  }
  UNROLL for (size_t i = 0; i < r; i++) {
    if (bias) {
      x[i][0] = _mm512_add_ps(x[i][0], _mm512_loadu_ps(bias));
      x[i][1] = _mm512_add_ps(x[i][1], _mm512_loadu_ps(bias + NR));
    }
    _mm512_storeu_ps(c + i * ldc, x[i][0]);
    _mm512_storeu_ps(c + i * ldc + NR, x[i][1]);
  }
}

/* Blocks of MC rows (MC x k floats, at most 64 KB, stay in the L2 cache);
 * within a block, panels outer: a pair of panels (k x 32 floats) stays in
 * the L1 cache while the block's rows stream past it. */
#define MC 64

AVX512_FN static void gemm_avx512(size_t m, const CnkgLacMat *w, const float *a, size_t lda,
                                  const float *bias, float *c, size_t ldc) {
  size_t k = w->k;
  for (size_t i0 = 0; i0 < m; i0 += MC) {
    size_t i1 = m - i0 < MC ? m : i0 + MC;
    for (size_t p = 0; p < w->np; p += 2 * NR) {
      const float *b = w->pf + p * k, *bp = bias ? bias + p : NULL;
      for (size_t i = i0; i < i1; i += AVX512_MR) {
        const float *ai = a + i * lda;
        float *ci = c + i * ldc + p;
        switch (i1 - i < AVX512_MR ? i1 - i : AVX512_MR) {
          case 1: mk_avx512(1, k, ai, lda, b, bp, ci, ldc); break;
          case 2: mk_avx512(2, k, ai, lda, b, bp, ci, ldc); break;
          case 3: mk_avx512(3, k, ai, lda, b, bp, ci, ldc); break;
          case 4: mk_avx512(4, k, ai, lda, b, bp, ci, ldc); break;
          case 5: mk_avx512(5, k, ai, lda, b, bp, ci, ldc); break;
          case 6: mk_avx512(6, k, ai, lda, b, bp, ci, ldc); break;
          case 7: mk_avx512(7, k, ai, lda, b, bp, ci, ldc); break;
          default: mk_avx512(8, k, ai, lda, b, bp, ci, ldc); break;
        }
      }
    }
  }
}

/* Fixed point with VNNI: vpdpwssd multiplies pairs of 16-bit integers and
 * accumulates them into 32 bits in one instruction, twice the products
 * per instruction of a float FMA. */
#define VNNI_MR 8

/* acc += pairwise products of a and b. GCC 12 surrounds the intrinsic with
 * register copies of the accumulator (a third of the loop's instructions);
 * the same instruction written as asm with the accumulator in place has
 * none. */
/* R rows (8, 4, 2 or 1) by two panels; rows past the block's end read
 * zeros and are not stored. The accumulators are named variables, since
 * GCC 12 spills an array of them around vpdpwssd (and copies them around
 * the intrinsic); with the accumulator as an asm operand in place it does
 * neither. */
#if defined(__GNUC__) && !defined(__clang__)
#define DPWSSD(acc, a, b) __asm__("vpdpwssd %2, %1, %0" : "+v"(acc) : "v"(a), "v"(b))
#else
#define DPWSSD(acc, a, b) ((acc) = _mm512_dpwssd_epi32((acc), (a), (b)))
#endif
#define ROWS8(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#define ROWS4(X) X(0) X(1) X(2) X(3)
#define ROWS2(X) X(0) X(1)
#define ROWS1(X) X(0)
#define MKQ_DECL(i) __m512i x##i##a = _mm512_setzero_si512(), x##i##b = _mm512_setzero_si512();
#define MKQ_STEP(i)                                                \
  {                                                                \
    int32_t v;                                                     \
    memcpy(&v, q + (i) * QK_MAX + 2 * g, 4);                       \
    __m512i av = _mm512_set1_epi32(v);                             \
    DPWSSD(x##i##a, av, w0);                                       \
    DPWSSD(x##i##b, av, w1);                                       \
  }
#define MKQ_OUT(i)                                                                \
  if ((i) < r) {                                                                  \
    __m512 y0 = _mm512_mul_ps(_mm512_cvtepi32_ps(x##i##a),                        \
                              _mm512_mul_ps(_mm512_set1_ps(sa[i]), s0));          \
    __m512 y1 = _mm512_mul_ps(_mm512_cvtepi32_ps(x##i##b),                        \
                              _mm512_mul_ps(_mm512_set1_ps(sa[i]), s1));          \
    if (bias) {                                                                   \
      y0 = _mm512_add_ps(y0, _mm512_loadu_ps(bias));                              \
      y1 = _mm512_add_ps(y1, _mm512_loadu_ps(bias + NR));                         \
    }                                                                             \
    _mm512_storeu_ps(c + (i) * ldc, y0);                                          \
    _mm512_storeu_ps(c + (i) * ldc + NR, y1);                                     \
  }
#define MKQ_VNNI(name, ROWS)                                                           \
  VNNI_FN static void name(size_t r, size_t k, const int16_t *q, const float *sa,       \
                           const int16_t *b0, const float *qs, const float *bias,      \
                           float *c, size_t ldc) {                                     \
    const int16_t *b1 = b0 + k * NR;                                                   \
    ROWS(MKQ_DECL)                                                                     \
    for (size_t g = 0; g < k / 2; g++) {                                               \
      __m512i w0 = _mm512_load_si512((const void *)(b0 + g * 32));                     \
      __m512i w1 = _mm512_load_si512((const void *)(b1 + g * 32));                     \
      ROWS(MKQ_STEP)                                                                   \
    }                                                                                  \
    __m512 s0 = _mm512_loadu_ps(qs), s1 = _mm512_loadu_ps(qs + NR);                    \
    ROWS(MKQ_OUT)                                                                      \
  }
MKQ_VNNI(mkq_vnni8, ROWS8)
MKQ_VNNI(mkq_vnni4, ROWS4)
MKQ_VNNI(mkq_vnni2, ROWS2)
MKQ_VNNI(mkq_vnni1, ROWS1)

VNNI_FN static float quantize_row_avx512(const float *a, size_t k, int16_t *q) {
  __m512 mx = _mm512_setzero_ps();
  for (size_t t = 0; t < k; t += 16) mx = _mm512_max_ps(mx, _mm512_abs_ps(_mm512_loadu_ps(a + t)));
  float m = _mm512_reduce_max_ps(mx);
  float inv = m > 0.0f ? (float)LA / m : 0.0f;
  __m512 vi = _mm512_set1_ps(inv);
  for (size_t t = 0; t < k; t += 16)
    _mm256_storeu_si256((__m256i *)(void *)(q + t),
                        _mm512_cvtepi32_epi16(_mm512_cvtps_epi32(_mm512_mul_ps(_mm512_loadu_ps(a + t), vi))));
  return m / (float)LA;
}

/* Rows in blocks of MC (quantised once), panel pairs outer within a block. */
VNNI_FN static void gemm_fx_vnni(size_t m, const CnkgLacMat *w, const float *a, size_t lda,
                                 const float *bias, float *c, size_t ldc) {
  _Alignas(64) int16_t q[MC * QK_MAX];
  float sa[MC];
  size_t k = w->k;
  for (size_t i0 = 0; i0 < m; i0 += MC) {
    size_t n = m - i0 < MC ? m - i0 : MC;
    for (size_t j = 0; j < n; j++) sa[j] = quantize_row_avx512(a + (i0 + j) * lda, k, q + j * QK_MAX);
    for (size_t j = n; j % VNNI_MR; j++) {
      memset(q + j * QK_MAX, 0, k * sizeof *q);
      sa[j] = 0.0f;
    }
    for (size_t p = 0; p < w->np; p += 2 * NR) {
      const int16_t *b = w->pq + p * k;
      const float *qs = w->qs + p, *bp = bias ? bias + p : NULL;
      for (size_t i = 0; i < n; i += VNNI_MR) {
        const int16_t *qi = q + i * QK_MAX;
        float *ci = c + (i0 + i) * ldc + p;
        size_t r = n - i < VNNI_MR ? n - i : VNNI_MR;
        (r > 4 ? mkq_vnni8 : r > 2 ? mkq_vnni4 : r > 1 ? mkq_vnni2 : mkq_vnni1)(
            r, k, qi, sa + i, b, qs, bp, ci, ldc);
      }
    }
  }
}

/* AVX-512 without VNNI (Skylake-X) keeps the AVX2 fixed-point product. */
static const CnkgLacKernels kernels_avx512 = {"avx512",           gates_avx512,  update_avx512,
                                              vit_forward_avx512, vit_backward_avx512,
                                              gemm_avx512,        gemm_fx_avx2,  "avx2"};
static const CnkgLacKernels kernels_avx512_vnni = {
    "avx512", gates_avx512, update_avx512, vit_forward_avx512, vit_backward_avx512,
    gemm_avx512, gemm_fx_vnni, "avx512-vnni"};

/* "openblas": its sgemm (the kernel it picks from its own CPU table) with
 * this CPU's best activations and Viterbi, for comparison. */
static const CnkgLacKernels kernels_openblas_sse2 = {
    "openblas", gates_sse2, update_sse2, vit_forward_sse2, vit_backward_sse2,
    NULL, gemm_fx_c, "c"};
static const CnkgLacKernels kernels_openblas_avx2 = {
    "openblas", gates_avx2, update_avx2, vit_forward_avx2, vit_backward_avx2,
    NULL, gemm_fx_avx2, "avx2"};
static const CnkgLacKernels kernels_openblas_avx512 = {
    "openblas", gates_avx512, update_avx512, vit_forward_avx512, vit_backward_avx512,
    NULL, gemm_fx_vnni, "avx512-vnni"};

static int have_avx2(void) {
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

/* The AVX-512 kernels need F, BW, DQ and VL (every AVX-512 CPU so far has
 * all four); __builtin_cpu_supports also checks that the OS saves the
 * registers. */
static int have_avx512(void) {
  return have_avx2() && __builtin_cpu_supports("avx512f") &&
         __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
         __builtin_cpu_supports("avx512vl");
}

static int have_vnni(void) { return have_avx512() && __builtin_cpu_supports("avx512vnni"); }

/* Read straight from CPUID for the description only: gcc 12 knows these
 * names in __builtin_cpu_supports, clang 14 refuses "avx512fp16" at compile
 * time. BF16 is leaf 7 subleaf 1 EAX bit 5, FP16 leaf 7 subleaf 0 EDX bit 23. */
static int cpuid7_bit(unsigned subleaf, int reg, unsigned bit) {
  unsigned r[4] = {0, 0, 0, 0};
  if ((unsigned)__get_cpuid_max(0, NULL) < 7u) return 0;
  __cpuid_count(7, subleaf, r[0], r[1], r[2], r[3]);
  return have_avx512() && ((r[reg] >> bit) & 1u);
}
#endif

unsigned cnkg_lac_fp_enter(void) {
#if HAVE_X86
  unsigned saved = _mm_getcsr();
  _mm_setcsr(saved | 0x8040u);  /* flush to zero (bit 15), denormals are zero (bit 6) */
  return saved;
#else
  return 0;
#endif
}

void cnkg_lac_fp_leave(unsigned saved) {
#if HAVE_X86
  _mm_setcsr(saved);
#else
  (void)saved;
#endif
}

const char *const cnkg_lac_kernel_names[] = {"scalar", "sse2", "avx2", "avx512", "openblas",
                                             NULL};

void cnkg_lac_cpu_describe(char *buf, size_t size) {
  if (!buf || !size) return;
  char brand[49] = "";
#if HAVE_X86
  unsigned r[12];
  if ((unsigned)__get_cpuid_max(0x80000000u, NULL) >= 0x80000004u) {
    for (unsigned l = 0; l < 3; l++)
      __get_cpuid(0x80000002u + l, &r[4 * l], &r[4 * l + 1], &r[4 * l + 2], &r[4 * l + 3]);
    memcpy(brand, r, 48);
  }
  const char *b = brand;
  while (*b == ' ') b++;
  snprintf(buf, size, "%s;%s%s%s%s%s%s", *b ? b : "unknown x86-64 CPU",
           __builtin_cpu_supports("sse2") ? " sse2" : "", have_avx2() ? " avx2 fma" : "",
           have_avx512() ? " avx512f/bw/dq/vl" : "", have_vnni() ? " avx512-vnni" : "",
           cpuid7_bit(1, 0, 5) ? " avx512-bf16" : "", cpuid7_bit(0, 3, 23) ? " avx512-fp16" : "");
#else
  (void)brand;
  snprintf(buf, size, "not x86-64; portable C kernels only");
#endif
}

const CnkgLacKernels *cnkg_lac_kernels_named(const char *name) {
  if (!name) return NULL;
  if (strcmp(name, "scalar") == 0) return &kernels_c;
#if HAVE_X86
  if (strcmp(name, "sse2") == 0 || strcmp(name, "generic") == 0) return &kernels_sse2;
  if (strcmp(name, "avx2") == 0) return have_avx2() ? &kernels_avx2 : NULL;
  if (strcmp(name, "avx512") == 0)
    return have_vnni() ? &kernels_avx512_vnni : have_avx512() ? &kernels_avx512 : NULL;
  if (strcmp(name, "openblas") == 0)
    return have_vnni()   ? &kernels_openblas_avx512
           : have_avx2() ? &kernels_openblas_avx2
                         : &kernels_openblas_sse2;
#else
  if (strcmp(name, "generic") == 0) return &kernels_c;
#endif
  return NULL;
}

const CnkgLacKernels *cnkg_lac_kernels_best(void) {
#if HAVE_X86
  return have_vnni()     ? &kernels_avx512_vnni
         : have_avx512() ? &kernels_avx512
         : have_avx2()   ? &kernels_avx2
                         : &kernels_sse2;
#else
  return &kernels_c;
#endif
}
