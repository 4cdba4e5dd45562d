/* SPDX-License-Identifier: Apache-2.0
 * Chinese surname lexicon (single and compound surnames) and the name-shape
 * checks built on it, shared by the person and organisation recognisers.
 * Static tables only: no allocation, safe from any thread. Depends on
 * text.h. */
#ifndef CNKG_EXTRACTOR_SURNAME_H
#define CNKG_EXTRACTOR_SURNAME_H

#include <stdbool.h>
#include <stddef.h>

/* Byte length of the surname that s[0, len) begins with, compound surnames
 * (欧阳, 令狐 ...) tried first; 0 when s does not begin with one. */
size_t cnkg_surname_prefix(const char *s, size_t len);

/* True when s[0, len) is exactly a surname (single or compound). */
bool cnkg_surname_is(const char *s, size_t len);

/* True when s[0, len) has the shape of a full Han name: a surname followed
 * by a given name of one or two characters (three for a compound-free
 * four-character name is left to the caller), all Han. */
bool cnkg_surname_full_name(const char *s, size_t len);

#endif
