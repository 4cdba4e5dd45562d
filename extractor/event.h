/* SPDX-License-Identifier: Apache-2.0
 * Event cues in one normalised sentence: a poverty exit of a place (摘帽,
 * 脱贫摘帽, 退出贫困县序列, 贫困村出列, 整体脱贫, 摘掉贫困帽子 ...) and whether
 * the text states it as a fact or as a plan (确保到2018年…摘帽), a negation
 * (尚未摘帽) or a condition (如果…摘帽); and the start (被派到, 选派, 驻村,
 * 接任), holding (担任, 任, 时任) and end (离任, 卸任, 调离, 任期届满) of a
 * post. Only the cue and its span: the caller pairs it with the places,
 * persons, titles and time expressions of the same sentence. The finder is
 * made once, read-only afterwards and shared by threads. Depends on
 * status.h, text.h and pcre2. */
#ifndef CNKG_EXTRACTOR_EVENT_H
#define CNKG_EXTRACTOR_EVENT_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/status.h"
#include "cnkg/text.h"

typedef enum {
  CNKG_EVENT_EXIT,       /* a place leaves poverty (or a plan to) */
  CNKG_EVENT_POST_START, /* someone takes up a post: 被派到, 选派, 接任 */
  CNKG_EVENT_POST_HOLD,  /* someone holds a post: 担任, 任, 时任; with a
                            single date it is the start, with a range
                            (1995-2016年任) the start and the end */
  CNKG_EVENT_POST_END    /* someone leaves a post: 离任, 卸任, 调离 */
} CnkgEventKind;

typedef enum {
  CNKG_EVENT_FACT,        /* stated as done or happening */
  CNKG_EVENT_PLANNED,     /* a plan, goal or expectation: 确保, 力争,
                             计划, 将, 预计, 到2020年 (not 截至), 决胜 */
  CNKG_EVENT_NEGATED,     /* 未, 尚未, 没有, 不能 right before the cue */
  CNKG_EVENT_CONDITIONAL  /* 如果, 若, 一旦, 就算, 即使 ... in the clause */
} CnkgEventModality;

/* One cue; offsets are bytes into the sentence given to the finder. */
typedef struct {
  CnkgEventKind kind;
  CnkgEventModality modality;
  size_t begin, end;         /* the cue */
  size_t mod_begin, mod_end; /* the word that set the modality; equal
                                (at begin) for a plain fact */
  bool about_people;         /* exit whose subject is people or households
                                (贫困人口实现脱贫, 老王家摆脱了贫困), not a
                                place: the caller decides whether it counts */
  bool past_state;           /* exit implied by a past state: 曾是国家级贫困县 */
  bool whole_place;          /* the clause names its place only as 全镇, 全村,
                                该县, 本村 ... before the cue (全镇384户贫困
                                人口实现了全面脱贫): the exit is that of the
                                place the paragraph is about */
  bool weak;                 /* a general verb that is a post cue only next
                                to a post title (来到, 离开, 进村), or an exit
                                stated as criteria met (符合贫困县退出条件,
                                达到脱贫退出标准), which announcements use
                                for the approval itself */
} CnkgEvent;

/* Cues of one sentence in text order. Start as {0}; the finder reuses the
 * array; release with cnkg_event_list_clear. */
typedef struct {
  CnkgEvent *v;
  size_t n, cap;
} CnkgEventList;

typedef struct CnkgEventFinder CnkgEventFinder;

/* Compiles the cue patterns (UTF, UCP, JIT when available, match limits).
 * Caller owns *out (cnkg_event_free); err says what failed. CNKG_ERR_ARG,
 * CNKG_ERR_PATTERN, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_event_new(CnkgEventFinder **out, char *err, size_t errsize);
/* Frees f; NULL is fine. */
void cnkg_event_free(CnkgEventFinder *f);

/* Finds the cues of one sentence (well-formed normalised UTF-8). out is
 * cleared and filled; its buffer is reused. Slogans (摘帽不摘责任, 脱贫不脱
 * 政策) and the nouns of the process (退出标准, 摘帽验收, 脱贫攻坚) are not
 * cues. Linear in the sentence length; thread-safe for distinct out lists.
 * CNKG_SUCCESS (also when none), CNKG_ERR_ARG, CNKG_ERR_NOMEM,
 * CNKG_ERR_PATTERN (a match limit was hit: out holds the cues before it). */
CnkgStatus cnkg_event_find(const CnkgEventFinder *f, CnkgStr sentence,
                           CnkgEventList *out);

/* Frees the list's buffer (not the list); it may be reused after. */
void cnkg_event_list_clear(CnkgEventList *l);

/* Short English name of a kind / modality ("exit", "planned"); static. */
const char *cnkg_event_kind_name(CnkgEventKind kind);
const char *cnkg_event_modality_name(CnkgEventModality modality);

#endif
