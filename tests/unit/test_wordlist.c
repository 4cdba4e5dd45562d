/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/wordlist.c: longest match at and before an offset,
 * limits, 1- and 3-byte first characters, ties, the empty list, struct
 * tables, and the index against a plain scan of the table on generated
 * text. */
#include <pthread.h>
#include <stdint.h>

#include "check.h"
#include "extractor/wordlist.h"

static const char *const WORDS[] = {"书记", "第一书记", "副书记", "村", "村委会",
                                    "村委", ",", ",,", "＊", "*", NULL};
static CnkgWordList words = CNKG_WORDLIST(WORDS);

static const char *const EMPTY[] = {NULL};
static CnkgWordList empty = CNKG_WORDLIST(EMPTY);

/* Words of one length that match the same text: the first in the table
 * wins (a duplicate word, and two words ending alike). */
static const char *const TIES[] = {"ab", "xb", "ab", "b", "abc", NULL};
static CnkgWordList ties = CNKG_WORDLIST(TIES);

typedef struct {
  int id;
  const char *word;
} Item;
static const Item ITEMS[] = {{10, "养殖"}, {11, "养殖业"}, {12, "种植"},
                             {13, "养殖"}, {14, "养"}};
static CnkgWordList items = CNKG_WORDLIST_FIELD(ITEMS, word);

/* The plain scan the index replaces: longest, first in table on ties. */
static size_t scan_at(const char *const *list, const char *s, size_t pos,
                      size_t limit) {
  size_t best = 0;
  for (size_t k = 0; list[k]; k++) {
    size_t n = strlen(list[k]);
    if (n > best && cnkg_wordlist_word_at(s, pos, limit, list[k])) best = n;
  }
  return best;
}

static size_t scan_before(const char *const *list, const char *s,
                          size_t floor, size_t end) {
  size_t best = 0;
  for (size_t k = 0; list[k]; k++) {
    size_t n = strlen(list[k]);
    if (n > best && cnkg_wordlist_word_before(s, floor, end, list[k])) best = n;
  }
  return best;
}

static void *lookups(void *arg) {
  (void)arg;
  static const char *const L[] = {"甲", "甲乙", "乙", NULL};
  static CnkgWordList l = CNKG_WORDLIST(L);
  size_t ok = 0;
  for (int i = 0; i < 1000; i++)
    ok += cnkg_wordlist_at(&l, "甲乙丙", 0, 9) == 6 &&
          cnkg_wordlist_before(&l, "甲乙丙", 0, 6) == 6;
  return (void *)(uintptr_t)ok;
}

int main(void) {
  const char *s = "驻村第一书记,,村委会＊";
  size_t len = strlen(s);
  /* longest match at a position */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 3, len), 3);    /* 村 */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 6, len), 12);   /* 第一书记 */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 12, len), 6);   /* 书记 */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 0, len), 0);
  CHECK_EQ(cnkg_wordlist_at(&words, s, 1, len), 0);    /* inside a character */
  /* 1-byte first characters */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 18, len), 2);   /* ,, */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 19, len), 1);
  CHECK_EQ(cnkg_wordlist_at(&words, "*", 0, 1), 1);
  /* the limit is respected */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 6, 17), 0);     /* 第一书 */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 18, 19), 1);    /* , */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 20, 26), 6);    /* 村委 of 村委会 */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 20, 22), 0);    /* half of 村 */
  CHECK_EQ(cnkg_wordlist_at(&words, s, len, len), 0);  /* at the end */
  CHECK_EQ(cnkg_wordlist_at(&words, s, 29, len), 3);   /* ＊ at the end */
  /* longest match ending at a position */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 0, 18), 12);  /* 第一书记 */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 9, 18), 6);   /* floor cuts 第一书记: 书记 */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 0, 20), 2);   /* ,, */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 19, 20), 1);  /* floor cuts ,, */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 0, 6), 3);    /* 村 */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 0, len), 3);  /* ＊ at the end */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 0, 29), 9);   /* 村委会 */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 23, 29), 0);  /* floor inside it */
  CHECK_EQ(cnkg_wordlist_before(&words, s, 0, 0), 0);
  CHECK_EQ(cnkg_wordlist_before(&words, s, 5, 5), 0);
  CHECK_EQ(cnkg_wordlist_before(&words, s, 0, 5), 0);    /* inside a character */
  /* exact words */
  CHECK_EQ(cnkg_wordlist_find(&words, "村委", 6), 5);
  CHECK_EQ(cnkg_wordlist_find(&words, "村委会", 9), 4);
  CHECK_EQ(cnkg_wordlist_find(&words, "村委会", 6), 5);
  CHECK_EQ(cnkg_wordlist_find(&words, "委", 3), SIZE_MAX);
  CHECK_EQ(cnkg_wordlist_find(&words, "", 0), SIZE_MAX);
  CHECK(cnkg_wordlist_has(&words, "*", 1));
  CHECK(!cnkg_wordlist_has(&words, "**", 2));

  /* the empty list */
  CHECK_EQ(cnkg_wordlist_at(&empty, s, 3, len), 0);
  CHECK_EQ(cnkg_wordlist_before(&empty, s, 0, 6), 0);
  CHECK_EQ(cnkg_wordlist_find(&empty, "村", 3), SIZE_MAX);
  size_t cur = 0;
  CHECK_EQ(cnkg_wordlist_next_at(&empty, s, 3, len, &cur), SIZE_MAX);

  /* ties: all matches in order, longest first, then table order */
  cur = 0;
  CHECK_EQ(cnkg_wordlist_next_at(&ties, "abc", 0, 3, &cur), 4);
  CHECK_EQ(cnkg_wordlist_next_at(&ties, "abc", 0, 3, &cur), 0);
  CHECK_EQ(cnkg_wordlist_next_at(&ties, "abc", 0, 3, &cur), 2);
  CHECK_EQ(cnkg_wordlist_next_at(&ties, "abc", 0, 3, &cur), SIZE_MAX);
  CHECK_EQ(cnkg_wordlist_next_at(&ties, "abc", 0, 3, &cur), SIZE_MAX);
  cur = 0;
  CHECK_EQ(cnkg_wordlist_next_at(&ties, "abc", 0, 2, &cur), 0);
  cur = 0;
  CHECK_EQ(cnkg_wordlist_next_before(&ties, "xab", 0, 3, &cur), 0);
  CHECK_EQ(cnkg_wordlist_next_before(&ties, "xab", 0, 3, &cur), 2);
  CHECK_EQ(cnkg_wordlist_next_before(&ties, "xab", 0, 3, &cur), 3);
  CHECK_EQ(cnkg_wordlist_next_before(&ties, "xab", 0, 3, &cur), SIZE_MAX);
  cur = 0;
  CHECK_EQ(cnkg_wordlist_next_before(&ties, "xab", 1, 3, &cur), 0);
  cur = 0;
  CHECK_EQ(cnkg_wordlist_next_before(&ties, "xb", 0, 2, &cur), 1);
  CHECK_EQ(cnkg_wordlist_find(&ties, "ab", 2), 0);

  /* a struct table */
  const char *t = "养殖业发展";
  cur = 0;
  CHECK_EQ(cnkg_wordlist_next_at(&items, t, 0, strlen(t), &cur), 1);
  CHECK_EQ(cnkg_wordlist_next_at(&items, t, 0, strlen(t), &cur), 0);
  CHECK_EQ(cnkg_wordlist_next_at(&items, t, 0, strlen(t), &cur), 3);
  CHECK_EQ(cnkg_wordlist_next_at(&items, t, 0, strlen(t), &cur), 4);
  CHECK_EQ(cnkg_wordlist_next_at(&items, t, 0, strlen(t), &cur), SIZE_MAX);
  CHECK_EQ(ITEMS[cnkg_wordlist_find(&items, "养殖", 6)].id, 10);
  CHECK_EQ(cnkg_wordlist_before(&items, t, 0, 9), 9);

  /* the index agrees with a plain scan on text made of pieces of words */
  static const char *const PIECES[] = {"第一", "书记", "村", "委", "会", ",",
                                       "＊", "*", "副", "a", "记"};
  char buf[64];
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; round++) {
    size_t n = 0;
    buf[0] = '\0';
    for (int k = 0; k < 8; k++) {
      seed = seed * 1103515245u + 12345u;
      const char *p = PIECES[(seed >> 16) % (sizeof PIECES / sizeof PIECES[0])];
      size_t pl = strlen(p);
      if (n + pl >= sizeof buf) break;
      memcpy(buf + n, p, pl + 1);
      n += pl;
    }
    for (size_t a = 0; a <= n; a++)
      for (size_t b = a; b <= n; b++) {
        if (cnkg_wordlist_at(&words, buf, a, b) != scan_at(WORDS, buf, a, b) ||
            cnkg_wordlist_before(&words, buf, a, b) != scan_before(WORDS, buf, a, b)) {
          CHECK(0 && "index and scan differ");
          fprintf(stderr, "text %s, %zu..%zu\n", buf, a, b);
          return check_finish();
        }
      }
  }

  /* threads building and reading one list's index at once */
  pthread_t th[4];
  for (int i = 0; i < 4; i++) CHECK(pthread_create(&th[i], NULL, lookups, NULL) == 0);
  for (int i = 0; i < 4; i++) {
    void *ok = NULL;
    pthread_join(th[i], &ok);
    CHECK_EQ((size_t)(uintptr_t)ok, 1000);
  }
  return check_finish();
}
