/* SPDX-License-Identifier: Apache-2.0
 * Encoding detection and conversion of one document's raw bytes to UTF-8:
 * BOMs (UTF-8, UTF-16 LE/BE), valid UTF-8, else uchardet's guess checked
 * against GB18030 and Big5, converted with iconv. Depends on status.h,
 * log.h, text.h, uchardet and iconv. */
#ifndef CNKG_EXTRACTOR_ENCODING_H
#define CNKG_EXTRACTOR_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/log.h"
#include "cnkg/status.h"

/* Decodes bytes to UTF-8 (BOM removed). Invalid sequences become U+FFFD and
 * produce one warning naming name and the byte offset of the first one.
 * *out is NUL-terminated and owned by the caller (free()); *encoding is a
 * static name ("UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5", ...).
 * CNKG_ERR_TEXT (binary or undecodable; an error was logged, *out NULL),
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_encoding_decode(const char *name, const void *bytes,
                                size_t len, const CnkgLog *log, char **out,
                                size_t *out_len, const char **encoding);

/* True when cnkg_encoding_decode would return bytes unchanged as UTF-8 text
 * (well-formed UTF-8 without a byte-order mark, NUL or binary content), so
 * that they can be used as they are. */
bool cnkg_encoding_plain_utf8(const void *bytes, size_t len);

#endif
