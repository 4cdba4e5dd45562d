/* SPDX-License-Identifier: Apache-2.0
 * `cnkg query`: runs SPARQL over built graph files (work in progress stub).
 * Depends on commands.h. */
#include <stdio.h>

#include "cli/commands.h"

int cnkg_cli_query(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fputs("cnkg: error: query: not implemented yet\n", stderr);
  return 1;
}
