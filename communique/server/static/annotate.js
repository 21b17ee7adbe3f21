// Annotate: POST /api/code, then show actors, triggers and quotes in the text.
"use strict";

(function () {
  const form = document.getElementById("code-form");
  const textBox = document.getElementById("article-text");
  const published = document.getElementById("published");
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  const doc = document.getElementById("annotated");
  const details = document.getElementById("details");
  let pieces = new Map();
  let record = null;

  function items(rec) {
    const spans = [];
    for (const a of rec.actors || []) {
      const item = {kind: "actor", obj: a};
      for (const m of a.mentions || []) {
        spans.push({start: m.start, end: m.end, cls: "a", item, prio: 1,
                    title: a.name + (a.code ? " · " + a.code : "")});
      }
    }
    for (const ev of rec.events || []) {
      if (!ev.trigger) continue;
      spans.push({start: ev.trigger.start, end: ev.trigger.end, cls: "t", prio: 0,
                  item: {kind: "event", obj: ev}, title: ev.type + (ev.cameo ? " · CAMEO " + ev.cameo : "")});
    }
    for (const pl of rec.places || []) {
      const item = {kind: "place", obj: pl};
      for (const m of pl.mentions || []) {
        spans.push({start: m.start, end: m.end, cls: "p", item, prio: 1.5,
                    title: pl.name + (pl.country ? ", " + pl.country : "")});
      }
    }
    for (const q of rec.quotes || []) {
      spans.push({start: q.start, end: q.end, cls: "q", prio: 2,
                  item: {kind: "quote", obj: q}, title: q.kind + " quote"});
    }
    return spans;
  }

  function show(item) {
    clear(details);
    const o = item.obj;
    if (item.kind === "event") {
      details.append(el("h3", {text: o.id + " · " + o.type}), dl(eventRows(record, o)));
      const s = o.sentence;
      if (s) details.append(el("blockquote", {class: "sentence", text: record.text.slice(s.start, s.end)}));
    } else if (item.kind === "actor") {
      details.append(el("h3", {text: o.id + " · " + o.name}), dl([
        ["Kind", o.kind], ["Code", o.code], ["Country", o.country], ["Sector", o.sector],
        ["Role", o.role], ["Mentions", (o.mentions || []).map(m => "“" + m.text + "”")],
        ["Events", (record.events || []).filter(e => (e.actor || []).includes(o.id) ||
                                                     (e.recipient || []).includes(o.id))
                                        .map(e => e.id + " " + e.type)],
      ]));
    } else if (item.kind === "place") {
      details.append(el("h3", {text: o.name + (o.country ? ", " + o.country : "")}), dl([
        ["Country", o.country], ["Precision", o.precision],
        ["Coordinates", o.lat !== null && o.lat !== undefined ? o.lat.toFixed(2) + ", " + o.lon.toFixed(2) : null],
        ["Mentions", (o.mentions || []).map(m => "“" + m.text + "”")],
        ["Events here", (record.events || []).filter(e => e.location && e.location.name === o.name &&
                                                         e.location.country === o.country)
                                             .map(e => e.id + " " + e.type)],
      ]));
    } else {
      details.append(el("h3", {text: o.id + " · " + o.kind + " quote"}), dl([
        ["Speaker", actorLabel(record, o.speaker ? [o.speaker] : [])],
        ["Speaker mention", o.speaker_mention ? "“" + o.speaker_mention.text + "”" : null],
        ["Cue", o.cue],
      ]), el("blockquote", {class: "sentence", text: o.text}));
    }
    const found = [...pieces.keys()].find(k => k.obj === o);
    selectPieces(pieces, found);
  }

  function list(id, countId, things, label) {
    const ol = clear(document.getElementById(id));
    document.getElementById(countId).textContent = "(" + things.length + ")";
    for (const t of things) {
      const li = el("li", {}, el("button", {type: "button", class: "link",
                                            onclick: () => show(t)}, label(t.obj)));
      ol.append(li);
    }
    if (!things.length) ol.append(el("li", {class: "hint", text: "none"}));
  }

  function render(rec) {
    record = rec;
    const spans = items(rec);
    pieces = renderSpans(doc, rec.text, spans, show);
    const byKind = k => [...new Set(spans.filter(s => s.item.kind === k).map(s => s.item))];
    list("event-list", "n-events", byKind("event"), e =>
      e.id + " " + e.type + (e.mode ? " (" + e.mode + ")" : "") + " — " + actorLabel(rec, e.actor) +
      " → " + actorLabel(rec, e.recipient) + (e.date ? " · " + e.date : ""));
    list("actor-list", "n-actors", byKind("actor"), a =>
      a.name + " · " + (a.code || a.kind) + " · " + (a.mentions || []).length + " mention(s)");
    list("place-list", "n-places", byKind("place"), pl =>
      pl.name + (pl.country ? ", " + pl.country : "") + " · " + (pl.mentions || []).length + " mention(s)");
    list("quote-list", "n-quotes", byKind("quote"), q =>
      q.id + " " + q.kind + " — " + actorLabel(rec, q.speaker ? [q.speaker] : []) + ": “" +
      (q.text.length > 80 ? q.text.slice(0, 80) + "…" : q.text) + "”");
    clear(details).append(el("p", {class: "hint", text: "Click a highlighted span."}));
    result.hidden = false;
  }

  function body() {
    // A pasted web page goes as HTML: the server keeps its main text only.
    const isHtml = /^\s*</.test(textBox.value) && /<\/(p|div|html|body|article)>/i.test(textBox.value);
    const b = isHtml ? {html: textBox.value} : {text: textBox.value};
    if (published.value) b.published = published.value;
    return b;
  }

  form.addEventListener("submit", async e => {
    e.preventDefault();
    if (!textBox.value.trim()) { setStatus(status, "Paste an article first.", true); return; }
    setStatus(status, "Coding…");
    try {
      const rec = await api("/api/code", {json: body()});
      render(rec);
      setStatus(status, (rec.events || []).length + " events, " + (rec.actors || []).length +
                        " actors, " + (rec.quotes || []).length + " quotes");
    } catch (err) {
      setStatus(status, err.message, true);
    }
  });

  document.getElementById("store-btn").addEventListener("click", async () => {
    if (!textBox.value.trim()) { setStatus(status, "Paste an article first.", true); return; }
    setStatus(status, "Adding to the store…");
    try {
      const res = await api("/api/articles", {json: {articles: [body()]}});
      if (res.errors.length) setStatus(status, "Not added: " + res.errors[0].message, true);
      else {
        const id = res.added[0] || res.skipped[0];
        setStatus(status, (res.added.length ? "Added article " : "Already stored: article ") + id + " · ");
        status.append(el("a", {href: "/events?article_id=" + encodeURIComponent(id), text: "its events →"}));
      }
    } catch (err) {
      setStatus(status, err.message, true);
    }
  });
})();
