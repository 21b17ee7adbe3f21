"""Actors by name: knowledge-base names, people, organisations.

The first three sources of the actor stage (see ``actors``): what the knowledge
base names, spaCy's PERSON entities (and proper-noun subjects it missed), and
its other ORG entities.
"""

from __future__ import annotations

from .. import kb
from ..word_lists import word_list
from .syntax import doc_text, token_columns, token_lowers, tokens_with_pos
from .actor_table import SUBJECT_DEPS, ActorTable, Proto, is_agent_phrase_word, is_currency_modifier
from .actor_titles import appositive, qualify, title_before
from .actor_crowds import crowd_protests
from .actor_appositions import titled_names

ORG_WORDS = word_list("org_words")
ARABIC_ARTICLES = {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es"}
TITLE_WORDS = word_list("honorifics")
# A capital stands for its government when it acts or owns a stance.
METONYM_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
# ... and when it is the one acted on or addressed: the object of a verb, or after one of
# these prepositions (the train parts of PLV and ConfliBERT mark "urged Washington", "an
# ultimatum to Damascus", "sanctions against Moscow", "aid to Kabul" as targets), unless the
# words are of going somewhere ("flew to Moscow", "returned from Kabul", "a visit to Baku": the
# visit mode of CONSULT finds the host through the place).
ADDRESSEE_PREPS = {"to", "from", "against", "on", "upon", "with"}
MOTION_WORDS = word_list("motion_words")
# Visits called off, and the verbs that call them off (the lexicon's REJECT meet triggers).
CALLED_OFF_VISITS = word_list("called_off_visits")
CALLING_OFF = word_list("calling_off")


def knowledge_base_names(table: ActorTable) -> None:
    """Countries, their aliases, organisations and armed groups the knowledge base names;
    capitals only where they act as their government ("Tehran said")."""
    doc, n = table.doc, len(table.doc)
    maxlen = kb.max_phrase_len(table.user)
    # the tokens' attributes read once (a Token and a Span made per n-gram cost more than
    # the lookups); a span's text is the slice of the doc's text it covers
    text = doc_text(doc)
    words, starts, punct, space = token_columns(doc)
    the = [w == "the" for w in token_lowers(doc)]
    i = 0
    while i < n:
        word = words[i]
        # "al-Shabab", "al-Nusra Front": the Arabic article starts a name in lower case
        article = word in ARABIC_ARTICLES and i + 1 < n and words[i + 1] == "-"
        if not (word[:1].isupper() or the[i] or article) or space[i] \
                or (not the[i] and not kb.may_start(word, table.user)):
            i += 1
            continue
        hit = None
        for j in range(min(n, i + maxlen), i, -1):
            last = words[j - 1]
            if punct[j - 1] and last not in (".",):
                continue
            if not last[:1].isupper() and not last[:1].isdigit():
                continue
            entries = kb.lookup(text[starts[i]:starts[j - 1] + len(last)], table.user)
            if entries:
                hit = (j, entries)
                break
        if hit is None:
            i += 1
            continue
        j, entries = hit
        _take_entry(table, i, j, entries)
        i = j


def _take_entry(table, i: int, j: int, entries) -> None:
    span = table.doc[i:j]
    if not table.free(i, j) or _inside_other_entity(table, i, j):
        return
    entry = entries[0]
    if entry.form == "demonym" and span.root.tag_ in ("NNPS", "NNS") \
            and span.root.dep_ not in ("amod", "compound", "poss"):
        # "the Palestinians", "Syrians": the people of a country, as a group
        key = ("demonym", entry.country)
        if key not in table.org_protos:
            p = Proto(kind="group", name=span.root.text, country=entry.country, named=True)
            table.org_protos[key] = p
            table.protos.append(p)
        if crowd_protests(span.root):
            # "dozens of Moroccans held a sit-in": a crowd of the country's people, civilians
            # (ACLED codebook: "Protesters (Country)"; PLOVER PROTEST: who demonstrates)
            table.org_protos[key].sector = table.org_protos[key].sector or "CVL"
        start = i - 1 if i > 0 and table.doc[i - 1].lower_ == "the" else i
        table.add(table.org_protos[key], start if table.free(start, i) else i, j)
        return
    if entry.form in ("adjective", "demonym"):
        return  # nationality words qualify other mentions; handled there
    if entry.kind == "country":
        if is_currency_modifier(table.doc[j - 1]):
            return  # "the US dollar exchange rate": a currency, not the country
        placed = table.placed(span.start_char, span.end_char, entry.country)
        if placed != entry.country:
            return  # the place stage read it as a place elsewhere ("Georgia", USA)
        if j - i == 1 and _is_person_surname(table, span.text):
            return  # "Jordan" after "Michael Jordan": the person
        if entry.form == "metonym" and not _acts(table, span):
            return  # "a visit to Baku": a place, not a government
        table.add(table.country_actor(entry.country), i, j)
    else:
        if entry.form == "metonym" and not _acts(table, span):
            return  # "talks in Brussels" are not the EU's
        if _other_countrys_body(table, span, entry.country):
            return  # "Burundi's National Security Council": Burundi's, read as a national body
        key = entry.name
        if key not in table.org_protos:
            p = Proto(kind=entry.kind, name=entry.name, country=entry.country,
                      sector=entry.sector, named=True)
            table.org_protos[key] = p
            table.protos.append(p)
        table.add(table.org_protos[key], i, j)


def _other_countrys_body(table, span, country: str | None) -> bool:
    """Is the knowledge-base name a generic office or body name ("National Security Council",
    "Security Council": its words are an office phrase of ``kb.sector_of``, as every state has
    one) that a country word fastened to it gives to another country than the knowledge base
    does (``_owner_country``)? Then the name is that country's body, read by the ORG and
    national-body paths that read those words; a proper name ("Doctors Without Borders",
    "Muslim Brotherhood") is not an office phrase and keeps its entry whatever country word
    stands beside it."""
    if not country or not kb.sector_of(span.text):
        return False
    owner = _owner_country(table, span)
    return owner is not None and owner != country


def _owner_country(table, span, described: bool = False, person: bool = False) -> str | None:
    """The country a word fastened to a name gives it: a possessive ("Burundi's"), a
    nationality word or country name modifying it ("Burundian", "Burundi"), or "of" and a
    country right after it ("the National Security Council of Burundi", "John Bruton of
    Ireland"). Not "in" a place: "the Security Council in New York" is where it sits, not
    whose it is. With ``described``, also the nationality word of a noun that describes the
    name ("Chinese social media app TikTok"). For a ``person``, not a possessive: "Myanmar's
    Rakhine State", tagged a person, is a place of Myanmar's."""
    root = span.root
    children = list(root.children)
    if described:
        children += [g for c in root.children if c.i < span.start and c.pos_ == "NOUN"
                     and c.dep_ in ("nmod", "compound", "amod") for g in c.children if g.dep_ == "amod"]
    for child in children:
        if child.i >= span.start and not (child.dep_ == "prep" and child.i == span.end):
            continue
        if child.dep_ == "prep" and child.lower_ == "of":
            child = next((g for g in child.children if g.dep_ == "pobj"), None)
            if child is None:
                continue
        elif child.dep_ not in ("poss", "amod", "compound", "nmod") or person and child.dep_ == "poss":
            continue
        found = kb.country_by_adjective(child.text) if child.dep_ != "pobj" else None
        if not found and child.dep_ != "amod":
            found = next((e.country for e in kb.lookup(child.text, table.user) if e.kind == "country"), None)
            found = table.placed(child.idx, child.idx + len(child.text), found) if found else None
        if found:
            return found
    return None


def _generic_body_inside(table, span) -> bool:
    """Do the words of an ORG entity hold a knowledge-base body whose name is an office
    phrase ("Supreme National Security Council" holds "National Security Council")?"""
    words = [t.text for t in span]
    for n in range(len(words), 1, -1):
        for k in range(len(words) - n + 1):
            text = " ".join(words[k:k + n])
            if kb.sector_of(text) and any(e.kind == "organization" for e in kb.lookup(text, table.user)):
                return True
    return False


def _inside_other_entity(table, i: int, j: int) -> bool:
    """The name is part of a longer entity that is not itself a known name: a person or
    organisation named after it, or a holiday ("Labour Day", "International Labour Day": a
    date, even where the tagger leaves the words untagged)."""
    if j < len(table.doc) and table.doc[j].text == "Day":
        return True
    for ent in table.ents:
        if ent.start <= i and j <= ent.end and (ent.end - ent.start) > (j - i):
            if ent.label_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT",
                              "DATE"):
                return not kb.lookup(ent.text, table.user)
    return False


def _is_person_surname(table, text: str) -> bool:
    return any(len(e) > 1 and e[-1].text == text for e in table.person_ents)


def _acts(table, span) -> bool:
    """A capital acts as its government: subject, possessor, or passive agent."""
    root = span.root
    if root.lower_ in ("kremlin", "whitehall") or span.text.lower().startswith("the "):
        return True  # seat-of-government names never mean a plain place
    if root.dep_ in METONYM_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent":
        return True
    if root.dep_ == "conj" and root.head.dep_ in METONYM_DEPS:
        return True
    if root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_ not in MOTION_WORDS:
        return True  # "urged Washington to lift sanctions": the one acted on
    if root.dep_ == "pobj" and root.head.lower_ in ADDRESSEE_PREPS \
            and root.head.head.lemma_.lower() not in MOTION_WORDS:
        # "an apology from Tokyo", "an ultimatum to Damascus", "sanctions against Moscow"
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() in CALLED_OFF_VISITS \
            and root.head.head.dep_ == "dobj" and root.head.head.head.lemma_.lower() in CALLING_OFF:
        # "cancelled a planned visit to Washington": the visit called off is a snub of the
        # host's government (PLV's train part marks the capital as the target in 2 of 2)
        return True
    return False


def people(table: ActorTable) -> None:
    """People named (spaCy PERSON, or a proper-noun subject it missed), with the title
    before the name and an appositive after it."""
    doc = table.doc
    table.person_ents = table.person_ents + _unlabelled_names(table) + _known_people(table) \
        + titled_names(table)  # "Jotyar Adil, the KRG's spokesperson", tagged ORG
    for ent in table.person_ents:
        i, j = ent.start, ent.end
        # A possessive "'s" is not part of the name; a missing last name is.
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].dep_ in ("compound", "flat", "poss", "nsubj", "dobj", "pobj", "appos") \
                and doc[j - 1].dep_ in ("compound", "flat") and doc[j].text[:1].isupper():
            j += 1
        # Titles inside the entity ("President Biden") become the role.
        title_words = []
        while i < j - 1 and (kb.sector_of(doc[i].text) or doc[i].lower_ in TITLE_WORDS):
            title_words.append(doc[i])
            i += 1
        if not table.free(i, j):
            continue
        name_span = doc[i:j]
        if len(name_span) == 1 and any(s <= name_span.start_char and name_span.end_char <= e
                                       for s, e in table.place_spans) \
                and not (name_span.root.dep_ in ("nsubj", "nsubjpass") and kb.person(name_span.text)):
            # "Ghouta" tagged PERSON is the place the gazetteer knows; a well-known person who
            # is a subject stays one ("Uribe defended ...", though a Colombian town is Uribe)
            continue
        found = kb.lookup(name_span.text, table.user)
        if found and any(e.kind == "country" for e in found):
            continue
        if _chain_unit(table, name_span):
            continue  # "in Marin, Nuevo Leon, a body was found": "Nuevo Leon" tagged PERSON
        if _nationality_modifier(name_span):
            continue  # "Sri Lankan Tamil rebels": a description of the rebels, not a person
        if len(name_span) == 1 and is_agent_phrase_word(name_span[0]):
            continue  # "Riot police fired ...", "Riot" tagged PERSON: the police's description
        proto = _person_for_name(table, name_span)
        table.add(proto, i, j)
        title_before(table, proto, i, title_words)
        appositive(table, proto, name_span)
        if not proto.country:  # "Peter Smith of Canada", "Chinese dissident Wang"
            proto.country = _owner_country(table, name_span, person=True)


def _nationality_modifier(span) -> bool:
    """A "name" that starts with a nationality word and modifies the common noun right after
    it ("Sri Lankan Tamil rebels", tagged PERSON): words describing that noun."""
    root = span.root
    if root.dep_ not in ("compound", "amod", "nmod") or root.head.pos_ != "NOUN" \
            or root.head.i != span.end:
        return False
    return any(kb.country_by_adjective(span[:n].text) for n in range(1, min(3, len(span)) + 1))


def _unlabelled_names(table, bodies: bool = False) -> list:
    """Two or more capitalised proper nouns acting as a subject that NER missed.

    spaCy's small model misses names at the start of a line ("Hossein Amir
    Abdollahian met ..."); a subject made of proper nouns only, with no
    knowledge-base or organisation word in it, is taken to be a person. With
    ``bodies``: those whose last word is an organisation word instead ("SAN
    FRANCISCO - The American Civil Liberties Union is suing": after a dateline).
    """
    doc, found = table.doc, []
    # an entity glued across the dateline's end labels nothing ("SAN FRANCISCO - The X Union")
    start, end = table.dateline
    labelled = {t.i for e in table.ents if not start <= e.start_char < end < e.end_char for t in e}
    for tok in tokens_with_pos(doc, "PROPN"):
        if tok.dep_ not in SUBJECT_DEPS or tok.i in labelled:
            continue
        left = tok.i
        while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i in range(left, tok.i + 1) \
                and doc[left - 1].pos_ == "PROPN":
            left -= 1
        span = doc[left:tok.i + 1]
        if len(span) < 2 or any(t.i in labelled or not t.is_title for t in span):
            continue
        if bodies:
            if span[-1].lower_ in ORG_WORDS and not kb.lookup(span.text, table.user):
                found.append(span)
            continue
        if any(kb.lookup(t.text, table.user) or kb.sector_of(t.lower_) or t.lower_ in ORG_WORDS
               for t in span):
            continue
        found.append(span)
    return found


def _chain_unit(table: ActorTable, span) -> bool:
    """Is the name a part of the admin chain right after a place the place stage read ("in
    Marin, Nuevo Leon,", "in Itaiba (Pernambuco)": ACLED's house style) that the gazetteer
    knows as an admin unit? Then it is that unit, not a person, whatever NER tagged it."""
    from .place_chains import chain_end, qualifier_of

    text = doc_text(table.doc)  # spaCy rebuilds Doc.text on every access
    for _start, end in table.place_spans:
        if end <= span.start_char and span.end_char <= chain_end(text, end):
            return any(t.startswith(("a1:", "a2:", "c1:")) for t in qualifier_of(span.text))
    return False


def _known_people(table) -> list:
    """Well-known people (``kb.person``) that NER tagged as something else or missed:
    "called Erdogan" (tagged GPE), "talks with King Abdullah II" (no entity). A run of
    capitalised proper nouns joined as compounds, not inside a PERSON entity, that the
    people table names and the knowledge base does not also name as a country or body."""
    doc, found = table.doc, []
    in_person = {t.i for e in table.person_ents for t in e}
    for tok in tokens_with_pos(doc, "PROPN"):
        if tok.dep_ in ("compound", "flat") and tok.head.i > tok.i or tok.i in in_person:
            continue
        left = tok.i
        while left > 0 and doc[left - 1].dep_ in ("compound", "flat") and doc[left - 1].pos_ == "PROPN" \
                and doc[left - 1].head.i in range(left, tok.i + 1) and doc[left - 1].i not in in_person:
            left -= 1
        for start in range(left, tok.i + 1):
            span = doc[start:tok.i + 1]
            if not all(t.text[:1].isupper() for t in span):
                continue
            if kb.person(span.text) is not None and not kb.lookup(span.text, table.user):
                found.append(span)
                break
    return found


def _person_for_name(table, span) -> Proto:
    text = span.text.strip()
    last = span[-1].text
    for p in table.protos:
        if p.kind != "person" or not p.named:
            continue
        if p.name == text or p.surname == last or p.name.split()[-1] == text:
            if len(text) > len(p.name):
                p.name = text
            return p
    if len(span) == 1:
        # "Yoon Suk Yeol ... Yoon said", "Xi Jinping ... Xi": a family name written first is
        # the person's later mention, where one person named before starts with it
        first = [p for p in table.protos if p.kind == "person" and p.named
                 and len(p.name.split()) > 1 and p.name.split()[0] == text]
        if len(first) == 1:
            return first[0]
    p = Proto(kind="person", name=text, surname=last if len(span) > 1 else None, named=True)
    known = kb.person(text)
    if known is not None:  # a well-known figure: "Erdogan", "Donald Trump"
        # The country is stable fact; the sector is only a default that a
        # title in the text overrides ("Parliament Speaker" over a past office).
        p.country, p.known_sector = known.country, known.sector
        if len(span) == 1 and " " in known.name:
            p.name, p.surname = known.name, known.name.split()[-1]
    table.protos.append(p)
    return p


def organizations(table: ActorTable) -> None:
    """Other ORG entities, with country and sector from their words and surroundings, and
    bodies named as a subject that NER missed."""
    for ent in [e for e in table.ents if e.label_ == "ORG"] + _unlabelled_names(table, bodies=True):
        if not table.free(ent.start, ent.end):
            continue
        if any(s <= ent.start_char and ent.end_char <= e for s, e in table.place_spans):
            continue  # the place stage knows it ("Nagorno-Karabakh")
        if any(t.text in ("-", "--", "—") or t.lower_ == "reuters" for t in ent) or "\n" in ent.text:
            continue  # a dateline glued to the first words: "BAMAKO - Armed"
        text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        if text not in table.org_protos:
            p = Proto(kind="organization", name=text, named=True)
            if _generic_body_inside(table, ent):
                # "Iran's Supreme National Security Council": Iran's, not the body of another
                # country whose generic name it holds
                p.country = _owner_country(table, ent)
            qualify(table, p, list(ent))
            # "Chinese social media app TikTok": the nationality word before the name
            p.country = p.country or table.country_around(ent.root) \
                or _owner_country(table, ent, described=True)
            if not p.country:  # "the Trump administration" read as an organisation
                known = next((kb.person(t.text) for t in ent if t.pos_ == "PROPN" and kb.person(t.text)), None)
                if known is not None and known.country and len(known.country) == 3:
                    p.country = known.country
            if p.role and p.kind == "organization":
                p.role = None
            table.org_protos[text] = p
            table.protos.append(p)
        table.add(table.org_protos[text], ent.start, ent.end)
