/* SPDX-License-Identifier: Apache-2.0
 * LAC "small" lexical analyser (BiGRU-CRF): segmentation, POS and
 * PER/LOC/ORG/TIME tags for one sentence. The model file (made at build time
 * by tools/mklac.c) is mapped read-only once and shared by all threads;
 * each thread uses its own CnkgLacResult as scratch. Depends on status.h,
 * text.h and a CBLAS. */
#ifndef CNKG_EXTRACTOR_LAC_H
#define CNKG_EXTRACTOR_LAC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"
#include "cnkg/text.h"

typedef struct CnkgLac CnkgLac;

typedef struct {
  size_t begin, end;    /* byte offsets into the analysed sentence */
  size_t cbegin, cend;  /* code-point offsets into the analysed sentence */
  const char *tag;      /* word tag without -B/-I: "n", "v", "PER", "LOC", "ORG", "TIME",
                         * ..., "O"; owned by the CnkgLac, valid while it is open */
} CnkgLacWord;

typedef struct {
  CnkgLacWord *words;
  size_t n_words;
  uint16_t *tags;       /* per code point: tag id (see cnkg_lac_tag_name) */
  float *margins;       /* per code point: score of the best path minus that of the
                         * best path with another tag at this position (>= 0; exact,
                         * from forward and backward Viterbi max-sums) */
  size_t n_chars;
  void *scratch;        /* private buffers reused across calls */
  size_t cap_chars, cap_words;
} CnkgLacResult;

/* Maps the model file at path (read-only, shared) and packs its weight
 * matrices for the kernels (about a millisecond). On failure *lac is NULL
 * and err says why (which file, what is wrong, how to rebuild it; or an
 * unusable CNKG_LAC_KERNEL). Caller owns *lac. Also limits OpenBLAS to one
 * thread: callers parallelise by running analyses in their own threads,
 * each with its own CnkgLacResult. CNKG_ERR_DATA, CNKG_ERR_NOMEM,
 * CNKG_ERR_ARG (CNKG_LAC_KERNEL names no kernel this CPU runs). */
CnkgStatus cnkg_lac_open(const char *path, CnkgLac **lac, char *err, size_t errsize);
void cnkg_lac_free(CnkgLac *lac);

/* Prepares the calling thread for analyses: when lac's kernels use
 * OpenBLAS's sgemm (CNKG_LAC_KERNEL=openblas), OpenBLAS's per-thread buffer
 * (about 160 MB with a margin) is allocated now, while that much memory is
 * free, instead of on the first analysis, where OpenBLAS would retry a
 * failed allocation for ever; our own kernels need nothing. Call once in
 * each thread that analyses (again after cnkg_lac_use_kernels).
 * CNKG_ERR_NOMEM (err says how much is missing), CNKG_ERR_ARG. */
CnkgStatus cnkg_lac_prepare_thread(const CnkgLac *lac, char *err, size_t errsize);

/* Analyses one sentence (well-formed UTF-8). Fills result, reusing its
 * buffers; sentences longer than 512 characters are cut into pieces that
 * are analysed independently, after sentence-ending punctuation, else after
 * a comma-like mark, else at 512. The words are borrowed until the next
 * call on result; tag strings live as long as lac. Thread-safe for
 * distinct results. Start result as {0}; release it with
 * cnkg_lac_result_clear. CNKG_ERR_ARG (NULL arguments, malformed UTF-8),
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_lac_analyze(const CnkgLac *lac, CnkgStr sentence, CnkgLacResult *result);

/* Analyses n sentences at once: the network runs over batches of about 4096
 * characters, which turns its matrix-vector products into faster
 * matrix-matrix ones; the longest chunks go together. results[i] receives
 * sentence i exactly as cnkg_lac_analyze would fill it (with the own
 * kernels to the bit: they compute every row on its own; OpenBLAS may round
 * differently by batch); results[0] also holds the shared scratch memory.
 * Batches depend only on the input, so output never depends on thread
 * count or timing.
 * CNKG_ERR_ARG (NULL arguments, malformed UTF-8), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_lac_analyze_batch(const CnkgLac *lac, const CnkgStr *sentences, size_t n,
                                  CnkgLacResult *results);

/* Emission scores (n_chars x 57 floats, row-major) for tests and --emissions.
 * Caller owns *scores (free()). */
CnkgStatus cnkg_lac_emissions(const CnkgLac *lac, CnkgStr sentence, float **scores,
                              size_t *n_chars);

/* Frees result's buffers (not result itself); result may be reused after. */
void cnkg_lac_result_clear(CnkgLacResult *result);

/* Arithmetic of the network's big products (the GRU gate and candidate
 * products and layer 1's input projection). EXACT: float32, the
 * reference's results within 1e-4. FAST: 16-bit fixed point with 12
 * significant bits (weights scaled per column when the model opens, rows of
 * activations per row), vpdpwssd on AVX-512 VNNI: about 99.98% of
 * characters keep their tags. The integer sums are exact, so the products
 * do not depend on the kernel version. */
typedef enum { CNKG_LAC_EXACT, CNKG_LAC_FAST } CnkgLacPrecision;

/* Sets the precision of models opened afterwards (EXACT unless set). A
 * start-up setting for the command line: call it before opening models and
 * before starting threads. */
void cnkg_lac_set_default_precision(CnkgLacPrecision precision);

/* Switches lac to precision (quantising its weights the first time FAST is
 * asked for: about 800 KB). Not thread-safe with analysis.
 * CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_lac_use_precision(CnkgLac *lac, CnkgLacPrecision precision);
CnkgLacPrecision cnkg_lac_precision(const CnkgLac *lac);

/* One line naming the kernels lac runs, its precision and the CPU, e.g.
 * "lac kernel: avx512, float32 (cpu: Intel(R) Xeon(R) ...; sse2 avx2 fma
 * ...)"; with lac NULL, the default this CPU would get. Kernels are chosen
 * when the model opens from what cpuid reports (AVX-512, else AVX2+FMA, else
 * SSE2); the environment variable CNKG_LAC_KERNEL=generic|scalar|sse2|avx2|
 * avx512|openblas overrides the choice, for tests and benchmarks. */
void cnkg_lac_describe(const CnkgLac *lac, char *buf, size_t size);

/* Whether characters are looked up in the forms the model was trained on
 * (on by default): full-width ASCII forms as ASCII, 。、“”‘’【】—… as the
 * ASCII marks the training text had, one code point for one so offsets do
 * not change. Off, the analyser sees the text as given, like the reference
 * implementation (tests compare with it). Not thread-safe with analysis. */
void cnkg_lac_set_trained_forms(CnkgLac *lac, bool on);

/* Full tag name of an id ("LOC-B", "n-I", "O"); NULL when out of range. */
const char *cnkg_lac_tag_name(const CnkgLac *lac, unsigned tag);
size_t cnkg_lac_tag_count(const CnkgLac *lac);

#endif
