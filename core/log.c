/* SPDX-License-Identifier: Apache-2.0
 * Formatting front end of the log callback, and the escaping of untrusted
 * text for terminals. Depends on log.h and text.h. */
#include "cnkg/log.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cnkg/text.h"

void cnkg_log(const CnkgLog *log, CnkgLogLevel level, const char *document,
              size_t position, const char *fmt, ...) {
  if (!log || !log->func) return;
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  log->func(log->handle, level, document, position, msg);
}

/* Code points a terminal or a reader could be fooled by: C1 controls,
 * direction marks and overrides, line and paragraph separators. */
static bool is_deceptive(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Length of the well-formed UTF-8 sequence at s[i], or 0. */
static size_t sequence_length(const char *s, size_t len, size_t i) {
  unsigned char c = (unsigned char)s[i];
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (c > 0xF4 || n == 0 || i + n > len || !cnkg_utf8_valid(s + i, n)) return 0;
  return n;
}

size_t cnkg_log_escape(const char *s, size_t len, char *dst, size_t size) {
  if (!dst || size == 0) return 0;
  size_t i = 0, o = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    char piece[8];
    size_t n_in = 1, n_out;
    if (c < 0x20 || c == 0x7F) {
      n_out = (size_t)snprintf(piece, sizeof piece, "\\x%02x", c);
    } else if (c < 0x80) {
      piece[0] = (char)c;
      n_out = 1;
    } else if ((n_in = sequence_length(s, len, i)) == 0) {
      n_in = 1;
      n_out = (size_t)snprintf(piece, sizeof piece, "\\x%02x", c);
    } else {
      size_t at = i;
      uint32_t cp = cnkg_utf8_next(s, len, &at);
      if (is_deceptive(cp)) {
        n_out = (size_t)snprintf(piece, sizeof piece, "\\u%04x", (unsigned)cp);
      } else {
        memcpy(piece, s + i, n_in);
        n_out = n_in;
      }
    }
    if (o + n_out >= size) break;
    memcpy(dst + o, piece, n_out);
    o += n_out;
    i += n_in;
  }
  dst[o] = '\0';
  return i;
}
