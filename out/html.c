/* SPDX-License-Identifier: Apache-2.0
 * HTML report writer: renders the SVG into memory through out/dot.h, then
 * writes one page with the SVG inline, the graph as JSON in a script element
 * (every '<' escaped so no data can close it) and a small hand-written
 * script. Depends on include/cnkg/ and out/dot.h. */
#include "out/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"

static const char page_head[] =
    "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"generator\" content=\"cnkg " CNKG_VERSION "\">\n"
    "<title>cnkg knowledge graph</title>\n<style>\n"
    "html,body{margin:0;height:100%;font-family:\"Noto Sans CJK SC\",sans-serif;font-size:14px}\n"
    "#cnkg-app{display:flex;height:100%}\n"
    "#cnkg-view{flex:1;overflow:hidden;background:#fafafa;cursor:grab}\n"
    "#cnkg-view svg{width:100%;height:100%}\n"
    "#cnkg-side{width:380px;overflow:auto;border-left:1px solid #ccc;padding:8px;box-sizing:border-box}\n"
    "#cnkg-search{width:100%;box-sizing:border-box;padding:4px;font-size:14px}\n"
    "#cnkg-results li,.cnkg-link{cursor:pointer;color:#1d4ed8}\n"
    ".cnkg-dim{opacity:.25}.cnkg-hit polygon,.cnkg-hit ellipse,.cnkg-hit path{stroke:#e11d48;stroke-width:3}\n"
    ".cnkg-ev{color:#444;margin:2px 0 6px 12px;font-size:13px}.cnkg-src{color:#888}\n"
    "</style>\n</head>\n<body>\n<div id=\"cnkg-app\">\n<div id=\"cnkg-view\">\n";

static const char page_side[] =
    "</div>\n<div id=\"cnkg-side\">\n"
    "<input id=\"cnkg-search\" type=\"search\" placeholder=\"搜索 / search\" autocomplete=\"off\">\n"
    "<div id=\"cnkg-count\"></div>\n<ul id=\"cnkg-results\"></ul>\n"
    "<div id=\"cnkg-panel\"><p>点击节点查看事实与原句 / click a node for its facts and sentences</p></div>\n"
    "</div>\n</div>\n<script type=\"application/json\" id=\"cnkg-data\">";

/* The script: pan (drag) and zoom (wheel) by rewriting the SVG viewBox;
 * nodes are matched to data by their <title>, the entity key; the panel is
 * built with textContent only, so no data is ever parsed as markup. A
 * location hash "#q=TEXT" runs a search at load and shows the hit when there
 * is one, or the one hit labelled exactly TEXT. */
static const char page_script[] =
    "</script>\n<script>\n"
    "(function(){\n"
    "var D=JSON.parse(document.getElementById('cnkg-data').textContent),E=D.ents;\n"
    "var view=document.getElementById('cnkg-view'),svg=view.querySelector('svg');\n"
    "var box=null,nodes={};\n"
    "function el(t,txt,cls){var e=document.createElement(t);if(txt!=null)e.textContent=txt;if(cls)e.className=cls;return e;}\n"
    "if(svg){var vb=svg.viewBox.baseVal;box={x:vb.x,y:vb.y,w:vb.width,h:vb.height};\n"
    " svg.removeAttribute('width');svg.removeAttribute('height');\n"
    " function apply(){svg.setAttribute('viewBox',box.x+' '+box.y+' '+box.w+' '+box.h);}\n"
    " function scale(){var r=svg.getBoundingClientRect();return Math.max(box.w/r.width,box.h/r.height);}\n"
    " view.addEventListener('wheel',function(ev){ev.preventDefault();var f=ev.deltaY<0?0.8:1.25,r=svg.getBoundingClientRect(),s=scale();\n"
    "  var px=box.x+box.w/2+(ev.clientX-r.left-r.width/2)*s,py=box.y+box.h/2+(ev.clientY-r.top-r.height/2)*s;\n"
    "  box.x=px-(px-box.x)*f;box.y=py-(py-box.y)*f;box.w*=f;box.h*=f;apply();},{passive:false});\n"
    " var drag=null;view.addEventListener('mousedown',function(ev){drag={x:ev.clientX,y:ev.clientY,bx:box.x,by:box.y,s:scale()};});\n"
    " window.addEventListener('mousemove',function(ev){if(!drag)return;box.x=drag.bx-(ev.clientX-drag.x)*drag.s;box.y=drag.by-(ev.clientY-drag.y)*drag.s;apply();});\n"
    " window.addEventListener('mouseup',function(){drag=null;});\n"
    " Array.prototype.forEach.call(svg.querySelectorAll('g.node'),function(g){var t=g.querySelector('title');\n"
    "  if(!t||!E[t.textContent])return;var k=t.textContent;nodes[k]=g;g.style.cursor='pointer';\n"
    "  g.addEventListener('click',function(ev){ev.stopPropagation();show(k);});});\n"
    "}\n";

static const char page_script_rest[] =
    "function name(k){return E[k]?E[k].l+' ('+E[k].t+')':k;}\n"
    "function show(k){var e=E[k],p=document.getElementById('cnkg-panel');p.textContent='';if(!e)return;\n"
    " p.appendChild(el('h2',e.l));p.appendChild(el('div',e.t+(e.c?' · '+e.c:''),'cnkg-src'));\n"
    " if(e.a.length)p.appendChild(el('div','又称 / also: '+e.a.join('、')));\n"
    " p.appendChild(el('h3','事实 / facts ('+e.f.length+')'));var ul=el('ul');p.appendChild(ul);\n"
    " e.f.forEach(function(f){var li=el('li');li.className='cnkg-fact';li.appendChild(el('span',(f[0]?'→ ':'← ')+f[1]+' '));\n"
    "  if(f[2]!==null){var a=el('span',name(f[2]),'cnkg-link');a.addEventListener('click',function(){show(f[2]);});li.appendChild(a);}\n"
    "  else li.appendChild(el('span','“'+f[3]+'”'));\n"
    "  f[4].forEach(function(v){var d=el('div',null,'cnkg-ev');d.appendChild(el('span',v[3]));\n"
    "   d.appendChild(el('div',(D.docs[v[0]]||{}).path+' · '+v[1]+'–'+v[2],'cnkg-src'));li.appendChild(d);});ul.appendChild(li);});\n"
    " p.appendChild(el('h3','提及 / mentions ('+e.m.length+')'));var mu=el('ul');p.appendChild(mu);\n"
    " e.m.forEach(function(m){mu.appendChild(el('li','“'+m[3]+'” '+(D.docs[m[0]]||{}).path+' · '+m[1]+'–'+m[2]));});\n"
    " Object.keys(nodes).forEach(function(n){nodes[n].classList.toggle('cnkg-hit',n===k);});\n"
    " if(nodes[k]&&box){var r=svg.getBoundingClientRect(),n=nodes[k].getBoundingClientRect(),s=Math.max(box.w/r.width,box.h/r.height);\n"
    "  box.x+=(n.left+n.width/2-r.left-r.width/2)*s;box.y+=(n.top+n.height/2-r.top-r.height/2)*s;svg.setAttribute('viewBox',box.x+' '+box.y+' '+box.w+' '+box.h);}\n"
    " document.body.setAttribute('data-shown',k);}\n"
    "var input=document.getElementById('cnkg-search'),res=document.getElementById('cnkg-results'),cnt=document.getElementById('cnkg-count');\n"
    "function search(){var q=input.value.trim().toLowerCase(),hits=[];res.textContent='';\n"
    " Object.keys(E).forEach(function(k){var e=E[k];if(q&&(e.l.toLowerCase().indexOf(q)>=0||e.a.some(function(a){return a.toLowerCase().indexOf(q)>=0;})||k===q))hits.push(k);});\n"
    " Object.keys(nodes).forEach(function(n){nodes[n].classList.toggle('cnkg-dim',q!==''&&hits.indexOf(n)<0);});\n"
    " cnt.textContent=q?hits.length+' 个结果 / matches':'';\n"
    " hits.slice(0,100).forEach(function(k){var li=el('li',name(k));li.setAttribute('data-key',k);li.addEventListener('click',function(){show(k);});res.appendChild(li);});\n"
    " return hits;}\n"
    "input.addEventListener('input',search);\n"
    "var h=decodeURIComponent(location.hash||'');if(h.indexOf('#q=')===0){input.value=h.slice(3);var hs=search(),ex=hs.filter(function(k){return E[k].l===input.value.trim();});\n"
    " if(hs.length===1)show(hs[0]);else if(ex.length===1)show(ex[0]);}\n"
    "document.body.setAttribute('data-ready','1');\n"
    "})();\n"
    "</script>\n</body>\n</html>\n";

/* JSON string of s (UTF-8) with '<', '>' and '&' as \u escapes, so the text
 * can sit inside a script element; NULL becomes null. Bytes that are not
 * well-formed UTF-8 (a file name from a non-UTF-8 system) become U+FFFD. */
static void json_str(CnkgOutput *out, const char *s) {
  if (!s) {
    cnkg_output_puts(out, "null");
    return;
  }
  cnkg_output_puts(out, "\"");
  const char *run = s;
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c >= 0x80) {
      size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (strnlen(p, n) == n && cnkg_utf8_valid(p, n)) {
        p += n - 1;
        continue;
      }
      cnkg_output_write(out, run, (size_t)(p - run));
      cnkg_output_puts(out, "\\ufffd");
      run = p + 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&')
      continue;
    cnkg_output_write(out, run, (size_t)(p - run));
    char esc[8];
    if (c == '"') memcpy(esc, "\\\"", 3);
    else if (c == '\\') memcpy(esc, "\\\\", 3);
    else snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
    cnkg_output_puts(out, esc);
    run = p + 1;
  }
  cnkg_output_puts(out, run);
  cnkg_output_puts(out, "\"");
}

static void json_size(CnkgOutput *out, size_t n) {
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", n);
  cnkg_output_puts(out, buf);
}

static void write_fact(CnkgOutput *out, const CnkgGraph *g, const CnkgRelation *r,
                       bool outgoing) {
  cnkg_output_puts(out, outgoing ? "[1," : "[0,");
  json_str(out, cnkg_rel_name(r->rel));
  cnkg_output_puts(out, ",");
  if (r->object != SIZE_MAX && !r->literal) {
    const CnkgEntity *other = cnkg_graph_entity(g, outgoing ? r->object : r->subject);
    json_str(out, other->key);
    cnkg_output_puts(out, ",null,[");
  } else {
    cnkg_output_puts(out, "null,");
    json_str(out, r->literal);
    cnkg_output_puts(out, ",[");
  }
  for (size_t v = 0; v < r->n_evidence; v++) {
    const CnkgEvidence *ev = &r->evidence[v];
    cnkg_output_puts(out, v ? ",[" : "[");
    json_size(out, ev->doc);
    cnkg_output_puts(out, ",");
    json_size(out, ev->begin);
    cnkg_output_puts(out, ",");
    json_size(out, ev->end);
    cnkg_output_puts(out, ",");
    json_str(out, ev->sentence ? ev->sentence : "");
    cnkg_output_puts(out, "]");
  }
  cnkg_output_puts(out, "]]");
}

/* The data: documents, then entities by key, each with its facts (both
 * directions, through an index built once) and mentions. */
static CnkgStatus write_json(const CnkgGraph *g, CnkgOutput *out) {
  size_t n = cnkg_graph_entity_count(g), nr = cnkg_graph_relation_count(g);
  size_t *start = calloc(n + 1, sizeof *start);
  size_t *list = malloc((2 * nr + 1) * sizeof *list);
  if (!start || !list) {
    free(start);
    free(list);
    return CNKG_ERR_NOMEM;
  }
  for (size_t r = 0; r < nr; r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    start[rel->subject + 1]++;
    if (rel->object != SIZE_MAX && !rel->literal && rel->object != rel->subject)
      start[rel->object + 1]++;
  }
  for (size_t e = 0; e < n; e++) start[e + 1] += start[e];
  size_t *fill = malloc((n + 1) * sizeof *fill);
  if (!fill) {
    free(start);
    free(list);
    return CNKG_ERR_NOMEM;
  }
  memcpy(fill, start, (n + 1) * sizeof *fill);
  for (size_t r = 0; r < nr; r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    list[fill[rel->subject]++] = r;
    if (rel->object != SIZE_MAX && !rel->literal && rel->object != rel->subject)
      list[fill[rel->object]++] = r;
  }
  free(fill);

  cnkg_output_puts(out, "{\"docs\":[");
  for (size_t d = 0; d < cnkg_graph_document_count(g); d++) {
    const CnkgDocument *doc = cnkg_graph_document(g, d);
    cnkg_output_puts(out, d ? ",{\"path\":" : "{\"path\":");
    /* the file's name, as in the RDF's dcterms:source: not where cnkg ran */
    const char *slash = doc->path ? strrchr(doc->path, '/') : NULL;
    json_str(out, slash ? slash + 1 : doc->path);
    cnkg_output_puts(out, ",\"title\":");
    json_str(out, doc->title);
    cnkg_output_puts(out, "}");
  }
  cnkg_output_puts(out, "],\n\"ents\":{");
  for (size_t e = 0; e < n; e++) {
    const CnkgEntity *ent = cnkg_graph_entity(g, e);
    cnkg_output_puts(out, e ? ",\n" : "\n");
    json_str(out, ent->key);
    cnkg_output_puts(out, ":{\"l\":");
    json_str(out, ent->label ? ent->label : ent->key);
    cnkg_output_puts(out, ",\"t\":");
    json_str(out, cnkg_type_name(ent->type));
    cnkg_output_puts(out, ",\"c\":");
    json_str(out, ent->code);
    cnkg_output_puts(out, ",\"a\":[");
    for (size_t a = 0; a < ent->n_aliases; a++) {
      if (a) cnkg_output_puts(out, ",");
      json_str(out, ent->aliases[a]);
    }
    cnkg_output_puts(out, "],\"f\":[");
    for (size_t k = start[e]; k < start[e + 1]; k++) {
      const CnkgRelation *rel = cnkg_graph_relation(g, list[k]);
      if (k > start[e]) cnkg_output_puts(out, ",");
      write_fact(out, g, rel, rel->subject == e);
    }
    cnkg_output_puts(out, "],\"m\":[");
    for (size_t m = 0; m < ent->n_mentions; m++) {
      const CnkgMention *mn = &ent->mentions[m];
      cnkg_output_puts(out, m ? ",[" : "[");
      json_size(out, mn->doc);
      cnkg_output_puts(out, ",");
      json_size(out, mn->begin);
      cnkg_output_puts(out, ",");
      json_size(out, mn->end);
      cnkg_output_puts(out, ",");
      json_str(out, mn->anchor ? mn->anchor : "");
      cnkg_output_puts(out, "]");
    }
    cnkg_output_puts(out, "]}");
  }
  cnkg_output_puts(out, "}}");
  free(start);
  free(list);
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_html_write(const CnkgGraph *graph, const CnkgDotOptions *options,
                           CnkgOutput *output) {
  if (!graph || !output) return CNKG_ERR_ARG;
  CnkgOutput *mem = NULL;
  CnkgStatus st = cnkg_output_new_memory(&mem);
  if (!st) st = cnkg_svg_write(graph, options, mem);
  if (!st) st = cnkg_output_write(mem, "", 0);
  if (st) {
    cnkg_output_free(mem);
    return st;
  }
  size_t len;
  const char *svg = cnkg_output_memory(mem, &len);
  /* inline SVG in HTML takes no XML declaration or doctype */
  const char *at = strstr(svg, "<svg");
  cnkg_output_puts(output, page_head);
  if (at) cnkg_output_write(output, at, len - (size_t)(at - svg));
  cnkg_output_puts(output, page_side);
  st = write_json(graph, output);
  cnkg_output_puts(output, page_script);
  cnkg_output_puts(output, page_script_rest);
  cnkg_output_free(mem);
  if (st) return st;
  return cnkg_output_write(output, "", 0);
}
