/* SPDX-License-Identifier: Apache-2.0
 * Sentence splitting of one normalised paragraph: ends at 。!? and ……
 * with their closing quotes, but not inside a quotation unless the
 * sentence grows long. Depends on text.h only. */
#ifndef CNKG_EXTRACTOR_SENTENCE_H
#define CNKG_EXTRACTOR_SENTENCE_H

#include <stddef.h>

/* Returns the byte offset where the sentence starting at s[b] ends
 * (b < end <= e); s[b, e) is one paragraph of well-formed UTF-8. */
size_t cnkg_sentence_next(const char *s, size_t b, size_t e);

#endif
