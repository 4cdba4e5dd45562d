/* SPDX-License-Identifier: Apache-2.0
 * Helpers the subcommands share: the one spelling of diagnostics and usage
 * errors (untrusted text escaped for the terminal), help text that checks
 * its own writing, clean-up on fatal signals, option values (sizes), the
 * kinds of file an input or output may be, and folding a name typed in
 * Traditional characters. Depends on the C library, cnkg/log.h,
 * cnkg/output.h and extractor/normalize.h. */
#ifndef CNKG_CLI_CLIUTIL_H
#define CNKG_CLI_CLIUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/log.h"

#if defined(__GNUC__)
#define CNKG_CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CNKG_CLI_PRINTF(f, a)
#endif

/* Default of --max-doc-size: the largest document read (64 MiB). */
#define CNKG_CLI_DEFAULT_MAX_DOC ((size_t)64 << 20)

/* Formats one diagnostic line and writes it to stderr with a newline,
 * every control character, invalid byte and direction override escaped
 * (cnkg_log_escape) so a file name or a label cannot drive the terminal.
 * fmt itself must not end in a newline. */
void cnkg_cli_say(const char *fmt, ...) CNKG_CLI_PRINTF(1, 2);

/* Writes "cnkg: error: COMMAND: MSG[ ARG]" and a pointer to
 * `cnkg COMMAND --help` to stderr; arg may be NULL. Returns 2, the usage
 * error exit status, so callers can `return cnkg_cli_usage_error(...)`. */
int cnkg_cli_usage_error(const char *command, const char *msg, const char *arg);

/* Parses a whole decimal number from lo to hi into *out: 0, or -1 when s
 * is empty, has other characters, or is out of range. */
int cnkg_cli_parse_count(const char *s, long lo, long hi, long *out);

/* What cnkg_cli_log prints: errors always, warnings from verbosity 1, info
 * and debug from 2; a message without a document is named by fallback
 * (when given). */
typedef struct {
  int verbosity;        /* 0 quiet, 1 normal, 2 verbose */
  const char *fallback; /* document name for messages without one, or NULL */
} CnkgCliLog;

/* A CnkgLogFunc for every command (handle: a CnkgCliLog): one line
 * "cnkg: LEVEL: DOCUMENT: byte POS: MESSAGE" on stderr, like a compiler's
 * FILE:LINE (the byte part only when pos is not CNKG_NO_POS). */
void cnkg_cli_log(void *handle, CnkgLogLevel level, const char *doc, size_t pos,
                  const char *msg);

/* Writes text (help or version) to stdout and flushes it. Returns 0, or 1
 * after saying why on stderr when it could not be written (/dev/full). */
int cnkg_cli_help(const char *text);

/* Installs handlers for SIGTERM, SIGINT and SIGHUP that remove every
 * temporary file cnkg's outputs hold (cnkg_output_remove_temporaries) and
 * then end the process by the same signal, so its status still says
 * "killed by signal". */
void cnkg_cli_catch_signals(void);

/* Parses a size: digits with an optional K, M or G (also KiB, MiB, GiB;
 * powers of 1024), at least 1 byte. 0, or -1 when malformed or too big. */
int cnkg_cli_parse_size(const char *s, size_t *bytes);

/* Writes bytes as "64 MiB", "1.5 KiB" or "100 bytes" into buf. */
void cnkg_cli_format_size(size_t bytes, char *buf, size_t size);

/* Whether path (not "-") may be read as a document or graph: NULL when it
 * is a regular file, a FIFO or does not exist (opening it then names the
 * problem), else a static phrase saying what it is ("is a directory", "is
 * a character device, not a file", ...). */
const char *cnkg_cli_not_a_file(const char *path);

/* The output format a file name's extension names, compared without regard
 * to case: "turtle" (.ttl), "ntriples" (.nt), "dot" (.dot, .gv), "svg",
 * "html" (.html, .htm), or another well-known format that cnkg does not
 * write (png, pdf, jpeg, ...). NULL for no or an unknown extension. */
const char *cnkg_cli_format_of_name(const char *path);

/* True when the name's extension contradicts the format cnkg is asked to
 * write (e.g. svg to x.png); a name without an extension, or with one cnkg
 * does not know, never does. */
bool cnkg_cli_extension_mismatch(const char *path, const char *format);

/* The form names take in a graph cnkg built: name normalised as the
 * extractor normalises text (Traditional to Simplified, full-width to
 * half-width, ...). A new string (caller frees), or NULL when the name is
 * plain ASCII, not valid UTF-8, unchanged, or the normaliser could not
 * start. */
char *cnkg_cli_fold_name(const char *name);

#endif
