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
#define CNKG_CARRY_BODIES 0x10u    /* with ORGS: government bodies and teams too */

/* What cnkg_lexicon_carriers looks up in a document, indexed once: its
 * place and organisation spans by position, which places carry, the
 * organisations a kind word (合作社, 该公司) may refer to, its clause cuts,
 * the heading over each sentence, the paragraphs that open with a
 * quotation, the village or township it is about. */
typedef struct CnkgCarriers CnkgCarriers;

/* Indexes st for cnkg_lexicon_carriers. st is borrowed and must outlive
 * the index; places and organisations must not be added to it meanwhile
 * (other spans may).
 * Free with cnkg_lexicon_carriers_free. NULL when out of memory. */
CnkgCarriers *cnkg_lexicon_carriers_new(const CnkgDocState *st);
void cnkg_lexicon_carriers_free(CnkgCarriers *ix);

/* Which entities carry a thing mentioned at normalised bytes [begin, end)
 * of sentence of ix's document. In the clause (the sentence cut at ;): the
 * place named nearest before it, with the other places listed with that
 * one (A村、B村和C村); a reference such as 该村, 村里, 全县 or 我省 nearer
 * than that place stands for the last place of its level named; else the
 * place named after it (or after 位于/地处), taken at the inner end of its
 * chain. Places that only label a product's origin, name an enterprise or
 * a medium, receive goods (销往X) or border the subject (与X交界) carry
 * nothing. With ORGS, also an economic or party organisation that contains
 * the mention or stands just before it, else an enterprise the clause names
 * before it (not through a person it qualifies), else the one a bare kind
 * word opening the clause (合作社, 该公司) refers to; and every organiser
 * listed before 主办的/组织的… X. With BODIES, government bodies and teams
 * count as well (not news outlets, nor a body named after the thing).
 * Failing a place in the clause (unless LOCAL_ONLY, or the clause names its
 * organisation by kind): the place the paragraph is about (after a
 * quotation that opens the paragraph, the speaker's), then the one of the
 * section heading above, then (with FOCUS) the village or township the
 * document names most, else st->focus_place. With TOPIC, a place in the
 * clause is joined by the paragraph's. Writes up to max entity indices to
 * out; returns how many. Costs the clause's length and a few look-ups in
 * ix, not a pass over the document. */
size_t cnkg_lexicon_carriers(const CnkgCarriers *ix, size_t sentence,
                             size_t begin, size_t end, unsigned flags,
                             size_t *out, size_t max);

#endif
