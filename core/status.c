/* SPDX-License-Identifier: Apache-2.0
 * Names of status codes. Depends on status.h only. */
#include "cnkg/status.h"

const char *cnkg_strerror(CnkgStatus status) {
  switch (status) {
  case CNKG_SUCCESS: return "success";
  case CNKG_NOTHING: return "nothing found";
  case CNKG_ERR_ARG: return "bad argument";
  case CNKG_ERR_NOMEM: return "out of memory";
  case CNKG_ERR_READ: return "read error";
  case CNKG_ERR_WRITE: return "write error";
  case CNKG_ERR_TEXT: return "bad text";
  case CNKG_ERR_PATTERN: return "pattern error";
  case CNKG_ERR_DATA: return "missing or corrupt data file";
  case CNKG_ERR_INTERNAL: return "internal error";
  }
  return "unknown status";
}
