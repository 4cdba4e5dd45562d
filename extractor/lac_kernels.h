/* SPDX-License-Identifier: Apache-2.0
 * Inner loops of the LAC analyser: its matrix products for the model's
 * fixed shapes (float32, and 16-bit fixed point for the reduced-precision
 * path), GRU gate
 * activations and Viterbi steps, in portable C, SSE2, AVX2+FMA and AVX-512
 * versions chosen once at run time from what the CPU reports (cpuid), not
 * from a BLAS library's table of known models. Private to extractor/lac*.c;
 * depends on nothing but the C library and compiler intrinsics. */
#ifndef CNKG_EXTRACTOR_LAC_KERNELS_H
#define CNKG_EXTRACTOR_LAC_KERNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"

/* Widths the kernels assume: GRU hidden size and padded tag rows. */
#define CNKG_LAC_KH 128u
#define CNKG_LAC_KP 64u
/* Columns per packed weight panel; products write a multiple of twice this
 * many columns (the padding columns are zero weights and zero bias). */
#define CNKG_LAC_NR 16u

/* One weight matrix b (k inputs x n outputs, row-major in the model file)
 * packed for the kernels: panels of CNKG_LAC_NR columns, each k x NR
 * floats, so a kernel reads one contiguous 64-byte row of a panel per
 * input. The fixed-point form (made on request) holds per-column scales:
 * b[i][j] ~ q[i][j] * qs[j] with |q| < 2^12 (see lac_kernels.c); its
 * panels store pairs of inputs per column (k/2 groups of NR x 2 int16),
 * the layout vpdpwssd and vpmaddwd multiply. Made by cnkg_lac_mat_init,
 * owns pf, pq and qs. */
typedef struct {
  size_t k, n, np;   /* inputs, outputs, outputs padded to a multiple of 2 NR */
  const float *rm;   /* k x n row-major, borrowed from the model (OpenBLAS reads it) */
  float *pf;         /* np / NR float panels */
  int16_t *pq;       /* np / NR fixed-point panels, or NULL until cnkg_lac_mat_quantize */
  float *qs;         /* np column scales */
} CnkgLacMat;

/* Packs rm (k x n floats, k a multiple of 4) into m; m borrows rm. Returns
 * CNKG_ERR_NOMEM (m is then empty) or CNKG_ERR_ARG. */
CnkgStatus cnkg_lac_mat_init(CnkgLacMat *m, const float *rm, size_t k, size_t n);

/* Adds the fixed-point form to m (no-op if present). CNKG_ERR_NOMEM. */
CnkgStatus cnkg_lac_mat_quantize(CnkgLacMat *m);

/* Frees what cnkg_lac_mat_init and _quantize allocated; m may be zeroed. */
void cnkg_lac_mat_clear(CnkgLacMat *m);

/* c[i][j] = sum_t a[i][t] w[t][j] + bias[j] (bias may be NULL) for i < m
 * and j < w->np: writes w->np columns of each row of c. */
typedef void CnkgLacGemm(size_t m, const CnkgLacMat *w, const float *a, size_t lda,
                         const float *bias, float *c, size_t ldc);

typedef struct {
  const char *name;  /* "scalar", "sse2", "avx2", "avx512", "openblas" */
  /* u = sigmoid(x + g), q = sigmoid(x[H..] + g[H..]) * h  (H floats each) */
  void (*gates)(const float *x, const float *g, const float *h, float *u, float *q);
  /* h = (1 - u) h + u tanh(x + c); o = h */
  void (*update)(const float *x, const float *c, const float *u, float *h, float *o);
  /* cur[j] = max_i prev[i] + trans[i][j] over i < k, arg[j] = first such i,
   * for all KP columns j; trans rows are KP wide */
  void (*vit_forward)(const float *prev, const float *trans, size_t k, float *cur,
                      int32_t *arg);
  /* out[i] = max_j trans_t[j][i] + rest[j] over j < k, for all KP i */
  void (*vit_backward)(const float *rest, const float *trans_t, size_t k, float *out);
  /* float32 product; NULL: the caller's BLAS (cblas_sgemm on w->rm) */
  CnkgLacGemm *gemm;
  /* fixed-point product: each row of a is scaled by its largest magnitude
   * to 12-bit integers and rounded; the integer sums are exact, so every
   * version gives the same products. Needs w->pq. */
  CnkgLacGemm *gemm_fx;
  const char *fx_name;  /* instructions of gemm_fx: "c", "avx2", "avx512-vnni" */
} CnkgLacKernels;

typedef struct CnkgLac CnkgLac;

/* Makes lac use kernels (NULL: the default for this CPU); for tests and the
 * benchmark that run every version. Not thread-safe with analysis.
 * CNKG_ERR_DATA (lac unchanged) when kernels need OpenBLAS and it cannot be
 * loaded. */
CnkgStatus cnkg_lac_use_kernels(CnkgLac *lac, const CnkgLacKernels *kernels);

/* The kernels lac uses now. */
const CnkgLacKernels *cnkg_lac_kernels_of(const CnkgLac *lac);

/* The default kernels for this CPU (the fastest measured on it); static. */
const CnkgLacKernels *cnkg_lac_kernels_best(void);

/* Kernels by name ("generic" is the baseline of the architecture: sse2 on
 * x86-64, else scalar), or NULL when unknown or not supported here. */
const CnkgLacKernels *cnkg_lac_kernels_named(const char *name);

/* Names of all kernel versions, NULL-terminated, supported here or not. */
extern const char *const cnkg_lac_kernel_names[];

/* Makes the calling thread treat subnormal floats as zero (x86 MXCSR
 * FTZ and DAZ) and returns the previous state for cnkg_lac_fp_leave. The
 * GRU's reset gate times its state reaches the subnormal range (below
 * 1.2e-38), where every product through it ran eight times slower; values
 * that small change no emission by a measurable amount. */
unsigned cnkg_lac_fp_enter(void);
void cnkg_lac_fp_leave(unsigned saved);

/* The CPU's brand string and the vector extensions the kernels can use,
 * e.g. "Intel(R) Xeon(R) ...; avx2 fma avx512f avx512-vnni". */
void cnkg_lac_cpu_describe(char *buf, size_t size);

#endif
