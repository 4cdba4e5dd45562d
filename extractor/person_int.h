/* SPDX-License-Identifier: Apache-2.0
 * Private to the person recogniser (person.c, post.c, person_emit.c): the
 * document's spans, the mentions found, the per-document context (Ctx), a
 * post, and the helpers and word lists the files share. Depends on docstate.h,
 * recognizers.h, cnkg/intern.h, wordlist.h and text.h. */
#ifndef CNKG_EXTRACTOR_PERSON_INT_H
#define CNKG_EXTRACTOR_PERSON_INT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/intern.h"
#include "cnkg/text.h"
#include "extractor/place.h"
#include "extractor/recognizers.h"
#include "extractor/wordlist.h"


typedef struct {
  size_t begin, end, entity;
  CnkgType type;
} Sp;

typedef struct {
  char *name;           /* full name, or the surname of a reference */
  size_t begin, end;    /* normalised bytes; SIZE_MAX when not in the text */
  size_t sentence;
  size_t list;          /* 、-list it belongs to: an id whose first mention is
                           MentionList.head[list] (see group_of) */
  bool ref;             /* a surname-only reference to resolve */
  bool reporter;        /* named as 记者 in a byline */
  bool byline;          /* from a byline or credit */
} Mention;

/* The mentions, and two indexes kept as they grow, so that no step looks
 * through all mentions per mention (a document may hold millions):
 * head[] maps a list id to the first mention of that 、-list (lists are
 * renamed when extended backwards by changing one entry), and the mentions
 * that start at one byte are chained newest first from a hash of begin. */
typedef struct {
  Mention *v;
  size_t n, cap;
  size_t *head;         /* per list id (ids are mention indices) */
  size_t *same_begin;   /* per mention: the previous one with its begin */
  size_t *slots;        /* open addressing: newest mention of a begin */
  size_t n_slots, n_used;
} MentionList;

typedef struct {
  const CnkgPersonRecognizer *r;
  CnkgDocState *st;
  const char *s;    /* normalised text */
  size_t len;
  Sp *sp;           /* place and organisation spans, by begin */
  size_t nsp;
  size_t sp_longest;          /* bytes of the longest span: a span that
                                 touches [b, e) begins at or after
                                 b - sp_longest, so lookups are windows */
  size_t *sp_of_type[CNKG_TYPE_COUNT]; /* indices into sp, by begin */
  size_t n_of_type[CNKG_TYPE_COUNT];
  unsigned char *covered;     /* bit per byte of s: inside a mention */
  MentionList m;
  CnkgIntern known;               /* names of full mentions (from_metadata_one) */
  CnkgIntern place_bases;         /* the document's place names without their
                                     level suffix (平塘 of 平塘镇), 2+ characters */
  bool known_made;
  size_t main_village;        /* the village named most, if one leads; else SIZE_MAX */
  size_t branch[16][2];       /* village entity, its party branch (X村党支部) */
  size_t n_branch;
  size_t outlet;              /* the news outlet the page comes from, or SIZE_MAX */
} Ctx;

typedef struct {
  char title[96];     /* post title as the text has it, or "" */
  bool role;          /* a role (贫困户 ...), not a post title */
  size_t where[4];    /* place/organisation entities; innermost place first */
  size_t n_where;
  char time[64];      /* when the post was taken, as stated, or "" */
  bool paper;         /* credited to 本报 (the paper that ran it first) */
} Post;

/* Word lists (person.c): titles proper, roles, title modifiers, and the
 * words that refer back to the place just named (该村, 全县 ...). */
extern CnkgWordList person_cores_list, person_roles_list, person_modifiers_list;
extern const char *const person_anaphora[];

/* Helpers (person.c). */
size_t person_prev_char(const char *s, size_t pos);
uint32_t person_cp_at(const char *s, size_t len, size_t pos);
size_t person_group_of(const Ctx *c, size_t k);
size_t person_sp_from(const Ctx *c, size_t pos);
size_t person_sp_reaching(const Ctx *c, size_t pos);
bool person_covered_by_mention(const Ctx *c, size_t b, size_t e);
size_t person_sentence_of(const Ctx *c, size_t pos);
bool person_is_comma(const char *s, size_t len, size_t pos);

/* Posts (post.c): what the posts of a document hang on (its main village,
 * its villages' party branches, the outlet it comes from), into c once its
 * spans are indexed. */
CnkgStatus post_prepare(Ctx *c);
/* Posts (post.c): the posts stated for mention k (at most max) into out.
 * list_end: per list id, the end of its last mention. */
size_t post_mention_posts(const Ctx *c, size_t k, const size_t *list_end, Post *out,
                          size_t max);

/* Emission (person_emit.c): the people of c's mentions, their entities,
 * mentions and posts into the document state. */
CnkgStatus person_emit_all(Ctx *c);

#endif
