# SPDX-License-Identifier: Apache-2.0
"""Drives cnkg's HTML report in headless Chromium as a person would and
checks what the page shows: the overview, search with the keyboard,
selecting an entity (zoomed, neighbours and edges highlighted and
labelled, facts with sentences, its timeline of dated facts), expanding a neighbour by a click, a drag
that starts on a node (it pans; nothing is selected), tooltips without
internal keys, filters by type and relation, hiding isolated entities, a
path, and deep links. Expected values come from the page's own JSON data.
Screenshots go to ARTIFACTS. Usage:
  report_browser.py REPORT.html FOCUSED.html ARTIFACTS
  report_browser.py --time REPORT.html [SCREENSHOT.png]
  report_browser.py --timeline REPORT.html NAME ARTIFACTS KIND,KIND
The third form opens REPORT on NAME and checks its timeline (dated facts
in order with their sentences; KIND: published, post, exit, figure).
The second form prints how long the page took to open: milliseconds from
navigation to the explorer being ready (best of three loads, each in a
fresh tab state), and the nodes drawn. Exit 0 all checks passed, 1 some
failed, 77 no browser."""
import json
import os
import re
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webdriver  # noqa: E402

FAILS = []
CHECKS = [0]


def check(cond, what):
    CHECKS[0] += 1
    if not cond:
        FAILS.append(what)
        print("FAIL: " + what, file=sys.stderr)


def page_data(path):
    html = open(path, encoding="utf-8").read()
    start = html.index('id="cnkg-data">') + len('id="cnkg-data">')
    return json.loads(html[start:html.index("</script>", start)])


def expected_timeline(D, i):
    """The dates entity i's timeline must list, oldest first, as the page's
    data gives them: the start and end of the posts it holds or that are
    held in it, the date of the exits, plans and figures about it, and the
    publication date of the documents that name it."""
    ents, facts, rels, types = D["ents"], D["facts"], D["rels"], D["types"]
    events = ("PovertyExit", "PovertyExitPlanned", "Figure")
    posts, about = set(), set()
    t = types[ents[i][2]]
    if t == "Post":
        posts.add(i)
    if t in events:
        about.add(i)
    for f in facts:
        r = rels[f[1]]
        if r == "holdsPost" and f[0] == i:
            posts.add(f[2])
        elif r == "postAt" and f[2] == i:
            posts.add(f[0])
        elif r == "concerns" and f[2] == i and types[ents[f[0]][2]] in events:
            about.add(f[0])
    dates = []
    for f in facts:
        r = rels[f[1]]
        if f[0] in posts and r in ("startDate", "endDate"):
            dates.append(f[3])
        elif f[0] in about and r == "date":
            dates.append(f[3])
    m = ents[i][5]
    for d in sorted({m[k] for k in range(0, len(m), 4)}):
        if len(D["docs"][d]) > 2 and D["docs"][d][2]:
            dates.append(D["docs"][d][2])
    return sorted(dates)


def timeline_shown(b):
    return b.run("return [...document.querySelectorAll('#cnkg-timeline li.cnkg-tl')]"
                 ".map(li => [li.getAttribute('data-date'), li.textContent])")


def timeline_check(report, name, want_kinds, artifacts):
    """Opens REPORT on NAME (#q=) and checks its timeline: the dates the
    data gives, in order, each entry with its sentence when it has one,
    and at least one entry of each kind in want_kinds (published, post,
    exit, figure)."""
    if not webdriver.available():
        print("SKIP: chromium or chromedriver not installed")
        return 77
    D = page_data(report)
    ids = [k for k, e in enumerate(D["ents"]) if e[1] == name]
    check(len(ids) == 1, "the timeline report has one entity labelled " + name)
    if not ids:
        return 1
    want = expected_timeline(D, ids[0])
    check(len(want) >= len(want_kinds), "%s has %d dated facts in the data" % (name, len(want)))
    with webdriver.Browser(1280, 900) as b:
        b.get("file://" + os.path.abspath(report) + "#q=" + urllib.parse.quote(name))
        b.wait("return document.body.getAttribute('data-ready') === '1'")
        check(b.run("return document.body.getAttribute('data-shown')") == D["ents"][ids[0]][0],
              "#q=%s does not open it" % name)
        got = timeline_shown(b)
        check([d for d, _ in got] == want[:12], "timeline of %s shows %s, the data gives %s"
              % (name, [d for d, _ in got], want))
        check(all(got[k][0] <= got[k + 1][0] for k in range(len(got) - 1)), "timeline not in date order")
        text = " ".join(x for _, x in got)
        for kind in want_kinds:
            word = {"published": "发布 / published", "post": "任职 / took up",
                    "exit": "脱贫摘帽", "figure": name + " "}[kind]
            check(word in text, "timeline of %s lacks a %s entry (%r)" % (name, kind, word))
        check(b.run("return [...document.querySelectorAll('#cnkg-timeline li.cnkg-tl')]"
                    ".filter(li => !li.textContent.includes('发布 / published'))"
                    ".every(li => li.querySelector('.cnkg-ev'))"), "a dated fact in the timeline lacks its sentence")
        b.screenshot(os.path.join(artifacts, "timeline.png"))
    print("%d timeline checks, %d failed" % (CHECKS[0], len(FAILS)))
    return 1 if FAILS else 0


KEY_RE = re.compile(r"\b(person|place|village|township|industry|policy|organization|post|doc)/[0-9a-f]{6,}")
ENTER, DOWN = "\ue007", "\ue015"


def open_time(report, shot=None):
    if not webdriver.available():
        print("SKIP: chromium or chromedriver not installed")
        return 77
    url = "file://" + os.path.abspath(report)
    best = None
    with webdriver.Browser(1280, 900) as b:
        for _ in range(3):
            b.get("about:blank")
            b.get(url)
            b.wait("return document.body.getAttribute('data-ready') === '1'", 60)
            ms = b.run("return performance.getEntriesByName('cnkg-ready')[0].startTime")
            best = ms if best is None else min(best, ms)
        nodes = b.run("return cnkgExplorer.cy.nodes().length")
        if shot:
            b.screenshot(shot)
    print("%.0f ms %d nodes" % (best, nodes))
    return 0


def main():
    if sys.argv[1] == "--time":
        return open_time(*sys.argv[2:4])
    if sys.argv[1] == "--timeline":
        report, name, artifacts = sys.argv[2:5]
        return timeline_check(report, name, sys.argv[5].split(","), artifacts)
    report, focused, artifacts = sys.argv[1:4]
    if not webdriver.available():
        print("SKIP: chromium or chromedriver not installed")
        return 77
    os.makedirs(artifacts, exist_ok=True)
    D = page_data(report)
    ents = D["ents"]
    label = {i: e[1] for i, e in enumerate(ents)}
    key_of = {e[0]: i for i, e in enumerate(ents)}
    by_label = {}
    for i, e in enumerate(ents):
        by_label.setdefault(e[1], []).append(i)
    nbrs = {i: set() for i in range(len(ents))}
    for f in D["facts"]:
        if f[2] >= 0 and f[2] != f[0]:
            nbrs[f[0]].add(f[2])
            nbrs[f[2]].add(f[0])
    linked = [i for i in nbrs if nbrs[i]]
    isolated = [i for i in nbrs if not nbrs[i]]
    url = "file://" + os.path.abspath(report)

    def one(name):
        ids = by_label.get(name, [])
        check(len(ids) == 1, "the examples have one entity labelled " + name)
        return ids[0] if ids else -1

    chen, longtan, fujian = one("陈立远"), one("龙潭村"), one("福建省")

    with webdriver.Browser(1280, 900) as b:
        def load(hash_=""):
            b.get(url + hash_)
            b.wait("return document.body.getAttribute('data-ready') === '1'")

        def drawn():
            return set(b.run("return cnkgExplorer.cy.nodes().map(n => +n.id().slice(1))"))

        def shown():
            return b.run("return document.body.getAttribute('data-shown')")

        def at(i):
            """viewport position of entity i's node"""
            return b.run("const n = cnkgExplorer.cy.getElementById('n' + arguments[0]);"
                         "if (n.empty()) return null;"
                         "const r = cnkgExplorer.cy.container().getBoundingClientRect(), p = n.renderedPosition();"
                         "return [r.left + p.x, r.top + p.y];", i)

        def panel():
            return b.run("return document.getElementById('cnkg-panel').textContent")

        # --- the overview: a small graph is drawn whole (as the SVG was)
        load()
        d = drawn()
        check(d == set(linked), "overview draws every linked entity (%d of %d drawn)" % (len(d & set(linked)), len(linked)))
        for name in ("陈立远", "十八洞村", "屏南县", "龙潭村"):
            check(by_label.get(name, [-1])[0] in d, "overview lacks " + name)
        check("概览 / overview" in panel(), "overview panel missing")
        zoom0 = b.run("return cnkgExplorer.cy.zoom()")
        persons = sum(1 for e in ents if D["types"][e[2]] == "Person")
        check(b.run("return [...document.querySelectorAll('table.cnkg-counts tr')].some(tr => tr.textContent.includes('Person') && tr.lastChild.textContent === arguments[0])", str(persons)),
              "overview does not count %d people" % persons)
        check(b.run("return document.getElementById('cnkg-legend').textContent.includes('Village')"), "legend lacks the types")
        # every kind is shown as the kinds table (core/kinds.c) says, new
        # ones too (Country, Mountain, events, figures): its Chinese label
        # in the legend, its colour on the swatch and on its nodes
        legend = b.run("return [...document.querySelectorAll('#cnkg-legend .cnkg-li')].map(s => [s.textContent, s.querySelector('.cnkg-sw') ? getComputedStyle(s.querySelector('.cnkg-sw')).backgroundColor : ''])")
        node_colour = b.run("const c = {}; cnkgExplorer.cy.nodes().forEach(n => { c[n.data('t')] = n.style('background-color'); }); return c")
        rgb = lambda h: "rgb(%d, %d, %d)" % tuple(int(h[k:k + 2], 16) for k in (1, 3, 5))
        present = {D["types"][e[2]] for e in ents}
        check({"Country", "Mountain", "Figure"} <= present, "the examples no longer name a country, a mountain and a figure")
        for k, t in enumerate(D["types"]):
            if t not in present:
                continue
            zh, colour = D["typeInfo"][k][0], D["typeInfo"][k][1]
            check(any(text.strip() == zh + " " + t and sw == rgb(colour) for text, sw in legend),
                  "legend entry of %s is not '%s %s' in %s: %s" % (t, zh, t, colour, legend))
            if t in node_colour:
                check(node_colour[t].replace(" ", "") == rgb(colour).replace(" ", ""), "%s nodes drawn in %s, not %s" % (t, node_colour[t], colour))
        b.screenshot(os.path.join(artifacts, "overview.png"))

        # --- search with the keyboard: Enter with several hits focuses the
        # first result, ArrowDown the next, Enter there selects it
        b.click("#cnkg-search")
        b.type("#cnkg-search", "村")
        b.wait("return /^[0-9]+ /.test(document.getElementById('cnkg-count').textContent)")
        n = int(b.run("return document.getElementById('cnkg-count').textContent").split()[0])
        check(n >= 5, "search for 村 found %d" % n)
        keys = b.run("return [...document.querySelectorAll('#cnkg-results li[data-key]')].map(li => li.getAttribute('data-key'))")
        village = by_label.get("十八洞村", [-1])[0]
        check(ents[village][0] in keys, "search results lack 十八洞村")
        check(b.run("return !document.getElementById('cnkg-results').hidden"), "results not shown")
        b.type("#cnkg-search", ENTER)
        check(b.run("return document.activeElement.parentNode.id === 'cnkg-results' && !document.activeElement.previousElementSibling"),
              "Enter with several hits does not focus the first result")
        b.keys(DOWN)
        second = b.run("return document.activeElement.getAttribute('data-key')")
        check(second == keys[1] if len(keys) > 1 else False, "ArrowDown does not move to the second result")
        b.keys(ENTER)
        b.wait("return document.body.getAttribute('data-shown') === arguments[0]", 5, second)
        check(shown() == second, "Enter on a result does not select it")
        check(b.run("return document.getElementById('cnkg-results').hidden"), "results still cover the panel after a choice")

        # --- select by name + Enter: neighbourhood zoomed and highlighted
        b.run("document.getElementById('cnkg-search').value = ''")
        b.type("#cnkg-search", "陈立远" + ENTER)
        b.wait("return document.body.getAttribute('data-shown') === arguments[0]", 5, ents[chen][0])
        check(shown() == ents[chen][0], "陈立远 not selected")
        check(b.run("return document.querySelector('#cnkg-panel h2').textContent") == "陈立远", "panel heading")
        text = panel()
        check("“驻村第一书记”" in text, "panel lacks the title fact")
        check("2019年春天,县直机关干部陈立远被选派到龙潭村担任驻村第一书记。" in text, "panel lacks an evidence sentence")
        check("village-secretary.txt · 27–30" in text, "panel lacks a mention with its document")
        # the timeline: the posts taken up in 2019, with their sentence
        tl = timeline_shown(b)
        check([d for d, _ in tl] == expected_timeline(D, chen) and any(d == "2019" for d, _ in tl),
              "timeline of 陈立远 shows %s, the data gives %s" % (tl, expected_timeline(D, chen)))
        check(b.run("return !!document.querySelector('#cnkg-timeline li.cnkg-tl .cnkg-ev')"),
              "timeline entries lack their sentence")
        d = drawn()
        check(d == {chen} | nbrs[chen], "selection draws %s, not 陈立远 and its neighbours" % sorted(label[i] for i in d))
        w = b.run("return cnkgExplorer.cy.getElementById('n' + arguments[0]).renderedWidth()", chen)
        check(w >= 30, "selected node drawn %.0f px wide: not zoomed" % w)
        nb = set(b.run("return cnkgExplorer.cy.nodes('.nb').map(n => +n.id().slice(1))"))
        check(nb == nbrs[chen], "neighbours not highlighted")
        hl = b.run("return cnkgExplorer.cy.edges('.hl').map(e => e.style('label'))")
        check(len(hl) >= len(nbrs[chen]) and all(hl), "edges of the selection not highlighted and labelled: %s" % hl)
        # tooltip: what tells the entity apart, never an internal key
        x, y = at(longtan)
        b.pointer([("move", x, y), ("pause", 200)])
        tip = b.run("const t = document.getElementById('cnkg-tip'); return t.hidden ? null : t.textContent")
        check(tip is not None and "龙潭村" in tip and "Village" in tip, "no tooltip on 龙潭村: %r" % tip)
        check(tip is None or not KEY_RE.search(tip), "tooltip shows an internal key: %r" % tip)
        b.screenshot(os.path.join(artifacts, "select.png"))

        # --- expand: a click on 龙潭村 selects it and draws its neighbours
        before = drawn()
        b.pointer([("move", x, y), ("down",), ("up",), ("pause", 100)])
        b.wait("return document.body.getAttribute('data-shown') === arguments[0]", 5, ents[longtan][0])
        d = drawn()
        check(shown() == ents[longtan][0], "a click on 龙潭村 does not select it")
        check(before < d and nbrs[longtan] <= d, "a click on 龙潭村 does not add its neighbours")
        check(b.run("return cnkgExplorer.cy.getElementById('n' + arguments[0]).hasClass('sel')", longtan), "clicked node not marked")
        b.screenshot(os.path.join(artifacts, "expand.png"))

        # --- a drag that starts on a node pans the view; it neither selects
        # the node nor moves it, nor snaps the view back
        x, y = at(chen)
        pan0 = b.run("return cnkgExplorer.cy.pan()")
        pos0 = b.run("return cnkgExplorer.cy.getElementById('n' + arguments[0]).position()", chen)
        b.pointer([("move", x, y), ("down",), ("move", x + 40, y + 30), ("move", x + 120, y + 80),
                   ("move", x + 150, y + 100), ("up",), ("pause", 300)])
        pan1 = b.run("return cnkgExplorer.cy.pan()")
        pos1 = b.run("return cnkgExplorer.cy.getElementById('n' + arguments[0]).position()", chen)
        check(shown() == ents[longtan][0], "a drag starting on 陈立远 selected it")
        check(abs(pan1["x"] - pan0["x"] - 150) < 15 and abs(pan1["y"] - pan0["y"] - 100) < 15,
              "a drag starting on a node did not pan by (150, 100): %s -> %s" % (pan0, pan1))
        check(pos0 == pos1, "a drag moved the node")

        # --- filters: types, relations, isolated entities
        b.click("#cnkg-filters summary")
        b.click("input[data-type='Post']")
        check(b.run("return cnkgExplorer.cy.nodes('[t = \"Post\"]').length") == 0, "Post filter leaves posts drawn")
        check(longtan in drawn(), "type filter dropped the selected entity")
        b.click("input[data-type='Post']")
        b.click("input[data-rel='associatedWith']")
        check(b.run("return cnkgExplorer.cy.edges('[r = \"associatedWith\"]').length") == 0, "relation filter leaves its edges")
        b.click("input[data-rel='associatedWith']")
        check(b.run("return cnkgExplorer.cy.edges('[r = \"associatedWith\"]').length") > 0, "relation filter not undone")
        b.click("#cnkg-home")
        check(drawn() == set(linked), "overview after filters differs")
        b.click("#cnkg-isolated")
        check(drawn() == set(range(len(ents))), "unchecking 'hide isolated' does not draw the %d isolated entities" % len(isolated))
        b.click("#cnkg-isolated")
        check(drawn() == set(linked), "'hide isolated' does not hide them again")
        zoom1 = b.run("return cnkgExplorer.cy.zoom()")
        check(abs(zoom1 - zoom0) < 0.01 * zoom0, "the overview drawn again is laid out otherwise (zoom %.3f, first %.3f)" % (zoom1, zoom0))
        b.screenshot(os.path.join(artifacts, "filters.png"))

        # --- a path from 陈立远 to 福建省 climbs the containment chain
        b.click("#cnkg-pathbox summary")
        b.type("#cnkg-from", "陈立远")
        b.type("#cnkg-to", "福建省")
        b.click("#cnkg-go")
        b.wait("return document.body.getAttribute('data-path')")
        keys = b.run("return document.body.getAttribute('data-path')").split()
        names = [label[key_of[k]] for k in keys if k in key_of]
        check(names[:1] == ["陈立远"] and names[-1:] == ["福建省"], "path ends: %s" % names)
        for step in ("龙潭村", "熙岭乡", "屏南县"):
            check(step in names, "path %s does not pass %s" % (names, step))
        check(not any(D["types"][ents[key_of[k]][2]] in ("Industry", "Policy") for k in keys),
              "path %s goes through an industry or policy" % names)
        check(b.run("return cnkgExplorer.cy.edges('.path').length") == len(keys) - 1, "path edges not drawn")
        check("步 / steps" in panel(), "path steps not listed")
        b.screenshot(os.path.join(artifacts, "path.png"))

        # --- deep links
        load("#q=" + urllib.parse.quote("zzzz"))
        check(b.run("return document.getElementById('cnkg-count').textContent").startswith("0 "), "#q=zzzz does not report 0 matches")
        load("#q=" + urllib.parse.quote("陈立远"))
        check(shown() == ents[chen][0], "#q=陈立远 does not open 陈立远")
        load("#k=" + urllib.parse.quote(ents[longtan][0]))
        check(shown() == ents[longtan][0], "#k=KEY does not open the entity")
        load("#path=%s,%s" % (urllib.parse.quote(ents[chen][0]), urllib.parse.quote(ents[fujian][0])))
        check((b.run("return document.body.getAttribute('data-path')") or "").split()[-1:] == [ents[fujian][0]],
              "#path= does not draw the path")

        # --- a report built with --focus opens on that entity
        b.get("file://" + os.path.abspath(focused))
        b.wait("return document.body.getAttribute('data-ready') === '1'")
        check(shown() == ents[chen][0], "--focus report does not open on 陈立远")
        d = drawn()
        check(village not in d and chen in d, "--focus --depth 1 report draws far entities")
    print("%d browser checks, %d failed" % (CHECKS[0], len(FAILS)))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
