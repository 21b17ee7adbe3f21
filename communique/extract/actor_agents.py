"""Bodies and agents described, not named: "the French government", "police", "gunmen".

The fourth source of the actor stage's mentions after names (see ``actors``):
a nationality word or country with a body or people noun, and the generic agents
of ``data/generic_agents.tsv``, whose country comes from their sentence or the
article (``Actor.country_source`` says which).
"""

from __future__ import annotations

from .. import kb
from .actor_plurals import faith_sector
from .actor_victims import struck_person
from .actor_table import (PERSON_NOUNS, ActorTable, Proto, add_place, is_agent_phrase_word, is_sponsor_modifier,
                          place_span)
from communique.word_lists import word_list

# People named only by nationality: "a Turkish man", "Chinese hackers".
PEOPLE_NOUNS = word_list("people_nouns")
# Heads that name some of a body: its sector is the word before them ("opposition members",
# "police units"); units with no such word are armed ("Bosnian Serb units").
PART_NOUNS = word_list("part_nouns")
# Nouns that name a body or a stance: "the Syrian opposition" vs "Iran's opposition to".
STANCE_NOUNS = word_list("stance_nouns")
# People nouns that say nothing of whom they belong to: not actors on their own.
UNOWNED_PEOPLE = word_list("unowned_people")
# Entity labels that mark a name: a generic agent word beside one belongs to the name.
NAME_ENTS = {"ORG", "PERSON", "GPE", "FAC", "LOC", "NORP"}


def national_body(table: ActorTable, tok) -> bool:
    """Add the body or agent headed by ``tok``, if it is one; say whether it was.

    "The French government", "German police", "Ukrainian authorities": a national
    body; "police", "gunmen", "a court", "a man" with no country word: a generic
    agent, whose country comes from its sentence or the article.
    """
    if tok.pos_ not in ("NOUN", "PROPN") or tok.i in table.claimed:
        return False
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        return False
    sector = faith_sector(tok) or kb.sector_of(tok.lemma_) or kb.sector_of(tok.text) \
        or kb.generic_sector(tok.lemma_, table.user) or kb.generic_sector(tok.text, table.user) \
        or ("CVL" if civilian_place(tok) else None) or armed_place(tok) or civilian_site(tok) \
        or harmed_person(tok)
    if _owned_post(tok):
        return False
    if not sector and tok.lemma_.lower() in PART_NOUNS:
        sector = _part_sector(tok)
    if not sector:  # "Border guards": the phrase's (BORDER_GUARD ~MIL)
        sector = _agent_phrase_sector(tok)
    if not sector and tok.lemma_.lower() not in PEOPLE_NOUNS:
        return False
    if tok.lower_ in PERSON_NOUNS and tok.tag_ not in ("NNS", "NNPS"):
        return False  # one person: a description, resolved by actor_coref.description
    if any(c.dep_ in ("cc", "conj") and _country_words(m) for m in tok.lefts for c in m.children):
        return False  # "the Iranian and Azeri counterparts": more than one country
    found = _country_modifier(table, tok)
    np_start = min([c.left_edge.i for c in tok.lefts if c.dep_ in ("det", "amod", "compound")] + [tok.i])
    if not found and any(_named_body(table.claimed.get(k)) for k in range(np_start, tok.i)):
        # "Islamic State group commanders in eastern Syria", "UN peacekeepers in Mali": the
        # international body named before them says whose they are, not the place they are in; the body's
        # actor stands for them (``arguments.ids_for`` reads through the modifier)
        return False
    if not found and sector in ("JUD", "GOV", "COP", "MIL", "LEG"):
        around = table.country_around(tok)  # "a court in Istanbul"
        if around:
            found = (around, np_start)
    source = "text"
    if found and any(_spaced_punct(t) for t in table.doc[found[1]:tok.i]):
        found = None  # "NAIROBI - Protesters": the dateline, not a modifier
    if not found:
        if not _generic_agent(table, tok, sector):
            return False
        # "police", "gunmen", "a court": the country comes from the sentence or the article
        country, source = table.country_around(tok), "text"  # "fighters in Syria"
        if not country:
            country = _ally_country(table, tok)  # "pro-Houthi forces": Yemen's
        if not country:
            country, source = table.context_country(tok)
        if not country and _force_post(tok):
            return False  # "an army camp in Mali near ... Mauritania": whose is unclear; the place stands
        start = np_start
        for k in range(np_start, tok.i):  # "NAIROBI - Protesters": not the dateline
            if _spaced_punct(table.doc[k]) or any(s <= table.doc[k].idx < e for s, e in table.place_spans):
                start = k + 1
        found = (country, start)
    if tok.lower_ in STANCE_NOUNS and any(c.dep_ == "poss" for c in tok.lefts):
        return False  # "Baku's opposition" is a stance, not the opposition party
    country, i = found
    # Sector words before the head refine it: "military police" is police.
    j = tok.i + 1
    led = table.doc[i].ent_type_ == "PERSON"  # "the Obama administration": the body, not the man
    if not led and any(table.claimed.get(k) and table.claimed[k].kind == "person" for k in range(i, j)):
        return False
    sector = _phrase_sector(table, tok, np_start, sector)
    kind = kb.sector_kind(tok.lemma_) or "group"
    kind = "organization" if kind == "organization" else "group"
    if tok.lemma_.lower() in PEOPLE_NOUNS and tok.tag_ not in ("NNS", "NNPS"):
        kind = "person"  # "a Turkish man": someone of that country, not a body
    name = " ".join(t.text for t in table.doc[i:j] if t.pos_ != "DET" and t.dep_ != "case")
    key = (country, sector, tok.lemma_.lower()) + _owner_named(tok) + _ally_named(tok)
    if kind == "person":
        key = key + (tok.i,)  # two "Turkish man" mentions need not be one man
    if key not in table.org_protos:
        p = Proto(kind=kind, name=name or tok.text, country=country, sector=sector,
                  named=False, nobody=kind == "person",
                  country_source=source if country else None,
                  people=any(kb.people_country(t.text) for t in table.doc[i:j]))
        table.org_protos[key] = p
        table.protos.append(p)
    for k in range(i, j):  # "French" in "The French government" belongs to this mention
        owner = table.claimed.pop(k, None)
        if owner is not None:
            owner.mentions = [m for m in owner.mentions if not (m[0] <= k < m[1])]
    while i > 0 and table.doc[i - 1].dep_ == "det" and table.doc[i - 1].head.i == tok.i:
        i -= 1
    table.add(table.org_protos[key], i, j)
    return True


def _country_words(mod) -> bool:
    """Does the modifier ``mod`` (with what is joined to it) hold a nationality word or a
    country name ("Iranian and Azeri"; not "federal and civil" in "federal and civil police")?"""
    return any(kb.country_by_adjective(t.text) or kb.people_country(t.text)
               or any(e.kind == "country" for e in kb.lookup(t.text)) for t in mod.subtree)


def _owner_named(tok) -> tuple:
    """The name of the body's owner after "of" ("the military forces of Artsakh"): bodies of
    two owners coded alike ("military forces of Artsakh" fired on "the military forces of
    Azerbaijan", both AZE by the rule for partially recognised entities) are two actors."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of" and p.i == tok.i + 1:
            for g in p.children:
                if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "ORG", "NORP"):
                    return (g.text,)
    return ()


def _ally_named(tok) -> tuple:
    """The side a body is named for by "pro-" or "anti-" ("pro-Houthi forces", "pro-Hadi
    forces"): two bodies of one country and sector named for different sides are two actors,
    the two sides of the fight ("clashes erupted between pro-Houthi forces and pro-Hadi
    forces"; ACLED train part: 21 battles between two sides so named in the first sentence,
    both Military Forces of Yemen)."""
    words = list(tok.doc[tok.left_edge.i:tok.i])
    for k, t in enumerate(words):
        if t.lower_ in ("pro", "anti") and k + 1 < len(words):
            return (t.lower_, " ".join(w.lower_ for w in words[k + 1:] if w.text != "-"))
    return ()


# Nouns a nationality word ties to its country where no body or agent word does: people by
# what they do or are, and the things an act can target ("a Chinese actor", "Yemeni asylum
# seekers", "Cypriot ships", "a Georgian cargo plane", "an Afghan army base", "Iranian oil").
NATIONAL_TARGETS = word_list("national_targets")
# Acts named by nouns, which a nationality word makes its country's own: "a Sudanese proposal",
# "the Israeli strikes", "new American sanctions" (the country did the act, so a judgement of
# it falls on the country: "condemned the Israeli strikes" accuses Israel).
NATIONAL_ACTS = word_list("national_acts") | word_list("verbal_nouns") | word_list("attack_nouns")


def national_target(table: ActorTable, tok) -> bool:
    """A nationality word on a person or thing noun no other source claimed ("a Yemeni
    school bus", "Cypriot ships", "a Chinese actor") or on an act ("a Sudanese proposal",
    "the Israeli strikes"): the word is a mention of its country,
    as PETRARCH's country dictionary codes nationality adjectives; the event stage then
    finds the country through the noun (``arguments.ids_for``)."""
    if tok.i in table.claimed or not (tok.pos_ == "NOUN" or (
            tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"))):
        return False  # a noun, or a gerund used as one ("Indian shelling killed ...")
    words = {tok.lemma_.lower(), tok.lower_}
    if not words & NATIONAL_TARGETS and not words & NATIONAL_ACTS:
        return False
    if words & NATIONAL_ACTS and _national_force_act(table, tok):
        return True
    return nationality_word(table, tok)


def nationality_word(table: ActorTable, tok) -> bool:
    """Make the nationality word on ``tok`` (its own modifier, no other source's) a mention
    of its country; say whether there was one."""
    for k in range(tok.left_edge.i, tok.i):
        t = table.doc[k]
        if k in table.claimed or t.dep_ not in ("amod", "compound", "nmod") or t.pos_ == "NOUN":
            continue
        if t.head.i != tok.i and t.head.head.i != tok.i:
            continue  # "an army base of the Afghan ...": not this noun's own modifier
        # the longest nationality phrase ending here ("North Korean", not "Korean")
        for start in range(max(tok.left_edge.i, k - 2), k + 1):
            if table.doc[start].dep_ == "det":
                continue
            text = table.doc[start:k + 1].text
            country = kb.country_by_adjective(text) or kb.people_country(text)
            if country and table.free(start, k + 1):
                table.add(table.country_actor(country), start, k + 1)
                return True
    return False


# Sectors of the bodies a nationality word and a body word name before an act ("a U.S.
# military airstrike", "Turkish army shelling", "the Iranian government's decision").
ACT_BODY_SECTORS = {"MIL", "COP", "GOV", "SPY"}


def _national_force_act(table: ActorTable, tok) -> bool:
    """"A U.S. military airstrike", "Afghan air force strikes": a country word and a body word
    before an act name the country's body that did it (as "U.S. military" alone would, PETRARCH
    USAMIL), not the country alone. Adds the body's mention over both words."""
    doc = table.doc
    for s in range(max(0, tok.i - 2), tok.i):  # the longest body phrase right before the act
        body = doc[s:tok.i]
        if not table.free(s, tok.i) or any(t.dep_ not in ("amod", "compound", "nmod") for t in body):
            continue
        sector = kb.sector_of(body.text.lower()) or kb.sector_of(" ".join(t.lemma_.lower() for t in body))
        if sector not in ACT_BODY_SECTORS or kb.sector_kind(body.text.lower()) == "person":
            continue
        for c in range(max(0, s - 2), s):  # the country words right before the body's
            words = doc[c:s]
            if words[0].dep_ == "det" or any(t.is_punct for t in words) or is_sponsor_modifier(doc[s - 1]):
                continue
            owner = table.claimed.get(c)
            country = kb.country_by_adjective(words.text)
            if country is None and owner is not None and owner.kind == "country" and all(
                    table.claimed.get(k) is owner for k in range(c, s)):
                country = owner.country
            if not country:
                continue
            key = (country, sector, body[-1].lemma_.lower())
            if key not in table.org_protos:
                p = Proto(kind="group", name=f"{words.text} {body.text}", country=country, sector=sector,
                          named=False, country_source="text")
                table.org_protos[key] = p
                table.protos.append(p)
            for k in range(c, s):
                owner = table.claimed.pop(k, None)
                if owner is not None:
                    owner.mentions = [m for m in owner.mentions if not (m[0] <= k < m[1])]
            table.add(table.org_protos[key], c, tok.i)
            return True
    return False


# Words of attacking a place: "shelled Haifa", "attacks on the Gaza Strip" (PLV's train part
# marks such places as the target: "shell <t>Haifa</t>", "attacks on <t>the Gaza Strip</t>",
# "attacks on <t>the rebel-held eastern Ghouta region</t>"; PETRARCH codes a place by its country).
ATTACK_WORDS = word_list("attack_words")
ATTACK_PREPS = {"on", "against", "upon", "of", "into"}


def attacked_place(table: ActorTable, hit) -> bool:
    """A place that is attacked stands for its country, as a target: "threatened to shell
    Haifa" (Israel), "ordered attacks on the Gaza Strip" (Palestine). The place is the object
    of a word of ``ATTACK_WORDS``, or after on / against / of / into following one."""
    found = place_span(table, hit, ())
    if found is None:
        return False
    span, root = found
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ATTACK_PREPS:
        head = head.head
    elif root.dep_ != "dobj":
        return False
    if not _attack_word(head):
        # "carried out air strikes on the Gaza Strip", the place hung on the verb
        head = next((c for c in head.children if c.dep_ == "dobj" and _attack_word(c)), None)
        if head is None or root.dep_ != "pobj":
            return False
    attacker = _attacker_country(table, head)
    if attacker is None or attacker == hit.country:
        # a place attacked by its own country's forces or by no one named: where it
        # happened, not a party (ACLED names the civilians or the armed group there)
        return False
    add_place(table, span, hit.country)
    return True


def _attack_word(tok) -> bool:
    return tok.lemma_.lower() in ATTACK_WORDS or tok.lower_ in ATTACK_WORDS


def _attacker_country(table: ActorTable, head) -> str | None:
    """The country, by its own words, of who attacks at ``head``: the subject of its clause
    ("Hezbollah threatened to shell", "Netanyahu ordered attacks on"), up three steps."""
    tok = head
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "agent")), None)
        if subj is not None:
            if subj.dep_ == "agent":
                subj = next((g for g in subj.children if g.dep_ == "pobj"), subj)
            owner = table.claimed.get(subj.i) or next(  # "Turkish jets": the word's country
                (table.claimed[c.i] for c in subj.lefts if c.i in table.claimed), None)
            if owner is None or owner.country_source not in (None, "text"):
                return None
            return owner.country
        if tok.dep_ not in ("xcomp", "dobj", "pobj", "prep", "conj", "ccomp", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _country_modifier(table, tok):
    """(iso3, first token index) of a nationality word or country name modifying ``tok``."""
    for child in tok.lefts:
        if child.dep_ not in ("amod", "compound", "poss", "nmod") or child.is_space:
            continue
        # the whole modifier, then the modifier's head alone, then the words that start it
        # ("Sri Lankan" in "Sri Lankan Tamil rebels"; not "Iran" in "Iran-backed militias")
        spans = [(child.left_edge.i, child.i), (child.i, child.i)]
        if not any(t.is_punct for t in table.doc[child.left_edge.i:child.i + 1]):
            spans += [(child.left_edge.i, e) for e in range(child.i - 1, child.left_edge.i - 1, -1)]
        for start, end in spans:
            text = table.doc[start:end + 1].text
            c = kb.country_by_adjective(text)
            if not c:
                entries = [e for e in kb.lookup(text, table.user) if e.kind == "country"]
                c = entries[0].country if entries else None
                last = table.doc[end]
                placed = table.placed(table.doc[start].idx, last.idx + len(last.text), c)
                c = c if placed == c else None
            c = c or kb.people_country(text)  # "Rohingya refugees": a people of one state
            if c:
                return c, start
        if child.dep_ in ("compound", "nmod", "poss", "amod") \
                and (child.pos_ == "PROPN" or child.ent_type_ in ("GPE", "LOC")):
            # "a California man", "the West Bengal government", "a Cairo court": a place
            # the place stage resolved stands for its country
            s, e = table.doc[child.left_edge.i].idx, child.idx + len(child.text)
            for (ps, pe), c in table.place_country.items():
                if c and s <= ps and pe <= e and kb.country(c):
                    return c, child.left_edge.i
        if child.ent_type_ == "PERSON":  # "the Obama administration", "Assad's regime"
            known = kb.person(table.doc[child.left_edge.i:child.i + 1].text) or kb.person(child.text)
            if known is not None and known.country and len(known.country) == 3:
                return known.country, child.left_edge.i
    return None


def _part_sector(tok) -> str | None:
    """The sector of the body a part noun belongs to: "Syrian opposition members" OPP,
    "army units" MIL; "Bosnian Serb units" MIL; "housing units", "family members": none."""
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    for c in mods:
        sector = kb.sector_of(c.lemma_) or kb.sector_of(c.text)
        if sector:
            return sector
    if tok.lemma_.lower() == "unit" and mods and all(c.pos_ != "NOUN" for c in mods):
        return "MIL"
    return None


def _named_body(proto) -> bool:
    """Is ``proto`` a named international organisation or transnational group (UNO, IGO,
    IMG, ...)? A national one ("LNA forces") leaves its agents to the national reading."""
    return proto is not None and proto.named and proto.kind in ("organization", "group") \
        and bool(proto.country) and kb.country(proto.country) is None


def _generic_agent(table, tok, sector) -> bool:
    """"police", "gunmen", "a court", "a man": an agent word that acts without a name."""
    first = tok.is_sent_start or table.doc[tok.i - 1].is_punct or table.doc[tok.i - 1].is_space
    if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and first and tok.is_title) \
            and not (tok.pos_ == "PROPN" and tok.text.islower()) and not faith_sector(tok):
        # "Police said" at the start of a sentence or after a dateline; a lower-case word
        # the tagger took for a name ("The justice ministry" tagged NNP) is a common noun
        return False
    if tok.ent_type_ and tok.ent_type_ not in ("NORP",):
        return False  # part of a name the other sources read
    if any(c.dep_ == "poss" for c in tok.children):
        return False  # "its army", "their supporters": whose is the event stage's question
    if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") or tok.i + 1 in table.claimed:
        return False  # "the opposition Cambodia National Rescue Party": part of a name
    lefts = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
             and not any(_spaced_punct(t) for t in table.doc[c.i:tok.i])]  # not a dateline
    allied = any(t.lower_ in ("pro", "anti") for c in lefts for t in c.subtree)  # "pro-Houthi militias"
    struck = harmed_person(tok)  # "shot dead a Baloch man": a people's name the tagger took for a place
    if not allied and any(t.i in table.claimed or (t.ent_type_ in NAME_ENTS and t.ent_type_ != "NORP"
                                                   and not is_agent_phrase_word(t)
                                                   and not (struck and t.ent_type_ == "GPE"))
                          for c in lefts for t in c.subtree):
        return False  # "UN workers", "IDF troops": the named body's, read by the event stage
    # ("Islamic militants", "Fulani militias": a faith or people no source claimed names no body)
    civilian = sector in CIVILIAN_SECTORS
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "from"):
            for g in p.children:
                if g.dep_ != "pobj" or not (g.i in table.claimed or g.ent_type_ in NAME_ENTS):
                    continue
                if civilian:
                    continue  # "residents of Mitsobi", "workers of the Water Authority"
                return False  # "leaders from the opposition party", "members of Hamas"
    lemma = tok.lemma_.lower()
    generic = kb.generic_agents(table.user)
    if lemma in generic or tok.lower_ in generic or civilian_place(tok) or armed_place(tok) \
            or civilian_site(tok) or struck or faith_sector(tok):
        return True  # "Christians", "Muslim leaders": actor_plurals
    hint = kb.sector_kind(lemma) or kb.sector_kind(tok.lower_)
    if lemma in UNOWNED_PEOPLE:
        return False  # "the leaders", "members": whose is not said
    if lemma in PART_NOUNS and sector and tok.tag_ in ("NNS", "NNPS"):
        return True  # "opposition supporters" (PETRARCH OPPOSITION_SUPPORTER ~OPP), "police units"
    if lemma in PEOPLE_NOUNS or hint == "person":
        # "a soldier", "two officials", "one civilian": people by what they are or do
        return tok.tag_ in ("NNS", "NNPS") or any(
            (c.dep_ == "det" and c.lower_ in ("a", "an", "the", "another"))
            or (c.dep_ == "nummod" and c.lower_ in ("one", "1")) for c in tok.children)
    # "youths", "prisoners", "children", "border guards": a group PETRARCH's agents dictionary
    # gives a sector, alone or with the word before it
    if _agent_phrase_head(tok) and _one_determined(tok):
        return True  # "an unidentified armed group" (PETRARCH ARMED_GROUP), "a security patrol"
    return (hint == "group" or _agent_phrase_head(tok)) and tok.tag_ in ("NNS", "NNPS")


def _one_determined(tok) -> bool:
    """Is ``tok`` one body introduced with an article ("an armed group", "the armed group")?"""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "another") for c in tok.children)


def _agent_phrase_sector(tok) -> str | None:
    """The sector of the two-word agent phrase of ``sectors.tsv`` that ``tok`` ends, when it is
    a body's ("border guards" MIL, "police personnel" COP); civilians so named ("asylum
    seekers", "ethnic groups") are left to the nationality and people readings."""
    if tok.i == 0 or not is_agent_phrase_word(tok.doc[tok.i - 1]):
        return None
    prev = tok.doc[tok.i - 1].lower_
    sector = kb.sector_of(f"{prev} {tok.lower_}") or kb.sector_of(f"{prev} {tok.lemma_.lower()}")
    return None if sector in CIVILIAN_SECTORS else sector


def _agent_phrase_head(tok) -> bool:
    """Is ``tok`` the noun of a two-word agent phrase of a body ("border guards")?"""
    return _agent_phrase_sector(tok) is not None


# Sectors of people who act as themselves, not as a body: "residents of X", "workers of the
# Y Authority" are residents and workers, where "fighters of Hamas" are Hamas.
CIVILIAN_SECTORS = {"CVL", "LAB", "EDU", "AGR", "BUS", "REL", "JRN", "MED", "REF"}
# Heads that say only that a body is armed; a sector word before them says which body it is
# ("police forces", "militia forces", "Gendarmerie forces", "rebel troops").
FORCE_HEADS = word_list("force_heads")
ARMED_SECTORS = {"MIL", "REB", "PRM", "UAF", "COP", "CRM"}
# Words that make people of no stated side an armed group: "armed men", "unidentified men".
ARMED_WORDS = word_list("armed_words")


def _phrase_sector(table, tok, start: int, sector: str | None) -> str | None:
    """The sector of the noun phrase [start, tok] rather than of its head alone: the longest
    sector phrase ending at the head ("armed men" UAF, "police forces" COP), else a sector
    word before a head that only says the body is armed ("militia forces" PRM), else
    ``sector``; civilians described as armed or unidentified are an armed group (UAF)."""
    words = [t for t in table.doc[start:tok.i + 1] if not t.is_punct and t.pos_ not in ("DET", "NUM")]
    for k in range(len(words) - 1):
        found = kb.sector_of(" ".join(t.lower_ for t in words[k:])) \
            or kb.sector_of(" ".join(t.lower_ for t in words[k:-1]) + " " + tok.lemma_.lower())
        if found == "REL" and sector in ARMED_SECTORS:
            return sector  # "Islamic militants": armed men of a faith, not a religious body
        if found:
            return found
    if tok.lemma_.lower() in FORCE_HEADS or tok.lower_ in FORCE_HEADS:
        for t in reversed(words[:-1]):
            found = kb.sector_of(t.lemma_) or kb.sector_of(t.lower_)
            if found:
                return found
    if sector == "CVL" and any(t.lower_ in ARMED_WORDS for t in words[:-1]):
        return "UAF"
    return sector


# Places where civilians live: "shelled residential areas" is an attack on civilians (issue 12;
# ACLED codes such shelling as violence against civilians where anyone is hit).
CIVILIAN_PLACES = word_list("civilian_places")
CIVILIAN_WORDS = word_list("civilian_words")


def civilian_place(tok) -> bool:
    """"residential areas", "civilian homes": the civilians who live there (sector CVL)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in CIVILIAN_PLACES and any(
        c.dep_ in ("amod", "compound") and c.lower_ in CIVILIAN_WORDS for c in tok.lefts)


# Places civilians use: an attack on one is an attack on the people there ("shelled a market",
# "struck a hospital", "attacked a school"; PLV marks the attacked place as the target: "stormed
# <t>a migrant camp in Calais</t>"), of the sector PETRARCH's agents dictionary gives the place
# (SCHOOL EDU, HOSPITAL MED, REFUGEE REF), else civilians (CVL).
CIVILIAN_SITES = word_list("civilian_sites")
CIVILIAN_CAMP_WORDS = word_list("civilian_camp_words")
SITE_PREPS = ATTACK_PREPS | {"at"}


def civilian_site(tok) -> str | None:
    """The sector of the people of a civilian place that is attacked ("shelled a market" CVL,
    "a strike on a hospital" MED, "struck a refugee camp" REF); None where the noun is no such
    place or is not attacked."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in CIVILIAN_SITES or not _attacked(tok):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
    if tok.lemma_.lower() == "camp":
        return "REF" if any(c.lower_ in CIVILIAN_CAMP_WORDS for c in mods) else None
    if any(kb.sector_of(c.lemma_) in ARMED_SECTORS or c.lower_ in ARMED_PLACE_WORDS for c in mods):
        return None  # "a military hospital", "an army school": the force's
    return kb.sector_of(tok.lemma_) or "CVL"


# Verbs whose object is a person ("beat up a contractor", "abducted a trader"), and what they
# are done to that is no person ("slaughtered 15 livestock", "abducted a number of villagers").
VICTIM_VERBS = word_list("victim_verbs")
NOT_PEOPLE = word_list("not_people")


def harmed_person(tok) -> str | None:
    """"Soldiers beat up a contractor", "a trader was abducted", "rebels executed a militia
    member": the one such a verb is done to is a person, whatever the noun (PLOVER manual,
    ASSAULT: the victim is the recipient), of the sector the agents dictionary gives the noun or
    the word before it, else a civilian (CVL).
    Not a noun that says whose it is ("members of Hamas", "his guards": the owner's) or names
    an amount ("a number of fighters"); None where the noun is no such object."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass") or tok.ent_type_:
        return None
    lemma = tok.lemma_.lower()
    if lemma in NOT_PEOPLE or tok.lower_ in NOT_PEOPLE or any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
        return None
    # the verb, and a verb joined to it that has no object of its own ("shot and killed a guard")
    joined = ([tok.head.head] if tok.head.dep_ == "conj" else []) \
        + [c for c in tok.head.children if c.dep_ == "conj"]
    verbs = [tok.head] + [v for v in joined if not any(c.dep_ in ("dobj", "nsubjpass") for c in v.children)]
    if not any(v.pos_ == "VERB" and v.lemma_.lower() in VICTIM_VERBS for v in verbs):
        return struck_person(tok, verbs)  # "shot dead a man", "attacked a taxi driver"
    # a word before it may say what they are ("a militia member" PRM)
    mods = [kb.sector_of(c.lemma_.lower()) for c in tok.lefts if c.dep_ in ("compound", "amod")]
    return kb.sector_of(lemma) or next((m for m in reversed(mods) if m), None) or "CVL"


def _attacked(tok) -> bool:
    """Whether the noun is what an attack falls on: the object or passive subject of a word
    of attacking, or after on / against / at ... following one ("carried out strikes on")."""
    while tok.dep_ == "conj":
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in SITE_PREPS:
        head = head.head
        if not _attack_word(head):
            head = next((c for c in head.children if c.dep_ == "dobj" and _attack_word(c)), head)
    elif tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    return _attack_word(head)


# Posts held by a state's forces: "fired at the governmental positions" (the army's),
# "attacked an army base", "stormed a police station" (the force the post is named for).
ARMED_PLACES = word_list("armed_places")
ARMED_PLACE_WORDS = word_list("armed_place_words")
# Sectors of the forces a post can be named for ("army base" MIL, "police station" COP).
FORCE_PLACE_SECTORS = ("MIL", "COP")


def armed_place(tok) -> str | None:
    """"the governmental positions", "government checkpoints": the forces that hold them
    (sector MIL); "an army base", "a police station": the force named before the post
    (MIL, COP). None where the noun is no such post."""
    if tok.pos_ != "NOUN" or tok.lower_ not in ARMED_PLACES:
        return None
    for c in tok.lefts:
        if c.dep_ not in ("amod", "compound"):
            continue
        if c.lower_ in ARMED_PLACE_WORDS:
            return "MIL"
        sector = kb.sector_of(c.lemma_) or kb.sector_of(c.lower_)
        if sector in FORCE_PLACE_SECTORS:
            return sector
    return None


def _force_post(tok) -> bool:
    """"an army base", "a police station": a post named for a force (not "the governmental
    positions", which are the state's whatever the country)."""
    return bool(armed_place(tok)) and not any(c.lower_ in ARMED_PLACE_WORDS for c in tok.lefts)


def _owned_post(tok) -> bool:
    """"a military camp of forces loyal to X": the post's owner, after "of", is the force."""
    return _force_post(tok) and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)


def _ally_country(table, tok) -> str | None:
    """"pro-Houthi forces", "pro-Assad militias": the country of the group or person the
    agent is for, where the text or the knowledge base tells it."""
    for k in range(tok.left_edge.i, tok.i):
        if table.doc[k].lower_ != "pro":
            continue
        for m in range(k + 1, min(tok.i, k + 4)):
            t = table.doc[m]
            if t.is_punct:
                continue
            owner = table.claimed.get(m)
            if owner is not None and owner.country and len(owner.country) == 3 \
                    and (owner.kind == "country" or kb.country(owner.country)):
                return owner.country
            for known in kb.lookup(t.text, table.user) + [kb.person(t.text)]:
                if known is not None and known.country and kb.country(known.country):
                    return known.country
            break
    return None


def _spaced_punct(tok) -> bool:
    """Punctuation or a line break that ends a dateline ("NAIROBI - "), not a hyphen ("pro-Houthi")."""
    doc = tok.doc
    if tok.is_space or "\n" in tok.text_with_ws:
        return True
    return tok.is_punct and (bool(tok.whitespace_) or (tok.i > 0 and bool(doc[tok.i - 1].whitespace_)))
