/* SPDX-License-Identifier: Apache-2.0
 * The subcommands main.c dispatches to; each takes argv after the command
 * name (argv[0] is the command) and returns the exit status
 * (0 ok, 1 processing error, 2 usage error). */
#ifndef CNKG_CLI_COMMANDS_H
#define CNKG_CLI_COMMANDS_H

int cnkg_cli_build(int argc, char **argv);
int cnkg_cli_normalize(int argc, char **argv);
int cnkg_cli_lex(int argc, char **argv);
int cnkg_cli_query(int argc, char **argv);

#endif
