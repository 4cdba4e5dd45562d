/* SPDX-License-Identifier: Apache-2.0
 * Intake and normalisation: raw bytes of one document (any common encoding,
 * plain text or HTML) -> clean normalised Simplified text split into
 * sentences, with page furniture dropped, bylines turned into metadata, and
 * a map from every normalised byte back to a code-point offset in the
 * decoded original. norm holds one paragraph per line ('\n' between
 * paragraphs, mapped to an empty span; a credit split off a line, e.g.
 * "…。(张三)" or "本报讯(记者 张三)…", touches its neighbour without one); sentences
 * are byte ranges of it and never include a '\n'.
 * Headings, prose and credit lines stay; furniture is gone. Long-lived state (OpenCC, compiled patterns) lives in a
 * CnkgIntake made once; it is not shared between threads (make one per
 * thread). Depends on status.h, log.h, text.h, OpenCC, uchardet, iconv,
 * libxml2, pcre2. */
#ifndef CNKG_EXTRACTOR_INTAKE_H
#define CNKG_EXTRACTOR_INTAKE_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/log.h"
#include "cnkg/status.h"
#include "cnkg/text.h"
#include "extractor/furniture.h"

typedef struct CnkgIntake CnkgIntake;

typedef struct {
  size_t begin, end;      /* byte offsets into CnkgText.norm */
  size_t paragraph;       /* index of the paragraph (source line block) */
  bool heading;           /* a short title/section-heading line */
  bool credit;            /* a byline / photo credit / source line, kept so
                             that recognisers see the credited names; its
                             names are also listed in CnkgText.credits */
} CnkgSentence;

typedef struct {
  char *orig;             /* decoded original (UTF-8), what offsets refer to */
  size_t orig_len;        /* bytes */
  size_t orig_chars;      /* code points */
  char *norm;             /* normalised prose (UTF-8, NUL-terminated) */
  size_t norm_len;
  size_t *map;            /* norm_len + 1 entries: code-point offset in orig of
                             the character that produced each normalised byte;
                             map[norm_len] = end of the last mapped character */
  CnkgSentence *sentences;
  size_t n_sentences;
  char *title;            /* document title, normalised, or NULL */
  char *author;           /* bylines ("、"-joined), or NULL */
  char *photographer;     /* photo credits, or NULL */
  char *source;           /* 来源 / media, or NULL */
  char *encoding;         /* detected source encoding, e.g. "GB18030" */
  bool is_html;           /* if so, orig is the article text extracted from
                             the HTML (what offsets refer to), not markup */
  size_t *map_end;        /* norm_len + 1 entries: code-point END in orig of
                             the character that produced each byte (after
                             removed romanisation, e.g. "產(chǎn)" is one
                             span); map_end[norm_len] = map[norm_len] */
  CnkgCredit *credits;    /* credited names in text order: role and byte
                             range [begin, end) in norm (inside a credit
                             sentence, or at the end of a prose one) */
  size_t n_credits;
} CnkgText;

/* Creates the intake context. err says what failed (e.g. the OpenCC config).
 * Caller owns *intake. CNKG_ERR_DATA, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_intake_new(CnkgIntake **intake, char *err, size_t errsize);
void cnkg_intake_free(CnkgIntake *intake);

/* Decodes, cleans and normalises one document. name is used in log
 * messages and to recognise .html/.htm. Warnings (e.g. invalid sequences,
 * with byte offset) go to log. Caller owns *text (cnkg_text_free).
 * CNKG_ERR_TEXT (binary or undecodable: *text is NULL, an error was
 * logged), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_intake_text(CnkgIntake *intake, const char *name,
                            const void *bytes, size_t len, const CnkgLog *log,
                            CnkgText **text);
void cnkg_text_free(CnkgText *text);

/* Code-point offsets in the original of the normalised byte range
 * [begin, end): [map[begin], map_end[end - 1]); an empty range gives
 * map[begin] twice. begin <= end <= norm_len. */
void cnkg_text_span(const CnkgText *text, size_t begin, size_t end,
                    size_t *obegin, size_t *oend);

#endif
