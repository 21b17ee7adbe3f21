// One event: its article with the event's sentence highlighted and scrolled to.
"use strict";

(async function () {
  const title = document.getElementById("event-title");
  const status = document.getElementById("status");
  const doc = document.getElementById("annotated");
  const details = document.getElementById("details");
  const id = title.dataset.eventId;
  try {
    const res = await api("/api/events/" + encodeURIComponent(id));
    const ev = res.event, art = res.article;
    const rec = {actors: res.actors || []};
    title.textContent = ev.type + (ev.mode ? " (" + ev.mode + ")" : "") + " · " +
                        actorLabel(rec, ev.actor) + " → " + actorLabel(rec, ev.recipient);
    const spans = [{start: ev.sentence.start, end: ev.sentence.end, cls: "sentence"},
                   {start: ev.trigger.start, end: ev.trigger.end, cls: "t"}];
    const involved = new Set([...(ev.actor || []), ...(ev.recipient || [])].map(a => a.id));
    for (const a of rec.actors) {
      if (!involved.has(a.id)) continue;
      for (const m of a.mentions || []) spans.push({start: m.start, end: m.end, cls: "a"});
    }
    renderSpans(doc, art.text, spans, null);
    const first = doc.querySelector(".sentence");
    if (first) first.scrollIntoView({block: "center"});
    details.append(
      el("h3", {text: "Article"}),
      dl([["Title", art.title], ["Published", art.published], ["Id", art.id],
          ["URL", art.url && /^https?:\/\//i.test(art.url)
                   ? el("a", {href: art.url, rel: "noopener noreferrer nofollow", text: art.url}) : art.url]]),
      el("h3", {text: "Event " + ev.id + " (" + ev.event_id + " in its article)"}), dl(eventRows(rec, ev)));
    // Other articles only: not this article again (a second mention in it, or a
    // copy stored under another id at the same URL), and each article once.
    const seen = new Set([ev.article_id, art.url ? "url:" + art.url : null]);
    const others = [];
    for (const m of (ev.cluster && ev.cluster.mentions) || []) {
      const keys = [m.article_id, m.url ? "url:" + m.url : null];
      if (m.event_id === ev.id || keys.some(k => k && seen.has(k))) continue;
      for (const k of keys) if (k) seen.add(k);
      others.push(m);
    }
    if (others.length) {
      const ul = el("ul", {class: "items"});
      for (const m of others) {
        const a = el("a", {href: "/events/" + encodeURIComponent(m.event_id)});
        a.textContent = (m.title || m.article_id) + (m.source ? " · " + m.source : "");
        ul.append(el("li", {}, a));
      }
      details.append(el("h3", {text: "Also reported in"}), ul);
    }
  } catch (err) {
    setStatus(status, err.message, true);
  }
})();
