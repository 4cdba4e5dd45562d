/* SPDX-License-Identifier: Apache-2.0
 * One byte-output abstraction for every writer, so tests can write to
 * memory or to /dev/full. A file output is atomic: bytes go to a temporary
 * file in the target's directory, which is flushed, synced and renamed over
 * the target on a successful close. Depends on status.h. */
#ifndef CNKG_OUTPUT_H
#define CNKG_OUTPUT_H

#include <stdio.h>
#include <stddef.h>

#include "cnkg/status.h"

typedef struct CnkgOutput CnkgOutput;

/* Atomic output to path ("-" means stdout, not atomic). A symbolic link is
 * written through: its final target is replaced and the link stays. The
 * result keeps the permission bits (and, where allowed, owner and group)
 * of the file it replaces; a new file gets 0666 & ~umask. Any name the file system
 * allows works (the temporary's name is shortened when needed). A device,
 * FIFO or other non-regular file is written in place. On failure *out is
 * NULL and errmsg (if non-NULL, size >= 256) says why. Caller owns *out.
 * CNKG_ERR_WRITE, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_output_new_file(const char *path, CnkgOutput **out,
                                char *errmsg, size_t errmsg_size);
/* Output to a borrowed stream (not closed by cnkg_output_close). */
CnkgStatus cnkg_output_new_stream(FILE *stream, CnkgOutput **out);
/* Output to a growing memory buffer (see cnkg_output_memory). */
CnkgStatus cnkg_output_new_memory(CnkgOutput **out);

/* Appends bytes. Errors are sticky: later writes return the first error. */
CnkgStatus cnkg_output_write(CnkgOutput *output, const void *data, size_t len);
CnkgStatus cnkg_output_puts(CnkgOutput *output, const char *s);

/* Borrowed view of a memory output's bytes (NUL-terminated). */
const char *cnkg_output_memory(const CnkgOutput *output, size_t *len);

/* Flushes and finishes: a file output is synced and renamed into place
 * (or its temporary removed when any write failed). Does not free.
 * Returns the first error of the output's life. */
CnkgStatus cnkg_output_close(CnkgOutput *output);

/* The directory holding path ("." for a bare name, "/" for one at the
 * root), as a new string the caller frees; NULL when out of memory. */
char *cnkg_output_dir_of(const char *path);

/* Frees; an unclosed file output is abandoned (temporary removed, target
 * untouched): a caller whose writer failed frees without closing. */
void cnkg_output_free(CnkgOutput *output);

/* Removes the temporary file of every file output not yet closed or freed,
 * from any thread. Async-signal-safe (only unlink(2) on paths recorded when
 * the outputs were made), for a handler of SIGTERM, SIGINT or SIGHUP that
 * then re-raises the signal; the outputs must not be used afterwards. At
 * most 32 temporaries are recorded at once. */
void cnkg_output_remove_temporaries(void);

#endif
