/* SPDX-License-Identifier: Apache-2.0
 * Event cue finder (see event.h). One pcre2 pattern finds the cues, one
 * group per kind; word patterns then read the modality from the clause
 * and the sentence before the cue: a plan word anywhere before it (确保,
 * 计划, 到2020年) makes a plan unless the cue's own clause reports it done
 * (已, 顺利, 正式, 批准, 了); 将/要 count only inside the clause. Depends on
 * event.h, text.h and pcre2. */
#include "extractor/event.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "extractor/regex.h"

/* Groups: 1 past state, 2 exit, 3 start, 4 hold, 5 end, 6 weak start,
 * 7 weak end, 8 exit criteria met (weak). Alternatives are tried in order at each position, so longer
 * cues come first. The pattern is tried only where a character of
 * cue_starts begins (cnkg_re_first): a cue added with another first
 * character needs it there. */
static const char cue_starts[] =
  "曾" "贫重退脱减摘整全顺成率宣完实已摆出"       /* 1, 2 */
  "被选下派外委到上接就赴履进入驻任调新当"         /* 3 */
  "担时现兼历连"                                   /* 4 (and 曾, 任) */
  "离卸期结撤辞免不轮返回"                         /* 5 (and 调, 任, 退) */
  "来前符达";                                      /* 6, 7, 8 (and 进, 到, 离) */
static const char cue_src[] =
  /* 1: 曾是国家级贫困县 */
  "(曾(?:经)?(?:是|为|属于|属)[^,;。]{0,6}?(?:贫困|扶贫开发工作重点)(?:县|村|旗|乡|镇|区|市))"
  /* 2: exits */
  "|((?:贫困|重点)(?:县|旗|区|市|村|乡|镇)(?:\\([^)]{0,10}\\))?"
  "(?:全部|均|已经|已|顺利|正式|相继|先后|整体|成功|宣布|实现){0,3}"
  "(?:脱贫)?(?:退出|出列|摘帽)"
  "|退出(?:了)?[^,;。]{0,10}?(?:贫困|国贫|省贫|重点)[^,;。]{0,4}?"
  "(?:县|旗|区|市|村|乡|镇|序列|行列)(?:\\([^)]{0,10}\\))?(?:序列|行列)?"
  "|(?:脱贫|减贫)?摘帽"
  "|摘(?:掉|下|去|除)?了?[^,;。]{0,8}?帽子"
  "|脱(?:掉|下)?了?(?:贫困)?帽(?!子不)"
  "|脱贫(?:出列|退出)|减贫出列"
  "|(?:整体|整村|整县|整乡|整镇|全面|全部|顺利|成功|率先|宣布)脱贫"
  "|完成(?:了)?(?:全面)?脱贫(?:攻坚)?任务"
  "|实现(?:了)?(?:全面|整体|稳定)?脱贫|(?:已经|已)(?:全部|整体)?脱贫"
  "|摆脱(?:了)?贫困|出列|退出贫困)"
  /* 3: taking up a post */
  "|(被(?:选)?派(?:驻)?(?:到|往|驻|至)?|(?:选派|下派|派驻|外派|(?<![改党纪政])委派)(?:到|至|往)?"
  "|派(?:到|往)|到任|上任|接任|就任|赴任|出任|履新|进驻|入驻"
  "|驻村(?=以来|后|之初|伊始|期间|[,。;])|(?:被)?任命为|调任|新任|当选(?:为)?|被选为)"
  /* 4: holding a post */
  "|(担任|时任|现任|曾任|兼任|历任|连任|任职"
  "|(?<![主责信委就到上赴接出调新离卸继前后初连留聘兼现时曾历担放重首专胜称适"
  "一二三四五六七八九十两几届])任"
  "(?=\\p{Han})(?![务何期意性由凭劳重免命用教课性]))"
  /* 5: leaving a post */
  "|(离任|卸任|调离|任期(?:已)?(?:结束|届满|已满|期满|到期)|期满|结束(?:了)?驻村"
  "|撤离|离职|辞去|辞职|退休|免去|不再担任|轮换|(?:返回|回到|回)原单位)"
  /* 6, 7: general verbs, post cues only beside a title */
  "|(来到|进(?:了)?村|到村|前往)|(离开)"
  /* 8: meeting the criteria, as exit announcements put it */
  "|(符合[^,;。]{0,10}?退出条件|达到[^,;。]{0,10}?退出标准)";

/* Nouns of the process and slogans: the cue is not an event when one of
 * these follows it (退出标准, 摘帽不摘责任, 脱贫攻坚). */
static const char not_after_src[] =
  "\\G(?:的)?(?:不|标准|条件|验收|评估|检查|程序|考核|工作|机制|办法|申请|任务"
  "|攻坚|目标|计划|指标|要求|政策|帮扶|责任|名单|情况|进程|步伐|质量|成效|率)";
/* Words right before a cue that make it the name of a campaign, not an
 * exit (决胜脱贫摘帽的X县: a county in the last push for it). */
static const char campaign_src[] = "(?:决胜|冲刺|决战|攻坚)[\"“]?\\z";
/* Plan words that count anywhere earlier in the sentence. */
static const char plan_src[] =
  "确保|力争|计划|争取|预计|目标|拟|准备|有望|可望|决心|打算|规划|决胜|冲刺"
  "|迎接|期盼|希望|明年|后年"
  "|(?<![截止])(?:到|至|在)(?:[0-9]{4}|二[〇零][〇零一二三四五六七八九]{2})年"
  "|(?:[0-9]{4}|二[〇零][〇零一二三四五六七八九]{2})年(?:底)?(?:前|之前)";
/* Plan words that count only in the cue's own clause. */
static const char plan_near_src[] =
  "将|要|助(?!力)|年内|如期|即将|努力|实现年内";
/* Words that report the cue as done. */
static const char fact_src[] =
  "已|顺利|成功|正式|批准|宣布|同意|公告|标志着|至此|刚刚|刚|先后|曾|了|相继"
  "|获批|通过验收";
static const char neg_src[] =
  "(?:未|没有|没|尚未|还未|还没有|还没|不能|难以|无法|不)(?:能|会|可能)?"
  "(?:按时|按期|如期|及时)?(?:实现)?\\z";
static const char cond_src[] =
  "如果|若|一旦|假如|倘若|就算|即使|只要|只有|要是"
  /* 不脱贫就"脱帽": a pledge of what follows if not */
  "|不\\p{Han}{1,6}就";

/* The place of the paragraph, named by its level only. */
static const char whole_src[] =
  "(?:全|该|本|整个)(?:村|镇|乡|县|旗|市|区|省|州|盟|嘎查|社区)(?!委|民|干部|党|级)";

/* Words nearest before an exit cue that make its subject people. */
static const char people_src[] =
  "(人口|群众|贫困户|农户|户|人|家|家庭|他|她|我们|老乡|村民|牧民|农民)"
  "|(县|村|旗|乡|镇|区|市|省|州|嘎查|社区|组)";

enum { RE_CUE, RE_NOT_AFTER, RE_PLAN, RE_PLAN_NEAR, RE_FACT, RE_NEG, RE_COND,
       RE_PEOPLE, RE_WHOLE, RE_CAMPAIGN, RE_COUNT };

static const char *const re_src[RE_COUNT] = {
  cue_src, not_after_src, plan_src, plan_near_src, fact_src, neg_src,
  cond_src, people_src, whole_src, campaign_src};

struct CnkgEventFinder {
  pcre2_code *re[RE_COUNT]; /* RE_CUE anchored, for cnkg_re_first */
  pcre2_match_context *mctx;
  CnkgReStarts cue_starts;
};

static void seterr(char *err, size_t errsize, const char *msg) {
  if (err && errsize) snprintf(err, errsize, "%s", msg);
}

CnkgStatus cnkg_event_new(CnkgEventFinder **out, char *err, size_t errsize) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgEventFinder *f = calloc(1, sizeof *f);
  if (!f) {
    seterr(err, errsize, "out of memory");
    return CNKG_ERR_NOMEM;
  }
  for (int i = 0; i < RE_COUNT; i++) {
    CnkgStatus st = CNKG_SUCCESS;
    f->re[i] = cnkg_re_compile(re_src[i], i == RE_CUE ? PCRE2_ANCHORED : 0, "event", err,
                               errsize, &st);
    if (!f->re[i]) {
      cnkg_event_free(f);
      return st;
    }
  }
  cnkg_re_starts_set(&f->cue_starts, cue_starts);
  f->mctx = cnkg_re_context();
  if (!f->mctx) {
    cnkg_event_free(f);
    seterr(err, errsize, "out of memory");
    return CNKG_ERR_NOMEM;
  }
  *out = f;
  return CNKG_SUCCESS;
}

void cnkg_event_free(CnkgEventFinder *f) {
  if (!f) return;
  for (int i = 0; i < RE_COUNT; i++) pcre2_code_free(f->re[i]);
  pcre2_match_context_free(f->mctx);
  free(f);
}

void cnkg_event_list_clear(CnkgEventList *l) {
  if (!l) return;
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

const char *cnkg_event_kind_name(CnkgEventKind kind) {
  switch (kind) {
  case CNKG_EVENT_EXIT: return "exit";
  case CNKG_EVENT_POST_START: return "post-start";
  case CNKG_EVENT_POST_HOLD: return "post-hold";
  case CNKG_EVENT_POST_END: return "post-end";
  }
  return "?";
}

const char *cnkg_event_modality_name(CnkgEventModality modality) {
  switch (modality) {
  case CNKG_EVENT_FACT: return "fact";
  case CNKG_EVENT_PLANNED: return "planned";
  case CNKG_EVENT_NEGATED: return "negated";
  case CNKG_EVENT_CONDITIONAL: return "conditional";
  }
  return "?";
}

/* One search of pattern k in s[start, end); 1 found ([*mb, *me)), 0 not,
 * -1 error or limit. */
static int search(const CnkgEventFinder *f, int k, pcre2_match_data *md,
                  const char *s, size_t end, size_t start, uint32_t opts,
                  size_t *mb, size_t *me) {
  return cnkg_re_span(f->re[k], md, f->mctx, s, end, start, opts, mb, me);
}

/* The last match of pattern k inside [b, e): 1 with its span, 0, -1. The
 * clause is short, so repeated searches stay cheap. */
static int search_last(const CnkgEventFinder *f, int k, pcre2_match_data *md,
                       const char *s, size_t b, size_t e, size_t *mb,
                       size_t *me) {
  int found = 0;
  size_t pos = b, x, y;
  while (pos < e) {
    int rc = search(f, k, md, s, e, pos, 0, &x, &y);
    if (rc < 0) return -1;
    if (rc == 0) break;
    found = 1;
    *mb = x;
    *me = y;
    pos = y > x ? y : x + 1;
    while (pos < e && ((unsigned char)s[pos] & 0xC0) == 0x80) pos++;
  }
  return found;
}

static bool is_clause_mark(const char *s, size_t len, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?') return true;
  return i + CNKG_HAN_BYTES <= len && memcmp(s + i, "。", CNKG_HAN_BYTES) == 0;
}

/* A clause is read at most this many bytes either side of a cue, so that
 * a long run without commas costs linear time. */
#define CLAUSE_REACH 120

/* Start of the clause holding pos (a character boundary). */
static size_t clause_start(const char *s, size_t pos) {
  size_t i = pos, floor = pos > CLAUSE_REACH ? pos - CLAUSE_REACH : 0;
  while (i > floor && !is_clause_mark(s, pos, i - 1)) i--;
  while (i < pos && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
  return i;
}

static size_t clause_end(const char *s, size_t len, size_t pos) {
  size_t i = pos, ceil = len - pos > CLAUSE_REACH ? pos + CLAUSE_REACH : len;
  while (i < ceil && !is_clause_mark(s, len, i)) i++;
  while (i > pos && i < len && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
  return i;
}

static CnkgStatus push(CnkgEventList *out, const CnkgEvent *e) {
  if (CNKG_GROW(out->v, out->cap, out->n + 1, 8)) return CNKG_ERR_NOMEM;
  out->v[out->n++] = *e;
  return CNKG_SUCCESS;
}

/* Whether the cue s[b, e) ends a quoted list of slogans: a closing quote
 * right after it, and a 、 between it and the opening quote. */
static bool quoted_list(const char *s, size_t len, size_t b, size_t e) {
  if (!(e + CNKG_HAN_BYTES <= len && !memcmp(s + e, "”", CNKG_HAN_BYTES)) && !(e < len && s[e] == '"')) return false;
  size_t floor = b > 90 ? b - 90 : 0;
  bool listed = false;
  for (size_t p = b; p > floor; p--) {
    if (p >= CNKG_HAN_BYTES && !memcmp(s + p - CNKG_HAN_BYTES, "“", CNKG_HAN_BYTES)) return listed;
    if (s[p - 1] == '"' || is_clause_mark(s, b, p - 1)) return false;
    if (p >= CNKG_HAN_BYTES && !memcmp(s + p - CNKG_HAN_BYTES, "、", CNKG_HAN_BYTES)) listed = true;
  }
  return false;
}

/* Sets e's modality from the text around it. plan_at is the first strong
 * plan word of the sentence (SIZE_MAX: none) and plan_end its end. */
static int modality(const CnkgEventFinder *f, pcre2_match_data *md,
                    const char *s, size_t len, size_t plan_at, size_t plan_end,
                    CnkgEvent *e) {
  size_t cb = clause_start(s, e->begin), ce = clause_end(s, len, e->end);
  size_t mb, me;
  e->modality = CNKG_EVENT_FACT;
  e->mod_begin = e->mod_end = e->begin;
  /* 尚未摘帽: the words right before the cue */
  size_t nb = e->begin > cb + 18 ? e->begin - 18 : cb;
  while (nb < e->begin && ((unsigned char)s[nb] & 0xC0) == 0x80) nb++;
  int rc = search(f, RE_NEG, md, s, e->begin, nb, 0, &mb, &me);
  if (rc < 0) return -1;
  if (rc) {
    e->modality = CNKG_EVENT_NEGATED;
    e->mod_begin = mb;
    e->mod_end = me;
    return 0;
  }
  rc = search_last(f, RE_COND, md, s, cb, e->begin, &mb, &me);
  if (rc < 0) return -1;
  if (rc) {
    e->modality = CNKG_EVENT_CONDITIONAL;
    e->mod_begin = mb;
    e->mod_end = me;
    return 0;
  }
  /* done in its own clause, up to the cue and a 了 after it: 已于2019年4月
   * 顺利摘帽, 实现了脱贫, 摘帽了 (a 了 further on belongs to another verb) */
  size_t fb = 0, fe = 0, fend = e->end;
  if (fend + CNKG_HAN_BYTES <= ce && memcmp(s + fend, "了", CNKG_HAN_BYTES) == 0) fend += CNKG_HAN_BYTES;
  int fact = search_last(f, RE_FACT, md, s, cb, fend, &fb, &fe);
  if (fact < 0) return -1;
  size_t pb = 0, pe = 0;
  int near = search_last(f, RE_PLAN_NEAR, md, s, cb, e->begin, &pb, &pe);
  if (near < 0) return -1;
  bool strong_in_clause = plan_at != SIZE_MAX && plan_at >= cb && plan_at < e->begin;
  if (strong_in_clause && !(fact && fb > plan_at)) {
    e->modality = CNKG_EVENT_PLANNED;
    e->mod_begin = plan_at;
    e->mod_end = plan_end;
    return 0;
  }
  if (fact) return 0;
  if (near) {
    e->modality = CNKG_EVENT_PLANNED;
    e->mod_begin = pb;
    e->mod_end = pe;
    return 0;
  }
  if (plan_at != SIZE_MAX && plan_at < e->begin) {
    e->modality = CNKG_EVENT_PLANNED;
    e->mod_begin = plan_at;
    e->mod_end = plan_end;
  }
  return 0;
}

/* Sets e's kind from the cue pattern's group g that matched. */
static void set_kind(CnkgEvent *e, int g) {
  switch (g) {
  case 1: e->kind = CNKG_EVENT_EXIT; e->past_state = true; break;
  case 2: e->kind = CNKG_EVENT_EXIT; break;
  case 3: e->kind = CNKG_EVENT_POST_START; break;
  case 4: e->kind = CNKG_EVENT_POST_HOLD; break;
  case 5: e->kind = CNKG_EVENT_POST_END; break;
  case 6: e->kind = CNKG_EVENT_POST_START; e->weak = true; break;
  case 7: e->kind = CNKG_EVENT_POST_END; e->weak = true; break;
  default: e->kind = CNKG_EVENT_EXIT; e->weak = true; break;
  }
}

/* Whether the exit cue e is no exit: a word after it, a campaign before
 * it (决战脱贫), a slogan in a quoted list. 1 dropped, 0 kept, -1 error. */
static int exit_dropped(const CnkgEventFinder *f, pcre2_match_data *md, const char *s,
                        size_t len, const CnkgEvent *e) {
  int rc = search(f, RE_NOT_AFTER, md, s, len, e->end, PCRE2_ANCHORED, NULL, NULL);
  if (rc) return rc;
  size_t kb = e->begin > 12 ? e->begin - 12 : 0;
  while (kb < e->begin && ((unsigned char)s[kb] & 0xC0) == 0x80) kb++;
  rc = search(f, RE_CAMPAIGN, md, s, e->begin, kb, 0, NULL, NULL);
  if (rc) return rc;
  /* a slogan in a quoted list (“沉一线、解难题、助摘帽”) */
  return quoted_list(s, len, e->begin, e->end) ? 1 : 0;
}

/* Sets whole_place and about_people of exit e from the words before and
 * after its cue. 0, or -1 error or limit. */
static int exit_subject(const CnkgEventFinder *f, pcre2_match_data *md, const char *s,
                        size_t len, CnkgEvent *e) {
  /* the nearest subject word before the cue: people or a place */
  size_t cb = clause_start(s, e->begin), mb = 0, me = 0;
  /* 全旗…,已退出国贫旗序列: the sentence before the cue, when no other
   * place word comes between */
  size_t wb = e->begin > 2 * CLAUSE_REACH ? e->begin - 2 * CLAUSE_REACH : 0;
  while (wb < e->begin && ((unsigned char)s[wb] & 0xC0) == 0x80) wb++;
  size_t xb = 0, xe = 0;
  int rc = search_last(f, RE_WHOLE, md, s, wb, e->begin, &xb, &xe);
  if (rc < 0) return -1;
  e->whole_place = rc > 0;
  for (size_t i = xe; e->whole_place && i + CNKG_HAN_BYTES <= e->begin; i++)
    if (memcmp(s + i, "村", CNKG_HAN_BYTES) == 0 || memcmp(s + i, "县", CNKG_HAN_BYTES) == 0 ||
        memcmp(s + i, "镇", CNKG_HAN_BYTES) == 0 || memcmp(s + i, "乡", CNKG_HAN_BYTES) == 0 ||
        memcmp(s + i, "旗", CNKG_HAN_BYTES) == 0 || memcmp(s + i, "市", CNKG_HAN_BYTES) == 0 ||
        memcmp(s + i, "省", CNKG_HAN_BYTES) == 0)
      e->whole_place = false;
  rc = search_last(f, RE_PEOPLE, md, s, cb, e->begin, &mb, &me);
  if (rc < 0) return -1;
  bool place_in_cue = false;
  for (size_t i = e->begin; i + CNKG_HAN_BYTES <= e->end && !place_in_cue; i++)
    place_in_cue = memcmp(s + i, "县", CNKG_HAN_BYTES) == 0 || memcmp(s + i, "村", CNKG_HAN_BYTES) == 0 ||
                   memcmp(s + i, "旗", CNKG_HAN_BYTES) == 0 || memcmp(s + i, "乡", CNKG_HAN_BYTES) == 0 ||
                   memcmp(s + i, "镇", CNKG_HAN_BYTES) == 0;
  /* 脱贫出列413人: the count after the cue is what exits */
  size_t q = e->end;
  while (q < len && s[q] >= '0' && s[q] <= '9') q++;
  if (q > e->end && q + CNKG_HAN_BYTES <= len &&
      (!memcmp(s + q, "人", CNKG_HAN_BYTES) || !memcmp(s + q, "户", CNKG_HAN_BYTES) || !memcmp(s + q, "名", CNKG_HAN_BYTES)))
    e->about_people = true;
  else if (rc && !place_in_cue) {
    /* search again at the last match for its groups */
    rc = search(f, RE_PEOPLE, md, s, e->begin, mb, PCRE2_ANCHORED, NULL, NULL);
    if (rc < 0) return -1;
    PCRE2_SIZE *pv = pcre2_get_ovector_pointer(md);
    e->about_people = rc > 0 && pv[2] != PCRE2_UNSET;
  }
  return 0;
}

CnkgStatus cnkg_event_find(const CnkgEventFinder *f, CnkgStr sentence,
                           CnkgEventList *out) {
  if (!f || !out || (!sentence.buf && sentence.len)) return CNKG_ERR_ARG;
  out->n = 0;
  const char *s = sentence.buf;
  size_t len = sentence.len;
  if (len == 0) return CNKG_SUCCESS;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(f->re[RE_CUE], NULL);
  pcre2_match_data *md2 = pcre2_match_data_create(3, NULL);
  if (!md || !md2) {
    pcre2_match_data_free(md);
    pcre2_match_data_free(md2);
    return CNKG_ERR_NOMEM;
  }
  CnkgStatus status = CNKG_SUCCESS;
  /* the sentence's first plan word, looked for once a cue is found */
  size_t plan_at = SIZE_MAX, plan_end = 0, x, y;
  bool plan_known = false;
  size_t pos = 0;
  int rc;
  while (status == CNKG_SUCCESS && pos < len) {
    rc = cnkg_re_first(f->re[RE_CUE], &f->cue_starts, s, len, pos, md, f->mctx);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) {
      status = CNKG_ERR_PATTERN;
      break;
    }
    if (!plan_known) {
      int prc = search(f, RE_PLAN, md2, s, len, 0, 0, &x, &y);
      if (prc < 0) {
        status = CNKG_ERR_PATTERN;
        break;
      }
      if (prc > 0) {
        plan_at = x;
        plan_end = y;
      }
      plan_known = true;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    CnkgEvent e;
    memset(&e, 0, sizeof e);
    e.begin = ov[0];
    e.end = ov[1];
    pos = e.end > e.begin ? e.end : e.begin + 1;
    int g = 1;
    while (g < rc && ov[2 * g] == PCRE2_UNSET) g++;
    set_kind(&e, g);
    if (e.kind == CNKG_EVENT_EXIT && !e.past_state && !e.weak) {
      rc = exit_dropped(f, md2, s, len, &e);
      if (rc < 0) {
        status = CNKG_ERR_PATTERN;
        break;
      }
      if (rc) continue;
      if (exit_subject(f, md2, s, len, &e) < 0) {
        status = CNKG_ERR_PATTERN;
        break;
      }
    }
    if (modality(f, md2, s, len, plan_at, plan_end, &e) < 0) {
      status = CNKG_ERR_PATTERN;
      break;
    }
    status = push(out, &e);
  }
  pcre2_match_data_free(md);
  pcre2_match_data_free(md2);
  return status;
}
