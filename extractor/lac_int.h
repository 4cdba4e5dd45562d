/* SPDX-License-Identifier: Apache-2.0
 * Layout of the compact LAC model file (lac.model), shared by the converter
 * tools/mklac.c, which writes it, and extractor/lac.c, which maps it.
 * Native little-endian floats; every section 64-byte aligned. Depends on
 * nothing but the C library. */
#ifndef CNKG_EXTRACTOR_LAC_INT_H
#define CNKG_EXTRACTOR_LAC_INT_H

#include <stdint.h>

#define CNKG_LAC_MAGIC "CNKGLAC"   /* 7 chars + NUL fill the 8-byte field */
#define CNKG_LAC_VERSION 1u
#define CNKG_LAC_ENDIAN 0x01020304u
#define CNKG_LAC_H 128u            /* GRU hidden size */
#define CNKG_LAC_G (3u * CNKG_LAC_H) /* gate width: update, reset, candidate */
#define CNKG_LAC_TAGNAME 16u       /* bytes per tag name, NUL padded */

/* Sections in file order. Biases of the GRUs are folded into the input
 * projections, which for layer 0 are precomputed for every vocab row. */
enum {
  LAC_SEC_MAP,    /* n_map pairs (uint32 code point, uint32 row), sorted by code point */
  LAC_SEC_TAGS,   /* n_tags x 2 x CNKG_LAC_TAGNAME: full name ("n-B"), word tag ("n") */
  LAC_SEC_PROJ0,  /* rows x 2G floats: [fw | bw] = emb @ fc_{0,1}.w + fc.b + gru.b */
  LAC_SEC_WG0,    /* H x 2H floats: gru_0 gate weights (first 2H*H floats of gru_0.w_0) */
  LAC_SEC_WC0,    /* H x H floats: gru_0 candidate weights */
  LAC_SEC_WG1, LAC_SEC_WC1,  /* gru_1 (layer 0 backward) */
  LAC_SEC_W1,     /* 2H x 2G floats: [fc_2.w | fc_3.w] side by side */
  LAC_SEC_B1,     /* 2G floats: [fc_2.b + gru_2.b | fc_3.b + gru_3.b] */
  LAC_SEC_WG2, LAC_SEC_WC2,  /* gru_2 (layer 1 forward) */
  LAC_SEC_WG3, LAC_SEC_WC3,  /* gru_3 (layer 1 backward) */
  LAC_SEC_W4,     /* 2H x n_tags floats: fc_4.w */
  LAC_SEC_B4,     /* n_tags floats */
  LAC_SEC_CRF,    /* (n_tags + 2) x n_tags floats: start, end, transitions[from][to] */
  LAC_SEC_COUNT
};

/* The byte size of every section for a model of n_map code points, n_tags
 * tags and rows embedding rows: one table for the writer (tools/mklac.c)
 * and the reader (lac.c), which rejects a file whose sizes differ. */
static inline void cnkg_lac_section_sizes(uint64_t size[LAC_SEC_COUNT], uint64_t n_map,
                                          uint64_t n_tags, uint64_t rows) {
  const uint64_t H = CNKG_LAC_H, G = CNKG_LAC_G, K = n_tags, fs = sizeof(float);
  const uint64_t gate = H * 2 * H * fs, cand = H * H * fs;
  size[LAC_SEC_MAP] = n_map * 2 * sizeof(uint32_t);
  size[LAC_SEC_TAGS] = K * 2 * CNKG_LAC_TAGNAME;
  size[LAC_SEC_PROJ0] = rows * 2 * G * fs;
  size[LAC_SEC_WG0] = size[LAC_SEC_WG1] = size[LAC_SEC_WG2] = size[LAC_SEC_WG3] = gate;
  size[LAC_SEC_WC0] = size[LAC_SEC_WC1] = size[LAC_SEC_WC2] = size[LAC_SEC_WC3] = cand;
  size[LAC_SEC_W1] = 2 * H * 2 * G * fs;
  size[LAC_SEC_B1] = 2 * G * fs;
  size[LAC_SEC_W4] = 2 * H * K * fs;
  size[LAC_SEC_B4] = K * fs;
  size[LAC_SEC_CRF] = (K + 2) * K * fs;
}

typedef struct {
  char magic[8];
  uint32_t version, endian;
  uint32_t hidden, n_tags, rows, oov_row, n_map, reserved;
  uint64_t file_size;
  uint64_t offset[LAC_SEC_COUNT];
  uint64_t size[LAC_SEC_COUNT];     /* bytes */
} CnkgLacHeader;

#endif
