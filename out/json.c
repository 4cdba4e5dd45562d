/* SPDX-License-Identifier: Apache-2.0
 * JSON strings and numbers for the writers (see json.h). Depends on
 * include/cnkg/output.h and include/cnkg/text.h. */
#include "out/json.h"

#include <stdio.h>
#include <string.h>

#include "cnkg/text.h"

void cnkg_json_counted_string(CnkgOutput *out, const char *s, size_t len, bool in_script) {
  cnkg_output_puts(out, "\"");
  const char *run = s, *end = s + len;
  for (const char *p = s; p < end; p++) {
    unsigned char c = (unsigned char)*p;
    if (c >= 0x80) {
      size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if ((size_t)(end - p) >= n && cnkg_utf8_valid(p, n)) {
        p += n - 1;
        continue;
      }
      cnkg_output_write(out, run, (size_t)(p - run));
      cnkg_output_puts(out, "\\ufffd");
      run = p + 1;
      continue;
    }
    bool plain = c >= 0x20 && c != '"' && c != '\\' &&
                 !(in_script && (c == '<' || c == '>' || c == '&'));
    if (plain) continue;
    cnkg_output_write(out, run, (size_t)(p - run));
    char esc[8];
    if (c == '"') memcpy(esc, "\\\"", 3);
    else if (c == '\\') memcpy(esc, "\\\\", 3);
    else snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
    cnkg_output_puts(out, esc);
    run = p + 1;
  }
  cnkg_output_write(out, run, (size_t)(end - run));
  cnkg_output_puts(out, "\"");
}

void cnkg_json_string(CnkgOutput *out, const char *s, bool in_script) {
  if (!s) cnkg_output_puts(out, "null");
  else cnkg_json_counted_string(out, s, strlen(s), in_script);
}

void cnkg_json_size(CnkgOutput *out, size_t n) {
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", n);
  cnkg_output_puts(out, buf);
}
