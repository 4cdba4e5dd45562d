/* SPDX-License-Identifier: Apache-2.0
 * Headroom checks before calling libraries that cannot report a failed
 * allocation: OpenCC and uchardet are C++ (std::bad_alloc escaping into C
 * aborts the process) and OpenBLAS retries a failed buffer allocation for
 * ever. cnkg asks for the memory first and reports CNKG_ERR_NOMEM itself
 * when it is not there. Depends on nothing but the C library. */
#ifndef CNKG_MEMORY_H
#define CNKG_MEMORY_H

#include <stdbool.h>
#include <stddef.h>

/* True if bytes could be allocated at this moment (they are allocated and
 * freed again, untouched). Not a reservation: another thread may take the
 * memory meanwhile, so ask for a margin above what the call needs. */
bool cnkg_memory_headroom(size_t bytes);

#endif
