"""Event filters, declared once: the names the store, the CLI and the web API take,
and the SQL each becomes.

``EVENT_FILTERS`` lists the keyword filters of ``Store.query_events``; the CLI's
``query``/``export`` options and the API's ``/api/events`` parameters use the same
names. ``event_where`` and ``cluster_where`` turn filters into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EventFilter:
    """One filter of ``Store.query_events``: its keyword (also the API's query parameter),
    its CLI option, and what it takes.

    ``kind``: ``country`` (ISO alpha-3, upper-cased), ``type`` (a PLOVER type, upper-cased),
    ``text``, ``int``, ``date`` (YYYY-MM-DD, inclusive) or ``flag``. ``many``: the CLI
    option repeats (the API's ``country`` and ``type`` parameters take comma-separated
    lists; other values may hold commas, as article ids do). ``choices``: the values
    allowed (for ``int``, the range). ``max_length``: the longest value the API takes.
    """

    name: str
    option: str | None  # None: not a CLI option
    help: str | None = None
    kind: str = "text"
    many: bool = False
    metavar: str | None = None
    choices: tuple[Any, ...] = ()
    max_length: int | None = None


# The event filters, declared once: the store (SQL in event_where), the CLI's query and
# export options (store_cli.add_event_filters) and the API's event parameters
# (server.app.event_filter_params) all read them.
EVENT_FILTER_TABLE: tuple[EventFilter, ...] = (
    EventFilter("actor_country", "--actor-country", "country of the actor (source) side",
                "country", True, "ISO3"),
    EventFilter("actor_sector", "--actor-sector", "sector of the actor side, e.g. GOV",
                many=True, metavar="SECTOR"),
    EventFilter("actor_name", "--actor-name", "part of the actor's name", metavar="TEXT"),
    EventFilter("recipient_country", "--recipient-country", "country of the recipient side",
                "country", True, "ISO3"),
    EventFilter("recipient_sector", "--recipient-sector", "sector of the recipient side",
                many=True, metavar="SECTOR"),
    EventFilter("recipient_name", "--recipient-name", "part of the recipient's name",
                metavar="TEXT"),
    EventFilter("country", "--country", "actor or recipient", "country", True, "ISO3"),
    EventFilter("type", "--type", "PLOVER event type", "type", True, "TYPE"),
    EventFilter("mode", "--mode", "PLOVER mode, e.g. phone", many=True),
    EventFilter("quad_class", "--quad-class", "1 verbal coop., 2 material coop., 3 verbal "
                "conflict, 4 material conflict", "int", True, choices=(1, 2, 3, 4)),
    EventFilter("modality", "--modality", None, many=True,
                choices=("asserted", "future", "hypothetical", "historical")),
    EventFilter("context", "--context", "PLOVER context, e.g. diplomatic", many=True),
    EventFilter("date_from", "--from", "on or after", "date", metavar="YYYY-MM-DD"),
    EventFilter("date_to", "--to", "on or before", "date", metavar="YYYY-MM-DD"),
    EventFilter("text", "--text", "full-text search of the articles (SQLite FTS5 syntax)",
                max_length=500),
    EventFilter("article_id", "--article", "article id", many=True, metavar="ID"),
    EventFilter("cluster_id", None, "events reporting the same deduplicated event", "int"),
    EventFilter("include_negated", "--include-negated", "also show events coded as negated",
                "flag"),
)
EVENT_FILTERS = tuple(f.name for f in EVENT_FILTER_TABLE)


def date_range(column: str, filters: dict[str, Any], where: list[str], params: list[Any]) -> None:
    """``date_from`` / ``date_to`` as SQL on ``column``, both ends inclusive."""
    if filters.get("date_from"):
        where.append(f"{column} >= ?")
        params.append(str(filters["date_from"]))
    if filters.get("date_to"):
        # A date_to of 2022-10-03 includes any time that day and the month "2022-10".
        where.append(f"{column} <= ?")
        params.append(str(filters["date_to"]) + "\uffff")


def as_list(value: Any) -> list[Any]:
    """One filter value or many, as a list."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def like_pattern(value: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching ``value`` as a substring."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def event_where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) of an event query over ``events e``
    (alone or joined with other tables). Unknown filter names raise TypeError naming
    the known ones."""
    unknown = set(filters) - set(EVENT_FILTERS)
    if unknown:
        raise TypeError(f"unknown event filter(s) {sorted(unknown)}; "
                        f"known: {', '.join(EVENT_FILTERS)}")
    where: list[str] = []
    params: list[Any] = []

    def values(name: str) -> list[Any] | None:
        v = filters.get(name)
        if v is None or v == "" or v == []:
            return None
        return as_list(v)

    def one_of(column: str, name: str, upper: bool = False) -> None:
        vals = values(name)
        if vals is not None:
            if upper:
                vals = [str(v).upper() for v in vals]
            where.append(f"{column} IN ({', '.join('?' * len(vals))})")
            params.extend(vals)

    def side(roles: tuple[str, ...], prefix: str) -> None:
        conds: list[str] = []
        cparams: list[Any] = []
        for field in ("country", "sector"):
            vals = values(f"{prefix}_{field}")
            if vals is not None:
                conds.append(f"ac.{field} IN ({', '.join('?' * len(vals))})")
                cparams.extend(str(v).upper() for v in vals)
        name = filters.get(f"{prefix}_name")
        if name:
            conds.append("ac.name LIKE ? ESCAPE '\\'")
            cparams.append(like_pattern(str(name)))
        if conds:
            role_in = f"ea.role IN ({', '.join('?' * len(roles))})"
            if len(conds) > 1 or not conds[0].startswith("ac.name"):
                # IN: SQLite starts from the index of actors by country and sector.
                where.append("e.pk IN (SELECT ea.event_pk FROM actors ac JOIN event_actors"
                             f" ea ON ea.actor_pk = ac.pk WHERE {role_in}"
                             f" AND {' AND '.join(conds)})")
            else:
                # A name pattern has no index: test event by event, stop at the limit.
                where.append("EXISTS (SELECT 1 FROM event_actors ea JOIN actors ac"
                             " ON ac.pk = ea.actor_pk WHERE ea.event_pk = e.pk"
                             f" AND {role_in} AND {conds[0]})")
            params.extend(roles)
            params.extend(cparams)

    side(("actor",), "actor")
    side(("recipient",), "recipient")
    country = values("country")
    if country is not None:
        vals = [str(v).upper() for v in country]
        where.append(
            "e.pk IN (SELECT ea.event_pk FROM actors ac JOIN event_actors ea"
            f" ON ea.actor_pk = ac.pk WHERE ac.country IN ({', '.join('?' * len(vals))}))")
        params.extend(vals)
    one_of("e.type", "type", upper=True)
    one_of("e.mode", "mode")
    one_of("e.quad_class", "quad_class")
    one_of("e.modality", "modality")
    article_ids = values("article_id")
    if article_ids is not None:
        # By the articles' index on id, so the events alone can be filtered (no join).
        where.append("e.article_pk IN (SELECT pk FROM articles WHERE id IN "
                     f"({', '.join('?' * len(article_ids))}))")
        params.extend(article_ids)
    one_of("e.cluster_pk", "cluster_id")
    contexts = values("context")
    if contexts is not None:
        where.append("EXISTS (SELECT 1 FROM json_each(e.contexts) WHERE value IN "
                     f"({', '.join('?' * len(contexts))}))")
        params.extend(contexts)
    date_range("e.date", filters, where, params)
    if not filters.get("include_negated", False):
        where.append("e.negated = 0")
    if filters.get("text"):
        where.append("e.article_pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(str(filters["text"]))
    return (" WHERE " + " AND ".join(where)) if where else "", params


def cluster_where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) of a query over ``event_clusters c``:
    type, date_from, date_to, country (either side), min_articles, include_negated."""
    known = {"type", "date_from", "date_to", "country", "include_negated", "min_articles"}
    unknown = set(filters) - known
    if unknown:
        raise TypeError(f"unknown cluster filter(s) {sorted(unknown)}; "
                        f"known: {', '.join(sorted(known))}")
    where, params = [], []
    if filters.get("type"):
        vals = [str(v).upper() for v in as_list(filters["type"])]
        where.append(f"c.type IN ({', '.join('?' * len(vals))})")
        params.extend(vals)
    date_range("c.date", filters, where, params)
    if filters.get("country"):
        vals = [str(v).upper() for v in as_list(filters["country"])]
        where.append(
            "EXISTS (SELECT 1 FROM events e JOIN event_actors ea ON ea.event_pk = e.pk "
            "JOIN actors ac ON ac.pk = ea.actor_pk WHERE e.cluster_pk = c.pk AND "
            f"ac.country IN ({', '.join('?' * len(vals))}))")
        params.extend(vals)
    if filters.get("min_articles"):
        where.append("c.num_articles >= ?")
        params.append(int(filters["min_articles"]))
    if not filters.get("include_negated", False):
        where.append("c.negated = 0")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def from_params(params: dict[str, Any]) -> dict[str, Any]:
    """Filters from the API's query parameters: empty ones dropped, country and type
    codes split at commas and upper-cased ("irn,aze" -> ["IRN", "AZE"])."""
    out: dict[str, Any] = {}
    for f in EVENT_FILTER_TABLE:
        value = params.get(f.name)
        if value is None or value == "" or value is False:
            continue
        if f.kind in ("country", "type") and isinstance(value, str):
            value = [v.strip().upper() for v in value.split(",") if v.strip()]
            if not value:
                continue
        out[f.name] = value
    return out
