/* SPDX-License-Identifier: Apache-2.0
 * The HTML report's assets, made into C arrays at build time by
 * tools/embed-report.cmake (build/gen/report_assets.c): Cytoscape.js 3.35.0
 * from its npm tarball (MIT licence; its copyright notice opens the file and
 * goes into every page), and the report's own script, stylesheet and body
 * markup from out/report/. Each array holds _len bytes and a final NUL;
 * none contains text that would end its element in the page (checked at
 * build time). Read-only; depends on nothing. */
#ifndef CNKG_OUT_REPORT_ASSETS_H
#define CNKG_OUT_REPORT_ASSETS_H

#include <stddef.h>

/* dist/cytoscape.min.js of cytoscape@3.35.0 */
extern const unsigned char cnkg_report_cytoscape[];
extern const size_t cnkg_report_cytoscape_len;
/* out/report/explorer.js: the explorer (search, neighbourhoods, paths) */
extern const unsigned char cnkg_report_explorer_js[];
extern const size_t cnkg_report_explorer_js_len;
/* out/report/explorer.css */
extern const unsigned char cnkg_report_explorer_css[];
extern const size_t cnkg_report_explorer_css_len;
/* out/report/explorer.html: the body's markup, up to the data */
extern const unsigned char cnkg_report_explorer_html[];
extern const size_t cnkg_report_explorer_html_len;

#endif
