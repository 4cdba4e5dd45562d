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
#include "extractor/normalize.h"

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
/* Same, using norm (borrowed; it must outlive the intake, and may serve
 * the intakes of several threads) instead of opening OpenCC again; NULL
 * norm: as cnkg_intake_new. */
CnkgStatus cnkg_intake_new_sharing(CnkgNormalize *norm, CnkgIntake **intake, char *err,
                                   size_t errsize);
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

/* A document decoded to UTF-8 (an HTML page reduced to its text), before
 * normalisation: a long one is prepared in parts (cnkg_intake_part). */
typedef struct {
  char *text;             /* owned and NUL-terminated, or (borrowed) the
                             caller's bytes as they were */
  size_t len;
  bool borrowed;          /* text is the caller's bytes, which must outlive
                             this */
  const char *encoding;   /* static name of the source encoding */
  bool is_html;
  char *html_title;       /* owned: the page's <title>, or NULL */
} CnkgDecoded;

/* Decodes (and reduces HTML) like cnkg_intake_text, without preparing the
 * text; plain UTF-8 is not copied, so bytes must outlive *out. Clear *out
 * with cnkg_decoded_clear. CNKG_ERR_TEXT (logged), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_intake_decode(CnkgIntake *intake, const char *name,
                              const void *bytes, size_t len, const CnkgLog *log,
                              CnkgDecoded *out);
void cnkg_decoded_clear(CnkgDecoded *d);

/* Where the part of d that starts at byte begin should end so that it
 * holds at most limit bytes: after the last line break in the second half
 * of that window, else after the last sentence end, else after the last
 * clause mark, else at a character boundary; d->len when the rest fits. */
size_t cnkg_intake_part_end(const CnkgDecoded *d, size_t begin, size_t limit);

/* Prepares bytes [begin, end) of d (character boundaries) as a text of its
 * own, as cnkg_intake_text would the whole: its offsets count from begin,
 * and only the part at 0 takes the page title. Caller owns *text.
 * CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_intake_part(CnkgIntake *intake, const CnkgDecoded *d,
                            size_t begin, size_t end, CnkgText **text);

/* Code-point offsets in the original of the normalised byte range
 * [begin, end): [map[begin], map_end[end - 1]); an empty range gives
 * map[begin] twice. begin <= end <= norm_len. */
void cnkg_text_span(const CnkgText *text, size_t begin, size_t end,
                    size_t *obegin, size_t *oend);

#endif
