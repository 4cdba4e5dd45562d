/* SPDX-License-Identifier: Apache-2.0
 * Finding cnkg's data files (division.idx, lac.model): --data DIR, then
 * $CNKG_DATA, then data/ beside the executable (the build tree), then
 * ../share/cnkg beside it and the configured install prefix. Nothing is
 * ever downloaded. Depends on status.h. */
#ifndef CNKG_DATA_H
#define CNKG_DATA_H

#include <stddef.h>

#include "cnkg/status.h"

/* Finds filename. dir_option (may be NULL) is the --data argument and, when
 * given, is the only place looked in. On success *path is a new string the
 * caller frees; otherwise err lists where it looked and how to make the file.
 * CNKG_ERR_DATA, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_data_find(const char *dir_option, const char *filename,
                          char **path, char *err, size_t errsize);

#endif
