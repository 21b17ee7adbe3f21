"""Actor knowledge base: countries, international organisations, armed groups, sector words.

The tables live in ``communique/data/*.tsv`` and are read once per process.
``lookup`` answers "what actor could this phrase name?" without context; it
returns every candidate, and the actor stage decides between them (and
whether "Washington" or "Jordan" is a person) from the sentence around it.
``person`` answers "which well-known political person is this name?" from
``data/people.tsv``, separately: people are not ``lookup`` candidates.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Iterable

_DATA = Path(__file__).parent / "data"

KINDS = ("country", "organization", "group", "person")
FORMS = ("name", "alias", "metonym", "adjective", "demonym")


@dataclass(frozen=True)
class Entry:
    """One thing a phrase can name."""

    name: str  # canonical name: "Iran", "United Nations", "Hamas"
    kind: str  # "country" | "organization" | "group" (user actors may also be "person")
    country: str | None  # ISO3, or a PLOVER entity code (IGO, NGO, UNO, EUR, IMG, ...)
    sector: str | None  # PLOVER/CAMEO sector (GOV, MIL, REB, ...) or None
    form: str  # how the phrase matched: "name" | "alias" | "adjective" | "demonym" | "metonym"


# ---------------------------------------------------------------- normalising

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_DROP = re.compile(r"[.,\"\u201c\u201d()]")
_POSSESSIVE = re.compile(r"(?:'s|')$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


# The normalisers below are pure and the actor stage asks them about the same words
# again and again (tens of thousands of calls per hundred articles): their answers are
# kept, a bounded number of them.
_NORMALISED = 8192


@lru_cache(maxsize=_NORMALISED)
def _surface(phrase: str) -> str:
    """Normalise spelling but keep case: "the U.S.'s" -> "US", "Guinea-Bissau" -> "Guinea Bissau"."""
    s = unicodedata.normalize("NFC", phrase).translate(_APOSTROPHES)
    # token-joined text ("People 's Liberation Army", "Côte d' Ivoire") equals the original
    s = re.sub(r"\s*'\s*", "'", s)
    s = _DASHES.sub(" ", s)
    # dots and commas never distinguish names: "U.S." == "US", "Washington, D.C." == "Washington DC"
    s = _DROP.sub("", s)
    s = " ".join(s.split())
    s = _POSSESSIVE.sub("", s).strip()
    s = _LEADING_THE.sub("", s)
    return s


@lru_cache(maxsize=_NORMALISED)
def _fold(s: str) -> str:
    """Case- and accent-insensitive key: "Türkiye" -> "turkiye"."""
    if s.isascii():  # nothing to decompose, no accent to drop
        return s.casefold()
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _key(phrase: str) -> str:
    return _fold(_surface(phrase))


# Case rules, decided by how the table spells a name:
#   acronym ("US", "UN", "WHO", "NATO"): the text must be upper case too, so the
#     pronoun "us" and the question word "who" never match; the British
#     title-case style ("Nato", "Isis") is listed in the tables where it is used,
#     since "Sana" and "Care" are also a name and a word;
#   proper name ("Turkey", "Chad"): the text needs some capital letter, so the
#     bird "turkey" and the fabric "china" never match;
#   lower-case table entries (user additions) match in any case.
_ACRONYM, _PROPER, _ANY = "acronym", "proper", "any"
_LOOSENESS = (_ANY, _PROPER, _ACRONYM)


def _case_rule(surface: str) -> str:
    letters = [c for c in surface if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return _ACRONYM
    if any(c.isupper() for c in letters):
        return _PROPER
    return _ANY


def _case_ok(rule: str, surface: str) -> bool:
    letters = "".join(c for c in surface if c.isalpha())
    if not letters:
        return False
    if rule == _ACRONYM:
        return letters.isupper()
    if rule == _PROPER:
        return any(c.isupper() for c in letters)
    return True


def _tokens(phrase: str) -> int:
    """Upper bound on the number of spaCy tokens of a phrase ("Côte d'Ivoire" -> 4)."""
    return len(re.findall(r"\w+|[^\w\s]", phrase))


# ---------------------------------------------------------------- tables

def _read_tsv(name: str) -> list[dict[str, str]]:
    path = _DATA / name
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def _with_sector(value: str, default: str | None) -> tuple[str, str | None]:
    """ "the Pentagon:MIL" -> ("the Pentagon", "MIL"); the sector suffix is optional."""
    text, sep, sector = value.rpartition(":")
    if sep and re.fullmatch(r"[A-Z]{3}", sector):
        return text.strip(), sector
    return value, default


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


@cache
def _countries() -> dict[str, dict]:
    table = {}
    for row in _read_tsv("countries.tsv"):
        table[row["iso3"]] = {
            "iso3": row["iso3"],
            "name": row["name"],
            "aliases": [_with_sector(a, None)[0] for a in _split(row["aliases"])],
            "adjectives": _split(row["adjectives"]),
            "demonyms": _split(row["demonyms"]),
            "capital": row["capital"] or None,
            "metonyms": [_with_sector(m, "GOV")[0] for m in _split(row["metonyms"])],
            "lat": _float(row["lat"]),
            "lon": _float(row["lon"]),
            "capital_lat": _float(row["capital_lat"]),
            "capital_lon": _float(row["capital_lon"]),
            "sovereign": row.get("sovereign") or None,
            "_row": row,
        }
    return table


def _variants() -> list[tuple[str, Entry]]:
    """Every (spelling, Entry) pair of the shipped tables, best form first per entity."""
    out: list[tuple[str, Entry]] = []
    for iso3, c in _countries().items():
        row, name = c["_row"], c["name"]
        out.append((name, Entry(name, "country", iso3, None, "name")))
        for value in _split(row["aliases"]):
            text, sector = _with_sector(value, None)
            out.append((text, Entry(name, "country", iso3, sector, "alias")))
        for value in _split(row["metonyms"]):
            text, sector = _with_sector(value, "GOV")
            out.append((text, Entry(name, "country", iso3, sector, "metonym")))
        for text in _split(row["adjectives"]):
            out.append((text, Entry(name, "country", iso3, None, "adjective")))
        for text in _split(row["demonyms"]):
            out.append((text, Entry(name, "country", iso3, None, "demonym")))
    # groups before organisations: "RSF" is more often the Rapid Support Forces than Reporters Without Borders
    for table, code_column in (("groups.tsv", "country"), ("organizations.tsv", "code")):
        for row in _read_tsv(table):
            kind = row.get("kind") or ("organization" if table.startswith("org") else "group")
            entry = Entry(row["name"], kind, row[code_column] or None, row["sector"] or None, "name")
            out.append((row["name"], entry))
            for text in _split(row["aliases"]):
                out.append((text, Entry(entry.name, kind, entry.country, entry.sector, "alias")))
    return out


def _index(variants: list[tuple[str, Entry]]) -> dict[str, list[tuple[str, Entry]]]:
    """key -> [(case rule, Entry)], one Entry per entity and key (the best form wins)."""
    index: dict[str, list[tuple[str, Entry]]] = {}
    for text, entry in variants:
        surface = _surface(text)
        key = _fold(surface)
        if not key:
            continue
        bucket = index.setdefault(key, [])
        same = [i for i, (_, e) in enumerate(bucket)
                if (e.name, e.kind, e.country) == (entry.name, entry.kind, entry.country)]
        if same:
            i = same[0]
            rule, old = bucket[i]
            # a looser case rule from another spelling ("Nato" vs "NATO") widens the match
            looser = min(rule, _case_rule(surface), key=_LOOSENESS.index)
            bucket[i] = (looser, old)
            continue
        bucket.append((_case_rule(surface), entry))
    return index


@cache
def _builtin_index() -> dict[str, list[tuple[str, Entry]]]:
    return _index(_variants())


# ---------------------------------------------------------------- user actors

USER_ACTOR_KEYS = ("name", "aliases", "country", "sector", "kind", "generic")


def _item_lines(text: str) -> list[int]:
    """The 1-based line of each item of a user actors file's list, in order."""
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == "actors"), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def load_user_actors(path: str | Path) -> list[tuple[str, Entry]]:
    """Read a user actors YAML file into (spelling, Entry) pairs.

    The file is a list (or a mapping with an ``actors`` list) of
    ``{name, aliases, country, sector, kind, generic}``; only ``name`` is
    required, ``kind`` defaults to "person". ``generic: true`` makes the name
    and aliases agent words such as "vigilantes" (a ``sector`` is then
    required): their pairs have form "generic" and the actor stage reads them
    as generic agents, whose country comes from context. Any other key, or a
    value out of range, is an error naming the file, the line and what is allowed.
    """
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise ValueError(f"actors file {path} not found: pass an existing YAML file to --actors") from None
    except yaml.YAMLError as err:
        raise ValueError(f"{path} is not valid YAML ({err}): fix the file or see the README") from None
    if isinstance(data, dict) and "actors" in data:
        other = sorted(str(k) for k in data if k != "actors")
        if other:
            raise ValueError(f"{path}: a mapping holds one key, `actors` (a list of actors); "
                             f"unknown key `{other[0]}`")
        data = data["actors"]
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of actors, each with at least a `name`")
    lines = _item_lines(text)
    pairs: list[tuple[str, Entry]] = []
    for n, item in enumerate(data, 1):
        where = f"{path}, line {lines[n - 1]}" if len(lines) >= n else str(path)
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise ValueError(f"{where}: actor {n} has no `name`")
        name = str(item["name"]).strip()
        unknown = sorted(str(k) for k in item if k not in USER_ACTOR_KEYS)
        if unknown:
            raise ValueError(f"{where}: actor {n} ({name}): unknown key `{unknown[0]}`; "
                             f"the keys are {', '.join(USER_ACTOR_KEYS)}")
        kind = str(item.get("kind") or "person").strip().lower()
        if kind not in KINDS:
            raise ValueError(f"{where}: actor {n} ({name}): kind `{kind}` is not one of {', '.join(KINDS)}")
        country = item.get("country")
        country = str(country).strip().upper() if country else None
        if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
            raise ValueError(f"{where}: actor {n} ({name}): country `{country}` must be an ISO3 or "
                             "PLOVER entity code such as IRN, IGO, NGO")
        sector = item.get("sector")
        sector = str(sector).strip().upper() if sector else None
        if sector is not None and not re.fullmatch(r"[A-Z]{3}", sector):
            raise ValueError(f"{where}: actor {n} ({name}): sector `{sector}` must be a 3-letter "
                             "PLOVER sector such as GOV, MIL, REB")
        generic = item.get("generic", False)
        if not isinstance(generic, bool):
            raise ValueError(f"{where}: actor {n} ({name}): generic `{generic}` must be true or false")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(x, (str, int, float)) for x in aliases):
            raise ValueError(f"{where}: actor {n} ({name}): aliases must be a name or a list of "
                             "names, such as [Bayramov, J. Bayramov]")
        if generic:
            if sector is None:
                raise ValueError(f"{where}: actor {n} ({name}): a generic agent needs a `sector` "
                                 "such as COP, MIL, REB, CVL")
            for word in [name, *map(str, aliases)]:
                pairs.append((word, Entry(word.strip().lower(), "group", country, sector, "generic")))
            continue
        entry = Entry(name, kind, country, sector, "name")
        pairs.append((name, entry))
        for alias in aliases:
            pairs.append((str(alias), Entry(name, kind, country, sector, "alias")))
    return pairs


class UserActors:
    """The actors of user files, carried by the Coder that loaded them (``Coder(actors=...)``).

    Two Coders with different files in one process each see their own: the
    knowledge-base functions that consult user actors take them as ``user``.
    """

    def __init__(self, pairs: Iterable[tuple[str, Entry]] = ()):
        pairs = list(pairs)
        self.pairs = tuple(pairs)
        self.variants = [pair for pair in pairs if pair[1].form != "generic"]
        # generic agent word -> sector ("generic: true" entries)
        self.generic = {e.name: e.sector for _, e in pairs if e.form == "generic"}
        self.index = _index(self.variants)
        self.first_words = frozenset(k.split()[0] for k in self.index)
        self.max_len = max((_tokens(t) for t, _ in self.variants), default=0)

    @classmethod
    def load(cls, *paths: str | Path) -> UserActors:
        """The actors of one or more YAML files (see ``load_user_actors``), in order."""
        return cls(pair for path in paths for pair in load_user_actors(path))

    def actors(self) -> list[Entry]:
        """One Entry per actor (form "name"); generic agent words are not actors."""
        return [e for _, e in self.variants if e.form == "name"]


NO_USER_ACTORS = UserActors()


# ---------------------------------------------------------------- lookups

def lookup(phrase: str, user: UserActors | None = None) -> list[Entry]:
    """Every actor a phrase can name, ``user`` actors first; [] when none.

    Matching ignores dots, commas, accents, a leading "the", a trailing "'s"
    and (mostly) case: acronyms must be upper case ("US", not "us") and names
    need a capital ("Turkey", not "turkey"). A user actor overrides a shipped
    entry of the same name. Context-free: "Washington" gives the United States
    (metonym) and "Jordan" the country; the actor stage decides from the
    sentence whether a person is meant.
    """
    surface = _surface(phrase)
    key = _fold(surface)
    if not key:
        return []
    mine = [e for rule, e in (user or NO_USER_ACTORS).index.get(key, ()) if _case_ok(rule, surface)]
    overridden = {e.name for e in mine}
    builtin = [e for rule, e in _builtin_index().get(key, ())
               if _case_ok(rule, surface) and e.name not in overridden]
    return mine + builtin


@cache
def _builtin_first_words() -> frozenset[str]:
    return frozenset(k.split()[0] for k in _builtin_index())


def may_start(word: str, user: UserActors | None = None) -> bool:
    """Can a knowledge-base (or ``user``) phrase begin with this word? A cheap filter before ``lookup``."""
    key = _key(word)
    if not key:
        return False
    first = key.split()[0]
    return first in _builtin_first_words() or first in (user or NO_USER_ACTORS).first_words


def country(iso3: str) -> dict | None:
    """The countries.tsv row of an ISO3 code, lists split and coordinates as floats."""
    row = _countries().get((iso3 or "").upper())
    if row is None:
        return None
    return {k: (list(v) if isinstance(v, list) else v) for k, v in row.items() if k != "_row"}


def countries() -> list[str]:
    """All ISO3 codes in the knowledge base."""
    return list(_countries())


def country_by_adjective(word: str) -> str | None:
    """ISO3 of a nationality adjective or demonym: "Iranian" -> "IRN", "Azeris" -> "AZE".

    An ambiguous word ("Congolese") gives the first country in the table.
    """
    surface = _surface(word)
    for rule, entry in _builtin_index().get(_fold(surface), ()):
        if entry.kind == "country" and entry.form in ("adjective", "demonym") and _case_ok(rule, surface):
            return entry.country
    # a word that is also a name ("Luxembourg", "US") was indexed under its name form
    for rule, entry in _builtin_index().get(_fold(surface), ()):
        if entry.kind == "country" and _case_ok(rule, surface):
            row = _countries()[entry.country]
            if any(_key(a) == _fold(surface) for a in row["adjectives"] + row["demonyms"]):
                return entry.country
    return None


@cache
def mission_hosts() -> tuple[tuple[str, str], ...]:
    """(name, ISO3) of every name and alias of a field mission that works in one country
    (``host`` in organizations.tsv): "UNIFIL" -> LBN, "OSCE SMM" -> UKR. Longest first."""
    pairs = []
    for row in _read_tsv("organizations.tsv"):
        host = row.get("host") or ""
        if host:
            pairs += [(text, host) for text in [row["name"], *_split(row["aliases"])]]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


# ---------------------------------------------------------------- other senses

# Knowledge-base names that often mean something else in news text; the actor
# stage uses these to ask the sentence before trusting a lookup.
_PERSON_NAMES = frozenset(_fold(n) for n in (
    "Jordan", "Chad", "Georgia", "Israel", "Kenya", "India", "China", "Paris", "Sofia", "Santiago",
    "Washington", "Moroni", "Amal", "Wagner", "Fano"))


def other_senses(phrase: str) -> set[str]:
    """What else a knowledge-base phrase can name: {"us_state", "person"} or a subset.

    "Georgia" -> {"us_state", "person"}; "Washington" -> {"us_state", "person"};
    "Jordan" -> {"person"}; "Iran" -> set().
    """
    key = _key(phrase)
    senses = set()
    if key in _us_state_keys():
        senses.add("us_state")
    if key in _PERSON_NAMES:
        senses.add("person")
    return senses


US_STATE_KINDS = ("state", "district")


@cache
def _us_states() -> tuple[dict[str, str], ...]:
    """The rows of data/us_states.tsv, checked: a bad row is an error naming its line."""
    path = _DATA / "us_states.tsv"
    rows = []
    with path.open(encoding="utf-8") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")]
    header = lines[0][1].rstrip("\n").split("\t")
    for n, line in lines[1:]:
        row = dict(zip(header, (c.strip() for c in line.rstrip("\n").split("\t"))))
        if not re.fullmatch(r"[A-Z]{2}", row.get("code") or "") or not row.get("name"):
            raise ValueError(f"{path.name} line {n}: a row needs a name and a two-letter `code`")
        if row.get("kind") not in US_STATE_KINDS:
            raise ValueError(f"{path.name} line {n}: kind {row.get('kind')!r} is not one of "
                             f"{', '.join(US_STATE_KINDS)}")
        rows.append(row)
    return tuple(rows)


@cache
def _us_state_keys() -> frozenset[str]:
    return frozenset(_fold(r["name"]) for r in _us_states() if r["kind"] == "state")


@cache
def _ap_states() -> dict[str, str]:
    return {ap: r["code"] for r in _us_states() for ap in _split(r["ap"])}


def us_state_code(abbreviation: str) -> str | None:
    """The USPS code of an AP-style state abbreviation ("nm", "wash", "dc"), else None.

    The abbreviation is folded to lower case with its dots and spaces dropped, as
    ``gazetteer.fold_name`` and ``str.replace(" ", "")`` leave "N.M." (data/us_states.tsv).
    """
    return _ap_states().get(abbreviation)


# ---------------------------------------------------------------- people

# Well-known political people (data/people.tsv), kept out of ``lookup``: the
# actor stage asks ``person`` only for spans its NER tagged PERSON.


def _case_pattern(surface: str) -> tuple[bool, ...]:
    return tuple(c.isupper() for c in surface if c.isalpha())


@cache
def _people() -> dict[str, list[tuple[str, Entry]]]:
    """key -> [(table spelling, Entry)], in table order."""
    index: dict[str, list[tuple[str, Entry]]] = {}
    for row in _read_tsv("people.tsv"):
        name = row["name"]
        country_code, sector = row["country"] or None, row["sector"] or None
        spellings = [(name, "name")] + [(alias, "alias") for alias in _split(row["aliases"])]
        for text, form in spellings:
            surface = _surface(text)
            key = _fold(surface)
            if not key:
                continue
            bucket = index.setdefault(key, [])
            if any(e.name == name for _, e in bucket):
                continue
            bucket.append((surface, Entry(name, "person", country_code, sector, form)))
    return index


def person(name: str) -> Entry | None:
    """The well-known political person a name or alias names, or None.

    "Recep Tayyip Erdogan", "Erdoğan's", "Erdogan" -> Entry("Recep Tayyip
    Erdogan", "person", "TUR", "GOV", ...). Matching ignores accents, dots,
    hyphens, a trailing "'s" and, for names of two or more words, case (a
    capital is still needed); a one-word alias must match case exactly
    ("Trump", not "trump"). Only surnames that are distinctive in news are
    aliases, so "Johnson" alone gives None. A name shared by people of
    different countries gives None; of the same country, the first listed.
    """
    surface = _surface(name)
    key = _fold(surface)
    if not key:
        return None
    found = []
    for table_surface, entry in _people().get(key, ()):
        if " " in table_surface:
            if not _case_ok(_case_rule(table_surface), surface):
                continue
        elif _case_pattern(surface) != _case_pattern(table_surface):
            continue
        found.append(entry)
    if not found or len({e.country for e in found}) > 1:
        return None
    return found[0]


# ---------------------------------------------------------------- sector words

@lru_cache(maxsize=_NORMALISED)
def _sector_key(phrase: str) -> str:
    s = unicodedata.normalize("NFC", phrase).translate(_APOSTROPHES)
    s = _DASHES.sub(" ", s)
    s = s.replace(".", "")
    s = re.sub(r"\s*'\s*", "'", " ".join(s.casefold().split()))
    return _POSSESSIVE.sub("", s).strip()


@cache
def _sectors() -> dict[str, str]:
    return {_sector_key(row["phrase"]): row["sector"] for row in _read_tsv("sectors.tsv")}


@cache
def _sector_kinds() -> dict[str, str]:
    return {_sector_key(row["phrase"]): row.get("kind_hint", "") for row in _read_tsv("sectors.tsv")}


def _singulars(word: str) -> list[str]:
    """Candidate singulars of an English plural: "policemen" -> "policeman"."""
    out = []
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith(("ches", "shes", "sses", "xes")):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return out


@lru_cache(maxsize=_NORMALISED)
def _sector_entry(phrase: str) -> str | None:
    key = _sector_key(phrase)
    table = _sectors()
    if key in table:
        return key
    head, _, last = key.rpartition(" ")
    for singular in _singulars(last):
        candidate = f"{head} {singular}" if head else singular
        if candidate in table:
            return candidate
    return None


def sector_of(phrase: str) -> str | None:
    """Sector of an agent word or title: "foreign minister" -> "GOV", "troops" -> "MIL".

    Case-insensitive; takes a lemma or a surface form (regular plurals and -men).
    """
    entry = _sector_entry(phrase)
    return _sectors()[entry] if entry else None


def sector_kind(phrase: str) -> str | None:
    """The kind of actor an agent word usually names: "minister" -> "person", "army" -> "group"."""
    entry = _sector_entry(phrase)
    return (_sector_kinds()[entry] or None) if entry else None


@cache
def _generic_agents() -> dict[str, str]:
    return {row["word"].lower(): row["sector"] for row in _read_tsv("generic_agents.tsv")}


def generic_agents(user: UserActors | None = None) -> frozenset[str]:
    """Agent words that name an actor without a name: "police", "gunmen", "court"
    (data/generic_agents.tsv, plus those ``user`` actors add with ``generic: true``)."""
    return frozenset(_generic_agents()) | frozenset((user or NO_USER_ACTORS).generic)


def generic_sector(word: str, user: UserActors | None = None) -> str | None:
    """The sector of a generic agent word: sectors.tsv first, then ``user`` actors,
    then generic_agents.tsv."""
    w = word.lower()
    return sector_of(w) or (user or NO_USER_ACTORS).generic.get(w) or _generic_agents().get(w)


@cache
def _peoples() -> dict[str, str]:
    return {row["word"]: row["country"] for row in _read_tsv("peoples.tsv")}


def people_country(word: str) -> str | None:
    """The home state of a people with one ("Rohingya" -> "MMR"; data/peoples.tsv); None for
    peoples of several states and for other words. Case matters: "catalan" is no people."""
    return _peoples().get(word)


# the possessive marker as the parser splits it off ("people 's militia")
POSSESSIVE_TOKENS = frozenset({"'s", "'", "\u2019s", "\u2019"})


def longest_sector_phrase(words: list[str]) -> tuple[int, int, str] | None:
    """The longest sector phrase inside a token list, as (start, end, sector), end exclusive.

    Ties go to the rightmost phrase, the head of an English noun phrase:
    ["army", "spokesman"] -> the phrase that ends the list. A phrase that ends in a
    possessive marker names the owner, not the head: ["people", "'s", "militia"] -> militia.
    """
    limit = _max_sector_len()
    best: tuple[int, int, str] | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + limit), i, -1):
            if words[j - 1] in POSSESSIVE_TOKENS:
                continue
            sector = sector_of(" ".join(words[i:j]))
            if sector is None:
                continue
            if best is None or (j - i) >= (best[1] - best[0]):
                best = (i, j, sector)
            break
    return best


@cache
def _max_sector_len() -> int:
    return max(len(k.split()) for k in _sectors())


@cache
def _max_builtin_len() -> int:
    return max(max(_tokens(text) for text, _ in _variants()), _max_sector_len())


def max_phrase_len(user: UserActors | None = None) -> int:
    """Longest phrase in tokens (an upper bound, ``user`` actors included), for n-gram scanning."""
    return max(_max_builtin_len(), (user or NO_USER_ACTORS).max_len)
