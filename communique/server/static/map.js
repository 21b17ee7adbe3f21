// Map: Natural Earth country outlines (world-atlas, vendored) in an
// equirectangular projection, with one circle per event location. No tiles.
"use strict";

(async function () {
  const canvas = document.getElementById("map");
  const status = document.getElementById("status");
  const details = document.getElementById("details");
  const W = 960, H = 480;
  const px = lon => (lon + 180) / 360 * W, py = lat => (90 - lat) / 180 * H;
  let view = {x: 0, y: 0, w: W, h: H};
  // Circles keep their size on screen whatever the zoom: radii are scaled by the view.
  const setView = () => {
    canvas.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(v => v.toFixed(1)).join(" "));
    const k = view.w / W;
    for (const c of canvas.querySelectorAll("circle.place")) c.setAttribute("r", (c.dataset.r * k).toFixed(2));
    for (const t of canvas.querySelectorAll("text.place-label")) {
      t.setAttribute("font-size", (12 * k).toFixed(2));
      t.setAttribute("x", (+t.dataset.x + (+t.dataset.r + 3) * k).toFixed(2));
      t.setAttribute("y", (+t.dataset.y + 4 * k).toFixed(2));
    }
  };

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
  setView();
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

  let places = [];
  try {
    places = (await api("/api/places")).places.filter(p => p.lat !== null && p.lon !== null);
  } catch (err) {
    setStatus(status, err.message, true);
    return;
  }
  const maxC = Math.max(1, ...places.map(p => p.events));
  function select(p, node) {
    for (const c of marks.querySelectorAll("circle")) c.classList.toggle("selected", c === node);
    clear(details).append(el("h3", {text: p.name + (p.country ? ", " + p.country : "")}),
                          dl([["Events", p.events], ["Coordinates", p.lat.toFixed(2) + ", " + p.lon.toFixed(2)]]));
    const ul = el("ul", {class: "items"});
    for (const ev of p.sample || []) {
      const a = el("a", {href: "/events/" + encodeURIComponent(ev.id)});
      a.textContent = (ev.date || "") + " " + ev.type + (ev.sentence ? ": " + ev.sentence.slice(0, 90) : "");
      ul.append(el("li", {}, a));
    }
    details.append(ul);
  }
  for (const p of places.sort((a, b) => b.events - a.events)) {
    const c = svg("circle", {cx: px(p.lon), cy: py(p.lat), r: 4 + 14 * Math.sqrt(p.events / maxC),
                             "data-r": 4 + 14 * Math.sqrt(p.events / maxC), class: "place", tabindex: 0});
    c.append(svg("title", {text: p.name + ": " + p.events + " event(s)"}));
    c.addEventListener("click", () => select(p, c));
    c.addEventListener("keydown", e => { if (e.key === "Enter") select(p, c); });
    marks.append(c);
  }
  for (const p of places.slice(0, 30)) {  // label the busiest places only
    labels.append(svg("text", {class: "place-label", "data-x": px(p.lon), "data-y": py(p.lat),
                               "data-r": 4 + 14 * Math.sqrt(p.events / maxC), text: p.name}));
  }
  setStatus(status, places.length ? places.length + " places, " + places.reduce((s, p) => s + p.events, 0) + " events"
                                  : "No event has a location yet: add articles to the store.");
  // Start zoomed on the events (with a margin), not on the whole world.
  if (places.length) {
    const xs = places.map(p => px(p.lon)), ys = places.map(p => py(p.lat));
    let x0 = Math.min(...xs) - 60, x1 = Math.max(...xs) + 60, y0 = Math.min(...ys) - 40, y1 = Math.max(...ys) + 40;
    let w = Math.max(x1 - x0, 160), h = w / 2;
    if (y1 - y0 > h) { h = y1 - y0; w = 2 * h; }
    view = {x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h};
  }
  setView();
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
