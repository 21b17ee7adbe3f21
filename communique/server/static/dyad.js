// Dyad: quad-class counts (stacked bars) and mean Goldstein (line) per period
// between two countries, drawn as plain SVG from /api/dyads/{a}/{b}/series.
"use strict";

(function () {
  const form = document.getElementById("dyad-form");
  const selA = document.getElementById("a"), selB = document.getElementById("b");
  const period = document.getElementById("period");
  const status = document.getElementById("status");
  const chart = document.getElementById("chart");
  const caption = document.getElementById("chart-title");
  const table = document.getElementById("dyad-table");

  function draw(res) {
    clear(chart);
    const rows = res.series || [];
    const W = 920, H = 450, L = 48, R = 16, T = 36;
    const barsH = 230, gap = 40, lineH = 120;
    const root = svg("svg", {viewBox: "0 0 " + W + " " + H, width: "100%", class: "dyad-chart",
                             role: "img", "aria-label": "Dyad time series"});
    chart.append(root);
    if (!rows.length) {
      root.append(svg("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty",
                               text: "No events between these two in the store."}));
      return;
    }
    const n = rows.length, step = (W - L - R) / n, bw = Math.max(2, Math.min(40, step * 0.7));
    const x = i => L + step * i + step / 2;
    const maxCount = Math.max(1, ...rows.map(r => [1, 2, 3, 4].reduce((s, k) => s + (r.counts[k] || 0), 0)));
    const yc = v => T + barsH - (v / maxCount) * barsH;
    // count axis
    const ticks = [...new Set([0, Math.ceil(maxCount / 2), maxCount])];
    for (const t of ticks) {
      root.append(svg("line", {x1: L, x2: W - R, y1: yc(t), y2: yc(t), class: "grid"}),
                  svg("text", {x: L - 6, y: yc(t) + 4, "text-anchor": "end", class: "tick", text: String(t)}));
    }
    root.append(svg("text", {x: 12, y: T + barsH / 2, class: "axis-label",
                             transform: "rotate(-90 12 " + (T + barsH / 2) + ")", "text-anchor": "middle",
                             text: "events"}));
    rows.forEach((r, i) => {
      let base = 0;
      for (const k of [1, 2, 3, 4]) {
        const c = r.counts[k] || 0;
        if (!c) continue;
        const rect = svg("rect", {x: x(i) - bw / 2, y: yc(base + c), width: bw, height: yc(base) - yc(base + c),
                                  fill: QUAD_COLOR[k], class: "bar q" + k});
        rect.append(svg("title", {text: r.period + ": " + c + " × " + QUAD[k]}));
        root.append(rect);
        base += c;
      }
    });
    // Goldstein panel, fixed −10..10 so charts compare across dyads
    const g0 = T + barsH + gap;
    const yg = v => g0 + lineH / 2 - (v / 10) * (lineH / 2);
    for (const t of [-10, 0, 10]) {
      root.append(svg("line", {x1: L, x2: W - R, y1: yg(t), y2: yg(t), class: t === 0 ? "zero" : "grid"}),
                  svg("text", {x: L - 6, y: yg(t) + 4, "text-anchor": "end", class: "tick", text: String(t)}));
    }
    root.append(svg("text", {x: 12, y: g0 + lineH / 2, class: "axis-label", "text-anchor": "middle",
                             transform: "rotate(-90 12 " + (g0 + lineH / 2) + ")", text: "Goldstein"}));
    const pts = rows.map((r, i) => r.goldstein_mean === null || r.goldstein_mean === undefined ? null
                                                                : [x(i), yg(r.goldstein_mean), r]);
    let d = "", pen = false;
    for (const p of pts) {
      if (!p) { pen = false; continue; }
      d += (pen ? "L" : "M") + p[0].toFixed(1) + "," + p[1].toFixed(1);
      pen = true;
    }
    if (d) root.append(svg("path", {d, class: "goldstein-line"}));
    for (const p of pts) {
      if (!p) continue;
      const dot = svg("circle", {cx: p[0], cy: p[1], r: 4, class: "goldstein-dot"});
      dot.append(svg("title", {text: p[2].period + ": mean Goldstein " + goldstein(p[2].goldstein_mean)}));
      root.append(dot);
    }
    // period labels, thinned so they never overlap
    const every = Math.ceil(n / Math.max(1, Math.floor((W - L - R) / 70)));
    rows.forEach((r, i) => {
      if (i % every) return;
      root.append(svg("text", {x: x(i), y: H - 6, "text-anchor": "middle", class: "tick", text: r.period}));
    });
    // legend
    let lx = L;
    for (const k of [1, 2, 3, 4]) {
      root.append(svg("rect", {x: lx, y: 6, width: 10, height: 10, fill: QUAD_COLOR[k]}),
                  svg("text", {x: lx + 14, y: 15, class: "legend", text: QUAD[k]}));
      lx += 150;
    }
    root.append(svg("line", {x1: lx + 4, x2: lx + 22, y1: 11, y2: 11, class: "goldstein-line"}),
                svg("text", {x: lx + 27, y: 15, class: "legend", text: "mean Goldstein (−10 … +10)"}));
  }

  function fillTable(res) {
    const head = clear(table.tHead), body = clear(table.tBodies[0]);
    head.append(el("tr", {}, ["Period", ...[1, 2, 3, 4].map(k => QUAD[k]), "Events", "Mean Goldstein"]
                               .map(h => el("th", {text: h}))));
    for (const r of res.series || []) {
      body.append(el("tr", {}, [r.period, ...[1, 2, 3, 4].map(k => r.counts[k] || 0), r.events,
                                goldstein(r.goldstein_mean)]
                               .map(v => el("td", {text: String(v)}))));
    }
  }

  // Download links: the dyad's events, one direction per pair of links, as
  // /api/events filters (a country side by country, a name by name). A side
  // given as an actor code has no /api/events filter: no links then.
  function downloads(a, b) {
    const box = document.getElementById("downloads");
    const side = s => /^[A-Z]{3}$/.test(s) ? "country" : /^[A-Z]{3}[A-Z]{3,}$/.test(s) ? null : "name";
    box.hidden = !side(a) || !side(b);
    if (box.hidden) return;
    for (const [id, src, dst] of [["ab", a, b], ["ba", b, a]]) {
      const p = new URLSearchParams();
      p.set("actor_" + side(src), src);
      p.set("recipient_" + side(dst), dst);
      const span = document.getElementById("dl-" + id);
      span.querySelector(".dl-label").textContent = src + " → " + dst + ":";
      const suffix = id === "ab" ? "" : "-ba";
      document.getElementById("download-csv" + suffix).href = "/api/events.csv?" + p.toString();
      document.getElementById("download-parquet" + suffix).href = "/api/events.parquet?" + p.toString();
    }
  }

  async function show() {
    const a = selA.value, b = selB.value;
    if (!a || !b) return;
    const url = "/api/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b) +
                "/series?period=" + encodeURIComponent(period.value);
    document.querySelector("a.twin").href = url;
    downloads(a, b);
    history.replaceState(null, "", "/dyad?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b) +
                                   "&period=" + encodeURIComponent(period.value));
    setStatus(status, "Loading…");
    try {
      const res = await api(url);
      caption.textContent = a + " ↔ " + b + " · events per " + period.value;
      draw(res);
      fillTable(res);
      setStatus(status, (res.series || []).reduce((s, r) => s + r.events, 0) + " events");
    } catch (err) {
      setStatus(status, err.message, true);
    }
  }

  async function init() {
    const q = params();
    if (q.get("period")) period.value = q.get("period");
    let countries = [];
    try {
      const res = await api("/api/actors?limit=500");
      const seen = new Map();
      for (const a of res.actors) {
        if (a.country && !seen.has(a.country)) seen.set(a.country, 0);
        if (a.country) seen.set(a.country, seen.get(a.country) + (a.num_events || 0));
      }
      countries = [...seen.entries()].sort((x, y) => y[1] - x[1]).map(e => e[0]);
    } catch (err) {
      setStatus(status, err.message, true);
    }
    for (const c of [q.get("a"), q.get("b")]) if (c && !countries.includes(c)) countries.push(c);
    for (const sel of [selA, selB]) for (const c of countries) sel.append(el("option", {value: c, text: c}));
    selA.value = q.get("a") || countries[0] || "";
    selB.value = q.get("b") || countries[1] || countries[0] || "";
    if (!countries.length) setStatus(status, "The store has no actors yet: add articles first.", true);
    show();
  }

  form.addEventListener("submit", e => { e.preventDefault(); show(); });
  init();
})();
