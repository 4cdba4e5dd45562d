/* SPDX-License-Identifier: Apache-2.0
 * Status codes shared by every cnkg module, and their names.
 * Depends on nothing. Foreign error codes (pcre2, raptor, errno, iconv) are
 * translated to these once, at the boundary where they arise. */
#ifndef CNKG_STATUS_H
#define CNKG_STATUS_H

typedef enum {
  CNKG_SUCCESS = 0,      /* it worked */
  CNKG_NOTHING,          /* soft: no match, end of input, not found */
  CNKG_ERR_ARG,          /* bad argument (caller's bug or bad option) */
  CNKG_ERR_NOMEM,        /* allocation failed */
  CNKG_ERR_READ,         /* reading a file or stream failed */
  CNKG_ERR_WRITE,        /* writing a file or stream failed */
  CNKG_ERR_TEXT,         /* input text is undecodable, binary or malformed */
  CNKG_ERR_PATTERN,      /* a regular expression failed to compile or match */
  CNKG_ERR_DATA,         /* a data file (division index, model) is missing or corrupt */
  CNKG_ERR_INTERNAL      /* a library misbehaved or an invariant broke */
} CnkgStatus;

/* Name of a status as a short English phrase; never NULL, static storage. */
const char *cnkg_strerror(CnkgStatus status);

#endif
