/* SPDX-License-Identifier: Apache-2.0
 * Thread pool for work queues: every thread runs the same function, which
 * takes items from a queue the caller owns until it is empty. One helper for
 * the build's document workers, the writers and `cnkg lex`.
 * Depends on POSIX threads. */
#ifndef CNKG_POOL_H
#define CNKG_POOL_H

#include <stddef.h>

/* Runs fn on n threads, the calling thread among them, and returns when all
 * have returned. Thread i gets arg when size is 0, else the i-th element
 * ((char *)arg + i * size) of an array the caller owns. The calling thread
 * runs element 0; a thread that cannot be started is skipped, so fn must
 * drain a shared queue rather than own a fixed share. Returns how many
 * threads ran fn (at least 1 when n >= 1, 0 when n is 0). */
size_t cnkg_pool_run(size_t n, void *(*fn)(void *), void *arg, size_t size);

#endif
