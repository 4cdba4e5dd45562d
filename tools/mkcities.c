/* SPDX-License-Identifier: Apache-2.0
 * Build-time converter for the foreign-city table: reads Unicode CLDR as
 * Debian's unicode-cldr-core ships it (the Chinese and English exemplar
 * cities of the time zones, main/zh.xml and main/en.xml, and the zone's
 * territory from supplemental/windowsZones.xml), checks the three files
 * against the SHA-256 the build pins, and writes a C source with one row
 * per city (Chinese name, English name, tz id, ISO 3166-1 code, key) for
 * extractor/world.c.
 *
 * A zone is left out when its territory is China's (CN, HK, MO, TW: the
 * division list and the country table name those places), Antarctica's
 * (research stations) or unknown; a name is left out when it has one
 * character, names an island (…岛) rather than a city, names zones of two
 * countries, or is one of the few (AMBIGUOUS) that name something else as
 * often: a person, a city of another country, an island, a region. Keys are ASCII: city/ + the country code + the zone's last
 * component (city/us-new-york). Reads nothing else and never downloads.
 *
 * Usage: cnkg-mkcities ZH_XML ZH_SHA256 EN_XML EN_SHA256 WINDOWS_ZONES_XML
 *        WZ_SHA256 VERSION OUT.c
 * Exit 0 on success; 1 with "cnkg: error: ..." on stderr otherwise. Links
 * only core (SHA-256), since its output is compiled into the extractor. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "tools/pinned.h"

#define MAX_ZONES 1000

typedef struct {
  char *tz, *zh, *en, *cc, *key;
  bool drop;
} City;

typedef struct {
  char *tz, *name;
} Named;

/* Element text with XML's predefined entities decoded. */
static char *xml_text(const char *s, size_t n) {
  static const struct { const char *ent, *ch; } ENT[] = {
      {"&amp;", "&"}, {"&apos;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}};
  char *out = xstrndup(s, n);
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t k = 0;
    for (; k < sizeof ENT / sizeof *ENT; k++) {
      size_t el = strlen(ENT[k].ent);
      if (i + el <= n && !memcmp(s + i, ENT[k].ent, el)) {
        out[o++] = ENT[k].ch[0];
        i += el;
        break;
      }
    }
    if (k == sizeof ENT / sizeof *ENT) out[o++] = s[i++];
  }
  out[o] = '\0';
  return out;
}

/* Every <zone type="TZ"> … </zone> of an LDML locale file with a plain
 * <exemplarCity> (not an alt= variant): the zone and the name, in file
 * order. Returns the count. */
static size_t exemplar_cities(const char *path, const char *buf, Named *out, size_t max) {
  static const char OPEN[] = "<zone type=\"", CITY[] = "<exemplarCity>";
  size_t n = 0;
  for (const char *p = strstr(buf, OPEN); p; p = strstr(p, OPEN)) {
    p += sizeof OPEN - 1;
    const char *q = strchr(p, '"');
    const char *end = q ? strstr(q, "</zone>") : NULL;
    if (!q || !end) die("%s: unterminated <zone>", path);
    const char *c = strstr(q, CITY);
    if (c && c < end) {
      c += sizeof CITY - 1;
      const char *ce = strstr(c, "</exemplarCity>");
      if (!ce || ce > end) die("%s: unterminated <exemplarCity>", path);
      if (n == max) die("%s: more than %zu zones", path, max);
      out[n].tz = xstrndup(p, (size_t)(q - p));
      out[n].name = xml_text(c, (size_t)(ce - c));
      n++;
    }
    p = end;
  }
  return n;
}

/* The territory windowsZones.xml gives the zone tz (the mapZone rows of a
 * real territory, not 001, the world, or ZZ, unknown), else NULL. */
static char *territory(const char *buf, const char *tz) {
  static const char MAP[] = "<mapZone ";
  size_t tl = strlen(tz);
  for (const char *p = strstr(buf, MAP); p; p = strstr(p + 1, MAP)) {
    const char *end = strchr(p, '>');
    const char *t = strstr(p, "territory=\""), *ty = strstr(p, " type=\"");
    if (!end || !t || !ty || t > end || ty > end) continue;
    t += 11;
    ty += 7;
    const char *te = strchr(t, '"'), *tye = strchr(ty, '"');
    if (!te || !tye || te - t != 2 || !memcmp(t, "00", 2) || !memcmp(t, "ZZ", 2)) continue;
    for (const char *z = ty; z < tye;) { /* a space-separated list of zones */
      const char *ze = z;
      while (ze < tye && *ze != ' ') ze++;
      if ((size_t)(ze - z) == tl && !memcmp(z, tz, tl)) return xstrndup(t, 2);
      z = ze + (ze < tye);
    }
  }
  return NULL;
}

/* Exemplar names that mostly mean something else in Chinese text: people
 * (达尔文 Darwin, 斯坦利), cities of other countries with the same name
 * (圣地亚哥 is as often San Diego, 圣路易斯 St. Louis, 圣胡安 Puerto
 * Rico's capital), islands and regions without 岛 (加那利, 诺福克, 乌拉尔
 * is the Urals), places in China as often (亚丁 of 稻城亚丁, 凤凰城), and
 * common words (包罗万象, 镶金边, a temple's 塔林 of pagodas). */
static const char *const AMBIGUOUS[] = {
    "达尔文", "林德曼", "道森", "斯坦利", "威克", "约翰斯顿", "诺姆", "朱诺", "麦格理",
    "圣地亚哥", "圣胡安", "圣路易斯", "科尔多瓦", "梅里达", "乌拉尔", "加那利", "诺福克",
    "查塔姆", "加拉帕戈斯", "可可斯", "查戈斯", "南乔治亚", "马德拉", "开曼", "佛得角", "亚丁", "凤凰城",
    "万象", "金边", "塔林"};

static bool ambiguous(const char *name) {
  for (size_t i = 0; i < sizeof AMBIGUOUS / sizeof *AMBIGUOUS; i++)
    if (!strcmp(name, AMBIGUOUS[i])) return true;
  return false;
}

static bool ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), k = strlen(suf);
  return n >= k && !memcmp(s + n - k, suf, k);
}

/* The zone's last component, English: America/New_York -> New York. */
static char *tz_english(const char *tz) {
  const char *last = strrchr(tz, '/');
  char *en = xstrndup(last ? last + 1 : tz, strlen(last ? last + 1 : tz));
  for (char *p = en; *p; p++)
    if (*p == '_') *p = ' ';
  return en;
}

/* city/us-new-york: ASCII from the code and the zone's last component. */
static char *city_key(const char *cc, const char *tz) {
  const char *last = strrchr(tz, '/');
  last = last ? last + 1 : tz;
  char *key = malloc(strlen(last) + 16);
  if (!key) die("out of memory");
  size_t o = (size_t)sprintf(key, "city/%c%c-", cc[0] | 0x20, cc[1] | 0x20);
  for (const char *p = last; *p; p++) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = (char)(c | 0x20);
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) c = '-';
    if (c == '-' && key[o - 1] == '-') continue;
    key[o++] = c;
  }
  if (key[o - 1] == '-') o--;
  key[o] = '\0';
  return key;
}

int main(int argc, char **argv) {
  if (argc != 9) {
    fprintf(stderr, "usage: cnkg-mkcities ZH_XML ZH_SHA256 EN_XML EN_SHA256 "
                    "WINDOWS_ZONES_XML WZ_SHA256 VERSION OUT.c\n");
    return 2;
  }
  static const char PKG[] = "unicode-cldr-core";
  size_t zl, el, wl;
  char *zh = read_pinned(argv[1], argv[2], PKG, &zl);
  char *en = read_pinned(argv[3], argv[4], PKG, &el);
  char *wz = read_pinned(argv[5], argv[6], PKG, &wl);
  if (!strstr(zh, "<language type=\"zh\"/>")) die("%s: not CLDR's zh locale", argv[1]);
  if (!strstr(en, "<language type=\"en\"/>")) die("%s: not CLDR's en locale", argv[3]);
  if (!strstr(wz, "<windowsZones>")) die("%s: not CLDR's windowsZones.xml", argv[5]);
  static Named zn[MAX_ZONES], enn[MAX_ZONES];
  size_t nz = exemplar_cities(argv[1], zh, zn, MAX_ZONES);
  size_t ne = exemplar_cities(argv[3], en, enn, MAX_ZONES);
  if (nz < 300) die("%s: only %zu exemplar cities (not CLDR's zh.xml?)", argv[1], nz);

  static const char *const CHINA[] = {"CN", "HK", "MO", "TW", "AQ"};
  static City c[MAX_ZONES];
  size_t n = 0;
  for (size_t i = 0; i < nz; i++) {
    char *cc = territory(wz, zn[i].tz);
    bool skip = !cc || cnkg_utf8_count(zn[i].name, strlen(zn[i].name)) < 2 ||
                ends_with(zn[i].name, "岛") || ambiguous(zn[i].name);
    for (size_t k = 0; cc && k < sizeof CHINA / sizeof *CHINA; k++)
      if (!strcmp(cc, CHINA[k])) skip = true;
    if (skip) {
      free(cc);
      continue;
    }
    City *x = &c[n++];
    x->tz = zn[i].tz;
    x->zh = zn[i].name;
    x->cc = cc;
    x->en = NULL;
    for (size_t k = 0; k < ne && !x->en; k++)
      if (!strcmp(enn[k].tz, x->tz)) x->en = xstrndup(enn[k].name, strlen(enn[k].name));
    if (!x->en) x->en = tz_english(x->tz);
    x->key = city_key(cc, x->tz);
  }
  /* A name of zones in two countries names neither; two keys alike are a
   * change in the data to look at. */
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      if (!strcmp(c[i].zh, c[j].zh) && strcmp(c[i].cc, c[j].cc)) c[i].drop = c[j].drop = true;
      else if (!strcmp(c[i].zh, c[j].zh)) c[j].drop = true;
      if (!strcmp(c[i].key, c[j].key)) die("%s: two zones keyed %s", argv[1], c[i].key);
    }

  char tmp[4096];
  FILE *f = gen_open(argv[8], tmp, sizeof tmp);
  fprintf(f, "/* Generated by tools/mkcities.c from unicode-cldr-core %s (main/zh.xml,\n"
             " * main/en.xml and supplemental/windowsZones.xml, checked against their pinned\n"
             " * SHA-256); do not edit. */\n"
             "#include \"extractor/world_table.h\"\n\n"
             "const char cnkg_world_city_source[] = \"unicode-cldr-core %s\";\n\n"
             "const CnkgCityRow cnkg_world_cities[] = {\n",
          argv[7], argv[7]);
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    if (c[i].drop) continue;
    const char *fields[] = {c[i].zh, c[i].en, c[i].tz, c[i].cc, c[i].key};
    fputs("    {", f);
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
      if (k) fputs(", ", f);
      put_c_string(f, fields[k]);
    }
    fputs("},\n", f);
    kept++;
  }
  fprintf(f, "};\n\nconst size_t cnkg_world_n_cities = %zu;\n", kept);
  if (kept < 200) {
    fclose(f);
    remove(tmp);
    die("%s: only %zu cities kept (not CLDR's data?)", argv[1], kept);
  }
  gen_close(f, tmp, argv[8]);
  /* freed so that the leak checker of sanitised builds passes the build step */
  for (size_t i = 0; i < n; i++) {
    free(c[i].en);
    free(c[i].cc);
    free(c[i].key);
  }
  for (size_t i = 0; i < nz; i++) {
    free(zn[i].tz);
    free(zn[i].name);
  }
  for (size_t i = 0; i < ne; i++) {
    free(enn[i].tz);
    free(enn[i].name);
  }
  free(zh);
  free(en);
  free(wz);
  return 0;
}
