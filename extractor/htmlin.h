/* SPDX-License-Identifier: Apache-2.0
 * HTML to article text with libxml2's HTML parser: keeps <title> (less a
 * trailing "_site name"), drops scripts, styles, forms, navigation,
 * headers/footers, asides and blocks whose class or id names navigation,
 * comments, sharing, ads or related links; block elements become line
 * breaks. Depends on status.h and
 * libxml2. */
#ifndef CNKG_EXTRACTOR_HTMLIN_H
#define CNKG_EXTRACTOR_HTMLIN_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/status.h"

/* True if name ends in .html/.htm or the text plainly starts as HTML. */
bool cnkg_htmlin_sniff(const char *name, const char *s, size_t len);

/* Extracts the article text (UTF-8, lines separated by '\n') and the
 * title (NULL if none) from UTF-8 HTML, in time linear in len: a tag's
 * attributes beyond the 64th are ignored and elements nested deeper than
 * 160 are read as part of their ancestor. *cut says whether the parser
 * still stopped early (nesting it could not follow), so that text after
 * that point is missing. Caller owns *text and *title (free()).
 * CNKG_ERR_TEXT (unparseable), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_htmlin_extract(const char *s, size_t len, char **text,
                             size_t *text_len, char **title, bool *cut);

#endif
