/* SPDX-License-Identifier: Apache-2.0
 * Private to the place recogniser (place.c, place_find.c, place_link.c,
 * place_tree.c): the recogniser, a mention (Cand), the per-document work
 * (Work) and the steps one file hands to another. Depends on place.h,
 * division.h, docstate.h and pcre2. */
#ifndef CNKG_EXTRACTOR_PLACE_INT_H
#define CNKG_EXTRACTOR_PLACE_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "cnkg/text.h"
#include "extractor/place.h"
#include "extractor/recognizers.h"

struct CnkgPlaceRecognizer {
  const CnkgDivision *div;   /* borrowed; outlives the recogniser */
  pcre2_code *enum_re;       /* "A、B、C 3个村" enumerations */
  pcre2_match_context *mctx; /* match limits; only read by pcre2_match */
};

/* One place mention found in the document. */
typedef struct {
  size_t sent;            /* sentence index (SIZE_MAX: the title) */
  size_t begin, end;      /* normalised byte offsets of the mention */
  char *form;             /* the place's name as written (owned) */
  CnkgDivId *ids;         /* list records it may be (owned) */
  size_t n_ids;
  CnkgDivId link;         /* the record it is, or CNKG_DIV_NONE */
  CnkgLevel level;        /* resolved level; NONE drops the mention */
  CnkgLevel suffix_level; /* level its suffix implies, or NONE */
  CnkgLevel force;        /* level an enumeration implies, or NONE */
  bool weak;              /* short form / enumeration item: kept only if linked
                             (or forced) */
  bool conflict;          /* its chain predecessor cannot contain it */
  bool short_form;        /* written without its level suffix */
  size_t alias;           /* fuller mention it abbreviates (红旗 of 红旗村), or SIZE_MAX */
  bool modifier;          /* bare name qualifying a noun (延安精神, 烟台苹果) */
  bool natural;           /* a natural village (自然村) of an administrative one */
  bool renamed;           /* names its record by a former level suffix (X乡 of
                             the list's X镇): the form is a former name */
  size_t committee;       /* bytes from begin of the committee name the text
                             wrote (甲村委会 for the form 甲村), or 0 */
  size_t prev;            /* chain predecessor (adjacent in text), or SIZE_MAX */
  size_t parent;          /* enclosing mention for unlinked places, or SIZE_MAX */
  size_t entity;          /* graph entity, or SIZE_MAX */
} Cand;

typedef struct {
  const CnkgPlaceRecognizer *r;
  CnkgDocState *st;
  Cand *c;
  size_t n, cap;
  size_t *section;        /* per sentence: index of the heading above, or SIZE_MAX */
  size_t lead_para;       /* paragraphs <= this are the document's lead */
  CnkgDivId *title_ids;   /* places the title names unambiguously */
  size_t n_title;
  /* Where a mention's context lies in c (sorted by position, so each group
   * is a run): per mention, the index ranges of its sentence, paragraph and
   * section; the lead is c[0, lead_hi); heads lists the mentions of heading
   * lines. Set by place_index_groups() once the mentions are sorted. */
  size_t *sent_lo, *sent_hi, *para_lo, *para_hi, *sec_lo, *sec_hi;
  size_t lead_hi;
  size_t *heads;
  size_t n_heads;
  size_t *par;            /* per mention: the place it hangs on if unlinked
                             (see place_group_parents), or SIZE_MAX */
} Work;

/* Per-character view of one sentence and its LAC words. */
typedef struct {
  const char *s;      /* sentence text */
  size_t n;           /* bytes */
  size_t nc;          /* characters */
  size_t *off;        /* nc + 1 byte offsets */
  uint32_t *cp;       /* nc code points */
  bool *wstart;       /* nc + 1: a LAC word starts here */
  bool *wend;         /* nc + 1: a LAC word ends here */
  const char **wtag;  /* nc: tag of the LAC word holding the character */
  bool have_lac;
} SentView;

/* Mentions by list record: (record, mention) pairs sorted, for finding the
 * first mention of a record in O(log n). */
typedef struct {
  CnkgDivId link;
  size_t index;
} LinkPair;

typedef struct {
  LinkPair *v;
  size_t n;
} LinkIndex;

/* Text (place_find.c): the level a name's suffix implies, whether it has
 * one (市/区 too), and the characters no name starts with (its length
 * without the suffix: cnkg_place_base_len, place.h). */
CnkgLevel place_suffix_level(const char *s, size_t len);
bool place_has_suffix(const char *s, size_t len);
bool place_is_function_char(uint32_t cp);
size_t place_form_len(const char *s, size_t len);

/* Candidates (place_find.c): mentions found per sentence into w->c. */
void place_cand_free(Cand *c);
int place_cand_cmp(const void *a, const void *b);
void place_view_free(SentView *v);
CnkgStatus place_view_make(const char *s, size_t n, const CnkgLacResult *lac, SentView *v);
CnkgStatus place_scan_list(Work *w, size_t sent, size_t base, const SentView *v);
CnkgStatus place_scan_chain_gaps(Work *w, size_t sent, size_t first, const SentView *v);
CnkgStatus place_scan_gaps(Work *w, size_t sent, size_t base, size_t first, const SentView *v);
CnkgStatus place_scan_enums(Work *w, size_t sent, size_t base, size_t first, const SentView *v);
CnkgStatus place_scan_sites(Work *w, size_t sent, size_t base, size_t first, const SentView *v);

/* Resolving (place_link.c): mentions linked to list records, in this order. */
CnkgStatus place_index_groups(Work *w);
void place_resolve_chains(Work *w);
CnkgStatus place_resolve(Work *w);
CnkgStatus place_group_parents(Work *w);
CnkgStatus place_join_same_names(Work *w);
CnkgStatus place_link_fuzzy(Work *w);
CnkgStatus place_link_index_add(LinkIndex *x, size_t cap, CnkgDivId link, size_t index);
void place_link_index_sort(LinkIndex *x);
size_t place_link_index_first(const LinkIndex *x, CnkgDivId link);

/* Graph (place_tree.c): entities, the locatedIn hierarchy, the focus. */
CnkgStatus place_build_entities(Work *w);
CnkgStatus place_build_hierarchy(Work *w);
CnkgStatus place_set_focus(Work *w);

#endif
