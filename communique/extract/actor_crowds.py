"""People named by what they are who protest: "cleaners protested", "a group of dockers
demonstrated", "cancer patients staged a protest". Only people protest (PLOVER PROTEST: the
actor is who protests; ACLED codebook: protesters are civilians), so the plural noun that
protests is a crowd of people even where no table names the noun: its sector is that of
``sectors.tsv`` ("merchants" BUS, "doctors" MED) else civilians (CVL), its country from its
sentence or the article (``ActorTable.context_country``), as for generic agents."""

from __future__ import annotations

from .. import kb
from ..word_lists import word_list
from .actor_table import ActorTable, Proto
from .syntax import hyphened_word

PROTEST_VERBS = word_list("protest_verbs")
PROTEST_NOUNS = word_list("protest_nouns")
STAGING_VERBS = word_list("staging_verbs")
# Heads by which a crowd is counted or gathered: "a group of dockers", "hundreds of cleaners".
CROWD_COUNTS = word_list("quantifiers") | word_list("crowd_heads")
# Words that are a crowd of people themselves where they count no one named: "a group gathered",
# "hundreds protested".
CROWD_WORDS = word_list("crowd_heads") | word_list("crowd_counts")
# who of a body protest for it: "members of the Youth Front staged a protest"
MEMBER_WORDS = word_list("body_members")
# acts by which a tagged note's crowd riots, and the fights "between" two crowds
RIOT_ACTS = word_list("riot_acts")
FIGHT_WORDS = word_list("fight_nouns")
# sectors a body's name may give a protesting body (a crowd of them is no armed force or state)
CIVIL_SECTORS = {"CVL", "LAB", "EDU", "AGR", "BUS", "REL", "JRN", "MED", "REF", "PTY", "OPP"}


def protesting_people(table: ActorTable, tok) -> bool:
    """Add the crowd headed by the plural noun ``tok`` if it protests; say whether it did.
    A crowd word heads a crowd of its own where it counts no plural noun ("a group gathered and
    held a march", "hundreds protested", "a group of unemployed youth staged a protest")."""
    if tok.pos_ not in ("NOUN", "NUM") or tok.i in table.claimed:
        return False
    crowd_word = _crowd_word(tok)
    if crowd_word:
        if tok.ent_type_ not in ("", "CARDINAL") or _counts_people(tok):
            return False  # "a group of dockers": the dockers are the crowd
    elif tok.tag_ != "NNS" or tok.ent_type_:
        return False
    if any(c.dep_ == "poss" for c in tok.children) or tok.dep_ in ("compound", "poss", "amod"):
        return False
    if not crowd_protests(tok):
        return False
    country, source = table.country_around(tok), "text"  # "residents in Lima"
    if not country:
        country, source = table.context_country(tok)
    sector = "CVL" if crowd_word else \
        kb.sector_of(tok.lemma_.lower()) or kb.generic_sector(tok.lemma_.lower(), table.user) or "CVL"
    start = min([c.left_edge.i for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")] + [tok.i])
    if not table.free(start, tok.i + 1):
        start = tok.i
    if crowd_word and any(kb.sector_of(t.lower_) not in (None, "CVL") for t in table.doc[start:tok.i]):
        return False  # "an armed group", "a rebel group": no crowd of people
    key = (country, sector, tok.lemma_.lower(), "crowd")
    if key not in table.org_protos:
        p = Proto(kind="group", name=table.doc[start:tok.i + 1].text, country=country, sector=sector,
                  named=False, country_source=source if country else None)
        table.org_protos[key] = p
        table.protos.append(p)
    table.add(table.org_protos[key], start, tok.i + 1)
    return True


def protesting_bodies(table: ActorTable) -> None:
    """A body with no sector that protests ("the Kisan Committee staged a protest", "members of
    the Youth Front staged a protest") is a body of civilians: its sector from its name's words
    ("Teachers Union" EDU) else civilians (CVL). ACLED codebook: its crowd are "Protesters";
    PLOVER PROTEST: who demonstrates. Countries and people keep theirs."""
    doc = table.doc
    for p in table.protos:
        if p.sector or p.kind in ("country", "person") or not p.mentions:
            continue
        for start, end, _subject in p.mentions:
            head = doc[start:end].root
            owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
            if crowd_protests(head) or owner is not None and owner.lemma_.lower() in MEMBER_WORDS \
                    and crowd_protests(owner):
                words = [t.lower_ for t in doc[start:end]]
                found = kb.longest_sector_phrase(words)
                p.sector = found[2] if found and found[2] in CIVIL_SECTORS else "CVL"
                break


def _crowd_word(tok) -> bool:
    """A word that names a crowd by its size or as a body of people: "group", "crowd",
    "hundreds", "dozens" (``crowd_heads``, ``crowd_counts``)."""
    return tok.tag_ in ("NN", "NNS") and (tok.lower_ in CROWD_WORDS or tok.lemma_.lower() in CROWD_WORDS)


def _counts_people(tok) -> bool:
    """Does the crowd word count a plural noun or a name ("a group of dockers", "dozens of
    Moroccans"), which is then the crowd?"""
    return any(p.dep_ == "pobj" and (p.tag_ in ("NNS", "NNPS") or p.ent_type_)
               for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)


def crowd_protests(tok, riots: bool = True) -> bool:
    """Is the noun, or the crowd it is counted in, the one who protests: the subject of a
    protest verb or of a verb staging a protest, or a noun a protest verb was hung on
    ("a group of merchants protested" parsed as a participle of "group")? With ``riots``, also
    the side that riots in a tagged note (:func:`_riot_side`)."""
    heads = [tok]
    if tok.dep_ == "conj":
        heads.append(tok.head)  # "cancer patients and their relatives staged a protest"
    for h in list(heads):
        if h.dep_ == "pobj" and h.head.lower_ == "with" and h.head.head.lower_ in ("along", "together"):
            heads.append(h.head.head.head)  # "a committee along with journalists protested"
    for h in list(heads):
        count = h.head.head
        if h.dep_ == "pobj" and h.head.lower_ == "of" and (
                count.lemma_.lower() in CROWD_COUNTS or count.lower_ in CROWD_COUNTS):
            heads.append(count)  # the list holds "hundreds", whose lemma is "hundred"
    for h in heads:
        if h.dep_ == "nsubj" and _protest_act(h.head):
            return True
        if riots and _riot_side(h):
            return True
        if any(c.dep_ == "amod" and c.tag_ == "VBG" and c.lemma_.lower() in PROTEST_VERBS for c in h.children):
            return True  # "protesting residents"
        if any(c.dep_ == "acl" and c.tag_ in ("VBN", "VBD", "VBG") and _protest_act(c)
               and not any(o.dep_ in ("dobj", "agent") for o in c.children) for c in h.children):
            # also "a group gathered and held a march", "gathered" hung on "group"; "villagers
            # protesting in X"
            return True
        root = h.sent.root
        if h.dep_ == "appos" and h.head.pos_ in ("PROPN", "NOUN") and h.i < root.i and _protest_act(root) \
                and all(c.pos_ == "PROPN" for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
            # "in Tulum, Quintana Roo, around 30 waiters protested": the parse set the subject
            # in apposition to the place before the verb, and made the place the subject or
            # left the verb none
            return True
    return False


def _riot_side(h) -> bool:
    """In a note ACLED tags with a crowd size (a demonstration: a protest or a riot), people who
    fight, attack, burn or block ("traders beat two photojournalists", "photojournalists were
    injured by traders", "a clash between two groups") are its crowd: ACLED codebook, riots
    (violent demonstrations, mob violence) are done by "Rioters (Country)"."""
    verb = h.head
    if h.dep_ == "pobj" and h.head.lower_ == "by" and h.head.dep_ == "agent":
        verb = h.head.head  # "were injured by traders"
    elif h.dep_ == "pobj" and h.head.lower_ == "between":
        # "a clash between two groups", "a clash took place between two groups"
        fight = h.head.head
        if not ({fight.lemma_.lower()} | {c.lemma_.lower() for c in fight.children if c.dep_ == "nsubj"}) \
                & FIGHT_WORDS:
            return False
        from .events.note_tags import crowd_tagged
        return crowd_tagged(h.doc)
    elif h.dep_ != "nsubj":
        return False
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if not any(v.lemma_.lower() in RIOT_ACTS or v.lower_ in RIOT_ACTS for v in verbs):
        return False
    from .events.note_tags import crowd_tagged  # the events stage reads the tag too
    return crowd_tagged(h.doc)


def _protest_act(verb) -> bool:
    """A verb of protesting with no object ("demonstrated", not "demonstrated that"), or a verb
    staging a protest ("staged a protest", "held a sit-in"), or joined to one."""
    for v in [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
        lemma = v.lemma_.lower()
        if lemma in PROTEST_VERBS and not any(c.dep_ in ("dobj", "ccomp") for c in v.children):
            return True
        # the surface form too: the lemmatiser reads "staged" as "stag"
        if (lemma in STAGING_VERBS or v.lower_ in STAGING_VERBS) and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in PROTEST_NOUNS or c.lower_ in PROTEST_NOUNS
                                      or hyphened_word(c) in PROTEST_NOUNS)
                for c in v.children):
            return True
    return False

