/* SPDX-License-Identifier: Apache-2.0
 * cnkg report: an explorer of the graph in the page's JSON data (written by
 * out/html.c), drawn with Cytoscape.js. It opens on an overview (the whole
 * graph when small, else the most connected entities), shows an entity's
 * neighbourhood zoomed with its facts and sentences, adds a node's
 * neighbours when it is clicked, filters by type and relation, finds paths
 * that prefer containment, post and organisation chains, and keeps deep
 * links (#q=NAME, #k=KEY, #path=KEY,KEY). Text reaches the page through
 * textContent only, so no data is ever parsed as markup. */
(function () {
  'use strict';
  const D = JSON.parse(document.getElementById('cnkg-data').textContent);
  const $ = (id) => document.getElementById(id);

  /* ---- vocabulary: how each type and relation is shown ------------------
   * From the kinds table (core/kinds.c) through the page's data: a type's
   * short Chinese label, colour, shape and what it is (place, concept); a
   * relation's Chinese label, the group its edges are drawn in and its
   * step cost. GraphViz's shape names are mapped to Cytoscape's. */
  const SHAPES = {
    ellipse: 'ellipse', egg: 'ellipse', cds: 'ellipse', box: 'round-rectangle',
    octagon: 'octagon', doubleoctagon: 'octagon', tripleoctagon: 'octagon',
    house: 'round-triangle', invhouse: 'triangle', component: 'diamond', note: 'hexagon',
    box3d: 'round-tag', plain: 'rectangle',
  };
  const TYPE_INFO = {};
  D.types.forEach((t, k) => {
    const [zh, colour, shape, what] = D.typeInfo[k];
    TYPE_INFO[t] = [zh, colour, SHAPES[shape] || 'ellipse', what];
  });
  const REL_INFO = {};
  D.rels.forEach((r, k) => { REL_INFO[r] = D.relInfo[k]; });
  const GROUPS = {
    place: ['行政区划与驻地 / containment', '#64748b', 'solid'],
    person: ['人物与职务 / people, posts', '#db2777', 'solid'],
    concept: ['产业与政策 / industries, policies', '#16a34a', 'dashed'],
  };
  const PLACES = D.types.filter((t) => TYPE_INFO[t][3] === 'place');
  const CONCEPTS = D.types.filter((t) => TYPE_INFO[t][3] === 'concept');
  const ENCLOSING = ['locatedIn', 'withinDivision', 'basedIn', 'postAt', 'associatedWith'];
  const typeZh = (t) => TYPE_INFO[t][0];
  const typeColour = (t) => TYPE_INFO[t][1];
  const relZh = (r) => REL_INFO[r][0];
  const relGroup = (r) => REL_INFO[r][1];

  /* ---- the data ----------------------------------------------------------- */
  const RELS = D.rels;
  const E = D.ents.map((a, i) => ({
    i, key: a[0], l: a[1], t: D.types[a[2]], c: a[3], a: a[4], m: a[5],
    adj: [], lit: [], deg: 0, enc: -1, twin: false,
  }));
  const F = D.facts; /* [subject, rel, object or -1, literal, [sentence...]] */
  const byKey = new Map(E.map((e) => [e.key, e.i]));
  F.forEach((f, fi) => {
    if (f[2] < 0) E[f[0]].lit.push(fi);
    else {
      E[f[0]].adj.push(fi);
      if (f[2] !== f[0]) E[f[2]].adj.push(fi);
    }
  });
  const other = (f, i) => (f[0] === i ? f[2] : f[0]);
  const labels = new Map();
  E.forEach((e) => {
    e.deg = new Set(e.adj.map((fi) => other(F[fi], e.i))).size;
    for (const r of ENCLOSING) {
      const fi = e.adj.find((k) => F[k][0] === e.i && RELS[F[k][1]] === r && F[k][2] !== e.i);
      if (fi !== undefined) { e.enc = F[fi][2]; break; }
    }
    labels.set(e.l, (labels.get(e.l) || 0) + 1);
  });
  E.forEach((e) => { e.twin = labels.get(e.l) > 1; });

  /* What tells an entity apart: type, code, the place it lies in. */
  function describe(e) {
    const parts = [typeZh(e.t) + ' ' + e.t];
    if (e.c) parts.push(e.c);
    if (e.enc >= 0) parts.push('在 / in ' + E[e.enc].l);
    return parts.join(' · ');
  }
  /* The node's label: namesakes carry their code or enclosing place. */
  function nodeLabel(e) {
    if (!e.twin) return e.l;
    const tell = e.enc >= 0 ? E[e.enc].l : e.c || typeZh(e.t);
    return e.l + '\n(' + tell + ')';
  }
  const sentence = (k) => {
    const s = D.sents, t = s[4 * k + 3];
    return { doc: s[4 * k], b: s[4 * k + 1], e: s[4 * k + 2], text: t >= 0 ? D.texts[t] : '' };
  };
  const docName = (d) => (D.docs[d] ? D.docs[d][0] : '?');
  const anchorOf = (e, a) => (typeof a === 'number' ? (a === 0 ? e.l : e.a[a - 1]) : a);

  /* ---- filters ------------------------------------------------------------ */
  const hideType = {}, hideRel = {};
  let hideIsolated = true;
  const edgeFact = (f) => f[2] >= 0;
  const factShown = (f) => edgeFact(f) && !hideRel[RELS[f[1]]] && !hideType[E[f[0]].t] && !hideType[E[f[2]].t];
  const shownDegree = (e) => e.adj.reduce((n, fi) => n + (factShown(F[fi]) ? 1 : 0), 0);
  const entShown = (e) => !hideType[e.t] && !(hideIsolated && (e.deg === 0 || shownDegree(e) === 0));

  /* ---- small DOM helpers -------------------------------------------------- */
  function el(tag, text, cls) {
    const n = document.createElement(tag);
    if (text != null) n.textContent = text;
    if (cls) n.className = cls;
    return n;
  }
  function link(i, text) {
    const b = el('button', text != null ? text : E[i].l, 'cnkg-link');
    b.type = 'button';
    b.title = describe(E[i]);
    b.addEventListener('click', () => select(i));
    return b;
  }
  /* Shows items(from, to) in parent, n at first and n more per click. */
  function paged(parent, total, n, render, what) {
    let shown = 0;
    const more = el('button', '', 'cnkg-more');
    more.type = 'button';
    function step() {
      const to = Math.min(total, shown + n);
      for (let k = shown; k < to; k++) parent.appendChild(render(k));
      shown = to;
      more.textContent = '更多 / more (' + (total - shown) + (what ? ' ' + what : '') + ')';
      if (shown >= total) more.remove();
      else parent.appendChild(more);
    }
    more.addEventListener('click', () => { more.remove(); step(); });
    step();
  }

  /* ---- the drawing ---------------------------------------------------------- */
  const style = [
    { selector: 'node', style: {
      'background-color': 'data(color)', shape: 'data(shape)', width: 26, height: 26,
      label: 'data(label)', 'font-size': 12, 'font-family': '"Noto Sans CJK SC", sans-serif',
      'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': 140,
      'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      'border-width': 1, 'border-color': '#475569', 'min-zoomed-font-size': 7 } },
    { selector: 'edge', style: {
      width: 1.5, 'line-color': 'data(color)', 'line-style': 'data(line)', 'curve-style': 'bezier',
      'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(color)', 'arrow-scale': 0.8,
      opacity: 0.8 } },
    { selector: 'edge.lab', style: {
      label: 'data(rl)', 'font-size': 10, 'text-rotation': 'autorotate', color: '#374151',
      'text-background-color': '#fafafa', 'text-background-opacity': 0.9, 'min-zoomed-font-size': 6 } },
    { selector: 'node.nb', style: { 'border-width': 2, 'border-color': '#111827' } },
    { selector: 'node.sel', style: { width: 40, height: 40, 'border-width': 4, 'border-color': '#e11d48', 'font-size': 15, 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'edge.hl', style: { width: 3, opacity: 1, 'z-index': 9 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#ea580c' } },
    { selector: 'edge.path', style: { width: 4, 'line-color': '#ea580c', 'target-arrow-color': '#ea580c', opacity: 1 } },
    { selector: '.dim', style: { opacity: 0.25 } },
    { selector: 'edge.dim', style: { opacity: 0.12 } },
    { selector: 'node.hit', style: { 'border-width': 4, 'border-color': '#2563eb' } },
  ];
  const cy = cytoscape({
    container: $('cnkg-view'), elements: [], style, layout: { name: 'preset' },
    minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false, autoungrabify: true, autounselectify: true,
  });

  /* The model the drawing shows: entities in view with their positions. */
  const state = { mode: 'overview', view: [], pos: new Map(), sel: -1, path: [], pathEnds: [], note: '' };

  function nodeEl(i) {
    const e = E[i], info = TYPE_INFO[e.t];
    const p = state.pos.get(i) || { x: 0, y: 0 };
    /* pannable: a drag that starts on a node pans, as on the background */
    return { group: 'nodes', data: { id: 'n' + i, label: nodeLabel(e), t: e.t, color: info[1], shape: info[2] },
      position: { x: p.x, y: p.y }, pannable: true, grabbable: false };
  }
  function edgeEl(fi) {
    const f = F[fi], r = RELS[f[1]], g = GROUPS[relGroup(r)] || GROUPS.person;
    return { group: 'edges', data: { id: 'f' + fi, source: 'n' + f[0], target: 'n' + f[2], r,
      rl: relZh(r) + ' ' + r, color: g[1], line: g[2] }, pannable: true };
  }
  /* Puts state.view (filtered) into the drawing: the selected entity and
   * path ends always, other entities when their type is shown; with "hide
   * isolated", an entity with no drawn edge goes too. */
  function render() {
    const keep = new Set(state.pathEnds);
    if (state.sel >= 0) keep.add(state.sel);
    let ids = state.view.filter((i) => keep.has(i) || !hideType[E[i].t]);
    let inView = new Set(ids);
    const facts = [];
    const seen = new Set();
    for (const i of ids)
      for (const fi of E[i].adj) {
        const f = F[fi];
        if (seen.has(fi) || !factShown(f) || !inView.has(f[0]) || !inView.has(f[2])) continue;
        if (f[0] === f[2]) continue;
        seen.add(fi);
        facts.push(fi);
      }
    if (hideIsolated) {
      const linked = new Set(keep);
      facts.forEach((fi) => { linked.add(F[fi][0]); linked.add(F[fi][2]); });
      ids = ids.filter((i) => linked.has(i));
      inView = new Set(ids);
    }
    cy.batch(() => {
      cy.elements().remove();
      cy.add(ids.map(nodeEl));
      cy.add(facts.sort((a, b) => a - b).map(edgeEl));
    });
    highlight();
    $('cnkg-status').textContent = '显示 / showing ' + ids.length + ' / ' + E.length +
      ' 个实体 / entities' + state.note + ' · 点击节点展开 / click a node to expand · 拖动平移 / drag to pan';
    return ids;
  }
  function highlight() {
    cy.elements().removeClass('sel nb hl lab dim path');
    const few = cy.edges().length <= 60;
    if (few) cy.edges().addClass('lab');
    if (state.mode === 'path') {
      const on = new Set(state.path.map((s) => s.fi));
      cy.edges().forEach((ed) => { if (on.has(+ed.id().slice(1))) ed.addClass('path lab'); });
      cy.nodes().addClass('path');
      return;
    }
    if (state.sel < 0) return;
    const n = cy.getElementById('n' + state.sel);
    if (n.empty()) return;
    const hood = n.closedNeighborhood();
    n.addClass('sel');
    hood.nodes().not(n).addClass('nb');
    n.connectedEdges().addClass('hl lab');
    if (cy.nodes().length > hood.nodes().length) cy.elements().not(hood).addClass('dim');
  }
  /* Fits the drawing to the given entities, never so close that a few
   * nodes fill the screen nor so far that labels vanish when it can help. */
  function fitTo(ids) {
    const col = cy.collection(ids.map((i) => cy.getElementById('n' + i)).filter((n) => n.nonempty()));
    if (col.empty()) { cy.fit(undefined, 30); return; }
    cy.fit(col, 50);
    if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(col); }
  }
  /* Labels stay legible when a small drawing is zoomed out to fit: their
   * size follows the zoom while at most LABELLED nodes are drawn (more would
   * only pile up; those labels show as one zooms in). */
  const LABELLED = 150;
  let fontSize = 12;
  function scaleLabels() {
    const z = cy.zoom();
    const fs = cy.nodes().length <= LABELLED ? Math.min(28, Math.max(12, 12 / z)) : 12;
    if (Math.abs(fs - fontSize) < 0.5) return;
    fontSize = fs;
    cy.style().selector('node').style('font-size', fs).selector('node.sel').style('font-size', fs * 1.2)
      .selector('edge.lab').style('font-size', (fs * 10) / 12).update();
  }
  cy.on('zoom', scaleLabels);
  /* Back to the base size before a layout: cose makes room for labels, so
   * labels grown for the last zoom would spread the next layout. */
  function baseLabels() {
    if (fontSize === 12) return;
    fontSize = 12;
    cy.style().selector('node').style('font-size', 12).selector('node.sel').style('font-size', 15)
      .selector('edge.lab').style('font-size', 10).update();
  }
  function store() { cy.nodes().forEach((n) => state.pos.set(+n.id().slice(1), { ...n.position() })); }
  function runLayout(opts) {
    cy.layout(Object.assign({ animate: false, fit: false }, opts)).run();
    store();
  }

  /* ---- neighbourhoods -------------------------------------------------------- */
  const MAX_NEIGHBOURS = 40, MAX_VIEW = 400;
  const conceptRank = (j) => (CONCEPTS.includes(E[j].t) ? 1 : 0);
  /* Neighbours of i that the filters let through: containment, people and
   * organisations before industries and policies, then the most connected. */
  function neighbours(i) {
    const out = new Set();
    for (const fi of E[i].adj) {
      const f = F[fi];
      if (!factShown(f)) continue;
      const j = other(f, i);
      if (j !== i && !hideType[E[j].t]) out.add(j);
    }
    return [...out].sort((a, b) => conceptRank(a) - conceptRank(b) || E[b].deg - E[a].deg || a - b);
  }
  /* What the status line says when i has more neighbours than are drawn. */
  function crowded(i) {
    const n = neighbours(i).length;
    return n > MAX_NEIGHBOURS ? ' · ' + E[i].l + ' 的邻居只画出 ' + MAX_NEIGHBOURS + ' / ' + n +
      '（右侧列出全部）/ ' + MAX_NEIGHBOURS + ' of ' + n + ' neighbours drawn, all listed on the right' : '';
  }
  /* New nodes on a ring around centre (a position), or on an arc facing
   * away from `from` (where the rest of the drawing lies), spaced so their
   * labels have room. */
  function ring(ids, centre, radius, from) {
    const n = ids.length;
    if (!n) return;
    let start = -Math.PI / 2, span = 2 * Math.PI;
    if (from && (from.x !== centre.x || from.y !== centre.y)) {
      span = Math.min(2 * Math.PI, Math.max(Math.PI / 2, n * 0.45));
      start = Math.atan2(centre.y - from.y, centre.x - from.x) - span / 2;
    }
    const r = Math.max(radius, (n * 95) / span);
    ids.forEach((j, k) => {
      const a = span >= 2 * Math.PI ? start + (span * k) / n : start + (span * (k + 0.5)) / n;
      state.pos.set(j, { x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) });
    });
  }
  /* Opens entity i: its neighbourhood (depth steps) alone, laid out in
   * rings around it, zoomed; the panel shows its facts. */
  function select(i, depth) {
    state.mode = 'entity';
    state.path = [];
    state.pathEnds = [];
    state.sel = i;
    state.pos = new Map([[i, { x: 0, y: 0 }]]);
    const view = [i], seen = new Set(view);
    let frontier = [i];
    for (let d = 0; d < (depth || 1) && view.length < MAX_VIEW; d++) {
      const next = [];
      for (const j of frontier) {
        const add = neighbours(j).filter((k) => !seen.has(k)).slice(0, MAX_NEIGHBOURS);
        add.forEach((k) => { seen.add(k); view.push(k); next.push(k); });
        if (d === 0) ring(add, { x: 0, y: 0 }, 150);
        else ring(add, state.pos.get(j), 110, { x: 0, y: 0 });
      }
      frontier = next;
    }
    state.view = view;
    state.note = crowded(i);
    if ((depth || 1) > 1) baseLabels();
    render();
    if (view.length > 1 && (depth || 1) > 1) runLayout({ name: 'cose', randomize: false, idealEdgeLength: 90, nodeRepulsion: 9000, numIter: 600 });
    fitTo([i].concat(neighbours(i).slice(0, MAX_NEIGHBOURS)));
    panel(i);
    setHash('#k=' + encodeURIComponent(E[i].key));
  }
  /* A click on a drawn node: it becomes the selected one and its
   * neighbours join the drawing around it. */
  function expand(i) {
    if (state.mode !== 'entity' && state.mode !== 'path' && state.mode !== 'overview') return;
    state.mode = 'entity';
    state.path = [];
    state.pathEnds = [];
    state.sel = i;
    store();
    const inView = new Set(state.view);
    const add = neighbours(i).filter((k) => !inView.has(k)).slice(0, MAX_NEIGHBOURS);
    if (state.view.length + add.length > MAX_VIEW) add.length = Math.max(0, MAX_VIEW - state.view.length);
    const centre = state.pos.get(i) || { x: 0, y: 0 };
    /* the middle of what is drawn already: the new arc faces away from it */
    const mid = { x: 0, y: 0 };
    state.view.forEach((j) => { const p = state.pos.get(j) || centre; mid.x += p.x / state.view.length; mid.y += p.y / state.view.length; });
    ring(add, centre, 130, mid);
    state.view = state.view.concat(add);
    state.note = crowded(i);
    render();
    fitTo([i].concat(neighbours(i).slice(0, MAX_NEIGHBOURS)));
    panel(i);
    setHash('#k=' + encodeURIComponent(E[i].key));
  }

  /* ---- the overview ------------------------------------------------------------ */
  const SMALL = 150;
  const byDegree = (list) => list.slice().sort((a, b) => E[b].deg - E[a].deg || a - b);
  function top(types, n) {
    return byDegree(E.filter((e) => types.includes(e.t) && entShown(e)).map((e) => e.i)).slice(0, n);
  }
  function overview() {
    state.mode = 'overview';
    state.note = '';
    state.sel = -1;
    state.path = [];
    state.pathEnds = [];
    const shown = E.filter(entShown).map((e) => e.i);
    let ids = shown;
    if (shown.length > SMALL) {
      const pick = new Set([].concat(top(PLACES, 16), top(['Person'], 10), top(['Policy'], 8),
        top(['Industry'], 8), top(['Organization'], 8)));
      ids = [...pick].sort((a, b) => a - b);
    }
    state.pos = new Map();
    ring(ids, { x: 0, y: 0 }, 200);
    state.view = ids;
    baseLabels();
    render();
    if (ids.length > 1)
      runLayout({ name: 'cose', randomize: false, idealEdgeLength: 50, nodeRepulsion: 20000, gravity: 0.6,
        numIter: ids.length > 80 ? 500 : 1000, componentSpacing: 30, nodeDimensionsIncludeLabels: true });
    cy.fit(undefined, 30);
    overviewPanel(shown.length > SMALL);
    setHash('');
  }
  function overviewPanel(partial) {
    const p = $('cnkg-panel');
    p.textContent = '';
    document.body.removeAttribute('data-shown');
    p.appendChild(el('h2', '概览 / overview'));
    const isolated = E.filter((e) => e.deg === 0).length;
    p.appendChild(el('p', E.length + ' 个实体 / entities · ' + F.filter(edgeFact).length +
      ' 条关系 / links · ' + D.docs.length + ' 篇文档 / documents · ' + isolated +
      ' 个孤立 / isolated' + (partial ? ' · 图中为连接最多的实体 / the drawing shows the most connected' : ''), 'cnkg-src'));
    const table = el('table', null, 'cnkg-counts');
    const counts = {};
    E.forEach((e) => { counts[e.t] = (counts[e.t] || 0) + 1; });
    D.types.filter((t) => counts[t]).forEach((t) => {
      const tr = el('tr');
      const td = el('td');
      const sw = el('span', null, 'cnkg-sw');
      sw.style.background = typeColour(t);
      td.appendChild(sw);
      td.appendChild(document.createTextNode(typeZh(t) + ' ' + t));
      tr.appendChild(td);
      tr.appendChild(el('td', String(counts[t])));
      table.appendChild(tr);
    });
    p.appendChild(table);
    const lists = [['连接最多的地方 / most connected places', PLACES], ['人物 / people', ['Person']],
      ['政策与项目 / programmes', ['Policy']], ['产业 / industries', ['Industry']], ['组织 / organisations', ['Organization']]];
    for (const [title, types] of lists) {
      const ids = top(types, 8);
      if (!ids.length) continue;
      p.appendChild(el('h3', title));
      const ul = el('ul');
      ids.forEach((i) => {
        const li = el('li');
        li.appendChild(link(i));
        li.appendChild(el('span', ' ' + E[i].deg + ' · ' + describe(E[i]), 'cnkg-sub'));
        ul.appendChild(li);
      });
      p.appendChild(ul);
    }
  }

  /* ---- the facts panel ----------------------------------------------------------- */
  /* A fact's sentences, a few at first: the same text read in several
   * documents is shown once, with each place it was read. */
  function evidence(parent, list) {
    const groups = new Map();
    for (const k of list) {
      const t = D.sents[4 * k + 3], g = t >= 0 ? 't' + t : 'o' + k;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(sentence(k));
    }
    const items = [...groups.values()];
    const render = (k) => {
      const occ = items[k];
      const d = el('div', null, 'cnkg-ev');
      d.appendChild(el('span', occ[0].text || '（无句子 / no sentence）'));
      const where = occ.map((s) => docName(s.doc) + ' · ' + s.b + '–' + s.e);
      const src = el('div', where.slice(0, 3).join('；'), 'cnkg-src');
      if (where.length > 3) {
        const more = el('button', '… 另 ' + (where.length - 3) + ' 处 / more', 'cnkg-link');
        more.type = 'button';
        more.addEventListener('click', () => { src.textContent = where.join('；'); });
        src.appendChild(document.createTextNode(' '));
        src.appendChild(more);
      }
      d.appendChild(src);
      return d;
    };
    paged(parent, items.length, 2, render, '句 / sentences');
  }
  /* The entity's dated facts, oldest first: the posts it holds or that
   * are held in it (start and end), the exits, plans and figures about it
   * (their date), the documents that name it (their publication date),
   * each with its sentences. Dates are ISO 8601 at the text's precision,
   * so they sort as strings (2018 before 2018-05). */
  const TL_EVENTS = ['PovertyExit', 'PovertyExitPlanned', 'Figure'];
  function timeline(i) {
    const e = E[i], items = [];
    const lits = (j, r) => E[j].lit.filter((fi) => RELS[F[fi][1]] === r);
    const posts = new Set(), events = new Map();
    if (e.t === 'Post') posts.add(i);
    if (TL_EVENTS.includes(e.t)) events.set(i, []);
    for (const fi of e.adj) {
      const f = F[fi], r = RELS[f[1]];
      if (r === 'holdsPost' && f[0] === i) posts.add(f[2]);
      else if (r === 'postAt' && f[2] === i) posts.add(f[0]);
      else if (r === 'concerns' && f[2] === i && TL_EVENTS.includes(E[f[0]].t)) {
        if (!events.has(f[0])) events.set(f[0], []);
        events.get(f[0]).push(...f[4]);
      }
    }
    for (const p of posts) {
      const hf = E[p].adj.find((fi) => RELS[F[fi][1]] === 'holdsPost' && F[fi][2] === p);
      const holder = hf !== undefined ? E[F[hf][0]].l : '';
      const who = holder && !E[p].l.includes(holder) ? holder + ' · ' : '';
      for (const [r, zh] of [['startDate', '任职 / took up'], ['endDate', '离任 / left']])
        for (const fi of lits(p, r))
          items.push({ d: F[fi][3], what: zh + ' ' + who + E[p].l, s: F[fi][4], j: p });
    }
    for (const [n, sents] of events)
      for (const fi of lits(n, 'date'))
        items.push({ d: F[fi][3], what: E[n].l, s: [...new Set([...sents, ...F[fi][4]])], j: n });
    const docs = new Set();
    for (let k = 0; k < e.m.length; k += 4) docs.add(e.m[k]);
    for (const d of docs) {
      const doc = D.docs[d];
      if (doc && doc[2]) items.push({ d: doc[2], what: '发布 / published ' + doc[0] + (doc[1] ? ' 《' + doc[1] + '》' : ''), s: [], j: -1 });
    }
    items.sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.what.localeCompare(b.what)));
    return items;
  }
  function timelinePanel(p, i) {
    const items = timeline(i);
    if (!items.length) return;
    p.appendChild(el('h3', '时间线 / timeline (' + items.length + ')'));
    const ol = el('ol', null, 'cnkg-timeline');
    ol.id = 'cnkg-timeline';
    p.appendChild(ol);
    paged(ol, items.length, 12, (k) => {
      const it = items[k], li = el('li', null, 'cnkg-tl');
      li.setAttribute('data-date', it.d);
      li.appendChild(el('span', it.d, 'cnkg-date'));
      li.appendChild(document.createTextNode(' '));
      if (it.j >= 0 && it.j !== i) li.appendChild(link(it.j, it.what));
      else li.appendChild(el('span', it.what));
      if (it.s.length) evidence(li, it.s);
      return li;
    }, '项 / entries');
  }
  function panel(i) {
    const e = E[i], p = $('cnkg-panel');
    p.textContent = '';
    p.appendChild(el('h2', e.l));
    const sub = el('div', typeZh(e.t) + ' ' + e.t + (e.c ? ' · ' + e.c : ''), 'cnkg-src');
    if (e.enc >= 0) {
      sub.appendChild(document.createTextNode(' · 在 / in '));
      sub.appendChild(link(e.enc));
    }
    p.appendChild(sub);
    if (e.a.length) p.appendChild(el('div', '又称 / also: ' + e.a.join('、')));
    const act = el('div', null, 'cnkg-actions');
    const btn = (text, fn) => { const b = el('button', text); b.type = 'button'; b.addEventListener('click', fn); act.appendChild(b); };
    btn('路径起点 / path from', () => setEnd('from', i));
    btn('路径终点 / path to', () => setEnd('to', i));
    btn('只看邻域 / neighbourhood', () => select(i));
    p.appendChild(act);
    timelinePanel(p, i);
    /* facts grouped by relation and direction, literals first */
    const groups = new Map();
    const add = (g, fi) => { if (!groups.has(g)) groups.set(g, []); groups.get(g).push(fi); };
    e.lit.forEach((fi) => add('1' + RELS[F[fi][1]], fi));
    e.adj.forEach((fi) => add((F[fi][0] === i ? '1' : '0') + RELS[F[fi][1]], fi));
    const total = e.lit.length + e.adj.length;
    p.appendChild(el('h3', '事实 / facts (' + total + ')'));
    const order = [...groups.keys()].sort((a, b) => (b[0] - a[0]) || a.slice(1).localeCompare(b.slice(1)));
    for (const g of order) {
      const out = g[0] === '1', r = g.slice(1), list = groups.get(g);
      p.appendChild(el('h4', (out ? '→ ' : '← ') + relZh(r) + ' ' + r + ' (' + list.length + ')'));
      const ul = el('ul');
      p.appendChild(ul);
      paged(ul, list.length, 12, (k) => {
        const f = F[list[k]];
        const li = el('li', null, 'cnkg-fact');
        li.appendChild(el('span', (out ? '→ ' : '← ') + r + ' '));
        if (f[2] >= 0) {
          const j = other(f, i);
          li.appendChild(link(j));
          li.appendChild(el('span', ' ' + describe(E[j]), 'cnkg-sub'));
        } else li.appendChild(el('span', '“' + f[3] + '”'));
        evidence(li, f[4]);
        return li;
      }, '条 / facts');
    }
    p.appendChild(el('h3', '提及 / mentions (' + e.m.length / 4 + ')'));
    const mu = el('ul');
    p.appendChild(mu);
    paged(mu, e.m.length / 4, 8, (k) => el('li', '“' + anchorOf(e, e.m[4 * k + 3]) + '” ' +
      docName(e.m[4 * k]) + ' · ' + e.m[4 * k + 1] + '–' + e.m[4 * k + 2]), '次 / mentions');
    p.scrollTop = 0;
    document.body.setAttribute('data-shown', e.key);
  }

  /* ---- search -------------------------------------------------------------- */
  const input = $('cnkg-search'), results = $('cnkg-results'), count = $('cnkg-count');
  /* Entities matching q, best first: exact names, then names starting with
   * q, then containing it; codes by prefix; keys exactly. */
  function find(q, all) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    for (const e of E) {
      if (!all && !entShown(e)) continue;
      const l = e.l.toLowerCase();
      let s = l === q ? 0 : e.key === q ? 0 : l.startsWith(q) ? 2 : l.includes(q) ? 3 : 9;
      if (s > 1) for (const a of e.a) {
        const x = a.toLowerCase();
        s = Math.min(s, x === q ? 1 : x.includes(q) ? 4 : 9);
      }
      if (s > 2 && e.c && e.c.startsWith(q)) s = 2;
      if (s < 9) hits.push([s, e.i]);
    }
    hits.sort((a, b) => a[0] - b[0] || E[b[1]].deg - E[a[1]].deg || a[1] - b[1]);
    return hits.map((h) => h[1]);
  }
  const SHOW = 50;
  function search(open) {
    const q = input.value;
    const hits = find(q, false);
    const hidden = q.trim() ? find(q, true).length - hits.length : 0;
    results.textContent = '';
    count.textContent = q.trim() ? hits.length + ' 个结果 / matches' +
      (hidden ? '（另有 ' + hidden + ' 个被筛选隐藏 / ' + hidden + ' hidden by filters）' : '') : '';
    hits.slice(0, SHOW).forEach((i) => {
      const li = el('li');
      li.tabIndex = 0;
      li.setAttribute('role', 'option');
      li.setAttribute('data-key', E[i].key);
      li.appendChild(el('span', E[i].l));
      li.appendChild(el('span', ' ' + describe(E[i]), 'cnkg-sub'));
      li.addEventListener('click', () => choose(i));
      li.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); choose(i); }
        else if (ev.key === 'ArrowDown' && li.nextElementSibling) { ev.preventDefault(); li.nextElementSibling.focus(); }
        else if (ev.key === 'ArrowUp') { ev.preventDefault(); (li.previousElementSibling || input).focus(); }
        else if (ev.key === 'Escape') { results.hidden = true; input.focus(); }
      });
      results.appendChild(li);
    });
    if (hits.length > SHOW) results.appendChild(el('li', '… ' + (hits.length - SHOW) + ' 个更多 / more: 请细化搜索 / refine the search', 'cnkg-sub'));
    results.hidden = !(open && hits.length);
    const set = new Set(hits);
    cy.nodes().forEach((n) => n.toggleClass('hit', q.trim() !== '' && set.has(+n.id().slice(1))));
    return hits;
  }
  function choose(i) {
    results.hidden = true;
    select(i);
  }
  let timer = 0;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => search(true), 120); });
  input.addEventListener('focus', () => { if (results.childElementCount && input.value.trim()) results.hidden = false; });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(timer);
      const hits = search(true);
      const exact = hits.filter((i) => E[i].l === input.value.trim());
      if (hits.length === 1) choose(hits[0]);
      else if (exact.length === 1) choose(exact[0]);
      else if (results.firstElementChild) results.firstElementChild.focus();
    } else if (ev.key === 'ArrowDown' && results.firstElementChild && !results.hidden) {
      ev.preventDefault();
      results.firstElementChild.focus();
    } else if (ev.key === 'Escape') results.hidden = true;
  });
  document.addEventListener('click', (ev) => {
    if (!$('cnkg-searchbox').contains(ev.target)) results.hidden = true;
  });

  /* ---- paths -------------------------------------------------------------------
   * Dijkstra over the facts the filters let through, with the costs `cnkg
   * trace` ranks by (the kinds table's step costs: containment, post and
   * organisation links cheap, concept links dear), plus, for each entity
   * passed through, costs.perBit x the square of the bit length of its
   * number of non-chain links: a chain of places and posts beats a
   * shortcut through a policy or industry hub. */
  const relCost = (r) => REL_INFO[r][2];
  const loose = E.map((e) => e.adj.filter((fi) => F[fi][2] !== F[fi][0] && relCost(RELS[F[fi][1]]) !== D.costs.chain).length);
  const toll = (j) => { const bits = 32 - Math.clz32(loose[j]); return D.costs.perBit * bits * bits; };
  function shortest(a, b) {
    const dist = new Float64Array(E.length).fill(Infinity), via = new Int32Array(E.length).fill(-1);
    const heap = [[0, a]];
    dist[a] = 0;
    const push = (x) => { heap.push(x); let k = heap.length - 1; while (k > 0) { const p = (k - 1) >> 1; if (heap[p][0] <= heap[k][0]) break; [heap[p], heap[k]] = [heap[k], heap[p]]; k = p; } };
    const pop = () => { const t = heap[0], last = heap.pop(); if (heap.length) { heap[0] = last; let k = 0; for (;;) { const l = 2 * k + 1, r = l + 1; let m = k; if (l < heap.length && heap[l][0] < heap[m][0]) m = l; if (r < heap.length && heap[r][0] < heap[m][0]) m = r; if (m === k) break; [heap[m], heap[k]] = [heap[k], heap[m]]; k = m; } } return t; };
    while (heap.length) {
      const [d, u] = pop();
      if (d > dist[u]) continue;
      if (u === b) break;
      for (const fi of E[u].adj) {
        const f = F[fi];
        if (!factShown(f)) continue;
        const v = other(f, u);
        if (v === u || (v !== b && hideType[E[v].t])) continue;
        const nd = d + relCost(RELS[f[1]]) + (v === b ? 0 : toll(v));
        if (nd < dist[v]) { dist[v] = nd; via[v] = fi; push([nd, v]); }
      }
    }
    if (!isFinite(dist[b])) return null;
    const steps = [];
    for (let v = b; v !== a; v = other(F[via[v]], v)) steps.push({ at: v, fi: via[v] });
    return steps.reverse();
  }
  const ends = { from: -1, to: -1 };
  function setEnd(which, i) {
    ends[which] = i;
    $('cnkg-' + which).value = E[i].l;
    $('cnkg-pathbox').open = true;
    if (ends.from >= 0 && ends.to >= 0) path(ends.from, ends.to);
  }
  function resolve(which) {
    const v = $('cnkg-' + which).value.trim();
    if (ends[which] >= 0 && E[ends[which]].l === v) return ends[which];
    const hits = find(v, true);
    return hits.length ? hits[0] : -1;
  }
  function path(a, b) {
    ends.from = a;
    ends.to = b;
    $('cnkg-from').value = E[a].l;
    $('cnkg-to').value = E[b].l;
    const steps = a === b ? [] : shortest(a, b);
    const p = $('cnkg-panel');
    p.textContent = '';
    p.appendChild(el('h2', '路径 / path'));
    const head = el('div', null, 'cnkg-src');
    head.appendChild(link(a));
    head.appendChild(document.createTextNode(' → '));
    head.appendChild(link(b));
    p.appendChild(head);
    setHash('#path=' + encodeURIComponent(E[a].key) + ',' + encodeURIComponent(E[b].key));
    state.mode = 'path';
    state.sel = -1;
    state.note = '';
    state.path = steps || [];
    state.pathEnds = [a, b];
    state.view = steps ? [a].concat(steps.map((s) => s.at)) : [a, b];
    state.pos = new Map();
    state.view.forEach((i, k) => state.pos.set(i, { x: k * 170, y: (k % 2) * 60 }));
    render();
    cy.fit(undefined, 40);
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    if (!steps) {
      p.appendChild(el('p', '没有路径（在当前筛选下）/ no path under the current filters'));
      document.body.setAttribute('data-path', 'none');
      return null;
    }
    p.appendChild(el('h3', steps.length + ' 步 / steps'));
    const ol = el('ol');
    let from = a;
    for (const s of steps) {
      const f = F[s.fi], r = RELS[f[1]];
      const li = el('li');
      li.appendChild(link(from));
      li.appendChild(el('span', f[0] === from ? ' —' + relZh(r) + ' ' + r + '→ ' : ' ←' + relZh(r) + ' ' + r + '— '));
      li.appendChild(link(s.at));
      evidence(li, f[4]);
      ol.appendChild(li);
      from = s.at;
    }
    p.appendChild(ol);
    document.body.setAttribute('data-path', state.view.map((i) => E[i].key).join(' '));
    return steps;
  }
  $('cnkg-go').addEventListener('click', () => {
    const a = resolve('from'), b = resolve('to');
    if (a < 0 || b < 0) {
      $('cnkg-panel').replaceChildren(el('p', '找不到起点或终点 / from or to not found'));
      return;
    }
    path(a, b);
  });
  for (const w of ['from', 'to'])
    $('cnkg-' + w).addEventListener('keydown', (ev) => { if (ev.key === 'Enter') $('cnkg-go').click(); });

  /* ---- filters, legend, tooltips ---------------------------------------------------- */
  function refresh() {
    if (state.mode === 'overview') overview();
    else if (state.mode === 'path') path(state.pathEnds[0], state.pathEnds[1]);
    else { render(); panel(state.sel); }
    if (input.value.trim()) search(false);
  }
  function checkbox(parent, label, on, change, swatch) {
    const l = el('label');
    const c = el('input');
    c.type = 'checkbox';
    c.checked = on;
    c.addEventListener('change', () => change(c.checked));
    l.appendChild(c);
    if (swatch) l.appendChild(swatch);
    l.appendChild(document.createTextNode(label));
    parent.appendChild(l);
    return c;
  }
  const present = new Set(E.map((e) => e.t)), relsPresent = new Set(F.filter(edgeFact).map((f) => RELS[f[1]]));
  D.types.filter((t) => present.has(t)).forEach((t) => {
    const sw = el('span', null, 'cnkg-sw');
    sw.style.background = typeColour(t);
    checkbox($('cnkg-ftypes'), typeZh(t) + ' ' + t, true, (on) => { hideType[t] = !on; refresh(); }, sw).dataset.type = t;
  });
  RELS.filter((r) => relsPresent.has(r)).forEach((r) => {
    checkbox($('cnkg-frels'), relZh(r) + ' ' + r, true, (on) => { hideRel[r] = !on; refresh(); }).dataset.rel = r;
  });
  $('cnkg-isolated').addEventListener('change', (ev) => { hideIsolated = ev.target.checked; refresh(); });
  (function legend() {
    const lg = $('cnkg-legend');
    D.types.filter((t) => present.has(t)).forEach((t) => {
      const s = el('span', null, 'cnkg-li'), sw = el('span', null, 'cnkg-sw');
      sw.style.background = typeColour(t);
      s.appendChild(sw);
      s.appendChild(document.createTextNode(typeZh(t) + ' ' + t));
      lg.appendChild(s);
    });
    lg.appendChild(el('br'));
    for (const g of Object.keys(GROUPS)) {
      const s = el('span', null, 'cnkg-li'), line = el('span', null, 'cnkg-line');
      line.style.borderTopColor = GROUPS[g][1];
      line.style.borderTopStyle = GROUPS[g][2];
      s.appendChild(line);
      s.appendChild(document.createTextNode(GROUPS[g][0]));
      lg.appendChild(s);
    }
    /* the strip takes what it needs; the drawing the rest */
    $('cnkg-view').style.bottom = lg.offsetHeight + 'px';
    cy.resize();
  })();
  const tip = $('cnkg-tip');
  function showTip(ev, lines) {
    tip.textContent = '';
    tip.appendChild(el('b', lines[0]));
    lines.slice(1).forEach((l) => { tip.appendChild(el('br')); tip.appendChild(document.createTextNode(l)); });
    const r = ev.renderedPosition;
    tip.style.left = Math.min(r.x + 14, $('cnkg-main').clientWidth - 200) + 'px';
    tip.style.top = r.y + 14 + 'px';
    tip.hidden = false;
  }
  cy.on('mouseover', 'node', (ev) => {
    const e = E[+ev.target.id().slice(1)];
    showTip(ev, [e.l, describe(e), e.deg + ' 个相连实体 / linked entities']);
  });
  cy.on('mouseover', 'edge', (ev) => {
    const f = F[+ev.target.id().slice(1)], r = RELS[f[1]];
    const first = f[4].length ? sentence(f[4][0]).text : '';
    showTip(ev, [E[f[0]].l + ' —' + relZh(r) + ' ' + r + '→ ' + E[f[2]].l,
      f[4].length + ' 句 / sentences' + (first ? ': ' + (first.length > 60 ? first.slice(0, 60) + '…' : first) : '')]);
  });
  cy.on('mouseout', () => { tip.hidden = true; });
  cy.on('viewport', () => { tip.hidden = true; });
  /* tap fires only for a click without movement: a drag that starts on a
   * node pans (nodes are pannable) and selects nothing */
  cy.on('tap', 'node', (ev) => expand(+ev.target.id().slice(1)));
  $('cnkg-home').addEventListener('click', overview);
  $('cnkg-fit').addEventListener('click', () => cy.fit(undefined, 30));

  /* ---- deep links ---------------------------------------------------------------- */
  let hashing = false;
  function setHash(h) {
    if (hashing) return;
    try { history.replaceState(null, '', h || location.pathname + location.search); } catch (err) { /* file: pages may refuse */ }
  }
  function fromHash() {
    let h;
    try { h = decodeURIComponent(location.hash || ''); } catch (err) { h = location.hash || ''; }
    hashing = true;
    try {
      if (h.startsWith('#q=')) {
        input.value = h.slice(3);
        const hits = search(false);
        const exact = hits.filter((i) => E[i].l === input.value.trim());
        if (hits.length === 1) select(hits[0]);
        else if (exact.length === 1) select(exact[0]);
        else { overview(); results.hidden = !hits.length; }
        return true;
      }
      if (h.startsWith('#k=') && byKey.has(h.slice(3))) { select(byKey.get(h.slice(3))); return true; }
      if (h.startsWith('#path=')) {
        const [a, b] = h.slice(6).split(',');
        if (byKey.has(a) && byKey.has(b)) { path(byKey.get(a), byKey.get(b)); return true; }
      }
      return false;
    } finally { hashing = false; }
  }
  window.addEventListener('hashchange', fromHash);

  /* for scripts driving the page (tests, bookmarklets) */
  window.cnkgExplorer = { cy, state, select, expand, overview, path, search, find,
    keyOf: (i) => E[i].key, indexOf: (k) => (byKey.has(k) ? byKey.get(k) : -1) };

  if (!fromHash()) {
    if (D.focus != null) select(D.focus, D.depth);
    else overview();
  }
  document.body.setAttribute('data-ready', '1');
  if (window.performance && performance.mark) performance.mark('cnkg-ready');
})();
