/* SPDX-License-Identifier: Apache-2.0
 * Build-time converter for the country table: reads ISO 3166-1 from
 * Debian's iso-codes package (the JSON list of codes and English names, and
 * the zh_CN message catalogue, a GNU .mo file, that translates them), checks
 * both files against the SHA-256 the build pins, and writes a C source with
 * one row per country (codes, English name, Chinese short name, and the
 * Chinese forms a text may use) for extractor/world.c.
 *
 * Chinese forms of a row: the translations of its name, common_name and
 * official_name; an official name without a leading 中国 (中国香港特别行政区
 * -> 香港特别行政区); and each of these without a state-form suffix
 * (…共和国, …王国, …联邦, 合众国 …) when two or more characters are left.
 * A derived form that is another row's name, or that two rows derive, is
 * dropped. Reads nothing else and never downloads.
 *
 * Usage: cnkg-mkworld JSON JSON_SHA256 MO MO_SHA256 VERSION OUT.c
 * Exit 0 on success; 1 with "cnkg: error: ..." on stderr otherwise. Links
 * only core (SHA-256), since its output is compiled into the extractor. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "tools/pinned.h"

#define MAX_ROWS 400
#define MAX_FORMS 12

/* ---- the .mo catalogue ---- */

typedef struct {
  const char *id, *str;
  size_t id_len, str_len;
} MoEntry;

typedef struct {
  MoEntry *e;
  size_t n;
} Mo;

static uint32_t rd32(const unsigned char *p, int swap) {
  return swap ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
              : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* GNU gettext .mo: magic, revision, count, offset of the original strings'
 * table, offset of the translations' table; each table holds (length,
 * offset) pairs. */
static void mo_parse(const char *path, const char *buf, size_t len, Mo *mo) {
  const unsigned char *u = (const unsigned char *)buf;
  if (len < 20) die("%s: too short for a .mo file", path);
  int swap = 0;
  if (rd32(u, 0) == 0x950412deu) swap = 0;
  else if (rd32(u, 1) == 0x950412deu) swap = 1;
  else die("%s: not a GNU .mo file (bad magic)", path);
  uint32_t n = rd32(u + 8, swap), orig = rd32(u + 12, swap), trans = rd32(u + 16, swap);
  if (n > 100000 || orig > len || trans > len || (size_t)n * 8 > len - orig ||
      (size_t)n * 8 > len - trans)
    die("%s: corrupt .mo header", path);
  mo->e = calloc(n ? n : 1, sizeof *mo->e);
  if (!mo->e) die("out of memory");
  mo->n = n;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t il = rd32(u + orig + 8 * i, swap), io = rd32(u + orig + 8 * i + 4, swap);
    uint32_t sl = rd32(u + trans + 8 * i, swap), so = rd32(u + trans + 8 * i + 4, swap);
    if (io > len || il > len - io || so > len || sl > len - so)
      die("%s: corrupt .mo entry %u", path, i);
    mo->e[i] = (MoEntry){buf + io, buf + so, il, sl};
  }
}

/* The translation of id, or NULL. */
static const char *mo_get(const Mo *mo, const char *id, size_t *n) {
  size_t k = strlen(id);
  for (size_t i = 0; i < mo->n; i++)
    if (mo->e[i].id_len == k && !memcmp(mo->e[i].id, id, k) && mo->e[i].str_len) {
      *n = mo->e[i].str_len;
      return mo->e[i].str;
    }
  return NULL;
}

/* ---- the JSON list (one array of flat objects of strings) ---- */

typedef struct {
  char *alpha2, *alpha3, *numeric, *name, *common, *official;
  char *forms[MAX_FORMS]; /* Chinese forms, forms[0] the preferred one */
  int n_forms;
  int derived_from;       /* forms[derived_from..] are derived */
} Row;

static const char *skip_ws(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
  return p;
}

static void put_utf8(char *out, size_t *o, uint32_t c) {
  if (c < 0x80) out[(*o)++] = (char)c;
  else if (c < 0x800) {
    out[(*o)++] = (char)(0xC0 | c >> 6);
    out[(*o)++] = (char)(0x80 | (c & 0x3F));
  } else {
    out[(*o)++] = (char)(0xE0 | c >> 12);
    out[(*o)++] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[(*o)++] = (char)(0x80 | (c & 0x3F));
  }
}

/* A JSON string at p (at its opening quote); returns the decoded copy and
 * moves *pp past it. \u escapes outside the BMP's surrogates only. */
static char *json_string(const char *path, const char **pp, const char *end) {
  const char *p = *pp;
  if (p >= end || *p != '"') die("%s: string expected", path);
  p++;
  char *out = malloc((size_t)(end - p) + 1);
  if (!out) die("out of memory");
  size_t o = 0;
  while (p < end && *p != '"') {
    if (*p != '\\') {
      out[o++] = *p++;
      continue;
    }
    if (++p >= end) break;
    char c = *p++;
    switch (c) {
    case 'n': out[o++] = '\n'; break;
    case 't': out[o++] = '\t'; break;
    case 'u': {
      if (end - p < 4) die("%s: bad \\u escape", path);
      char hx[5] = {p[0], p[1], p[2], p[3], 0};
      put_utf8(out, &o, (uint32_t)strtoul(hx, NULL, 16));
      p += 4;
      break;
    }
    default: out[o++] = c; break;
    }
  }
  if (p >= end) die("%s: unterminated string", path);
  *pp = p + 1;
  out[o] = '\0';
  return out;
}

static size_t json_rows(const char *path, const char *buf, size_t len, Row *rows) {
  const char *p = buf, *end = buf + len;
  p = strstr(buf, "\"3166-1\"");
  if (!p) die("%s: no \"3166-1\" list", path);
  p = strchr(p, '[');
  if (!p) die("%s: no \"3166-1\" array", path);
  p++;
  size_t n = 0;
  for (;;) {
    p = skip_ws(p, end);
    if (p < end && *p == ',') p = skip_ws(p + 1, end);
    if (p >= end) die("%s: unterminated array", path);
    if (*p == ']') break;
    if (*p != '{') die("%s: object expected", path);
    if (n == MAX_ROWS) die("%s: more than %d countries", path, MAX_ROWS);
    Row *r = &rows[n++];
    memset(r, 0, sizeof *r);
    p++;
    for (;;) {
      p = skip_ws(p, end);
      if (p < end && *p == ',') p = skip_ws(p + 1, end);
      if (p < end && *p == '}') {
        p++;
        break;
      }
      char *key = json_string(path, &p, end);
      p = skip_ws(p, end);
      if (p >= end || *p != ':') die("%s: ':' expected", path);
      p = skip_ws(p + 1, end);
      char *val = json_string(path, &p, end);
      char **slot = !strcmp(key, "alpha_2")         ? &r->alpha2
                    : !strcmp(key, "alpha_3")       ? &r->alpha3
                    : !strcmp(key, "numeric")       ? &r->numeric
                    : !strcmp(key, "name")          ? &r->name
                    : !strcmp(key, "common_name")   ? &r->common
                    : !strcmp(key, "official_name") ? &r->official
                                                    : NULL;
      if (slot) *slot = val;
      else free(val);
      free(key);
    }
    if (!r->alpha2 || !r->alpha3 || !r->numeric || !r->name)
      die("%s: country %zu lacks a code or name", path, n);
  }
  if (n < 200) die("%s: only %zu countries (not ISO 3166-1?)", path, n);
  return n;
}

/* ---- forms ---- */

static bool has_form(const Row *r, const char *f) {
  for (int i = 0; i < r->n_forms; i++)
    if (!strcmp(r->forms[i], f)) return true;
  return false;
}

static void add_form(Row *r, const char *s, size_t n) {
  if (n < 3 || r->n_forms == MAX_FORMS) return; /* one character is no name */
  char *f = xstrndup(s, n);
  if (has_form(r, f)) {
    free(f);
    return;
  }
  r->forms[r->n_forms++] = f;
}

/* State-form suffixes, longest first. */
static const char *const SUFFIXES[] = {
    "民主社会主义共和国", "社会主义共和国", "人民民主共和国", "联邦民主共和国",
    "伊斯兰共和国", "玻利瓦尔共和国", "民主共和国", "联邦共和国",
    "联合共和国", "东岸共和国", "联合王国", "哈希姆王国", "大公国", "合众国",
    "共和国", "苏丹国", "独立国", "王国", "公国", "联邦"};
/* Not …国 or …人民共和国 alone: 大韩民国 is not 大韩民 and 中华人民共和国
 * not 中华; the rows that end so carry their short name already. */

static size_t utf8_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

static bool is_primary(const Row *rows, size_t n, const char *f) {
  for (size_t i = 0; i < n; i++)
    for (int k = 0; k < rows[i].derived_from; k++)
      if (!strcmp(rows[i].forms[k], f)) return true;
  return false;
}

static void derive(Row *rows, size_t n) {
  for (size_t i = 0; i < n; i++) {
    Row *r = &rows[i];
    int given = r->n_forms;
    for (int k = 0; k < given; k++) {
      const char *f = r->forms[k];
      size_t fl = strlen(f);
      if (fl > 6 && !memcmp(f, "中国", 6)) add_form(r, f + 6, fl - 6);
    }
    int base = r->n_forms;
    for (int k = 0; k < base; k++) {
      const char *f = r->forms[k];
      size_t fl = strlen(f);
      for (size_t s = 0; s < sizeof SUFFIXES / sizeof *SUFFIXES; s++) {
        size_t sl = strlen(SUFFIXES[s]);
        if (fl > sl && !memcmp(f + fl - sl, SUFFIXES[s], sl) &&
            utf8_chars(f, fl - sl) >= 2) {
          add_form(r, f, fl - sl);
          break;
        }
      }
    }
  }
  /* A derived form that is another row's own name, or that two rows
   * derive, names neither: flagged first, then dropped. */
  static bool drop[MAX_ROWS][MAX_FORMS];
  for (size_t i = 0; i < n; i++)
    for (int k = rows[i].derived_from; k < rows[i].n_forms; k++) {
      const char *f = rows[i].forms[k];
      bool clash = is_primary(rows, n, f);
      for (size_t j = 0; j < n && !clash; j++)
        if (j != i && has_form(&rows[j], f)) clash = true;
      drop[i][k] = clash;
    }
  for (size_t i = 0; i < n; i++) {
    Row *r = &rows[i];
    int w = r->derived_from;
    for (int k = r->derived_from; k < r->n_forms; k++)
      if (!drop[i][k]) r->forms[w++] = r->forms[k];
      else free(r->forms[k]);
    r->n_forms = w;
  }
}

/* ---- output ---- */

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: cnkg-mkworld JSON JSON_SHA256 MO MO_SHA256 VERSION OUT.c\n");
    return 2;
  }
  size_t jlen, mlen;
  char *json = read_pinned(argv[1], argv[2], "iso-codes", &jlen);
  char *mobuf = read_pinned(argv[3], argv[4], "iso-codes", &mlen);
  Mo mo = {0};
  mo_parse(argv[3], mobuf, mlen, &mo);
  static Row rows[MAX_ROWS];
  size_t n = json_rows(argv[1], json, jlen, rows);
  size_t untranslated = 0;
  for (size_t i = 0; i < n; i++) {
    Row *r = &rows[i];
    const char *ids[3] = {r->common, r->name, r->official};
    for (int k = 0; k < 3; k++) {
      size_t tl;
      const char *t = ids[k] ? mo_get(&mo, ids[k], &tl) : NULL;
      if (t) add_form(r, t, tl);
    }
    if (!r->n_forms) untranslated++;
    r->derived_from = r->n_forms;
  }
  if (untranslated > n / 10)
    die("%s: %zu of %zu countries have no Chinese name (not the zh_CN catalogue?)", argv[3],
        untranslated, n);
  derive(rows, n);

  char tmp[4096];
  FILE *f = gen_open(argv[6], tmp, sizeof tmp);
  fprintf(f, "/* Generated by tools/mkworld.c from iso-codes %s (iso_3166-1.json and the\n"
             " * zh_CN catalogue, both checked against their pinned SHA-256); do not edit. */\n"
             "#include \"extractor/world_table.h\"\n\n"
             "const char cnkg_world_source[] = \"iso-codes %s\";\n\n"
             "const CnkgCountryRow cnkg_world_countries[] = {\n",
          argv[5], argv[5]);
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    const Row *r = &rows[i];
    if (!r->n_forms) continue;
    fputs("    {", f);
    put_c_string(f, r->alpha2);
    fputs(", ", f);
    put_c_string(f, r->alpha3);
    fputs(", ", f);
    put_c_string(f, r->numeric);
    fputs(", ", f);
    put_c_string(f, r->common ? r->common : r->name);
    fputs(", {", f);
    for (int k = 0; k < r->n_forms; k++) {
      put_c_string(f, r->forms[k]);
      fputs(", ", f);
    }
    fputs("NULL}},\n", f);
    kept++;
  }
  fprintf(f, "};\n\nconst size_t cnkg_world_n_countries = %zu;\n", kept);
  gen_close(f, tmp, argv[6]);
  /* freed so that the leak checker of sanitised builds passes the build step */
  for (size_t i = 0; i < n; i++) {
    Row *r = &rows[i];
    char *own[] = {r->alpha2, r->alpha3, r->numeric, r->name, r->common, r->official};
    for (size_t k = 0; k < sizeof own / sizeof *own; k++) free(own[k]);
    for (int k = 0; k < r->n_forms; k++) free(r->forms[k]);
  }
  free(mo.e);
  free(json);
  free(mobuf);
  return 0;
}
