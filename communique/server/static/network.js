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
        // Gravity strong enough to keep loose components in the frame, not on its walls.
        n.vx += (W / 2 - n.x) * 0.03; n.vy += (H / 2 - n.y) * 0.03;
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
    // The "(no recipient)" node (placeholder) is not laid out as a hub: each actor
    // with such events gets its own dashed stub instead (see drawStubs).
    const holder = new Set(res.nodes.filter(n => n.placeholder).map(n => n.id));
    const nodes = res.nodes.filter(n => !n.placeholder).map(n => Object.assign({}, n))
                           .sort((a, b) => (b.events || 0) - (a.events || 0)).slice(0, MAX_NODES);
    const byId = new Map(nodes.map(n => [n.id, n]));
    const edges = res.edges.filter(e => byId.has(e.source) && byId.has(e.target) && e.source !== e.target)
                           .map(e => Object.assign({s: byId.get(e.source), t: byId.get(e.target)}, e));
    const stubs = res.edges.filter(e => holder.has(e.target) && byId.has(e.source))
                           .map(e => Object.assign({s: byId.get(e.source), stub: true}, e));
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
    const stubLayer = svg("g", {class: "stubs"});
    canvas.append(edgeLayer, stubLayer, nodeLayer);
    for (const e of stubs) {
      e.line = svg("line", {stroke: goldsteinColor(e.mean_goldstein), "stroke-width": 1 + 5 * e.events / maxE,
                            class: "edge stub", "data-source": e.s.id});
      e.end = svg("g", {class: "stub-end", "data-source": e.s.id},
                  svg("circle", {r: 5}), svg("text", {y: 3.5, "text-anchor": "middle", text: "∅"}));
      const tip = e.s.label + " → no recipient: " + e.events + " event(s), mean Goldstein " + goldstein(e.mean_goldstein);
      e.line.append(svg("title", {text: tip}));
      e.end.append(svg("title", {text: tip}));
      stubLayer.append(e.line, e.end);
    }
    for (const e of edges) {
      // A pair linked both ways gets two curves, one each side, instead of one line.
      e.bend = edges.some(o => o.s === e.t && o.t === e.s) ? 0.18 : 0;
      e.line = svg("path", {stroke: goldsteinColor(e.mean_goldstein), "stroke-width": 1 + 5 * e.events / maxE,
                            fill: "none", "marker-end": "url(#arrow)", class: "edge"});
      e.line.append(svg("title", {text: e.s.label + " → " + e.t.label + ": " + e.events + " events, mean Goldstein " + goldstein(e.mean_goldstein)}));
      edgeLayer.append(e.line);
    }
    for (const n of nodes) {
      n.g = svg("g", {class: "node", tabindex: 0, "data-id": n.id});
      n.text = svg("text", {class: "node-label", text: n.label});
      n.g.append(svg("circle", {r: radius(n)}), n.text,
                 svg("title", {text: n.label + " · " + (n.events || 0) + " events"}));
      nodeLayer.append(n.g);
      n.textW = n.text.getComputedTextLength() || n.label.length * 7;
      for (const [ev, on] of [["mouseenter", true], ["mouseleave", false], ["focus", true], ["blur", false]]) {
        n.g.addEventListener(ev, () => n.g.classList.toggle("hover", on));
      }
    }
    // Labels never overlap each other or another node: the busiest nodes are
    // labelled first, under, over, right or left of their circle, inside the
    // frame; a label with no free spot hides and shows on hover or focus.
    function overlaps(a, b) {
      return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    }
    function placeLabels() {
      const taken = [], LH = 16;  // a 12px label's glyphs with a pixel to spare
      const circles = nodes.map(m => ({m, x: m.x - radius(m), y: m.y - radius(m), w: 2 * radius(m), h: 2 * radius(m)}))
        .concat(stubs.map(e => ({m: null, x: e.x - 6, y: e.y - 6, w: 12, h: 12})));  // ∅ ends too
      for (const n of nodes) {  // nodes are sorted busiest first
        const r = radius(n), w = n.textW + 2;
        const spots = [[-w / 2, r + 2], [-w / 2, -r - 2 - LH], [r + 3, -LH / 2], [-r - 3 - w, -LH / 2]];
        let free = null;
        for (const [sx, dy] of spots) {
          // Near a side of the frame a label under or over its node slides inwards.
          const dx = dy === -LH / 2 ? sx : Math.max(-n.x, Math.min(W - w - n.x, sx));
          const b = {x: n.x + dx, y: n.y + dy, w, h: LH};
          if (b.x < 0 || b.x + w > W || b.y < 0 || b.y + LH > H) continue;
          if (taken.some(o => overlaps(b, o))) continue;
          if (circles.some(c => c.m !== n && overlaps(b, c))) continue;
          free = {dx, dy, b};
          break;
        }
        n.g.classList.toggle("label-hidden", !free);
        const at = free || {dx: spots[0][0], dy: spots[0][1]};
        if (free) taken.push(free.b);
        n.text.setAttribute("x", (at.dx + 1).toFixed(1));
        n.text.setAttribute("y", (at.dy + 12.5).toFixed(1));
      }
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
      drawStubs();
      placeLabels();
    }
    // A stub points away from the middle of the picture, out of the crowd.
    function drawStubs() {
      for (const e of stubs) {
        const dx = e.s.x - W / 2, dy = e.s.y - H / 2, d = Math.sqrt(dx * dx + dy * dy) || 1;
        const ux = d > 1 ? dx / d : 0, uy = d > 1 ? dy / d : -1, len = radius(e.s) + 30;
        const x = Math.max(8, Math.min(W - 8, e.s.x + ux * len)), y = Math.max(8, Math.min(H - 8, e.s.y + uy * len));
        e.line.setAttribute("x1", e.s.x.toFixed(1)); e.line.setAttribute("y1", e.s.y.toFixed(1));
        e.line.setAttribute("x2", x.toFixed(1)); e.line.setAttribute("y2", y.toFixed(1));
        e.end.setAttribute("transform", "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")");
        e.x = x; e.y = y;
      }
    }
    place();

    function select(n) {
      for (const m of nodes) m.g.classList.toggle("selected", m === n);
      const mine = edges.filter(e => e.s === n || e.t === n);
      const near = new Set(mine.flatMap(e => [e.s, e.t]));
      for (const m of nodes) m.g.classList.toggle("faded", !near.has(m) && m !== n);
      for (const e of edges) e.line.classList.toggle("faded", !mine.includes(e));
      for (const e of stubs) for (const x of [e.line, e.end]) x.classList.toggle("faded", e.s !== n);
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
        a.textContent = e.s.label + " → " + e.t.label + ": " + e.events + " event(s), Goldstein " + goldstein(e.mean_goldstein);
        ul.append(el("li", {}, a));
      }
      for (const e of stubs.filter(x => x.s === n)) {
        ul.append(el("li", {class: "no-recipient", text: e.s.label + " → no recipient: " + e.events +
                                                         " event(s), Goldstein " + goldstein(e.mean_goldstein)}));
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
      const real = res.nodes.filter(n => !n.placeholder).length;
      const shown = Math.min(real, MAX_NODES);
      const lone = res.edges.filter(e => res.nodes.some(n => n.placeholder && n.id === e.target))
                            .reduce((sum, e) => sum + e.events, 0);
      setStatus(status, (shown < real ? "the " + shown + " most active of " : "") + real + " nodes, " +
                        res.edges.length + " links" + (lone ? ", " + lone + " event(s) without a recipient (dashed ∅)" : ""));
    } catch (err) {
      setStatus(status, err.message, true);
    }
  }
  form.addEventListener("submit", e => { e.preventDefault(); load(); });
  levelInput.addEventListener("change", load);
  if (params().get("level") === "actor") levelInput.value = "actor";
  load();
})();
