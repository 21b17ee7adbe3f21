"""Mention spans the parser cut or missed, for ``places.find_places``: a road named after
the towns it joins ("the Sidon-Tyr highway"), a name the parser cut short ("Port of Spain",
"Toba Tek Singh") and a name before a word that says what kind of place it is ("Hadramawt
governorate", "Nassriya city"). Each takes and returns the mention spans
``(start_char, end_char, from_entity)``. Split out of ``places.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from communique.extract.gazetteer import candidates as gazetteer_candidates
from communique.extract.gazetteer import fold_name
from communique.extract.place_chains import CITY_WORDS, UNIT_WORDS, mention_candidates, unit_abroad
from communique.extract.syntax import doc_text as syntax_doc_text
from communique.extract.syntax import token_at_char, tokens_where
from communique.word_lists import word_list

__all__ = ["hyphen_joiner", "longest_names", "named_by_tail", "road_towns", "run_into_entity"]

_ROADS = {"road", "highway"}


def road_towns(doc: Doc, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """"the Sidon highway", "the Baalbek-Homs road", "the Kahnuj-Ghale Ganj road": a road
    named after the town it leads from, or the towns it joins, is at the first of them the
    gazetteer knows as a town by that very name (not another name, not a spelling alike);
    the name is a mention of that town, whatever label the parser gave it. Only where no
    other place of the sentence says where ("at the Khulna-Jessore highway in Jessore" is
    in Jessore)."""
    for road in tokens_where(doc, "lower", _ROADS):
        if road.i == 0 or not doc[road.i - 1].is_title:
            continue
        sent = road.sent
        if any(sent.start_char <= m[0] < sent.end_char and not (
                doc[max(road.i - 8, 0)].idx <= m[0] < road.idx)
               and any(c.precision != "country" for c in mention_candidates(
                   doc.text[m[0]:m[1]], variants=False)[1]) for m in spans):
            continue  # (a country, "the US dollar", says no more where than the road)
        j = road.i
        while j > 0 and (doc[j - 1].is_title or (doc[j - 1].text == "-" and j > 1
                                                  and doc[j - 2].is_title)):
            j -= 1
        parts, k = [], j
        for i in range(j, road.i + 1):
            if i == road.i or doc[i].text == "-":
                parts.append((k, i))
                k = i + 1
        for a, b in parts:
            if b <= a:
                continue
            start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
            towns = [c for c in mention_candidates(doc[a:b].text, variants=False)[1]
                     if c.kind == "city" and not c.alias and not c.variant]
            if towns:
                first, last = doc[j].idx, road.idx
                spans = [m for m in spans if m[1] <= first or m[0] >= last] + [(start, end, False)]
                break
    return spans


# words that may join the words of one place name ("Port of Spain", "Kut e Abdollah",
# "Kohgiluyeh and Boyer-Ahmad", "Trinidad and Tobago")
_NAME_JOINERS = {"of", "e", "i", "and", "de", "del", "la", "al", "el", "-", "y"}


def longest_names(doc: Doc, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Each mention run on over the words after it while the longer name is a place the
    gazetteer knows by that name: the parser cuts "Port of Spain" into "Port" and "Spain
    city", "Toba Tek Singh" into "Toba" and "Singh city", "Kut e Abdollah" after "Kut".
    A mention the longer one covers goes."""
    out: list[tuple[int, int, bool]] = []
    text = syntax_doc_text(doc)
    ran_on: list[tuple[int, int]] = []  # the stretches a mention was run on over
    for start, end, from_ent in sorted(spans):
        if any(s0 <= start < e0 for s0, e0 in ran_on):
            continue  # inside a name already run on
        i = token_at_char(doc, end - 1) + 1
        for n in (4, 3, 2, 1):
            toks = doc[i:i + n]
            if len(toks) < n or not toks[-1].is_title or any(
                    not (t.is_title or t.lower_ in _NAME_JOINERS) or t.ent_type_ in (
                        "DATE", "TIME", "CARDINAL") for t in toks):
                continue
            longer = text[start:toks[-1].idx + len(toks[-1])]
            if any(not c.alias and c.prior >= 2.5 for c in gazetteer_candidates(fold_name(longer))):
                ran_on.append((end, toks[-1].idx + len(toks[-1])))
                end = toks[-1].idx + len(toks[-1])
                break
        out.append((start, end, from_ent))
    return out


def named_by_tail(doc: Doc, spans: list[tuple[int, int, bool]], tails: list[Token]
                   ) -> list[tuple[int, int, bool]]:
    """A name before a lower-case word that says what kind of place it is ("Hadramawt
    governorate", "Yaounde city", "Lara state") is a mention whatever label the parser gave
    it, when the gazetteer knows it; a mention so followed takes the word ("in Diwaniya
    city": the city, not the governorate). ``tails``: the doc's tokens of ``PLACE_WORDS``."""
    out = []
    text = syntax_doc_text(doc)
    ends = {token_at_char(doc, e - 1): (s, e, f) for s, e, f in spans}
    covered = {i for s, e, _ in spans for i in range(token_at_char(doc, s),
                                                     token_at_char(doc, e - 1) + 1)}
    used = set()
    for tail in tails:
        if not tail.is_lower or tail.i == 0 or tail.i in covered:
            continue
        prev = tail.i - 1
        if prev in ends:
            # only where the word is needed: a name known only as another place's alternate
            # name ("Diwaniya") or as an admin unit ("Nassriya" district) is a city the text
            # names; "San Juan city" stays San Juan
            s, e, f = ends[prev]
            if tail.lower_ in CITY_WORDS and not text[e:tail.idx].strip() and not any(
                    not c.alias and c.kind == "city"
                    for c in mention_candidates(text[s:e], variants=False)[1]):
                used.add((s, e, f))
                out.append((s, tail.idx + len(tail), f))
            elif tail.lower_ in UNIT_WORDS and not text[e:tail.idx].strip() \
                    and unit_abroad(text[s:e], text[s:tail.idx + len(tail)]):
                # the word picks a unit of another country than the name alone: "Lagunillas,
                # Merida state" is Venezuela's state, not the city of Yucatan ("Herat
                # province" keeps the city: the unit is in the same country)
                used.add((s, e, f))
                out.append((s, tail.idx + len(tail), f))
            continue
        j = prev
        while j >= 0 and j not in covered and doc[j].ent_type_ not in (
                "DATE", "TIME", "CARDINAL", "ORDINAL") and (doc[j].is_title or (
                doc[j].text == "-" and j > 0 and doc[j - 1].is_title)):
            j -= 1
        j += 1
        if j > prev or doc[j].is_stop or not doc[j].is_title:
            continue  # no name, or "The city", "This town"
        start, end = doc[j].idx, tail.idx + len(tail)
        if mention_candidates(text[start:end])[1]:
            out.append((start, end, False))
            covered.update(range(j, tail.i + 1))
    return [m for m in spans if m not in used] + out


_HYPHEN_JOINERS = word_list("hyphen_name_joiners")


def hyphen_joiner(doc: Doc, k: int) -> bool:
    """Do tokens ``k`` to ``k + 2`` join two capitalised words into one name with a
    lower-case linking word between hyphens ("Shar-i-Shali", "Pul-e-Charkhi")?"""
    if k + 3 >= len(doc) or doc[k].text != "-" or doc[k + 2].text != "-":
        return False
    return doc[k + 1].lower_ in _HYPHEN_JOINERS and doc[k + 1].is_lower \
        and doc[k + 3].is_title and not any(doc[i].whitespace_ for i in range(k - 1, k + 3))


_NAME_LABELS = {"GPE", "LOC", "FAC"}
_LINKS = {"of", "de", "del", "la", "las", "los", "al", "el", "du", "des", "da", "do", "dos", "di"}


def run_into_entity(doc: Doc, j: int, k: int, soft: set[int],
                    out: list[tuple[int, int, bool]]) -> tuple[int, bool]:
    """Where a run of capitalised words after a locative preposition (tokens [j, k)) stops
    in the middle of a name the parser marked, the name is the whole of it: the run's new
    end, and whether it took over the mention of a place entity (removed from ``out``).

    - a run that stops inside a mislabelled entity ("in Coast of Zwara (...)", an ORG) runs
      on over the entity's words: "Coast" alone is another place (Tanzania's Coast region);
    - a run that stops right where a place entity starts ("in Paka Luesong village", the
      entity being "Luesong village") is one name with it: "Paka" alone is a Malaysian town.
    """
    if k >= len(doc) or k == j:
        return k, False
    last, nxt = doc[k - 1], doc[k]
    if k - 1 in soft and nxt.ent_iob_ == "I":
        end = k
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        # only a name of capitalised words and "of" ("Coast of Zwara"), the whole entity:
        # not "Mandaguari and Perola", "the University of ... Hospital in Akure (..."
        if all(t.is_title or t.lower_ in _LINKS for t in doc[k:end]) and doc[end - 1].is_title:
            return end, False
        return k, False
    if nxt.ent_iob_ == "B" and nxt.ent_type_ in _NAME_LABELS and nxt.is_title \
            and last.is_alpha and last.whitespace_:
        mention = next((m for m in out if m[0] == nxt.idx), None)
        if mention is not None:
            out.remove(mention)
            return token_at_char(doc, mention[1] - 1) + 1, True
    return k, False
