/* SPDX-License-Identifier: Apache-2.0
 * Word lists for the industry and policy recognisers (crops, livestock,
 * aquaculture, crafts, services, energy, sector words, national schemes and
 * numbered working methods) with longest-match lookups on UTF-8 text, and
 * the shared rule that picks the place or organisation carrying an industry
 * or policy. Tables are static and their index is built once and then
 * only read, so lookups are thread-safe.
 * Depends on text.h, docstate.h and wordlist.h (whose single-word and
 * word-list lookups industry.c and policy.c use as well). */
#ifndef CNKG_EXTRACTOR_LEXICON_H
#define CNKG_EXTRACTOR_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/text.h"
#include "extractor/docstate.h"
#include "extractor/wordlist.h"

typedef enum {
  CNKG_LEX_CROP = 0,   /* grown: default activity 种植 */
  CNKG_LEX_ANIMAL,     /* raised (livestock, poultry, bees, fish): 养殖 */
  CNKG_LEX_CRAFT,      /* made or processed: no default activity */
  CNKG_LEX_SECTOR,     /* a complete industry name: 种植业, 乡村旅游, 电商 */
  CNKG_LEX_POLICY      /* a named scheme or working method */
} CnkgLexClass;

typedef struct {
  const char *word;    /* surface form */
  CnkgLexClass cls;
  const char *canon;   /* name to use instead of word, or NULL */
  const char *base;    /* generic form it narrows (中蜂 -> 蜂), or NULL */
  bool bound;          /* only valid with an activity word (养蜂, 茶叶种植) */
} CnkgLexEntry;

/* The longest entry of one of the classes in mask (bit 1 << class) that
 * starts at s[pos] and ends at or before limit. Borrowed static entry, or
 * NULL when none. */
const CnkgLexEntry *cnkg_lexicon_at(const char *s, size_t pos, size_t limit,
                                    unsigned mask);
/* The longest entry of a class in mask that ends exactly at s[end] and
 * starts at or after floor. NULL when none. */
const CnkgLexEntry *cnkg_lexicon_before(const char *s, size_t floor,
                                        size_t end, unsigned mask);
/* The entry whose word is exactly w (any class), or NULL. */
const CnkgLexEntry *cnkg_lexicon_find(const char *w, size_t len);

/* Start of the UTF-8 character that ends at s[end] (end > floor). */
size_t cnkg_lexicon_prev(const char *s, size_t floor, size_t end);

/* Flags for cnkg_lexicon_carriers. */
#define CNKG_CARRY_ORGS 0x1u       /* organisations of an economic or party kind */
#define CNKG_CARRY_LOCAL_ONLY 0x2u /* only what the clause names */
#define CNKG_CARRY_FOCUS 0x4u      /* last resort: st->focus_place */
#define CNKG_CARRY_TOPIC 0x8u      /* also the place the paragraph is about */

/* What cnkg_lexicon_carriers looks up in a document, indexed once: its
 * place spans by position, its clause cuts, the heading over each
 * sentence. */
typedef struct CnkgCarriers CnkgCarriers;

/* Indexes st for cnkg_lexicon_carriers. st is borrowed and must outlive
 * the index; places must not be added to it meanwhile (other spans may).
 * Free with cnkg_lexicon_carriers_free. NULL when out of memory. */
CnkgCarriers *cnkg_lexicon_carriers_new(const CnkgDocState *st);
void cnkg_lexicon_carriers_free(CnkgCarriers *ix);

/* Which entities carry a thing mentioned at normalised bytes [begin, end)
 * of sentence of ix's document: the place named in the same clause
 * nearest before it, else after it (and an organisation that contains or
 * directly precedes it); failing that (unless LOCAL_ONLY), the place the
 * paragraph or the section heading is about, then (with FOCUS)
 * st->focus_place. Writes up to max entity indices to out; returns how
 * many. */
size_t cnkg_lexicon_carriers(const CnkgCarriers *ix, size_t sentence,
                             size_t begin, size_t end, unsigned flags,
                             size_t *out, size_t max);

#endif
