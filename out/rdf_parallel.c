/* SPDX-License-Identifier: Apache-2.0
 * N-Triples in parallel: N-Triples has no state from one statement to the
 * next, so contiguous ranges of entities can be written at once and joined.
 * Part 0 goes to the output as usual; every later part is written by its
 * own thread, with its own raptor world and Writer, into an anonymous
 * temporary file, and the files are copied after it in order. Memory stays
 * as bounded as one writer's, times the parts; the bytes wait on disk.
 * Depends on rdf_int.h, include/cnkg/ and pthreads. */
#include "out/rdf_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

/* What an entity adds to the output, in statements, roughly: the weight
 * parts are balanced by. Advances *at and *rat past its pairs and (ordered
 * by subject) relations as the writing does. */
static size_t entity_weight(const CnkgGraph *g, const CnkgRdfOptions *opt,
                            const Plan *plan, size_t i, size_t *at,
                            size_t *rat) {
  const CnkgEntity *e = cnkg_graph_entity(g, i);
  size_t weight = 3 + e->n_aliases, nr = cnkg_graph_relation_count(g);
  while (*at < plan->n_pairs && plan->pairs[*at].ent == i) (*at)++, weight++;
  if (opt->provenance >= CNKG_PROV_ENTITIES) weight += 6 * e->n_mentions;
  while (plan->by_subject && *rat < nr &&
         cnkg_graph_relation(g, *rat)->subject == i) {
    const CnkgRelation *r = cnkg_graph_relation(g, (*rat)++);
    weight += 1 + (opt->provenance >= CNKG_PROV_FULL ? 10 * r->n_evidence : 0);
  }
  return weight;
}

/* Splits the entities into n_parts contiguous parts of about equal weight,
 * counting the documents into the first and leftover relations into the
 * last. Parts may be empty. */
static void plan_split(const CnkgGraph *g, const CnkgRdfOptions *opt,
                       const Plan *plan, size_t n_parts, Part *parts) {
  size_t nd = cnkg_graph_document_count(g), ne = cnkg_graph_entity_count(g);
  size_t nr = cnkg_graph_relation_count(g), at = 0, rat = 0;
  size_t head = 10 * nd, total = head + 8;
  for (size_t i = 0; i < ne; i++) total += entity_weight(g, opt, plan, i, &at, &rat);
  total += 11 * (nr - rat);
  size_t share = total / n_parts, sum = head, k = 1;
  at = rat = 0;
  parts[0] = (Part){0, ne, 0, 0, true, n_parts == 1};
  for (size_t i = 0; i <= ne; i++) {
    while (k < n_parts && (i == ne || sum >= share * k)) {
      parts[k - 1].ent_to = i;
      parts[k] = (Part){i, ne, at, rat, false, k == n_parts - 1};
      k++;
    }
    if (i < ne) sum += entity_weight(g, opt, plan, i, &at, &rat);
  }
}

typedef struct {
  const CnkgGraph *g;
  const Plan *plan;
  const CnkgRdfOptions *opt;
  const char *base;
  Part part;
  FILE *file;      /* owned: anonymous temporary file */
  CnkgOutput *out; /* owned: writes into file */
  bool started;    /* by a thread of its own */
  CnkgStatus st;
} PartJob;

static void *part_main(void *arg) {
  PartJob *job = arg;
  Writer w;
  CnkgStatus st = rdf_writer_open(&w, job->opt, job->base, job->out);
  if (!st) st = rdf_writer_finish(&w, rdf_write_part(&w, job->g, job->plan, &job->part));
  if (w.out_status && (st == CNKG_SUCCESS || st == CNKG_ERR_INTERNAL))
    st = w.out_status;
  rdf_writer_free(&w);
  CnkgStatus cs = cnkg_output_close(job->out);
  job->st = st ? st : cs;
  return NULL;
}

/* Copies a part's temporary file after what w has written. The file was
 * written without error, so failing to read it back is a failed write. */
static CnkgStatus append_file(Writer *w, FILE *file) {
  if (rdf_io_flush(w)) return w->out_status;
  if (fseek(file, 0, SEEK_SET) != 0) return CNKG_ERR_WRITE;
  size_t n;
  while ((n = fread(w->iobuf, 1, IO_BUF_SIZE, file)) > 0)
    if ((w->out_status = cnkg_output_write(w->out, w->iobuf, n)))
      return w->out_status;
  return ferror(file) ? CNKG_ERR_WRITE : CNKG_SUCCESS;
}

/* An anonymous temporary file in dir (NULL: $TMPDIR, else /tmp), removed
 * from the directory at once so it goes away however the process ends.
 * NULL when none can be made. */
static FILE *open_temp(const char *dir) {
  if (!dir || !*dir) dir = getenv("TMPDIR");
  if (!dir || !*dir) dir = "/tmp";
  char path[4096];
  int n = snprintf(path, sizeof path, "%s/.cnkg-part.XXXXXX", dir);
  if (n < 0 || (size_t)n >= sizeof path) return NULL;
  int fd = mkstemp(path);
  if (fd < 0) return NULL;
  unlink(path);
  FILE *f = fdopen(fd, "w+");
  if (!f) close(fd);
  return f;
}

CnkgStatus rdf_write_parallel(Writer *w, const CnkgGraph *g,
                              const Plan *plan, size_t n_parts,
                              bool *fell_back) {
  Part *parts = calloc(n_parts, sizeof *parts);
  PartJob *jobs = calloc(n_parts, sizeof *jobs);
  pthread_t *tids = calloc(n_parts, sizeof *tids);
  CnkgStatus st = CNKG_SUCCESS;
  *fell_back = false;
  if (!parts || !jobs || !tids) {
    st = CNKG_ERR_NOMEM;
    goto done;
  }
  plan_split(g, w->opt, plan, n_parts, parts);
  for (size_t k = 1; k < n_parts; k++) {
    jobs[k] = (PartJob){g, plan, w->opt, w->base, parts[k], NULL, NULL, false,
                        CNKG_SUCCESS};
    if (!(jobs[k].file = open_temp(w->opt->temp_dir))) {
      *fell_back = true;
      goto done;
    }
    if ((st = cnkg_output_new_stream(jobs[k].file, &jobs[k].out))) goto done;
  }
  for (size_t k = 1; k < n_parts; k++)
    jobs[k].started = pthread_create(&tids[k], NULL, part_main, &jobs[k]) == 0;
  st = rdf_write_part(w, g, plan, &parts[0]);
  /* Parts are copied as they finish, in order; one without a thread is
   * written here when its turn comes. Threads are always joined. */
  for (size_t k = 1; k < n_parts; k++) {
    if (jobs[k].started) pthread_join(tids[k], NULL);
    else if (!st) part_main(&jobs[k]);
    if (!st) st = jobs[k].st;
    if (!st) st = append_file(w, jobs[k].file);
  }
done:
  for (size_t k = 1; jobs && k < n_parts; k++) {
    cnkg_output_free(jobs[k].out);
    if (jobs[k].file) fclose(jobs[k].file);
  }
  free(tids);
  free(jobs);
  free(parts);
  return st;
}
