/* SPDX-License-Identifier: Apache-2.0
 * Data-file lookup in a fixed, documented order (see data.h). Reads
 * /proc/self/exe to find the build or install tree; depends on data.h. */
#include "cnkg/data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef CNKG_INSTALL_DATADIR
#define CNKG_INSTALL_DATADIR "/usr/local/share/cnkg"
#endif

static int readable(const char *p) { return access(p, R_OK) == 0; }

static char *join(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *r = malloc(n);
  if (r) snprintf(r, n, "%s/%s", dir, name);
  return r;
}

CnkgStatus cnkg_data_find(const char *dir_option, const char *filename,
                          char **path, char *err, size_t errsize) {
  *path = NULL;
  char dirs[4][4096];
  size_t nd = 0;
  if (dir_option && *dir_option) {
    snprintf(dirs[nd++], sizeof dirs[0], "%s", dir_option);
  } else {
    const char *env = getenv("CNKG_DATA");
    if (env && *env) snprintf(dirs[nd++], sizeof dirs[0], "%s", env);
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
      exe[n] = '\0';
      char *slash = strrchr(exe, '/');
      if (slash) {
        *slash = '\0';
        snprintf(dirs[nd++], sizeof dirs[0], "%.4000s/data", exe);
        snprintf(dirs[nd++], sizeof dirs[0], "%.4000s/../share/cnkg", exe);
      }
    }
    snprintf(dirs[nd++], sizeof dirs[0], "%s", CNKG_INSTALL_DATADIR);
  }
  for (size_t i = 0; i < nd; i++) {
    char *p = join(dirs[i], filename);
    if (!p) return CNKG_ERR_NOMEM;
    if (readable(p)) {
      *path = p;
      return CNKG_SUCCESS;
    }
    free(p);
  }
  if (err && errsize) {
    size_t used = (size_t)snprintf(err, errsize, "data file %s not found (looked in", filename);
    for (size_t i = 0; i < nd && used < errsize; i++)
      used += (size_t)snprintf(err + used, errsize - used, "%s %s", i ? "," : "", dirs[i]);
    if (used < errsize)
      snprintf(err + used, errsize - used,
               "); build it with 'tools/bootstrap && cmake --build build', "
               "or point --data DIR or CNKG_DATA at a directory holding it");
  }
  return CNKG_ERR_DATA;
}
