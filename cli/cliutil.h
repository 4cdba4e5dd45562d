/* SPDX-License-Identifier: Apache-2.0
 * Helpers the subcommands share while parsing options: the one spelling of
 * a usage error. Depends on nothing but the C library. */
#ifndef CNKG_CLI_CLIUTIL_H
#define CNKG_CLI_CLIUTIL_H

/* Writes "cnkg: error: COMMAND: MSG[ ARG]" and a pointer to
 * `cnkg COMMAND --help` to stderr; arg may be NULL. Returns 2, the usage
 * error exit status, so callers can `return cnkg_cli_usage_error(...)`. */
int cnkg_cli_usage_error(const char *command, const char *msg, const char *arg);

#endif
