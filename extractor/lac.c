/* SPDX-License-Identifier: Apache-2.0
 * LAC "small" inference: maps lac.model (see lac_int.h), runs the two BiGRU
 * layers over batches of sentence chunks with matrix products (one matrix
 * row per chunk and time step) from lac_kernels.c, chosen by what the CPU
 * has, or with CBLAS sgemm on request; then Viterbi with per-character path
 * margins. Depends on lac.h, lac_int.h, lac_kernels.h, text.h, a CBLAS
 * (OpenBLAS, loaded with dlopen only when its kernel is asked for) and POSIX
 * mmap; cnkg/memory.h before a thread's first OpenBLAS product. */
#include "extractor/lac.h"

#include <cblas.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cnkg/memory.h"
#include "extractor/lac_int.h"
#include "extractor/lac_kernels.h"
#include "cnkg/grow.h"

#define H ((size_t)CNKG_LAC_H)
#define G ((size_t)CNKG_LAC_G)
#define MAX_TAGS CNKG_LAC_KP
/* Chunk bound: sentences longer than this are cut (at punctuation when
 * possible) so scratch memory stays bounded; far above normal sentences. */
#define CHUNK_MAX 512u
/* Characters per batched forward pass: bounds the N x 2G projection buffer
 * (about 3 KB per character) while keeping the recurrent sgemms wide. */
#define BATCH_CHARS 4096u

struct CnkgLac {
  void *map;
  size_t map_len;
  const uint32_t *pairs;  /* (code point, row) sorted */
  size_t n_pairs;
  uint32_t oov, rows;
  size_t n_tags;
  const char *full[MAX_TAGS], *word[MAX_TAGS];
  bool begins[MAX_TAGS];  /* starts a word: "O" or "*-B" */
  const float *proj0, *b1, *b4;
  /* packed products: gate and candidate weights per GRU, layer 1's input
   * projection, the output layer */
  CnkgLacMat wg[4], wc[4], w1, w4;
  float b4p[MAX_TAGS];  /* b4, zero-padded to the output's padded width */
  const float *start, *end;
  /* transitions [from][to] and transposed [to][from], rows MAX_TAGS wide */
  float trans_p[MAX_TAGS * MAX_TAGS], trans_tp[MAX_TAGS * MAX_TAGS];
  const CnkgLacKernels *kernels;  /* products, activations and Viterbi steps */
  CnkgLacPrecision precision;
  bool raw_input;  /* looks characters up as given (the reference's way) */
};

/* OpenBLAS, loaded on the first open that asks for its kernel rather than
 * linked: when loaded, it starts a pool of threads with a 128 MB buffer
 * each unless OPENBLAS_NUM_THREADS says otherwise by then (under a memory
 * limit such a thread retried its allocation for ever), and cnkg never
 * uses the pool (one product per worker thread). Loading it late lets that
 * variable be set first, and spares the start-up of every run that uses
 * cnkg's own kernels. */
typedef void (*SgemmFn)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE, blasint,
                        blasint, blasint, float, const float *, blasint, const float *, blasint,
                        float, float *, blasint);
_Static_assert(_Generic(&cblas_sgemm, SgemmFn: 1, default: 0),
               "SgemmFn has cblas_sgemm's type");
static SgemmFn blas_sgemm;
static char blas_error[256];
static pthread_once_t blas_once = PTHREAD_ONCE_INIT;

static void blas_load(void) {
  if (!getenv("OPENBLAS_NUM_THREADS")) setenv("OPENBLAS_NUM_THREADS", "1", 1);
  void *lib = dlopen(CNKG_OPENBLAS_SONAME, RTLD_NOW | RTLD_LOCAL);
  void *sgemm = lib ? dlsym(lib, "cblas_sgemm") : NULL;
  void *threads = lib ? dlsym(lib, "openblas_set_num_threads") : NULL;
  if (!sgemm) {
    const char *why = dlerror();
    snprintf(blas_error, sizeof blas_error, "cannot load OpenBLAS (%s): %s",
             CNKG_OPENBLAS_SONAME, why ? why : "no cblas_sgemm");
    return;
  }
  /* object to function pointer: POSIX guarantees dlsym's result converts */
  memcpy(&blas_sgemm, &sgemm, sizeof blas_sgemm);
  if (threads) {
    void (*set_threads)(int);
    memcpy(&set_threads, &threads, sizeof set_threads);
    /* Parallelism comes from callers (one thread per batch); OpenBLAS's
     * own threads would only fight them over cores on these products. */
    set_threads(1);
  }
}

/* Whether kernels can run: those without a product of their own need
 * OpenBLAS, loaded now if it has not been. */
static bool blas_ready(const CnkgLacKernels *kernels) {
  if (kernels->gemm) return true;
  pthread_once(&blas_once, blas_load);
  return blas_sgemm != NULL;
}

/* Read by cnkg_lac_open; set at start-up by the command line. */
static CnkgLacPrecision default_precision = CNKG_LAC_EXACT;

/* One piece of a sentence processed as an independent sequence. */
typedef struct {
  size_t result;  /* which sentence */
  size_t cstart;  /* first code point within the sentence */
  size_t len;     /* code points */
  size_t flat;    /* first row in the batch's flat arrays */
} Chunk;

/* Per-result private memory; the batch engine buffers live in results[0]. */
typedef struct {
  uint32_t *cps;       /* code points of the sentence */
  size_t *boff;        /* byte offset of each code point, plus the end */
  size_t cap;
  /* engine */
  Chunk *chunks;
  size_t cap_chunks;
  uint32_t *rowid;     /* flat: vocab row per char */
  float *x, *h1, *em;  /* flat: N x 2G, N x 2H, N x MAX_TAGS */
  size_t cap_flat;
  float *hs, *gate, *rh, *cand, *upd;  /* per chunk: state and gates of one step */
  size_t cap_state;
  float *alpha, *beta;
  uint8_t *back;
  size_t cap_vit;
  float *emit_out;     /* optional: where emissions go (cnkg_lac_emissions) */
} Scratch;

/* ---- model ---------------------------------------------------------- */

static CnkgStatus fail(char *err, size_t errsize, const char *path, const char *msg) {
  if (err && errsize)
    snprintf(err, errsize, "%s: %s (rebuild it with cnkg-mklac LAC_DIR %s)", path, msg,
             path);
  return CNKG_ERR_DATA;
}

/* The kernels a model opened now gets: CNKG_LAC_KERNEL's (NULL when it
 * names none this CPU runs), else the best for this CPU. */
static const CnkgLacKernels *chosen_kernels(void) {
  const char *name = getenv("CNKG_LAC_KERNEL");
  return name && *name ? cnkg_lac_kernels_named(name) : cnkg_lac_kernels_best();
}

/* Sets m's kernels: CNKG_LAC_KERNEL picks a version by name, for tests and
 * benchmarks; a name this CPU cannot run, or OpenBLAS that cannot be
 * loaded for its kernel, is an error rather than a silent fallback. */
static CnkgStatus pick_kernels(CnkgLac *m, char *err, size_t errsize) {
  const char *kname = getenv("CNKG_LAC_KERNEL");
  m->kernels = chosen_kernels();
  if (!m->kernels) {
    if (err && errsize)
      snprintf(err, errsize,
               "CNKG_LAC_KERNEL=%s: unknown or not supported by this CPU "
               "(generic, scalar, sse2, avx2, avx512, openblas)",
               kname);
    return CNKG_ERR_ARG;
  }
  if (!blas_ready(m->kernels)) {
    if (err && errsize)
      snprintf(err, errsize, "the analyser's %s kernel: %s", m->kernels->name, blas_error);
    return CNKG_ERR_DATA;
  }
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_lac_open(const char *path, CnkgLac **lac, char *err, size_t errsize) {
  if (!lac) return CNKG_ERR_ARG;
  *lac = NULL;
  if (!path) return CNKG_ERR_ARG;
  int fd = open(path, O_RDONLY);
  if (fd < 0) return fail(err, errsize, path, "cannot open the LAC model");
  struct stat st;
  if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(CnkgLacHeader)) {
    close(fd);
    return fail(err, errsize, path, "file too short to be a LAC model");
  }
  size_t len = (size_t)st.st_size;
  void *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return fail(err, errsize, path, "cannot map the LAC model");
  const CnkgLacHeader *hd = map;
  const char *why = NULL;
  if (memcmp(hd->magic, CNKG_LAC_MAGIC, sizeof CNKG_LAC_MAGIC) != 0) why = "not a cnkg LAC model";
  else if (hd->version != CNKG_LAC_VERSION) why = "unsupported model version";
  else if (hd->endian != CNKG_LAC_ENDIAN) why = "model made on a machine of other byte order";
  else if (hd->file_size != len) why = "file size does not match its header (truncated?)";
  else if (hd->hidden != CNKG_LAC_H || hd->n_tags == 0 || hd->n_tags > MAX_TAGS ||
           hd->oov_row >= hd->rows)
    why = "unexpected model dimensions";
  uint64_t want[LAC_SEC_COUNT];
  cnkg_lac_section_sizes(want, hd->n_map, hd->n_tags, hd->rows);
  for (int s = 0; !why && s < LAC_SEC_COUNT; s++)
    if (hd->size[s] != want[s] || hd->offset[s] % 64 != 0 || hd->offset[s] > len ||
        hd->size[s] > len - hd->offset[s])
      why = "corrupt section table";
  CnkgLac *m = why ? NULL : calloc(1, sizeof *m);
  if (!m) {
    munmap(map, len);
    if (!why) {
      if (err && errsize) snprintf(err, errsize, "%s: out of memory", path);
      return CNKG_ERR_NOMEM;
    }
    return fail(err, errsize, path, why);
  }
  const char *base = map;
#define SEC(s) ((const void *)(base + hd->offset[s]))
  m->map = map;
  m->map_len = len;
  m->pairs = SEC(LAC_SEC_MAP);
  m->n_pairs = hd->n_map;
  m->oov = hd->oov_row;
  m->rows = hd->rows;
  size_t K = hd->n_tags;
  m->n_tags = K;
  const char *tags = SEC(LAC_SEC_TAGS);
  for (size_t k = 0; k < K; k++) {
    m->full[k] = tags + k * 2 * CNKG_LAC_TAGNAME;
    m->word[k] = m->full[k] + CNKG_LAC_TAGNAME;
    size_t n = strnlen(m->full[k], CNKG_LAC_TAGNAME);
    if (n == CNKG_LAC_TAGNAME || strnlen(m->word[k], CNKG_LAC_TAGNAME) == CNKG_LAC_TAGNAME) {
      cnkg_lac_free(m);
      return fail(err, errsize, path, "corrupt tag names");
    }
    m->begins[k] = strcmp(m->full[k], "O") == 0 || (n >= 2 && strcmp(m->full[k] + n - 2, "-B") == 0);
  }
  for (uint32_t i = 0; i < m->n_pairs; i++)
    if (m->pairs[2 * i + 1] >= m->rows || (i && m->pairs[2 * i] <= m->pairs[2 * i - 2])) {
      cnkg_lac_free(m);
      return fail(err, errsize, path, "corrupt vocabulary");
    }
  m->proj0 = SEC(LAC_SEC_PROJ0);
  int wg_sec[4] = {LAC_SEC_WG0, LAC_SEC_WG1, LAC_SEC_WG2, LAC_SEC_WG3};
  int wc_sec[4] = {LAC_SEC_WC0, LAC_SEC_WC1, LAC_SEC_WC2, LAC_SEC_WC3};
  /* Packing copies 1.6 MB of weights into the kernels' panel layout once
   * (about a millisecond), so no product repacks them per call as a BLAS
   * does. */
  CnkgStatus ps = CNKG_SUCCESS;
  for (int l = 0; l < 4 && !ps; l++) {
    ps = cnkg_lac_mat_init(&m->wg[l], SEC(wg_sec[l]), H, 2 * H);
    if (!ps) ps = cnkg_lac_mat_init(&m->wc[l], SEC(wc_sec[l]), H, H);
  }
  if (!ps) ps = cnkg_lac_mat_init(&m->w1, SEC(LAC_SEC_W1), 2 * H, 2 * G);
  if (!ps) ps = cnkg_lac_mat_init(&m->w4, SEC(LAC_SEC_W4), 2 * H, K);
  m->b1 = SEC(LAC_SEC_B1);
  m->b4 = SEC(LAC_SEC_B4);
  memcpy(m->b4p, m->b4, K * sizeof(float));
  const float *crf = SEC(LAC_SEC_CRF);
#undef SEC
  if (ps) {
    cnkg_lac_free(m);
    if (err && errsize) snprintf(err, errsize, "%s: out of memory", path);
    return ps;
  }
  m->start = crf;
  m->end = crf + K;
  for (size_t i = 0; i < K; i++)
    for (size_t j = 0; j < K; j++) {
      m->trans_p[i * MAX_TAGS + j] = crf[(2 + i) * K + j];
      m->trans_tp[j * MAX_TAGS + i] = crf[(2 + i) * K + j];
    }
  ps = pick_kernels(m, err, errsize);
  if (ps) {
    cnkg_lac_free(m);
    return ps;
  }
  ps = cnkg_lac_use_precision(m, default_precision);
  if (ps) {
    cnkg_lac_free(m);
    if (err && errsize) snprintf(err, errsize, "%s: out of memory", path);
    return ps;
  }
  *lac = m;
  return CNKG_SUCCESS;
}

/* OpenBLAS allocates a working buffer for each thread that calls it, once,
 * on its first product (BUFFER_SIZE in the Debian build: 128 MiB and a
 * page), and retries a failed allocation for ever: under a memory limit a
 * second thread hung there. A thread's first product is therefore made
 * here, one thread at a time, and only when that much memory is free.
 * The size is the smallest that takes OpenBLAS's buffered path (small
 * products skip the buffer). Our own kernels (kernels->gemm set) never call
 * OpenBLAS, so a thread that uses them needs no buffer: their scratch
 * memory comes from malloc, whose failures are reported as they happen. */
#define OPENBLAS_BUFFER ((size_t)128 << 20)
#define OPENBLAS_MARGIN ((size_t)32 << 20)
#define PREPARE_N 256

CnkgStatus cnkg_lac_prepare_thread(const CnkgLac *lac, char *err, size_t errsize) {
  static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  if (!lac) return CNKG_ERR_ARG;
  if (lac->kernels && lac->kernels->gemm) return CNKG_SUCCESS;
  float *a = calloc(3 * (size_t)PREPARE_N * PREPARE_N, sizeof *a);
  if (!a) return CNKG_ERR_NOMEM;
  pthread_mutex_lock(&lock);
  bool room = cnkg_memory_headroom(OPENBLAS_BUFFER + OPENBLAS_MARGIN);
  if (room)
    blas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, PREPARE_N, PREPARE_N, PREPARE_N,
                1.0f, a, PREPARE_N, a + PREPARE_N * PREPARE_N, PREPARE_N, 0.0f,
                a + 2 * PREPARE_N * PREPARE_N, PREPARE_N);
  pthread_mutex_unlock(&lock);
  free(a);
  if (room) return CNKG_SUCCESS;
  if (err && errsize)
    snprintf(err, errsize,
             "out of memory: the analyser needs %zu MB more for each thread (OpenBLAS's "
             "buffer); use fewer threads (-j) or --fast",
             (OPENBLAS_BUFFER + OPENBLAS_MARGIN) >> 20);
  return CNKG_ERR_NOMEM;
}

CnkgStatus cnkg_lac_use_kernels(CnkgLac *lac, const CnkgLacKernels *kernels) {
  if (!lac) return CNKG_ERR_ARG;
  if (!kernels) kernels = cnkg_lac_kernels_best();
  if (!blas_ready(kernels)) return CNKG_ERR_DATA;
  lac->kernels = kernels;
  return CNKG_SUCCESS;
}

const CnkgLacKernels *cnkg_lac_kernels_of(const CnkgLac *lac) {
  return lac ? lac->kernels : NULL;
}

void cnkg_lac_set_default_precision(CnkgLacPrecision precision) {
  default_precision = precision;
}

CnkgStatus cnkg_lac_use_precision(CnkgLac *lac, CnkgLacPrecision precision) {
  if (!lac || (precision != CNKG_LAC_EXACT && precision != CNKG_LAC_FAST)) return CNKG_ERR_ARG;
  if (precision == CNKG_LAC_FAST)
    for (int l = 0; l < 4; l++) {
      CnkgStatus st = cnkg_lac_mat_quantize(&lac->wg[l]);
      if (!st) st = cnkg_lac_mat_quantize(&lac->wc[l]);
      if (!st && l == 0) st = cnkg_lac_mat_quantize(&lac->w1);
      if (st) return st;
    }
  lac->precision = precision;
  return CNKG_SUCCESS;
}

CnkgLacPrecision cnkg_lac_precision(const CnkgLac *lac) {
  return lac ? lac->precision : CNKG_LAC_EXACT;
}

void cnkg_lac_describe(const CnkgLac *lac, char *buf, size_t size) {
  if (!buf || !size) return;
  char cpu[256];
  cnkg_lac_cpu_describe(cpu, sizeof cpu);
  const CnkgLacKernels *kn = lac ? lac->kernels : chosen_kernels();
  bool fast = lac ? lac->precision == CNKG_LAC_FAST : default_precision == CNKG_LAC_FAST;
  if (!kn)
    snprintf(buf, size, "lac kernel: none (CNKG_LAC_KERNEL=%s is not available here) (cpu: %s)",
             getenv("CNKG_LAC_KERNEL"), cpu);
  else
    snprintf(buf, size, "lac kernel: %s, %s%s (cpu: %s)", kn->name, fast ? "int16 " : "float32",
             fast ? kn->fx_name : "", cpu);
}

void cnkg_lac_free(CnkgLac *lac) {
  if (!lac) return;
  for (int l = 0; l < 4; l++) {
    cnkg_lac_mat_clear(&lac->wg[l]);
    cnkg_lac_mat_clear(&lac->wc[l]);
  }
  cnkg_lac_mat_clear(&lac->w1);
  cnkg_lac_mat_clear(&lac->w4);
  if (lac->map) munmap(lac->map, lac->map_len);
  free(lac);
}

const char *cnkg_lac_tag_name(const CnkgLac *lac, unsigned tag) {
  return lac && tag < lac->n_tags ? lac->full[tag] : NULL;
}

size_t cnkg_lac_tag_count(const CnkgLac *lac) { return lac ? lac->n_tags : 0; }

/* The form the model was trained on: its training text had full-width
 * forms made ASCII, and CJK punctuation replaced by the ASCII marks, so
 * their own rows of the vocabulary are untrained and the analyser glues
 * them to the names around them (他说，张三，李四。 -> "，张三，/v
 * 李四。/PER"). The map is one code point to one, so offsets stay. */
static uint32_t trained_form(uint32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  switch (cp) {
    case 0x3000: return ' ';
    case 0x3002: case 0xFF61: case 0x2026: return '.';  /* 。｡… */
    case 0x3001: case 0xFF64: return ',';               /* 、､ */
    case 0x201C: case 0x201D: case 0x300C: case 0x300D: case 0x300E:
    case 0x300F: case 0x301D: case 0x301E: return '"';  /* “”「」『』〝〞 */
    case 0x2018: case 0x2019: return '\'';              /* ‘’ */
    case 0x3010: case 0x3014: case 0x3016: case 0x3018: return '[';  /* 【〔〖〘 */
    case 0x3011: case 0x3015: case 0x3017: case 0x3019: return ']';
    case 0x3008: return '<';                            /* 〈 */
    case 0x3009: return '>';
    case 0x2014: case 0x2015: case 0x2500: return '-';  /* —―─ */
    default: return cp;
  }
}

void cnkg_lac_set_trained_forms(CnkgLac *lac, bool on) {
  if (lac) lac->raw_input = !on;
}

static uint32_t vocab_row(const CnkgLac *m, uint32_t cp) {
  if (!m->raw_input) cp = trained_form(cp);
  size_t lo = 0, hi = m->n_pairs;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uint32_t c = m->pairs[2 * mid];
    if (c == cp) return m->pairs[2 * mid + 1];
    if (c < cp) lo = mid + 1;
    else hi = mid;
  }
  return m->oov;
}

/* ---- scratch -------------------------------------------------------- */

static bool grow(void *p, size_t *cap, size_t need, size_t elem) {
  return cnkg_grow(p, cap, need, elem, 64) == CNKG_SUCCESS;
}

static Scratch *scratch_of(CnkgLacResult *r) {
  if (!r->scratch) r->scratch = calloc(1, sizeof(Scratch));
  return r->scratch;
}

void cnkg_lac_result_clear(CnkgLacResult *r) {
  if (!r) return;
  Scratch *s = r->scratch;
  if (s) {
    free(s->cps);
    free(s->boff);
    free(s->chunks);
    free(s->rowid);
    free(s->x);
    free(s->h1);
    free(s->em);
    free(s->hs);
    free(s->gate);
    free(s->rh);
    free(s->cand);
    free(s->upd);
    free(s->alpha);
    free(s->beta);
    free(s->back);
    free(s);
  }
  free(r->words);
  free(r->tags);
  free(r->margins);
  memset(r, 0, sizeof *r);
}

/* Sizes a result for n code points; the per-char arrays share one capacity. */
static bool result_reserve(CnkgLacResult *r, Scratch *s, size_t n) {
  size_t need = n + 1;
  /* parallel arrays: each grows from the shared capacity the same way */
  size_t ct = r->cap_chars, cm = r->cap_chars, cc = s->cap, cb = s->cap;
  if (!grow(&r->tags, &ct, need, sizeof *r->tags) ||
      !grow(&r->margins, &cm, need, sizeof *r->margins))
    return false;
  r->cap_chars = ct;
  if (!grow(&s->cps, &cc, need, sizeof *s->cps) || !grow(&s->boff, &cb, need, sizeof *s->boff))
    return false;
  s->cap = cc;
  return true;
}

/* ---- numerics ------------------------------------------------------- */

/* c (rows x w->np, or w->n columns through the BLAS) = a w (+ bias): with
 * the fixed-point kernel when quantized, else the float32 one, else CBLAS. */
static void product(const CnkgLacKernels *kn, bool quantized, size_t rows,
                    const CnkgLacMat *w, const float *a, size_t lda, const float *bias,
                    float *c, size_t ldc) {
  if (rows == 0) return;
  if (quantized) {
    kn->gemm_fx(rows, w, a, lda, bias, c, ldc);
  } else if (kn->gemm) {
    kn->gemm(rows, w, a, lda, bias, c, ldc);
  } else {
    if (bias)
      for (size_t i = 0; i < rows; i++) memcpy(c + i * ldc, bias, w->n * sizeof(float));
    blas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)rows, (int)w->n, (int)w->k,
                1.0f, a, (int)lda, w->rm, (int)w->n, bias ? 1.0f : 0.0f, c, (int)ldc);
  }
}

/* One GRU time step for rows [0, n) of a direction: hs (n x H) holds the
 * previous states; xr[i] is row i's projected input (G floats, bias folded
 * in); the new state is written to hs and to out[i]. */
static void gru_step(const CnkgLac *m, const CnkgLacMat *wg, const CnkgLacMat *wc, size_t n,
                     float *hs, const float *const *xr, float *const *out, float *gate,
                     float *rh, float *cand, float *upd) {
  const CnkgLacKernels *kn = m->kernels;
  bool q = m->precision == CNKG_LAC_FAST;
  product(kn, q, n, wg, hs, H, NULL, gate, 2 * H);
  for (size_t i = 0; i < n; i++)
    kn->gates(xr[i], gate + i * 2 * H, hs + i * H, upd + i * H, rh + i * H);
  product(kn, q, n, wc, rh, H, NULL, cand, H);
  for (size_t i = 0; i < n; i++)
    kn->update(xr[i] + 2 * H, cand + i * H, upd + i * H, hs + i * H, out[i]);
}

/* Runs one bidirectional layer over the batch's chunks (sorted by length,
 * longest first, so the rows still running at step t are a prefix).
 * x: inputs [fw | bw], 2G floats per row: row q is x + q * 2G, or, when
 * rowid is given, x + rowid[q] * 2G (layer 0 reads the model's
 * precomputed projections in place); out: N x 2H outputs [fw | bw]. */
static bool bigru(const CnkgLac *m, Scratch *s, const Chunk *ch, size_t nc, int layer,
                  const float *x, const uint32_t *rowid, float *out) {
  if (!grow(&s->hs, &s->cap_state, nc * 2 * H * 2, sizeof(float))) return false;
  size_t cap = s->cap_state;  /* all five share one capacity */
  float *p;
#define GROW(f) \
  if (!(p = realloc(s->f, cap * sizeof(float)))) return false; \
  s->f = p;
  GROW(gate) GROW(rh) GROW(cand) GROW(upd)
#undef GROW
  const float **xr = malloc(nc * sizeof *xr);
  float **orow = malloc(nc * sizeof *orow);
  if (!xr || !orow) {
    free(xr);
    free(orow);
    return false;
  }
  size_t maxlen = nc ? ch[0].len : 0;
  for (int dir = 0; dir < 2; dir++) {
    const CnkgLacMat *wg = &m->wg[2 * layer + dir], *wc = &m->wc[2 * layer + dir];
    memset(s->hs, 0, nc * H * sizeof(float));
    size_t act = nc;
    for (size_t t = 0; t < maxlen; t++) {
      while (act > 0 && ch[act - 1].len <= t) act--;
      for (size_t i = 0; i < act; i++) {
        size_t pos = dir == 0 ? t : ch[i].len - 1 - t;
        size_t q = ch[i].flat + pos;
        xr[i] = x + (rowid ? (size_t)rowid[q] : q) * 2 * G + (size_t)dir * G;
        orow[i] = out + q * 2 * H + (size_t)dir * H;
      }
      gru_step(m, wg, wc, act, s->hs, xr, orow, s->gate, s->rh, s->cand, s->upd);
    }
  }
  free(xr);
  free(orow);
  return true;
}

/* Viterbi exactly as the reference (float32 sums, first maximum wins) over
 * emissions em (T rows, MAX_TAGS apart), plus
 * for each position the margin between the best path and the best path
 * with a different tag there, from forward (alpha) and backward (beta)
 * max-sums. Rows are MAX_TAGS wide (padding never read back) so the inner
 * loops run over contiguous "to" tags, four at a time. */
static bool viterbi(const CnkgLac *m, Scratch *s, const float *em, size_t T, uint16_t *tags,
                    float *margins) {
  const size_t K = m->n_tags, P = MAX_TAGS;
  if (!grow(&s->alpha, &s->cap_vit, T * P, sizeof(float))) return false;
  float *p = realloc(s->beta, s->cap_vit * sizeof(float));
  if (!p) return false;
  s->beta = p;
  uint8_t *b = realloc(s->back, s->cap_vit);
  if (!b) return false;
  s->back = b;
  float *al = s->alpha, *be = s->beta;
  uint8_t *back = s->back;
  for (size_t j = 0; j < P; j++) al[j] = j < K ? m->start[j] + em[j] : 0.0f;
  for (size_t t = 1; t < T; t++) {
    const float *prev = al + (t - 1) * P, *e = em + t * P;
    float *cur = al + t * P;
    int32_t bi[MAX_TAGS];
    m->kernels->vit_forward(prev, m->trans_p, K, cur, bi);
    for (size_t j = 0; j < K; j++) {
      cur[j] += e[j];
      back[t * P + j] = (uint8_t)bi[j];
    }
  }
  const float *last = al + (T - 1) * P;
  size_t bj = 0;
  float bv = last[0] + m->end[0];
  for (size_t j = 1; j < K; j++)
    if (last[j] + m->end[j] > bv) bv = last[j] + m->end[j], bj = j;
  tags[T - 1] = (uint16_t)bj;
  for (size_t t = T - 1; t > 0; t--) tags[t - 1] = back[t * P + tags[t]];
  /* beta[t][i]: best score of the rest of the path after tag i at t */
  for (size_t i = 0; i < P; i++) be[(T - 1) * P + i] = i < K ? m->end[i] : 0.0f;
  for (size_t t = T - 1; t > 0; t--) {
    const float *nb = be + t * P, *ne = em + t * P;
    float *cb = be + (t - 1) * P;
    float rest[MAX_TAGS];
    for (size_t j = 0; j < K; j++) rest[j] = ne[j] + nb[j];
    m->kernels->vit_backward(rest, m->trans_tp, K, cb);
  }
  for (size_t t = 0; t < T; t++) {
    const float *a = al + t * P, *bb = be + t * P;
    size_t k = tags[t];
    float other = -INFINITY;
    for (size_t j = 0; j < K; j++)
      if (j != k && a[j] + bb[j] > other) other = a[j] + bb[j];
    float mg = a[k] + bb[k] - other;
    margins[t] = mg > 0 ? mg : 0;
  }
  return true;
}

static int chunk_cmp(const void *a, const void *b) {
  const Chunk *x = a, *y = b;
  if (x->len != y->len) return x->len > y->len ? -1 : 1;
  if (x->result != y->result) return x->result < y->result ? -1 : 1;
  return x->cstart < y->cstart ? -1 : x->cstart > y->cstart;
}

/* Runs the network on chunks [0, nc) (sum of lengths <= BATCH_CHARS) and
 * writes tags and margins, or emissions, into the results. */
static CnkgStatus run_batch(const CnkgLac *m, Scratch *s, Chunk *ch, size_t nc,
                            CnkgLacResult *results) {
  qsort(ch, nc, sizeof *ch, chunk_cmp);
  size_t N = 0;
  for (size_t i = 0; i < nc; i++) {
    ch[i].flat = N;
    N += ch[i].len;
  }
  size_t K = m->n_tags;
  if (!grow(&s->x, &s->cap_flat, N, 2 * G * sizeof(float))) return CNKG_ERR_NOMEM;
  float *p;
  if (!(p = realloc(s->h1, s->cap_flat * 2 * H * sizeof(float)))) return CNKG_ERR_NOMEM;
  s->h1 = p;
  if (!(p = realloc(s->em, s->cap_flat * MAX_TAGS * sizeof(float)))) return CNKG_ERR_NOMEM;
  s->em = p;
  uint32_t *rid = realloc(s->rowid, s->cap_flat * sizeof *rid);
  if (!rid) return CNKG_ERR_NOMEM;
  s->rowid = rid;
  for (size_t i = 0; i < nc; i++) {
    const Scratch *rs = results[ch[i].result].scratch;
    const uint32_t *cps = rs->cps + ch[i].cstart;
    for (size_t t = 0; t < ch[i].len; t++) rid[ch[i].flat + t] = vocab_row(m, cps[t]);
  }
  if (!bigru(m, s, ch, nc, 0, m->proj0, rid, s->h1)) return CNKG_ERR_NOMEM;
  product(m->kernels, m->precision == CNKG_LAC_FAST, N, &m->w1, s->h1, 2 * H, m->b1, s->x,
          2 * G);
  /* layer 1 output reuses h1's rows: each row is consumed by the product above */
  float *h2 = s->h1;
  if (!bigru(m, s, ch, nc, 1, s->x, NULL, h2)) return CNKG_ERR_NOMEM;
  /* the output layer stays float32 in both precisions: it is 4% of the work */
  product(m->kernels, false, N, &m->w4, h2, 2 * H, m->b4p, s->em, MAX_TAGS);
  for (size_t i = 0; i < nc; i++) {
    CnkgLacResult *r = &results[ch[i].result];
    const float *em = s->em + ch[i].flat * MAX_TAGS;
    if (s->emit_out) {
      for (size_t t = 0; t < ch[i].len; t++)
        memcpy(s->emit_out + (ch[i].cstart + t) * K, em + t * MAX_TAGS, K * sizeof(float));
    } else if (!viterbi(m, s, em, ch[i].len, r->tags + ch[i].cstart,
                        r->margins + ch[i].cstart)) {
      return CNKG_ERR_NOMEM;
    }
  }
  return CNKG_SUCCESS;
}

/* Ideographic and ASCII sentence ends, then clause separators. */
static int cut_rank(uint32_t c) {
  switch (c) {
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case '!': case '?': case ';':
      return 2;
    case 0xFF0C: case 0x3001: case ',': case 0xFF1A: case ':': case ' ': case 0x3000:
      return 1;
    default:
      return 0;
  }
}

/* Length of the next chunk of cps[0, n): all of it if short enough, else up
 * to and including the last strongest punctuation in the second half of the
 * window, else exactly CHUNK_MAX. */
static size_t chunk_len(const uint32_t *cps, size_t n) {
  if (n <= CHUNK_MAX) return n;
  for (int rank = 2; rank >= 1; rank--)
    for (size_t i = CHUNK_MAX; i > CHUNK_MAX / 2; i--)
      if (cut_rank(cps[i - 1]) == rank) return i;
  return CHUNK_MAX;
}

static void build_words(const CnkgLac *m, CnkgLacResult *r, const Scratch *s) {
  size_t nw = 0;
  for (size_t t = 0; t < r->n_chars; t++) {
    unsigned k = r->tags[t];
    if (nw == 0 || m->begins[k]) {
      CnkgLacWord *w = &r->words[nw++];
      w->begin = s->boff[t];
      w->cbegin = t;
      w->tag = m->word[k];
    }
    r->words[nw - 1].end = s->boff[t + 1];
    r->words[nw - 1].cend = t + 1;
  }
  r->n_words = nw;
}

/* Decodes every sentence, cuts chunks, runs them in batches of about
 * BATCH_CHARS characters, then builds the words. */
static CnkgStatus analyze(const CnkgLac *m, const CnkgStr *sent, size_t n,
                          CnkgLacResult *results, float *emit_out) {
  Scratch *s0 = scratch_of(&results[0]);
  if (!s0) return CNKG_ERR_NOMEM;
  size_t total_chunks = 0;
  for (size_t r = 0; r < n; r++) {
    if (!sent[r].buf && sent[r].len) return CNKG_ERR_ARG;
    if (!cnkg_utf8_valid(sent[r].buf, sent[r].len)) return CNKG_ERR_ARG;
  }
  for (size_t r = 0; r < n; r++) {
    CnkgLacResult *res = &results[r];
    Scratch *s = scratch_of(res);
    size_t nch = cnkg_utf8_count(sent[r].buf, sent[r].len);
    if (!s || !result_reserve(res, s, nch)) return CNKG_ERR_NOMEM;
    size_t i = 0, c = 0;
    while (i < sent[r].len) {
      s->boff[c] = i;
      s->cps[c++] = cnkg_utf8_next(sent[r].buf, sent[r].len, &i);
    }
    s->boff[c] = i;
    res->n_chars = nch;
    res->n_words = 0;
    if (!grow(&res->words, &res->cap_words, nch + 1, sizeof(CnkgLacWord)))
      return CNKG_ERR_NOMEM;
    for (size_t at = 0; at < nch;) {
      size_t len = chunk_len(s->cps + at, nch - at);
      if (!grow(&s0->chunks, &s0->cap_chunks, total_chunks + 1, sizeof(Chunk)))
        return CNKG_ERR_NOMEM;
      s0->chunks[total_chunks++] = (Chunk){r, at, len, 0};
      at += len;
    }
  }
  s0->emit_out = emit_out;
  unsigned fp = cnkg_lac_fp_enter();
  /* Batches take the chunks longest first, so that a batch's chunks have
   * about the same length and most of its rows stay busy to its last step
   * (in input order, a paragraph-long line ran alone for hundreds of steps
   * at the end of its batch). The order depends only on the input; and the
   * kernels compute every row on its own, so a chunk's results do not
   * depend on its companions either (OpenBLAS's may). */
  if (total_chunks) qsort(s0->chunks, total_chunks, sizeof *s0->chunks, chunk_cmp);
  CnkgStatus st = CNKG_SUCCESS;
  for (size_t a = 0; a < total_chunks && st == CNKG_SUCCESS;) {
    size_t b = a, chars = 0;
    while (b < total_chunks && (b == a || chars + s0->chunks[b].len <= BATCH_CHARS))
      chars += s0->chunks[b++].len;
    st = run_batch(m, s0, s0->chunks + a, b - a, results);
    a = b;
  }
  s0->emit_out = NULL;
  cnkg_lac_fp_leave(fp);
  if (st != CNKG_SUCCESS || emit_out) return st;
  for (size_t r = 0; r < n; r++) build_words(m, &results[r], results[r].scratch);
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_lac_analyze(const CnkgLac *lac, CnkgStr sentence, CnkgLacResult *result) {
  if (!lac || !result) return CNKG_ERR_ARG;
  return analyze(lac, &sentence, 1, result, NULL);
}

CnkgStatus cnkg_lac_analyze_batch(const CnkgLac *lac, const CnkgStr *sentences, size_t n,
                                  CnkgLacResult *results) {
  if (!lac || (n && (!sentences || !results))) return CNKG_ERR_ARG;
  if (n == 0) return CNKG_SUCCESS;
  return analyze(lac, sentences, n, results, NULL);
}

CnkgStatus cnkg_lac_emissions(const CnkgLac *lac, CnkgStr sentence, float **scores,
                              size_t *n_chars) {
  if (!lac || !scores || !n_chars) return CNKG_ERR_ARG;
  *scores = NULL;
  *n_chars = 0;
  if (!cnkg_utf8_valid(sentence.buf, sentence.len)) return CNKG_ERR_ARG;
  size_t n = cnkg_utf8_count(sentence.buf, sentence.len);
  float *out = malloc((n ? n : 1) * lac->n_tags * sizeof(float));
  if (!out) return CNKG_ERR_NOMEM;
  CnkgLacResult r = {0};
  CnkgStatus st = analyze(lac, &sentence, 1, &r, out);
  cnkg_lac_result_clear(&r);
  if (st != CNKG_SUCCESS) {
    free(out);
    return st;
  }
  *scores = out;
  *n_chars = n;
  return CNKG_SUCCESS;
}
