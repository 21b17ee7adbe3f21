"""Titles: what the words around a person or body say of its country, sector and role.

"Iranian Parliament Speaker X", "X, Iran's foreign minister", "NATO Secretary
General X": nationality and country words give the country, office words the
sector (``kb.longest_sector_phrase``) and the role.
"""

from __future__ import annotations

from functools import lru_cache

from .. import kb
from ..word_lists import word_list
from . import gazetteer
from .actor_table import PERSON_NOUNS, SUBJECT_DEPS, ActorTable, Proto
from .place_roles import PORTFOLIOS

# Words that describe but name no office: not a role.
GENERIC_PERSON_NOUNS = word_list("generic_person_nouns")
ABBREVIATIONS = {"fm": "foreign minister", "pm": "prime minister",
                 "dm": "defence minister"}
# Words that grade an office but are not part of its name.
ROLE_MODIFIERS = word_list("role_modifiers")


def title_before(table: ActorTable, proto: Proto, i: int, inner_titles) -> None:
    """Role, sector and country from the words before a name: "Iranian Parliament Speaker X"."""
    doc = table.doc
    k = i
    words = []
    while k > 0:
        prev = doc[k - 1]
        if prev.dep_ == "case" and k - 2 >= 0:  # "Russia 's Foreign Minister X"
            k -= 1
            continue
        titled = prev.text[:1].isupper() and prev.pos_ in ("PROPN", "NOUN", "ADJ")
        inner = (prev.lower_ in ("of", "for") and words and k - 2 >= 0
                 and doc[k - 2].text[:1].isupper() and not doc[k - 2].is_punct)
        office = prev.pos_ in ("NOUN", "ADJ") and (kb.sector_of(prev.lower_) is not None
                                                  or kb.country_by_adjective(prev.text) is not None)
        # "Chinese actor Jiang Jinfu", "activist pastor X": a common noun fastened to the name
        described = (prev.pos_ == "NOUN" and prev.dep_ == "compound" and prev.head.i >= i
                     and k - 2 >= 0 and doc[k - 2].pos_ in ("NOUN", "ADJ", "PROPN"))
        if described and not (titled or inner or office):
            words.insert(0, prev)
            k -= 1
            continue
        if prev.is_space or prev.is_punct or not (titled or inner or office):
            break
        if prev.pos_ in ("VERB", "AUX", "DET", "PRON", "CCONJ") or prev.like_num:
            break
        if prev.ent_type_ in ("DATE", "TIME", "PERSON") and prev.ent_iob_ != "O":
            break
        words.insert(0, prev)
        k -= 1
        if len(words) >= 7:
            break
    words = words + list(inner_titles)
    qualify(table, proto, words)
    for w in words:  # the title words belong to the person's mention
        if w.i not in table.claimed or table.claimed[w.i].kind == "country":
            owner = table.claimed.get(w.i)
            if owner is not None:
                owner.mentions = [m for m in owner.mentions if not (m[0] <= w.i < m[1])]
            table.claimed[w.i] = proto


def qualify(table: ActorTable, proto: Proto, words) -> None:
    """Country, sector and role from nationality and title words.

    The words before an office are read first: in "the UAE Ambassador to Bahrain" or "the
    United Nations envoy for Yemen" the country after "to" / "for" is where the office is
    held (``posting``); it is the holder's only when nothing before the office says whose.
    A body ("United Nations prosecutor": UNO) and, for a person, a state or province that
    only one country has ("Ontario Premier", "NSW Premier": ``subnational_country``) come
    after the nationality words of that part.
    """
    lowers = [w.lower_ for w in words]
    own, posted = posting(words)
    for part in (own, posted):
        if proto.country or not part:
            continue
        if part is posted and part[0].lower_ in ("to", "for") and _envoy(own):
            continue  # "the Ambassador to Bahrain": not Bahrain's
        proto.country = _country_in(table, part)
        if not proto.country and proto.kind == "person":
            proto.country = _body_in(table, part) or _subnational_in(table, part)
        elif not proto.country and proto.kind == "organization":
            # "BRICS High Representatives": IGO; "the New York Stock Exchange": USA
            proto.country = _body_in(table, part) or _named_unit_in(table, part)
    lowers = [ABBREVIATIONS.get(x, x) for x in lowers]
    expanded = " ".join(lowers).split()
    found = kb.longest_sector_phrase(expanded)
    if found:
        a, b, sector = found
        proto.sector = proto.sector or sector
        role_words = [w for w in expanded[a:b] if w not in ROLE_MODIFIERS]
        if role_words and role_words[-1] not in GENERIC_PERSON_NOUNS:
            role = " ".join(w.capitalize() if w not in ("of", "for", "and") else w for w in role_words)
            if not proto.role or len(role) > len(proto.role):
                proto.role = role
    if proto.kind == "person":
        armed_rank(table, proto, words, found)


def armed_rank(table: ActorTable, proto: Proto, words, found) -> None:
    """A rank of an armed group is the group's: "a Hamas commander", "Hezbollah chief X" are
    of Hamas's and Hezbollah's country and sector, "militant commander X", "a jihadist leader"
    of the rebels (REB), not the army (MIL) or the government (GOV) their rank word alone
    gives. PETRARCH's agents dictionary codes REBEL_COMMANDER, REBEL_LEADER,
    INSURGENT_LEADER, GUERRILLA_LEADER as ~REB; PLV's train part has 5 "rebel leader",
    4 "rebel commander", 3 "Hezbollah chief", 3 "rebel spokesman"/"rebel official"."""
    if not words or words[-1].lower_ not in PERSON_NOUNS:
        return
    rank = found[2] if found else None
    if rank not in (None, "GOV", "MIL"):
        return  # "rebel commander": the phrase is already the rebels'
    before = list(words[:-1])
    for ws, text in _runs(table, before):
        groups = [e for e in kb.lookup(text, table.user) if e.kind == "group"]
        if groups:
            g = groups[0]
            if proto.country is None or proto.country == g.country or not _country_in(table, before):
                proto.country = g.country
            if g.sector:
                proto.sector = g.sector
            return
    if rank and any(kb.sector_of(w.lower_) == "REB" for w in before):
        proto.sector = "REB"


# Offices held for a body or abroad: the country after "to"/"for" is the posting.
ENVOYS = word_list("envoys")
POSTING_PREPS = {"to", "for", "in", "at"}
# Abbreviations of states and provinces that the gazetteer does not hold.
STATE_ABBREVIATIONS = {"nsw": "New South Wales", "qld": "Queensland", "kpk": "Khyber Pakhtunkhwa",
                       "bc": "British Columbia"}


def posting(words) -> tuple[list, list]:
    """``words`` split before the first "to"/"for"/"in"/"at" that follows an office word:
    (whose the office is, where it is held)."""
    for k, w in enumerate(words):
        if k and w.lower_ in POSTING_PREPS and (kb.sector_of(words[k - 1].lemma_)
                                               or words[k - 1].lower_ in PERSON_NOUNS):
            return list(words[:k]), list(words[k:])
    return list(words), []


def _envoy(words) -> bool:
    return bool(words) and words[-1].lower_ in ENVOYS


def _country_in(table: ActorTable, words) -> str | None:
    """The country a nationality word or country name among ``words`` names, longest first."""
    for ws, text in _runs(table, words):  # "South African" before "African"
        c = kb.country_by_adjective(text)
        if not c:
            entries = [e for e in kb.lookup(text, table.user) if e.kind == "country"]
            c = entries[0].country if entries else None
            placed = table.placed(ws[0].idx, ws[-1].idx + len(ws[-1].text), c)
            if placed != c:
                c = None  # "the Georgia Secretary of State": the US state
        if c:
            return c
    return None


def _body_in(table: ActorTable, words) -> str | None:
    """"NATO Secretary General X", "a United Nations prosecutor": the body's code."""
    for _ws, text in _runs(table, words):
        orgs = [e for e in kb.lookup(text, table.user) if e.kind == "organization"]
        if orgs and orgs[0].country:
            return orgs[0].country
    return None


def _runs(table: ActorTable, words):
    """(tokens, text) of each run of 3, then 2, then 1 adjacent tokens of ``words``."""
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            ws = words[k:k + n]
            if all(ws[x + 1].i == ws[x].i + 1 for x in range(n - 1)):
                yield ws, table.doc[ws[0].i:ws[-1].i + 1].text


def _subnational_in(table: ActorTable, words) -> str | None:
    """"Ontario Premier X", "NSW Premier X", "the Punjab chief minister" where only one
    country has that state: the state's country (the place stage's, where it placed it)."""
    for w in words:
        if not w.text[:1].isupper() or w.pos_ != "PROPN" or kb.sector_of(w.lower_) \
                or w.lower_ in PORTFOLIOS or w.lower_ in ROLE_MODIFIERS or w.lower_ in PERSON_NOUNS:
            continue
        placed = table.placed(w.idx, w.idx + len(w.text), None)
        if placed:
            return placed
        found = subnational_country(w.text)
        if found:
            return found
    return None


def _named_unit_in(table: ActorTable, words) -> str | None:
    """A body named for a state or province of one country, in two or three capitalised
    words ("the New York Stock Exchange", "the Bank of Nova Scotia"): that country. One word
    is not enough: "Gulf", "Federal", "Red" are also first-level units somewhere."""
    for ws, text in _runs(table, words):
        if len(ws) < 2 or not all(w.pos_ == "PROPN" and w.text[:1].isupper() for w in ws):
            continue
        found = subnational_country(text)
        if found:
            return found
    return None


@lru_cache(maxsize=4096)
def subnational_country(name: str) -> str | None:
    """The one country whose first-level units (states, provinces) include ``name``."""
    name = STATE_ABBREVIATIONS.get(name.lower(), name)
    units = gazetteer.admin_units(gazetteer.fold_name(name))
    countries = {e.country for e in units if e.kind == "admin1"}
    return countries.pop() if len(countries) == 1 and units[0].kind == "admin1" else None


def appositive(table: ActorTable, proto: Proto, name_span) -> None:
    """"X, Iran's foreign minister," or "X, the Azeri official"; and the other way round,
    "his Iranian counterpart, X", "the UAE Ambassador to Bahrain, X"."""
    root = name_span.root
    head = root.head
    if root.dep_ != "appos":
        _office_before(table, proto, name_span)
    if root.dep_ == "appos" and head.i < name_span.start and not proto.country \
            and (kb.sector_of(head.lemma_) or head.lower_ in PERSON_NOUNS):
        qualify(table, proto, [t for t in head.subtree if t.i < name_span.start and not t.is_punct])
    if root.dep_ == "appos" and head.i < name_span.start and head.lower_ in PERSON_NOUNS \
            and all(table.claimed.get(k) is proto for k in range(head.i + 1, name_span.start)):
        # "Hezbollah chief Sheikh Hassan Nasrallah rejected": the parser made the office the
        # subject and the name its appositive, with no comma between; the office's words that
        # no one else claimed are a mention of the person
        start = head.i
        while start > head.left_edge.i and table.free(start - 1, start) and not table.doc[start - 1].is_punct:
            start -= 1
        if table.doc[start].dep_ == "det":
            start += 1
        if start <= head.i and table.free(start, head.i + 1):
            table.add(proto, start, head.i + 1)
    _office_of_before(table, proto, name_span)
    for child in name_span.root.children:
        if child.dep_ == "appos":
            words = [t for t in child.subtree if not t.is_punct]
            if any(kb.sector_of(t.lemma_) or t.lower_ in PERSON_NOUNS for t in words):
                qualify(table, proto, words)
                i, j = child.left_edge.i, child.i + 1
                if table.free(i, j):  # "the State Councillor" is a mention of the person
                    table.add(proto, i, j)


def _office_of_before(table: ActorTable, proto: Proto, name_span) -> None:
    """"forced the acting head of state Chea Sim out", "Secretary of State X": the parser hangs
    the name on "of" as if it were the office's object; the office is a mention of the person
    (issue 12 item 5: one person's mentions split)."""
    doc, root = table.doc, name_span.root
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.i >= name_span.start - 1:
        return
    office = of.head
    between = doc[of.i + 1:name_span.start]
    if office.i >= of.i or office.lower_ not in PERSON_NOUNS \
            or not all(t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON"
                       for t in between):
        return
    start = office.left_edge.i
    if doc[start].dep_ == "det":
        start += 1
    if not table.free(start, name_span.start):
        return
    qualify(table, proto, [t for t in doc[start:name_span.start] if not t.is_punct])
    table.add(proto, start, name_span.start)


def _office_before(table: ActorTable, proto: Proto, name_span) -> None:
    """"has received the UAE Ambassador to Bahrain, Abdulridha Khori, to discuss": an office
    and a comma right before a name describe the person named, where the parser made the
    two phrases objects of their own; the office's words become a mention of the person."""
    doc = table.doc
    k = name_span.start - 1
    if k < 1 or doc[k].text != "," or name_span.root.dep_ in SUBJECT_DEPS:
        return
    last = doc[k - 1]
    office = last
    if last.dep_ == "pobj" and last.head.lower_ in POSTING_PREPS and last.head.i > 0:
        office = doc[last.head.i - 1]  # "the UAE Ambassador to Bahrain" (the parse may hang
        # "to Bahrain" on the verb)
    if office.pos_ not in ("NOUN", "PROPN") or office.tag_ in ("NNS", "NNPS") or office.i >= k \
            or not (office.lower_ in PERSON_NOUNS or kb.sector_kind(office.lemma_) == "person"):
        return
    i = office.left_edge.i
    if any(t.ent_type_ == "PERSON" or t.is_punct for t in doc[i:office.i + 1]):
        return  # "Prime Minister X, Y": two people
    probe = Proto(kind="person", name="")
    qualify(table, probe, [t for t in doc[i:last.i + 1] if not t.is_punct])
    if proto.country and probe.country and probe.country != proto.country:
        return  # someone else
    proto.country = proto.country or probe.country
    proto.sector = proto.sector or probe.sector
    proto.role = proto.role or probe.role
    for w in doc[i:office.i + 1]:  # the office's words are a mention of the person
        owner = table.claimed.get(w.i)
        if owner is not None and owner.kind != "country":
            return
    for w in doc[i:office.i + 1]:
        owner = table.claimed.pop(w.i, None)
        if owner is not None:
            owner.mentions = [m for m in owner.mentions if not (m[0] <= w.i < m[1])]
    start = i + 1 if doc[i].dep_ == "det" else i
    table.add(proto, start, office.i + 1)
