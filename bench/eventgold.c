/* SPDX-License-Identifier: Apache-2.0
 * Ceiling of the figure and event finders against gold events.tsv files:
 * runs extractor/figure.c and extractor/event.c over every sentence of each
 * document of a corpus folder and compares, ignoring subjects and dates,
 * (value, unit, indicator relaxed) with the gold `figure` rows, and the
 * sentences with exit cues with the gold povertyExit / povertyExitPlanned
 * rows (a gold row is found when a cue of its kind, fact or plan, is in a
 * sentence naming its place). Reads the texts at run time; prints only
 * counts unless -v. Links cnkg_lib; compiled by bench/eventgold.sh. */
#define _GNU_SOURCE /* memmem */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cnkg/text.h"
#include "extractor/event.h"
#include "extractor/figure.h"
#include "extractor/intake.h"
#include "extractor/lac.h"

typedef struct {
  char *value, *unit, *ind, *subject, *kind;
  bool hit;
} Row;

typedef struct {
  Row *v;
  size_t n, cap;
} Rows;

static void rows_add(Rows *r, Row row) {
  if (r->n == r->cap) {
    r->cap = r->cap ? 2 * r->cap : 64;
    r->v = realloc(r->v, r->cap * sizeof *r->v);
    if (!r->v) exit(3);
  }
  r->v[r->n++] = row;
}

static void rows_free(Rows *r) {
  for (size_t i = 0; i < r->n; i++) {
    free(r->v[i].value);
    free(r->v[i].unit);
    free(r->v[i].ind);
    free(r->v[i].subject);
    free(r->v[i].kind);
  }
  free(r->v);
  r->v = NULL;
  r->n = r->cap = 0;
}

static char *dup(const char *s) {
  char *d = strdup(s ? s : "");
  if (!d) exit(3);
  return d;
}

static char *read_all(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  size_t k;
  while (buf && (k = fread(buf + n, 1, cap - n, fp)) > 0) {
    n += k;
    if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
  }
  fclose(fp);
  if (buf) buf[n] = '\0';
  *len = n;
  return buf;
}

/* Splits a TSV line in place into at most max fields. */
static size_t split_tsv(char *line, char **f, size_t max) {
  size_t n = 0;
  char *p = line;
  while (n < max) {
    f[n++] = p;
    char *t = strchr(p, '\t');
    if (!t) break;
    *t = '\0';
    p = t + 1;
  }
  char *nl = f[n - 1] + strcspn(f[n - 1], "\r\n");
  *nl = '\0';
  return n;
}

static const char *canon_unit(const char *u) {
  if (strcmp(u, "名") == 0 || strcmp(u, "位") == 0) return "人";
  return u;
}

static bool value_close(const char *a, const char *b) {
  double x = strtod(a, NULL), y = strtod(b, NULL);
  double d = x > y ? x - y : y - x;
  double m = (x > y ? x : y) * 0.005;
  return d <= m;
}

static bool relaxed(const char *a, const char *b) {
  if (!*a || !*b) return false;
  return strstr(a, b) || strstr(b, a);
}

typedef struct {
  size_t gold, found, sys, sys_ok, value_unit_found;
} Score;

static void report(const char *what, const Score *s) {
  double r = s->gold ? (double)s->found / (double)s->gold : 0;
  double p = s->sys ? (double)s->sys_ok / (double)s->sys : 0;
  double f = r + p > 0 ? 2 * r * p / (r + p) : 0;
  printf("%-28s gold %4zu  found %4zu  recall %.3f  system %4zu  matching %4zu  precision %.3f  F1 %.3f\n",
         what, s->gold, s->found, r, s->sys, s->sys_ok, p, f);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  const char *corpus = NULL, *gold = NULL, *lac_path = NULL;
  bool verbose = false, use_stops = false;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0) verbose = true;
    else if (strcmp(argv[i], "--stops") == 0) use_stops = true;
    else if (strcmp(argv[i], "--lac") == 0 && i + 1 < argc) lac_path = argv[++i];
    else if (!corpus) corpus = argv[i];
    else gold = argv[i];
  }
  if (!corpus || (!gold && strcmp(corpus, "-") != 0)) {
    fprintf(stderr, "usage: eventgold [-v] [--stops] [--lac MODEL] CORPUS_DIR GOLD_DIR | - (sentences on stdin)\n");
    return 2;
  }
  char err[256] = "";
  CnkgIntake *intake;
  CnkgFigureFinder *ff;
  CnkgEventFinder *ef;
  CnkgLac *lac = NULL;
  if (cnkg_intake_new(&intake, err, sizeof err) != CNKG_SUCCESS ||
      cnkg_figure_new(&ff, err, sizeof err) != CNKG_SUCCESS ||
      cnkg_event_new(&ef, err, sizeof err) != CNKG_SUCCESS ||
      (lac_path && cnkg_lac_open(lac_path, &lac, err, sizeof err) != CNKG_SUCCESS)) {
    fprintf(stderr, "eventgold: %s\n", err);
    return 1;
  }
  if (strcmp(corpus, "-") == 0) {
    /* sentences on stdin, one a line: print what the finders see */
    char line[8192];
    CnkgFigureList fl = {0};
    CnkgEventList el = {0};
    while (fgets(line, sizeof line, stdin)) {
      CnkgStr str = {line, strcspn(line, "\n")};
      if (cnkg_figure_find(ff, str, NULL, NULL, 0, &fl) != CNKG_SUCCESS) printf("figure error\n");
      for (size_t k = 0; k < fl.n; k++) {
        const CnkgFigure *x = &fl.v[k];
        printf("  figure %s %s [%.*s]%s%s%s%s {%.*s}\n", x->value, x->unit,
               (int)(x->ind_end - x->ind_begin), line + x->ind_begin, x->ind_word ? x->ind_word : "",
               x->target ? " target" : "", x->approximate ? " approx" : "", x->implied_unit ? " implied" : "",
               (int)(x->end - x->begin), line + x->begin);
      }
      if (cnkg_event_find(ef, str, &el) != CNKG_SUCCESS) printf("event error\n");
      for (size_t k = 0; k < el.n; k++) {
        const CnkgEvent *e = &el.v[k];
        printf("  event %s %s {%.*s} mod {%.*s}%s%s%s\n", cnkg_event_kind_name(e->kind),
               cnkg_event_modality_name(e->modality), (int)(e->end - e->begin), line + e->begin,
               (int)(e->mod_end - e->mod_begin), line + e->mod_begin, e->about_people ? " people" : "",
               e->past_state ? " past" : "", e->weak ? " weak" : "");
      }
    }
    cnkg_figure_list_clear(&fl);
    cnkg_event_list_clear(&el);
    return 0;
  }
  DIR *d = opendir(corpus);
  if (!d) {
    perror(corpus);
    return 1;
  }
  char **names = NULL;
  size_t n_names = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t n = strlen(de->d_name);
    if (n > 4 && strcmp(de->d_name + n - 4, ".txt") == 0) {
      names = realloc(names, (n_names + 1) * sizeof *names);
      names[n_names++] = dup(de->d_name);
    }
  }
  closedir(d);
  qsort(names, n_names, sizeof *names, by_name);
  Score fig = {0}, exit_fact = {0}, exit_plan = {0}, post = {0};
  size_t unattached_fact = 0, unattached_plan = 0, bytes_seen = 0;
  double t_fig = 0, t_ev = 0;
  CnkgFigureList figs = {0};
  CnkgEventList evs = {0};
  CnkgLacResult lr = {0};
  for (size_t di = 0; di < n_names; di++) {
    char path[4096], gpath[4096];
    size_t stem = strlen(names[di]) - 4;
    snprintf(path, sizeof path, "%s/%s", corpus, names[di]);
    snprintf(gpath, sizeof gpath, "%s/%.*s.events.tsv", gold, (int)stem, names[di]);
    size_t glen, len;
    char *gtext = read_all(gpath, &glen);
    if (!gtext) continue;
    Rows g = {0}, ents = {0};
    for (char *line = strtok(gtext, "\n"); line; line = strtok(NULL, "\n")) {
      char *f[8];
      if (split_tsv(line, f, 7) < 6) continue;
      if (strcmp(f[0], "figure") == 0)
        rows_add(&g, (Row){dup(f[4]), dup(canon_unit(f[5])), dup(f[2]), dup(f[1]), dup(f[0]), false});
      else if (strncmp(f[0], "povertyExit", 11) == 0 || strncmp(f[0], "post", 4) == 0)
        rows_add(&g, (Row){dup(""), dup(""), dup(""), dup(f[1]), dup(f[0]), false});
    }
    free(gtext);
    snprintf(gpath, sizeof gpath, "%s/%.*s.entities.tsv", gold, (int)stem, names[di]);
    char *etext = read_all(gpath, &glen);
    if (etext) {
      for (char *line = strtok(etext, "\n"); line; line = strtok(NULL, "\n")) {
        char *f[6];
        if (split_tsv(line, f, 5) < 3 || strcmp(f[0], "type") == 0 ||
            strcmp(f[0], "Industry") == 0 || strcmp(f[0], "Policy") == 0)
          continue; /* names only: places, organisations, persons */
        /* subject: the surface form; ind: the entity's name */
        rows_add(&ents, (Row){dup(""), dup(""), dup(f[1]), dup(f[1]), dup(f[0]), false});
        if (f[2][0]) {
          char *a = f[2], *save = NULL;
          for (char *t = strtok_r(a, "|;,", &save); t; t = strtok_r(NULL, "|;,", &save))
            rows_add(&ents, (Row){dup(""), dup(""), dup(f[1]), dup(t), dup(f[0]), false});
        }
      }
      free(etext);
    }
    char *bytes = read_all(path, &len);
    CnkgText *text = NULL;
    if (!bytes || cnkg_intake_text(intake, names[di], bytes, len, NULL, &text) != CNKG_SUCCESS) {
      free(bytes);
      rows_free(&g);
      rows_free(&ents);
      continue;
    }
    Rows sys = {0};
    for (size_t si = 0; si < text->n_sentences; si++) {
      const CnkgSentence *sn = &text->sentences[si];
      CnkgStr str = {text->norm + sn->begin, sn->end - sn->begin};
      CnkgFigureStop stops[256];
      size_t n_stops = 0;
      if (use_stops)
        for (size_t k = 0; k < ents.n && n_stops < 256; k++) {
          const char *nm = ents.v[k].subject;
          size_t nl = strlen(nm);
          if (nl < 3) continue;
          for (const char *p = str.buf; p + nl <= str.buf + str.len && n_stops < 256; p++)
            if (memcmp(p, nm, nl) == 0) {
              stops[n_stops++] = (CnkgFigureStop){(size_t)(p - str.buf), (size_t)(p - str.buf) + nl};
              p += nl - 1;
            }
        }
      const CnkgLacResult *lp = NULL;
      if (lac && cnkg_lac_analyze(lac, str, &lr) == CNKG_SUCCESS) lp = &lr;
      double t0 = now();
      if (cnkg_figure_find(ff, str, lp, stops, n_stops, &figs) != CNKG_SUCCESS)
        fprintf(stderr, "eventgold: %s: figure_find failed\n", names[di]);
      double t1 = now();
      if (cnkg_event_find(ef, str, &evs) != CNKG_SUCCESS)
        fprintf(stderr, "eventgold: %s: event_find failed\n", names[di]);
      t_fig += t1 - t0;
      t_ev += now() - t1;
      bytes_seen += str.len;
      for (size_t k = 0; k < figs.n; k++) {
        const CnkgFigure *x = &figs.v[k];
        char ind[256];
        cnkg_figure_indicator(x, str, ind, sizeof ind);
        bool seen = false;
        for (size_t q = 0; q < sys.n && !seen; q++)
          seen = strcmp(sys.v[q].value, x->value) == 0 && strcmp(sys.v[q].unit, canon_unit(x->unit)) == 0 &&
                 strcmp(sys.v[q].ind, ind) == 0;
        if (seen) continue;
        char ctx[512];
        snprintf(ctx, sizeof ctx, "%.*s", (int)(str.len < 400 ? str.len : 400), str.buf);
        rows_add(&sys, (Row){dup(x->value), dup(canon_unit(x->unit)), dup(ind), dup(ctx),
                             dup(x->target ? "target" : ""), false});
      }
      /* exits: a gold place named in a sentence with a cue of its kind */
      for (size_t k = 0; k < evs.n; k++) {
        const CnkgEvent *e = &evs.v[k];
        if (e->kind != CNKG_EVENT_EXIT) {
          /* posts: a gold person named in the sentence with a cue that can
           * date the row (start or hold for postStart; end or hold for
           * postEnd); cues beside no gold person are not scored */
          if (e->modality != CNKG_EVENT_FACT) continue;
          bool any_person = false, ok = false;
          for (size_t a = 0; a < ents.n; a++)
            if (strcmp(ents.v[a].kind, "Person") == 0 && strlen(ents.v[a].subject) >= 6 &&
                memmem(str.buf, str.len, ents.v[a].subject, strlen(ents.v[a].subject)))
              any_person = true;
          if (!any_person) continue;
          post.sys++;
          for (size_t q = 0; q < g.n; q++) {
            const Row *r = &g.v[q];
            bool start = strcmp(r->kind, "postStart") == 0, end = strcmp(r->kind, "postEnd") == 0;
            if (!start && !end) continue;
            if (e->kind == CNKG_EVENT_POST_START && !start) continue;
            if (e->kind == CNKG_EVENT_POST_END && !end) continue;
            if (!memmem(str.buf, str.len, r->subject, strlen(r->subject))) continue;
            if (!g.v[q].hit) post.found++;
            g.v[q].hit = true;
            ok = true;
          }
          if (ok) post.sys_ok++;
          if (verbose)
            printf("%s %s post cue %.*s [%s]%s in: %.*s\n", ok ? "OK " : "SPURIOUS", names[di],
                   (int)(e->end - e->begin), str.buf + e->begin, cnkg_event_kind_name(e->kind),
                   e->weak ? " weak" : "", (int)(str.len < 300 ? str.len : 300), str.buf);
          continue;
        }
        bool planned = e->modality == CNKG_EVENT_PLANNED;
        if (e->modality != CNKG_EVENT_FACT && !planned) continue;
        Score *sc = planned ? &exit_plan : &exit_fact;
        /* a cue in a sentence naming no gold place cannot become an event
         * of a place: counted apart, not against precision */
        bool any_place = false;
        for (size_t a = 0; a < ents.n && !any_place; a++) {
          const char *ty = ents.v[a].kind;
          if (strcmp(ty, "Person") == 0 || strcmp(ty, "Organization") == 0) continue;
          any_place = strlen(ents.v[a].subject) >= 3 &&
                      memmem(str.buf, str.len, ents.v[a].subject, strlen(ents.v[a].subject));
        }
        if (!any_place) {
          (planned ? &unattached_plan : &unattached_fact)[0]++;
          continue;
        }
        sc->sys++;
        bool ok = false;
        for (size_t q = 0; q < g.n; q++) {
          const Row *r = &g.v[q];
          if (strcmp(r->kind, planned ? "povertyExitPlanned" : "povertyExit") != 0) continue;
          const char *nm = r->subject;
          bool named = memmem(str.buf, str.len, nm, strlen(nm)) != NULL;
          for (size_t a = 0; a < ents.n && !named; a++)
            named = strcmp(ents.v[a].ind, nm) == 0 && strlen(ents.v[a].subject) >= 3 &&
                    memmem(str.buf, str.len, ents.v[a].subject, strlen(ents.v[a].subject));
          if (named) {
            if (!g.v[q].hit) sc->found++;
            g.v[q].hit = true;
            ok = true;
          }
        }
        if (ok) sc->sys_ok++;
        if (verbose)
          printf("%s %s cue %.*s [%s] in: %.*s\n", ok ? "OK " : "SPURIOUS", names[di],
                 (int)(e->end - e->begin), str.buf + e->begin, planned ? "plan" : "fact",
                 (int)(str.len < 300 ? str.len : 300), str.buf);
      }
    }
    for (size_t q = 0; q < g.n; q++) {
      Row *r = &g.v[q];
      if (strncmp(r->kind, "post", 4) == 0) {
        post.gold++;
        if (!r->hit && verbose) printf("MISSED %s %s %s\n", names[di], r->kind, r->subject);
        continue;
      }
      if (strncmp(r->kind, "povertyExit", 11) == 0) {
        Score *sc = strcmp(r->kind, "povertyExit") == 0 ? &exit_fact : &exit_plan;
        sc->gold++;
        if (!r->hit && verbose) printf("MISSED %s %s %s\n", names[di], r->kind, r->subject);
        continue;
      }
      fig.gold++;
      bool vu = false;
      for (size_t k = 0; k < sys.n; k++) {
        Row *x = &sys.v[k];
        if (!value_close(x->value, r->value) || strcmp(x->unit, r->unit) != 0) continue;
        vu = true;
        if (relaxed(x->ind, r->ind)) {
          if (!r->hit) fig.found++;
          r->hit = true;
          x->hit = true;
        }
      }
      if (vu) fig.value_unit_found++;
      if (!r->hit && verbose) {
        printf("MISSED %s %s %s %s [%s]", names[di], r->value, r->unit, r->ind, r->subject);
        for (size_t k = 0; k < sys.n; k++)
          if (value_close(sys.v[k].value, r->value) && strcmp(sys.v[k].unit, r->unit) == 0)
            printf(" | ours: %s", sys.v[k].ind);
        printf("\n");
      }
    }
    for (size_t k = 0; k < sys.n; k++) {
      fig.sys++;
      if (sys.v[k].hit) fig.sys_ok++;
      else if (verbose)
        printf("SPURIOUS %s %s %s %s %s :: %s\n", names[di], sys.v[k].value, sys.v[k].unit,
               sys.v[k].ind, sys.v[k].kind, sys.v[k].subject);
    }
    rows_free(&sys);
    rows_free(&g);
    rows_free(&ents);
    cnkg_text_free(text);
    free(bytes);
  }
  report("figure (value,unit,indicator)", &fig);
  printf("%-28s gold %4zu  found %4zu  recall %.3f\n", "figure (value,unit only)", fig.gold,
         fig.value_unit_found, fig.gold ? (double)fig.value_unit_found / (double)fig.gold : 0);
  report("povertyExit (fact cue)", &exit_fact);
  report("povertyExitPlanned (plan cue)", &exit_plan);
  report("postStart/postEnd (cue)", &post);
  printf("exit cues in sentences naming no gold place (not scored): fact %zu, plan %zu\n",
         unattached_fact, unattached_plan);
  printf("time: figures %.1f ms, events %.1f ms for %zu bytes of sentences\n", t_fig * 1e3,
         t_ev * 1e3, bytes_seen);
  for (size_t i = 0; i < n_names; i++) free(names[i]);
  free(names);
  cnkg_figure_list_clear(&figs);
  cnkg_event_list_clear(&evs);
  cnkg_lac_result_clear(&lr);
  cnkg_lac_free(lac);
  cnkg_figure_free(ff);
  cnkg_event_free(ef);
  cnkg_intake_free(intake);
  return 0;
}
