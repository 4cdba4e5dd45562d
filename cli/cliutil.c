/* SPDX-License-Identifier: Apache-2.0
 * Option-parsing helpers shared by the subcommands (see cliutil.h). Writes
 * to stderr only, as cli/ may. Depends on the C library. */
#include "cli/cliutil.h"

#include <stdio.h>

int cnkg_cli_usage_error(const char *command, const char *msg, const char *arg) {
  fprintf(stderr, "cnkg: error: %s: %s%s%s\nTry 'cnkg %s --help'.\n", command,
          msg, arg ? " " : "", arg ? arg : "", command);
  return 2;
}
