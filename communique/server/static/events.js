// Events: the filter form is a plain GET form; this script reads the same
// query string, asks /api/events and fills the table.
"use strict";

(function () {
  const FILTERS = {type: "f-type", actor_name: "f-actor", country: "f-country",
                   actor_country: "f-actor-country", recipient_country: "f-recipient-country",
                   quad_class: "f-quad", date_from: "f-from", date_to: "f-to", text: "f-text",
                   order: "f-order"};
  const PAGE = 50;
  const status = document.getElementById("summary");
  const tbody = document.querySelector("#events-table tbody");
  const q = params();

  // Put the query back into the form (value is a property: never parsed as HTML).
  for (const [name, id] of Object.entries(FILTERS)) {
    if (q.has(name)) document.getElementById(id).value = q.get(name);
  }
  const offset = Math.max(0, parseInt(q.get("offset") || "0", 10) || 0);

  function names(list) {
    return (list || []).map(a => a.name + (a.code ? " (" + a.code + ")" : "")).join(" + ") || "—";
  }

  // Reported deaths; a dash where the article gives no number (not zero).
  function fatalities(ev) {
    return ev.fatalities === null || ev.fatalities === undefined ? "—" : String(ev.fatalities);
  }

  // Download links: every event matching the filters in the URL, as the
  // export writes them (no paging).
  function downloads(filters) {
    const p = new URLSearchParams(filters);
    p.delete("limit"); p.delete("offset"); p.delete("order");
    const qs = p.toString() ? "?" + p.toString() : "";
    document.getElementById("download-csv").href = "/api/events.csv" + qs;
    document.getElementById("download-parquet").href = "/api/events.parquet" + qs;
  }

  function row(ev) {
    const link = el("a", {href: "/events/" + encodeURIComponent(ev.id),
                          title: "Show this sentence in its article"});
    const sentence = (ev.sentence && ev.sentence.text) || ev.trigger.text;
    link.textContent = sentence.length > 160 ? sentence.slice(0, 160) + "…" : sentence;
    const type = el("td", {}, el("span", {class: "tag q" + (ev.quad_class || 0), text: ev.type}),
                    ev.mode ? " " + ev.mode : "",
                    ev.modality && ev.modality !== "asserted" ? el("div", {class: "hint", text: ev.modality}) : null,
                    ev.negated ? el("div", {class: "hint", text: "negated"}) : null);
    const name = (ev.title || ev.article_id) + (ev.source ? " · " + ev.source : "");
    // The article's own page, where the store knows it (feeds, JSONL with url).
    const safe = /^https?:\/\//i.test(ev.url || "");
    const article = el("div", {class: "hint"}, safe ?
      el("a", {class: "article-url", href: ev.url, rel: "noopener noreferrer", target: "_blank", text: name}) : name);
    return el("tr", {"data-event-id": ev.id},
      el("td", {class: "nowrap", text: fmt(ev.date)}),
      type,
      el("td", {text: names(ev.actor) + " → " + names(ev.recipient)}),
      el("td", {text: fmt(ev.cameo)}),
      el("td", {class: "num", text: goldstein(ev.goldstein)}),
      el("td", {class: "num fatalities", text: fatalities(ev)}),
      el("td", {text: ev.location ? ev.location.name + (ev.location.country ? ", " + ev.location.country : "") : "—"}),
      el("td", {class: "sentence-cell"}, link, article));
  }

  function pageLink(node, newOffset) {
    const p = params();
    p.set("offset", String(newOffset));
    node.href = "/events?" + p.toString();
    node.hidden = false;
  }

  async function load() {
    // Every filter in the URL goes to the API, also those without a form field
    // (article_id, cluster_id, mode, context… as the JSON twin documents them).
    const p = new URLSearchParams();
    for (const [name, value] of q) if (value && name !== "limit" && name !== "offset") p.set(name, value);
    if (!p.has("order")) p.set("order", "newest");  // the page's default: latest news first
    downloads(p);
    p.set("limit", String(PAGE));
    p.set("offset", String(offset));
    document.querySelector("a.twin").href = "/api/events?" + p.toString();
    setStatus(status, "Loading…");
    try {
      const res = await api("/api/events?" + p.toString());
      clear(tbody);
      for (const ev of res.events) tbody.append(row(ev));
      const shown = res.events.length;
      setStatus(status, res.total === 0 ? "No events match these filters." :
        "Events " + (offset + 1) + "–" + (offset + shown) + " of " + res.total);
      if (offset > 0) pageLink(document.getElementById("prev"), Math.max(0, offset - PAGE));
      if (offset + shown < res.total) pageLink(document.getElementById("next"), offset + PAGE);
    } catch (err) {
      setStatus(status, err.message, true);
    }
  }
  load();
})();
