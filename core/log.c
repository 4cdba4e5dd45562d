/* SPDX-License-Identifier: Apache-2.0
 * Formatting front end of the log callback. Depends on log.h only. */
#include "cnkg/log.h"

#include <stdarg.h>
#include <stdio.h>

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
