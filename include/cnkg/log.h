/* SPDX-License-Identifier: Apache-2.0
 * The log callback through which library code reports problems.
 * Library code never prints, exits or aborts; only cli/ writes to stderr.
 * Depends on nothing but the C library. */
#ifndef CNKG_LOG_H
#define CNKG_LOG_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
  CNKG_LOG_ERROR = 0,
  CNKG_LOG_WARNING,
  CNKG_LOG_INFO,
  CNKG_LOG_DEBUG
} CnkgLogLevel;

/* No position known. */
#define CNKG_NO_POS SIZE_MAX

/* Receives one message. document may be NULL (no document), position is a
 * byte offset into the document's raw bytes or CNKG_NO_POS. All strings are
 * borrowed for the duration of the call. */
typedef void (*CnkgLogFunc)(void *handle, CnkgLogLevel level,
                            const char *document, size_t position,
                            const char *message);

typedef struct {
  CnkgLogFunc func;  /* NULL: messages are dropped */
  void *handle;
} CnkgLog;

/* Formats and delivers a message; log may be NULL. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
void cnkg_log(const CnkgLog *log, CnkgLogLevel level, const char *document,
              size_t position, const char *fmt, ...);

#endif
