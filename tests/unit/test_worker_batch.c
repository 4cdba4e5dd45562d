/* SPDX-License-Identifier: Apache-2.0
 * cnkg_worker_documents (issue 21, item 2): short documents extracted
 * together give each the graph one cnkg_worker_document call gives it, to
 * every field; their sentences go to the analyser in one batch (one call
 * for the lot, against one per document); a document that fails (malformed
 * arguments, text that is not text) fails alone. Needs $CNKG_DATA with
 * division.idx and lac.model (skipped without them). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "extractor/extract.h"

#define N_DOCS 40

static const char *const PEOPLE[] = {"王秀兰", "李建国", "张海燕", "陈志强", "刘春梅"};
static const char *const PLACES[] = {"四川省青山县柳河镇", "贵州省云岭县石桥村",
                                     "河南省白河县", "湖南省平山县桃源乡"};
static const char *const CROPS[] = {"高山茶", "香菇", "花椒", "猕猴桃"};

/* Document k: one or two sentences, or (every seventh) a headline over one. */
static void make_doc(size_t k, char *buf, size_t size) {
  const char *p = PEOPLE[k % 5], *l = PLACES[k % 4], *c = CROPS[(k / 4) % 4];
  if (k % 7 == 3)
    snprintf(buf, size, "%s的%s产业\n%s今年种植%s%zu百亩。\n", l, c, l, c, k + 1);
  else if (k % 2)
    snprintf(buf, size, "村党支部书记%s说,%s去年种植%s%zu百亩。%s来到%s走访群众。", p, l,
             c, k + 1, PEOPLE[(k + 2) % 5], PLACES[(k + 1) % 4]);
  else
    snprintf(buf, size, "%s%s合作社带动%zu户农户种植%s。", l, p, k + 3, c);
}

static bool same_str(const char *a, const char *b) {
  return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Whether graphs a and b (canonical) hold the same, field by field. */
static bool same_graph(const CnkgGraph *a, const CnkgGraph *b) {
  if (cnkg_graph_document_count(a) != cnkg_graph_document_count(b) ||
      cnkg_graph_entity_count(a) != cnkg_graph_entity_count(b) ||
      cnkg_graph_relation_count(a) != cnkg_graph_relation_count(b))
    return false;
  for (size_t i = 0; i < cnkg_graph_document_count(a); i++) {
    const CnkgDocument *x = cnkg_graph_document(a, i), *y = cnkg_graph_document(b, i);
    if (!same_str(x->key, y->key) || !same_str(x->path, y->path) ||
        !same_str(x->title, y->title) || !same_str(x->author, y->author) ||
        !same_str(x->source, y->source) || x->n_chars != y->n_chars)
      return false;
  }
  for (size_t i = 0; i < cnkg_graph_entity_count(a); i++) {
    const CnkgEntity *x = cnkg_graph_entity(a, i), *y = cnkg_graph_entity(b, i);
    if (!same_str(x->key, y->key) || x->type != y->type || !same_str(x->label, y->label) ||
        !same_str(x->code, y->code) || x->n_aliases != y->n_aliases ||
        x->n_mentions != y->n_mentions || x->flags != y->flags)
      return false;
    for (size_t m = 0; m < x->n_mentions; m++)
      if (x->mentions[m].begin != y->mentions[m].begin ||
          x->mentions[m].end != y->mentions[m].end ||
          !same_str(x->mentions[m].anchor, y->mentions[m].anchor))
        return false;
  }
  for (size_t i = 0; i < cnkg_graph_relation_count(a); i++) {
    const CnkgRelation *x = cnkg_graph_relation(a, i), *y = cnkg_graph_relation(b, i);
    if (x->subject != y->subject || x->rel != y->rel || x->object != y->object ||
        !same_str(x->literal, y->literal) || x->n_evidence != y->n_evidence)
      return false;
    for (size_t e = 0; e < x->n_evidence; e++)
      if (x->evidence[e].begin != y->evidence[e].begin ||
          !same_str(x->evidence[e].sentence, y->evidence[e].sentence))
        return false;
  }
  return true;
}

int main(void) {
  const char *data = check_env("CNKG_DATA", NULL);
  if (!data) SKIP("CNKG_DATA not set");
  CnkgExtractorConfig cfg = {data, false};
  char err[512] = "";
  CnkgExtractor *ex = NULL;
  if (cnkg_extractor_new(&cfg, &ex, err, sizeof err) != CNKG_SUCCESS)
    SKIP("no division index or analyser model in $CNKG_DATA");
  CnkgWorker *one = NULL, *batch = NULL;
  CHECK_EQ(cnkg_worker_new(ex, &one, err, sizeof err), CNKG_SUCCESS);
  CHECK_EQ(cnkg_worker_new(ex, &batch, err, sizeof err), CNKG_SUCCESS);

  static char text[N_DOCS][512];
  static char names[N_DOCS][32];
  CnkgWorkerDoc docs[N_DOCS];
  for (size_t k = 0; k < N_DOCS; k++) {
    make_doc(k, text[k], sizeof text[k]);
    snprintf(names[k], sizeof names[k], "s%02zu.txt", k);
    docs[k] = (CnkgWorkerDoc){names[k], text[k], strlen(text[k]), cnkg_graph_new(),
                              CNKG_ERR_INTERNAL};
    CHECK(docs[k].graph != NULL);
  }
  /* failures stay with their document: no name; and an empty one (no
   * sentence at all) */
  docs[5].name = NULL;
  docs[9].len = 0;

  /* the documents one at a time: one analyser call each */
  CnkgGraph *alone[N_DOCS];
  for (size_t k = 0; k < N_DOCS; k++) {
    alone[k] = cnkg_graph_new();
    CHECK(alone[k] != NULL);
    CnkgStatus s = cnkg_worker_document(one, docs[k].name, docs[k].bytes, docs[k].len, NULL,
                                        alone[k]);
    CHECK_EQ(s, k == 5 ? CNKG_ERR_ARG : CNKG_SUCCESS);
  }
  CnkgTimings t1 = {0};
  cnkg_worker_add_timings(one, &t1);
  CHECK_EQ(t1.batches, (size_t)(N_DOCS - 2));

  /* together: one call of the analyser for all their sentences */
  CHECK_EQ(cnkg_worker_documents(batch, docs, N_DOCS, NULL), CNKG_SUCCESS);
  CnkgTimings t2 = {0};
  cnkg_worker_add_timings(batch, &t2);
  CHECK_EQ(t2.batches, (size_t)1);
  CHECK_EQ(t2.sentences, t1.sentences);
  CHECK(t2.sentences > N_DOCS);
  size_t entities = 0;
  for (size_t k = 0; k < N_DOCS; k++) {
    CHECK_EQ(docs[k].status, k == 5 ? CNKG_ERR_ARG : CNKG_SUCCESS);
    if (k == 5) continue;
    CHECK_EQ(cnkg_graph_canonicalize(alone[k]), CNKG_SUCCESS);
    CHECK_EQ(cnkg_graph_canonicalize(docs[k].graph), CNKG_SUCCESS);
    CHECK(same_graph(alone[k], docs[k].graph));
    entities += cnkg_graph_entity_count(alone[k]);
  }
  CHECK(entities > N_DOCS); /* the documents did say something */

  /* a worker's buffers are reused: a second, smaller batch on the same
   * worker gives the same graphs again */
  for (size_t k = 10; k < 20; k++) {
    cnkg_graph_free(docs[k].graph);
    docs[k].graph = cnkg_graph_new();
    CHECK(docs[k].graph != NULL);
  }
  CHECK_EQ(cnkg_worker_documents(batch, docs + 10, 10, NULL), CNKG_SUCCESS);
  for (size_t k = 10; k < 20; k++) {
    CHECK_EQ(cnkg_graph_canonicalize(docs[k].graph), CNKG_SUCCESS);
    CHECK(same_graph(alone[k], docs[k].graph));
  }
  CHECK_EQ(cnkg_worker_documents(batch, NULL, 0, NULL), CNKG_SUCCESS);
  CHECK_EQ(cnkg_worker_documents(NULL, docs, 1, NULL), CNKG_ERR_ARG);

  for (size_t k = 0; k < N_DOCS; k++) {
    cnkg_graph_free(alone[k]);
    cnkg_graph_free(docs[k].graph);
  }
  cnkg_worker_free(one);
  cnkg_worker_free(batch);
  cnkg_extractor_free(ex);
  return check_finish();
}
