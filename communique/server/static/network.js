// Network: a small force layout (repulsion + springs + gravity) in plain SVG.
"use strict";

(function () {
  const form = document.getElementById("net-form");
  const minInput = document.getElementById("min-events");
  const levelInput = document.getElementById("level");
  const status = document.getElementById("status");
  const canvas = document.getElementById("network");
  const details = document.getElementById("details");
  const W = 800, H = 560, MAX_NODES = 150;

  function goldsteinColor(g) {
    if (g === null || g === undefined) return "#888";
    const t = Math.max(-1, Math.min(1, g / 10));  // −1 red … +1 green
    const r = t < 0 ? 200 : Math.round(200 - 150 * t), gr = t > 0 ? 150 : Math.round(150 + 50 * t);
    return "rgb(" + r + "," + Math.max(60, gr) + "," + 60 + ")";
  }

  function layout(nodes, edges) {
    // Deterministic start on a circle so the picture is the same every load.
    nodes.forEach((n, i) => {
      const a = 2 * Math.PI * i / nodes.length;
      n.x = W / 2 + Math.cos(a) * W / 4; n.y = H / 2 + Math.sin(a) * H / 4; n.vx = 0; n.vy = 0;
    });
    const k = Math.sqrt(W * H / Math.max(1, nodes.length)) * 0.6;
    for (let it = 0; it < 300; it++) {
      const cool = 1 - it / 300;
      for (const a of nodes) {
        for (const b of nodes) {
          if (a === b) continue;
          let dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy || 0.01;
          const f = k * k / d2;
          a.vx += dx * f * 0.05; a.vy += dy * f * 0.05;
        }
      }
      for (const e of edges) {
        const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const f = (d - k) / d * 0.05;
        e.s.vx += dx * f; e.s.vy += dy * f; e.t.vx -= dx * f; e.t.vy -= dy * f;
      }
      for (const n of nodes) {
        n.vx += (W / 2 - n.x) * 0.01; n.vy += (H / 2 - n.y) * 0.01;
        const v = Math.sqrt(n.vx * n.vx + n.vy * n.vy), cap = 20 * cool + 1;
        if (v > cap) { n.vx *= cap / v; n.vy *= cap / v; }
        n.x = Math.max(40, Math.min(W - 40, n.x + n.vx));
        n.y = Math.max(30, Math.min(H - 40, n.y + n.vy));
        n.vx *= 0.5; n.vy *= 0.5;
      }
    }
  }

  function draw(res) {
    clear(canvas);
    clear(details).append(el("p", {class: "hint", text: "Click a node."}));
    canvas.setAttribute("viewBox", "0 0 " + W + " " + H);
    // A readable picture has at most MAX_NODES nodes: keep the most active.
    const nodes = res.nodes.map(n => Object.assign({}, n))
                           .sort((a, b) => (b.events || 0) - (a.events || 0)).slice(0, MAX_NODES);
    const byId = new Map(nodes.map(n => [n.id, n]));
    const edges = res.edges.filter(e => byId.has(e.source) && byId.has(e.target) && e.source !== e.target)
                           .map(e => Object.assign({s: byId.get(e.source), t: byId.get(e.target)}, e));
    if (!nodes.length) {
      canvas.append(svg("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty",
                                 text: "No links yet: add articles to the store."}));
      return;
    }
    layout(nodes, edges);
    const defs = svg("defs", {}, svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
                                                markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse",
                                                orient: "auto"},
                                      svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#666"})));
    canvas.append(defs);
    const maxE = Math.max(1, ...edges.map(e => e.events));
    const maxN = Math.max(1, ...nodes.map(n => n.events || 1));
    const radius = n => 6 + 14 * Math.sqrt((n.events || 1) / maxN);
    const edgeLayer = svg("g", {class: "edges"}), nodeLayer = svg("g", {class: "nodes"});
    canvas.append(edgeLayer, nodeLayer);
    for (const e of edges) {
      // A pair linked both ways gets two curves, one each side, instead of one line.
      e.bend = edges.some(o => o.s === e.t && o.t === e.s) ? 0.18 : 0;
      e.line = svg("path", {stroke: goldsteinColor(e.mean_goldstein), "stroke-width": 1 + 5 * e.events / maxE,
                            fill: "none", "marker-end": "url(#arrow)", class: "edge"});
      e.line.append(svg("title", {text: e.s.label + " → " + e.t.label + ": " + e.events + " events, mean Goldstein " + fmt(e.mean_goldstein)}));
      edgeLayer.append(e.line);
    }
    for (const n of nodes) {
      n.g = svg("g", {class: "node", tabindex: 0, "data-id": n.id});
      // Labels sit under their node (clear of most edges and arrowheads); near a
      // side of the frame they are anchored inwards so none is cut off.
      const anchor = n.x < 130 ? "start" : n.x > W - 130 ? "end" : "middle";
      const dx = anchor === "start" ? -radius(n) : anchor === "end" ? radius(n) : 0;
      n.g.append(svg("circle", {r: radius(n)}),
                 svg("text", {x: dx, y: radius(n) + 13, "text-anchor": anchor, text: n.label}),
                 svg("title", {text: n.label + " · " + (n.events || 0) + " events"}));
      nodeLayer.append(n.g);
    }
    function place() {
      for (const e of edges) {
        const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        const rt = radius(e.t) + 3;
        // control point off the midpoint, perpendicular to the edge
        const cx = (e.s.x + e.t.x) / 2 - dy * e.bend, cy = (e.s.y + e.t.y) / 2 + dx * e.bend;
        const ex = e.t.x - cx, ey = e.t.y - cy, ed = Math.sqrt(ex * ex + ey * ey) || 1;
        const x2 = e.t.x - ex / ed * rt, y2 = e.t.y - ey / ed * rt;
        e.line.setAttribute("d", "M" + e.s.x.toFixed(1) + "," + e.s.y.toFixed(1) + " Q" + cx.toFixed(1) + "," +
                                 cy.toFixed(1) + " " + x2.toFixed(1) + "," + y2.toFixed(1));
      }
      for (const n of nodes) n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
    }
    place();

    function select(n) {
      for (const m of nodes) m.g.classList.toggle("selected", m === n);
      const mine = edges.filter(e => e.s === n || e.t === n);
      const near = new Set(mine.flatMap(e => [e.s, e.t]));
      for (const m of nodes) m.g.classList.toggle("faded", !near.has(m) && m !== n);
      for (const e of edges) e.line.classList.toggle("faded", !mine.includes(e));
      const filter = level === "country" ? "country=" : "actor_name=";
      clear(details).append(el("h3", {text: n.label}),
                            dl([["Code", n.code || n.id], ["Country", n.country || n.id],
                                ["Events", n.events],
                                ["", el("a", {href: "/events?" + filter + encodeURIComponent(n.id),
                                              text: "its events →"})]]));
      const ul = el("ul", {class: "items"});
      for (const e of mine.sort((a, b) => b.events - a.events)) {
        const a = el("a", {href: "/events?" + (level === "country"
          ? "actor_country=" + encodeURIComponent(e.s.id) + "&recipient_country=" + encodeURIComponent(e.t.id)
          : "actor_name=" + encodeURIComponent(e.s.id) + "&recipient_name=" + encodeURIComponent(e.t.id))});
        a.textContent = e.s.label + " → " + e.t.label + ": " + e.events + " event(s), Goldstein " + fmt(e.mean_goldstein);
        ul.append(el("li", {}, a));
      }
      details.append(el("h4", {text: "Links"}), ul);
    }

    // Dragging: pointer events on the node, coordinates mapped into the viewBox.
    let dragging = null, moved = false;
    function toSvg(ev) {
      const pt = canvas.createSVGPoint(); pt.x = ev.clientX; pt.y = ev.clientY;
      return pt.matrixTransform(canvas.getScreenCTM().inverse());
    }
    for (const n of nodes) {
      n.g.addEventListener("pointerdown", ev => { dragging = n; moved = false; n.g.setPointerCapture(ev.pointerId); });
      n.g.addEventListener("pointermove", ev => {
        if (dragging !== n) return;
        const p = toSvg(ev); n.x = p.x; n.y = p.y; moved = true; place();
      });
      n.g.addEventListener("pointerup", () => { if (!moved) select(n); dragging = null; });
      n.g.addEventListener("keydown", ev => { if (ev.key === "Enter") select(n); });
    }
  }

  let level = "country";
  async function load() {
    const min = Math.max(1, parseInt(minInput.value, 10) || 1);
    level = levelInput.value;
    const url = "/api/network?level=" + encodeURIComponent(level) + "&min_events=" + min;
    document.querySelector("a.twin").href = url;
    setStatus(status, "Loading…");
    try {
      const res = await api(url);
      draw(res);
      const shown = Math.min(res.nodes.length, MAX_NODES);
      setStatus(status, (shown < res.nodes.length ? "the " + shown + " most active of " : "") +
                        res.nodes.length + " nodes, " + res.edges.length + " links");
    } catch (err) {
      setStatus(status, err.message, true);
    }
  }
  form.addEventListener("submit", e => { e.preventDefault(); load(); });
  levelInput.addEventListener("change", load);
  if (params().get("level") === "actor") levelInput.value = "actor";
  load();
})();
