"""Places: the places an article mentions, and the place that governs an event.

The gazetteer (countries, regions, GeoNames places down to 500 people, admin1
and admin2 units) is ``communique.extract.gazetteer``.

Candidates are spaCy GPE/LOC/FAC entities, capitalised words after a locative
preposition that the model missed ("clashes in Tovuz"), and the dateline.
PERSON entities are never places. An ambiguous name ("Tripoli", "Georgia",
"Hyderabad", "Paris") goes to the reading that best fits the countries the
article mentions and the admin units named around it; an explicit qualifier
("Paris, Texas", "Hyderabad, Sindh", "Sopore (Baramulla district, Jammu and
Kashmir)") wins over all; population comes last. "Kunduz province" prefers
the admin1 unit, "Kabul city" the city.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from communique import kb
from communique.extract.dates import find_dateline
from communique.extract.note_places import (any_note_place, mission_hosts, mission_units,
                                            note_place, unit_countries)
from communique.extract.place_capitals import capital_mentions
from communique.extract.place_consensus import agreed_reading
from communique.extract.place_parts import neighbourhood, outside_units
from communique.extract.place_spans import (hyphen_joiner, longest_names, named_by_tail,
                                            road_towns, run_into_entity)
from communique.extract.place_roles import (LOC_PREPS, MOTION, language_name, mention_role,
                                            names_an_office, own_clause, role, through_object)
from communique.extract.syntax import (VERBAL_NOUNS, VERBAL_VERBS, reach, same_paragraph,
                                       token_at_char, tokens_where)
from communique.extract.syntax import doc_text as syntax_doc_text
from communique.extract.gazetteer import (BIG_TOWN_PRIOR, SMALL_TOWN_PRIOR, GazetteerEntry, fold_name,
                                          lookup, neighbours, state_entry)
from communique.extract.place_chains import (PLACE_WORDS, chain_country, chain_denies, chain_end,
                                             chain_parts, chain_readings, names_a_place,
                                             mention_candidates, qualifier, qualifier_of,
                                             qualifier_parts, seat_of_chain, tags,
                                             vouched_unit)
from communique.word_lists import word_list

__all__ = ["PlaceHit", "GazetteerEntry", "find_places", "location_for", "dateline_place",
           "country_place", "entry_place",
           "lookup", "fold_name"]


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
    admin1: str | None = None  # the admin1 unit's name ("Paktia")
    level: str | None = None  # city | admin2 | admin1 | region | country
    source: str | None = None  # how it became an event's location: see location_for

    def to_location(self) -> dict:
        loc = {"name": self.name, "country": self.country, "lat": self.lat,
               "lon": self.lon, "precision": self.precision}
        for key in ("admin1", "level", "source"):
            if getattr(self, key):
                loc[key] = getattr(self, key)
        return loc



# ---------------------------------------------------------------- mentions

_SPAN_LABELS = {"GPE", "LOC", "FAC"}
_NAME_LINKS = {"de", "del", "de la", "la", "al", "el", "do", "da", "dos", "das", "di", "du"}
_NAMED_BY_OF = word_list("named_by_of")
_DATE_NAMES = word_list("date_names")
# a direction between a preposition and a name: "protested in central Thessaloniki"
_SLOT_DIRECTIONS = word_list("slot_directions")


_SLOT_PREPS = {"in", "near", "outside", "at", "around", "across", "inside", "into", "toward",
               "towards"}


def _place_slot(ent: Span) -> bool:
    """Is a PERSON entity sitting where only a place can: "near X", "the town of X"?"""
    if len(ent) > 2 or ent.start == 0:
        return False
    if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in ("'s", "’s"):
        return False  # "at Clinton's rally": a person's
    prev = ent.doc[ent.start - 1]
    if prev.lower_ in _SLOT_DIRECTIONS and ent.start >= 2:
        prev = ent.doc[ent.start - 2]  # "in central Thessaloniki"
    if prev.lower_ == "and" and prev.i >= 2 and ent.doc[prev.i - 1].ent_type_ in ("GPE", "LOC"):
        # "In Tripoli and Sidon": joined to a place, in its slot
        first = ent.doc[prev.i - 1]
        while first.i > 0 and ent.doc[first.i - 1].ent_iob_ == "I" and first.ent_iob_ == "I":
            first = ent.doc[first.i - 1]
        prev = ent.doc[first.i - 1] if first.i > 0 else prev
    if prev.lower_ in _SLOT_PREPS:
        return True
    if prev.lower_ == "to" and prev.i >= 1 and ent.doc[prev.i - 1].lemma_ in MOTION:
        return True  # "flew to Kiev"
    return prev.lower_ == "of" and prev.i >= 1 and ent.doc[prev.i - 1].lemma_ in (
        _NAMED_BY_OF | {"capital"})



_CALENDAR = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:],
                                         *calendar.day_name, *calendar.day_abbr)) | _DATE_NAMES


def _named_like_a_place(ent: Span) -> bool:
    """Is a DATE entity a name the small parser took for a date ("region of Dahuk",
    "in Quneitra"): capitalised words only, no digit, no month, weekday or feast name?"""
    return all(t.is_title and not t.like_num and t.lower_ not in _CALENDAR for t in ent)


def _link(doc: Doc, i: int) -> int:
    """How many linking words of a name ("del", "de la") start at token ``i`` before a
    capitalised word: "Buena Vista de la Salud" is one name."""
    for n in (1, 2):
        if i + n < len(doc) and doc[i + n].is_title and all(
                doc[i + m].lower_ in _NAME_LINKS for m in range(n)):
            return n
    return 0


def _mention_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """(start_char, end_char, from_entity) of every candidate mention."""
    out = []
    taken: set[int] = set()
    # tokens of a name the model took for something else ("in Ludhiana (Punjab)" as ORG,
    # "in Aleppo city" as NORP, "near Wardak" as PERSON): a locative slot may still claim them
    soft: set[int] = set()
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    for ent in doc.ents:
        if ent.label_ in _SPAN_LABELS:
            end = ent.end
            comma = next((t.i for t in ent if t.text in (",", "(") and t.i > ent.start), None)
            if comma is not None:
                # "Nis, Serbia", "Gaigorou (Dessa,": the place, then its qualifier (read after)
                end = comma
            # "Santa Teresa del Tuy", "Martinez de la Torre": the model stops at the linking word
            while (n := _link(doc, end)) and doc[end + n].ent_type_ not in ("DATE", "PERSON"):
                end += n + 1
            out.append((ent.start_char, doc[end - 1].idx + len(doc[end - 1]), True))
            taken.update(range(ent.start, end))
        elif ent.label_ in ("PERSON", "ORG") and _place_slot(ent) and not any(
                p.start != ent.start and len(p) > len(ent) and ent.text in p.text
                for p in persons):
            # the small model tags unfamiliar towns as persons or organizations:
            # "shelling near Stepanakert", "the town of Gjilan". Only that slot lets one through.
            out.append((ent.start_char, ent.end_char, False))
            taken.update(range(ent.start, ent.end))
        elif ent.label_ in ("PERSON", "NORP", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT") or (
                ent.label_ == "LANGUAGE" and not language_name(ent.text)) or (
                ent.label_ == "DATE" and _named_like_a_place(ent)):
            # "in Aleppo" tagged LANGUAGE: soft too; "in English" is a language
            soft.update(range(ent.start, ent.end))
        elif ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY",
                            "ORDINAL", "LANGUAGE"):
            taken.update(range(ent.start, ent.end))
    # "clashes in Tovuz": a capitalised word after a locative preposition
    # or after "the city of", "the village of" ("raided the city of Qalqiliyah"); a name may
    # hold "de", "del", "al" ("Santa Teresa del Tuy") and hyphens ("Rish Khor-e Bala").
    # A run through a mislabelled entity ("soft") counts only when the gazetteer knows it.
    # (one pass over the words: the prepositions below, and the words that say what kind of
    # place a name is, for place_spans.named_by_tail)
    found = tokens_where(doc, "lower", LOC_PREPS | {"of"} | PLACE_WORDS)
    for tok in found:
        if tok.lower_ in PLACE_WORDS:
            continue
        if tok.i in taken or tok.i + 1 >= len(doc) or not (
                tok.lower_ in LOC_PREPS or (tok.lower_ == "of" and tok.i > 0
                                             and doc[tok.i - 1].lemma_ in _NAMED_BY_OF)):
            continue
        j = tok.i + 1
        if doc[j].lower_ == "the":
            j += 1
        if j + 1 < len(doc) and doc[j].lower_ in _SLOT_DIRECTIONS:
            j += 1  # "in central Thessaloniki"
        k = j
        while k < len(doc) and k not in taken:
            t = doc[k]
            if t.is_title and (t.pos_ == "PROPN" or (k > j and t.pos_ in ("NOUN", "ADJ"))):
                k += 1
            elif k > j and (_link(doc, k) or (
                    k + 1 < len(doc) and doc[k + 1].is_title and t.text == "-"
                    and not t.whitespace_ and not doc[k - 1].whitespace_)):
                k += 1
            elif k > j and hyphen_joiner(doc, k):
                k += 3  # "Shar-i-Shali", "Pul-e-Charkhi": one name
            else:
                break
        if k > j:
            k, merged = run_into_entity(doc, j, k, soft, out)  # "in Paka Luesong village"
            start, end = doc[j].idx, doc[k - 1].idx + len(doc[k - 1])
            if not merged and any(i in soft for i in range(j, k)) and (
                    (k < len(doc) and doc[k].lower_ in ("'s", "’s"))  # "at Clinton's rally"
                    or not (
                    mention_candidates(doc[j:k].text, variants=False)[1]
                    or chain_readings(doc[j:min(k + 25, len(doc))].text, end - start))):
                continue
            out.append((start, end, merged))
            taken.update(range(j, k))
    # an ORG entity that is exactly a country or region name ("Baku's opposition" stays an
    # actor mention but is still a place the article mentions); a district only by its
    # whole name: "Hamza Division", an armed group, is no Hamza district of Iraq
    for ent in doc.ents:
        if ent.label_ == "ORG" and not any(ent.start_char < e and ent.end_char > s
                                           for s, e, _ in out):
            form, cands = mention_candidates(ent.text)
            whole = form == fold_name(ent.text)
            if any(c.precision in ("country", "region") and (whole or c.kind != "admin2")
                   and not c.alias for c in cands) and len(ent) <= 3:
                out.append((ent.start_char, ent.end_char, True))
    # "Hakkari Governor's Office extended the ban", "Van Governorship": a governor's office
    # named after its province or town is an office of that place; the name is a mention
    for ent in doc.ents:
        m = _GOVERNOR.match(ent.text)
        if ent.label_ in ("ORG", "PERSON", "FAC") and m and not any(
                ent.start_char < e and ent.start_char + len(m.group(1)) > s0 for s0, e, _ in out):
            if any(c.precision != "country" and not c.alias
                   for c in mention_candidates(m.group(1), variants=False)[1]):
                out.append((ent.start_char, ent.start_char + len(m.group(1)), True))
    out = named_by_tail(doc, longest_names(doc, out),
                        [t for t in found if t.lower_ in PLACE_WORDS])
    out = road_towns(doc, out)
    return sorted(m for m in out if not names_an_office(doc, m[0], m[1]))


_GOVERNOR = re.compile(r"^(?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*){0,2}) (?:Governor(?:'s|’s)?"
                       r"(?: Office)?|Governorship)$")
def _context(doc: Doc, resolved: list[GazetteerEntry], text: str
             ) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Countries (with counts) and the admin units (tags, see ``tags``) the article
    mentions unambiguously; a field mission it names counts for its host country ("the
    OSCE SMM observed ... near Zolote-4": Ukraine), a unit of one country's
    administration for that country ("Barangay Magdawat": the Philippines;
    ``note_places.unit_countries``)."""
    countries: dict[str, int] = {}
    for iso3 in mission_hosts(text) + unit_countries(text):
        countries[iso3] = countries.get(iso3, 0) + 1
    states: set[str] = set()
    for e in resolved:
        if e.country:
            countries[e.country] = countries.get(e.country, 0) + 1
        if e.kind in ("admin1", "admin2") or (e.precision == "region" and e.admin1_name):
            states |= tags(e) - {e.country}
    for ent in doc.ents:
        if ent.label_ == "NORP":
            iso3 = kb.country_by_adjective(ent.text)
            if iso3:
                countries[iso3] = countries.get(iso3, 0) + 1
    return countries, states




def _score(e: GazetteerEntry, countries: dict[str, int], states: set[str],
           parts: list[set[str]], seats: set[str] = frozenset()) -> float:
    """A reading's score: its prior, its country among the article's (or a neighbour),
    an admin unit the article names (or, for an admin1 unit, one that a town the
    article names lies in: ``seats``), and each part of the chain after the mention
    that it lies in (``qualifier_parts``), once a part."""
    s = e.prior
    if e.country and e.country in countries:
        s += 3.0
    elif e.country and neighbours().get(e.country, set()) & set(countries):
        s += 1.5
    own = tags(e)
    if states and (own - {e.country}) & states:
        s += 5.0
    elif e.kind == "admin1" and seats and own & seats:
        s += 5.0  # the unit a place the article names lies in: Al Hazm's Al Jawf is Yemen's
    # a part it lies in as an admin unit counts double a part that names only its country
    agree = sum(2 if (own - {e.country}) & part else 1 for part in parts if own & part)
    if agree:
        s += 20.0 + 2.0 * agree
    return s


_Mention = tuple[int, int, str, list[GazetteerEntry], bool]  # start, end, text, readings, dateline


def _landmark_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple]:
    """Seats of government used as places: "visited the White House", "talks at
    Downing Street" (knowledge-base metonyms, in a locative slot only)."""
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


def _unambiguous(mention: _Mention) -> GazetteerEntry | None:
    """The reading of a mention that needs no context: the only one, the only country's,
    or one far likelier (3 in prior) than any reading in another country."""
    cands = mention[3]
    if len({(c.country, c.precision) for c in cands}) == 1:
        return cands[0]
    top = max(cands, key=lambda c: c.prior)
    rivals = [c.prior for c in cands if c.country != top.country]
    if not rivals or top.prior - max(rivals) >= 3.0:
        return top
    return None




_SMALL_TOWN = SMALL_TOWN_PRIOR  # a town of some 30,000 people


def _chain_unit(best: GazetteerEntry, qual: set[str], doc_text: str, end: int
                ) -> GazetteerEntry | None:
    """The chain's own unit for a town the chain puts in another first-level unit of its
    country ("near Pisky, Donetsk" is no Pisky of Poltava oblast; the gazetteer lacks
    Donetsk's): the chain's finest unit that lies in a first-level unit it names, a
    second-level one where its finest part is only that ("Tudun Wada (Kaduna North LGA,
    Kaduna)": Kaduna North, not the Tudun Wada of Kano), where the town lies in none of the units the
    chain names; else None."""
    units = {t for t in qual if t.startswith(f"a1:{best.country}:")}
    if not units or best.prior >= _SMALL_TOWN or tags(best) & (qual - {best.country}):
        return None
    found = [e for e in chain_readings(doc_text, end, after_in=True) if e.kind in (
        "admin1", "admin2") and e.country == best.country and tags(e) & units]
    # (a part that reads as a first-level unit names it: "Pisky, Donetsk" is no Donetsk raion)
    found = [e for e in found if e.kind == "admin1"] or found
    return max(found, key=lambda e: e.prior) if found else None


def _far_fetched(e: GazetteerEntry, countries: dict[str, int], qual: set[str],
                 missions_only: set[str] = frozenset()) -> bool:
    """A weak reading (an alternate name, a town under 100,000 people) abroad: in an
    article about other countries, "Bala" is a word of a local name, not Basel. A
    neighbour of the article's countries is not abroad, unless the article names that
    country only through a field mission, which works inside it ("the OSCE SMM observed
    ... near Komsomolets" is no Komsomolets of Russia)."""
    if not countries or e.country is None or e.country in countries or (tags(e) & qual) \
            or e.precision == "country":
        return False
    if neighbours().get(e.country, set()) & (set(countries) - missions_only):
        return False
    return e.alias or e.variant or (e.precision == "city" and e.prior < BIG_TOWN_PRIOR) or e.kind == "admin2"


def _modifier(doc: Doc, start: int, end: int) -> bool:
    """Does the mention modify a noun ("the US dollar", "a Syrian town")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("compound", "amod", "nmod") \
        and span.root.head.pos_ in ("NOUN", "PROPN")


def find_places(doc: Doc) -> list[PlaceHit]:
    """Every gazetteer place the doc mentions, in text order, the dateline included."""
    mentions: list[_Mention] = []
    doc_text = syntax_doc_text(doc)
    dl = find_dateline(doc_text)
    if dl is not None:
        name = dl.place.title() if dl.place.isupper() else dl.place
        _, cands = mention_candidates(name, variants=False)
        if not cands and dl.region:
            # a town the gazetteer lacks, or a misspelt one: "ALBUQUERUQE, N.M." -> the state
            state = state_entry(dl.region)
            _, country = mention_candidates(dl.region)
            cands = [state] if state else [c for c in country if c.precision == "country"][:1]
        if cands:
            mentions.append((dl.place_start, dl.place_end, dl.place, cands, True))
    by_chain: set[int] = set()  # the starts of mentions read as the chain after them
    for start, end, from_ent in _mention_spans(doc):
        if dl is not None and start < dl.place_end and end > dl.place_start:
            continue
        text = doc_text[start:end]
        _, cands = mention_candidates(text)
        # an alternate name of a small city is too weak a reading ("Borges" is no Bourges);
        # a missed entity needs a big one ("flew to Kiev")
        floor = 2.0 if from_ent else 3.5
        weak = [c for c in cands if c.alias and c.precision == "city" and c.prior < floor]
        if weak:
            # (a name the text calls a city or town is one, "in Diwaniya city", unless the
            # chain after it says otherwise: "Kadikoy town, Istanbul" is no Kadikoy of Aydin)
            # unless the chain after it vouches for it: "near Avdiivka, Donetsk" is
            # Avdiyivka of Donetsk oblast
            qual = qualifier(doc_text, end)
            cands = [c for c in cands if c not in weak or tags(c) & qual - {None}
                     or (names_a_place(text) and not qual)]
        # "Oregon" the state, not Oregon, Ohio: a state beats a smaller town of its name
        state = next((c for c in cands if c.precision == "region" and c.country == "USA"
                      and not c.alias), None)
        if state is not None:
            cands = [c for c in cands if c.precision != "city" or c.prior > state.prior]
        if cands and all(c.variant for c in cands):
            # a name spelt like a place: the place if the chain after it agrees ("Saraqab
            # (Idleb)"), else the chain's own unit ("near Novomykhaylivka, Donetsk")
            qual = qualifier(doc_text, end)
            agreeing = [c for c in cands if tags(c) & qual]
            if not agreeing and (chain := chain_readings(doc_text, end)):
                by_chain.add(start)
            cands = agreeing or chain or cands
        if cands and all(c.seatless for c in cands) and chain_readings(doc_text, end, towns=True):
            cands = []  # "Kharwar district, Logar": a unit with no point, placed by its chain
        if not cands:
            cands = chain_readings(doc_text, end, towns=True)
            by_chain.add(start)
        if cands:
            mentions.append((start, end, text, cands, False))
    mentions += capital_mentions(doc, doc_text)
    mentions += _landmark_mentions(doc, [(m[0], m[1]) for m in mentions])
    # (a unit with no place of its own names a country only where its chain vouches for it)
    own = [e if e and (not e.variant or e.kind == "admin1") and not (e.seatless and not (
        m[0] in by_chain or tags(e) & qualifier(doc_text, m[1]) - {e.country}))
        else None for e, m in zip(map(_unambiguous, mentions), mentions)]
    own = [None if e and not m[4] and chain_denies(e, doc_text, m[1]) else e
           for e, m in zip(own, mentions)]
    all_countries, states = _context(doc, [e for e in own if e], doc_text)
    states |= mission_units(doc_text)  # "the OSCE SMM observed ... near X": Donbas
    # countries the article names only through a field mission working there
    hosts = mission_hosts(doc_text)
    missions_only = {c for c in hosts if all_countries.get(c, 0) <= hosts.count(c)}
    # the admin1 units the towns the article names unambiguously lie in ("a1:YEM:al jawf")
    seat_of = [{t for t in tags(e) if t.startswith("a1:")}
               if e is not None and e.kind == "city" and not e.variant else set() for e in own]
    # the first-level units it names (not through a part of a town: see neighbourhood)
    units = states | {t for ts, m in zip(seat_of, mentions) if not m[4] and not neighbourhood(
        m[2], doc_text, m[1]) for t in ts}
    hits = []
    # the places that name a country for the context (not "the US dollar": a modifier)
    placed = [e.country if e and e.country and not (
        e.precision == "country" and _modifier(doc, m[0], m[1])) else None
        for e, m in zip(own, mentions)]
    names = [fold_name(m[2]) for m in mentions]
    # a place its own chain vouches for ("Qalanqal village (Gaalkacyo, Mudug)") is sure
    sure = [e is not None and not m[4] and bool(tags(e) & qualifier(doc_text, m[1]) - {None})
            for e, m in zip(own, mentions)]
    chained: list[tuple[int, int, str | None]] = []  # (end, chain's end, country) of sure places
    for i, (start, end, text, cands, is_dl) in enumerate(mentions):
        # a reading does not vouch for itself where likelier or surer places name countries
        # ("Kelly in Idleb" is no Kelly of the United States because that Kelly is American),
        # nor does the same name said again ("Gara (Chiya-e Gara)")
        countries = all_countries
        others = {c for j, c in enumerate(placed) if c and names[j] != names[i]
                  and own[i] is not None and (own[j].prior >= own[i].prior or sure[j])}
        if own[i] is not None:
            others |= missions_only  # a mission names its host as surely as a place would
        if own[i] is not None and own[i].country and others:
            countries = dict(all_countries)
            countries[own[i].country] -= sum(1 for j, e in enumerate(own) if e is not None
                                             and names[j] == names[i]
                                             and e.country == own[i].country)
            if countries[own[i].country] <= 0:
                del countries[own[i].country]
        parts = qualifier_parts(doc_text, end) if not is_dl else []
        if is_dl and dl is not None and dl.region:
            parts = [qualifier_of(dl.region)]
        parent = next((c for s0, e0, c in chained if s0 <= start and end <= e0), None)
        if parent and not is_dl:
            # a part of the chain of a place that chain vouches for lies in that place's
            # country: "Analalava (Analalava, Sofia)" is Madagascar's Sofia, not Bulgaria's
            parts = [*parts, {parent}]
        qual = set().union(*parts)
        # (another name's, and not where the name is also a town of that country: "Kirkuk"
        # or "Timbuktu (Tombouctou)" stay the town)
        towns_here = {c.country for c in cands if c.kind == "city"}
        seats = {t for j, ts in enumerate(seat_of) if names[j] != names[i] for t in ts
                 if t.split(":")[1] not in towns_here}
        if parts and not is_dl and seat_of_chain(text, doc_text, end):
            # "in Veracruz, Veracruz": the town, in the unit of its name
            cands = [c for c in cands if c.kind == "city" and not c.alias
                     and tags(c) & parts[0]] or cands
        best = max(cands, key=lambda e: _score(e, countries, states, parts, seats))
        country_of_chain = chain_country(qual, parts)
        if qual and not is_dl and best.precision != "country" and country_of_chain not in (
                None, best.country):
            # the chain after it puts it in another country: "Bayt Maghari village (Hays, Al
            # Hudaydah)" is no Hays of the United States: its namesake in the chain's
            # country ("Mansura in the western countryside of Ar-Raqqa"), else the chain's
            # own unit
            chain = [e for e in cands if e.country == country_of_chain] or [
                e for e in chain_readings(doc_text, end, after_in=True)
                if e.country == country_of_chain]
            if not chain:
                continue  # a namesake abroad, and the chain names nothing to stand in
            best = max(chain, key=lambda e: _score(e, countries, states, []))
            if best not in cands:
                by_chain.add(start)
        elif qual and not is_dl and best.kind == "city" and (unit := _chain_unit(
                best, qual, doc_text, end)) is not None:
            best = unit
            by_chain.add(start)
        elif qual and not is_dl and best.precision == "country" and doc_text[end:end + 2] \
                .lstrip()[:1] == "(" and (inside := [e for e in chain_readings(doc_text, end)
                                                    if e.country == best.country]):
            # "in western Yemen (Hays, Al Hudaydah)": the country's unit its chain names
            best = max(inside, key=lambda e: e.prior)
            by_chain.add(start)
        elif not qual and not is_dl:
            best = agreed_reading(i, best, cands, own, placed, names, lambda e: _score(
                e, countries, states, parts, seats), states)
        # (a chain does not vouch for the second-level unit it read a place the gazetteer
        # lacks as, a name many districts share: "Barangay Poblacion, San Isidro" of a
        # Philippine note is no Partido de San Isidro of Argentina)
        if not is_dl and _far_fetched(best, countries, set() if start in by_chain
                                      and best.kind == "admin2" else qual, missions_only):
            continue
        if not is_dl and not tags(best) & qual and neighbourhood(text, doc_text, end) and (
                best.country not in countries and countries or outside_units(best, units)):
            # a part of a town is in the town's country and unit: "in the Fonseca neighborhood"
            # of a note on Niteroi, Rio de Janeiro is no Fonseca of neighbouring Colombia
            continue
        if best.seatless and not is_dl and not vouched_unit(best, doc_text, end, countries, qual):
            continue
        if best.variant and best.kind != "admin1" and best.country not in countries \
                and not tags(best) & qual and (countries or not names_a_place(text)):
            # a town spelt like one abroad, or in a text of no country, unless the text
            # calls it a place and names no country to put it elsewhere ("in Nassriya city")
            continue
        if not is_dl and start not in by_chain and tags(best) & qual:
            # (a reading of the chain itself is no place of its own: "Barangay Tagapo, Santa
            # Rosa, Laguna" read as the chain may pick a namesake abroad)
            chained.append((end, chain_end(doc_text, end), best.country))
        hits.append(PlaceHit(start, end, text, best.name, best.country, best.lat, best.lon,
                             best.precision, is_dl, best.admin1_name, best.kind))
    hits.sort(key=lambda h: h.start)
    return hits


def dateline_place(doc: Doc, place_hits: list[PlaceHit]) -> PlaceHit | None:
    """The place of the article's dateline ("KABUL, May 3 (Reuters) -"), if any."""
    return next((h for h in place_hits if h.dateline), None)


# ---------------------------------------------------------------- event location

def location_for(doc: Doc, trigger_token: int, place_hits: list[PlaceHit],
                 note: bool = False) -> PlaceHit | None:
    """The event's place, with the rule that placed it in ``source``:

    1. ``clause``: a locative of the event's clause ("clashes in Tovuz", "a visit
       to Baku", "Kabul province"; subjects, objects, possessors and "with" or
       "against" phrases are actors). Among several: fewest clause boundaries,
       then the better attachment, then the finer place; an origin ("from X") or
       "over"/"on"/"through" place only where no locative is (an unreached
       locative of the sentence, rule 2, comes first: "In X, migrants returned
       from Y" is in X).
    2. ``sentence``: for an act that is not one of words, a locative place of the
       trigger's sentence that the clause structure does not reach ("..., killing
       4 policemen, in the Rahim Khail area of PD4, Gardez city, Paktia").
    3. ``paragraph``: for such an act, the nearest locative place of the
       trigger's paragraph ("Fatalities coded as 4." after the sentence that
       says where).
    4. ``dateline``: the dateline's place, unless the sentence (else its
       paragraph) names countries or regions and none of them is in the
       dateline's country (the war between Armenia and Azerbaijan is not in
       Tehran, where the reporter writes).
    5. ``paragraph`` too: in a text of one paragraph with no dateline (an
       analyst's note, a short report), the first place of the text in a
       locative slot, for any event: a note tells of one occasion in one place
       ("On 1 May 2020, in San Juan, workers drove through the city ... nurses
       demanding better working conditions").
    6. ``note``: with ``note`` (the text is an analyst's note that opens with its
       date), the note's place wherever it stands (``note_places.any_note_place``).
    7. ``chain``: with ``note`` and no place at all, the note's first bracketed
       admin chain ("(Mayo-Tsanaga, Extreme-Nord)").
    """
    if not doc or trigger_token is None or not 0 <= trigger_token < len(doc):
        return _with_source(dateline_place(doc, place_hits), "dateline")
    trig = doc[trigger_token]
    sent = trig.sent
    verbal = trig.lemma_ in VERBAL_VERBS or trig.lemma_ in VERBAL_NOUNS
    best = None
    loose: list[tuple[tuple, PlaceHit]] = []
    fine = {"city": 0, "region": 1, "country": 2}
    for h in place_hits:
        if h.dateline:
            continue
        in_sent = sent.start_char <= h.start < sent.end_char
        if not in_sent and verbal:
            continue
        attach = mention_role(doc, h.start, h.end)
        if attach is None:
            continue
        span_start, root_i, rank, anchor_i, modifier = attach
        if modifier and h.precision == "country":
            continue  # "the U.S. military prison", "the UK government": a nationality
        if not in_sent:
            if rank <= 1 and same_paragraph(doc, span_start, trig.i):
                loose.append(((1, abs(h.start - trig.idx)), h))
            continue
        anchor = doc[anchor_i]
        r = reach(anchor, trig, object_clause=trig.lemma_ not in VERBAL_VERBS)
        # an act of words is located by its own locatives, not by places in what it is
        # about: "condemned the attack in Quetta" says where the attack was
        if r is None or r[1] > 3 or (verbal and through_object(anchor, trig)):
            if not verbal and rank == 0 and not own_clause(anchor, trig,
                                                            h.precision == "country"):
                loose.append(((0, fine.get(h.precision, 3), abs(root_i - trig.i)), h))
            continue
        clauses, hops = r
        # "from", "over", "on", "through" (rank 2) rank below any locative of the clause
        key = (rank == 2, clauses, rank, hops, fine.get(h.precision, 3), abs(root_i - trig.i))
        if best is None or key < best[0]:
            best = (key, h)
    if best is not None and not (best[0][0] and any(k[0] == 0 for k, _ in loose)):
        return _with_source(best[1], "clause")  # else an unreached locative of the sentence
    if loose:
        key, h = min(loose, key=lambda kv: kv[0])
        return _with_source(h, "sentence" if key[0] == 0 else "paragraph")
    dl = dateline_place(doc, place_hits)
    if dl is not None:
        # countries and regions named in the sentence, else in its paragraph
        wide = [h for h in place_hits if not h.dateline and h.precision in ("country", "region")]
        named = [h for h in wide if sent.start_char <= h.start < sent.end_char]
        if not named:
            named = [h for h in wide if same_paragraph(doc, token_at_char(doc, h.start), trig.i)]
        if named and all(h.country != dl.country for h in named):
            return None
        return _with_source(dl, "dateline")
    first = note_place(doc, trig, verbal, place_hits)
    if first is not None or not note:
        return _with_source(first, "paragraph")
    found = any_note_place(doc, place_hits)
    if found is not None:
        return _with_source(found, "note")
    return _with_source(_chain_place(doc, place_hits), "chain")


def country_place(iso3: str, source: str) -> PlaceHit | None:
    """A country as an event's place (precision ``country``, its centroid)."""
    row = kb.country(iso3)
    if not row:
        return None
    return PlaceHit(0, 0, "", row["name"], iso3, row.get("lat"), row.get("lon"), "country",
                    level="country", source=source)


def entry_place(e: GazetteerEntry, source: str) -> PlaceHit:
    """A gazetteer entry named nowhere in particular as an event's place."""
    return PlaceHit(0, 0, "", e.name, e.country, e.lat, e.lon, e.precision, False,
                    e.admin1_name, e.kind, source)


_PAREN = re.compile(r"\(([^()]{2,80})\)")


def _chain_place(doc: Doc, place_hits: list[PlaceHit]) -> PlaceHit | None:
    """Rule 7 of ``location_for``: a note's first bracketed admin chain, read as
    ``chain_readings`` reads one, when the place before it is none the gazetteer knows:
    "in Minawao village, Mokolo subdivision (Mayo-Tsanaga, Extreme-Nord)" is in
    Cameroon's Extreme-Nord. A reading in a country the note names or whose nationality
    it names comes first ("an Egyptian soldier west of Rafah (Rafah, North Sinai)")."""
    text = syntax_doc_text(doc)
    named = {h.country for h in place_hits if h.country} | {
        kb.country_by_adjective(e.text) for e in doc.ents if e.label_ == "NORP"}
    for m in _PAREN.finditer(text):
        cands = chain_readings(text, m.start(), towns=True)
        if cands and named and not any(c.country in named for c in cands):
            # the chain's unit is a homonym abroad: another name of the chain in a country
            # the note names ("(Rafah, North Sinai)" of an Egyptian soldier: Sinai)
            cands = [c for part in chain_parts(m.group(1)) for c in mention_candidates(
                part.strip())[1] if c.country in named and c.kind in ("admin1", "admin2",
                                                                      "region")][:1] or cands
        if cands:
            e = max(cands, key=lambda c: (c.country in named, c.prior))
            return PlaceHit(m.start() + 1, m.end() - 1, m.group(1), e.name, e.country, e.lat,
                            e.lon, e.precision, False, e.admin1_name, e.kind)
    return None


def _with_source(h: PlaceHit | None, source: str) -> PlaceHit | None:
    return None if h is None else dataclasses.replace(h, source=source)
