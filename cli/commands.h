/* SPDX-License-Identifier: Apache-2.0
 * The subcommands main.c dispatches to; each takes argv after the command
 * name (argv[0] is the command) and returns the exit status
 * (0 ok, 1 processing error, 2 usage error). */
#ifndef CNKG_CLI_COMMANDS_H
#define CNKG_CLI_COMMANDS_H

#include <stddef.h>

int cnkg_cli_build(int argc, char **argv);
int cnkg_cli_normalize(int argc, char **argv);
int cnkg_cli_lex(int argc, char **argv);
int cnkg_cli_query(int argc, char **argv);
int cnkg_cli_trace(int argc, char **argv);
int cnkg_cli_show(int argc, char **argv);
int cnkg_cli_merge(int argc, char **argv);

/* Resolves name (label, alias, IRI) in a graph read by store/graphread.h to
 * one entity; unknown or ambiguous names (with the candidates) are reported
 * on stderr naming path. 0, or -1 after reporting. (cmd_show.c) */
struct CnkgGraphRead;
int cnkg_cli_pick_entity(const struct CnkgGraphRead *g, const char *path,
                         const char *name, size_t *entity);

#endif
