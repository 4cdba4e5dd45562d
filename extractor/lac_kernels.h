/* SPDX-License-Identifier: Apache-2.0
 * Inner loops of the LAC analyser that are not matrix products: GRU gate
 * activations and Viterbi steps, in plain C, SSE2 and AVX2+FMA versions
 * chosen once at run time. Private to extractor/lac*.c; depends on nothing
 * but the C library and compiler intrinsics. */
#ifndef CNKG_EXTRACTOR_LAC_KERNELS_H
#define CNKG_EXTRACTOR_LAC_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/* Widths the kernels assume: GRU hidden size and padded tag rows. */
#define CNKG_LAC_KH 128u
#define CNKG_LAC_KP 64u

typedef struct {
  const char *name;  /* "scalar", "sse2", "avx2" */
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
} CnkgLacKernels;

typedef struct CnkgLac CnkgLac;

/* Makes lac use kernels (NULL: the best for this CPU); for tests that run
 * every version against the reference. Not thread-safe with analysis. */
void cnkg_lac_use_kernels(CnkgLac *lac, const CnkgLacKernels *kernels);

/* The fastest kernels this CPU runs; static storage. */
const CnkgLacKernels *cnkg_lac_kernels_best(void);

/* Kernels by name, or NULL when unknown or not supported here (tests use
 * this to check every version against the reference). */
const CnkgLacKernels *cnkg_lac_kernels_named(const char *name);

#endif
