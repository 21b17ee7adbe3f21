"""Read-only queries of the event store for analytics, exports and the web API.

The store's tables and columns are named in the store modules only (``store``,
``store_schema``, ``store_rows``, ``store_queries``, ``filters``, ``feedstore``;
``tests/test_layout.py`` checks it). Analytics, the exports and the server call these
functions and shape what they return into series, graphs, files and JSON. Each
takes an open :class:`~communique.store.Store` and reads through ``Store.execute``.
Negated events are left out everywhere here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .filters import cluster_where, event_where
from .store import Store

__all__ = ["PERIODS", "sentence_texts", "place_summary", "dyad_counts", "network_edges",
           "actor_attributes", "top_counts", "clusters_with_first_event"]

QUAD_CLASSES = (1, 2, 3, 4)

# SQL for the period an ISO date falls in; a month-only date ("2022-09") has no day
# or week, so it counts only in monthly series.
PERIODS = {
    "day": "CASE WHEN length(date) >= 10 THEN substr(date, 1, 10) END",
    "week": "CASE WHEN length(date) >= 10 THEN date(substr(date, 1, 10), 'weekday 0', '-6 days') END",
    "month": "CASE WHEN length(date) >= 7 THEN substr(date, 1, 7) || '-01' END",
    "year": "CASE WHEN length(date) >= 4 THEN substr(date, 1, 4) || '-01-01' END",
}

_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


def _conditions(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """Event filters (``filters.event_where``) as SQL conditions on ``events e``, joined
    with AND; negated events are left out."""
    where, params = event_where(filters)
    return where.removeprefix(" WHERE "), params


def sentence_texts(store: Store, event_ids: list[int]) -> dict[int, str]:
    """The sentence text of each event, by the event's store id."""
    out: dict[int, str] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        rows = store.execute(
            f"SELECT e.pk, {_SENTENCE} FROM events e JOIN articles a ON a.pk = e.article_pk"
            f" WHERE e.pk IN ({', '.join('?' * len(chunk))})", chunk)
        out.update((r[0], r[1]) for r in rows)
    return out


def place_summary(store: Store, limit: int = 500, per_place: int = 8,
                  **filters: Any) -> dict[str, Any]:
    """Event locations with counts, fatalities and a few events each, busiest first.

    Args:
        filters: event filters (``type``, ``date_from``, ``date_to`` ...).

    Returns:
        ``{"places": [...], "span": {"from", "to"}}``. Each place has ``name``,
        ``country``, ``lat``, ``lon``, ``events``, ``fatalities`` (the sum of the
        numbers its events report), ``counts`` per quad class, ``quad_class`` (the
        class with most events; a tie goes to the more conflictual one) and
        ``sample`` (up to ``per_place`` events, latest first). ``span`` is the date
        range of every located event (for a time slider), whatever the filters.
    """
    cond, params = _conditions(filters)
    cond = f"e.location IS NOT NULL AND {cond}"
    key = ("e.location_name, e.location_country, json_extract(e.location, '$.lat'),"
           " json_extract(e.location, '$.lon')")
    quad = ", ".join(f"SUM(e.quad_class = {q}) AS q{q}" for q in QUAD_CLASSES)
    rows = store.execute(
        f"SELECT {key}, COUNT(*) AS n, SUM(e.fatalities) AS dead, {quad} FROM events e"
        f" WHERE {cond} GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 1 LIMIT ?", [*params, limit])
    places = {}
    for r in rows:
        counts = {str(q): r[f"q{q}"] or 0 for q in QUAD_CLASSES}
        top = max(QUAD_CLASSES, key=lambda q: (counts[str(q)], q)) if r["n"] else None
        places[(r[0], r[1], r[2], r[3])] = {
            "name": r[0], "country": r[1], "lat": r[2], "lon": r[3], "events": r["n"],
            "fatalities": r["dead"] or 0, "counts": counts,
            "quad_class": top if top and counts[str(top)] else None, "sample": []}
    span = store.execute("SELECT MIN(substr(date, 1, 10)), MAX(substr(date, 1, 10))"
                         " FROM events WHERE location IS NOT NULL AND negated = 0"
                         " AND date IS NOT NULL")[0]
    out = {"places": list(places.values()), "span": {"from": span[0], "to": span[1]}}
    if not places:
        return out
    sample = store.execute(
        f"SELECT * FROM (SELECT e.pk, e.type, e.date, e.quad_class, e.fatalities, {key},"
        f" {_SENTENCE},"
        f" ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY e.date DESC, e.pk) AS k"
        f" FROM events e JOIN articles a ON a.pk = e.article_pk WHERE {cond})"
        " WHERE k <= ?", [*params, per_place])
    for r in sample:
        p = places.get((r[5], r[6], r[7], r[8]))
        if p is not None:
            p["sample"].append({"id": r[0], "type": r[1], "date": r[2], "quad_class": r[3],
                                "fatalities": r[4], "sentence": r[9]})
    return out


# -- dyads ------------------------------------------------------------------------

def _side(term: str) -> tuple[str, str]:
    """SQL condition on actors ``ac`` matching one side of a dyad, and its parameter."""
    term = term.strip()
    if re.fullmatch(r"[A-Z]{3}", term):
        return "ac.country = ?", term
    if re.fullmatch(r"[A-Z]{3}[A-Z]{3,}", term):
        return "ac.code = ?", term
    return "ac.name = ? COLLATE NOCASE", term


def _has(role: str, cond: str) -> str:
    return ("EXISTS (SELECT 1 FROM event_actors ea JOIN actors ac ON ac.pk = ea.actor_pk "
            f"WHERE ea.event_pk = e.pk AND ea.role = '{role}' AND {cond})")


def _dyad_sql(store: Store, a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """SQL condition on events ``e`` between ``a`` and ``b``, and its parameters."""
    (ca, pa), (cb, pb) = _side(a), _side(b)
    # Start from the events of the rarer side, then check the other side event by
    # event: "USA" may have 100 times the events of "GBR".
    rows = {term: store.execute(f"SELECT COUNT(*) FROM actors ac WHERE {cond}", [param])[0][0]
            for term, cond, param in ((a, ca, pa), (b, cb, pb))}
    cd, pd_ = (ca, pa) if rows[a] <= rows[b] else (cb, pb)
    driver = ("e.pk IN (SELECT ea.event_pk FROM actors ac JOIN event_actors ea "
              f"ON ea.actor_pk = ac.pk WHERE {cd})")
    if directed:
        return (f"{driver} AND {_has('actor', ca)} AND {_has('recipient', cb)}",
                [pd_, pa, pb])
    # Reciprocal events list both sides as actors ("Armenia and Azerbaijan clashed").
    return (f"{driver} AND (({_has('actor', ca)} AND {_has('recipient', cb)})"
            f" OR ({_has('actor', cb)} AND {_has('recipient', ca)})"
            f" OR ({_has('actor', ca)} AND {_has('actor', cb)}))",
            [pd_, pa, pb, pb, pa, pa, pb])


def dyad_counts(store: Store, a: str, b: str, period: str, span: tuple[str, str],
                directed: bool = False, **filters: Any) -> list[dict[str, Any]]:
    """Deduplicated events between two sides per period and quad class.

    Args:
        a, b: a country code (``IRN``), an actor code (``IRNGOV``) or an actor name.
        period: a key of ``PERIODS``.
        span: the first and last period start kept (ISO dates); events dated
            outside it are left out.
        directed: only ``a`` as actor and ``b`` as recipient; by default both
            directions count, and so do events listing both as actors.
        filters: event filters (``date_from``, ``date_to`` ...).

    Returns:
        Rows with ``period`` (ISO date of its start), ``quad_class``, ``n`` (events),
        ``gsum`` (Goldstein sum) and ``gn`` (events with a score), by period.
    """
    dyad, params = _dyad_sql(store, a, b, directed)
    cond, fparams = _conditions(filters)
    # One row per deduplicated event: a cluster's members share type, actors and date.
    sql = f"""
        SELECT period, quad_class, COUNT(*) AS n, SUM(goldstein) AS gsum, COUNT(goldstein) AS gn
        FROM (SELECT {PERIODS[period]} AS period, MIN(e.quad_class) AS quad_class,
                     AVG(e.goldstein) AS goldstein
              FROM events e WHERE {cond} AND {dyad}
              GROUP BY e.cluster_pk)
        WHERE period BETWEEN ? AND ?
        GROUP BY period, quad_class ORDER BY period"""
    return [dict(r) for r in store.execute(sql, [*fparams, *params, *span])]


# -- the network and summaries -------------------------------------------------------

def network_edges(store: Store, level: str = "country", no_recipient: str | None = None,
                  **filters: Any) -> list[dict[str, Any]]:
    """Actor -> recipient pairs with their events, as rows.

    Args:
        level: ``country`` (sides are country codes; actors without one left out) or
            ``actor`` (actor names).
        no_recipient: the name that stands for the missing side of events with an
            actor and no recipient; None leaves those events out.
        filters: event filters (``type``, ``date_from``, ``date_to`` ...).

    Returns:
        Rows with ``src``, ``dst``, ``events`` (deduplicated), ``mentions``
        (per-article events), ``mean_goldstein`` and ``q1`` .. ``q4`` (deduplicated
        events per quad class).
    """
    if level == "country":
        src, dst = "a1.country", "a2.country"
        extra = "a1.country IS NOT NULL AND a2.country IS NOT NULL"
    elif level == "actor":
        src, dst = "a1.name", "a2.name"
        extra = "1"
    else:
        raise ValueError(f"level {level!r}: use 'country' or 'actor'")
    cond, params = _conditions(filters)
    quad_cols = ", ".join(f"COUNT(DISTINCT CASE WHEN e.quad_class = {q} THEN e.cluster_pk END)"
                          f" AS q{q}" for q in QUAD_CLASSES)
    rows = store.execute(f"""
        SELECT {src} AS src, {dst} AS dst, COUNT(DISTINCT e.cluster_pk) AS events,
               COUNT(DISTINCT e.pk) AS mentions, AVG(e.goldstein) AS mean_goldstein, {quad_cols}
        FROM events e
        JOIN event_actors x ON x.event_pk = e.pk AND x.role = 'actor'
        JOIN actors a1 ON a1.pk = x.actor_pk
        JOIN event_actors y ON y.event_pk = e.pk AND y.role = 'recipient'
        JOIN actors a2 ON a2.pk = y.actor_pk
        WHERE {extra} AND {cond}
        GROUP BY src, dst""", params)
    if no_recipient is not None:
        rows = [*rows, *store.execute(f"""
            SELECT {src} AS src, ? AS dst, COUNT(DISTINCT e.cluster_pk) AS events,
                   COUNT(DISTINCT e.pk) AS mentions, AVG(e.goldstein) AS mean_goldstein,
                   {quad_cols}
            FROM events e
            JOIN event_actors x ON x.event_pk = e.pk AND x.role = 'actor'
            JOIN actors a1 ON a1.pk = x.actor_pk
            WHERE {src} IS NOT NULL AND {cond}
              AND NOT EXISTS (SELECT 1 FROM event_actors y
                              WHERE y.event_pk = e.pk AND y.role = 'recipient')
            GROUP BY src""", [no_recipient, *params])]
    return [dict(r) for r in rows]


def actor_attributes(store: Store, names: list[str]) -> dict[str, dict[str, Any]]:
    """The ``country``, ``sector`` and ``code`` of each actor name: its most frequent
    resolution across articles."""
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(names), 500):
        chunk = names[i:i + 500]
        for r in store.execute(
                "SELECT name, country, sector, code, COUNT(*) AS n FROM actors "
                f"WHERE name IN ({', '.join('?' * len(chunk))}) "
                "GROUP BY name, country, sector ORDER BY n", chunk):
            # Rows come in rising count: the most frequent resolution is written last.
            out[r["name"]] = {"country": r["country"], "sector": r["sector"], "code": r["code"]}
    return out


def top_counts(store: Store, n: int = 10, **filters: Any) -> dict[str, Any]:
    """The top ``n`` event types, actors, countries and country dyads, counts by quad
    class, and totals (deduplicated ``events``, per-article ``mentions``, ``articles``,
    ``date_min``, ``date_max``). ``filters``: event filters (``date_from`` ...)."""
    cond, params = _conditions(filters)
    base = f"FROM events e WHERE {cond}"

    def rows(sql: str, p: list[Any]) -> list[dict[str, Any]]:
        return [dict(r) for r in store.execute(sql, p)]

    part = ("FROM events e JOIN event_actors ea ON ea.event_pk = e.pk "
            f"JOIN actors ac ON ac.pk = ea.actor_pk WHERE {cond}")
    return {
        "totals": rows(f"SELECT COUNT(DISTINCT e.cluster_pk) AS events, COUNT(*) AS mentions, "
                       f"COUNT(DISTINCT e.article_pk) AS articles, MIN(e.date) AS date_min, "
                       f"MAX(e.date) AS date_max {base}", params)[0],
        "quad_classes": rows(
            f"SELECT e.quad_class, COUNT(DISTINCT e.cluster_pk) AS events {base} "
            f"AND e.quad_class IS NOT NULL GROUP BY e.quad_class ORDER BY e.quad_class",
            params),
        "types": rows(f"SELECT e.type, COUNT(DISTINCT e.cluster_pk) AS events, "
                      f"COUNT(*) AS mentions {base} GROUP BY e.type "
                      f"ORDER BY events DESC, e.type LIMIT ?", [*params, n]),
        "actors": rows(f"SELECT ac.name, ac.country, ac.sector, "
                       f"COUNT(DISTINCT e.cluster_pk) AS events {part} "
                       f"GROUP BY ac.name, ac.country, ac.sector "
                       f"ORDER BY events DESC, ac.name LIMIT ?", [*params, n]),
        "countries": rows(f"SELECT ac.country, COUNT(DISTINCT e.cluster_pk) AS events {part} "
                          f"AND ac.country IS NOT NULL GROUP BY ac.country "
                          f"ORDER BY events DESC, ac.country LIMIT ?", [*params, n]),
        "dyads": rows(
            "SELECT a1.country AS actor, a2.country AS recipient, "
            "COUNT(DISTINCT e.cluster_pk) AS events, ROUND(AVG(e.goldstein), 3) "
            "AS mean_goldstein FROM events e "
            "JOIN event_actors x ON x.event_pk = e.pk AND x.role = 'actor' "
            "JOIN actors a1 ON a1.pk = x.actor_pk "
            "JOIN event_actors y ON y.event_pk = e.pk AND y.role = 'recipient' "
            "JOIN actors a2 ON a2.pk = y.actor_pk "
            f"WHERE a1.country IS NOT NULL AND a2.country IS NOT NULL AND {cond} "
            f"GROUP BY a1.country, a2.country "
            f"ORDER BY events DESC, actor, recipient LIMIT ?", [*params, n]),
    }


# -- exports --------------------------------------------------------------------------

def clusters_with_first_event(store: Store, include_negated: bool = False,
                              **filters: Any) -> Iterator[dict[str, Any]]:
    """Every deduplicated event (``filters.cluster_where`` filters) with its first
    per-article event, a page at a time (few queries, not one each).

    Yields dicts with ``id``, ``date``, ``num_mentions``, ``num_articles``,
    ``num_sources``, ``first_added`` (when its first article was stored), ``event``
    (an event dict as ``Store.query_events`` gives), ``is_root`` (1 when some article
    reporting it has it in its first sentence that holds any event, the article's
    lead event, else 0) and ``url`` (the first URL among the articles reporting it).
    """
    where, params = cluster_where({**filters, "include_negated": include_negated})
    last = 0
    while True:
        rows = store.execute(
            f"SELECT c.*, (SELECT MIN(pk) FROM events WHERE cluster_pk = c.pk) AS first_event, "
            f"(SELECT MAX(m.sentence_start = (SELECT MIN(x.sentence_start) FROM events x "
            f"WHERE x.article_pk = m.article_pk)) FROM events m WHERE m.cluster_pk = c.pk) "
            f"AS is_root, "
            f"(SELECT a.url FROM events m JOIN articles a ON a.pk = m.article_pk "
            f"WHERE m.cluster_pk = c.pk AND a.url IS NOT NULL AND a.url != '' "
            f"ORDER BY m.pk LIMIT 1) AS url "
            f"FROM event_clusters c{where}{' AND' if where else ' WHERE'} c.pk > ? "
            f"ORDER BY c.pk LIMIT 2000", [*params, last])
        if not rows:
            return
        events = _events_by_pk(store, [r["first_event"] for r in rows])
        for r in rows:
            e = events[r["first_event"]]
            yield {"id": r["pk"], "date": r["date"], "num_mentions": r["num_mentions"],
                   "num_articles": r["num_articles"], "num_sources": r["num_sources"],
                   "first_added": e.pop("_ingested_at"), "event": e,
                   "is_root": r["is_root"], "url": r["url"]}
        last = rows[-1]["pk"]


def _events_by_pk(store: Store, pks: list[int]) -> dict[int, dict[str, Any]]:
    rows = store.execute(
        "SELECT e.*, a.id AS article_id, a.title, a.url, a.published, a.source, "
        "a.ingested_at FROM events e JOIN articles a ON a.pk = e.article_pk "
        f"WHERE e.pk IN ({', '.join('?' * len(pks))})", pks)
    events = store.event_dicts(rows)
    for e, r in zip(events, rows):
        e["_ingested_at"] = r["ingested_at"]
    return {e["id"]: e for e in events}
