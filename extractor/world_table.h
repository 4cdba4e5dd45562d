/* SPDX-License-Identifier: Apache-2.0
 * The tables extractor/world.c reads, generated at build time into the
 * build tree and compiled into the extractor: the countries, one row per
 * ISO 3166-1 entry with a Chinese name (tools/mkworld.c, from Debian's
 * iso-codes), and the foreign cities, one row per time zone's exemplar city
 * with a Chinese name (tools/mkcities.c, from Unicode CLDR as Debian's
 * unicode-cldr-core ships it); both packages pinned by version and SHA-256
 * in CMakeLists.txt. Depends on nothing. */
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

typedef struct {
  const char *zh;    /* Chinese name, "纽约" */
  const char *en;    /* English name, "New York" */
  const char *tz;    /* the time zone it is the exemplar city of, "America/New_York" */
  const char *alpha2; /* ISO 3166-1 code of its country, "US" */
  const char *key;   /* entity key, ASCII, "city/us-new-york" */
} CnkgCityRow;

extern const CnkgCityRow cnkg_world_cities[];
extern const size_t cnkg_world_n_cities;
extern const char cnkg_world_city_source[]; /* "unicode-cldr-core 41-0.1" */

#endif
