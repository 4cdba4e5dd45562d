/* SPDX-License-Identifier: Apache-2.0
 * The country table extractor/world.c reads: one row per ISO 3166-1 entry
 * with a Chinese name, generated at build time by tools/mkworld.c from
 * Debian's iso-codes (pinned by version and SHA-256 in CMakeLists.txt) into
 * the build tree and compiled into the extractor. Depends on nothing. */
#ifndef CNKG_EXTRACTOR_WORLD_TABLE_H
#define CNKG_EXTRACTOR_WORLD_TABLE_H

#include <stddef.h>

#define CNKG_WORLD_MAX_FORMS 12

typedef struct {
  const char *alpha2;  /* "CN" */
  const char *alpha3;  /* "CHN" */
  const char *numeric; /* "156" */
  const char *en;      /* English common name */
  /* Chinese forms, NULL-terminated; forms[0] is the preferred (short) name */
  const char *forms[CNKG_WORLD_MAX_FORMS + 1];
} CnkgCountryRow;

extern const CnkgCountryRow cnkg_world_countries[];
extern const size_t cnkg_world_n_countries;
extern const char cnkg_world_source[]; /* "iso-codes 4.15.0-1" */

#endif
