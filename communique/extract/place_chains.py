"""Admin chains and the readings of a place mention, for ``places.find_places``: the
gazetteer entries a mention may name ("Kunduz province" is the admin1 unit), what the
text after it says it lies in ("Gardez city, Paktia", "Sopore (Baramulla district,
J&K)", "Kinda in Idleb") and the chain's own unit for a place the gazetteer lacks.
Split out of ``places.py``.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
from pathlib import Path

from communique import kb
from communique.extract.gazetteer import (GazetteerEntry, candidates, fold_name,
                                          spelling_candidates)
from communique.word_lists import word_list

__all__ = ["CITY_WORDS", "PLACE_WORDS", "names_a_place", "mention_candidates", "tags", "qualifier", "qualifier_parts", "qualifier_of",
           "chain_country", "chain_end", "chain_parts", "chain_readings", "UNIT_WORDS",
           "seat_of_chain",
           "unit_abroad"]


_GENERIC_TAIL = re.compile(
    r"\s+(?:region|regions|province|provinces|city|area|areas|district|state|governorate|oblast|"
    r"county|town|village|enclave|territory|republic|valley|countries|country|border|"
    r"border area|frontier|capital|municipality|prefecture|airport|subdistrict|sub-district|"
    r"department|division|tehsil|commune|neighbourhood|neighborhood|camp)$")
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|"
    r"upper|lower|greater|rural|occupied|war-torn|neighbouring|neighboring)\s+)+")


_HYPHEN_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|ash|at|az|adh|ath|el|ed|es|en|er|et|ez)-(\S.{2,})$")
_ADMIN1_WORDS = word_list("admin1_words")
_ADMIN2_WORDS = word_list("admin2_words")
_CITY_WORDS = word_list("locality_words")
_ADMIN2_TAIL = re.compile(r"\s(?:district|county|LGA|upazila|tehsil|subdistrict|sub-district|"
                          r"municipality|raion|rayon)\s*$", re.IGNORECASE)


# lower-case words after a name that say it is a place and of what kind ("Diwaniya city",
# "Hadramawt governorate", "Lara state")
PLACE_WORDS = frozenset(_ADMIN1_WORDS | _ADMIN2_WORDS | _CITY_WORDS | word_list("place_words"))


# of them, those that say it is a city or town ("Diwaniya city", "Kadikoy town")
CITY_WORDS = word_list("city_words")


def names_a_place(text: str) -> bool:
    """Does a mention end in a word that says it is a city or town ("Diwaniya city")? A
    name so called is a place even where the gazetteer knows it only as an alternate name
    or a spelling alike ("Nassriya city"); a "village" may be one of many namesakes."""
    words = text.split()
    return len(words) > 1 and words[-1] in CITY_WORDS


def _prefer(cands: list[GazetteerEntry], word: str) -> list[GazetteerEntry]:
    """"Kunduz province" is the admin1 unit, "Baramulla district" the admin2 one, "Kabul
    city" the city: the generic word picks the level when the name has one of it."""
    if word in _ADMIN1_WORDS:
        levels = ("admin1", "region")
    elif word in _ADMIN2_WORDS:
        levels = ("admin2",) if any(c.kind == "admin2" for c in cands) else ("admin1", "region")
    elif word in _CITY_WORDS:
        levels = ("city",)
    else:
        return cands
    chosen = [c for c in cands if c.kind in levels and not c.alias]
    return chosen or cands


def mention_candidates(text: str, variants: bool = True) -> tuple[str, list[GazetteerEntry]]:
    """The gazetteer entries a mention may name, trying looser forms in turn; then, with
    ``variants``, places spelt alike (``spelling_candidates``)."""
    k = fold_name(text)
    k = re.sub(r"(?:'s|')$", "", k).strip()
    tried = [k]
    if k.startswith("the "):
        tried.append(k[4:])
    generic = {}
    for form in list(tried):
        tail = _GENERIC_TAIL.sub("", form)
        if tail != form:
            tried.append(tail)
            generic[tail] = form[len(tail):].strip()
    stripped = set()
    for form in list(tried):
        head = _DIRECTION.sub("", form)
        if head != form:
            tried.append(head)
            stripped.add(head)
            if form in generic:
                generic[head] = generic[form]
    # "Ar-Raqqa" (GeoNames: Ar-Raqqah, Raqqa): the name without its hyphened Arabic article,
    # when no fuller form is known
    tried += [m.group(1) for form in list(tried) if (m := _HYPHEN_ARTICLE.match(form))]
    for form in tried:
        cands = list(candidates(form))
        if cands:
            if form in stripped:
                # "northern Syria", "eastern Aleppo"; but not "South America" -> "America"
                # (an alias) or "the Lower East Side" -> Side, Turkey (a small town)
                cands = [c for c in cands if not c.alias
                         and (c.precision != "city" or c.prior >= 5.0)]
            if form in generic:
                cands = _prefer(cands, generic[form])
                if variants and generic[form] in CITY_WORDS and not any(
                        c.kind == "city" for c in cands):
                    # "Nassriya city" is the city spelt alike (Nasiriyah), not the district
                    # of the name as written
                    cands = [c for c in spelling_candidates(form) if c.kind == "city"] or cands
            if cands and variants and all(c.alias for c in cands) and form not in stripped:
                # only another place's old or foreign name ("Idleb" of Idlib city): the
                # places spelt alike too (Idlib governorate)
                cands += [c for c in spelling_candidates(form) if c.kind != "city"]
            if cands:
                return form, cands
    # no place is called so: the same name with or without the final h of a transliterated
    # ta marbuta ("Ar Rutba" is GeoNames' Ar Rutbah); a name of one word so found is only
    # spelt alike ("Tutah" of "Bir at Tutah" is no Tuta of Romania)
    for form in tried:
        if form in stripped or len(form) < 5 or form[-1] not in "ah":
            continue
        other = form[:-1] if form.endswith("ah") else form + "h" if form.endswith("a") else ""
        cands = [c for c in candidates(other) if not c.alias] if other else []
        if " " not in form:
            cands = [dataclasses.replace(c, prior=c.prior - 1.0, variant=True) for c in cands]
        if form in generic:
            cands = _prefer(cands, generic[form])
        if cands:
            return form, cands
    # one spelt alike ("Idleb" governorate is Idlib's, "Saraqab" Saraqib); not for a
    # direction-stripped form ("rural X" may be no place)
    for form in tried if variants else ():
        if form in stripped:
            continue
        cands = list(spelling_candidates(form))
        if form in generic:
            cands = _prefer(cands, generic[form])
        if cands:
            return form, cands
    return k, []



# the words after a name that make it a first-level unit ("Merida state")
UNIT_WORDS = word_list("unit_words")


def unit_abroad(name: str, with_word: str) -> bool:
    """Does a name with its generic word ("Merida state") read as an admin unit of a country
    its likeliest reading alone (Mérida, Yucatan) is not in?"""
    units = [c for c in mention_candidates(with_word, variants=False)[1]
             if c.kind in ("admin1", "admin2") and not c.alias]
    plain = [c for c in mention_candidates(name, variants=False)[1] if not c.alias]
    if not units or not plain:
        return False
    return max(plain, key=lambda c: c.prior).country not in {c.country for c in units}


def tags(e: GazetteerEntry) -> set[str]:
    """What a place lies in, as qualifier tags: its country, "c1:USA:TX" (admin1 code),
    "a1:AFG:paktia" (admin1 name), "a2:baramula" (admin2 name)."""
    tags = {e.country} if e.country else set()
    if e.admin1 and e.country:
        tags.add(f"c1:{e.country}:{e.admin1}")
    if e.admin1_name:
        tags.add(f"a1:{e.country}:{fold_name(e.admin1_name)}")
    if e.admin2:
        tags.add(f"a2:{fold_name(e.admin2)}")
    return tags



GENERIC = (r"(?:city|town|village|district|subdistrict|sub-district|province|area|region|"
            r"governorate|municipality|state|department|county|tehsil|division|sector|front|"
            r"neighbourhood|neighborhood|upazila|township|locality|subdivision|LGA|zone)")
# "Sopore subdistrict (Baramulla district, J&K)", "Hodeidah Red Sea port city (Al Hali, Al
# Hudaydah)", "Al Alam military camp (Jardan, Shabwah)": up to three lower-case words first
# (a unit word may be capitalised and carry a ward number: "Mai Municipality-9 (Ilam
# district)", ward 9, Nepal's house style)
_CHAIN_PAREN = re.compile(r"(?:\s+(?:(?i:" + GENERIC + r")|[a-z][a-z-]*)(?:-\d{1,3})?){0,3}"
                          r"\s*\(([^()]{2,80})\)")
# a part's name may hold "de", "del", "la" ... before a capitalised word ("Pamplona, Norte de
# Santander department")
_CHAIN_COMMA = re.compile(r"(?:\s+" + GENERIC + r"){0,2}((?:\s*,\s*(?:the\s+)?(?:[A-Z][\w.'’&/-]*\s?"
                          r"(?:(?:de|del|de la|la|al|el|da|do|dos|das|di|du)\s(?=[A-Z]))?){1,4}"
                          r"(?:\s*" + GENERIC + r")?){1,3})")


# "Kinda in Idleb", "Bara in the southern countryside of Idleb", "Tal Tamer city in
# Al-Hasakeh", "in al-Hasakeh": the unit a place lies in, after "in"
_CHAIN_IN = re.compile(r"(?:\s+" + GENERIC + r")?\s+in\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?"
                       r"(?:countryside\s+of\s+)?((?:(?:al|ar|as|ad|an|ash|el)-)?[A-Z][\w'’-]*"
                       r"(?:\s[A-Z][\w'’-]*){0,3})")


def _chain_after(text: str, end_char: int, after_in: bool = True) -> list[str]:
    """The parts of the admin chain right after a mention: "(Baramulla district, J&K)",
    ", Paktia", with ``after_in`` " in the western countryside of Ar-Raqqa" (one part)."""
    after = text[end_char:end_char + 120]
    m = _CHAIN_PAREN.match(after)
    if m:
        return _spelt_out([p.strip() for p in chain_parts(m.group(1)) if p.strip()])
    m = _CHAIN_COMMA.match(after)
    if m:
        return [p.strip() for p in chain_parts(m.group(1)) if p.strip()]
    m = _CHAIN_IN.match(after) if after_in else None
    return [m.group(1)] if m else []


@functools.cache
def _state_codes() -> dict[str, str]:
    """``data/state_codes.tsv``: a subdivision code -> the unit's name."""
    path = Path(__file__).resolve().parent.parent / "data" / "state_codes.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
        return {r["code"]: r["name"] for r in rows}


def _spelt_out(parts: list[str]) -> list[str]:
    """The parts of a bracketed chain with a subdivision code written out: "(UP)" is
    "(Uttar Pradesh)", "(Baramulla district, J&K)" "(Baramulla district, Jammu and
    Kashmir)" (ISO 3166-2 codes, ``data/state_codes.tsv``; "J&K" is JK). Only in brackets,
    ACLED's house style: ", TN" in an American address is Tennessee. (The unit names the
    country; its name added as a part would vouch for any town of it spelt alike.)"""
    codes = _state_codes()
    return [codes[p.replace("&", "")] if 2 <= len(p) <= 3 and p.isupper()
            and p.replace("&", "") in codes else p for p in parts]


def seat_of_chain(mention: str, text: str, end_char: int) -> bool:
    """Is the first part of the comma chain right after a mention the mention's own name
    ("in Veracruz, Veracruz", "Durango, Durango")? Then the mention is the town, the seat
    its unit is named after, and the part the unit. (Not a bracketed chain: "west of Rafah
    (Rafah, North Sinai)" names the district, whose town may be read elsewhere.)"""
    m = _CHAIN_COMMA.match(text[end_char:end_char + 120])
    parts = [p.strip() for p in chain_parts(m.group(1)) if p.strip()] if m else []
    return bool(parts) and fold_name(parts[0]) == fold_name(mention)


def chain_end(text: str, end_char: int) -> int:
    """Where the admin chain right after a mention ends (``end_char`` when none follows):
    the mentions up to there are its parts."""
    after = text[end_char:end_char + 120]
    m = _CHAIN_PAREN.match(after) or _CHAIN_COMMA.match(after)
    return end_char + m.end() if m else end_char


def qualifier_parts(text: str, end_char: int) -> list[set[str]]:
    """The tags (``tags``) of each part of the chain after a mention, part by part: a
    reading earns a part once however many of its tags the part's readings share
    ("Colon (Colon)" is Colón of Colón province, not the Colón of Argentina's Partido de
    Colón, whose admin1 tag the second reading brings)."""
    return [q for q in map(qualifier_of, _chain_after(text, end_char)) if q]


def qualifier(text: str, end_char: int) -> set[str]:
    """What the text right after a mention says it lies in: "Paris, Texas", "Hyderabad,
    Sindh", "Gardez city, Paktia", "Sopore subdistrict (Baramulla district, J&K)", "Kinda
    in Idleb" (an admin unit or country after "in")."""
    return set().union(*qualifier_parts(text, end_char))


def _countries(qual: set[str]) -> set[str]:
    """The countries of a qualifier's tags (an admin2 tag names none)."""
    return {t.split(":")[1] if t.startswith(("c1:", "a1:", "t:")) else t
            for t in qual if not t.startswith("a2:")}


def chain_country(qual: set[str], parts: list[set[str]] = ()) -> str | None:
    """The one country every tag of a qualifier lies in, else the one country every part
    of the chain (``parts``, ``qualifier_parts``) can lie in ("San Juan, Lagunillas,
    Merida state": Lagunillas only in Venezuela, Merida state there or in Mexico), else
    None."""
    found = _countries(qual)
    if len(found) == 1:
        return found.pop()
    common = None
    for part in parts:
        if countries := _countries(part):
            common = countries if common is None else common & countries
    return common.pop() if common and len(common) == 1 else None


def chain_parts(chain: str) -> list[str]:
    """The comma-separated parts of an admin chain, up to the end of the sentence:
    ", Donetsk. During the day" is Donetsk (a dot inside "N.M." stays)."""
    return re.split(r"\.\s", chain, maxsplit=1)[0].split(",")


def _unit_tags(entries) -> set[str]:
    """The tags of the countries and admin units among some readings."""
    out = set()
    for e in entries:
        if e.seatless:
            continue  # a unit with no place of its own says where a chain lies only as a place
        if e.precision == "country" and not e.alias:
            out.add(e.country)
        elif e.kind in ("admin1", "admin2") or (e.precision == "region" and e.admin1_name) or (
                e.kind == "city" and e.admin1_name
                and fold_name(e.admin1_name) == fold_name(e.name)):
            # (a city that is its own admin1 unit: "Cuauhtemoc, Ciudad de Mexico" lies in
            # Mexico City, not in the State of Mexico the name also reads as)
            out |= tags(e) - {e.country}
    return out


def _as_unit(cands, tail: str) -> list[GazetteerEntry]:
    """The readings of a chain part that may say what a place lies in: with a generic word,
    those of its level ("Merida state" is Venezuela's state, not the Merida municipality
    of Yucatan); a district abroad named like a town of ten times its people does not
    place the chain there ("Afar region in the Bati woreda" is Ethiopia's Bati, not the
    Bati district of Cambodia; "Santa Rosa, Laguna" is still the Philippine province)."""
    cands = list(cands)
    if tail:
        cands = _prefer(cands, tail)
    towns = [c for c in cands if c.kind == "city" and not c.alias and not c.variant]
    if towns:
        top = max(c.prior for c in towns)
        home = {c.country for c in towns}
        cands = [c for c in cands if c.kind != "admin2" or c.prior > top - 1.0
                 or c.country in home]
    return cands


def qualifier_of(text: str) -> set[str]:
    key = fold_name(text)
    bare = re.sub(r"\s+" + GENERIC + r"$", "", key)
    tail = key[len(bare):].strip()
    out = _unit_tags(_as_unit(candidates(bare) or candidates(key) or spelling_candidates(bare),
                              tail))
    if not out:
        # the looser forms of a mention: "al-Hasakeh" is Al-Hasakah governorate
        out = _unit_tags(_as_unit(mention_candidates(bare)[1], tail))
    # a part whose name is no unit's anywhere but a town of one country, with no generic
    # word of a unit ("Haveli district"), says which country the chain is in ("San Felix, Ciudad Guayana,
    # Bolivar state": Ciudad Guayana is only Venezuela's, the state's name is also
    # Colombia's and Ecuador's): "t:VEN", read by ``chain_country``
    raw = candidates(bare) if not out and not tail else []
    towns = {c.country for c in raw if c.kind == "city" and not c.alias and not c.variant
             and c.country} if not _unit_tags(raw) else set()
    if len(towns) == 1:
        out.add(f"t:{towns.pop()}")
    code = kb.us_state_code(key.replace(" ", ""))
    if code:
        out.add(f"c1:USA:{code}")
    return out



def chain_readings(text: str, end_char: int, after_in: bool = False,
                   towns: bool = False) -> list[GazetteerEntry]:
    """A place the gazetteer lacks, placed by the admin chain after it: "Moliro (Moba,
    Tanganyika)", "Obrenovac, Serbia" -> the finest part the gazetteer knows, in a
    country the coarser parts agree with ("(Hays, Al Hudaydah)": Yemen's Hays, not the
    Hays County of Texas, else Al Hudaydah); a part's generic word goes ("Thies
    subdivision"). With ``after_in``, also the admin unit after "in" ("Karama in eastern
    Ar-Raqqa countryside"; not a country: "Mitsobi in Georgia" is no place of its own).
    With ``towns``, for a place nothing else reads, a chain with no admin unit the
    gazetteer knows is read by the towns its parts name (not their alternate names or
    spellings alike), as a unit is often named after its seat and GeoNames lacks the
    unit: "Shahjadpur Upazila (Shahjadpur, Sirajganj)" is at the town of Sirajganj."""
    readings, towns_of, lies_in = [], [], []
    parts = _chain_after(text, end_char, after_in=False)
    units = ("admin1", "admin2", "region", "country") if parts else ("admin1", "admin2", "region")
    for part in parts or (_chain_after(text, end_char) if after_in else []):
        found = mention_candidates(part)[1]
        bare = re.sub(r"\s+" + GENERIC + r"$", "", part)
        if not found and bare != part:
            found = mention_candidates(bare)[1]
        # (a unit with no place and no seat only where the part calls it a unit: "(Haveli
        # district, AJK)"; a bare "(Al Tall)" may be a square's other name)
        readings.append([c for c in found if not c.alias and c.kind in units and (
            not c.seatless or bare != part)])
        towns_of.append([c for c in found if not c.alias and not c.variant and c.kind == "city"])
        # the countries the part names even where it reads only as another name of a unit
        # ("North Sinai", GeoNames' Shamal Sina')
        # (not by the towns it names: those say only which country a chain is in)
        lies_in.append(_countries({t for t in qualifier_of(part) if not t.startswith("t:")}))
    if readings and (len(parts) > 1 or _ADMIN2_TAIL.search(text[max(0, end_char - 30):end_char])):
        # ACLED's house style "(District, Region)": after an admin2 unit the last part is
        # the admin1 unit, not a country of the same name ("Pandogari (Rafi LGA, Niger)",
        # "Rafi LGA (Niger)" are in Nigeria's Niger state)
        last = readings[-1]
        if any(c.kind == "admin1" for c in last):
            readings[-1] = [c for c in last if c.precision != "country"]
    for rows in (readings, towns_of) if towns and parts else (readings,):
        for i, cands in enumerate(rows):
            coarser = {c.country for later in rows[i + 1:] for c in later} or set().union(
                *lies_in[i + 1:])
            if coarser:
                cands = [c for c in cands if c.country in coarser]
            if cands and all(c.seatless for c in cands) and any(
                    not c.seatless for later in rows[i + 1:] for c in later):
                continue  # a unit with no point of its own: the coarser part's unit places it
            if cands:
                return cands
    return []


_LIST_TAIL = re.compile(r"\s+(?:and|or)\s+[A-Z]")


def chain_denies(e: GazetteerEntry, text: str, end_char: int) -> bool:
    """Does the chain after a mention (ending at ``end_char``) put it in another country
    than ``e``, its one reading ("Daman district, Kandahar": no Daman of India)? Then that
    reading names no country for the article (``places.find_places``). Not where "and" or
    "or" and a name follow the chain: "in Sidon, Tripoli, Matn and Zahle" is a list."""
    if e.precision == "country":
        return False
    parts = qualifier_parts(text, end_char)
    if not parts or _LIST_TAIL.match(text, chain_end(text, end_char)):
        return False
    if any(c.precision == "country" and c.country == e.country
           for part in _chain_after(text, end_char) for c in candidates(fold_name(part))):
        return False  # "Kinshasa, Congo": a country name that can be the reading's own
    return chain_country(set().union(*parts), parts) not in (None, e.country)


def vouched_unit(e: GazetteerEntry, text: str, end_char: int, countries, qual: set[str]
                 ) -> bool:
    """Is the mention ending at ``end_char`` a place of its own as ``e``, a second-level
    unit with no place and no seat (``GazetteerEntry.seatless``: "Caza du Chouf", at its
    admin1 unit's point)? Where the text calls it a unit ("Haveli district") or the article
    names its country ("Lebanese protesters gathered in Chouf"); not a bare word of a text
    about elsewhere ("Exchange", a Jamaican district), and not where the chain after it
    names its admin1 unit, whose own point places it ("(Chouf, Mount Lebanon)")."""
    if tags(e) & qual - {e.country}:
        return False
    words = fold_name(text[max(end_char - 40, 0):end_char + 20]).split()
    last = fold_name(text[max(end_char - 40, 0):end_char]).split()
    after = words[len(last):len(last) + 1]
    return bool(last and last[-1] in _ADMIN2_WORDS) or bool(after and after[0] in _ADMIN2_WORDS) \
        or e.country in countries
