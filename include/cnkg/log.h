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

/* Copies len bytes of s (UTF-8, possibly invalid) into dst (size bytes,
 * always NUL-terminated when size > 0) so that it is safe to show on a
 * terminal: C0 controls (tab and newline included), DEL and bytes that are
 * not well-formed UTF-8 become \xHH; C1 controls and the bidirectional and
 * line/paragraph separator characters (U+200E, U+200F, U+2028-U+202E,
 * U+2066-U+2069) become \uHHHH; everything else is copied. Never splits a
 * character or an escape: returns the number of bytes of s consumed, which
 * is len when dst has room for 6 * len + 1 bytes. The one helper for any
 * untrusted text (file names, labels from a graph) headed for a terminal. */
size_t cnkg_log_escape(const char *s, size_t len, char *dst, size_t size);

#endif
