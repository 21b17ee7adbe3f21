// Map: Natural Earth country outlines (world-atlas, vendored) in an
// equirectangular projection, with one circle per event location. No tiles.
// Circles: colour by the place's main quad class, area by fatalities (or by
// events); a time slider narrows the dates; labels never overlap (the busiest
// places are labelled first, the others show their name on hover or focus).
"use strict";

(async function () {
  const canvas = document.getElementById("map");
  const status = document.getElementById("status");
  const details = document.getElementById("details");
  const sizeBy = document.getElementById("size-by");
  const fromRange = document.getElementById("from-range"), toRange = document.getElementById("to-range");
  const fromLabel = document.getElementById("from-label"), toLabel = document.getElementById("to-label");
  const W = 960, H = 480, LABEL_PX = 12;
  const px = lon => (lon + 180) / 360 * W, py = lat => (90 - lat) / 180 * H;
  const q = params();
  let view = {x: 0, y: 0, w: W, h: H};
  let places = [], scale = {events: 1, fatalities: 1}, dayZero = null;

  // -- dates on the slider: whole days from the first located event ---------
  const DAY = 86400000;
  const toDay = iso => Math.round((Date.parse(iso.slice(0, 10) + "T00:00:00Z") - dayZero) / DAY);
  const toIso = n => new Date(dayZero + n * DAY).toISOString().slice(0, 10);

  function radius(p) {
    // Area proportional to the measure; a place with none of it is a small dot.
    const by = sizeBy.value, v = by === "events" ? p.events : p.fatalities;
    if (!v) return 3;
    return 4 + 16 * Math.sqrt(v / scale[by]);
  }

  function ringPath(ring) {
    let d = "", prev = null;
    for (const [lon, lat] of ring) {
      // Break the line where a ring crosses the antimeridian instead of smearing across the map.
      const jump = prev !== null && Math.abs(lon - prev) > 180;
      d += (d === "" || jump ? "M" : "L") + px(lon).toFixed(1) + "," + py(lat).toFixed(1);
      prev = lon;
    }
    return d + "Z";
  }
  function geomPath(g) {
    if (!g) return "";
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return polys.map(p => p.map(ringPath).join("")).join("");
  }

  clear(canvas);
  canvas.append(svg("rect", {x: -W, y: -H, width: 3 * W, height: 3 * H, class: "sea"}));
  const land = svg("g", {class: "land"}), marks = svg("g", {class: "marks"});
  const labels = svg("g", {class: "labels"});
  canvas.append(land, marks, labels);
  for (let lon = -180; lon <= 180; lon += 30) land.append(svg("line", {x1: px(lon), x2: px(lon), y1: 0, y2: H, class: "graticule"}));
  for (let lat = -60; lat <= 60; lat += 30) land.append(svg("line", {x1: 0, x2: W, y1: py(lat), y2: py(lat), class: "graticule"}));
  try {
    const topo = await api("/static/vendor/world-atlas-2.0.2-countries-110m.json");
    const fc = topojson.feature(topo, topo.objects.countries);
    for (const f of fc.features) {
      const p = svg("path", {d: geomPath(f.geometry), class: "country"});
      p.append(svg("title", {text: (f.properties && f.properties.name) || ""}));
      land.append(p);
    }
  } catch (err) {
    setStatus(status, "cannot draw the countries: " + err.message, true);
  }

  // -- labels: greedy placement, busiest place first, never overlapping ------
  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }
  function placeLabels() {
    const k = view.w / W, taken = [];
    // Circles are obstacles too: a label never covers another place.
    const circles = [...marks.querySelectorAll("circle.place")].map(c => {
      const r = c.dataset.r * k;
      return {name: c.dataset.name, x: +c.getAttribute("cx") - r, y: +c.getAttribute("cy") - r, w: 2 * r, h: 2 * r};
    });
    for (const t of labels.querySelectorAll("text.place-label")) {
      const x = +t.dataset.x, y = +t.dataset.y, r = +t.dataset.r * k;
      const w = (+t.dataset.w + 2) * k, h = (LABEL_PX + 3) * k, gap = 3 * k;  // glyphs fit inside
      t.setAttribute("font-size", (LABEL_PX * k).toFixed(2));
      t.style.strokeWidth = (3 * k).toFixed(2);  // the white halo keeps 3 screen pixels
      // Right, left, above, below the circle: the first free spot wins.
      const spots = [[x + r + gap, y - h / 2], [x - r - gap - w, y - h / 2],
                     [x - w / 2, y - r - gap - h], [x - w / 2, y + r + gap]];
      const free = spots.map(([sx, sy]) => ({x: sx, y: sy, w, h})).find(b =>
        !taken.some(o => overlaps(b, o)) && !circles.some(c => c.name !== t.dataset.name && overlaps(b, c)));
      // A label with no free spot hides; hovering its circle shows it on the right.
      t.classList.toggle("hidden", !free);
      if (free) taken.push(free);
      const at = free || {x: spots[0][0], y: spots[0][1]};
      t.setAttribute("x", (at.x + k).toFixed(2));
      t.setAttribute("y", (at.y + 12 * k).toFixed(2));
    }
  }

  // Circles keep their size on screen whatever the zoom: radii are scaled by the view.
  function setView() {
    canvas.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(v => v.toFixed(1)).join(" "));
    const k = view.w / W;
    for (const c of marks.querySelectorAll("circle.place")) c.setAttribute("r", (c.dataset.r * k).toFixed(2));
    placeLabels();
  }

  function showLabel(name, on) {
    for (const t of labels.querySelectorAll("text.place-label")) {
      if (t.dataset.name === name) t.classList.toggle("hover", on);
    }
  }

  function select(p, node) {
    for (const c of marks.querySelectorAll("circle")) c.classList.toggle("selected", c === node);
    const rows = [["Events", p.events], ["Fatalities", p.fatalities],
                  ["Coordinates", p.lat.toFixed(2) + ", " + p.lon.toFixed(2)]];
    for (const k of [1, 2, 3, 4]) {
      if (p.counts[k]) rows.push([QUAD[k], el("span", {}, el("span", {class: "swatch", style: "background:" + QUAD_COLOR[k]}),
                                                   " " + p.counts[k])]);
    }
    clear(details).append(el("h3", {text: p.name + (p.country ? ", " + p.country : "")}), dl(rows));
    const ul = el("ul", {class: "items"});
    for (const ev of p.sample || []) {
      const a = el("a", {href: "/events/" + encodeURIComponent(ev.id)});
      a.textContent = (ev.date || "") + " " + ev.type + (ev.fatalities ? " (" + ev.fatalities + " dead)" : "") +
                      (ev.sentence ? ": " + ev.sentence.slice(0, 90) : "");
      ul.append(el("li", {}, a));
    }
    details.append(ul);
  }

  function draw() {
    clear(marks); clear(labels);
    const shown = places.slice().sort((a, b) => radius(b) - radius(a));  // small circles on top
    for (const p of shown) {
      const r = radius(p);
      const c = svg("circle", {cx: px(p.lon), cy: py(p.lat), r, "data-r": r, "data-name": p.name,
                               "data-quad": p.quad_class || "", fill: QUAD_COLOR[p.quad_class] || "#888",
                               class: "place", tabindex: 0});
      c.append(svg("title", {text: p.name + ": " + p.events + " event(s), " + p.fatalities + " fatalities"}));
      c.addEventListener("click", () => select(p, c));
      c.addEventListener("keydown", e => { if (e.key === "Enter") select(p, c); });
      for (const [ev, on] of [["mouseenter", true], ["mouseleave", false], ["focus", true], ["blur", false]]) {
        c.addEventListener(ev, () => showLabel(p.name, on));
      }
      marks.append(c);
    }
    // Label candidates, most important first (the order placeLabels keeps).
    const byWeight = places.slice().sort((a, b) => radius(b) - radius(a) || b.events - a.events);
    for (const p of byWeight) {
      const t = svg("text", {class: "place-label", "data-x": px(p.lon), "data-y": py(p.lat),
                             "data-r": radius(p), "data-name": p.name, "font-size": LABEL_PX, text: p.name});
      labels.append(t);
      t.dataset.w = t.getComputedTextLength() * 1.02 || p.name.length * 7;
    }
    setView();
  }

  function legend() {
    const box = clear(document.getElementById("legend"));
    for (const k of [1, 2, 3, 4]) {
      box.append(el("span", {class: "lg-item", "data-quad": k},
                    el("span", {class: "swatch", style: "background:" + QUAD_COLOR[k]}), " " + QUAD[k]));
    }
    box.append(el("span", {class: "hint", text: sizeBy.value === "events"
      ? "Circle area: number of events." : "Circle area: fatalities reported; a dot: none reported."}));
  }

  function range() {
    // The whole span is no filter: undated events stay on the map.
    if (dayZero === null || (+fromRange.value === 0 && +toRange.value === +toRange.max)) return {};
    return {date_from: toIso(+fromRange.value), date_to: toIso(+toRange.value)};
  }

  async function load() {
    const r = range(), p = new URLSearchParams(r);
    const url = "/api/places" + (p.toString() ? "?" + p.toString() : "");
    document.querySelector("a.twin").href = url;
    for (const [id, path] of [["download-csv", "/api/events.csv"], ["download-parquet", "/api/events.parquet"]]) {
      document.getElementById(id).href = path + (p.toString() ? "?" + p.toString() : "");
    }
    if (dayZero !== null) {
      fromLabel.textContent = toIso(+fromRange.value); toLabel.textContent = toIso(+toRange.value);
      const u = new URLSearchParams(r.date_from ? {from: r.date_from, to: r.date_to} : {});
      if (sizeBy.value !== "fatalities") u.set("size", sizeBy.value);
      history.replaceState(null, "", "/map" + (u.toString() ? "?" + u.toString() : ""));
    }
    try {
      const res = await api(url);
      places = res.places.filter(x => x.lat !== null && x.lon !== null);
      draw();
      const events = places.reduce((s, x) => s + x.events, 0), dead = places.reduce((s, x) => s + x.fatalities, 0);
      setStatus(status, places.length ? places.length + " places, " + events + " events, " + dead + " fatalities" +
                                        (r.date_from ? " from " + r.date_from + " to " + r.date_to : "")
                                      : "No located events in these dates.");
    } catch (err) {
      setStatus(status, err.message, true);
    }
  }

  // First load: the whole span, to fix the slider's ends and the size scale.
  let first;
  try {
    first = await api("/api/places");
  } catch (err) {
    setStatus(status, err.message, true);
    return;
  }
  places = first.places.filter(p => p.lat !== null && p.lon !== null);
  scale = {events: Math.max(1, ...places.map(p => p.events)),
           fatalities: Math.max(1, ...places.map(p => p.fatalities))};
  if (q.get("size") === "events") sizeBy.value = "events";
  if (first.span && first.span.from) {
    dayZero = Date.parse(first.span.from + "T00:00:00Z");
    const last = toDay(first.span.to);
    for (const input of [fromRange, toRange]) { input.min = 0; input.max = last; }
    const clamp = (iso, fallback) => {
      if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return fallback;
      return Math.max(0, Math.min(last, toDay(iso)));
    };
    fromRange.value = clamp(q.get("from"), 0);
    toRange.value = clamp(q.get("to"), last);
    document.getElementById("slider").hidden = false;
  }
  legend();
  if (!places.length) {
    setStatus(status, "No event has a location yet: add articles to the store.");
  }
  // Start zoomed on the events (with a margin), not on the whole world.
  if (places.length) {
    const xs = places.map(p => px(p.lon)), ys = places.map(p => py(p.lat));
    const x0 = Math.min(...xs) - 25, x1 = Math.max(...xs) + 25, y0 = Math.min(...ys) - 15, y1 = Math.max(...ys) + 15;
    let w = Math.max(x1 - x0, 60), h = w / 2;
    if (y1 - y0 > h) { h = y1 - y0; w = 2 * h; }
    view = {x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h};
  }
  await load();

  let timer = null;
  function onSlide(moved) {
    // The two ends never cross: moving one past the other pushes it along.
    if (+fromRange.value > +toRange.value) {
      if (moved === fromRange) toRange.value = fromRange.value; else fromRange.value = toRange.value;
    }
    fromLabel.textContent = toIso(+fromRange.value); toLabel.textContent = toIso(+toRange.value);
    clearTimeout(timer);
    timer = setTimeout(load, 120);
  }
  fromRange.addEventListener("input", () => onSlide(fromRange));
  toRange.addEventListener("input", () => onSlide(toRange));
  sizeBy.addEventListener("change", () => { legend(); load(); });

  canvas.addEventListener("wheel", e => {
    e.preventDefault();
    const f = e.deltaY > 0 ? 1.25 : 0.8;
    const r = canvas.getBoundingClientRect();
    const mx = view.x + (e.clientX - r.left) / r.width * view.w, my = view.y + (e.clientY - r.top) / r.height * view.h;
    view = {x: mx - (mx - view.x) * f, y: my - (my - view.y) * f, w: view.w * f, h: view.h * f};
    setView();
  }, {passive: false});
  let pan = null;
  canvas.addEventListener("pointerdown", e => { if (e.target.tagName !== "circle") pan = {x: e.clientX, y: e.clientY, v: view}; });
  canvas.addEventListener("pointermove", e => {
    if (!pan) return;
    const r = canvas.getBoundingClientRect();
    view = {x: pan.v.x - (e.clientX - pan.x) / r.width * pan.v.w, y: pan.v.y - (e.clientY - pan.y) / r.height * pan.v.h,
            w: pan.v.w, h: pan.v.h};
    setView();
  });
  window.addEventListener("pointerup", () => { pan = null; });
})();
