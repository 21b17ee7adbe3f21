// Shared helpers for every page. Article text is untrusted: nodes are built with
// createElement + textContent only; nothing here parses HTML strings.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
// Quad classes: labels and colours come from the server (communique.analytics,
// the palette of the CLI charts too), on the body element of every page.
const QUAD = {}, QUAD_COLOR = {};
for (const q of JSON.parse(document.body.dataset.quadPalette || "[]")) {
  QUAD[q.quad_class] = q.label;
  QUAD_COLOR[q.quad_class] = q.color;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c) node.append(c);
  return node;
}

// fetch JSON; on an error response throw the server's own message.
async function api(path, options) {
  const opts = Object.assign({headers: {}}, options || {});
  if (opts.json !== undefined) {
    opts.method = opts.method || "POST";
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(opts.json);
    delete opts.json;
  }
  let res;
  try {
    res = await fetch(path, opts);
  } catch (e) {
    throw new Error("cannot reach the server: " + e.message);
  }
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
    throw new Error(msg);
  }
  return body;
}

function setStatus(node, message, isError) {
  node.textContent = message || "";
  node.classList.toggle("error", !!isError);
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

// Goldstein scores always with one decimal ("3.4", "1.0", "-10.0").
function goldstein(v) {
  return v === null || v === undefined || v === "" ? "—" : Number(v).toFixed(1);
}

function fmt(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.join(", ") : "—";
  if (typeof v === "number" && !Number.isInteger(v)) return v.toFixed(2);
  return String(v);
}

// A definition list of [label, value] rows; a value may be a Node.
function dl(rows) {
  const list = el("dl", {class: "kv"});
  for (const [k, v] of rows) {
    list.append(el("dt", {text: k}), el("dd", {}, v instanceof Node ? v : fmt(v)));
  }
  return list;
}

function actorLabel(rec, ids) {
  if (!ids || !ids.length) return "—";
  return ids.map(id => {
    // Store events carry actor dicts; records carry record-local ids.
    const a = typeof id === "object" ? id : (rec.actors || []).find(x => x.id === id);
    return a ? a.name + (a.code ? " (" + a.code + ")" : "") : id;
  }).join(" + ");
}

function placeLabel(loc) {
  if (!loc) return "—";
  let s = loc.name || "?";
  if (loc.country) s += ", " + loc.country;
  if (loc.lat !== null && loc.lat !== undefined) s += " (" + loc.lat.toFixed(2) + ", " + loc.lon.toFixed(2) + ")";
  return s;
}

function eventRows(rec, ev) {
  return [
    ["Type", ev.type + (ev.mode ? " (" + ev.mode + ")" : "")],
    ["Contexts", ev.contexts],
    ["CAMEO", ev.cameo],
    ["Quad class", ev.quad_class ? ev.quad_class + " · " + QUAD[ev.quad_class] : null],
    ["Goldstein", goldstein(ev.goldstein)],
    ["Actor → recipient", actorLabel(rec, ev.actor) + " → " + actorLabel(rec, ev.recipient)],
    ["Date", ev.date ? ev.date + " (" + ev.date_precision + ")" +
                        (ev.date_text ? " · “" + ev.date_text + "”" : "") : null],
    ["Place", placeLabel(ev.location)],
    ["Modality", ev.modality + (ev.negated ? " · negated" : "")],
    ["Fatalities / injured", (ev.fatalities ?? "—") + " / " + (ev.injured ?? "—")],
    ["Trigger", ev.trigger ? "“" + ev.trigger.text + "”" : null],
    ["Confidence", ev.confidence],
  ];
}

// Split text at every span boundary; each piece knows every span covering it.
// spans: [{start, end, cls, item}] -> appends <span>/<text> pieces to container.
// Returns a Map item -> [piece nodes] so callers can select an item's pieces.
function renderSpans(container, text, spans, onPick) {
  clear(container);
  const cuts = new Set([0, text.length]);
  const ok = spans.filter(s => Number.isInteger(s.start) && Number.isInteger(s.end) &&
                               s.start >= 0 && s.end <= text.length && s.start < s.end);
  for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = new Map();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = ok.filter(s => s.start <= a && s.end >= b);
    const chunk = text.slice(a, b);
    if (!covering.length) { container.append(document.createTextNode(chunk)); continue; }
    const node = el("span", {class: [...new Set(covering.map(s => s.cls))].join(" ")});
    node.textContent = chunk;
    // The innermost (shortest) span is what a click means.
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start) || (x.prio || 0) - (y.prio || 0));
    const pick = covering.find(s => s.item) || null;
    if (pick && onPick) {
      node.classList.add("clickable");
      node.tabIndex = 0;
      node.title = pick.title || "";
      node.addEventListener("click", () => onPick(pick.item));
      node.addEventListener("keydown", e => { if (e.key === "Enter") onPick(pick.item); });
    }
    for (const s of covering) {
      if (!s.item) continue;
      if (!pieces.has(s.item)) pieces.set(s.item, []);
      pieces.get(s.item).push(node);
    }
    container.append(node);
  }
  return pieces;
}

function selectPieces(pieces, item) {
  for (const nodes of pieces.values()) for (const n of nodes) n.classList.remove("selected");
  const mine = pieces.get(item) || [];
  for (const n of mine) n.classList.add("selected");
  if (mine.length) mine[0].scrollIntoView({block: "nearest", behavior: "smooth"});
}

function params() { return new URLSearchParams(window.location.search); }
