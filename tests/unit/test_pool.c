/* SPDX-License-Identifier: Apache-2.0
 * Tests core/pool.c: every item of a shared queue is taken exactly once by
 * the threads, each thread gets its own array element when a size is given
 * (the calling thread element 0), one thread runs on the caller, n = 0 runs
 * nothing. Depends on cnkg/pool.h and check.h. */
#include <pthread.h>

#include "check.h"
#include "cnkg/pool.h"

enum { ITEMS = 10000, THREADS = 4 };

typedef struct {
  pthread_mutex_t lock;
  size_t next;
  int seen[ITEMS];
} Queue;

typedef struct {
  Queue *q;
  size_t taken;
  pthread_t self;
} Slot;

static void *drain(void *arg) {
  Slot *s = arg;
  s->self = pthread_self();
  for (;;) {
    pthread_mutex_lock(&s->q->lock);
    size_t i = s->q->next < ITEMS ? s->q->next++ : ITEMS;
    pthread_mutex_unlock(&s->q->lock);
    if (i == ITEMS) return NULL;
    s->q->seen[i]++;
    s->taken++;
  }
}

static int calls;
static void *count(void *arg) {
  (void)arg;
  __atomic_add_fetch(&calls, 1, __ATOMIC_SEQ_CST);
  return NULL;
}

int main(void) {
  static Queue q = {.lock = PTHREAD_MUTEX_INITIALIZER};
  Slot slots[THREADS] = {{&q, 0, 0}, {&q, 0, 0}, {&q, 0, 0}, {&q, 0, 0}};
  size_t ran = cnkg_pool_run(THREADS, drain, slots, sizeof *slots);
  CHECK(ran >= 1 && ran <= THREADS);
  int once = 1;
  for (size_t i = 0; i < ITEMS; i++) once = once && q.seen[i] == 1;
  CHECK(once);
  size_t total = 0;
  for (int t = 0; t < THREADS; t++) total += slots[t].taken;
  CHECK(total == ITEMS);
  CHECK(pthread_equal(slots[0].self, pthread_self()));
  /* a shared argument: every thread gets the same pointer */
  calls = 0;
  CHECK(cnkg_pool_run(3, count, NULL, 0) == 3 && calls == 3);
  calls = 0;
  CHECK(cnkg_pool_run(1, count, NULL, 0) == 1 && calls == 1);
  CHECK(cnkg_pool_run(0, count, NULL, 0) == 0 && calls == 1);
  CHECK(cnkg_pool_run(2, NULL, NULL, 0) == 0);
  return check_finish();
}
