/* SPDX-License-Identifier: Apache-2.0
 * JSON text for the writers that produce it (the HTML report's data, JSON-LD):
 * strings escaped once, the same way everywhere. Depends on
 * include/cnkg/output.h and include/cnkg/text.h. */
#ifndef CNKG_OUT_JSON_H
#define CNKG_OUT_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/output.h"

/* Writes the len bytes at s (borrowed) to out as a JSON string: '"', '\'
 * and control characters escaped, ill-formed UTF-8 as U+FFFD, and with
 * in_script also '<', '>' and '&' (as \u003c ...) so the text can sit in
 * an HTML script element. Output errors stay in out (sticky). */
void cnkg_json_counted_string(CnkgOutput *out, const char *s, size_t len, bool in_script);
/* The same for a NUL-terminated s; NULL is written as null. */
void cnkg_json_string(CnkgOutput *out, const char *s, bool in_script);
/* Writes n in decimal. */
void cnkg_json_size(CnkgOutput *out, size_t n);

#endif
